"""Start DigitLab: the QApplication, its identity (where QSettings live) and the main window."""
from __future__ import annotations

import os
import sys

# Before NumPy loads: one BLAS thread. Drawing is predicted on the GUI thread while a
# training run may use the cores; OpenBLAS's pool then spins and waits. Measured on two
# cores while the cnn trained: a prediction took 100 ms (max 560) with the default
# threads, 12 ms (max 28) with one; training itself was faster too. Set these to override.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

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
    from app.main_window import MainWindow  # after the application exists

    window = MainWindow()
    window.add_default_panels()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
