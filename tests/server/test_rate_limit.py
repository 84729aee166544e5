"""Per-agency rate limit: a burst is served, then 429 with a Retry-After the client can honour."""

from __future__ import annotations

from desktop.sync.request_signing import sign_request
from server.config import RateLimit, Settings
from server.rate_limit import TokenBuckets
from tests.server.inprocess import TestClient, fuzz_app


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_retry_after_then_refilled() -> None:
    clock = _Clock()
    buckets = TokenBuckets(RateLimit(burst=3, per_second=0.5), clock)
    assert [buckets.take("XA-1") for _ in range(3)] == [None, None, None]
    assert buckets.take("XA-1") == 2
    assert buckets.take("XA-2") is None  # another agency is not held back
    clock.now += 2
    assert buckets.take("XA-1") is None


def test_server_answers_429_with_retry_after(tmp_path) -> None:
    app, key = fuzz_app(tmp_path, Settings.from_env(tmp_path).with_changes(agency_rate=RateLimit(5, 0.1)))
    with TestClient(app) as client:
        answers = [client.get("/v1/receipts/none", headers=sign_request(key, "GET", "/v1/receipts/none", b""))
                   for _ in range(7)]
    assert [a.status_code for a in answers] == [404] * 5 + [429] * 2
    assert int(answers[-1].headers["Retry-After"]) >= 1 and answers[-1].json()["code"] == "rate_limited"
