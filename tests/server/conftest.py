"""A real server process shared by the server tests, and enrolled devices on it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.server.live_server import Device, LiveServer

_agency_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server for the session (tests that kill it restart it before returning)."""
    server = LiveServer.create(tmp_path_factory.mktemp("live"))
    yield server
    server.stop()


def new_device(server: LiveServer, prefix: str = "XA") -> Device:
    """A new agency on ``server`` with one enrolled device."""
    code = f"{prefix}-{next(_agency_numbers):04d}"
    device = Device(server.url, Ed25519PrivateKey.generate())
    response = device.enroll(server.add_agency(code))
    assert response.status_code == 200, response.text
    return device


@pytest.fixture
def device(live_server: LiveServer) -> Iterator[Device]:
    """A freshly enrolled device of a new agency."""
    enrolled = new_device(live_server)
    yield enrolled
    enrolled.client.close()


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOCAO_LANG", "en")


@pytest.fixture
def data_dir(live_server: LiveServer) -> Path:
    return live_server.data_dir
