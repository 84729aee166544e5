"""What the PyInstaller spec derives from the project: package metadata, Windows version resource, hidden imports.

Kept out of the spec so that tests can check it without running a build.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

COMPANY = "baocao"
COPYRIGHT = "MIT License"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows version resource: "0.1.0" → (0, 1, 0, 0), "1.2rc1" → (1, 2, 0, 0)."""
    numbers = []
    for part in version.split(".")[:4]:
        match = re.match(r"\d+", part)
        if match is None:
            break
        numbers.append(int(match.group()))
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def dist_info(workdir: Path, project: dict[str, Any]) -> Path:
    """A ``baocao-<version>.dist-info`` folder for the frozen app, made from pyproject's [project] table.

    ``importlib.metadata.version("baocao")`` then answers pyproject's version in the frozen app, whatever
    version the build machine's environment happened to have installed.
    """
    folder = workdir / "baocao-metadata" / f"baocao-{project['version']}.dist-info"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "METADATA").write_text(
        "Metadata-Version: 2.1\n"
        f"Name: {project['name']}\n"
        f"Version: {project['version']}\n"
        f"Summary: {project['description']}\n", encoding="utf-8")
    (folder / "INSTALLER").write_text("pyinstaller\n", encoding="utf-8")
    return folder


def resource_files(root: Path, folder: str, pattern: str) -> list[tuple[str, str]]:
    """``(source, destination folder)`` pairs for the files of ``desktop/resources/<folder>`` (none if absent).

    They keep their place inside the ``desktop`` package, so :mod:`desktop.package_data` finds them the
    same way in the source tree, in a wheel install and in the frozen app.
    """
    source = root / "desktop" / "resources" / folder
    files = sorted(p for p in source.glob(pattern) if p.is_file()) if source.is_dir() else []
    return [(str(p), f"desktop/resources/{folder}") for p in files]


def migration_imports(migrations: Path) -> list[str]:
    """Every module the Alembic scripts import (they are loaded by path, so PyInstaller cannot see them)."""
    modules: set[str] = set()
    for script in [migrations / "env.py", *sorted((migrations / "versions").glob("*.py"))]:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"), str(script))):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module)
    modules.discard("__future__")
    return sorted(modules)


def windows_version_file(workdir: Path, version: str, description: str) -> Path:
    """The Windows version resource as PyInstaller's version file (Explorer's Details tab; the installer
    script reads ProductVersion back from the exe). Written as text so that it can be made and checked on
    any platform (PyInstaller's own classes need ``pefile``, which is installed on Windows only)."""
    numbers = version_tuple(version)
    language, codepage = 0x042A, 1200  # Vietnamese, Unicode
    strings = {
        "CompanyName": COMPANY, "FileDescription": description, "FileVersion": version, "InternalName": "baocao",
        "LegalCopyright": COPYRIGHT, "OriginalFilename": "baocao.exe", "ProductName": "baocao",
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable({f"{language:04X}{codepage:04X}"!r}, [
{table}])]),
    VarFileInfo([VarStruct('Translation', [{language}, {codepage}])])
  ]
)
"""
    path = workdir / "baocao-version.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
