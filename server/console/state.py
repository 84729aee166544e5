"""The console's own parts of a running server: the report reader and the login rate limit."""

from __future__ import annotations

import os
from dataclasses import dataclass

from fastapi import Request

from server.config import RateLimit
from server.console.stored_reports import ReportReader
from server.rate_limit import TokenBuckets

# Per client address: a burst of attempts, then one every five seconds. Account lockout (users.py)
# protects one account; this protects against trying many accounts.
LOGIN_RATE = RateLimit(burst=30, per_second=0.2)


@dataclass(frozen=True)
class ConsoleState:
    """Shared by the console's routes."""

    reader: ReportReader
    logins: TokenBuckets
    secure_cookies: bool

    def secure(self, request: Request) -> bool:
        """Whether cookies get ``Secure``: over TLS, or when ``BAOCAO_CONSOLE_SECURE_COOKIES=1`` (behind a proxy)."""
        return self.secure_cookies or request.url.scheme == "https"


def secure_setting() -> bool:
    """``BAOCAO_CONSOLE_SECURE_COOKIES=1``: the server runs behind a TLS proxy."""
    return os.environ.get("BAOCAO_CONSOLE_SECURE_COOKIES", "") == "1"


def console_state(request: Request) -> ConsoleState:
    """The console state of the app serving ``request``."""
    return request.app.state.console
