"""Time a fine-tune from the window: `python -m tools.finetune_window DIR`.

Opens the window offscreen, points My digits at DIR (a folder of images plus
labels.csv, read only), runs My digits ▸ Fine-tune with its defaults and
prints the wall-clock and CPU time from the click to the result, and the result.
"""
from __future__ import annotations

import sys
import time

import app.main  # noqa: F401  first: one BLAS thread, as the program runs


def main(argv: list[str] | None = None) -> int:
    from model.my_digits import MyDigits
    from tools.screenshot import offscreen_window, wait_for

    folder = (argv if argv is not None else sys.argv[1:])[0]
    application, window = offscreen_window()
    window.add_default_panels()
    window.show()
    application.processEvents()
    window.my_digits.keeper.store = MyDigits(folder)
    done = []
    window.training.run_finished.connect(done.append)
    wall, cpu = time.perf_counter(), time.process_time()
    problem = window.my_digits.finetune.start()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    wait_for(window.training.run_finished, 900_000)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"window fine-tune: {wall:.1f} s wall, {cpu:.1f} s CPU; {done[0].message if done[0] else 'failed'}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
