"""Fixtures for bundle tests: fixed keys, bundle fields, and a forger that signs arbitrary manifests."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.domain.report_snapshot import AttachmentRef, ReportSnapshot
from desktop.sync.bundle import BundleFile, make_bundle, report_json
from desktop.sync.bundle_container import MANIFEST_TYPE, frame_prefix
from desktop.sync.canonical import canonical_json, pae
from desktop.sync.device_keys import ed25519_public_bytes, load_device_key
from tests.sync.report_factory import make_snapshot

DEVICE_SEED = bytes(range(32))
OTHER_SEED = bytes(range(100, 132))
RECIPIENT = "x25519:00112233445566ff"
EVIDENCE = "Biên bản nghiệm thu hệ thống một cửa điện tử xã Tân Hòa.\n".encode() * 3


@pytest.fixture
def device_key() -> Ed25519PrivateKey:
    """The commune's device key (fixed seed)."""
    return load_device_key(DEVICE_SEED)


@pytest.fixture
def other_key() -> Ed25519PrivateKey:
    """Another agency's device key."""
    return load_device_key(OTHER_SEED)


@pytest.fixture
def keys_for(device_key: Ed25519PrivateKey):
    """``key_for_agency`` as the province has it: only XA-TANHOA is enrolled."""
    enrolled = {"XA-TANHOA": ed25519_public_bytes(device_key)}
    return enrolled.get


def evidence_ref(data: bytes = EVIDENCE, name: str = "bien-ban.pdf") -> AttachmentRef:
    """An attachment reference for ``data``."""
    return AttachmentRef(name=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                         media_type="application/pdf")


def bundle_fields(snapshot: ReportSnapshot, key: Ed25519PrivateKey, **overrides: Any) -> dict[str, Any]:
    """The keyword arguments of ``make_bundle`` for ``snapshot``."""
    fields: dict[str, Any] = dict(
        agency_code=snapshot.agency.code, period=snapshot.period.code, revision=snapshot.revision,
        supersedes=snapshot.supersedes, sequence=1, previous_hash=None,
        created_at=datetime(2026, 11, 28, 8, 30, tzinfo=UTC), recipient_key_id=RECIPIENT,
        bundle_id=f"{snapshot.agency.code}-{snapshot.period.code}-r{snapshot.revision}", signing_key=key)
    fields.update(overrides)
    return fields


def build(snapshot: ReportSnapshot, key: Ed25519PrivateKey, files: dict[str, bytes] | None = None,
          **overrides: Any) -> bytes:
    """A bundle of ``snapshot`` with attachment bytes ``files`` (by sha256)."""
    attachments = [BundleFile(sha, len(data), "application/pdf", io.BytesIO(data))
                   for sha, data in (files or {}).items()]
    return make_bundle(report_json(snapshot), attachments, **bundle_fields(snapshot, key, **overrides))


def small_bundle(key: Ed25519PrivateKey, **overrides: Any) -> bytes:
    """One task with one evidence file, one indicator."""
    ref = evidence_ref()
    return build(make_snapshot(1, 1, attachments=(ref,)), key, {ref.sha256: EVIDENCE}, **overrides)


def forge(manifest: dict[str, Any], payload: bytes, key: Ed25519PrivateKey) -> bytes:
    """A container with any manifest, correctly signed by ``key``: what an enrolled but hostile sender can do."""
    body = canonical_json(manifest)
    return frame_prefix(body, key.sign(pae(MANIFEST_TYPE, body))) + payload


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Match messages in English; both languages are checked to be present where it matters."""
    monkeypatch.setenv("BAOCAO_LANG", "en")
