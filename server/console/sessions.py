"""Console sessions: a random id in an HttpOnly, SameSite=Strict cookie; only its SHA-256 is stored.

A login always creates a new id (an id planted in the browser before login is never adopted) and
deletes the session it replaces; a session unused for ``IDLE_SECONDS`` is gone. Each session carries
its own CSRF token (``csrf.py``).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import delete, select

from server.console.users import User, get_user
from server.db import Database
from server.models import ConsoleSession

COOKIE = "baocao_console"
IDLE_SECONDS = 30 * 60
# last_seen is written at most this often: a page view is a read, not a write.
_TOUCH_SECONDS = 60


@dataclass(frozen=True)
class Session:
    """A live session: its account and its CSRF token."""

    user: User
    csrf: str


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8", "replace")).hexdigest()


def start(db: Database, user: User, *, replacing: str | None = None) -> tuple[str, Session]:
    """A new session for ``user`` (the cookie value and the session); ``replacing`` is ended first."""
    session_id = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = int(time.time())
    with db.transaction() as session:
        if replacing:
            session.execute(delete(ConsoleSession).where(ConsoleSession.id_hash == _hash(replacing)))
        session.execute(delete(ConsoleSession).where(ConsoleSession.last_seen < now - IDLE_SECONDS))
        session.add(ConsoleSession(id_hash=_hash(session_id), user_id=user.id, csrf=csrf, created_at=now,
                                   last_seen=now))
    return session_id, Session(user, csrf)


def resume(db: Database, session_id: str | None, *, now: float | None = None) -> Session | None:
    """The session behind a cookie value, if it exists, is not idle and its account is enabled."""
    if not session_id or len(session_id) > 100:
        return None
    now = time.time() if now is None else now
    with db.transaction() as session:
        row = session.scalar(select(ConsoleSession).where(ConsoleSession.id_hash == _hash(session_id)))
        if row is None:
            return None
        if row.last_seen < now - IDLE_SECONDS:
            session.delete(row)
            return None
        if row.last_seen < now - _TOUCH_SECONDS:
            row.last_seen = int(now)
        user_id, csrf = row.user_id, row.csrf
    user = get_user(db, user_id)
    if user is None or user.disabled:
        return None
    return Session(user, csrf)


def end(db: Database, session_id: str | None) -> None:
    """Log out."""
    if session_id:
        with db.transaction() as session:
            session.execute(delete(ConsoleSession).where(ConsoleSession.id_hash == _hash(session_id)))
