"""A chunk cut by the link keeps what arrived (tus-style), and nothing kept is trusted before it is checked.

The cut is made by the netsim proxy (``cut_every``) between the device and a real server process; the
resume goes straight to the server. The offset the server answers (``Upload-Offset``) advances over the
kept bytes, its ``Upload-Verified-Offset`` does not; the next PATCH's checksum, under its signature, covers
the kept bytes and its body, and a mismatch drops the kept bytes and leaves the verified ones.
"""

from __future__ import annotations

import base64
import hashlib
import os

import httpx
import pytest

from tests.netsim.proxy import LinkProxy
from tests.server.bundles import agency_bundle
from tests.server.live_server import Device, LiveServer

CUT = 40_000


def _offsets(device: Device, location: str) -> tuple[int, int]:
    head = device.request("HEAD", location)
    assert head.status_code == 200, head.status_code
    return int(head.headers["Upload-Offset"]), int(head.headers["Upload-Verified-Offset"])


def _patch(device: Device, location: str, offset: int, body: bytes, covered: bytes) -> httpx.Response:
    """PATCH ``body`` at ``offset`` with ``Upload-Checksum`` over ``covered`` (kept bytes + body)."""
    checksum = base64.b64encode(hashlib.sha256(covered).digest()).decode()
    return device.request("PATCH", location, body, headers={
        "Upload-Offset": str(offset), "Upload-Checksum": f"sha256 {checksum}",
        "Content-Type": "application/offset+octet-stream"})


def _cut_patch(live_server: LiveServer, device: Device, location: str, offset: int, body: bytes) -> None:
    """Send ``body`` at ``offset`` through a link that is cut after ``CUT`` bytes."""
    # Paced, so that the server reads the bytes as they come (a reset discards what it had not read yet).
    with LinkProxy(("127.0.0.1", live_server.port), rate_bps=1_000_000, cut_every=CUT) as link:
        through = Device(link.url, device.key, device.agency, device.province)
        try:
            with pytest.raises(httpx.TransportError):
                _patch(through, location, offset, body, body)
        finally:
            through.client.close()


def _received_after_cut(device: Device, location: str, before: int) -> tuple[int, int]:
    """The offsets once the server has seen the cut (it may still be reading when the client gives up)."""
    for _ in range(300):
        received, verified = _offsets(device, location)
        if received > before:
            return received, verified
        device.client.get(f"{device.base_url}/v1/health")  # a round trip while the server notices the cut
    raise AssertionError("the server kept nothing of the cut chunk")


def test_a_cut_chunk_is_kept_checked_at_the_next_patch_and_the_upload_completes(live_server, device) -> None:
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient, evidence=os.urandom(150_000))
    data = bundle.data
    created = device.create_upload(data, bundle.bundle_id)
    assert created.status_code == 201 and created.headers["Upload-Verified-Offset"] == "0"
    location = created.headers["Location"]

    _cut_patch(live_server, device, location, 0, data)
    received, verified = _received_after_cut(device, location, 0)
    assert verified == 0 and 0 < received < CUT, (received, verified)

    # The next PATCH sends only the rest; its checksum covers the kept bytes too.
    done = _patch(device, location, received, data[received:], data)
    assert done.status_code == 204, done.text
    assert done.headers["Upload-Offset"] == done.headers["Upload-Verified-Offset"] == str(len(data))
    committed = device.commit(location)
    assert committed.status_code == 200 and committed.json()["status"] == "accepted", committed.text


def test_bytes_kept_from_a_cut_are_never_trusted_unchecked(live_server, device) -> None:
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient, evidence=os.urandom(150_000))
    data = bundle.data
    location = device.create_upload(data, bundle.bundle_id).headers["Location"]
    first = _patch(device, location, 0, data[:10_000], data[:10_000])
    assert first.status_code == 204 and first.headers["Upload-Verified-Offset"] == "10000"

    # Bytes that are not the bundle's arrive in a cut request (a damaged link, or someone else's request).
    garbage = bytes(len(data) - 10_000)
    _cut_patch(live_server, device, location, 10_000, garbage)
    received, verified = _received_after_cut(device, location, 10_000)
    assert verified == 10_000 and received > verified

    # A checksum over the body alone (a plain tus client) does not vouch for the kept bytes: refused.
    plain = _patch(device, location, received, data[received:], data[received:])
    assert plain.status_code == 460 and plain.headers["Upload-Offset"] == "10000"
    assert _offsets(device, location) == (10_000, 10_000), "the kept bytes are dropped, the verified kept"

    # The kept garbage again, now resumed by the bundle's own checksum: it does not match, nothing is kept.
    _cut_patch(live_server, device, location, 10_000, garbage)
    received, _ = _received_after_cut(device, location, 10_000)
    honest = _patch(device, location, received, data[received:], data[10_000:])
    assert honest.status_code == 460
    assert _offsets(device, location) == (10_000, 10_000)

    # From the verified offset the upload completes, and the province holds exactly the signed bundle.
    rest = _patch(device, location, 10_000, data[10_000:], data[10_000:])
    assert rest.status_code == 204, rest.text
    committed = device.commit(location)
    assert committed.status_code == 200 and committed.json()["status"] == "accepted", committed.text


def test_a_patch_outside_the_received_bytes_gets_both_offsets(live_server, device) -> None:
    bundle = agency_bundle(device.key, device.agency, recipient=device.recipient)
    data = bundle.data
    location = device.create_upload(data, bundle.bundle_id).headers["Location"]
    ahead = _patch(device, location, 100, data[100:200], data[:200])
    assert ahead.status_code == 409
    assert (ahead.headers["Upload-Offset"], ahead.headers["Upload-Verified-Offset"]) == ("0", "0")
