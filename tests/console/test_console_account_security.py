"""Console account security the audit found untested: the idle timeout (the session's clock moved past
``IDLE_SECONDS``, no sleeping), the ``Secure`` cookie over TLS or behind a TLS proxy, and the per-address
login limit (429), which stops one address spraying many accounts before any of them locks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import update

from desktop.sync.device_keys import ProvinceKeys
from server.app import create_app
from server.config import Settings
from server.console.csrf import LOGIN_COOKIE
from server.console.sessions import COOKIE, IDLE_SECONDS
from server.console.state import LOGIN_RATE, LoginThrottle
from server.console.users import LOCK_AFTER, add_user
from server.db import Database
from server.models import ConsoleSession
from tests.server.inprocess import TestClient

PASSWORD = "mật khẩu an toàn 2026"
SPRAYED = ("canbo1", "canbo2", "canbo3", "canbo4")


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    app = create_app(Settings.from_env(tmp_path), ProvinceKeys.generate())
    for name in ("xem", *SPRAYED):
        add_user(app.state.baocao.db, name, "viewer", PASSWORD)
    return app


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def _login(client: TestClient, name: str, password: str = PASSWORD) -> tuple[int, str]:
    """Post the login form; its cookie is sent by hand, as the browser does over the TLS proxy's https even
    when it is ``Secure`` and this client speaks plain http."""
    page = client.get("/console/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    form_cookie = page.headers["set-cookie"].split(";")[0]
    assert token is not None and form_cookie.startswith(f"{LOGIN_COOKIE}=")
    client.cookies.clear()
    answer = client.post("/console/login", data={"csrf": token.group(1), "name": name, "password": password},
                         headers={"cookie": form_cookie}, follow_redirects=False)
    return answer.status_code, answer.headers.get("set-cookie", "")


def _age_sessions(db: Database, seconds: int) -> None:
    """Move every session's last use ``seconds`` into the past: that much time went by unused."""
    with db.transaction() as session:
        session.execute(update(ConsoleSession).values(last_seen=ConsoleSession.last_seen - seconds))


def test_a_session_unused_for_the_idle_time_sends_back_to_login(app: FastAPI, client: TestClient) -> None:
    assert _login(client, "xem")[0] == 303
    assert client.get("/console/period", follow_redirects=False).status_code == 200
    _age_sessions(app.state.baocao.db, IDLE_SECONDS - 120)
    assert client.get("/console/period", follow_redirects=False).status_code == 200  # and it is touched
    _age_sessions(app.state.baocao.db, IDLE_SECONDS - 120)
    assert client.get("/console/period", follow_redirects=False).status_code == 200
    _age_sessions(app.state.baocao.db, IDLE_SECONDS + 1)
    answer = client.get("/console/period", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].endswith("/console/login")


def test_the_session_cookie_is_secure_over_tls_or_behind_a_tls_proxy(app: FastAPI, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    with TestClient(app) as plain:
        status, cookie = _login(plain, "xem")
        assert status == 303 and cookie.startswith(f"{COOKIE}=") and "secure" not in cookie.lower()
    with TestClient(app, base_url="https://testserver") as tls:
        status, cookie = _login(tls, "xem")
        assert status == 303 and cookie.startswith(f"{COOKIE}=") and "; secure" in cookie.lower()
    monkeypatch.setenv("BAOCAO_CONSOLE_SECURE_COOKIES", "1")
    proxied = create_app(Settings.from_env(tmp_path / "proxied"), ProvinceKeys.generate())
    add_user(proxied.state.baocao.db, "xem", "viewer", PASSWORD)
    with TestClient(proxied) as behind_proxy:
        status, cookie = _login(behind_proxy, "xem")
        assert status == 303 and "; secure" in cookie.lower()


def test_one_address_trying_many_accounts_is_limited_before_any_account_locks(app: FastAPI,
                                                                               client: TestClient) -> None:
    now = [0.0]
    app.state.console = replace(app.state.console, logins=LoginThrottle(clock=lambda: now[0]))
    statuses = [_login(client, name, "sai mật khẩu")[0] for name in SPRAYED for _ in range(LOCK_AFTER - 1)]
    # The burst's last token goes with the failure that empties the bucket; the next attempt waits.
    allowed = int(LOGIN_RATE.burst) + 1
    assert statuses == [401] * allowed + [429] * (len(statuses) - allowed)
    # Refused before the password is looked at, even the right one of an account never tried.
    status, cookie = _login(client, "xem")
    assert status == 429 and COOKIE not in cookie
    now[0] += 3600
    # No account was locked by the spray: each had fewer than LOCK_AFTER wrong passwords.
    assert [_login(client, name)[0] for name in SPRAYED] == [303] * len(SPRAYED)
