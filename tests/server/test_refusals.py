"""Tampered, replayed, unsigned, oversized, wrong-agency and malformed requests: refused, with a clear reason."""

from __future__ import annotations

import base64
import hashlib
import time

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.sync.request_signing import sign_request
from tests.server.bundles import agency_bundle
from tests.server.conftest import new_device
from tests.server.live_server import TUS, Device


def _refused(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code and body["message_vi"] and body["message_en"]
    return body


def test_unsigned_request_is_refused(live_server):
    _refused(httpx.get(f"{live_server.url}/v1/assignments"), 401, "unsigned")


def test_tampered_body_path_and_stale_clock_are_refused(device):
    location = device.create_upload(b"x" * 10, "B-1").headers["Location"]
    evil = base64.b64encode(hashlib.sha256(b"evil").digest()).decode()
    _refused(device.request("PATCH", location, b"evil", sign_body=b"good", headers={
        "Upload-Offset": "0", "Upload-Checksum": f"sha256 {evil}", "Content-Type": "application/offset+octet-stream"}),
        401, "signature")
    assert device.offset(location) == 0
    body = _refused(device.request("GET", "/v1/assignments", now=time.time() - 3600), 401, "clock")
    assert "clock" in body["message_en"]


def test_replayed_request_is_refused(device):
    headers = {**TUS, **sign_request(device.key, "GET", "/v1/assignments", b"")}
    assert device.client.get(f"{device.base_url}/v1/assignments", headers=headers).status_code == 200
    _refused(device.client.get(f"{device.base_url}/v1/assignments", headers=headers), 401, "replay")


def test_unknown_device_is_refused(live_server):
    stranger = Device(live_server.url, Ed25519PrivateKey.generate())
    _refused(stranger.request("GET", "/v1/assignments"), 401, "unknown_device")


def test_oversized_requests_are_refused(device):
    huge = device.request("POST", "/v1/uploads", headers={
        "Upload-Length": str(300 * 1024 * 1024), "Upload-Metadata": "bundle_id QS0x,sha256 " + "QUFB" * 10})
    _refused(huge, 413, "too_large")
    big_json = b'{"bundle_ids":["' + b"a" * 70_000 + b'"]}'
    _refused(device.request("POST", "/v1/bundles/known", big_json, headers={"Content-Type": "application/json"}),
             413, "too_large")
    location = device.create_upload(b"x" * 10, "B-2").headers["Location"]
    _refused(device.patch(location, 0, b"y" * 11), 413, "chunk_too_large")
    assert device.offset(location) == 0
    many = b'{"bundle_ids":[' + b",".join(b'"b%d"' % i for i in range(501)) + b"]}"
    _refused(device.request("POST", "/v1/bundles/known", many, headers={"Content-Type": "application/json"}),
             400, "malformed")


def test_bundle_of_another_agency_is_refused(live_server, device):
    other = new_device(live_server)
    theirs = agency_bundle(other.key, other.agency, recipient=other.recipient)
    _refused(device.push(theirs.data, theirs.bundle_id), 403, "wrong_agency")
    location = other.create_upload(theirs.data, theirs.bundle_id).headers["Location"]
    assert device.request("HEAD", location).status_code == 404


def test_malformed_requests_are_refused(device, live_server):
    _refused(device.request("POST", "/v1/uploads", headers={"Upload-Length": "10", "Upload-Metadata": "junk"}),
             400, "upload_metadata")
    _refused(device.request("POST", "/v1/uploads", headers={"Upload-Length": "-1"}), 400, "upload_length")
    _refused(device.request("POST", "/v1/bundles/known", b"{not json", headers={"Content-Type": "application/json"}),
             400, "malformed")
    _refused(httpx.post(f"{live_server.url}/v1/enroll", content=b"[]", headers={"Content-Type": "application/json"}),
             400, "malformed")
    location = device.create_upload(b"z" * 10, "B-3").headers["Location"]
    _refused(device.request("PATCH", location, b"z", headers={"Upload-Offset": "0", "Content-Type": "text/plain"}),
             415, "content_type")
    response = device.request("POST", "/v1/uploads", headers={"Tus-Resumable": "0.2", "Upload-Length": "1"})
    _refused(response, 412, "tus_version")


def test_corrupted_chunk_is_refused_with_460_and_nothing_appended(device):
    location = device.create_upload(b"abcdef", "B-4").headers["Location"]
    response = device.request("PATCH", location, b"abc", headers={
        "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream",
        "Upload-Checksum": "sha256 " + "A" * 43 + "="})
    _refused(response, 460, "checksum")
    assert device.offset(location) == 0


@pytest.mark.parametrize("case", ["wrong", "reused_by_another_key"])
def test_enrollment_codes_are_one_time(live_server, case):
    code = live_server.add_agency(f"XA-ENROLL-{case}")
    first = Device(live_server.url, Ed25519PrivateKey.generate())
    if case == "wrong":
        _refused(first.enroll("AAAA-BBBB-CCCC"), 403, "enroll_code")
        return
    assert first.enroll(code).status_code == 200
    assert first.enroll(code).status_code == 200  # the same device again: its first answer was lost
    _refused(Device(live_server.url, Ed25519PrivateKey.generate()).enroll(code), 403, "enroll_code")
