"""What the server's hot path relies on: the schema check builds the same snapshot as ``from_dict``, and
handing ``verify_bundle`` the hash and frame already computed changes nothing a check would see."""

from __future__ import annotations

import hashlib
import io
import json

import pytest

from desktop.domain.report_snapshot import ReportSnapshot
from desktop.sync.bundle import report_json, verify_bundle
from desktop.sync.bundle_container import DEFAULT_LIMITS, read_frame
from desktop.sync.bundle_errors import HashMismatch, SchemaError
from desktop.sync.report_schema import validate_report
from tests.sync.conftest import EVIDENCE, build, evidence_ref, small_bundle
from tests.sync.report_factory import make_snapshot


def test_validated_report_equals_the_lenient_rebuild() -> None:
    ref = evidence_ref()
    value = json.loads(report_json(make_snapshot(12, 5, revision=2, supersedes=1, attachments=(ref,))))
    built = validate_report(value)
    assert built == ReportSnapshot.from_dict(value)
    assert isinstance(built.tasks, tuple) and isinstance(built.tasks[0].attachments, tuple)
    assert isinstance(built.document.recipients, tuple)


def test_schema_error_still_names_the_nested_field() -> None:
    value = json.loads(report_json(make_snapshot(3, 2)))
    value["tasks"][2]["attachments"] = [{"name": "a.pdf", "sha256": "0" * 64, "size": "9", "media_type": "x"}]
    with pytest.raises(SchemaError, match=r"report\.tasks\[2\]\.attachments\[0\]\.size"):
        validate_report(value)


def test_known_hash_and_frame_give_the_same_verified_bundle(device_key, keys_for) -> None:
    ref = evidence_ref()
    data = build(make_snapshot(4, 2, attachments=(ref,)), device_key, {ref.sha256: EVIDENCE})
    sha256 = hashlib.sha256(data).hexdigest()
    stream = io.BytesIO(data)
    frame = read_frame(stream, DEFAULT_LIMITS)
    shortcut = verify_bundle(stream, key_for_agency=keys_for, sha256=sha256, frame=frame)
    plain = verify_bundle(io.BytesIO(data), key_for_agency=keys_for)
    assert shortcut.bundle_hash == plain.bundle_hash == sha256
    assert shortcut.report == plain.report and shortcut.manifest == plain.manifest


def test_known_hash_does_not_skip_the_member_hashes(device_key, keys_for) -> None:
    data = bytearray(small_bundle(device_key))
    data[-1] ^= 1
    with pytest.raises(HashMismatch):
        verify_bundle(io.BytesIO(bytes(data)), key_for_agency=keys_for, sha256=hashlib.sha256(data).hexdigest())
