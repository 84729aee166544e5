"""Large bundles over a link that cuts every chunk, against a real province server process.

While every chunk is cut the server verifies nothing and keeps what arrived, so the bytes between its
verified offset and a chunk's end grow past its bound (8 MiB; lowered here with
BAOCAO_SERVER_MAX_CHUNK_BYTES): the old client then got 413 ``chunk_too_large`` (seen as a cut) on every
try and the report never reached the province. The client keeps under the bound the server advertises
(``Upload-Max-Chunk-Size``) and, when something in between refuses a chunk with 413 (a reverse proxy
with a smaller body limit), sends smaller ones.
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
from tests.server.live_server import free_port, run_cli

POLICY = RetryPolicy(max_attempts=10, base=0.2, cap=2.0, stall_timeout=20.0)
LIMIT = 512 * 1024
_PATCH = re.compile(r'"PATCH /v1/uploads/\S+ HTTP/1\.1" (\d{3})')


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Province]:
    data_dir = tmp_path_factory.mktemp("chunk-limit") / "server-data"
    run_cli(data_dir, "init")
    server = Province(data_dir, free_port(), None, {"BAOCAO_SERVER_MAX_CHUNK_BYTES": str(LIMIT)})
    server.start()
    yield server
    server.stop()


def _patch_statuses(province: Province, since: int) -> list[str]:
    return _PATCH.findall(province.log.read_bytes()[since:].decode("utf-8", "replace"))


@pytest.mark.slow(seconds=10)
def test_a_bundle_three_times_the_chunk_bound_arrives_through_a_link_that_cuts_every_chunk(
        province: Province, tmp_path: Path) -> None:
    device = province.enroll("XA-CUT-ALL", policy=POLICY)
    bundle_id, data = device.bundle(evidence=os.urandom(3 * LIMIT))
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(bundle_id, data)
    since = province.log.stat().st_size
    with (LinkProxy(("127.0.0.1", province.port), cut_every=100_000) as link,
          device.client(link.url) as client):
        report = run_sync(client, outbox)
    assert report.with_outcome(RECEIPTED) == [bundle_id], (report, outbox.attention(bundle_id))
    assert link.cuts >= len(data) // 100_000 - 1, "every chunk was cut"
    statuses = _patch_statuses(province, since)
    assert "413" not in statuses, statuses
    # A 512 KiB chunk never gets through a link cut every 100 KB, so arriving at all shows the cut bytes were
    # kept; what a cut costs (the bytes in flight) grows with the machine's load, and the bench measures it.
    assert link.bytes_up <= 2 * len(data), "a cut costs the bytes in flight, not the bytes kept"


@pytest.mark.slow(seconds=10)
def test_chunks_refused_as_too_large_by_a_proxy_in_front_of_the_server_are_sent_smaller(
        province: Province, tmp_path: Path) -> None:
    device = province.enroll("XA-SMALL-PROXY", policy=POLICY)
    bundle_id, data = device.bundle(evidence=os.urandom(300_000))
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(bundle_id, data)
    with LinkProxy(("127.0.0.1", province.port)) as link, device.client(link.url) as client:
        # A reverse proxy allowing bodies under 100,000 bytes answers 413 itself (no server bound said).
        link.answer(rb"(?i)PATCH [^\r]*\r\n(?:[^\r\n]+\r\n)*?content-length: [0-9]{6,}\r\n", 413, times=100,
                    linger=True)
        report = run_sync(client, outbox)
    assert report.with_outcome(RECEIPTED) == [bundle_id], (report, outbox.attention(bundle_id))
    assert 1 <= link.answered <= 3, "the chunk is halved after each 413, not refused again and again"
