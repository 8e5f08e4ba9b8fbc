"""Where DigitLab's bundled files are: MNIST, the default weights, the evaluation fonts.

An installed package (a wheel, `pip install .`) carries them as model/assets/
(setup.py maps the repository's assets/ there); a checkout or an editable
install reads the repository's assets/ beside model/. Both are found from the
package itself, never from the working directory.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _assets_dir() -> Path:
    package = Path(str(resources.files("model")))
    installed = package / "assets"
    return installed if installed.is_dir() else package.parent / "assets"


ASSETS_DIR = _assets_dir()
MNIST_DIR = ASSETS_DIR / "mnist"
WEIGHTS_DIR = ASSETS_DIR / "weights"
FONTS_DIR = ASSETS_DIR / "fonts"
