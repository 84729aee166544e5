"""Bundles: what the province gets is exactly what the commune signed, and every refusal is named."""

from __future__ import annotations

import hashlib
import io
import json
import zlib
from pathlib import Path

import pytest

from desktop.errors import InputError
from desktop.sync.bundle import BundleFile, report_json, save_bundle, verify_bundle
from desktop.sync.bundle_chain import ChainState
from desktop.sync.bundle_container import HEADER, REPORT_MEDIA_TYPE, Limits
from desktop.sync.bundle_errors import (
    BundleError,
    ChainMismatch,
    ContainerError,
    FormatVersionError,
    HashMismatch,
    OlderRevision,
    SchemaError,
    SequenceGapTooLarge,
    SequenceReplay,
    SignatureError,
    SizeMismatch,
    UnknownAgencyError,
)
from desktop.sync.canonical import canonical_json
from desktop.sync.device_keys import ed25519_public_bytes, key_id
from tests.sync.conftest import EVIDENCE, build, bundle_fields, evidence_ref, forge, small_bundle
from tests.sync.report_factory import make_snapshot


def verify(data: bytes, keys_for, **kwargs):
    return verify_bundle(io.BytesIO(data), key_for_agency=keys_for, **kwargs)


def test_round_trip_gives_back_the_report_and_evidence(device_key, keys_for) -> None:
    ref = evidence_ref()
    snapshot = make_snapshot(5, 3, attachments=(ref,))
    data = build(snapshot, device_key, {ref.sha256: EVIDENCE})
    verified = verify(data, keys_for)
    assert verified.report == snapshot
    assert (verified.agency, verified.period, verified.revision, verified.sequence) == ("XA-TANHOA", "2026Q4", 1, 1)
    assert verified.bundle_hash == hashlib.sha256(data).hexdigest()
    assert verified.signer == key_id("ed25519", ed25519_public_bytes(device_key))
    out = io.BytesIO()
    verified.copy_attachment(ref.sha256, out)
    assert out.getvalue() == EVIDENCE


def test_same_revision_gives_identical_bytes(device_key) -> None:
    assert small_bundle(device_key) == small_bundle(device_key)


def test_save_bundle_streams_to_file_and_extracts_only_inside_target(tmp_path: Path, device_key, keys_for) -> None:
    ref = evidence_ref()
    snapshot = make_snapshot(2, 1, attachments=(ref,))
    path = tmp_path / "bao-cao.bcb"
    info = save_bundle(path, report_json(snapshot), [BundleFile(ref.sha256, ref.size, "application/pdf",
                                                                io.BytesIO(EVIDENCE))],
                       **bundle_fields(snapshot, device_key))
    assert info.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    verified = verify_bundle(path, key_for_agency=keys_for)
    target = tmp_path / "out"
    target.mkdir()
    written = verified.extract_attachments(target)
    assert [p.read_bytes() for p in written] == [EVIDENCE]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.bcb", "out"]


def test_attachment_that_changed_since_it_was_hashed_is_refused_and_no_file_left(tmp_path, device_key) -> None:
    ref = evidence_ref()
    snapshot = make_snapshot(1, 0, attachments=(ref,))
    changed = io.BytesIO(EVIDENCE[:-1] + b"?")
    with pytest.raises(InputError, match="has changed"):
        save_bundle(tmp_path / "b.bcb", report_json(snapshot), [BundleFile(ref.sha256, ref.size, "x/y", changed)],
                    **bundle_fields(snapshot, device_key))
    assert list(tmp_path.iterdir()) == []


def test_bundle_signed_by_another_agency_key_is_refused(other_key, keys_for) -> None:
    with pytest.raises(SignatureError) as caught:
        verify(small_bundle(other_key), keys_for)
    assert caught.value.code == "signature" and "XA-TANHOA" in caught.value.message_en


def test_other_key_claiming_the_enrolled_key_id_still_fails(device_key, other_key, keys_for) -> None:
    data = small_bundle(other_key)
    body_start, length = HEADER.size, HEADER.unpack(data[:HEADER.size])[2]
    manifest = json.loads(data[body_start:body_start + length])
    manifest["signer"] = key_id("ed25519", ed25519_public_bytes(device_key))
    forged = forge(manifest, data[body_start + length + 64:], other_key)
    with pytest.raises(SignatureError):
        verify(forged, keys_for)


def test_unknown_agency_is_named(device_key) -> None:
    with pytest.raises(UnknownAgencyError, match="XA-TANHOA"):
        verify(small_bundle(device_key), lambda _code: None)


