"""The installer sources agree with each other and with the project: names, version, icon, data folder.

Inno Setup and PyInstaller cannot both run here, so these tests read what each one is given and check
that what one produces is what the other expects.
"""

from __future__ import annotations

import ast
import configparser
import importlib.metadata
import os
import re
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from xml.etree import ElementTree

import pytest

from desktop.services.accounts import APP_NAME
from tests.conftest import REPO

INSTALLERS = REPO / "installers"
ISS = INSTALLERS / "windows" / "baocao.iss"
ISL = INSTALLERS / "windows" / "Vietnamese.isl"
SPEC = INSTALLERS / "baocao.spec"
ICONS = REPO / "desktop" / "resources" / "icons"
APP_ID = "{{0ACB6D05-9C8B-4BC9-BC1B-AB43CE54CB6B}"
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]

sys.path.insert(0, str(INSTALLERS))
import build_metadata  # noqa: E402 - lives beside the spec, not in a package
import bundle_hygiene  # noqa: E402


def _iss_setup() -> dict[str, str]:
    section = ISS.read_text(encoding="ascii").split("[Setup]", 1)[1].split("\n[", 1)[0]
    pairs = (line.split("=", 1) for line in section.splitlines() if "=" in line and not line.startswith(";"))
    return {key.strip(): value.strip() for key, value in pairs}


def _isl_messages(text: str, section: str) -> dict[str, str]:
    body = text.split(f"[{section}]", 1)[1].split("\n[", 1)[0]
    pairs = (line.split("=", 1) for line in body.splitlines() if "=" in line and not line.startswith(";"))
    return {key.strip(): value for key, value in pairs}


def test_frozen_metadata_carries_the_pyproject_version(tmp_path: Path) -> None:
    folder = build_metadata.dist_info(tmp_path, PROJECT)
    assert folder.name == f"baocao-{PROJECT['version']}.dist-info"
    distribution = importlib.metadata.PathDistribution(folder)
    assert (distribution.metadata["Name"], distribution.version) == ("baocao", PROJECT["version"])


@pytest.mark.parametrize(("version", "numbers"), [("0.1.0", (0, 1, 0, 0)), ("1.2rc1", (1, 2, 0, 0)),
                                                   ("2026.4.1.7.9", (2026, 4, 1, 7))])
