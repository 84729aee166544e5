"""Where the files shipped inside the ``desktop`` package live: fonts, icons, translations.

They are package data (``desktop/resources``), read through :mod:`importlib.resources`, so an editable
checkout, a wheel install and the frozen app all find them the same way.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resources_dir() -> Path:
    """The folder of the shipped resources as a real path (reportlab and Qt need file names)."""
    root = resources.files("desktop") / "resources"
    # A wheel or editable install and PyInstaller's one-folder app all unpack the package to disk.
    return Path(str(root))


def resource_path(*parts: str) -> Path:
    """One shipped file or folder, e.g. ``resource_path("fonts", "Tinos-Regular.ttf")``."""
    return resources_dir().joinpath(*parts)