def test_truncated_bundle_names_the_short_file(device_key, keys_for) -> None:
    data = small_bundle(device_key)
    with pytest.raises(SizeMismatch) as caught:
        verify(data[:-10], keys_for)
    assert "truncated" in caught.value.message_en


def test_appended_bytes_are_refused(device_key, keys_for) -> None:
    with pytest.raises(SizeMismatch, match="after the last file"):
        verify(small_bundle(device_key) + b"x", keys_for)


def test_changed_evidence_byte_is_a_hash_error_naming_the_file(device_key, keys_for) -> None:
    data = bytearray(small_bundle(device_key))
    data[-5] ^= 0x20
    with pytest.raises(HashMismatch, match=evidence_ref().sha256):
        verify(bytes(data), keys_for)


def test_unknown_format_version_is_named(device_key, keys_for) -> None:
    data = bytearray(small_bundle(device_key))
    data[9] = 2
    with pytest.raises(FormatVersionError):
        verify(bytes(data), keys_for)


def _chain_after(data: bytes, keys_for) -> ChainState:
    v = verify(data, keys_for)
    return ChainState().advance(v.sequence, v.bundle_hash, v.period, v.revision)


def test_replayed_bundle_is_refused(device_key, keys_for) -> None:
    data = small_bundle(device_key)
    state = _chain_after(data, keys_for)
    with pytest.raises(SequenceReplay):
        verify(data, keys_for, chain=state)


def test_older_revision_after_newer_is_refused(device_key, keys_for) -> None:
    newer = build(make_snapshot(1, 1, revision=2, supersedes=1), device_key, sequence=1)
    older = build(make_snapshot(1, 1, revision=1), device_key, sequence=2,
                  previous_hash=hashlib.sha256(newer).hexdigest())
    state = _chain_after(newer, keys_for)
    with pytest.raises(OlderRevision) as caught:
        verify(older, keys_for, chain=state)
    assert caught.value.code == "older_revision" and "Q4 2026 already has revision 2" in caught.value.message_en
    assert "kỳ Quý IV/2026 đã nhận lần 2;" in caught.value.message_vi, caught.value.message_vi


def test_next_bundle_must_chain_to_the_last_accepted(device_key, keys_for) -> None:
    first = build(make_snapshot(1, 1), device_key)
    state = _chain_after(first, keys_for)
    follower = build(make_snapshot(1, 1, revision=2, supersedes=1), device_key, sequence=2,
                     previous_hash=hashlib.sha256(first).hexdigest())
    assert verify(follower, keys_for, chain=state).chain.gap is None
    fork = build(make_snapshot(1, 1, revision=2, supersedes=1), device_key, sequence=2, previous_hash="0" * 64)
    with pytest.raises(ChainMismatch):
        verify(fork, keys_for, chain=state)


def test_gap_is_reported_and_the_late_bundle_is_taken_when_it_arrives(device_key, keys_for) -> None:
    q3 = make_snapshot(1, 1, period=make_snapshot().period.__class__("2026Q3", "Quý III", "", "", ""))
    first = build(make_snapshot(1, 1), device_key)
    state = _chain_after(first, keys_for)
    late = build(q3, device_key, sequence=2, previous_hash=hashlib.sha256(first).hexdigest())
    overtaking = build(make_snapshot(1, 1, revision=2, supersedes=1), device_key, sequence=3, previous_hash="1" * 64)
    v = verify(overtaking, keys_for, chain=state)
    assert v.chain.gap == (2, 2)
    state = state.advance(v.sequence, v.bundle_hash, v.period, v.revision)
    assert verify(late, keys_for, chain=state).chain.late
    with pytest.raises(SequenceGapTooLarge):
        verify(build(make_snapshot(1, 1, revision=3, supersedes=2), device_key, sequence=5000), keys_for,
               chain=state)


def _manifest(data: bytes) -> tuple[dict, bytes]:
    length = HEADER.unpack(data[:HEADER.size])[2]
    return json.loads(data[HEADER.size:HEADER.size + length]), data[HEADER.size + length + 64:]


def _with_report(device_key, report: bytes, decoded_size: int | None = None, **changes) -> bytes:
    manifest, _payload = _manifest(build(make_snapshot(1, 1), device_key))
    packed = zlib.compress(report)
    manifest["files"][0].update(sha256=hashlib.sha256(packed).hexdigest(), size=len(packed),
                                decoded_size=len(report) if decoded_size is None else decoded_size)
    manifest.update(changes)
    return forge(manifest, packed, device_key)


