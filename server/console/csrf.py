"""CSRF tokens: every form carries its session's token; the login form a token bound to a pre-login cookie.

The login form has no session yet, so it uses a double-submit token: a random cookie and, in the
form, its HMAC under the console's login key. That key is made once, on the server's first start, and
kept in the database (``console_secrets``), so a login form rendered before a restart, or by another
worker process, still submits; it is never logged. Comparisons are constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from server.db import Database
from server.models import ConsoleSecret

LOGIN_COOKIE = "baocao_login"
FIELD = "csrf"
_LOGIN_KEY = "login-form"


def login_key(db: Database) -> bytes:
    """The console's login key: the stored one, or a new random one stored now (the first worker wins)."""
    for _attempt in range(2):
        with db.reading() as connection:
            stored = connection.execute(select(ConsoleSecret.value).where(ConsoleSecret.name == _LOGIN_KEY)).scalar()
        if stored is not None:
            return bytes(stored)
        try:
            with db.transaction() as session:
                session.add(ConsoleSecret(name=_LOGIN_KEY, value=secrets.token_bytes(32), created_at=int(time.time())))
        except IntegrityError:
            continue  # another worker stored its key first: read that one
    raise RuntimeError("the console's login key could not be stored")


def new_login_nonce() -> str:
    """The pre-login cookie's value."""
    return secrets.token_urlsafe(24)


def login_token(key: bytes, nonce: str) -> str:
    """The login form's token for the pre-login cookie ``nonce``."""
    return hmac.new(key, nonce.encode("utf-8", "replace"), hashlib.sha256).hexdigest()


def login_ok(key: bytes, nonce: str | None, token: str | None) -> bool:
    """Whether the login form's token matches its cookie."""
    return bool(nonce and token) and hmac.compare_digest(login_token(key, nonce or ""), token or "")


def session_ok(expected: str, token: str | None) -> bool:
    """Whether a form's token is its session's."""
    return bool(token) and hmac.compare_digest(expected.encode(), (token or "").encode("utf-8", "replace"))
