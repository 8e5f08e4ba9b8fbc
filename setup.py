"""Ship the repository's assets/ folder inside the package, as model/assets/.

pyproject.toml holds everything else. The mapping needs the package list written
here: find_packages() cannot see assets/, which lives beside model/, not in it.
"""
from setuptools import find_packages, setup

# Data folders, listed as packages so setuptools ships them without warning; no Python code inside.
ASSETS = ["model.assets", "model.assets.mnist", "model.assets.weights", "model.assets.fonts", "model.assets.canvas"]
TRANSLATIONS = "app.translations"  # the compiled .qm files only; the .ts sources stay in the repository

setup(
    packages=[*find_packages(include=["model*", "app*"]), *ASSETS, TRANSLATIONS],
    package_dir={"model.assets": "assets"},
    package_data={**{name: ["*"] for name in ASSETS}, TRANSLATIONS: ["*.qm"]},
)
