"""No plaintext of user data reaches the disk: not the database, its WAL, journals or temp files."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from desktop.models.attachment import store_attachment
from desktop.models.plan import Plan, Task
from desktop.models.store import Store
from tests.conftest import FAST_KDF, PASSPHRASE

SECRET = "Chuyển đổi số toàn diện ở xã Mỹ Hiệp — bí mật quý IV"


def _needles() -> list[bytes]:
    return [unicodedata.normalize(form, SECRET).encode("utf-8") for form in ("NFC", "NFD")] + [
        # Fragments too: a page boundary may split the whole string.
        fragment.encode("utf-8") for fragment in ("Chuyển đổi số", "xã Mỹ Hiệp", "bí mật quý")
    ]


def _files_containing(folder: Path, needles: list[bytes]) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path.name}: {n!r}" for n in needles if n in data]
    return hits


def _fill(store: Store) -> None:
    with store.session() as session:
        plan = Plan(code="3256/QĐ-UBND", title="Kế hoạch chuyển đổi số")
        session.add(plan)
        session.flush()
        session.add(Task(plan_id=plan.id, key="I.1", title=SECRET))
        body = (SECRET + "\n").encode("utf-8") * 20_000
        store_attachment(session, io.BytesIO(body), name="minh-chung.txt", media_type="text/plain")


def test_no_plaintext_while_open_and_after_close(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store, _ = Store.create(data_dir, "admin", PASSPHRASE, FAST_KDF)
    _fill(store)
    # While open, the WAL holds the newest pages: they must be encrypted too.
    assert (data_dir / "baocao.db-wal").exists()
    assert _files_containing(data_dir, _needles()) == []
    store.close()
    assert _files_containing(data_dir, _needles()) == []
    reopened = Store.open(data_dir, "admin", PASSPHRASE)
    with reopened.session() as session:
        assert session.query(Task).one().title == SECRET
    reopened.close()


def test_the_needle_search_would_find_plaintext(tmp_path: Path) -> None:
    """The scan above is meaningful: the same data in a plain SQLite file is found."""
    import sqlite3

    plain = sqlite3.connect(tmp_path / "plain.db")
    plain.execute("CREATE TABLE t (x TEXT)")
    plain.execute("INSERT INTO t VALUES (?)", (SECRET,))
    plain.commit()
    plain.close()
    assert _files_containing(tmp_path, _needles())
