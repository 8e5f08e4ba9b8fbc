"""The engine must stay importable without Qt or matplotlib."""

import pkgutil
import subprocess
import sys

import model

FORBIDDEN = ("PySide6", "matplotlib")
ENGINE_MODULES = ["model"] + [
    info.name for info in pkgutil.walk_packages(model.__path__, "model.") if not info.name.endswith("__main__")
]


def test_engine_imports_no_gui_library():
    code = (
        "import sys, importlib\n"
        f"for name in {ENGINE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(','.join(m for m in {FORBIDDEN!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"importing the engine pulled in {out.stdout.strip()}"
