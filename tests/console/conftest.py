"""One console server for the console tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.console.console_server import ConsoleServer


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleServer]:
    """A server with the three console accounts."""
    server = ConsoleServer.create(tmp_path_factory.mktemp("console"))
    yield server
    server.stop()
