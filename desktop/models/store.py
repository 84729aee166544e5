"""The encrypted store: SQLCipher 4 under SQLAlchemy, opened only through a key slot.

This module is the only place that handles the database key. Everything above it asks for a
``Session`` and never sees ciphertext or keys (Electrum's storage layer is the model).

Data dir layout: ``baocao.db`` (+ ``-wal``/``-shm``, all encrypted pages) and ``keyslots.json``.
SQLite keeps temporary tables in memory (``temp_store=MEMORY``) so no plaintext temp file is made.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from desktop.domain.text import nfc
from desktop.errors import StoreError, WrongPassphrase
from desktop.models import migrate
from desktop.models.audit import append_event
from desktop.models.keyslots import (
    RECOVERY_USER,
    KdfParams,
    KeySlotFile,
    Slot,
    new_recovery_key,
    unwrap,
    wrap,
)

DB_NAME = "baocao.db"
SLOTS_NAME = "keyslots.json"
PAGE_SIZE = 4096


class Store:
    """An open encrypted store; use ``create``, ``open`` or ``open_with_recovery``."""

    def __init__(self, data_dir: Path, db_key: bytes, user: str) -> None:
        self.data_dir = data_dir
        self.user = user
        self._db_key = db_key
        self.engine = _engine(data_dir / DB_NAME, db_key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def create(cls, data_dir: Path, user: str, passphrase: str,
               kdf: KdfParams | None = None) -> tuple[Store, str]:
        """Make a new store; returns it and the recovery key to show the user once."""
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        slots = KeySlotFile(data_dir / SLOTS_NAME)
        if slots.exists() or (data_dir / DB_NAME).exists():
            raise StoreError(f"Thư mục {data_dir} đã có kho dữ liệu; không ghi đè.",
                             f"{data_dir} already holds a store; it will not be overwritten.",
                             code="store_exists")
        _check_passphrase(passphrase)
        db_key = secrets.token_bytes(32)
        recovery = new_recovery_key()
        user = nfc(user).strip()
        params = kdf or KdfParams()
        store = cls(data_dir, db_key, user)
        with store.engine.begin() as conn:
            migrate.upgrade(conn)
        with store.session() as session:
            append_event(session, actor=user, action="create", entity="store", entity_id=data_dir.name)
        slots.save([wrap(db_key, "user", user, passphrase, params),
                    wrap(db_key, "recovery", RECOVERY_USER, recovery, None)])
        restrict_permissions(data_dir)
        return store, recovery

    @classmethod
    def open(cls, data_dir: Path, user: str, passphrase: str) -> Store:
        """Open with a user's passphrase; WrongPassphrase if no slot of that user opens."""
        user = nfc(user).strip()
        slots = _load_slots(data_dir)
        candidates = [s for s in slots if s.kind == "user" and s.user == user]
        for slot in candidates:
            key = unwrap(slot, passphrase)
            if key is not None:
                return cls._opened(data_dir, key, user)
        raise WrongPassphrase("Sai tên người dùng hoặc mật khẩu.", "Wrong user name or passphrase.")

    @classmethod
    def open_with_recovery(cls, data_dir: Path, recovery_key: str) -> Store:
        """Open with the recovery key printed at creation."""
        for slot in _load_slots(data_dir):
            if slot.kind == "recovery":
                key = unwrap(slot, recovery_key)
                if key is not None:
                    return cls._opened(data_dir, key, RECOVERY_USER)
        raise WrongPassphrase("Khóa khôi phục không đúng.", "The recovery key is wrong.")

    @classmethod
    def _opened(cls, data_dir: Path, key: bytes, user: str) -> Store:
        db_path = data_dir / DB_NAME
        _check_db_file(db_path)
        restrict_permissions(data_dir)
        store = cls(data_dir, key, user)
        try:
            with store.engine.begin() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
                migrate.upgrade(conn)
        except (DatabaseError, OperationalError) as exc:
            store.close()
            raise StoreError(f"Kho dữ liệu {db_path} bị hỏng hoặc không đọc được.",
                             f"The store {db_path} is damaged or unreadable.", code="store_damaged") from exc
        except StoreError:
            store.close()
            raise
        return store

    def users(self) -> list[str]:
        """Users that have a slot."""
        return [s.user for s in _load_slots(self.data_dir) if s.kind == "user"]

    def set_passphrase(self, user: str, passphrase: str, kdf: KdfParams | None = None) -> None:
        """Give ``user`` a slot with ``passphrase``, replacing that user's slot; the database is untouched."""
        _check_passphrase(passphrase)
        user = nfc(user).strip()
        slots_file = KeySlotFile(self.data_dir / SLOTS_NAME)
        slots = [s for s in slots_file.load() if not (s.kind == "user" and s.user == user)]
        slots.append(wrap(self._db_key, "user", user, passphrase, kdf or KdfParams()))
        slots_file.save(slots)

    def remove_user(self, user: str) -> None:
        """Remove a user's slot (the last user cannot be removed)."""
        slots_file = KeySlotFile(self.data_dir / SLOTS_NAME)
        slots = slots_file.load()
        kept = [s for s in slots if not (s.kind == "user" and s.user == user)]
        if not any(s.kind == "user" for s in kept):
            raise StoreError("Không thể xóa người dùng cuối cùng.", "The last user cannot be removed.",
                             code="last_user")
        slots_file.save(kept)

    @contextmanager
    def session(self, actor: str | None = None) -> Iterator[Session]:
        """A session that commits on success and rolls back on error; ``actor`` is written to the audit log."""
        session = self._sessions()
        session.info["actor"] = actor or self.user
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        """Release connections (the WAL is checkpointed by SQLite as the last one closes)."""
        self.engine.dispose()