def test_windows_version_numbers(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert build_metadata.version_tuple(version) == numbers


def test_windows_version_resource_holds_the_pyproject_version(tmp_path: Path) -> None:
    text = build_metadata.windows_version_file(tmp_path, PROJECT["version"], PROJECT["description"]).read_text()
    ast.parse(text, mode="eval")  # PyInstaller evaluates the file as one expression
    assert f"StringStruct('ProductVersion', '{PROJECT['version']}')" in text
    assert f"filevers={build_metadata.version_tuple(PROJECT['version'])}" in text


def test_migration_imports_cover_every_script() -> None:
    modules = build_metadata.migration_imports(REPO / "desktop" / "models" / "migrations")
    assert {"alembic", "sqlalchemy", "desktop.models"} <= set(modules)
    assert "__future__" not in modules


def test_spec_bundles_migrations_as_files_and_names_both_executables() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert 'MIGRATIONS / "script.py.mako"' in spec and 'MIGRATIONS / "env.py"' in spec
    assert 'name="baocao"' in spec and 'name="baocao-cli", console=True' in spec
    assert '"QtWebEngineCore"' in spec and '"Qt3DCore"' in spec and '"QtMultimedia"' in spec
    assert (REPO / "desktop" / "models" / "migrations" / "script.py.mako").is_file()


def test_installer_installs_what_the_spec_builds() -> None:
    text = ISS.read_text(encoding="ascii")  # ISCC reads a BOM-less script as ANSI: keep it ASCII
    assert '#define DistDir "..\\..\\dist\\baocao"' in text
    assert '#define AppExe "baocao.exe"' in text and '#define CliExe "baocao-cli.exe"' in text
    assert 'GetStringFileInfo(AddBackslash(SourcePath) + DistDir + "\\" + AppExe, "ProductVersion")' in text
    setup = _iss_setup()
    assert setup["AppId"] == APP_ID  # an upgrade finds the installed copy by it: never change it
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == "{localappdata}\\Programs\\{#AppName}"
    assert (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).resolve() == ICONS / "baocao.ico"


def test_uninstaller_deletes_only_the_platformdirs_data_folder_and_only_on_yes() -> None:
    text = ISS.read_text(encoding="ascii")
    assert f'#define AppName "{APP_NAME}"' in text
    # platformdirs.user_data_dir("baocao", appauthor=False) on Windows is %LOCALAPPDATA%\baocao
    assert "ExpandConstant('{localappdata}\\{#AppName}')" in text
    assert "MB_YESNO or MB_DEFBUTTON2) = IDYES" in text and "not UninstallSilent()" in text
    assert "{app}" not in text.split("[Code]", 1)[1]


def test_vietnamese_messages_cover_every_custom_message_with_the_same_placeholders() -> None:
    raw = ISL.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, as Inno Setup needs for Unicode .isl files
    text = raw.decode("utf-8-sig")
    iss = ISS.read_text(encoding="ascii")
    english = {key[3:]: value for key, value in _isl_messages(iss, "CustomMessages").items() if key.startswith("en.")}
    vietnamese = _isl_messages(text, "CustomMessages")
    used = set(re.findall(r"\{cm:(\w+)", iss)) | set(re.findall(r"CustomMessage\('(\w+)'\)", iss))
    assert used <= set(vietnamese)
    for key, value in english.items():
        assert sorted(re.findall(r"%\d", vietnamese[key])) == sorted(re.findall(r"%\d", value)), key
    messages = _isl_messages(text, "Messages")
    assert "Gỡ cài đặt" in messages["UninstallAppTitle"] and all(v.strip() for v in messages.values())
    assert 'MessagesFile: "compiler:Default.isl,Vietnamese.isl"' in iss


def test_icon_has_the_sizes_windows_uses() -> None:
    data = (ICONS / "baocao.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    sizes = {struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)}
    assert (reserved, kind) == (0, 1)
    assert {16, 24, 32, 48, 256} <= sizes
    assert (ICONS / "baocao-16.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert ElementTree.parse(ICONS / "baocao.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_desktop_entry_and_linux_install_round_trip(tmp_path: Path) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(INSTALLERS / "linux" / "baocao.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert (desktop["Type"], desktop["Exec"], desktop["Icon"], desktop["Terminal"]) == (
        "Application", "baocao", "baocao", "false")
    app = tmp_path / "tải về" / "baocao"
    (app / "share" / "icons").mkdir(parents=True)
    for name in ["baocao.svg", "baocao.png", *(f"baocao-{s}.png" for s in (16, 32, 48, 64, 128))]:
        (app / "share" / "icons" / name).write_bytes((ICONS / name).read_bytes())
    (app / "share" / "baocao.desktop").write_bytes((INSTALLERS / "linux" / "baocao.desktop").read_bytes())
    (app / "install.sh").write_bytes((INSTALLERS / "linux" / "install.sh").read_bytes())
    home = tmp_path / "home"
    data = home / ".local" / "share" / "baocao"
    data.mkdir(parents=True)
    (data / "keyslots.json").write_text("{}")
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    subprocess.run(["sh", str(app / "install.sh")], env=env, check=True, capture_output=True)
    installed = home / ".local" / "share" / "applications" / "baocao.desktop"
    assert f'Exec="{app}/baocao"' in installed.read_text(encoding="utf-8").splitlines()
    assert (home / ".local" / "share" / "icons" / "hicolor" / "16x16" / "apps" / "baocao.png").is_file()
    assert (home / ".local" / "bin" / "baocao").resolve() == app / "baocao-cli"
    subprocess.run(["sh", str(app / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True)
    assert not installed.exists() and not (home / ".local" / "bin" / "baocao").is_symlink()
    assert (data / "keyslots.json").is_file()  # the user's data is never touched


def test_hygiene_finds_tests_caches_and_keys_but_not_a_ca_bundle(tmp_path: Path) -> None:
    root = tmp_path / "baocao"
    (root / "_internal" / "pkg" / "tests").mkdir(parents=True)
    (root / "_internal" / "pkg" / "__pycache__").mkdir()
    (root / ".hypothesis").mkdir()
    (root / "_internal" / "pkg" / "conftest.py").write_text("")
    (root / "_internal" / "pkg" / "test_things.py").write_text("")
    (root / "_internal" / "baocao.db").write_bytes(b"x")
    (root / "_internal" / "keyslots.json").write_text("{}")
    (root / "_internal" / "device.pem").write_text("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    (root / "_internal" / "notes.txt").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    (root / "_internal" / "certifi").mkdir()
    (root / "_internal" / "certifi" / "cacert.pem").write_text(
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    (root / "_internal" / "libcrypto.so.3").write_bytes(b"\x7fELF\0\0-----BEGIN PRIVATE KEY-----")
    (root / "_internal" / "testing.py").write_text("")  # a module of a library, not a test
    found = bundle_hygiene.find_forbidden(root)
    assert found == [
        ".hypothesis: cache folder",
        "_internal/baocao.db: a store's file (user data or its key slots)",
        "_internal/device.pem: PEM with PRIVATE KEY",
        "_internal/keyslots.json: a store's file (user data or its key slots)",
        "_internal/notes.txt: PEM with OPENSSH PRIVATE KEY",
        "_internal/pkg/__pycache__: cache folder",
        "_internal/pkg/conftest.py: test file",
        "_internal/pkg/test_things.py: test file",
        "_internal/pkg/tests: test folder",
    ]
    assert bundle_hygiene.main(["bundle_hygiene.py", str(root)]) == 1