def test_report_with_wrong_types_is_a_schema_error_naming_the_field(device_key, keys_for) -> None:
    report = make_snapshot(1, 1).to_dict()
    report["tasks"][0]["percent"] = "nhiều"
    with pytest.raises(SchemaError, match=r"report\.tasks\[0\]\.percent"):
        verify(_with_report(device_key, canonical_json(report)), keys_for)


def test_report_naming_a_missing_attachment_is_refused(device_key, keys_for) -> None:
    report = make_snapshot(1, 1, attachments=(evidence_ref(),)).to_dict()
    with pytest.raises(SchemaError, match="attachments"):
        verify(_with_report(device_key, canonical_json(report)), keys_for)


def test_manifest_and_report_must_agree(device_key, keys_for) -> None:
    report = canonical_json(make_snapshot(1, 1).to_dict())
    with pytest.raises(SchemaError, match="revision"):
        verify(_with_report(device_key, report, revision=7), keys_for)


def test_zip_bomb_report_is_refused_without_inflating_it(device_key, keys_for) -> None:
    bomb = b" " * (64 * 1024 * 1024)
    with pytest.raises(SchemaError, match="declared"):
        verify(_with_report(device_key, bomb, decoded_size=1000), keys_for)
    with pytest.raises(ContainerError, match="exceeds"):
        verify(_with_report(device_key, bomb), keys_for)


def test_ten_megabyte_manifest_is_refused(device_key, keys_for) -> None:
    manifest, payload = _manifest(small_bundle(device_key))
    manifest["bundle_id"] = "x" * (10 * 1024 * 1024)
    with pytest.raises(ContainerError, match=r"manifest of 10,4[0-9,]+ bytes exceeds"):
        verify(forge(manifest, payload, device_key), keys_for)


def test_hundred_thousand_members_are_refused(device_key, keys_for) -> None:
    manifest, _payload = _manifest(small_bundle(device_key))
    entry = {"name": "0" * 64, "media_type": "application/pdf", "encoding": "identity", "sha256": "0" * 64,
             "size": 0, "decoded_size": 0}
    manifest["files"] += [dict(entry, name=f"{i:064x}", sha256=f"{i:064x}") for i in range(100_000)]
    data = forge(manifest, b"", device_key)
    with pytest.raises(ContainerError, match="manifest of"):
        verify(data, keys_for)
    with pytest.raises(ContainerError, match="100,002 members exceed the limit of 2,000"):
        verify(data, keys_for, limits=Limits(max_manifest_bytes=64 * 1024 * 1024))


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "..\\x", "C:\\x", "a/../../b", ".."])
def test_member_path_outside_target_is_refused(tmp_path: Path, device_key, keys_for, name: str) -> None:
    manifest, payload = _manifest(small_bundle(device_key))
    manifest["files"][1]["name"] = name
    with pytest.raises(ContainerError, match="unsafe"):
        verify(forge(manifest, payload, device_key), keys_for)
    assert list(tmp_path.iterdir()) == []


def test_non_canonical_manifest_is_refused(device_key, keys_for) -> None:
    data = small_bundle(device_key)
    length = HEADER.unpack(data[:HEADER.size])[2]
    body = data[HEADER.size:HEADER.size + length].replace(b'{"agency"', b'{ "agency"', 1)
    rebuilt = HEADER.pack(data[:8], 1, len(body)) + body + data[HEADER.size + length:]
    with pytest.raises(ContainerError, match="canonical"):
        verify(rebuilt, keys_for)


def test_report_media_type_is_fixed(device_key, keys_for) -> None:
    manifest, payload = _manifest(small_bundle(device_key))
    assert manifest["files"][0]["media_type"] == REPORT_MEDIA_TYPE
    manifest["files"][0]["media_type"] = "text/html"
    with pytest.raises(ContainerError):
        verify(forge(manifest, payload, device_key), keys_for)


def test_every_single_byte_flip_is_detected_and_named(device_key, keys_for) -> None:
    data = small_bundle(device_key)
    codes: set[str] = set()
    for position in range(len(data)):
        for mask in (0x01, 0xFF):
            flipped = bytearray(data)
            flipped[position] ^= mask
            with pytest.raises(BundleError) as caught:
                verify(bytes(flipped), keys_for)
            assert caught.value.message_vi and caught.value.message_en
            codes.add(caught.value.code)
    assert {"container", "format_version", "signature", "hash"} <= codes
