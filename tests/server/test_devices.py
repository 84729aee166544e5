"""Devices on the province side, against a real server process: list, revoke, replace; durable receipts."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from server.db import Database
from server.devices import format_moment, list_devices, revoke_device
from tests.server.bundles import agency_bundle
from tests.server.conftest import new_device
from tests.server.live_server import Device


def _second_device(live_server, agency: str, replaces: str | None = None) -> Device:
    device = Device(live_server.url, Ed25519PrivateKey.generate())
    answer = device.enroll(live_server.issue_code(agency, replaces), name="Máy mới")
    assert answer.status_code == 200, answer.text
    return device


def _key_id(device: Device) -> str:
    from desktop.sync.device_keys import ed25519_public_bytes, key_id
    return key_id("ed25519", ed25519_public_bytes(device.key))


def test_a_revoked_device_is_refused_with_the_date_and_its_earlier_bundles_stay_valid(live_server, tmp_path):
    old = new_device(live_server)
    before = agency_bundle(old.key, old.agency, recipient=old.recipient)
    new = _second_device(live_server, old.agency)
    done = live_server.cli("device", "revoke", _key_id(old), "--reason", "Máy bị mất cắp")
    assert "Revoked" in done.stdout and old.agency in done.stdout

    refused = old.request("GET", "/v1/assignments")
    body = refused.json()
    assert refused.status_code == 403 and body["code"] == "device_revoked"
    today = format_moment(int(time.time()))[:10]  # the date in Vietnam time
    assert "thu hồi" in body["message_vi"] and "revoked" in body["message_en"] and today in body["message_vi"]

    # Signed before the revocation, carried by the agency's other PC: accepted.
    carried = new.push(before.data, before.bundle_id)
    assert carried.status_code == 200 and carried.json()["status"] == "accepted", carried.text
    # Signed after it (a thief with the key), brought on a stick: refused, and the operator is told why.
    after = agency_bundle(old.key, old.agency, recipient=old.recipient, revision=2, supersedes=1, sequence=2,
                          previous_hash=before.sha256, created_at=datetime.now(UTC) + timedelta(minutes=1),
                          bundle_id=f"{old.agency}-late")
    path = tmp_path / "late.bcb"
    path.write_bytes(after.data)
    imported = live_server.cli("import", str(path), check=False)
    assert imported.returncode == 4 and "after it was revoked" in imported.stdout, imported.stdout

    listing = live_server.cli("device", "list", old.agency).stdout
    assert "Máy bị mất cắp" in listing and "active" in listing
    again = Device(live_server.url, old.key).enroll(live_server.issue_code(old.agency))
    assert again.status_code == 403 and again.json()["code"] == "device_revoked"


def test_a_replacement_enrolled_with_replaces_all_revokes_the_others(live_server):
    first = new_device(live_server)
    second = _second_device(live_server, first.agency)
    replacement = _second_device(live_server, first.agency, replaces="all")
    assert first.request("GET", "/v1/assignments").json()["code"] == "device_revoked"
    assert second.request("GET", "/v1/assignments").json()["code"] == "device_revoked"
    assert replacement.request("GET", "/v1/assignments").status_code == 200
    db = Database(f"sqlite:///{live_server.data_dir / 'server.sqlite3'}")
    try:
        devices = {d.key_id: d for d in list_devices(db, first.agency)}
        assert devices[_key_id(replacement)].revoked_at is None
        assert devices[_key_id(first)].revoked_by == "enroll-code"
        assert _key_id(replacement) in (devices[_key_id(second)].revoke_reason or "")
    finally:
        db.dispose()


def test_replaces_one_key_and_revoke_keeps_reason_and_actor_and_audits(live_server):
    first = new_device(live_server)
    kept = _second_device(live_server, first.agency)
    _second_device(live_server, first.agency, replaces=_key_id(first))
    assert first.request("GET", "/v1/assignments").json()["code"] == "device_revoked"
    assert kept.request("GET", "/v1/assignments").status_code == 200
    db = Database(f"sqlite:///{live_server.data_dir / 'server.sqlite3'}")
    try:
        info = revoke_device(db, _key_id(kept), "Hỏng ổ cứng", "console:an")
        assert (info.revoke_reason, info.revoked_by) == ("Hỏng ổ cứng", "console:an") and info.revoked_at
    finally:
        db.dispose()
    with sqlite3.connect(live_server.data_dir / "server.sqlite3") as raw:
        actions = raw.execute("SELECT actor, action FROM audit_events WHERE subject = ?", (_key_id(kept),)).fetchall()
    assert actions == [("console:an", "device.revoke")]


def test_a_receipt_the_client_received_survives_a_kill(live_server):
    device = new_device(live_server)
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient)
    answer = device.push(bundle.data, bundle.bundle_id)
    live_server.kill()
    live_server.start()
    assert answer.status_code == 200
    found = device.request("GET", f"/v1/receipts/{bundle.bundle_id}")
    assert found.status_code == 200 and found.json()["receipt"] == answer.json()["receipt"]


def test_receipt_transactions_are_fully_synchronous(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    try:
        with db.connection(durable=True) as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        with db.connection() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    finally:
        db.dispose()


def test_the_revocation_date_is_told_only_to_the_revoked_key_s_holder(live_server):
    """A key id is printed on enrollment letters: knowing it must not tell when (or that) the PC was revoked."""
    old = new_device(live_server)
    created = old.create_upload(b"x" * 1000, f"{old.agency}-pending")
    assert created.status_code == 201, created.text
    location = created.headers["Location"]
    live_server.cli("device", "revoke", _key_id(old), "--reason", "Máy cũ đã thay")
    today = format_moment(int(time.time()))[:10]

    stranger = Device(live_server.url, Ed25519PrivateKey.generate())  # signs with its own key, claims the old id
    for method, target, body in (("GET", "/v1/assignments", b""), ("HEAD", location, b""),
                                 ("PATCH", location, b"y" * 500)):
        forged = stranger.request(method, target, body, headers={
            "Upload-Offset": "0", "Upload-Checksum": "sha256 " + "A" * 43 + "=",
            "Content-Type": "application/offset+octet-stream"})
        forged_headers = dict(forged.request.headers)
        forged_headers["Baocao-Key"] = _key_id(old)
        answer = stranger.client.request(method, f"{live_server.url}{target}", content=body, headers=forged_headers)
        assert answer.status_code == 401, (method, answer.status_code, answer.text)
        assert today not in answer.text and "thu hồi lúc" not in answer.text and "revoked at" not in answer.text
        if method != "HEAD":
            assert answer.json()["code"] == "signature"

    own = old.request("GET", "/v1/assignments")
    assert own.status_code == 403 and own.json()["code"] == "device_revoked" and today in own.json()["message_vi"]
    own_chunk = old.patch(location, 0, b"x" * 1000)
    assert own_chunk.status_code == 403 and today in own_chunk.json()["message_vi"]
    with sqlite3.connect(live_server.data_dir / "server.sqlite3") as raw:
        held = raw.execute("SELECT offset FROM uploads WHERE bundle_id = ?", (f"{old.agency}-pending",)).fetchone()
    assert held == (0,)  # the revoked key's chunk was refused before it touched the upload
