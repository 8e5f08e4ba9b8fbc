"""Screenshots of My digits (called by tools.screenshot): the correction on the Draw tab,
practice mode, the My digits tab and a fine-tune run, on a throwaway set."""

from __future__ import annotations

import tempfile
from pathlib import Path


def fill_store(keeper, per_digit: int = 8, seed: int = 3) -> None:
    """A throwaway set of the stroke-template handwriting, so the user's own set is never touched."""
    import numpy as np

    from model.my_digits import MyDigits
    from tools.handwriting_style import draw

    keeper.store = MyDigits(Path(tempfile.mkdtemp()) / "my-digits")
    rng = np.random.default_rng(seed)
    for _ in range(per_digit):
        for digit in range(10):
            keeper.store.add(draw(digit, rng), digit)
    keeper.changed.emit()


def grab_my_digits(app, window, out_dir: Path) -> None:
    """correction.png, practice.png, my-digits.png, finetune.png (a default fine-tune on the set)."""
    import numpy as np

    from tools.handwriting_style import draw

    parts = window.my_digits
    fill_store(parts.keeper)
    window.tabs.setCurrentIndex(0)
    window.canvas.load_image(draw(1, np.random.default_rng(7)))  # a long-flagged 1, which it misreads
    app.processEvents()
    parts.keeper.keep(1)
    app.processEvents()
    window.grab().save(str(out_dir / "correction.png"))
    parts.practice.start()
    window.canvas.clear()
    for stroke in _strokes(parts.practice.asked):
        window.canvas.draw_stroke(stroke)
    app.processEvents()
    window.grab().save(str(out_dir / "practice.png"))
    parts.practice.stop()
    window.canvas.clear()
    window.tabs.setCurrentWidget(parts.view)
    app.processEvents()
    window.grab().save(str(out_dir / "my-digits.png"))
    if parts.finetune is not None:
        from tools.screenshot import wait_for

        parts.finetune.start()
        wait_for(window.training.run_finished, 300_000)
        app.processEvents()
        window.grab().save(str(out_dir / "finetune.png"))


def _strokes(digit: int) -> list[list[tuple[float, float]]]:
    """A plain hand-drawn `digit` for the practice picture: an oval 0, or a stick for anything else."""
    import numpy as np

    if digit == 0:
        return [[(140 + 55 * np.cos(a), 140 + 90 * np.sin(a)) for a in np.linspace(-1.4, 2 * np.pi - 1.2, 40)]]
    return [[(150, 40), (140, 240)]]
