"""When to try again: exponential backoff with full jitter, a cap, the server's Retry-After, a stall timeout.

A failure right after progress is tried again at once: the link carried bytes a moment ago, so it is
most likely back (a cut, not an outage), and waiting would only add to the time the user sees. Backoff
begins with the second failure in a row without progress.

Full jitter (a uniformly random wait between zero and ``min(cap, base · 2^attempt)``) keeps a hundred
communes that lost the link together from all coming back in the same second. A ``Retry-After`` from the
server is a floor, never shortened by jitter; when it is longer than the cap the client stops and leaves
the work for the next periodic sync rather than keeping a worker asleep for an hour.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.sync.sync_errors import CancelledSync, TransientError


@dataclass(frozen=True)
class RetryPolicy:
    """How many consecutive failures to absorb and how long to wait between them.

    ``max_attempts`` counts tries without progress: an upload that moves forward between two cuts starts
    counting again. ``stall_timeout`` is how long a connection may carry no byte in either direction.
    ``max_unreachable`` is lower: when no connection can be opened at all (no network, server down) the
    user learns it within seconds rather than after a minute of backoff; the outbox keeps every bundle.
    ``sleep`` and ``rand`` are injected by tests.
    """

    max_attempts: int = 8
    max_unreachable: int = 3
    base: float = 1.0
    cap: float = 60.0
    stall_timeout: float = 60.0
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)
    rand: Callable[[], float] = field(default=random.random, compare=False)

    def __post_init__(self) -> None:
        if min(self.max_attempts, self.max_unreachable) < 1 or self.base < 0 or self.cap < 0 \
                or self.stall_timeout <= 0:
            raise ValueError("RetryPolicy needs max_attempts and max_unreachable ≥ 1, base ≥ 0, cap ≥ 0, "
                             "stall_timeout > 0")

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before try number ``attempt + 1`` (``attempt`` ≥ 1 failures so far)."""
        ceiling = min(self.cap, self.base * 2 ** min(attempt - 1, 32))
        jittered = self.rand() * ceiling
        if retry_after is not None:
            return max(retry_after, jittered)
        return jittered

    def allows(self, attempt: int) -> bool:
        """Whether another try is allowed after ``attempt`` consecutive failures."""
        return attempt < self.max_attempts

    def waits_too_long(self, retry_after: float | None) -> bool:
        """Whether the server asks for a pause longer than this policy will sleep through."""
        return retry_after is not None and retry_after > self.cap


class Backoff:
    """Counts consecutive failures of one piece of work under a ``RetryPolicy`` and waits between them."""

    def __init__(self, policy: RetryPolicy, cancelled: Callable[[], bool] | None = None) -> None:
        self.policy = policy
        self.failures = 0
        self._cancelled = cancelled
        self._moved = False
        self.waited = 0.0

    def progressed(self) -> None:
        """The work moved forward: failures before this no longer count, and the next one is retried at once."""
        self.failures = 0
        self._moved = True

    def failed(self, error: TransientError) -> None:
        """Wait before the next try, or raise ``error`` when the policy says to stop."""
        self.failures += 1
        if (not error.retryable or not self.policy.allows(self.failures)
                or (error.code == "unreachable" and self.failures >= self.policy.max_unreachable)
                or self.policy.waits_too_long(error.retry_after)):
            raise error
        moved, self._moved = self._moved, False
        if moved and error.retry_after is None:
            return
        self._wait(self.policy.delay(self.failures, error.retry_after))

    def _wait(self, seconds: float) -> None:
        self.waited += seconds
        if self._cancelled is None:
            self.policy.sleep(seconds)
            return
        # In short steps, so that cancel answers within a fraction of a second during a long backoff.
        while seconds > 0:
            if self._cancelled():
                raise CancelledSync
            step = min(seconds, 0.25)
            self.policy.sleep(step)
            seconds -= step
