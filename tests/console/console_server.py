"""A real province server process with console accounts, and a logged-in console client (httpx).

``ConsoleServer.create(tmp)`` is the e2e ``Province`` (``baocao-server init`` and ``serve`` on a free port)
with three accounts added through ``baocao-server user add`` (password from BAOCAO_CONSOLE_PASSWORD).
``ConsoleServer.create(tmp, template=folder)`` starts on a copy of a data directory ``set_up`` made instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.e2e.province_server import Province
from tests.server.live_server import REPO, cli_env, free_port, run_cli

PASSWORDS = {"admin": "quản trị viên 2026!", "officer": "chuyên viên 2026!", "viewer": "người xem 2026!"}
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def add_user(data_dir: Path, name: str, role: str, password: str) -> subprocess.CompletedProcess:
    """``baocao-server user add NAME --role ROLE`` with the password in the environment, never in argv."""
    env = {**cli_env(data_dir), "BAOCAO_CONSOLE_PASSWORD": password}
    return subprocess.run([sys.executable, "-m", "server.cli", "user", "add", name, "--role", role], env=env,
                          cwd=REPO, capture_output=True, text=True, timeout=120)


@dataclass
class ConsoleServer(Province):
    """A province server with the accounts admin, officer and viewer (``PASSWORDS``)."""

    @staticmethod
    def set_up(data_dir: Path) -> None:
        """``baocao-server init`` and ``user add`` of the three accounts on ``data_dir`` (four child processes)."""
        run_cli(data_dir, "init")
        for role, password in PASSWORDS.items():
            done = add_user(data_dir, role, role, password)
            assert done.returncode == 0, done.stderr

    @classmethod
    def create(cls, directory: Path, db_url: str | None = None, *, template: Path | None = None) -> ConsoleServer:
        data_dir = directory / "server-data"
        if template is None:
            cls.set_up(data_dir)
        else:  # the stopped set-up's files only: its keys, its database, its empty folders, modes kept
            shutil.copytree(template, data_dir)
        server = cls(data_dir, free_port(), None)
        server.start()
        return server

    def client(self, session_cookie: str | None = None) -> httpx.Client:
        """A client with no session (or with ``session_cookie`` as its session cookie)."""
        client = httpx.Client(base_url=self.url, timeout=60, follow_redirects=False)
        if session_cookie is not None:
            client.cookies.set("baocao_console", session_cookie, domain="127.0.0.1", path="/console")
        return client

    def login(self, name: str, password: str | None = None, client: httpx.Client | None = None) -> httpx.Client:
        """A client logged in as ``name``."""
        client = client or self.client()
        answer = login(client, name, PASSWORDS[name] if password is None else password)
        assert answer.status_code == 303, answer.text
        return client


def csrf_of(html: str) -> str:
    """The first CSRF token of a page."""
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def login(client: httpx.Client, name: str, password: str) -> httpx.Response:
    """Fill and post the login form."""
    token = csrf_of(client.get("/console/login").text)
    return client.post("/console/login", data={"csrf": token, "name": name, "password": password})


