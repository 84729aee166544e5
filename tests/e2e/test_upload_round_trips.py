"""Round trips of one upload cut by the link, as the real province server saw them (its access log).

Every round trip costs a commune's link 600 ms: the upload must not spend one on a separate commit.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.sync.retry_policy import RetryPolicy
from desktop.sync.sync_run import RECEIPTED, run_sync
from tests.e2e.file_outbox import FileOutbox
from tests.e2e.province_server import Province
from tests.netsim.proxy import LinkProxy

POLICY = RetryPolicy(max_attempts=10, base=0.2, cap=2.0, stall_timeout=20.0)
_REQUEST = re.compile(r'"([A-Z]+) (/v1/uploads\S*) HTTP/1\.1" (\d{3})')


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Province]:
    server = Province.create(tmp_path_factory.mktemp("round-trips"))
    yield server
    server.stop()


def _upload_requests(log: Path, since: int) -> list[tuple[str, str, str]]:
    """(method, path without the upload id, status) of each upload request logged after byte ``since``."""
    text = log.read_bytes()[since:].decode("utf-8", "replace")
    return [(m[1], re.sub(r"/v1/uploads/[0-9a-f]+", "/v1/uploads/ID", m[2]), m[3]) for m in _REQUEST.finditer(text)]


@pytest.mark.slow(seconds=15)
def test_an_upload_cut_once_ends_with_its_last_chunk_and_no_separate_commit(province: Province,
                                                                           tmp_path: Path) -> None:
    device = province.enroll("XA-ROUNDTRIP", policy=POLICY)
    bundle_id, data = device.bundle(evidence=os.urandom(150_000))
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(bundle_id, data)
    since = province.log.stat().st_size
    with (LinkProxy(("127.0.0.1", province.port), rate_bps=2_000_000, cut_every=100_000) as link,
          device.client(link.url) as client):
        report = run_sync(client, outbox)
    assert report.with_outcome(RECEIPTED) == [bundle_id], report
    assert link.cuts == 1

    seen = _upload_requests(province.log, since)
    assert not [r for r in seen if r[1].endswith("/commit")], seen
    assert seen[-1] == ("PATCH", "/v1/uploads/ID?commit=1", "200"), seen


@pytest.mark.slow(seconds=5)
def test_one_fresh_report_starts_with_its_upload_without_asking_what_the_province_holds(province: Province,
                                                                                        tmp_path: Path) -> None:
    device = province.enroll("XA-ROUNDTRIP-ONE", policy=POLICY)
    bundle_id, data = device.bundle(evidence=os.urandom(20_000))
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(bundle_id, data)
    since = province.log.stat().st_size
    with LinkProxy(("127.0.0.1", province.port), latency=0.05) as link, device.client(link.url) as client:
        report = run_sync(client, outbox)
    assert report.with_outcome(RECEIPTED) == [bundle_id], report

    logged = province.log.read_bytes()[since:].decode("utf-8", "replace")
    assert "/v1/bundles/known" not in logged  # creation answers with the receipt if the province holds it
    assert _upload_requests(province.log, since) == [("POST", "/v1/uploads", "201"),
                                                     ("PATCH", "/v1/uploads/ID?commit=1", "200")]
