"""A deadline set on the province server reaches the app's period service and dashboard through a sync."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.services import periods
from desktop.services.dashboard import dashboard
from desktop.services.demo import setup_demo
from desktop.services.demo_province import DemoProvince
from desktop.services.sync import enroll, sync_now
from tests.conftest import FAST_KDF, PASSPHRASE, demo_code

TODAY = date(2027, 3, 1)


@pytest.mark.slow(seconds=30)
@pytest.mark.timeout(900)  # a demo store, a server process (first in a worker, the province set-up): minutes if loaded
def test_schedule_set_and_cleared_on_the_server_is_the_apps_deadline_after_a_sync(tmp_path: Path,
                                                                                   demo_province_folder: Path) -> None:
    with DemoProvince(demo_province_folder) as province:
        demo = setup_demo(tmp_path / "data", PASSPHRASE, kdf=FAST_KDF, today=TODAY,
                          enroll=lambda store: enroll(store, province.url, demo_code(province)))
        store = demo.store
        try:
            sync_now(store)
            with store.session() as session:
                assert periods.period_view(session, "2027Q1", TODAY).last_day == date(2027, 2, 19)
            said = province._admin("schedule", "set", "2027Q1", "--deadline", "15/04/2027")
            assert "15/04/2027" in said
            province._admin("schedule", "set", "Q2", "--deadline", "25/05")
            assert sync_now(store).assignments_changed
            with store.session() as session:
                view = periods.period_view(session, "2027Q1", TODAY)
                assert (view.last_day, view.days_left) == (date(2027, 4, 14), 44)
                assert periods.period_view(session, "2027Q2", TODAY).last_day == date(2027, 5, 24)
            card = next(c for c in dashboard(store, TODAY).cards if c.period.code == "2027Q1")
            assert card.period.last_day == date(2027, 4, 14)

            assert "Quý I/2027" in province._admin("schedule", "clear", "2027Q1")
            assert sync_now(store).assignments_changed
            with store.session() as session:
                assert periods.period_view(session, "2027Q1", TODAY).last_day == date(2027, 2, 19), \
                    "a deadline the province removed no longer holds on the PC"
                assert periods.period_view(session, "2027Q2", TODAY).last_day == date(2027, 5, 24)
            province._admin("schedule", "clear", "Q2")  # nothing left: the package says null
            assert sync_now(store).assignments_changed
            with store.session() as session:
                assert periods.period_view(session, "2027Q2", TODAY).last_day != date(2027, 5, 24)
                assert periods.schedule(session) == periods.schedule(None), "the plan's defaults again"
        finally:
            store.close()
