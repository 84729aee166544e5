"""Opening a future quarter to look at it does not start its report: its card stays «Chưa bắt đầu» until a
value is typed. Opening Quý II 2027 from its card turned it into «Đang soạn (lần 1)», «0/40 mục»."""

from __future__ import annotations

from desktop.models.store import Store
from desktop.services import reports
from desktop.services.dashboard import PeriodCard, dashboard
from tests.services.conftest import TODAY


def next_card(store: Store) -> PeriodCard:
    return next(c for c in dashboard(store, TODAY).cards if c.role == "next")


def test_a_quarter_only_opened_is_still_not_started(demo_store: Store) -> None:
    before = next_card(demo_store)
    assert before.status == "not_started" and before.revision is None
    view = reports.open_report(demo_store, before.period.code, TODAY)
    assert view.editable
    after = next_card(demo_store)
    assert (after.status, after.revision, after.filled) == ("not_started", None, 0)

    reports.update_task(demo_store, before.period.code, view.tasks[0].ref, result="Đã họp triển khai.")
    typed = next_card(demo_store)
    assert (typed.status, typed.revision) == ("draft", 1)
