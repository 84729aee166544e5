"""A report with 1 MB of evidence reaches a real province server over the worst link a commune has.

The link (tests/netsim/proxy.py): 256 kbit/s each way, 300 ms each way, cut every 100 KB. The bundle
must arrive intact, every byte must cross the link at most twice, progress must move throughout, and a
client killed in the middle must resume from the server's offset.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.sync.receipt import verify_receipt
from desktop.sync.retry_policy import RetryPolicy
from desktop.sync.sync_run import RECEIPTED, SyncProgress, run_sync
from tests.e2e.file_outbox import FileOutbox
from tests.e2e.province_server import Province
from tests.netsim.proxy import LinkProxy
from tests.server.live_server import REPO

RATE = 256_000
LATENCY = 0.3
CUT = 100_000
EVIDENCE = 1_000_000
HEADROOM = 64 * 1024
LINK_POLICY = RetryPolicy(max_attempts=10, base=0.2, cap=2.0, stall_timeout=20.0)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Province]:
    server = Province.create(tmp_path_factory.mktemp("bad-link"))
    yield server
    server.stop()


@pytest.mark.slow(seconds=50)
def test_evidence_arrives_intact_over_a_slow_lossy_link(province: Province, tmp_path: Path) -> None:
    device = province.enroll("XA-CHAMLINK", policy=LINK_POLICY)
    bundle_id, data = device.bundle(evidence=os.urandom(EVIDENCE))
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(bundle_id, data)
    seen: list[SyncProgress] = []
    with (LinkProxy(("127.0.0.1", province.port), rate_bps=RATE, latency=LATENCY, cut_every=CUT) as link,
          device.client(link.url) as client):
        report = run_sync(client, outbox, progress=seen.append)
        up = link.bytes_up

    assert report.with_outcome(RECEIPTED) == [bundle_id], report
    receipt = verify_receipt(outbox.receipt(bundle_id) or b"", device.province.signing)
    assert (receipt.bundle_id, receipt.status) == (bundle_id, "accepted")
    assert receipt.bundle_sha256 == hashlib.sha256(data).hexdigest()
    assert link.cuts >= len(data) // CUT
    assert up <= 2 * len(data) + HEADROOM, f"{up} bytes up for a {len(data)}-byte bundle"
    sent = [p.bytes_done for p in seen if p.phase == "uploading"]
    assert len(sent) > 20 and max(sent) == len(data)
    assert any(0 < s < len(data) // 4 for s in sent) and any(len(data) // 2 < s < len(data) for s in sent)


DRIVER = """
import json, sys
sys.path.insert(0, {repo!r})
from desktop.sync.device_keys import ProvincePublicKeys, load_device_key
from desktop.sync.retry_policy import RetryPolicy
from desktop.sync.sync_client import ProvinceClient
from desktop.sync.sync_run import run_sync
from tests.e2e.file_outbox import FileOutbox

config = json.load(open(sys.argv[1]))
with ProvinceClient(config["url"], device_key=load_device_key(bytes.fromhex(config["key"])),
                    province=ProvincePublicKeys.from_dict(config["province"]),
                    policy=RetryPolicy(base=0.2, cap=2.0, stall_timeout=20.0)) as client:
    report = run_sync(client, FileOutbox(__import__("pathlib").Path(config["outbox"])))
print(json.dumps([o.outcome for o in report.outcomes]))
"""


def test_client_killed_mid_upload_resumes_from_the_server_offset(province: Province, tmp_path: Path) -> None:
    device = province.enroll("XA-MATDIEN", policy=LINK_POLICY)
    bundle_id, data = device.bundle(evidence=os.urandom(600_000))
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(bundle_id, data)
    with LinkProxy(("127.0.0.1", province.port), rate_bps=1_000_000) as link:
        config = tmp_path / "driver.json"
        config.write_text(json.dumps({"url": link.url, "key": device.key.private_bytes_raw().hex(),
                                      "province": device.province.to_dict(), "outbox": str(outbox.root)}))
        script = tmp_path / "driver.py"
        script.write_text(DRIVER.format(repo=str(REPO)))
        first = subprocess.Popen([sys.executable, str(script), str(config)], cwd=REPO)
        deadline = time.monotonic() + 60
        # Killed while a chunk is on the wire (a third of the bundle has gone up the link): against a server that
        # keeps a cut chunk's bytes the client sends the rest in one chunk, so the saved offset alone would only
        # move once that chunk had arrived whole.
        while outbox.upload_state(bundle_id) is None or link.bytes_up < len(data) // 3:
            assert time.monotonic() < deadline and first.poll() is None, "the upload did not start"
            time.sleep(0.01)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        killed_at = outbox.upload_state(bundle_id)
        assert killed_at is not None and killed_at.offset < len(data)
        up_before = link.bytes_up
        second = subprocess.run([sys.executable, str(script), str(config)], cwd=REPO, capture_output=True,
                                text=True, timeout=120)
        assert json.loads(second.stdout.strip().splitlines()[-1]) == [RECEIPTED], second.stderr
        resent = link.bytes_up - up_before
    receipt = verify_receipt(outbox.receipt(bundle_id) or b"", device.province.signing)
    assert receipt.bundle_id == bundle_id
    assert resent <= len(data) - killed_at.offset + 256 * 1024, "the restarted client did not resume"
    assert link.bytes_up <= 2 * len(data) + HEADROOM
