"""Where DigitLab's bundled files are: MNIST, the default weights, the evaluation fonts."""

from __future__ import annotations

from pathlib import Path

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
MNIST_DIR = ASSETS_DIR / "mnist"
WEIGHTS_DIR = ASSETS_DIR / "weights"
FONTS_DIR = ASSETS_DIR / "fonts"
