"""Resumable uploads on disk: one file per upload, appended chunk by chunk, durable before acknowledged.

The database row's ``offset`` is the truth: a chunk is written at that offset, checked (size, checksum,
request signature), fsync'd, and only then is the offset advanced. Anything past the offset in the file
(a chunk cut off by a dropped link, or written just before the server was killed) is truncated away
before the next chunk is written, so a restarted server resumes exactly where it last said it was.

An unfinished upload expires ``upload_ttl_seconds`` after it was created (410 ``upload_expired``); it no
longer counts toward the agency's caps (64 unfinished uploads, 1 GiB declared), and ``sweep`` (run
periodically by the server) deletes its row and its bytes, as well as any file left without a row (a
refused upload, a crash between the two).
"""

from __future__ import annotations

import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select, update

from server.auth import Caller
from server.config import Settings
from server.db import Database
from server.models import Upload, UploadRefusal
from server.problems import ApiError

_UPLOAD_ID = re.compile(r"[0-9a-f]{32}\Z")
LOCK_WAIT_SECONDS = 10
MAX_LOCKS = 10_000
ORPHAN_GRACE_SECONDS = 60


class UploadStore:
    """Upload rows and their files; per-upload locks keep one writer per upload in this process."""

    def __init__(self, db: Database, settings: Settings, clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def path(self, upload_id: str) -> Path:
        """The file holding the upload's bytes."""
        return self._settings.uploads_dir / f"{upload_id}.part"

    def find_or_create(self, caller: Caller, bundle_id: str, sha256: str, length: int) -> Upload:
        """The upload of this bundle for this agency, created if new (creation is idempotent)."""
        now = int(self._clock())
        with self._db.transaction() as session:
            existing = session.scalar(select(Upload).where(Upload.agency_id == caller.agency_id,
                                                           Upload.bundle_id == bundle_id, Upload.sha256 == sha256))
            if existing is not None and not self._expired(existing):
                if existing.length != length:
                    raise ApiError(400, "upload_length", "Độ dài khác với lần tạo trước cho cùng gói.",
                                   "Upload-Length differs from the earlier creation for the same bundle.")
                return existing
            if existing is not None:
                session.delete(existing)
                session.flush()
                self.path(existing.id).unlink(missing_ok=True)
            # Expired uploads do not count: they are dead, and the sweep removes them and their bytes.
            open_count, open_bytes = session.execute(
                select(func.count(Upload.id), func.coalesce(func.sum(Upload.length), 0)).where(
                    Upload.agency_id == caller.agency_id, Upload.finished_at.is_(None),
                    Upload.created_at >= now - self._settings.upload_ttl_seconds)).one()
            if open_count >= self._settings.max_open_uploads:
                raise ApiError(429, "too_many_uploads",
                               "Có quá nhiều lượt tải lên chưa xong; hãy hoàn tất chúng trước.",
                               "Too many unfinished uploads; finish them first.", headers={"Retry-After": "60"})
            if open_bytes + length > self._settings.max_open_upload_bytes:
                raise ApiError(429, "too_many_upload_bytes",
                               "Các lượt tải lên chưa xong của cơ quan đã quá dung lượng cho phép; "
                               "hãy gửi xong hoặc chờ chúng hết hạn rồi gửi lại.",
                               "This agency's unfinished uploads exceed the space allowed; finish them or "
                               "wait for them to expire, then send again.", headers={"Retry-After": "60"})
            upload = Upload(id=secrets.token_hex(16), agency_id=caller.agency_id, device_id=caller.device_id,
                            bundle_id=bundle_id, sha256=sha256, length=length, offset=0, created_at=now,
                            updated_at=now)
            session.add(upload)
            fd = os.open(self.path(upload.id), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        return upload

    def get(self, caller: Caller, upload_id: str) -> Upload:
        """The caller's upload; 404 if unknown or another agency's, 410 if it expired unfinished."""
        if not _UPLOAD_ID.match(upload_id):
            raise _not_found()
        with self._db.transaction() as session:
            upload = session.get(Upload, upload_id)
        if upload is None or upload.agency_id != caller.agency_id:
            raise _not_found()
        if self._expired(upload):
            raise ApiError(410, "upload_expired", "Lượt tải lên đã hết hạn; hãy bắt đầu lại.",
                           "The upload expired; start it again.")
        return upload

    def advance(self, upload: Upload, old_offset: int, new_offset: int) -> None:
        """Record bytes appended and made durable; 409 if someone else moved the offset meanwhile."""
        with self._db.transaction() as session:
            moved = cast(CursorResult[Any], session.execute(
                update(Upload).where(Upload.id == upload.id, Upload.offset == old_offset)
                .values(offset=new_offset, updated_at=int(self._clock())))).rowcount
        if moved != 1:
            raise ApiError(409, "offset", "Vị trí tải lên đã thay đổi; hãy hỏi lại vị trí.",
                           "The upload offset changed; ask for it again.")

    def finish(self, upload_id: str) -> None:
        """Mark the upload committed and remove its file (the bundle is in the store by now)."""
        with self._db.transaction() as session:
            session.execute(update(Upload).where(Upload.id == upload_id)
                            .values(finished_at=int(self._clock())))
        self.path(upload_id).unlink(missing_ok=True)

    def refusal(self, upload_id: str) -> UploadRefusal | None:
        """The refusal recorded for this upload (its bytes never verified), if any."""
        with self._db.reading() as connection:
            row = connection.execute(select(UploadRefusal).where(UploadRefusal.upload_id == upload_id)).first()
        return UploadRefusal(**row._mapping) if row is not None else None

    def record_refusal(self, upload: Upload, envelope: bytes, code: str | None) -> None:
        """Keep the refusal of an upload that never verified: answered again for it, for nothing else."""
        with self._db.transaction() as session:
            session.merge(UploadRefusal(upload_id=upload.id, device_id=upload.device_id, sha256=upload.sha256,
                                        code=code, envelope=envelope, created_at=int(self._clock())))

    def discard(self, upload_id: str) -> None:
        """Forget a refused upload: its row and its bytes (a 403 at commit leaves nothing behind)."""
        with self._db.transaction() as session:
            session.execute(delete(Upload).where(Upload.id == upload_id))
        self.path(upload_id).unlink(missing_ok=True)

    def sweep(self) -> int:
        """Remove expired unfinished uploads and any upload file without a live row; the files removed."""
        cutoff = int(self._clock()) - self._settings.upload_ttl_seconds
        with self._db.transaction() as session:
            expired = list(session.scalars(select(Upload.id).where(Upload.finished_at.is_(None),
                                                                   Upload.created_at < cutoff)))
            if expired:
                session.execute(delete(Upload).where(Upload.id.in_(expired)))
            live = set(session.scalars(select(Upload.id).where(Upload.finished_at.is_(None))))
        removed = 0
        dead, recent = set(expired), self._clock() - ORPHAN_GRACE_SECONDS
        for path in self._settings.uploads_dir.glob("*.part"):
            if not _UPLOAD_ID.match(path.stem) or path.stem in live:
                continue
            # A file without a row may belong to an upload whose row is being committed right now.
            if path.stem in dead or _mtime(path) < recent:
                with self.locked(path.stem):
                    path.unlink(missing_ok=True)
                removed += 1
        return removed

    def acquire(self, upload_id: str) -> threading.Lock:
        """Take the upload's lock, waiting a little for a request still draining on a dropped link; 409 if busy."""
        with self._locks_guard:
            if len(self._locks) > MAX_LOCKS:
                self._locks = {key: lock for key, lock in self._locks.items() if lock.locked()}
            lock = self._locks.setdefault(upload_id, threading.Lock())
        if not lock.acquire(timeout=LOCK_WAIT_SECONDS):
            raise ApiError(409, "upload_busy", "Lượt tải lên đang được ghi bởi một yêu cầu khác.",
                           "Another request is writing this upload.", headers={"Retry-After": "5"})
        return lock

    @contextmanager
    def locked(self, upload_id: str) -> Iterator[None]:
        """``acquire`` for a block."""
        lock = self.acquire(upload_id)
        try:
            yield
        finally:
            lock.release()

    def _expired(self, upload: Upload) -> bool:
        return upload.finished_at is None and self._clock() - upload.created_at > self._settings.upload_ttl_seconds


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return float("inf")


def _not_found() -> ApiError:
    return ApiError(404, "upload_not_found", "Không có lượt tải lên này.", "No such upload.")
