"""The bookkeeping of periodic sync: backoff while nothing moves, at once after a cut in which bytes moved."""

from __future__ import annotations

from desktop.services.sync_schedule import SyncSchedule


def test_a_cut_after_progress_is_tried_again_at_once_and_an_outage_backs_off() -> None:
    schedule = SyncSchedule(interval=900.0)
    schedule.start_clock(0.0)
    schedule.begin()
    schedule.unreachable(100.0, moved=True)
    assert schedule.next_try == 100.0 and schedule.failures == 0 and schedule.due(100.0)
    schedule.begin()
    schedule.unreachable(101.0)
    assert schedule.failures == 1 and 101.0 + 24 <= (schedule.next_try or 0) <= 101.0 + 36
    assert not schedule.due(110.0)
    schedule.begin()
    schedule.unreachable(140.0)
    assert schedule.failures == 2 and (schedule.next_try or 0) >= 140.0 + 48


def test_the_interval_off_means_no_try_at_all() -> None:
    schedule = SyncSchedule(interval=None)
    schedule.start_clock(0.0)
    assert not schedule.due(10_000.0) and not schedule.probe_due(10_000.0)
