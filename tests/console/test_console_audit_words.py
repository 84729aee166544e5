"""The audit log's words for its stored codes, in Vietnamese and English: pure checks, no server."""

from __future__ import annotations

from server.console.words import ACTIONS, AuditLine, audit_line, role_label


def test_every_audited_action_has_words_in_both_languages() -> None:
    assert audit_line("cli", "user_add", "canbo admin", "vi") == AuditLine("dòng lệnh", "Thêm tài khoản",
                                                                           "canbo, Quản trị viên")
    assert audit_line("canbo", "consolidated_report", "2026Q4 pdf", "vi").detail == "Quý IV năm 2026, PDF"
    assert audit_line("canbo", "consolidated_report", "2026Q4 docx", "en").detail == "Q4 2026, Word (.docx)"
    assert audit_line("cli:root", "schedule.set", "Q1", "vi").actor == "dòng lệnh (root)"
    assert audit_line("x", "schedule.set", "Q1", "vi").detail == "Quý I hằng năm"
    assert audit_line("x", "an.old_code", "y", "en").action == "an.old_code"  # shown as stored, not hidden
    for vi, en in ACTIONS.values():
        assert vi and en and vi != en


def test_roles_are_named_in_the_pages_language() -> None:
    named = [role_label(r, "vi") for r in ("admin", "officer", "viewer")]
    assert named == ["Quản trị viên", "Chuyên viên", "Người xem"]
    assert role_label("admin", "en") == "Administrator"
