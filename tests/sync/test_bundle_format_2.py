"""Bundle format 2: the manifest names the revision it is made on by hash, and the agency's chain refuses a
revision made on another one than the province holds (``stale_base``); format 1 is read and judged as before."""

from __future__ import annotations

import io
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.sync.agency_chain import AgencyChain, RevisionConflict, StaleBase
from desktop.sync.bundle import BaseHash, verify_bundle
from desktop.sync.bundle_container import DEFAULT_LIMITS, FORMAT, FORMAT_V2, MANIFEST_KEYS, read_frame
from desktop.sync.bundle_errors import ContainerError
from tests.sync.conftest import forge, small_bundle

A, B = "ed25519:aaaaaaaaaaaaaaaa", "ed25519:bbbbbbbbbbbbbbbb"
HELD, OLD = "a" * 64, "c" * 64


def _manifest(data: bytes) -> dict[str, Any]:
    return read_frame(io.BytesIO(data), DEFAULT_LIMITS).manifest


def _chain() -> AgencyChain:
    """The province holds lần 2 of 2026Q4, bundle ``HELD`` from «Máy mới»."""
    manifest = {"signer": B, "sequence": 1, "period": "2026Q4", "revision": 2, "previous_hash": None,
                "bundle_id": "b-1", "supersedes": 1}
    return AgencyChain().advance(manifest, HELD, "Máy mới", 1_800_000_000)


def _next(**fields: Any) -> dict[str, Any]:
    return {"signer": A, "sequence": 1, "period": "2026Q4", "revision": 3, "previous_hash": None,
            "bundle_id": "a-2", "supersedes": 2, **fields}


def test_a_bundle_with_a_base_is_format_2_and_verifies(device_key: Ed25519PrivateKey, keys_for: Any) -> None:
    data = small_bundle(device_key, base=BaseHash(HELD))
    manifest = _manifest(data)
    assert (manifest["format"], manifest["supersedes_sha256"]) == (FORMAT_V2, HELD)
    assert verify_bundle(io.BytesIO(data), key_for_agency=keys_for).bundle_id
    first = _manifest(small_bundle(device_key, base=BaseHash(None)))
    assert (first["format"], first["supersedes_sha256"]) == (FORMAT_V2, None)


def test_without_a_base_the_manifest_is_format_1_byte_for_byte_as_before(device_key: Ed25519PrivateKey) -> None:
    manifest = _manifest(small_bundle(device_key))
    assert (manifest["format"], set(manifest)) == (FORMAT, MANIFEST_KEYS)


@pytest.mark.parametrize("change", ["field_in_format_1", "missing_in_format_2", "not_a_hash"])
def test_a_base_out_of_place_or_malformed_is_refused(change: str, device_key: Ed25519PrivateKey,
                                                     keys_for: Any) -> None:
    data = small_bundle(device_key, base=BaseHash(HELD))
    frame = read_frame(io.BytesIO(data), DEFAULT_LIMITS)
    manifest = dict(frame.manifest)
    if change == "field_in_format_1":
        manifest["format"] = FORMAT
    elif change == "missing_in_format_2":
        del manifest["supersedes_sha256"]
    else:
        manifest["supersedes_sha256"] = "A" * 64
    forged = forge(manifest, data[frame.payload_offset:], device_key)
    with pytest.raises(ContainerError, match="supersedes_sha256"):
        verify_bundle(io.BytesIO(forged), key_for_agency=keys_for)


def test_a_revision_made_on_another_than_the_held_one_is_refused_naming_it() -> None:
    with pytest.raises(StaleBase) as caught:
        _chain().check(_next(supersedes_sha256=OLD), 1000)
    assert caught.value.code == "stale_base"
    said = caught.value.message_vi
    assert said.startswith("Lần 3 được soạn từ lần 2 trên máy đã ký, trong khi Sở đã nhận lần 2 từ máy Máy mới "
                           "lúc "), said
    assert "Hãy mở lần sửa đổi mới từ bản của Sở" in said and "baocao revise-from-province" in said, said
    assert "open a new revision from the province's copy" in caught.value.message_en.lower()
    with pytest.raises(StaleBase):
        _chain().check(_next(supersedes_sha256=None), 1000)  # a "first" revision, while the province holds one


def test_made_on_the_held_one_or_format_1_or_nothing_held_it_passes() -> None:
    assert _chain().check(_next(supersedes_sha256=HELD), 1000).gap is None
    _chain().check(_next(), 1000)  # format 1: the number only, judged as before
    AgencyChain().check(_next(supersedes_sha256=OLD), 1000)  # nothing held: nothing to undo
    with pytest.raises(RevisionConflict):  # the same revision: the named conflict comes first
        _chain().check(_next(revision=2, supersedes_sha256=OLD), 1000)
