"""An agency's report in the console: revision 1 by network, revision 2 imported from USB through the console
(a good .bcx accepted, its .bcr downloaded and verified against the province's signing key); the report page
lists both revisions, says what changed, and hands out each revision's signed receipt."""

from __future__ import annotations

import io
import re
from contextlib import closing
from pathlib import Path

import httpx

from desktop.sync.encrypted_export import encrypt_file
from desktop.sync.receipt import verify_receipt
from desktop.sync.sync_run import RECEIPTED, run_sync
from tests.console.console_server import ConsoleServer, csrf_of
from tests.e2e.file_outbox import FileOutbox
from tests.e2e.province_server import Device

AGENCY = "XA-HAILAN"


def seal_export(device: Device, data: bytes) -> bytes:
    """The bundle encrypted to the province, as the app's "Xuất ra USB" writes it (.bcx)."""
    kid, public = device.province.recipient()
    out = io.BytesIO()
    encrypt_file(io.BytesIO(data), out, public, recipient_key_id=kid)
    return out.getvalue()


def _ok(answer: httpx.Response) -> httpx.Response:
    assert answer.status_code == 200, answer.text[:500]
    return answer


def test_revisions_changes_receipts_and_a_usb_import(console: ConsoleServer, tmp_path: Path) -> None:
    device = console.enroll(AGENCY)
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(*device.bundle(revision=1, tasks=3))
    with device.client() as client:
        assert run_sync(client, outbox).with_outcome(RECEIPTED)
    bundle_id, second = device.bundle(revision=2, tasks=4)
    signing = device.province.signing
    with closing(console.login("officer")) as officer:
        form = _ok(officer.get("/console/usb")).text
        bcx = seal_export(device, second)
        answer = _ok(officer.post("/console/usb", data={"csrf": csrf_of(form)},
                                  files={"file": ("bao-cao.bcx", bcx, "application/octet-stream")}))
        assert re.search(r'id="usb-result">accepted: [^<]*lần 2', answer.text), answer.text[-1500:]
        link = re.search(r'href="(/console/usb/receipt/[0-9a-f]{64})" id="usb-receipt"', answer.text)
        assert link is not None
        usb_receipt = verify_receipt(_ok(officer.get(link.group(1))).content, signing)
        assert (usb_receipt.status, usb_receipt.bundle_id, usb_receipt.revision) == ("accepted", bundle_id, 2)

        page = _ok(officer.get(f"/console/reports/{AGENCY}/2026Q4")).text
        revisions = re.search(r'<table class="grid" id="revisions">.*?</table>', page, re.S)
        assert revisions is not None
        rows = re.findall(r'<tr><td class="num">(\d+)</td>.*?<td>(mạng|USB)</td>', revisions.group(0), re.S)
        assert rows == [("1", "mạng"), ("2", "USB")]
        changes = re.search(r'<table class="grid" id="changes">.*?</table>', page, re.S)
        assert changes is not None, page[:3000]
        # The fourth task, new in revision 2: its status, percent and result appear, with nothing before.
        assert re.search(r"<tr><td>Tuyên truyền, hướng dẫn người dân[^<]*</td><td>Tình trạng</td><td></td>"
                         r"<td>Chưa triển khai</td></tr>", changes.group(0)), changes.group(0)
        assert 'id="changes"' not in _ok(officer.get(f"/console/reports/{AGENCY}/2026Q4?rev=1")).text

        for revision in (1, 2):
            got = _ok(officer.get(f"/console/reports/{AGENCY}/2026Q4/receipt?rev={revision}"))
            assert got.headers["content-type"] == "application/octet-stream"
            receipt = verify_receipt(got.content, signing)
            assert (receipt.status, receipt.agency, receipt.revision) == ("accepted", AGENCY, revision)
