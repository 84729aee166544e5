"""End to end against a real server process: enroll, pull, push in chunks, receipts, and every lost answer."""

from __future__ import annotations

import base64
import sqlite3
from pathlib import Path

import openpyxl
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.sync.encrypted_export import encrypt_path
from desktop.sync.receipt import verify_receipt
from tests.server.bundles import agency_bundle
from tests.server.conftest import new_device
from tests.server.live_server import Device, LiveServer

EVIDENCE = b"%PDF-1.7 bien ban nghiem thu " * 12_000


def _receipt(response, device: Device):
    return verify_receipt(base64.b64decode(response.json()["receipt"]), device.province.signing)


def _rows(server: LiveServer, table: str) -> int:
    with sqlite3.connect(server.data_dir / "server.sqlite3") as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _stored_files(server: LiveServer) -> list[str]:
    return sorted(p.name for p in (server.data_dir / "bundles").iterdir())


def test_enroll_pull_push_receipt_and_a_second_push_changes_nothing(live_server, device):
    pulled = device.request("GET", "/v1/assignments")
    assert pulled.status_code == 200 and pulled.headers["ETag"]
    again = device.request("GET", "/v1/assignments", headers={"If-None-Match": pulled.headers["ETag"]})
    assert again.status_code == 304 and again.content == b""
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient, evidence=EVIDENCE)
    first = device.push(bundle.data, bundle.bundle_id, chunk=100_000)
    assert first.status_code == 200, first.text
    receipt = _receipt(first, device)
    assert (receipt.status, receipt.bundle_sha256, receipt.agency) == ("accepted", bundle.sha256, device.agency)
    files, rows = _stored_files(live_server), _rows(live_server, "bundles")
    second = device.push(bundle.data, bundle.bundle_id)
    assert second.status_code == 200 and second.json()["receipt"] == first.json()["receipt"]
    assert (_stored_files(live_server), _rows(live_server, "bundles")) == (files, rows)
    by_id = device.request("GET", f"/v1/receipts/{bundle.bundle_id}")
    assert by_id.json()["receipt"] == first.json()["receipt"]
    known = device.request("POST", "/v1/bundles/known", b'{"bundle_ids":["%s","nope"]}' % bundle.bundle_id.encode(),
                           headers={"Content-Type": "application/json"})
    assert known.json() == {"known": {bundle.bundle_id: first.json()["receipt"]}}


def test_lost_answers_at_every_step_give_no_duplicate_and_the_same_receipt(live_server, device):
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient, evidence=EVIDENCE)
    created = device.create_upload(bundle.data, bundle.bundle_id)
    recreated = device.create_upload(bundle.data, bundle.bundle_id)  # the 201 was lost
    assert recreated.status_code == 201 and recreated.headers["Location"] == created.headers["Location"]
    location = created.headers["Location"]
    first = bundle.data[:50_000]
    assert device.patch(location, 0, first).status_code == 204
    repeated = device.patch(location, 0, first)  # the 204 was lost; the client resends the chunk
    assert repeated.status_code == 409 and repeated.headers["Upload-Offset"] == "50000"
    assert device.offset(location) == 50_000
    assert device.commit(location).status_code == 409  # incomplete
    assert device.patch(location, 50_000, bundle.data[50_000:]).status_code == 204
    committed = device.commit(location)
    assert committed.status_code == 200
    for answer in (device.commit(location), device.push(bundle.data, bundle.bundle_id)):  # commit answer lost
        assert answer.status_code == 200 and answer.json()["receipt"] == committed.json()["receipt"]
    assert _stored_files(live_server).count(f"{bundle.sha256}.bcb") == 1


def test_server_killed_mid_upload_resumes_at_the_durable_offset(live_server, device):
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient, evidence=EVIDENCE)
    location = device.create_upload(bundle.data, bundle.bundle_id).headers["Location"]
    assert device.patch(location, 0, bundle.data[:120_000]).status_code == 204
    live_server.kill()
    live_server.start()
    device.client.close()
    device.client = type(device.client)(timeout=30)
    offset = device.offset(location)
    assert offset == 120_000
    assert device.patch(location, offset, bundle.data[offset:]).status_code == 204
    committed = device.commit(location)
    assert _receipt(committed, device).status == "accepted"
    stored = (live_server.data_dir / "bundles" / f"{bundle.sha256}.bcb").read_bytes()
    assert stored == bundle.data


