"""Previewing a plan import (a dry run): what would change is shown, nothing is stored until asked."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from desktop.documents.sample_plan_data import AN_GIANG_594
from desktop.documents.sample_plans import write_sample_plan
from desktop.models.plan import Plan, Task
from desktop.models.store import Store
from desktop.services import plans
from tests.conftest import PASSPHRASE, run_cli
from tests.conftest import run_cli_in_process as baocao
from tests.documents.plan_documents import write_docx
from tests.services.test_plan_import import _changed_version

_HEADER = {"issuer": "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG", "number": "Số: 594/KH-UBND",
           "dated": "An Giang, ngày 19 tháng 5 năm 2025"}


def _plan_count(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count(Plan.id))) or 0)


def test_preview_stores_nothing_then_import_stores_what_was_previewed(store: Store, tmp_path: Path) -> None:
    word = write_docx(AN_GIANG_594, tmp_path / "594.docx", **_HEADER)
    preview = plans.preview_plan(store, word)
    assert preview.changes.created and len(preview.changes.added) == 11 and preview.plan_code == "594/KH-UBND"
    assert len(preview.data["tasks"]) == 11 and _plan_count(store) == 0
    stored = plans.import_preview(store, preview)
    assert stored.created and stored.added == preview.changes.added and _plan_count(store) == 1


def test_the_same_plan_in_another_format_is_unchanged_and_a_new_version_shows_its_differences(
        store: Store, tmp_path: Path) -> None:
    original = write_sample_plan(AN_GIANG_594, tmp_path / "594.xlsx")
    plans.import_plan(store, original)
    assert plans.preview_plan(store, write_docx(AN_GIANG_594, tmp_path / "594.docx", **_HEADER)).changes.unchanged
    with store.session() as session:
        first, second = session.scalars(select(Task).order_by(Task.position).limit(2)).all()
        dropped, retitled = (first.key, first.title), (second.key, second.title)
    changed = _changed_version(original, tmp_path / "594-v2.xlsx", retitle=retitled[1], drop=dropped[1])
    preview = plans.preview_plan(store, changed)
    assert preview.changes.removed == [dropped[0]] and preview.changes.changed == [retitled[0]]
    with store.session() as session:  # nothing of the preview reached the store
        task = session.scalar(select(Task).where(Task.key == retitled[0]))
        assert task is not None and task.title == retitled[1]
        assert not session.scalar(select(Task).where(Task.key == dropped[0])).retired  # type: ignore[union-attr]


def test_cli_reads_word_files_and_dry_run_stores_nothing(tmp_path: Path) -> None:
    word = write_docx(AN_GIANG_594, tmp_path / "594.docx", **_HEADER)
    parsed = run_cli("plan", "parse", str(word))
    assert parsed.returncode == 0, parsed.stderr
    assert '"code": "594/KH-UBND"' in parsed.stdout
    env = {"BAOCAO_PASSPHRASE": PASSPHRASE}
    folder = str(tmp_path / "data")
    assert baocao("init", "--data-dir", folder, env=env).returncode == 0
    dry = baocao("plan", "import", str(word), "--dry-run", "--data-dir", folder, env=env)
    assert dry.returncode == 0, dry.stderr
    assert "Chạy thử, không lưu gì:" in dry.stdout and "Sẽ nhập kế hoạch 594/KH-UBND: 11 mục." in dry.stdout
    done = baocao("plan", "import", str(word), "--data-dir", folder, env=env)
    assert "Đã nhập kế hoạch 594/KH-UBND: 11 mục." in done.stdout  # the dry run had stored nothing
