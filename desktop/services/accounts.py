"""Use cases of the store itself: create, unlock, change passphrase, recover, add users, check the audit log."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop.errors import IntegrityError, StoreError
from desktop.models.audit import AuditReport, verify_chain
from desktop.models.keyslots import KdfParams
from desktop.models.store import SLOTS_NAME, Store

APP_NAME = "baocao"


def default_data_dir() -> Path:
    """``BAOCAO_DATA_DIR`` if set, else the platform's user data folder."""
    env = os.environ.get("BAOCAO_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class CreatedStore:
    """A new store and its recovery key, to be shown once."""

    store: Store
    recovery_key: str


def create_store(data_dir: Path, user: str, passphrase: str, kdf: KdfParams | None = None) -> CreatedStore:
    """Make a new encrypted store in ``data_dir``."""
    store, recovery = Store.create(data_dir, user, passphrase, kdf)
    return CreatedStore(store, recovery)


def store_exists(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a store (its key slots file)."""
    return (data_dir / SLOTS_NAME).is_file()


def require_store(data_dir: Path) -> None:
    """Refuse early, before asking for a passphrase, when ``data_dir`` holds no store."""
    if not store_exists(data_dir):
        raise StoreError(f"Thư mục {data_dir} không phải kho dữ liệu baocao (chưa chạy «baocao init»?).",
                         f"{data_dir} is not a baocao store (run «baocao init» first?).", code="not_a_store")


def unlock(data_dir: Path, user: str, passphrase: str) -> Store:
    """Open the store with a user's passphrase."""
    return Store.open(data_dir, user, passphrase)


def change_passphrase(data_dir: Path, user: str, old: str, new: str) -> None:
    """Rewrite that user's key slot; the database file is not touched."""
    store = Store.open(data_dir, user, old)
    try:
        store.set_passphrase(user, new)
    finally:
        store.close()


def recover(data_dir: Path, recovery_key: str, user: str, new_passphrase: str) -> None:
    """Open with the recovery key and give ``user`` a new passphrase."""
    store = Store.open_with_recovery(data_dir, recovery_key)
    try:
        store.set_passphrase(user, new_passphrase)
    finally:
        store.close()


def add_user(store: Store, user: str, passphrase: str) -> None:
    """Give another person their own slot (their own passphrase, same data)."""
    store.set_passphrase(user, passphrase)


def verify_audit(store: Store) -> AuditReport:
    """Check the whole audit chain; raises IntegrityError naming the first broken event."""
    with store.session() as session:
        report = verify_chain(session)
    if not report.ok:
        where = f"#{report.broken_id}" if report.broken_id is not None else f"sau #{report.count}"
        where_en = f"#{report.broken_id}" if report.broken_id is not None else f"after #{report.count}"
        raise IntegrityError(
            f"Nhật ký kiểm tra bị sửa đổi: sự kiện {where} không hợp lệ ({_reason_vi(report.reason)}).",
            f"The audit log was altered: event {where_en} is invalid ({report.reason}).",
            code="audit_broken")
    return report


def _reason_vi(reason: str) -> str:
    if "edited" in reason:
        return "nội dung không khớp mã băm: đã bị sửa"
    if "removed at the end" in reason:
        return "chuỗi ngắn hơn đầu chuỗi: sự kiện cuối bị xóa"
    return "liên kết tới sự kiện trước bị đứt: có sự kiện bị xóa"
