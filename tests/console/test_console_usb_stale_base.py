"""«Nhập từ USB» in the console judges a revision made on a stale copy as the network does: the old PC's lần 3,
made on its lần 1 while the province holds the new PC's lần 2 (bundle format 2 names its base by hash), is
refused with the reason and the way out; the same revision made on lần 2 is accepted."""

from __future__ import annotations

import hashlib
import re
from contextlib import closing
from pathlib import Path

import httpx

from desktop.sync.bundle import BaseHash
from desktop.sync.sync_run import RECEIPTED, run_sync
from tests.console.console_server import ConsoleServer, csrf_of
from tests.console.test_console_report_and_usb import seal_export
from tests.e2e.file_outbox import FileOutbox

AGENCY = "XA-USBCU"


def _import(officer: httpx.Client, bcx: bytes) -> str:
    form = officer.get("/console/usb").text
    answer = officer.post("/console/usb", data={"csrf": csrf_of(form)},
                          files={"file": ("bao-cao.bcx", bcx, "application/octet-stream")})
    assert answer.status_code == 200, answer.text[:500]
    found = re.search(r'id="usb-result">([^<]*)</p>', answer.text)
    assert found is not None, answer.text[-1500:]
    return found.group(1)


def test_a_usb_import_of_a_revision_made_on_a_stale_copy_is_refused(console: ConsoleServer, tmp_path: Path) -> None:
    old = console.enroll(AGENCY, name="Máy cũ")
    new = console.enroll(AGENCY, name="Máy mới", code=console.issue_code(AGENCY))
    outbox = FileOutbox(tmp_path / "outbox")
    first = old.bundle(revision=1)
    outbox.add(*first)
    outbox.add(*new.bundle(revision=2, base=BaseHash(hashlib.sha256(first[1]).hexdigest())))
    with new.client() as client:
        assert run_sync(client, outbox).with_outcome(RECEIPTED) == [first[0], f"{AGENCY}-2026Q4-r2"]
    held = hashlib.sha256((tmp_path / "outbox" / f"{AGENCY}-2026Q4-r2.bundle").read_bytes()).hexdigest()

    with closing(console.login("officer")) as officer:
        stale = old.bundle(revision=3, base=BaseHash(hashlib.sha256(first[1]).hexdigest()))[1]
        said = _import(officer, seal_export(old, stale))
        assert said.startswith("rejected: Lần 3 được soạn từ lần 2 trên máy đã ký, trong khi Sở đã nhận lần 2 từ "
                               "máy Máy mới lúc "), said
        assert "Hãy mở lần sửa đổi mới từ bản của Sở" in said, said
        good = old.bundle(revision=3, base=BaseHash(held), tag="-from-province")[1]
        assert _import(officer, seal_export(old, good)).startswith("accepted: "), "made on lần 2: accepted"
