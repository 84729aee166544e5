"""When the app syncs by itself: every interval while open, backing off while the province is unreachable.

Pure bookkeeping (no Qt, no network), driven by the caller's clock: ``views/auto_sync.py`` asks ``due`` on a
timer and reports each attempt back. While the province is unreachable the next try moves out
(30 s, 60 s, 2 min … capped at 15 minutes); a cheap probe of the link (``probe_due``) runs every few
seconds meanwhile, and when it answers ``link_returned`` makes the next try immediate. One attempt at a time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from desktop.errors import InputError
from desktop.models.settings import get_setting, set_setting
from desktop.models.store import Store

INTERVAL_SETTING = "sync.interval_minutes"
DEFAULT_MINUTES = 15.0
RETRY_BASE = 30.0
PROBE_EVERY = 3.0
FIRST_TRY = 60.0
MAX_BACKOFF = 15 * 60.0
MAX_MINUTES = 24 * 60


def interval_minutes(store: Store) -> float:
    """The configured interval in minutes (0 = off)."""
    with store.session() as session:
        return float(get_setting(session, INTERVAL_SETTING, DEFAULT_MINUTES) or 0)


def interval_seconds(store: Store) -> float | None:
    """The configured interval (minutes in the settings, 0 = off), in seconds; None when off."""
    minutes = interval_minutes(store)
    return minutes * 60 if minutes > 0 else None


def set_interval_minutes(store: Store, minutes: float) -> float:
    """Keep a new interval (0 turns automatic sync off; at most once a day); the GUI and the CLI call this."""
    if not 0 <= minutes <= MAX_MINUTES:
        raise InputError(f"Khoảng tự động đồng bộ phải từ 1 đến {MAX_MINUTES} phút (0 là tắt), không phải {minutes:g}.",
                         f"The sync interval must be 1 to {MAX_MINUTES} minutes (0 turns it off), not {minutes:g}.",
                         code="sync_interval")
    with store.session() as session:
        set_setting(session, INTERVAL_SETTING, float(minutes))
    return float(minutes)


@dataclass
class SyncSchedule:
    """The state of automatic sync: last success, next try, failures in a row, whether one runs."""

    interval: float | None
    retry_base: float = RETRY_BASE
    probe_every: float = PROBE_EVERY
    last_success: float | None = None
    next_try: float | None = None
    failures: int = 0
    running: bool = False
    last_probe: float = 0.0
    last_delay: float = 0.0

    def set_interval(self, interval: float | None, now: float) -> None:
        """The user chose another interval: the next try follows it from now (none when off)."""
        self.interval = interval
        if interval is None:
            self.next_try = None
        elif not self.running:
            self.next_try = min(self.next_try, now + interval) if self.next_try is not None else now + interval

    def start_clock(self, now: float) -> None:
        """The app opened: the first try within a minute, then every interval."""
        self.next_try = now + min(self.interval, FIRST_TRY) if self.interval is not None else None

    def due(self, now: float) -> bool:
        """Whether an attempt should start now."""
        return self.interval is not None and not self.running and self.next_try is not None and now >= self.next_try

    def begin(self) -> None:
        """An attempt starts (automatic or by hand): none other until it ends."""
        self.running = True

    def succeeded(self, now: float) -> None:
        """The province answered: back to the regular interval."""
        self.running, self.failures, self.last_success = False, 0, now
        self.next_try = now + self.interval if self.interval is not None else None

    def unreachable(self, now: float, moved: bool = False) -> None:
        """The province could not be reached; back off (not when bytes moved: then try again at once)."""
        self.running = False
        if moved:
            self.next_try = now
            return
        self.failures += 1
        delay = min(MAX_BACKOFF, self.retry_base * 2 ** min(self.failures - 1, 20)) * random.uniform(0.8, 1.2)
        self.last_delay = delay
        self.next_try = now + delay if self.interval is not None else None

    def probe_due(self, now: float) -> bool:
        """While backing off: whether to check the link again (a tiny request)."""
        if self.failures == 0 or self.running or self.interval is None or now - self.last_probe < self.probe_every:
            return False
        self.last_probe = now
        return True

    def link_returned(self, now: float) -> None:
        """The probe got an answer: try within the next tick."""
        if self.failures and self.next_try is not None:
            self.next_try = min(self.next_try, now)
