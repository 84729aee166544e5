"""The sync client against a real province server process: every road to exactly one receipt.

Faults come from the netsim proxy between them: answers lost after the server acted, a stalled link,
a busy front answering 429/503. The server is real (``python -m server.cli serve``), so idempotency,
offsets and receipts are the server's own.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest

from desktop.sync.device_keys import ProvinceKeys, generate_device_key
from desktop.sync.receipt import verify_receipt
from desktop.sync.retry_policy import RetryPolicy
from desktop.sync.sync_client import ProvinceClient
from desktop.sync.sync_errors import CancelledSync, DeviceRejected, RejectedError, TransientError
from desktop.sync.sync_run import ALREADY_RECEIVED, DEFERRED, NEEDS_ATTENTION, RECEIPTED, run_sync
from desktop.sync.upload import FIRST_CHUNK, BundleToSend
from tests.e2e.file_outbox import FileOutbox
from tests.e2e.province_server import Province
from tests.netsim.proxy import LinkProxy

_agencies = count(1)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Province]:
    server = Province.create(tmp_path_factory.mktemp("province"))
    yield server
    server.stop()


@pytest.fixture
def link(province: Province) -> Iterator[LinkProxy]:
    with LinkProxy(("127.0.0.1", province.port)) as proxy:
        yield proxy


def _agency() -> str:
    return f"XA-{next(_agencies):03d}"


def _stored(province: Province) -> int:
    return sum(1 for p in (province.data_dir / "bundles").rglob("*") if p.is_file())


def test_enroll_pull_push_and_a_second_push_gets_the_same_receipt(province: Province, tmp_path: Path) -> None:
    device = province.enroll(_agency(), via_cli=True)
    with device.client() as client:
        pull = client.pull_assignments(None)
        assert pull.changed and pull.package is not None and pull.package["format"] == "baocao.assignments/1"
        assert client.pull_assignments(pull.etag) == type(pull)(False, None, pull.etag)
        bundle_id, data = device.bundle(evidence=b"%PDF-1.7 bien ban" * 1000)
        outbox = FileOutbox(tmp_path / "first")
        outbox.add(bundle_id, data)
        first = run_sync(client, outbox)
        stored = _stored(province)
        again = FileOutbox(tmp_path / "again")
        bundle = again.add(bundle_id, data)
        second = run_sync(client, again)
        direct = client.upload(bundle, state=None, on_state=lambda _s: None)
    assert first.with_outcome(RECEIPTED) == [bundle_id]
    assert second.with_outcome(ALREADY_RECEIVED) == [bundle_id]
    assert outbox.receipt(bundle_id) == again.receipt(bundle_id) == direct
    assert verify_receipt(direct, device.province.signing).status == "accepted"
    assert _stored(province) == stored


def test_an_enrollment_code_serves_one_device_and_a_lost_answer_can_be_asked_again(province: Province) -> None:
    code = province.enrollment_code(_agency())
    key = generate_device_key()
    with ProvinceClient(province.url, device_key=key) as client:
        first = client.enroll(code, "Máy 1")
        assert client.enroll(code, "Máy 1") == first
    with ProvinceClient(province.url, device_key=generate_device_key()) as client, \
            pytest.raises(DeviceRejected) as caught:
        client.enroll(code, "Máy 2")
    assert caught.value.status == 403
    assert caught.value.message_vi and caught.value.message_en


KNOWN = rb"POST /v1/bundles/known "


@pytest.mark.parametrize("step", [KNOWN, rb"POST /v1/uploads ", rb"PATCH /v1/uploads/",
                                  rb"PATCH /v1/uploads/[0-9a-f]+\?commit=1 "])  # the last chunk, which commits
def test_a_lost_answer_at_any_step_ends_in_one_receipt(province: Province, link: LinkProxy, tmp_path: Path,
                                                       step: bytes) -> None:
    device = province.enroll(_agency())
    bundle_id, data = device.bundle(evidence=os.urandom(200_000))
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(bundle_id, data)
    sent = len(data)
    others = []
    if step == KNOWN:  # asked only when several bundles wait (one fresh bundle's creation answers it)
        later_id, later = device.bundle(revision=2, evidence=os.urandom(250_000))  # larger: sent second
        others, sent = [outbox.add(later_id, later).bundle_id], sent + len(later)
    link.lose_response(step)
    stored = _stored(province)
    with device.client(link.url) as client:
        report = run_sync(client, outbox)
        if report.stopped_by is not None:  # a lost answer to the first question looks like a dead link
            report = run_sync(client, outbox)
    assert link.lost_responses == 1
    assert sorted(report.with_outcome(RECEIPTED)) == sorted([bundle_id, *others])
    assert _stored(province) == stored + 1 + len(others)
    assert link.bytes_up <= 2 * sent + 16 * 1024
    with device.client() as client:
        assert client.known([bundle_id]) == {bundle_id: outbox.receipt(bundle_id)}


def test_a_stalled_link_times_out_and_leaves_the_bundle_queued(province: Province, link: LinkProxy,
                                                               tmp_path: Path) -> None:
    device = province.enroll(_agency())
    bundle_id, data = device.bundle()
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(bundle_id, data)
    link.stall()
    policy = RetryPolicy(max_attempts=2, base=0.05, cap=0.1, stall_timeout=1.0)
    with device.client(link.url, policy) as client:
        report = run_sync(client, outbox)
    assert report.stopped_by is not None and report.stopped_by.code == "stalled"
    assert report.with_outcome(DEFERRED) == [bundle_id]
    assert [b.bundle_id for b in outbox.pending()] == [bundle_id]
    link.resume()
    with device.client(link.url) as client:
        assert run_sync(client, outbox).with_outcome(RECEIPTED) == [bundle_id]


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured_with_capped_backoff(province: Province, link: LinkProxy, tmp_path: Path,
                                                     status: int) -> None:
    device = province.enroll(_agency())
    bundle_id, data = device.bundle()
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(bundle_id, data)
    waits: list[float] = []
    policy = RetryPolicy(max_attempts=5, base=0.01, cap=30.0, stall_timeout=10.0, sleep=waits.append)
    link.answer(rb"POST /v1/uploads ", status, {"Retry-After": "20"}, times=2)
    with device.client(link.url, policy) as client:
        assert run_sync(client, outbox).with_outcome(RECEIPTED) == [bundle_id]
    assert link.answered == 2
    assert waits[:2] == [20, 20]

    later_id, later = device.bundle(revision=2)
    outbox.add(later_id, later)
    link.answer(rb"POST /v1/uploads ", status, {"Retry-After": "3600"})
    with device.client(link.url, policy) as client:
        report = run_sync(client, outbox)
    assert report.with_outcome(DEFERRED) == [later_id]
    assert max(waits) <= 30


def test_a_rejected_bundle_needs_attention_and_does_not_hold_back_the_others(province: Province,
                                                                             tmp_path: Path) -> None:
    device, stranger = province.enroll(_agency()), province.enroll(_agency())
    good_id, good = device.bundle(evidence=b"minh chung" * 5000)
    forged_id, forged = stranger.bundle()  # signed by another agency's device: the province refuses it
    forged_id = f"{device.agency}-forged"
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(forged_id, forged)
    outbox.add(good_id, good)
    with device.client() as client:
        report = run_sync(client, outbox)
    assert report.with_outcome(RECEIPTED) == [good_id]
    assert report.with_outcome(NEEDS_ATTENTION) == [forged_id]
    refusal = outbox.attention(forged_id)
    assert refusal is not None and refusal["vi"] and refusal["en"]
    outcome = next(o for o in report.outcomes if o.bundle_id == forged_id)
    if outcome.receipt is not None:
        assert verify_receipt(outcome.receipt, device.province.signing).status == "rejected"


def test_an_upload_resumes_from_a_saved_state_without_resending(province: Province, link: LinkProxy,
                                                                tmp_path: Path) -> None:
    device = province.enroll(_agency())
    bundle_id, data = device.bundle(evidence=os.urandom(400_000))
    outbox = FileOutbox(tmp_path / "outbox")
    bundle = outbox.add(bundle_id, data)
    def far_enough() -> bool:
        state = outbox.upload_state(bundle_id)
        return state is not None and state.offset >= FIRST_CHUNK  # the first chunk measures the link

    with device.client(link.url) as client:
        with pytest.raises(CancelledSync):
            client.upload(bundle, state=None, on_state=lambda s: outbox.save_upload_state(bundle_id, s),
                          cancelled=far_enough)
        saved = outbox.upload_state(bundle_id)
        assert saved is not None and 0 < saved.offset < len(data)
        before = link.bytes_up
        receipt = client.upload(bundle, state=saved, on_state=lambda _s: None)
    assert verify_receipt(receipt, device.province.signing).bundle_id == bundle_id
    assert link.bytes_up - before <= len(data) - saved.offset + 8 * 1024


def test_receipts_signed_by_another_province_are_not_trusted(province: Province, tmp_path: Path) -> None:
    device = province.enroll(_agency())
    bundle_id, data = device.bundle()
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(bundle_id, data)
    pinned_elsewhere = ProvinceKeys.generate().public()
    with ProvinceClient(province.url, device_key=device.key, province=pinned_elsewhere,
                        policy=device.policy) as client:
        report = run_sync(client, outbox)
    assert isinstance(report.stopped_by, TransientError) and report.stopped_by.code == "receipt_signature"
    assert outbox.receipt(bundle_id) is None and outbox.attention(bundle_id) is None


def test_a_bundle_over_the_servers_limit_needs_attention_with_a_clear_message(province: Province,
                                                                              tmp_path: Path) -> None:
    device = province.enroll(_agency())
    bundle_id, data = device.bundle()
    huge = BundleToSend(bundle_id, hashlib.sha256(data).hexdigest(), 300 * 1024 * 1024, lambda: io.BytesIO(data))
    outbox = FileOutbox(tmp_path / "outbox")
    with device.client() as client, pytest.raises(RejectedError) as caught:
        client.upload(huge, state=None, on_state=outbox.saved_states.append)
    assert caught.value.status == 413 and caught.value.code == "too_large"
    assert "vượt giới hạn" in caught.value.message_vi and "exceeds" in caught.value.message_en
    assert outbox.saved_states == []
