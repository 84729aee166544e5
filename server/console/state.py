"""The console's own parts of a running server: the report reader and the login rate limit."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request

from server.config import RateLimit
from server.console.stored_reports import ReportReader
from server.rate_limit import TokenBuckets

# Failed logins per client address: a burst of 30, then one every five seconds. Account lockout
# (users.py) protects one account; this protects against trying many accounts from one address.
LOGIN_RATE = RateLimit(burst=30, per_second=0.2)


class LoginThrottle:
    """Charges failed logins to the client's address; an address out of tokens is refused until it refills."""

    def __init__(self, limit: RateLimit = LOGIN_RATE, clock: Callable[[], float] = time.monotonic) -> None:
        self._buckets = TokenBuckets(limit, clock)
        self._clock = clock
        self._blocked: dict[str, float] = {}

    def blocked(self, client: str) -> bool:
        """Whether ``client`` must wait before trying again."""
        until = self._blocked.get(client)
        if until is not None and until <= self._clock():
            del self._blocked[client]
            return False
        return until is not None

    def failed(self, client: str) -> None:
        """Charge one failed login to ``client``."""
        wait = self._buckets.take(client)
        if wait is not None:
            if len(self._blocked) > 100_000:
                self._blocked.clear()
            self._blocked[client] = self._clock() + wait


@dataclass(frozen=True)
class ConsoleState:
    """Shared by the console's routes."""

    reader: ReportReader
    logins: LoginThrottle
    secure_cookies: bool
    login_key: bytes  # the login form's HMAC key (``csrf.login_key``), the same in every worker

    def secure(self, request: Request) -> bool:
        """Whether cookies get ``Secure``: over TLS, or when ``BAOCAO_CONSOLE_SECURE_COOKIES=1`` (behind a proxy)."""
        return self.secure_cookies or request.url.scheme == "https"


def secure_setting() -> bool:
    """``BAOCAO_CONSOLE_SECURE_COOKIES=1``: the server runs behind a TLS proxy."""
    return os.environ.get("BAOCAO_CONSOLE_SECURE_COOKIES", "") == "1"


def console_state(request: Request) -> ConsoleState:
    """The console state of the app serving ``request``."""
    return request.app.state.console
