"""Reopening a signed revision keeps its evidence (shared, not copied) until the user removes it."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from sqlalchemy import func, select

from desktop.models.attachment import Attachment, AttachmentChunk, copy_attachment
from desktop.models.outbox import OutboxItem
from desktop.models.store import Store
from desktop.services import evidence, reports, signing
from desktop.services.outbox import OutboxReader
from desktop.sync.bundle import verify_bundle
from tests.services.conftest import TODAY
from tests.services.test_revisions import CURRENT, _complete


def _evidence_file(tmp_path: Path, size: int = 305_860) -> Path:
    path = tmp_path / "bien-ban-nghiem-thu.pdf"
    path.write_bytes(os.urandom(size))
    return path


def _chunks(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(AttachmentChunk)) or 0)


def _bundle_of(store: Store, revision: int) -> set[str]:
    with store.session() as session:
        from desktop.services.identity import device_key
        from desktop.sync.device_keys import ed25519_public_bytes

        public = ed25519_public_bytes(device_key(session))
        item = session.scalar(select(OutboxItem).where(OutboxItem.period_code == CURRENT,
                                                       OutboxItem.revision == revision))
        assert item is not None
        item_id, size = item.id, item.size
    verified = verify_bundle(OutboxReader(store, item_id, size), key_for_agency=lambda _code: public)
    return {entry.sha256 for entry in verified.attachments}


def test_reopen_keeps_every_attachment_by_hash_without_copying_the_bytes(demo_store: Store, tmp_path: Path) -> None:
    _complete(demo_store, CURRENT)
    task = reports.open_report(demo_store, CURRENT, TODAY).tasks[0]
    source = _evidence_file(tmp_path)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    evidence.attach_evidence(demo_store, CURRENT, "task", task.ref, source)
    signing.approve_and_sign(demo_store, CURRENT, TODAY)
    assert digest in _bundle_of(demo_store, 1)
    stored = _chunks(demo_store)

    assert reports.reopen_report(demo_store, CURRENT, "Bổ sung kết quả") == 2
    kept = evidence.list_evidence(demo_store, CURRENT)
    assert [(e.owner_key, e.name, e.sha256, e.size) for e in kept] == [
        (task.ref, source.name, digest, source.stat().st_size)]
    assert _chunks(demo_store) == stored, "the evidence is shared with revision 1, not copied"
    copy = evidence.save_evidence_copy(demo_store, kept[0].id, tmp_path / "out" / "copy.pdf")
    assert copy.read_bytes() == source.read_bytes()
    assert [c for c in signing.changes_since_last(demo_store, CURRENT) if c.field == "evidence"] == []

    signing.approve_and_sign(demo_store, CURRENT, TODAY)
    assert digest in _bundle_of(demo_store, 2), "revision 2 supersedes revision 1 and must carry its evidence"


def test_removing_shared_evidence_from_the_new_revision_leaves_the_signed_one_whole(demo_store: Store,
                                                                                    tmp_path: Path) -> None:
    _complete(demo_store, CURRENT)
    task = reports.open_report(demo_store, CURRENT, TODAY).tasks[0]
    source = _evidence_file(tmp_path, 700_000)
    evidence.attach_evidence(demo_store, CURRENT, "task", task.ref, source)
    signing.approve_and_sign(demo_store, CURRENT, TODAY)
    reports.reopen_report(demo_store, CURRENT, "Thay minh chứng")
    [shared] = evidence.list_evidence(demo_store, CURRENT)
    evidence.remove_evidence(demo_store, CURRENT, shared.id)
    added = tmp_path / "bien-ban-moi.pdf"
    added.write_bytes(b"%PDF-1.4 new minutes")
    evidence.attach_evidence(demo_store, CURRENT, "task", task.ref, added)
    changes = [(c.ref, c.before, c.after) for c in signing.changes_since_last(demo_store, CURRENT)
               if c.field == "evidence"]
    assert changes == [(task.ref, None, added.name), (task.ref, source.name, None)]
    with demo_store.session() as session:
        first = session.scalars(select(Attachment).order_by(Attachment.id)).first()
        assert first is not None and first.sha256 == shared.sha256
        out = io.BytesIO()
        copy_attachment(session, first, out)
    assert out.getvalue() == source.read_bytes(), "revision 1 keeps its evidence"