POOL_SIZE = 4


def _engine(path: Path, db_key: bytes) -> Engine:
    # The key goes in as a raw key (x'…'): SQLCipher skips its own PBKDF2, the key already has full entropy.
    url = URL.create("sqlite+pysqlcipher", password=f"x'{db_key.hex()}'", database=str(path))
    # The dialect's default SingletonThreadPool keeps one connection per thread and closes the oldest when a
    # sixth thread comes, even while it is in use: the GUI's workers met "closed database" errors. A queue of
    # connections, each used by one thread at a time, is the pool SQLAlchemy uses for file databases.
    engine = create_engine(url, pool_pre_ping=False, poolclass=QueuePool, pool_size=POOL_SIZE, max_overflow=4,
                           connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: object, _record: object) -> None:
        cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                       "temp_store=MEMORY", "busy_timeout=10000"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    return engine


def _load_slots(data_dir: Path) -> list[Slot]:
    if not data_dir.is_dir():
        raise StoreError(f"Không tìm thấy thư mục dữ liệu {data_dir}.", f"Data folder {data_dir} not found.",
                         code="not_a_store")
    return KeySlotFile(data_dir / SLOTS_NAME).load()


def _check_db_file(db_path: Path) -> None:
    try:
        size = os.path.getsize(db_path)
    except FileNotFoundError as exc:
        raise StoreError(f"Không tìm thấy tệp dữ liệu {db_path}.", f"Database file {db_path} not found.",
                         code="not_a_store") from exc
    if size == 0 or size % PAGE_SIZE:
        raise StoreError(f"Tệp dữ liệu {db_path} bị cắt cụt hoặc hỏng ({size} byte).",
                         f"Database file {db_path} is truncated or damaged ({size} bytes).",
                         code="store_damaged")


def _check_passphrase(passphrase: str) -> None:
    if len(nfc(passphrase)) < 8:
        raise StoreError("Mật khẩu phải có ít nhất 8 ký tự.", "The passphrase must have at least 8 characters.",
                         code="weak_passphrase")


def restrict_permissions(data_dir: Path) -> None:
    """The data folder readable by its owner only (0700), its files 0600; SQLite gives its WAL and journal
    the database file's mode. Encrypted or not, nothing of the store is for the PC's other accounts."""
    if os.name == "nt":
        return
    data_dir.chmod(0o700)
    for path in data_dir.iterdir():
        if path.is_file() and not path.is_symlink():
            path.chmod(0o600)
