"""Per-key token buckets in memory: a burst, then a steady rate; a refusal says when to come back."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from server.config import RateLimit

MAX_BUCKETS = 100_000


class TokenBuckets:
    """One bucket per key (an agency code, a client address); thread-safe."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self._limit = limit
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> int | None:
        """Spend one token for ``key``: None if allowed, else the whole seconds to wait (Retry-After)."""
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.get(key, (self._limit.burst, now))
            tokens = min(self._limit.burst, tokens + (now - at) * self._limit.per_second)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return max(1, math.ceil((1 - tokens) / self._limit.per_second))
            if len(self._buckets) >= MAX_BUCKETS:
                self._forget_full(now)
            self._buckets[key] = (tokens - 1, now)
            return None

    def give_back(self, key: str) -> None:
        """Return the token a request spent (it turned out to be one the budget does not count)."""
        with self._lock:
            if key in self._buckets:
                tokens, at = self._buckets[key]
                self._buckets[key] = (min(self._limit.burst, tokens + 1), at)

    def _forget_full(self, now: float) -> None:
        # A bucket that has refilled is the same as no bucket.
        for key, (tokens, at) in list(self._buckets.items()):
            if tokens + (now - at) * self._limit.per_second >= self._limit.burst:
                del self._buckets[key]
