"""What the home screen and the sync panel say after a sync, read headless against a real province server:
the received report stays on the dashboard with its receipt, the next step moves to the current report, the
last successful sync is remembered (a sync by hand counts), and the enrollment names the agency and the
province key."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.next_step import FILL, SEND
from desktop.models.store import Store
from desktop.services.dashboard import dashboard
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import enroll, sync_now
from desktop.services.sync_status import enrollment, sync_status
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code

TODAY = date(2026, 9, 25)  # Q3's deadline (20/09) has passed: the demo signs 2026Q3 and drafts 2026Q4


@pytest.fixture
def enrolled(tmp_path: Path, demo_province_folder: Path) -> Iterator[tuple[Store, DemoProvince]]:
    with DemoProvince(demo_province_folder) as province:
        store = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                           enroll=lambda s: enroll(s, province.url, demo_code(province))).store
        try:
            yield store, province
        finally:
            store.close()


def test_a_received_report_stays_on_the_dashboard_and_the_next_step_moves_on(
        enrolled: tuple[Store, DemoProvince]) -> None:
    store, _province = enrolled
    before = dashboard(store, TODAY)
    assert [(c.period.code, c.role) for c in before.cards][:2] == [("2026Q3", "overdue"), ("2026Q4", "current")]
    assert before.next_step is not None and (before.next_step.code, before.next_step.action) == ("2026Q3", SEND)
    assert sync_status(store).waiting == 1 and sync_status(store).last_success is None

    started = datetime.now(UTC)
    sync_now(store)

    after = dashboard(store, TODAY)
    received = after.cards[0]
    assert (received.period.code, received.role) == ("2026Q3", "received"), "the report received stays in sight"
    assert received.receipt_at is not None
    assert after.next_step is not None and (after.next_step.code, after.next_step.action) == ("2026Q4", FILL)
    status = sync_status(store)
    assert status.waiting == 0 and status.last_success is not None
    assert started - timedelta(seconds=1) <= status.last_success <= datetime.now(UTC), \
        "a sync by hand is the last successful sync"
    assert dashboard(store, TODAY + timedelta(days=40)).cards[0].role == "current", \
        "a month after its deadline the received report leaves the home screen"


def test_the_enrollment_names_the_agency_and_the_province_key(enrolled: tuple[Store, DemoProvince]) -> None:
    store, province = enrolled
    shown = enrollment(store)
    assert shown is not None
    assert shown.agency_name and shown.agency_code
    # One format everywhere: what `baocao-server fingerprints` (and `baocao enroll`) print, «3F2A-91C0-77DE-0B14».
    lines = province._admin("fingerprints").splitlines()
    assert list(shown.province_fingerprints) == [line.split()[-1] for line in lines if line.strip()]
