"""The wheel, installed (not editable) in a fresh virtualenv, runs ``baocao self-test`` and ``baocao report pdf``
from a folder that is not the repository: a resource missing from the package data (the bundled font, the
translations, the agency table, the migrations) fails here, as it would for a user's ``pip install``.

The wheel is built by pip with the project's own build backend (``pip wheel . --no-deps``) from the repository's
tracked files copied aside, so the working tree gets no build/ or egg-info. When the test environment already
has what ``[build-system] requires`` asks (the ``test`` extra brings it), the build uses it
(``--no-build-isolation``) instead of fetching it from the index into a throw-away environment, which was most
of this test's time; otherwise the build is isolated, as a user's. Either way it is the same backend, at a
version the project accepts, reading the same package-data settings. The fresh
virtualenv has no pip and no dependencies of its own: a path file lends it the test environment's
site-packages, whose own path files (the editable install's import hook) are not processed, so ``desktop``
can only come from the wheel. The test checks that it does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from desktop.documents.sample_plan_data import DONG_THAP_3256
from desktop.documents.sample_plans import write_sample_plan
from desktop.models.store import Store
from desktop.services.demo import DEMO_AGENCY
from desktop.services.installation import configure_agency
from desktop.services.plans import import_plan
from tests.conftest import FAST_KDF, PASSPHRASE, REPO

pytestmark = pytest.mark.slow(seconds=40)
PLAIN_FILES = (".ts",)  # sources of compiled files: not shipped


def _source_copy(dest: Path) -> Path:
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def _build_requirements_met() -> bool:
    """Whether this environment has every package ``[build-system] requires`` names, at an accepted version."""
    with (REPO / "pyproject.toml").open("rb") as handle:
        wanted = [Requirement(text) for text in tomllib.load(handle)["build-system"]["requires"]]
    try:
        return all(need.specifier.contains(version(need.name), prereleases=True) for need in wanted)
    except PackageNotFoundError:
        return False


def _build_wheel(tmp_path: Path) -> Path:
    source = _source_copy(tmp_path / "source")
    isolation = ["--no-build-isolation"] if _build_requirements_met() else []
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", *isolation, "-q", "-w",
                           str(tmp_path / "dist")], cwd=source, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = (tmp_path / "dist").glob("baocao-*.whl")
    return wheel


def _fresh_venv(tmp_path: Path, wheel: Path) -> Path:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                           "-q", str(wheel)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv


def _store_with_a_plan(folder: Path) -> Path:
    """A commune's store with one plan (set up by this checkout's code: the store format is the wheel's)."""
    data = folder / "data"
    store, _recovery = Store.create(data, "admin", PASSPHRASE, FAST_KDF)
    try:
        configure_agency(store, DEMO_AGENCY)
        import_plan(store, write_sample_plan(DONG_THAP_3256, folder / "3256.xlsx"))
    finally:
        store.close()
    return data


@pytest.mark.timeout(900)
def test_an_installed_wheel_passes_self_test_and_prints_a_report(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    shipped = set(zipfile.ZipFile(wheel).namelist())
    resources = [p.relative_to(REPO).as_posix() for p in (REPO / "desktop" / "resources").rglob("*")
                 if p.is_file() and p.suffix not in PLAIN_FILES and "__pycache__" not in p.parts]
    assert resources and not [name for name in resources if name not in shipped]
    venv = _fresh_venv(tmp_path, wheel)
    clean = tmp_path / "elsewhere"
    clean.mkdir()
    data = _store_with_a_plan(clean)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("BAOCAO_", "LANG", "LC_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", BAOCAO_PASSPHRASE=PASSPHRASE, HOME=str(clean))
    baocao = str(venv / "bin" / "baocao")
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import desktop, server; print(desktop.__file__); "
                            "print(server.__file__)"], cwd=clean, env=env, capture_output=True, text=True, check=True)
    assert all(line.startswith(str(venv)) for line in where.stdout.split()), where.stdout
    checks = subprocess.Popen([baocao, "self-test"], cwd=clean, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    pdf = subprocess.run([baocao, "report", "pdf", "--data-dir", str(data), "--period", "2026Q4", "--out",
                          "bao-cao.pdf"], cwd=clean, env=env, capture_output=True, text=True, timeout=300, check=False)
    out, err = checks.communicate(timeout=300)
    assert checks.returncode == 0 and "✗" not in out, out + err[-3000:]
    assert "Tự kiểm tra: đạt cả" in out
    assert pdf.returncode == 0, pdf.stdout + pdf.stderr[-3000:]
    text = subprocess.run(["pdftotext", str(clean / "bao-cao.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "BÁO CÁO" in text and "3256/QĐ-UBND" in text
