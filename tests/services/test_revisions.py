"""Revisions: a signed report is frozen; a change opens a new revision that supersedes, never overwrites."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.errors import InputError, ValidationFailed
from desktop.models.outbox import OutboxItem
from desktop.models.store import Store
from desktop.services import reports, signing, validation
from desktop.services.outbox import OutboxReader
from desktop.sync.bundle import verify_bundle
from tests.services.conftest import TODAY

PREVIOUS = "2026Q3"
CURRENT = "2026Q4"


def _complete(store: Store, period: str) -> None:
    """Answer every open item so the report validates."""
    view = reports.open_report(store, period, TODAY)
    tasks = {t.ref: {"status": "in_progress", "percent": 50, "result": "Đang thực hiện."}
             for t in view.tasks if t.status is None}
    indicators = {i.ref: {"not_applicable_reason": "Xã không theo dõi chỉ tiêu này."}
                  for i in view.indicators if i.values() == {k: None for k in i.values()}}
    reports.apply_values(store, period, tasks=tasks, indicators=indicators)


def test_signed_revision_is_frozen(demo_store: Store) -> None:
    ref = reports.open_report(demo_store, PREVIOUS, TODAY).tasks[0].ref
    with pytest.raises(InputError) as refused:
        reports.update_task(demo_store, PREVIOUS, ref, result="Sửa sau khi ký")
    assert refused.value.code == "report_frozen"
    assert reports.open_report(demo_store, PREVIOUS, TODAY).tasks[0].result != "Sửa sau khi ký"


def test_new_revision_supersedes_and_keeps_history(demo_store: Store) -> None:
    before = reports.open_report(demo_store, PREVIOUS, TODAY)
    ref = before.tasks[0].ref
    with pytest.raises(InputError):
        reports.reopen_report(demo_store, PREVIOUS, "   ")
    assert reports.reopen_report(demo_store, PREVIOUS, "Bổ sung kết quả tháng 9") == 2
    reports.update_task(demo_store, PREVIOUS, ref, result="Kết quả đã bổ sung")
    changes = signing.changes_since_last(demo_store, PREVIOUS)
    assert [(c.ref, c.field, c.after) for c in changes] == [(ref, "result", "Kết quả đã bổ sung")]
    signed = signing.approve_and_sign(demo_store, PREVIOUS, TODAY)
    assert signed.revision == 2
    history = reports.report_history(demo_store, PREVIOUS)
    assert [(h["revision"], h["status"], h["reason"]) for h in history] == [
        (1, "signed", None), (2, "signed", "Bổ sung kết quả tháng 9")]
    with demo_store.session() as session:
        from desktop.models.report import Report, TaskProgress

        first = session.scalar(select(Report).where(Report.period_code == PREVIOUS, Report.revision == 1))
        kept = {p.result for p in session.scalars(select(TaskProgress).where(TaskProgress.report_id == first.id))}
        assert "Kết quả đã bổ sung" not in kept
        assert before.tasks[0].result in kept


def test_signing_queues_a_verifiable_bundle(demo_store: Store) -> None:
    _complete(demo_store, CURRENT)
    signed = signing.approve_and_sign(demo_store, CURRENT, TODAY)
    with demo_store.session() as session:
        from desktop.services.identity import device_key
        from desktop.sync.device_keys import ed25519_public_bytes

        public = ed25519_public_bytes(device_key(session))
        items = session.scalars(select(OutboxItem).order_by(OutboxItem.sequence)).all()
        assert [(i.period_code, i.sequence) for i in items] == [(PREVIOUS, 1), (CURRENT, 2)]
        assert items[1].bundle_sha256 == signed.bundle_sha256
        item_id, size, previous_hash = items[1].id, items[1].size, items[0].bundle_sha256
    verified = verify_bundle(OutboxReader(demo_store, item_id, size), key_for_agency=lambda _code: public)
    assert verified.bundle_id == signed.bundle_id
    assert verified.previous_hash == previous_hash
    assert verified.report.status == "signed"
    reported = {t.key for t in reports.open_report(demo_store, CURRENT, TODAY).tasks}
    assert reported and {t.key for t in verified.report.tasks} == reported


def test_errors_block_signing_and_nothing_is_queued(demo_store: Store) -> None:
    result = validation.validate(demo_store, CURRENT)
    assert result.blocking
    with pytest.raises(ValidationFailed):
        signing.approve_and_sign(demo_store, CURRENT, TODAY)
    with demo_store.session() as session:
        assert session.scalar(select(OutboxItem).where(OutboxItem.period_code == CURRENT)) is None
    assert reports.open_report(demo_store, CURRENT, TODAY).status == "draft"


def test_validation_issues_name_the_row_by_ref(demo_store: Store) -> None:
    view = reports.open_report(demo_store, CURRENT, TODAY)
    indicator = next(i for i in view.indicators if "%" in i.unit)
    reports.update_indicator(demo_store, CURRENT, indicator.ref, numerator=60, denominator=50)
    issues = [i for i in validation.validate(demo_store, CURRENT).issues if i.item_key == indicator.ref]
    assert any(i.severity == "error" and "mẫu số" in i.message_vi for i in issues)


def test_one_bad_value_saves_nothing(demo_store: Store) -> None:
    view = reports.open_report(demo_store, CURRENT, TODAY)
    first, second = view.tasks[-1].ref, view.tasks[-2].ref
    with pytest.raises(InputError) as refused:
        reports.apply_values(demo_store, CURRENT, tasks={first: {"result": "Mới"}, second: {"percent": "nhiều"}})
    assert second in refused.value.message_vi
    assert reports.open_report(demo_store, CURRENT, TODAY).tasks[-1].result != "Mới"


def test_a_new_quarter_starts_empty_and_offers_last_quarters_answers(demo_store: Store) -> None:
    """Nothing is copied into a new quarter unasked (help F1: only «Dùng lại câu trả lời quý trước» copies):
    a report signed with last quarter's text because it arrived pre-filled would be a false report."""
    from desktop.services.report_items import editor_context

    done = {t.ref for t in reports.open_report(demo_store, CURRENT, TODAY).tasks if t.status == "done"}
    assert done
    next_view = reports.open_report(demo_store, "2027Q1", TODAY)
    assert all(t.status is None and not t.result for t in next_view.tasks)
    with demo_store.session() as session:
        from desktop.services.installation import installation_agency

        offered = editor_context(session, installation_agency(session), "2027Q1").previous
    assert done <= offered.keys(), "last quarter's answers stay on offer beside the empty fields"


def test_dashboard_shows_what_is_due(demo_store: Store) -> None:
    from desktop.services.dashboard import dashboard

    board = dashboard(demo_store, TODAY)
    owed, current, following = board.cards
    assert [c.role for c in board.cards] == ["overdue", "current", "next"]
    assert (owed.period.code, owed.status, owed.sync_state) == ("2026Q3", "signed", "new")
    assert owed.period.days_left < 0, "Q3 was due before 20/9 and the province has not received it"
    assert (current.period.code, current.period.days_left, following.period.code) == (CURRENT, 7, "2027Q1")
    assert 0 < current.filled < current.total and current.unanswered > 0
    assert following.status == "not_started"
    assert all(t.due is not None and t.due < TODAY.isoformat() for t in board.overdue)
