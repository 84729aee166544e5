"""Local backup of the encrypted store into one file, and restoring it into a data folder.

The backup is a zip (stored, not compressed: the content is ciphertext) of three members:

- ``baocao.db``: a consistent copy of the SQLCipher database made with ``VACUUM INTO`` while the store
  is open; it stays encrypted under the same random database key, so no plaintext is ever written;
- ``keyslots.json``: the key slots as they are (the database key wrapped per user under Argon2id, and
  under the recovery key);
- ``backup.json``: format, creation time, and the SHA-256 and size of the two others.

Restoring needs a user's passphrase or the recovery key: the copy is opened (and migrated) in a folder
beside the target before it takes the target's name, so a wrong key or a damaged file leaves nothing
behind. An existing store is never overwritten unless asked; then it is moved aside, not deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.errors import Cancelled, InputError, StoreError
from desktop.models.store import DB_NAME, SLOTS_NAME, Store, restrict_permissions

FORMAT = "baocao.backup/1"
MANIFEST = "backup.json"
PIECE = 1024 * 1024
MAX_SLOTS_BYTES = 1024 * 1024


@dataclass(frozen=True)
class BackupInfo:
    """The backup written: where, its size and when."""

    path: Path
    size: int
    created_at: str


Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


def write_backup(store: Store, out: Path, *, progress: Progress | None = None,
                 cancelled: IsCancelled | None = None) -> BackupInfo:
    """Write the open store to ``out`` (atomically: a partial file never takes its name).

    ``progress(done, total)`` counts steps (copy, slots, archive); ``cancelled()`` is asked between them
    and while the archive is written: a cancel leaves no file behind.
    """
    out = out.resolve()
    work = out.with_name(f".{out.name}.{os.getpid()}.{time.monotonic_ns()}")
    work.mkdir(mode=0o700)
    try:
        copy = work / DB_NAME
        _step(progress, cancelled, 0)
        with store.engine.connect() as connection:
            connection.exec_driver_sql("VACUUM INTO ?", (str(copy),))
        _step(progress, cancelled, 1)
        shutil.copyfile(store.data_dir / SLOTS_NAME, work / SLOTS_NAME)
        _step(progress, cancelled, 2)
        created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        manifest = {"format": FORMAT, "created_at": created,
                    "files": {name: _digest(work / name) for name in (DB_NAME, SLOTS_NAME)}}
        part = work / "backup.part"
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
            for name in (DB_NAME, SLOTS_NAME):
                with open(work / name, "rb") as source, archive.open(name, "w", force_zip64=True) as sink:
                    while piece := source.read(PIECE):
                        if cancelled is not None and cancelled():
                            raise Cancelled("Đã hủy sao lưu; không ghi tệp nào.", "Backup cancelled; no file written.")
                        sink.write(piece)
        _step(progress, cancelled, 3)
        with open(part, "rb+") as handle:
            os.fsync(handle.fileno())
        if os.name != "nt":
            part.chmod(0o600)
        os.replace(part, out)
        if progress is not None:
            progress(4, 4)
        return BackupInfo(out, out.stat().st_size, created)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def restore_backup(backup: Path, data_dir: Path, *, user: str, passphrase: str | None = None,
                   recovery_key: str | None = None, replace: bool = False, progress: Progress | None = None,
                   cancelled: IsCancelled | None = None) -> Path | None:
    """Restore ``backup`` into ``data_dir``; returns where an existing store was moved aside (if any).

    ``progress`` counts steps (unpack, open with the key, put in place); a cancel before the last step
    leaves ``data_dir`` as it was.
    """
    if (passphrase is None) == (recovery_key is None):
        raise InputError("Cần mật khẩu hoặc khóa khôi phục (một trong hai).",
                         "A passphrase or the recovery key is needed (one of them).", code="restore_key")
    data_dir = data_dir.resolve()
    occupied = (data_dir / DB_NAME).exists() or (data_dir / SLOTS_NAME).exists()
    if occupied and not replace:
        raise StoreError(f"Thư mục {data_dir} đã có kho dữ liệu; không ghi đè (dùng --replace để thay, kho cũ "
                         f"được giữ lại bên cạnh).",
                         f"{data_dir} already holds a store; it is not overwritten (use --replace: the old store "
                         f"is kept beside it).", code="store_exists")
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = data_dir.with_name(f".{data_dir.name}.restore-{os.getpid()}-{time.monotonic_ns()}")
    staging.mkdir(mode=0o700)
    try:
        _step(progress, cancelled, 0, total=3)
        _unpack(backup, staging)
        _step(progress, cancelled, 1, total=3)
        opened = (Store.open(staging, user, passphrase) if passphrase is not None
                  else Store.open_with_recovery(staging, recovery_key or ""))
        opened.close()
        _step(progress, cancelled, 2, total=3)
        aside = None
        if data_dir.exists() and (occupied or any(data_dir.iterdir())):
            aside = data_dir.with_name(f"{data_dir.name}.replaced-{datetime.now(UTC):%Y%m%d-%H%M%S}")
            os.replace(data_dir, aside)
        elif data_dir.exists():
            data_dir.rmdir()
        os.replace(staging, data_dir)
        restrict_permissions(data_dir)
        if progress is not None:
            progress(3, 3)
        return aside
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _unpack(backup: Path, target: Path) -> None:
    """The two members of a backup, checked against its manifest, into ``target``."""
    try:
        with zipfile.ZipFile(backup) as archive:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            if manifest.get("format") != FORMAT:
                raise _damaged(backup, "định dạng không đúng", "unknown format")
            for name in (DB_NAME, SLOTS_NAME):
                expected = manifest["files"][name]
                with archive.open(name) as source, open(target / name, "wb") as sink:
                    digest, size = hashlib.sha256(), 0
                    while piece := source.read(PIECE):
                        digest.update(piece)
                        size += len(piece)
                        sink.write(piece)
                    sink.flush()
                    os.fsync(sink.fileno())
                if (digest.hexdigest(), size) != (expected["sha256"], expected["size"]):
                    raise _damaged(backup, f"tệp {name} bị hỏng", f"member {name} is damaged")
    except FileNotFoundError as exc:
        raise InputError(f"Không tìm thấy tệp sao lưu {backup}.", f"Backup file {backup} not found.",
                         code="not_found") from exc
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise _damaged(backup, "không đọc được", "unreadable") from exc


def _step(progress: Progress | None, cancelled: IsCancelled | None, done: int, total: int = 4) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("Đã hủy; không thay đổi gì.", "Cancelled; nothing was changed.")
    if progress is not None:
        progress(done, total)


def _digest(path: Path) -> dict[str, object]:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while piece := handle.read(PIECE):
            digest.update(piece)
    return {"sha256": digest.hexdigest(), "size": path.stat().st_size}


def _damaged(backup: Path, vi: str, en: str) -> InputError:
    return InputError(f"Tệp sao lưu {backup} không dùng được: {vi}.", f"Backup file {backup} cannot be used: {en}.",
                      code="backup_damaged")
