"""The Đồng bộ tab's receipt list reads newest period first, then newest revision, whatever the sequence."""

from __future__ import annotations

from sqlalchemy import select

from desktop.models.outbox import OutboxItem
from desktop.models.store import Store
from desktop.services import reports, signing
from desktop.services.sync import receipt_history
from tests.services.conftest import TODAY
from tests.services.test_revisions import _complete


def test_receipts_are_listed_by_period_then_revision_newest_first(demo_store: Store) -> None:
    for reason in ("Bổ sung lần 2", "Bổ sung lần 3"):
        reports.reopen_report(demo_store, "2026Q3", reason)
        signing.approve_and_sign(demo_store, "2026Q3", TODAY)
    _complete(demo_store, "2026Q4")
    signing.approve_and_sign(demo_store, "2026Q4", TODAY)
    # Rows restored from the Sở keep the sequence the sending PC gave them, so sequence order is not age order.
    restored = {("2026Q3", 1): 3, ("2026Q3", 2): 4, ("2026Q3", 3): 2, ("2026Q4", 1): 1}
    with demo_store.session() as session:
        for item in session.scalars(select(OutboxItem)):
            item.sequence = restored[(item.period_code, item.revision)]
    rows = [(row.period_code, row.revision) for row in receipt_history(demo_store)]
    assert rows == [("2026Q4", 1), ("2026Q3", 3), ("2026Q3", 2), ("2026Q3", 1)]
