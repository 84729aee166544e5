"""The province server's data directory is private to its user even when started under a loose umask:
folders 0700, files 0600 (database and its WAL, province keys, stored bundles, uploads in progress)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.bundles import agency_bundle
from tests.server.conftest import new_device
from tests.server.live_server import LiveServer

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes")


@pytest.fixture
def loose_server(tmp_path: Path) -> Iterator[LiveServer]:
    previous = os.umask(0o022)  # the usual default: files readable by everyone
    try:
        server = LiveServer.create(tmp_path)
    finally:
        os.umask(previous)
    yield server
    server.stop()


def test_a_server_started_under_a_loose_umask_keeps_its_data_private(loose_server: LiveServer) -> None:
    device = new_device(loose_server)
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient)
    assert device.push(bundle.data, bundle.bundle_id).json()["status"] == "accepted"
    pending = device.create_upload(b"x" * 1000, f"{device.agency}-pending")
    assert device.patch(pending.headers["Location"], 0, b"x" * 500).status_code == 204
    data = loose_server.data_dir
    modes = {str(path.relative_to(data)): path.stat().st_mode & 0o777 for path in data.rglob("*")}
    assert any(name.endswith(".sqlite3-wal") for name in modes) and any(".part" in name for name in modes), modes
    assert any(name.startswith("bundles/") and not (data / name).is_dir() for name in modes), modes
    loose = {name: oct(mode) for name, mode in modes.items()
             if mode != (0o700 if (data / name).is_dir() else 0o600)}
    assert not loose, f"readable by others: {loose}"
