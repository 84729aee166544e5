"""The agency's accepted history for its own devices: a province-signed list, then each bundle's bytes."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from desktop.sync.history import FORMAT, MAX_BUNDLES, sign_history
from server.db import Database
from server.models import Agency, Device, ReceiptRecord, StoredBundle
from server.problems import ApiError


def history_envelope(db: Database, signing_key: Ed25519PrivateKey, agency_code: str) -> bytes:
    """The signed list of the agency's device keys and accepted bundles (oldest first) with their receipts."""
    with db.reading() as connection:
        agency_id = connection.execute(select(Agency.id).where(Agency.code == agency_code)).scalar_one()
        devices = connection.execute(select(Device.key_id, Device.public_key, Device.name, Device.enrolled_at,
                                            Device.revoked_at).where(Device.agency_id == agency_id)
                                     .order_by(Device.id)).all()
        bundles = connection.execute(
            select(StoredBundle.bundle_id, StoredBundle.sha256, StoredBundle.period, StoredBundle.revision,
                   StoredBundle.sequence, StoredBundle.size, StoredBundle.received_at, ReceiptRecord.envelope)
            .join(ReceiptRecord, ReceiptRecord.sha256 == StoredBundle.sha256)
            .where(StoredBundle.agency_id == agency_id)
            .order_by(StoredBundle.period, StoredBundle.revision).limit(MAX_BUNDLES)).all()
    payload = {
        "format": FORMAT, "agency": agency_code,
        "issued_at": datetime.fromtimestamp(time.time(), UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "devices": [{"key_id": d.key_id, "public_key": base64.b64encode(d.public_key).decode("ascii"),
                     "name": d.name, "enrolled_at": d.enrolled_at, "revoked_at": d.revoked_at} for d in devices],
        "bundles": [{"bundle_id": b.bundle_id, "sha256": b.sha256, "period": b.period, "revision": b.revision,
                     "sequence": b.sequence, "size": b.size, "received_at": b.received_at,
                     "receipt": base64.b64encode(b.envelope).decode("ascii")} for b in bundles]}
    return sign_history(payload, signing_key)


def history_bundle_path(db: Database, bundles_dir: Path, agency_code: str, sha256: str) -> Path:
    """The file of one of the agency's accepted bundles; 404 for anything else (another agency's included)."""
    with db.reading() as connection:
        found = connection.execute(select(StoredBundle.id).join(Agency, Agency.id == StoredBundle.agency_id)
                                   .where(Agency.code == agency_code, StoredBundle.sha256 == sha256)).first()
    path = bundles_dir / f"{sha256}.bcb"
    if found is None or not path.is_file():
        raise ApiError(404, "not_found", "Sở không giữ gói này của cơ quan.",
                       "The province holds no such bundle of this agency.")
    return path
