"""Attacks on intake replayed against a real server process: no agency can block or answer for another's."""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.server.bundles import agency_bundle
from tests.server.conftest import new_device
from tests.server.live_server import PASSPHRASE, REPO, Device, LiveServer


def _metadata(bundle_id: str, sha256_hex: str) -> str:
    return (f"bundle_id {base64.b64encode(bundle_id.encode()).decode()},"
            f"sha256 {base64.b64encode(sha256_hex.encode()).decode()}")


def _upload_declaring(device: Device, data: bytes, bundle_id: str, declared: str) -> httpx.Response:
    created = device.request("POST", "/v1/uploads", headers={"Upload-Length": str(len(data)),
                                                            "Upload-Metadata": _metadata(bundle_id, declared)})
    assert created.status_code == 201, created.text
    location = created.headers["Location"]
    assert device.patch(location, 0, data).status_code == 204
    return device.commit(location)


def _import(server: LiveServer, path: Path, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("BAOCAO_LANG", "LANG", "LANGUAGE", "LC_ALL",
                                                             "LC_MESSAGES", "BAOCAO_SERVER_DB")}
    return subprocess.run([sys.executable, "-m", "server.cli", "import", str(path)], cwd=REPO, text=True,
                          capture_output=True, timeout=120,
                          env={**base, "BAOCAO_SERVER_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(REPO),
                               "BAOCAO_SERVER_DATA_DIR": str(server.data_dir), **env})


def test_a_zeroed_declared_hash_does_not_block_the_owner_by_network(live_server):
    owner, evil = new_device(live_server, "XA-C"), new_device(live_server, "XA-EVIL")
    bundle = agency_bundle(owner.key, owner.agency, recipient=owner.recipient)
    refused = _upload_declaring(evil, bundle.data, bundle.bundle_id, "0" * 64)
    assert refused.status_code == 422 and refused.json()["code"] == "upload_hash"
    answer = owner.push(bundle.data, bundle.bundle_id)
    assert answer.status_code == 200 and answer.json()["status"] == "accepted", answer.text
    # The refusal stays with the upload that earned it: asking again, the attacker gets it again.
    again = evil.request("POST", "/v1/uploads", headers={"Upload-Length": str(len(bundle.data)),
                                                         "Upload-Metadata": _metadata(bundle.bundle_id, "0" * 64)})
    assert again.status_code == 422 and again.json()["receipt"] == refused.json()["receipt"]


def test_a_zeroed_declared_hash_does_not_block_the_owner_by_usb(live_server, tmp_path):
    owner, evil = new_device(live_server, "XA-C"), new_device(live_server, "XA-EVIL")
    bundle = agency_bundle(owner.key, owner.agency, recipient=owner.recipient)
    assert _upload_declaring(evil, bundle.data, bundle.bundle_id, "0" * 64).json()["code"] == "upload_hash"
    path = tmp_path / "xa-c.bcb"
    path.write_bytes(bundle.data)
    done = live_server.cli("import", str(path))
    assert done.stdout.startswith("accepted"), done.stdout + done.stderr
    assert owner.request("GET", f"/v1/receipts/{bundle.bundle_id}").status_code == 200


def test_a_forged_import_naming_an_agency_gives_it_no_receipt_and_says_why(live_server, tmp_path):
    victim = new_device(live_server, "XA-A")
    forged = agency_bundle(Ed25519PrivateKey.generate(), victim.agency, recipient=victim.recipient,
                           bundle_id=f"{victim.agency}-forged")
    path = tmp_path / "forged.bcb"
    path.write_bytes(forged.data)
    english = _import(live_server, path, LANG="en_US.UTF-8")
    assert english.returncode == 4
    assert english.stdout.startswith("rejected: ") and "signature" in english.stdout.lower(), english.stdout
    vietnamese = _import(live_server, path, LANG="vi_VN.UTF-8")
    assert vietnamese.returncode == 4 and "chữ ký" in vietnamese.stdout.lower(), vietnamese.stdout
    assert victim.request("GET", f"/v1/receipts/{forged.bundle_id}").status_code == 404
    known = victim.request("POST", "/v1/bundles/known", b'{"bundle_ids": ["%s"]}' % forged.bundle_id.encode(),
                           headers={"Content-Type": "application/json"})
    assert known.status_code == 200 and known.json()["known"] == {}


def test_a_refused_upload_leaves_no_bytes(live_server):
    owner, other = new_device(live_server), new_device(live_server)
    theirs = agency_bundle(other.key, other.agency, recipient=other.recipient)
    created = owner.create_upload(theirs.data, theirs.bundle_id)
    location = created.headers["Location"]
    assert owner.patch(location, 0, theirs.data).status_code == 204
    part = live_server.data_dir / "uploads" / f"{location.rsplit('/', 1)[1]}.part"
    assert part.exists()
    assert owner.commit(location).json()["code"] == "wrong_agency"
    assert not part.exists()