def test_usb_import_then_network_push_is_stored_once(live_server, device, tmp_path: Path):
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient, evidence=EVIDENCE)
    export = _export(device, bundle.data, tmp_path)
    imported = live_server.cli("import", str(export))
    assert "accepted" in imported.stdout
    usb_receipt = export.with_suffix(".bcr").read_bytes()
    assert verify_receipt(usb_receipt, device.province.signing).status == "accepted"
    known = device.request("POST", "/v1/bundles/known", b'{"bundle_ids":["%s"]}' % bundle.bundle_id.encode(),
                           headers={"Content-Type": "application/json"})
    assert base64.b64decode(known.json()["known"][bundle.bundle_id]) == usb_receipt
    pushed = device.push(bundle.data, bundle.bundle_id)
    assert pushed.status_code == 200 and base64.b64decode(pushed.json()["receipt"]) == usb_receipt
    assert _stored_files(live_server).count(f"{bundle.sha256}.bcb") == 1


def test_network_push_then_usb_import_answers_with_the_same_receipt(live_server, device, tmp_path: Path):
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient)
    pushed = device.push(bundle.data, bundle.bundle_id)
    rows = _rows(live_server, "bundles")
    export = _export(device, bundle.data, tmp_path)
    live_server.cli("import", str(export), "--out", str(tmp_path / "r.bcr"))
    assert (tmp_path / "r.bcr").read_bytes() == base64.b64decode(pushed.json()["receipt"])
    assert _rows(live_server, "bundles") == rows


def test_a_later_revision_supersedes_and_an_older_one_is_answered_superseded(live_server, device):
    first = agency_bundle(device.key, device.agency, recipient=device.recipient)
    assert device.push(first.data, first.bundle_id).status_code == 200
    second = agency_bundle(device.key, device.agency, recipient=device.recipient, revision=2, supersedes=1, sequence=2,
                           previous_hash=first.sha256)
    receipt = _receipt(device.push(second.data, second.bundle_id), device)
    assert (receipt.status, receipt.supersedes) == ("accepted", 1)
    stale = agency_bundle(device.key, device.agency, recipient=device.recipient, revision=1, sequence=3,
                          previous_hash=second.sha256,
                          bundle_id=f"{device.agency}-old")
    answer = device.push(stale.data, stale.bundle_id)
    assert answer.status_code == 200 and _receipt(answer, device).status == "superseded"


def test_a_bad_bundle_gets_a_signed_rejection_and_does_not_block_the_next(live_server, device):
    other = new_device(live_server)
    forged = agency_bundle(other.key, device.agency, recipient=other.recipient,  # wrong signer
                           bundle_id=f"{device.agency}-forged")
    answer = device.push(forged.data, forged.bundle_id)
    assert answer.status_code == 422 and answer.json()["code"] == "signature"
    assert _receipt(answer, device).status == "rejected"
    assert device.push(forged.data, forged.bundle_id).json()["receipt"] == answer.json()["receipt"]
    good = agency_bundle(device.key, device.agency, recipient=device.recipient)
    assert _receipt(device.push(good.data, good.bundle_id), device).status == "accepted"


def test_summary_workbook_names_who_reported(live_server, device, tmp_path: Path):
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient)
    assert device.push(bundle.data, bundle.bundle_id).status_code == 200
    out = tmp_path / "tong-hop.xlsx"
    live_server.cli("summary", "--period", "2026Q4", "--out", str(out))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Tổng hợp", "Chỉ tiêu", "Nhiệm vụ"]
    rows = {row[1]: row for row in book["Tổng hợp"].iter_rows(min_row=5, values_only=True) if row and row[1]}
    assert rows[device.agency][3] in ("Đã gửi đúng hạn", "Trễ hạn") and rows[device.agency][4] == 1
    names = [row[1] for row in book["Chỉ tiêu"].iter_rows(min_row=5, values_only=True)]
    assert any(str(name).startswith("- ") for name in names), "each agency's value under its indicator"


def _export(device: Device, data: bytes, tmp_path: Path) -> Path:
    plain = tmp_path / "bao-cao.bcb"
    plain.write_bytes(data)
    kid, public = device.province.recipient("x25519")
    export = tmp_path / "bao-cao.bcx"
    encrypt_path(plain, export, public, recipient_key_id=kid)
    plain.unlink()
    return export


def test_cli_registers_an_agency_and_issues_a_code_that_enrolls(live_server):
    live_server.cli("agency", "add", "XA-CLI", "UBND xã Mỹ Hiệp", "--parent", "TỈNH ĐỒNG THÁP")
    code = live_server.cli("enroll-code", "XA-CLI", "--days", "3").stdout.strip()
    device = Device(live_server.url, Ed25519PrivateKey.generate())
    answer = device.enroll(code)
    assert answer.status_code == 200 and answer.json()["agency"]["name"] == "UBND xã Mỹ Hiệp"
    assert live_server.cli("agency", "add", "XA-CLI", "again", check=False).returncode == 2
