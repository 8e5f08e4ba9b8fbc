"""Start DigitLab: the QApplication, its identity (where QSettings live) and the main window."""
from __future__ import annotations

import sys

# Before PySide6 loads: Qt aborts on the first missing system library; name them all, with the install line.
from app.system_check import exit_if_libraries_missing

exit_if_libraries_missing()

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app import crash_report, i18n
from app.blas_threads import limit_blas_threads

limit_blas_threads()  # one BLAS thread, whatever imported NumPy first (see app.blas_threads)

ORGANISATION = "DigitLab"
APPLICATION = "DigitLab"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (or the existing one), named so QSettings know where to store."""
    # Qt 6 scales by the screen's factor by itself; pass fractional factors (125%, 150%) through.
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv if argv is None else argv)
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setStyle("Fusion")  # the same calm look on every platform
    return app


def main(argv: list[str] | None = None) -> int:
    app = make_application(argv)
    i18n.install(app)  # the saved language, else the system's, before any widget exists
    crash_report.install()  # an unexpected error: a message and a log entry, never a silent failure
    from app.main_window import MainWindow  # after the application exists

    window = MainWindow()
    window.add_default_panels()
    i18n.add_language_menu(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
