"""The window in a language at a small screen's size: `python -m tools.screenshot_language OUT_DIR --language zh_CN`.

Saves PREFIX-drawing.png (a digit drawn while a network trains), PREFIX-training.png
and PREFIX-experiments.png (after a quick run) at 1024x700 (or --size), with
throwaway settings. PREFIX is the language's code ("zh-CN"), or --prefix.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.screenshot import grab_panels, offscreen_window, two_strokes, wait_ms

SMALL_SCREEN = "1024x700"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="zh_CN", help="en, zh_CN... (default zh_CN)")
    parser.add_argument("--size", default=SMALL_SCREEN, help=f"window size WxH in logical pixels (default {SMALL_SCREEN})")
    parser.add_argument("--prefix", help="file name prefix (default: the language code)")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    from app import i18n

    app, _ = offscreen_window()  # the application and settings; the window is made again below, translated
    if i18n.install(app, args.language) != args.language:
        print(f"no translation for {args.language} in {i18n.TRANSLATIONS_DIR}", file=sys.stderr)
        return 1
    from app.main_window import MainWindow
    from app.watch.side_panel import REDRAWS_PER_S
    from tools.training_demo import show_training_in_progress

    window = MainWindow()
    window.add_default_panels()
    i18n.add_language_menu(window)
    window.resize(width, height)
    window.show()
    app.processEvents()
    for stroke in two_strokes():
        window.canvas.draw_stroke(stroke)
    show_training_in_progress(window.training)
    wait_ms(2 * 1000 // REDRAWS_PER_S)
    out, prefix = args.out_dir, args.prefix or args.language.replace("_", "-")
    out.mkdir(parents=True, exist_ok=True)
    window.tabs.setCurrentIndex(0)
    app.processEvents()
    window.grab().save(str(out / f"{prefix}-drawing.png"))
    grab_panels(app, window, out, prefix=f"{prefix}-")
    print(f"{window.width()}x{window.height()}; saved to {out}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