def test_tus_headers_are_required_and_signed(live_server):
    device = new_device(live_server)
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient)
    location = device.create_upload(bundle.data, bundle.bundle_id).headers["Location"]
    unchecked = device.request("PATCH", location, bundle.data, headers={
        "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert unchecked.status_code == 400 and unchecked.json()["code"] == "checksum_required"
    checksum = base64.b64encode(hashlib.sha256(bundle.data).digest()).decode()
    headers = {"Upload-Offset": "0", "Upload-Checksum": f"sha256 {checksum}",
               "Content-Type": "application/offset+octet-stream"}
    from desktop.sync.request_signing import sign_request
    signed = sign_request(device.key, "PATCH", location, bundle.data, headers={**headers, "Upload-Offset": "7"})
    moved = device.client.patch(f"{device.base_url}{location}", content=bundle.data,
                                headers={"Tus-Resumable": "1.0.0", **headers, **signed})
    assert moved.status_code == 401 and moved.json()["code"] == "signature"
    assert device.patch(location, 0, bundle.data).status_code == 204
    untus = device.client.post(f"{device.base_url}{location}/commit",
                               headers=sign_request(device.key, "POST", f"{location}/commit", b""))
    assert untus.status_code == 412 and untus.json()["code"] == "tus_version"
    assert device.commit(location).json()["status"] == "accepted"


def test_a_bundle_addressed_to_another_province_is_refused(live_server):
    device = new_device(live_server)
    bundle = agency_bundle(device.key, device.agency)  # the test recipient, not this server's key
    answer = device.push(bundle.data, bundle.bundle_id)
    assert answer.status_code == 422 and answer.json()["code"] == "recipient"
    good = agency_bundle(device.key, device.agency, recipient=device.recipient, bundle_id=f"{device.agency}-ok")
    assert device.push(good.data, good.bundle_id).json()["status"] == "accepted"


UPLOAD_TTL = 12


@pytest.fixture
def fresh_server(tmp_path: Path):
    server = LiveServer.create(tmp_path, env={"BAOCAO_SERVER_UPLOAD_TTL_SECONDS": str(UPLOAD_TTL),
                                              "BAOCAO_SERVER_SWEEP_SECONDS": "1"})
    yield server
    server.stop()


def _enroll(server: LiveServer, code: str) -> httpx.Response:
    return Device(server.url, Ed25519PrivateKey.generate()).enroll(code)


def test_wrong_codes_lock_the_code_and_the_address_is_charged_before_the_check(fresh_server):
    locked = fresh_server.add_agency("XA-LOCK")
    selector = locked[:4]
    for attempt in range(5):
        assert _enroll(fresh_server, f"{selector}-ZZZZ-ZZZ{attempt}").json()["code"] == "enroll_code"
    assert _enroll(fresh_server, locked).json()["code"] == "enroll_code_locked"

    good = fresh_server.add_agency("XA-GOOD")
    guesser = Device(fresh_server.url, Ed25519PrivateKey.generate())
    started = time.monotonic()
    answers = [guesser.enroll(f"AAAA-BBBB-{n:04d}") for n in range(300)]
    statuses = [answer.status_code for answer in answers]
    # Burst 20 (six already spent above), refilled at one per five seconds while the guesses run.
    allowed = 20 + (time.monotonic() - started) / 5 + 1
    assert set(statuses) == {403, 429} and statuses.count(403) <= allowed, (statuses.count(403), allowed)
    # Right after a refusal that says "wait 3 s or more", a correct code is refused too: it is not looked at.
    while not (answers[-1].status_code == 429 and int(answers[-1].headers["Retry-After"]) >= 3):
        answers.append(guesser.enroll("AAAA-BBBB-CCCC"))
    during = _enroll(fresh_server, good)
    assert during.status_code == 429, during.text
    time.sleep(int(during.headers["Retry-After"]) + 0.5)
    after = _enroll(fresh_server, good)
    assert after.status_code == 200, after.text


def test_expired_uploads_do_not_count_and_the_sweep_removes_their_bytes(fresh_server):
    device = Device(fresh_server.url, Ed25519PrivateKey.generate())
    assert device.enroll(fresh_server.add_agency("XA-STALE")).status_code == 200
    stale = [b"x" * 1000 + bytes([n]) for n in range(64)]
    started = time.monotonic()
    for n, data in enumerate(stale):
        location = device.create_upload(data, f"stale-{n}").headers["Location"]
        assert device.patch(location, 0, data[:500]).status_code == 204
    uploads = fresh_server.data_dir / "uploads"
    assert time.monotonic() - started < UPLOAD_TTL, "this machine is too slow for the test's upload lifetime"
    assert len(list(uploads.glob("*.part"))) == 64
    capped = device.create_upload(b"y" * 1000, "one-more")
    assert capped.status_code == 429 and capped.json()["code"] == "too_many_uploads"
    time.sleep(UPLOAD_TTL + 1.5)
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient)
    assert device.push(bundle.data, bundle.bundle_id).json()["status"] == "accepted"
    deadline = time.monotonic() + 10
    while list(uploads.glob("*.part")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert list(uploads.glob("*.part")) == []


def test_unfinished_uploads_are_capped_in_bytes_and_expired_ones_free_the_space(tmp_path):
    server = LiveServer.create(tmp_path, env={"BAOCAO_SERVER_UPLOAD_TTL_SECONDS": str(UPLOAD_TTL),
                                              "BAOCAO_SERVER_MAX_OPEN_UPLOAD_BYTES": "10000"})
    try:
        device = Device(server.url, Ed25519PrivateKey.generate())
        assert device.enroll(server.add_agency("XA-BYTES")).status_code == 200
        started = time.monotonic()
        for n in range(2):
            assert device.create_upload(bytes([n]) * 4000, f"big-{n}").status_code == 201
        capped = device.create_upload(b"z" * 4000, "big-2")
        assert time.monotonic() - started < UPLOAD_TTL, "this machine is too slow for the test's upload lifetime"
        assert capped.status_code == 429 and capped.json()["code"] == "too_many_upload_bytes", capped.text
        assert "dung lượng" in capped.json()["message_vi"]
        # One that fits the space left is still taken.
        assert device.create_upload(b"s" * 1500, "small").status_code == 201
        time.sleep(UPLOAD_TTL + 1)
        assert device.create_upload(b"z" * 4000, "big-2").status_code == 201
    finally:
        server.stop()
