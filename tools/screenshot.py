"""Screenshots for the README: `python -m tools.screenshot OUT_DIR [--weights FILE]`.

Opens the window offscreen with throwaway settings, draws a digit through the
canvas's public methods and saves PNGs of the window, the evaluation
dialog (once every drawn part is scored: a few minutes), the Train tab
mid-run, the Experiments tab after a quick run, and the Inside tab for the
MLP and a CNN and its mistakes gallery, and My digits
(tools.screenshot_my_digits). The drawing is taken mid-run too, with the
Draw tab's training card beside it. Set QT_SCALE_FACTOR=2 to see the window
at 200%.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WINDOW_SIZE = (1040, 700)  # logical pixels


def two_strokes() -> list[list[tuple[float, float]]]:
    """A handwritten-looking "2" in canvas units: a hook, a diagonal, a slightly bowed base."""
    import numpy as np  # after app.main has set NumPy's thread count

    angles = np.linspace(np.pi * 1.05, np.pi * 2.2, 24)
    hook = [(140 + 58 * np.cos(a), 105 + 52 * np.sin(a)) for a in angles]
    base = [(88 + 112 * t, 226 - 10 * np.sin(np.pi * t)) for t in np.linspace(0, 1, 12)]
    return [hook + base]


def wait_for(signal, timeout_ms: int = 60_000) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def grab_panels(app, window, out_dir: Path, prefix: str = "") -> None:
    """The Train tab mid-run (the run shown in drawing.png) and the Experiments tab after a quick run,
    as PREFIXtraining.png and PREFIXexperiments.png."""
    window.tabs.setCurrentWidget(window.training)
    app.processEvents()
    window.grab().save(str(out_dir / f"{prefix}training.png"))
    window.tabs.setCurrentWidget(window.experiments)
    window.experiments.results_dir = Path(tempfile.mkdtemp())
    window.experiments.select("vanishing-gradients")
    window.experiments.quick.setChecked(True)
    window.experiments.run()
    wait_for(window.experiments.finished)
    app.processEvents()
    window.grab().save(str(out_dir / f"{prefix}experiments.png"))


def _grab_inside(app, window, out_dir: Path) -> None:
    """The Inside tab with the bundled MLP and the small CNN (when present), then the CNN's mistakes."""
    entries = {e.path.stem: i for i, e in enumerate(window.networks.entries()) if e.path is not None}
    window.tabs.setCurrentWidget(window.inside)
    for stem, name in (("mlp", "inside-mlp.png"), ("small-cnn", "inside-cnn.png")):
        if stem in entries:
            window.networks.select(entries[stem])
            app.processEvents()
            window.grab().save(str(out_dir / name))
    window.inside.pages.setCurrentWidget(window.inside.gallery)
    wait_for(window.inside.gallery.ready)
    app.processEvents()
    window.grab().save(str(out_dir / "mistakes.png"))


def wait_ms(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def offscreen_window():
    """(QApplication, MainWindow) with throwaway settings, so the user's own are never touched."""
    from PySide6.QtCore import QSettings

    from app.main import make_application  # first: it sets up NumPy's threads

    app = make_application([sys.argv[0]])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from app.main_window import MainWindow

    return app, MainWindow()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--weights", type=Path, help="a weight file to show (default: the bundled ones)")
    args = parser.parse_args(argv)
    from tools.screenshot_my_digits import grab_my_digits

    app, window = offscreen_window()
    from app.watch.side_panel import REDRAWS_PER_S
    from tools.training_demo import show_training_in_progress

    window.add_default_panels()  # the tabs, as the program shows them
    if args.weights and not window.open_weights(args.weights):
        return 1
    if window.networks.current() is None:
        print("no network: pass --weights FILE or add assets/weights/*.npz", file=sys.stderr)
        return 1
    window.resize(*WINDOW_SIZE)
    window.show()
    app.processEvents()
    for stroke in two_strokes():
        window.canvas.draw_stroke(stroke)
    window.canvas.undo()  # predict once more, warm, so the status bar shows a typical time
    window.canvas.redo()
    app.processEvents()
    show_training_in_progress(window.training)  # on the Draw tab: its card follows the run
    wait_ms(2 * 1000 // REDRAWS_PER_S)  # the card shows the run at its next redraw
    args.out_dir.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(args.out_dir / "drawing.png"))
    dialog = window.evaluate()
    wait_for(dialog.drawings_evaluated, timeout_ms=600_000)  # MNIST test, then 1,000 drawings of each kind
    app.processEvents()
    dialog.grab().save(str(args.out_dir / "evaluate.png"))
    dialog.close()
    grab_panels(app, window, args.out_dir)
    _grab_inside(app, window, args.out_dir)
    grab_my_digits(app, window, args.out_dir)
    print(f"predicted {window.panel.shown_digit()}; saved to {args.out_dir}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
