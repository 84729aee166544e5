"""Pure parts of the sync client: backoff, chunk sizing, error mapping, signed assignment packages."""

from __future__ import annotations

import base64
import json

import pytest

from desktop.sync.assignments import AssignmentsError, sign_assignments, verify_assignments
from desktop.sync.device_keys import ProvinceKeys
from desktop.sync.retry_policy import Backoff, RetryPolicy
from desktop.sync.sync_client import ProvinceClient
from desktop.sync.sync_errors import (
    Answer,
    CancelledSync,
    DeviceRejected,
    RejectedError,
    TransientError,
    error_for,
    parse_retry_after,
)
from desktop.sync.upload import FIRST_CHUNK, MAX_CHUNK, MIN_CHUNK, ChunkSizer


def _policy(sleeps: list[float], **kw: float) -> RetryPolicy:
    return RetryPolicy(**{"max_attempts": 5, "base": 1.0, "cap": 8.0, "stall_timeout": 5.0, **kw},
                       sleep=sleeps.append, rand=lambda: 1.0)


def _transient(retry_after: float | None = None, **kw: bool) -> TransientError:
    return TransientError("lỗi", "failure", retry_after=retry_after, **kw)


def test_backoff_doubles_up_to_the_cap_then_gives_up() -> None:
    sleeps: list[float] = []
    backoff = Backoff(_policy(sleeps))
    for _ in range(4):
        backoff.failed(_transient())
    assert sleeps == [1.0, 2.0, 4.0, 8.0]
    with pytest.raises(TransientError):
        backoff.failed(_transient())


def test_full_jitter_waits_between_zero_and_the_ceiling() -> None:
    policy = RetryPolicy(base=2.0, cap=30.0, rand=lambda: 0.25)
    assert policy.delay(1) == 0.5
    assert policy.delay(10) == 7.5


def test_progress_resets_the_count_of_failures_and_a_cut_after_progress_is_retried_at_once() -> None:
    sleeps: list[float] = []
    backoff = Backoff(_policy(sleeps, max_attempts=3))
    for _ in range(10):
        backoff.failed(_transient())
        backoff.failed(_transient())
        backoff.progressed()
    assert sleeps == [1.0, 2.0] + [2.0] * 9  # after progress only the second failure in a row waits
    sleeps.clear()
    backoff.waited = 0.0  # only the first failure, before anything moved, waited
    backoff.failed(_transient())  # bytes moved just before: again at once
    backoff.failed(_transient())  # nothing moved since: back off
    assert sleeps == [2.0] and backoff.waited == 2.0


def test_a_retry_after_is_honoured_even_right_after_progress() -> None:
    sleeps: list[float] = []
    backoff = Backoff(_policy(sleeps))
    backoff.progressed()
    backoff.failed(_transient(retry_after=5))
    assert sleeps == [5]


def test_retry_after_is_a_floor_and_too_long_a_wait_is_left_for_later() -> None:
    sleeps: list[float] = []
    backoff = Backoff(_policy(sleeps))
    backoff.failed(_transient(retry_after=6))
    assert sleeps == [6]
    with pytest.raises(TransientError) as caught:
        backoff.failed(_transient(retry_after=3600))
    assert caught.value.retry_after == 3600
    assert sleeps == [6]


def test_unretryable_failure_is_raised_at_once() -> None:
    sleeps: list[float] = []
    with pytest.raises(TransientError):
        Backoff(_policy(sleeps)).failed(_transient(retryable=False))
    assert sleeps == []


def test_cancel_interrupts_a_long_backoff() -> None:
    sleeps: list[float] = []
    backoff = Backoff(_policy(sleeps, base=8.0), cancelled=lambda: len(sleeps) >= 2)
    with pytest.raises(CancelledSync):
        backoff.failed(_transient())
    assert sum(sleeps) < 1


def test_retry_after_parses_seconds_and_http_dates() -> None:
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT", now=1792567670.0) == 10.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def _answer(status: int, body: dict | None = None, **headers: str) -> Answer:
    return Answer(status, {k.replace("_", "-"): v for k, v in headers.items()},
                  json.dumps(body).encode() if body else b"")


def test_busy_server_is_transient_with_its_retry_after() -> None:
    error = error_for(_answer(503, retry_after="7"), "Gửi", "Sending")
    assert isinstance(error, TransientError)
    assert error.retry_after == 7
    assert isinstance(error_for(_answer(429), "Gửi", "Sending"), TransientError)


