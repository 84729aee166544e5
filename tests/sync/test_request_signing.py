"""Signed requests: what the server accepts from an enrolled device and what it refuses, and why."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.sync.device_keys import ed25519_public_bytes, key_id
from desktop.sync.request_signing import (
    SIGNED_HEADERS,
    RequestRejected,
    sign_request,
    signing_message,
    verify_request,
)

NOW = 1_780_000_000.0
TARGET = "/v1/uploads/abc?x=1"


@pytest.fixture
def device() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def _keys_for(device: Ed25519PrivateKey):
    public = ed25519_public_bytes(device)
    return {key_id("ed25519", public): public}.get


def _verify(headers, device, *, method="PATCH", target=TARGET, body=b"chunk", now=NOW) -> str:
    return verify_request(headers, method, target, body, public_key_for=_keys_for(device), now=now)


def test_signed_request_verifies_and_names_the_device(device):
    headers = sign_request(device, "patch", TARGET, b"chunk", now=NOW)
    assert set(headers) == set(SIGNED_HEADERS)
    assert _verify(headers, device) == key_id("ed25519", ed25519_public_bytes(device))


def test_header_names_are_case_insensitive(device):
    headers = {name.lower(): value for name, value in sign_request(device, "GET", TARGET, b"", now=NOW).items()}
    assert _verify(headers, device, method="GET", body=b"")


def test_signing_message_layout_is_fixed():
    message = signing_message("post", "/v1/enroll", 12, "0" * 32, "ab" * 32, {"Upload-Offset": "7", "X": "y"})
    assert message == (b"baocao-request/2\nPOST\n/v1/enroll\n12\n" + b"0" * 32 + b"\n" + b"ab" * 32
                       + b"\nupload-offset:7\nupload-length:\nupload-checksum:\nupload-metadata:")


def test_upload_headers_are_signed(device):
    headers = {"Upload-Offset": "0", "Upload-Checksum": "sha256 abc", **sign_request(
        device, "PATCH", TARGET, b"chunk", now=NOW, headers={"Upload-Offset": "0", "Upload-Checksum": "sha256 abc"})}
    assert _verify(headers, device)
    for name, value in (("Upload-Offset", "5"), ("Upload-Checksum", "sha256 abd"), ("Upload-Length", "9"),
                        ("Upload-Metadata", "sha256 MDAw")):
        with pytest.raises(RequestRejected) as refused:
            _verify({**headers, name: value}, device)
        assert refused.value.code == "signature"


def test_nonces_are_fresh_for_each_request(device):
    first = sign_request(device, "GET", TARGET, b"", now=NOW)
    second = sign_request(device, "GET", TARGET, b"", now=NOW)
    assert first["Baocao-Nonce"] != second["Baocao-Nonce"]


@pytest.mark.parametrize(("change", "expected"), [
    ({"body": b"chunK"}, "signature"),
    ({"target": "/v1/uploads/abd?x=1"}, "signature"),
    ({"target": "/v1/uploads/abc?x=2"}, "signature"),
    ({"method": "POST"}, "signature"),
    ({"now": NOW + 301}, "clock"),
    ({"now": NOW - 301}, "clock"),
])
def test_any_change_or_a_stale_clock_is_refused(device, change, expected):
    headers = sign_request(device, "PATCH", TARGET, b"chunk", now=NOW)
    with pytest.raises(RequestRejected) as caught:
        _verify(headers, device, **change)
    assert (caught.value.status, caught.value.code) == (401, expected)


def test_clock_refusal_tells_the_user_to_fix_the_clock(device):
    headers = sign_request(device, "GET", TARGET, b"", now=NOW - 3600)
    with pytest.raises(RequestRejected) as caught:
        _verify(headers, device, method="GET", body=b"")
    assert "clock" in caught.value.message_en and "đồng hồ" in caught.value.message_vi.lower()


def test_unsigned_and_malformed_headers_are_refused(device):
    good = sign_request(device, "GET", TARGET, b"", now=NOW)
    for broken in ({}, {**good, "Baocao-Nonce": "xyz"}, {**good, "Baocao-Timestamp": "-5"},
                   {**good, "Baocao-Signature": "!" * 88}, {k: v for k, v in good.items() if k != "Baocao-Key"}):
        with pytest.raises(RequestRejected) as caught:
            _verify(broken, device, method="GET", body=b"")
        assert (caught.value.status, caught.value.code) == (401, "unsigned")


def test_unknown_device_and_another_devices_signature_are_refused(device):
    stranger = Ed25519PrivateKey.generate()
    with pytest.raises(RequestRejected) as caught:
        _verify(sign_request(stranger, "GET", TARGET, b"", now=NOW), device, method="GET", body=b"")
    assert caught.value.code == "unknown_device"
    forged = sign_request(device, "GET", TARGET, b"", now=NOW)
    forged["Baocao-Signature"] = base64.b64encode(stranger.sign(b"x")).decode()
    with pytest.raises(RequestRejected) as caught:
        _verify(forged, device, method="GET", body=b"")
    assert caught.value.code == "signature"
