"""The "what changed between revisions" list names fields as the report form does, in Vietnamese and English."""

from __future__ import annotations

from dataclasses import replace

import pytest

from server.console.revision_changes import FIELD_LABELS, changes
from tests.sync.report_factory import make_snapshot

BEFORE = make_snapshot(3, 2)
TASK = BEFORE.tasks[1]  # "in_progress", 60 %
AFTER = replace(BEFORE, revision=2, supersedes=1, proposals="Đề nghị cấp thêm 2 máy tính.",
                tasks=(BEFORE.tasks[0], replace(TASK, status="done", percent=100.0), BEFORE.tasks[2]),
                indicators=(replace(BEFORE.indicators[0], numerator=190.0), BEFORE.indicators[1]))


@pytest.mark.parametrize(("language", "expected"), [
    ("vi", [("", "Kiến nghị, đề xuất", "Đề nghị hỗ trợ thiết bị ký số.", "Đề nghị cấp thêm 2 máy tính."),
            (TASK.title, "Tình trạng", "Đang triển khai", "Hoàn thành"),
            (TASK.title, "Tỷ lệ hoàn thành (%)", "60", "100"),
            (BEFORE.indicators[0].name, "Tử số", "170", "190")]),
    ("en", [("", "Proposals", "Đề nghị hỗ trợ thiết bị ký số.", "Đề nghị cấp thêm 2 máy tính."),
            (TASK.title, "Status", "In progress", "Done"),
            (TASK.title, "Percent done", "60", "100"),
            (BEFORE.indicators[0].name, "Numerator", "170", "190")]),
])
def test_changes_use_the_words_of_the_report_form(language: str, expected: list[tuple[str, ...]]) -> None:
    found = [(c.where, c.field, c.before, c.after) for c in changes(BEFORE, AFTER, language)]
    assert found == expected
    assert not {c.field for c in changes(BEFORE, AFTER, language)} & set(FIELD_LABELS)


def test_no_change_between_equal_revisions() -> None:
    assert changes(BEFORE, replace(BEFORE, revision=2), "en") == []
