"""Rolling out bundle format 2 (``supersedes_sha256``) without breaking deployed servers, against real server
processes: a PC signs format 2 only for a province that lists it in ``GET /v1/chain``. Enrolled with a server
of the code before format 2 (run from the repository's history: it refuses unknown manifest fields), the PC
signs format 1 and both revisions are accepted; with today's server its revisions name the one they replace
by hash, and are accepted."""

from __future__ import annotations

import hashlib
import io
import subprocess
import tarfile
from pathlib import Path

import pytest

from desktop.models.store import Store
from desktop.services import reports, signing
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import sync_now
from desktop.services.usb_transfer import save_bundle_file
from desktop.sync.bundle_container import DEFAULT_LIMITS, FORMAT, FORMAT_V2, MANIFEST_KEYS, read_frame
from tests.server.live_server import REPO
from tests.services.usb_round_trip import SIGNED, TODAY, enrolled_pc

PRE_FORMAT_2 = "6157730"  # main just before bundle format 2


@pytest.fixture
def server_before_format_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Server processes started from here on run the code of ``PRE_FORMAT_2`` (its own tree first on sys.path)."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", PRE_FORMAT_2, "desktop", "server"],
                             capture_output=True, timeout=120)
    if archive.returncode != 0:
        pytest.skip(f"the repository's history lacks {PRE_FORMAT_2} (a shallow clone): no older server to run")
    tree = tmp_path / "code-before-format-2"
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(tree, filter="data")
    monkeypatch.chdir(tree)  # ``python -m server.cli`` puts its working directory first on sys.path
    monkeypatch.setenv("PYTHONPATH", str(tree))


def _latest_manifest(store: Store, out: Path) -> tuple[dict, str]:
    """The manifest of the period's latest bundle and that bundle's SHA-256."""
    save_bundle_file(store, SIGNED, out)
    with open(out, "rb") as stream:
        return read_frame(stream, DEFAULT_LIMITS).manifest, hashlib.sha256(out.read_bytes()).hexdigest()


def _revise_and_send(store: Store) -> list[str]:
    reports.reopen_report(store, SIGNED, "Bổ sung số liệu")
    signing.approve_and_sign(store, SIGNED, TODAY)
    return [o.outcome for o in sync_now(store).report.outcomes]


@pytest.mark.timeout(600)
def test_a_pc_signs_format_1_for_a_province_whose_server_predates_format_2(
        tmp_path: Path, demo_province_folder: Path, server_before_format_2: None) -> None:
    with DemoProvince(demo_province_folder) as province:
        store = enrolled_pc(tmp_path / "pc", province, "Máy xã")
        try:
            first, _ = _latest_manifest(store, tmp_path / "r1.bcb")
            assert (first["format"], set(first)) == (FORMAT, MANIFEST_KEYS)
            assert [o.outcome for o in sync_now(store).report.outcomes] == ["receipted"]
            assert _revise_and_send(store) == ["receipted"]
            second, _ = _latest_manifest(store, tmp_path / "r2.bcb")
            assert (second["format"], set(second), second["supersedes"]) == (FORMAT, MANIFEST_KEYS, 1)
        finally:
            store.close()


@pytest.mark.timeout(600)
def test_a_pc_names_the_revision_it_replaces_by_hash_for_a_province_that_takes_format_2(
        tmp_path: Path, demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        store = enrolled_pc(tmp_path / "pc", province, "Máy xã")
        try:
            first, first_sha = _latest_manifest(store, tmp_path / "r1.bcb")
            assert (first["format"], first["supersedes_sha256"]) == (FORMAT_V2, None)
            assert [o.outcome for o in sync_now(store).report.outcomes] == ["receipted"]
            assert _revise_and_send(store) == ["receipted"]
            second, _ = _latest_manifest(store, tmp_path / "r2.bcb")
            assert (second["format"], second["supersedes"], second["supersedes_sha256"]) == (FORMAT_V2, 1, first_sha)
        finally:
            store.close()
