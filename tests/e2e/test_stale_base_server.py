"""The province itself refuses a revision made on a stale copy, against a real server process on 127.0.0.1.

Two PCs of one agency: the new PC sends lần 2 on top of the old PC's lần 1; the old PC then sends lần 3 made on
its own lần 1. Its bundles are built with the low-level ``make_bundle``, as a PC whose code skips the signing
service's own check (``stale_base``) would: only the province stands between that bundle and a silent undo
of lần 2. In bundle format 2 the manifest names the revision it is made on by hash (``supersedes_sha256``), and
the province refuses it by network and by ``baocao-server import`` in the words the signing PC uses; made on
the province's copy it is accepted; a format 1 bundle (no such field, an older PC) is taken as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.sync.bundle import BaseHash
from desktop.sync.bundle_container import FORMAT_V2
from desktop.sync.receipt import Receipt, verify_receipt
from desktop.sync.sync_run import NEEDS_ATTENTION, RECEIPTED, run_sync
from tests.e2e.file_outbox import FileOutbox
from tests.e2e.province_server import Device, Province

AGENCY = "XA-STALE"
WAY_OUT = "Hãy mở lần sửa đổi mới từ bản của Sở: menu Báo cáo › «Mở lần sửa đổi mới từ bản của Sở…»"


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Province]:
    server = Province.create(tmp_path_factory.mktemp("stale-base"))
    yield server
    server.stop()


def _send(device: Device, bundle: tuple[str, bytes], folder: Path) -> tuple[str, Receipt | None, dict | None]:
    """Send one bundle with the real sync run; its outcome, verified receipt (if any) and refusal (if any)."""
    bundle_id, data = bundle
    outbox = FileOutbox(folder / bundle_id)
    outbox.add(bundle_id, data)
    with device.client() as client:
        outcome = run_sync(client, outbox).outcomes[0].outcome
    raw = outbox.receipt(bundle_id)
    return outcome, verify_receipt(raw, device.province.signing) if raw else None, outbox.attention(bundle_id)


def _sha(bundle: tuple[str, bytes]) -> str:
    return hashlib.sha256(bundle[1]).hexdigest()


@pytest.mark.slow(seconds=20)
def test_the_province_refuses_a_revision_made_on_a_stale_copy_by_network_and_usb(province: Province,
                                                                                 tmp_path: Path) -> None:
    old = province.enroll(AGENCY, name="Máy cũ")
    new = province.enroll(AGENCY, name="Máy mới", code=province.issue_code(AGENCY))
    with old.client() as client:
        assert FORMAT_V2 in client.chain_position()["bundle_formats"]

    first = old.bundle(revision=1)  # format 1, as every PC signed it so far
    assert _send(old, first, tmp_path)[0] == RECEIPTED
    correction = new.bundle(revision=2, base=BaseHash(_sha(first)))
    outcome, receipt, _ = _send(new, correction, tmp_path)
    assert outcome == RECEIPTED and receipt is not None and receipt.status == "accepted"

    # The old PC's lần 3, made on its own lần 1 while the province holds the new PC's lần 2: refused, named.
    stale = old.bundle(revision=3, base=BaseHash(_sha(first)))
    outcome, receipt, refusal = _send(old, stale, tmp_path)
    assert outcome == NEEDS_ATTENTION and refusal is not None and refusal["code"] == "stale_base", refusal
    assert receipt is None
    said = refusal["vi"]
    assert ": Lần 3 được soạn từ lần 2 trên máy đã ký, trong khi Sở đã nhận lần 2 từ máy Máy mới lúc " in said, said
    assert "nhận lần này sẽ ghi đè lần 2 bằng nội dung cũ" in said and WAY_OUT in said, said
    assert "baocao revise-from-province" in said, said

    # The same by USB: the import refuses it with the reason and writes the signed refusal.
    usb = tmp_path / "stale.bcb"
    usb.write_bytes(old.bundle(revision=3, base=BaseHash(_sha(first)), tag="-usb")[1])
    imported = province.cli("import", str(usb), check=False)
    assert imported.returncode == 4, imported.stdout + imported.stderr
    assert "Revision 3 was made from revision 2 on the PC that signed it, while the province has received " \
           "revision 2 from Máy mới at " in imported.stdout, imported.stdout
    assert "Open a new revision from the province's copy" in imported.stdout, imported.stdout
    usb_receipt = verify_receipt(usb.with_suffix(".bcr").read_bytes(), old.province.signing)
    assert (usb_receipt.status, usb_receipt.code) == ("rejected", "stale_base")

    # Made on the province's copy, the old PC's lần 3 goes through.
    on_top = old.bundle(revision=3, base=BaseHash(_sha(correction)), tag="-from-province")
    outcome, receipt, _ = _send(old, on_top, tmp_path)
    assert outcome == RECEIPTED and receipt is not None and receipt.supersedes == 2, receipt

    # Now the new PC's copy is the stale one: its format 2 lần 4 on lần 2 is refused, naming the old PC's lần 3;
    # the same revision in format 1 (an older PC: no supersedes_sha256) is taken as before, the gap it leaves.
    outcome, _, refusal = _send(new, new.bundle(revision=4, base=BaseHash(_sha(correction))), tmp_path)
    assert outcome == NEEDS_ATTENTION and refusal is not None and refusal["code"] == "stale_base", refusal
    assert "Sở đã nhận lần 3 từ máy Máy cũ lúc " in refusal["vi"], refusal
    outcome, receipt, _ = _send(new, new.bundle(revision=4, tag="-format-1"), tmp_path)
    assert outcome == RECEIPTED and receipt is not None and receipt.status == "accepted", receipt
