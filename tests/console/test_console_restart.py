"""A restart, or a second worker process on the same database, logs nobody out and breaks no form.

Sessions and their CSRF tokens are in the database; the login form's HMAC key is too (``csrf.login_key``,
made on the first start). A login form and a session's form rendered by the server before it restarts
still submit afterwards, a session cookie from before still opens pages, and a login form rendered by
one worker submits on another. The key itself appears in no log.
"""

from __future__ import annotations

import base64
from pathlib import Path

from sqlalchemy import select

from server.db import Database
from server.models import ConsoleSecret
from tests.console.console_server import PASSWORDS, ConsoleServer, csrf_of
from tests.server.live_server import LiveServer, free_port


def test_forms_and_sessions_from_before_a_restart_still_work(console: ConsoleServer) -> None:
    officer = console.login("officer")
    session_form = csrf_of(officer.get("/console/period").text)  # the log-out form of every page
    visitor = console.client()
    login_form = csrf_of(visitor.get("/console/login").text)
    forged = console.client()
    forged.get("/console/login")

    console.stop()
    console.start()

    assert officer.get("/console/period").status_code == 200
    answer = visitor.post("/console/login", data={"csrf": login_form, "name": "viewer",
                                                  "password": PASSWORDS["viewer"]})
    assert answer.status_code == 303 and answer.headers["location"].endswith("/console/period")
    assert visitor.get("/console/period").status_code == 200
    # A token the server never made is still refused after the restart.
    refused = forged.post("/console/login", data={"csrf": "0" * 64, "name": "viewer",
                                                  "password": PASSWORDS["viewer"]})
    assert refused.status_code == 403
    answer = officer.post("/console/logout", data={"csrf": session_form})
    assert answer.status_code == 303 and answer.headers["location"].endswith("/console/login")
    assert officer.get("/console/period").status_code == 303  # that session ended


def test_a_second_worker_accepts_the_first_ones_login_form(console: ConsoleServer) -> None:
    second = LiveServer(console.data_dir, free_port(), console.db_url)
    second.start()
    try:
        visitor = console.client()
        token = csrf_of(visitor.get("/console/login").text)  # rendered by the first process
        answer = visitor.post(f"{second.url}/console/login", data={"csrf": token, "name": "admin",
                                                                   "password": PASSWORDS["admin"]})
        assert answer.status_code == 303, answer.text[:300]
        assert visitor.get(f"{second.url}/console/period").status_code == 200
        assert visitor.get("/console/period").status_code == 200  # the same session on the first worker
    finally:
        second.stop()
    db = Database(f"sqlite:///{console.data_dir / 'server.sqlite3'}")
    try:
        with db.reading() as connection:
            keys = connection.execute(select(ConsoleSecret.value)).scalars().all()
    finally:
        db.dispose()
    assert len(keys) == 1 and len(keys[0]) == 32
    logs = b"".join(Path(log).read_bytes() for log in (console.log, second.log))
    for shown in (keys[0].hex(), base64.b64encode(keys[0]).decode(), base64.urlsafe_b64encode(keys[0]).decode()):
        assert shown.encode() not in logs
