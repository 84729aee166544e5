"""The server's database engine: SQLite in WAL mode by default, PostgreSQL through a URL.

SQLite allows one writer at a time. Every writing transaction here starts with ``BEGIN IMMEDIATE``, so
a writer takes the write lock when it begins rather than failing half-way when it upgrades from reading,
and waits (``busy_timeout``) instead of failing when another thread or the admin CLI holds it; a
``reading()`` transaction starts with a plain ``BEGIN`` and, under WAL, never waits for a writer.
The threads of one server process queue for the write lock on a Python lock first: SQLite's own busy
wait sleeps in steps of milliseconds, far longer than a bundle's transaction takes.
Durability: SQLite runs with ``synchronous=NORMAL`` (a WAL commit is not fsync'd: a power cut may lose
the last transactions, never corrupt the file). A transaction that writes a receipt the client will
read is opened with ``connection(durable=True)``, which switches that connection to ``synchronous=FULL``
for that one transaction: its commit fsyncs the WAL before the answer leaves, so a receipt a client
has received survives a power cut. PostgreSQL commits durably by default (``synchronous_commit=on``).
PostgreSQL needs none of this; rows that must not change under a transaction are locked with
``FOR UPDATE``. The hot path (bundle intake) uses Core ``connection()``/``reading()``, which cost a
fraction of an ORM session per statement.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from server.models import Base

SQLITE_BUSY_MS = 60_000
_READ_ONLY = "baocao_read_only"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and immediate transactions."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_MS / 1000},
                               pool_size=16, max_overflow=48)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_size=16, max_overflow=48, pool_pre_ping=True)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself instead of the driver's implicit deferred BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN" if connection.get_execution_options().get(_READ_ONLY) else "BEGIN IMMEDIATE")


class Database:
    """The engine and its sessions; ``transaction()`` is the one way the server writes."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self._sqlite = url.startswith("sqlite")
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writer: AbstractContextManager[object] = (threading.RLock() if url.startswith("sqlite")
                                                        else nullcontext())

    def create_schema(self) -> None:
        """Create missing tables (idempotent)."""
        Base.metadata.create_all(self.engine)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any exception."""
        with self._writer, self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def connection(self, *, durable: bool = False) -> Iterator[Connection]:
        """A Core connection in one writing transaction: committed on success, rolled back on any exception.

        ``durable``: on SQLite the commit is fsync'd (``synchronous=FULL``) before this returns.
        """
        if not (durable and self._sqlite):
            with self._writer, self.engine.begin() as connection:
                yield connection
            return
        with self._writer, self.engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA synchronous=FULL")
            try:
                with connection.begin():
                    yield connection
            finally:
                raw.execute("PRAGMA synchronous=NORMAL")

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Core connection in one transaction for reads only: on SQLite a deferred BEGIN, taking no write lock."""
        with self.engine.connect() as connection:
            connection.execution_options(**{_READ_ONLY: True})
            with connection.begin():
                yield connection

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()
