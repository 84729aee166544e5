"""One console server for the console tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.console.console_server import ConsoleServer


@pytest.fixture(scope="session")
def console_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The console server's data directory set up once per test process, through the admin CLI as a province
    does it (``baocao-server init`` and three ``user add``: four child processes, seconds each under load)."""
    folder = tmp_path_factory.mktemp("console-template") / "server-data"
    ConsoleServer.set_up(folder)
    return folder


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory, console_template: Path) -> Iterator[ConsoleServer]:
    """A server with the three console accounts, on this module's own copy of ``console_template``."""
    server = ConsoleServer.create(tmp_path_factory.mktemp("console"), template=console_template)
    yield server
    server.stop()
