"""CSRF tokens: every form carries its session's token; the login form a token bound to a pre-login cookie.

The login form has no session yet, so it uses a double-submit token: a random cookie and, in the
form, its HMAC under a key of this server process. Comparisons are constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

LOGIN_COOKIE = "baocao_login"
FIELD = "csrf"
_KEY = secrets.token_bytes(32)


def new_login_nonce() -> str:
    """The pre-login cookie's value."""
    return secrets.token_urlsafe(24)


def login_token(nonce: str) -> str:
    """The login form's token for the pre-login cookie ``nonce``."""
    return hmac.new(_KEY, nonce.encode("utf-8", "replace"), hashlib.sha256).hexdigest()


def login_ok(nonce: str | None, token: str | None) -> bool:
    """Whether the login form's token matches its cookie."""
    return bool(nonce and token) and hmac.compare_digest(login_token(nonce or ""), token or "")


def session_ok(expected: str, token: str | None) -> bool:
    """Whether a form's token is its session's."""
    return bool(token) and hmac.compare_digest(expected.encode(), (token or "").encode("utf-8", "replace"))
