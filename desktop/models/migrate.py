"""Schema migrations (Alembic), run on every open inside the opening transaction.

A store whose schema is the one this build knows opens without loading Alembic at all (start-up
time matters); an older one is upgraded step by step; a newer one is refused untouched.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, inspect

from desktop.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0006_signed_documents"


def current_revision(conn: Connection) -> str | None:
    """The schema revision recorded in the store, None for an empty database."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(conn: Connection) -> None:
    """Bring the store to ``HEAD``; refuse a schema this build does not know."""
    found = current_revision(conn)
    if found == HEAD:
        return
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    if found is not None:
        try:
            ScriptDirectory.from_config(config).get_revision(found)
        except CommandError as exc:
            raise StoreError(
                f"Kho dữ liệu được tạo bởi phiên bản baocao mới hơn (lược đồ {found}). Hãy cài phiên bản mới.",
                f"The store was made by a newer baocao (schema {found}). Install the newer version.",
                code="schema_too_new") from exc
    command.upgrade(config, "head")


def head_revision() -> str:
    """The newest revision in the migration scripts (a test checks it equals ``HEAD``)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head