def test_refusals_carry_the_servers_code_and_both_messages() -> None:
    body = {"code": "too_large", "message_vi": "Gói quá lớn.", "message_en": "Bundle too large."}
    error = error_for(_answer(413, body), "Gửi", "Sending")
    assert isinstance(error, RejectedError) and not isinstance(error, DeviceRejected)
    assert error.code == "too_large"
    assert "Gói quá lớn." in error.message_vi and "Bundle too large." in error.message_en


def test_a_refused_device_is_not_a_refused_bundle() -> None:
    body = {"code": "clock", "message_vi": "Đồng hồ lệch.", "message_en": "Clock off."}
    error = error_for(_answer(401, body), "Gửi", "Sending")
    assert isinstance(error, DeviceRejected)
    assert error.code == "clock"


def test_a_hostile_problem_body_is_bounded() -> None:
    body = {"code": "x" * 500, "message_vi": "a" * 100_000, "message_en": "b" * 10_000}
    error = error_for(_answer(400, body), "Gửi", "Sending")
    assert error.code == "http_400"
    assert len(error.message_en) < 1000


def test_chunks_grow_toward_the_measured_rate_within_bounds() -> None:
    sizer = ChunkSizer()
    assert sizer.size == FIRST_CHUNK
    sizer.succeeded(FIRST_CHUNK, 0.01)
    assert sizer.size == 2 * FIRST_CHUNK
    for _ in range(20):
        sizer.succeeded(sizer.size, 0.01)
    assert sizer.size == MAX_CHUNK


def test_chunks_shrink_on_a_crawling_link() -> None:
    sizer = ChunkSizer()
    sizer.succeeded(FIRST_CHUNK, 60.0)
    assert sizer.size == MIN_CHUNK


def test_a_cut_halves_the_chunk_and_keeps_it_small_until_the_link_holds() -> None:
    sizer = ChunkSizer()
    sizer.failed()
    assert sizer.size == FIRST_CHUNK // 2
    sizer.succeeded(sizer.size, 0.01)
    assert sizer.size == FIRST_CHUNK // 2
    for _ in range(4):
        sizer.succeeded(sizer.size, 0.01)
    assert sizer.size > FIRST_CHUNK // 2


PACKAGE = {"format": "baocao.assignments/1", "agency": {"code": "XA-TANHOA", "name": "UBND xã Tân Hòa"},
           "plans": [{"title": "Kế hoạch chuyển đổi số năm 2026"}], "schedule": None,
           "issued_at": "2026-11-01T00:00:00Z"}


def test_assignments_signed_by_the_province_verify() -> None:
    keys = ProvinceKeys.generate()
    envelope = sign_assignments(PACKAGE, keys.signing)
    assert verify_assignments(envelope, keys.public()) == PACKAGE


def test_assignments_from_another_key_or_altered_are_refused() -> None:
    keys, other = ProvinceKeys.generate(), ProvinceKeys.generate()
    with pytest.raises(AssignmentsError) as caught:
        verify_assignments(sign_assignments(PACKAGE, other.signing), keys.public())
    assert caught.value.code == "assignments_signature"
    envelope = json.loads(sign_assignments(PACKAGE, keys.signing))
    body = json.loads(base64.b64decode(envelope["payload"]))
    body["plans"] = []
    envelope["payload"] = base64.b64encode(json.dumps(body).encode()).decode()
    with pytest.raises(AssignmentsError) as caught:
        verify_assignments(json.dumps(envelope).encode(), keys.public())
    assert caught.value.code == "assignments_signature"


def test_assignments_of_another_format_are_refused() -> None:
    keys = ProvinceKeys.generate()
    with pytest.raises(AssignmentsError):
        verify_assignments(sign_assignments({**PACKAGE}, keys.signing).replace(b"baocao", b"xaocao"), keys.public())
    with pytest.raises(AssignmentsError):
        sign_assignments({**PACKAGE, "format": "baocao.assignments/9"}, keys.signing)


def test_an_unreachable_server_is_given_up_after_a_few_quick_tries() -> None:
    waits: list[float] = []
    policy = RetryPolicy(sleep=waits.append, rand=lambda: 1.0)
    with pytest.raises(TransientError) as raised, ProvinceClient("http://127.0.0.1:9", policy=policy,
                                                                  device_key=ProvinceKeys.generate().signing) as client:
        client.enroll("MA-THU-01", "máy kế toán")
    assert raised.value.code == "unreachable"
    assert len(waits) == policy.max_unreachable - 1 and sum(waits) <= 3.0
