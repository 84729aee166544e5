"""A new PC enrolls and restores an agency's history from a real province server process on loopback.

The old PC's history is five years of quarterly reports (20 bundles, each a commune's report of 60 tasks
and 12 indicators) accepted by the province; the new PC is a real SQLCipher store that enrolls with a
one-time code, then downloads and verifies every bundle (envelope, hashes, the device key the province
publishes, the receipt) and rebuilds each revision. Both modes restore the issue's 20 quarters: in short mode
(CI) too, since four quarters measured one year, not five, and the twenty cost about a second more. The new PC
holds the plan the reports answer (as it would after its first sync), so every answer is copied into the
rebuilt revision: the figure is download + verification + the whole rebuild.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.periods import Period
from desktop.domain.report_snapshot import PeriodInfo
from desktop.models.plan import Indicator, Plan, Task, TaskAgency
from desktop.models.report import IndicatorValue, TaskProgress
from desktop.models.store import Store
from desktop.services import accounts
from desktop.services.sync import enroll, receipt_history, restore_from_province
from desktop.sync.bundle import make_bundle, report_json
from desktop.sync.sync_run import RECEIPTED, run_sync
from server.db import Database
from server.enrollment import issue_code
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.e2e.file_outbox import FileOutbox
from tests.e2e.province_server import Device, Province
from tests.sync.report_factory import AGENCY, make_snapshot

AGENCY_CODE = "XA-BENCH-HISTORY"
QUARTERS = 20  # five years
TASKS, INDICATORS = 60, 12


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Province]:
    server = Province.create(tmp_path_factory.mktemp("bench-restore"))
    yield server
    server.stop()


def _second_code(province: Province) -> str:
    """Another one-time code for the agency already registered (the province's letter for the new PC)."""
    db = Database(f"sqlite:///{province.data_dir / 'server.sqlite3'}")
    try:
        return issue_code(db, AGENCY_CODE)
    finally:
        db.dispose()


def _add_the_reports_plan(store: Store) -> None:
    """The plan the history's reports answer, led by the communes, as the province's package brings it."""
    snapshot = make_snapshot(TASKS, INDICATORS)
    with store.session() as session:
        plan = Plan(code=snapshot.tasks[0].plan, title="Kế hoạch phát triển Chính phủ số")
        session.add(plan)
        session.flush()
        for n, entry in enumerate(snapshot.tasks):
            task = Task(plan_id=plan.id, key=entry.key, title=entry.title, lead_text="UBND các xã, phường",
                        position=n)
            task.agencies = [TaskAgency(role="lead", agency_name="UBND các xã, phường")]
            session.add(task)
        session.add_all(Indicator(plan_id=plan.id, key=value.key, name=value.name, unit=value.unit, position=n)
                        for n, value in enumerate(snapshot.indicators))


def _copied(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count(TaskProgress.id))) or 0) \
            + int(session.scalar(select(func.count(IndicatorValue.id))) or 0)


def _quarter_bundle(device: Device, period: Period) -> tuple[str, bytes]:
    window = period.data_window
    info = PeriodInfo(code=period.code, label=period.label("vi"), data_start=window.start.isoformat(),
                      data_end=window.end.isoformat(), deadline=window.end.isoformat(),
                      figures="+".join(period.figures))
    snapshot = make_snapshot(TASKS, INDICATORS, agency=replace(AGENCY, code=device.agency), period=info)
    device.sequence += 1
    bundle_id = f"{device.agency}-{period.code}-r1"
    data = make_bundle(report_json(snapshot), agency_code=device.agency, period=period.code, revision=1,
                       supersedes=None, sequence=device.sequence, previous_hash=device.last_hash,
                       created_at=datetime(2026, 11, 28, 8, 30, tzinfo=UTC), bundle_id=bundle_id,
                       recipient_key_id=device.province.recipient()[0], signing_key=device.key)
    device.last_hash = hashlib.sha256(data).hexdigest()
    return bundle_id, data


def test_bench_enroll_and_restore_five_years(benchmark, province: Province, tmp_path: Path) -> None:
    quarters = QUARTERS
    old = province.enroll(AGENCY_CODE)
    outbox = FileOutbox(tmp_path / "old-outbox")
    periods = [Period(2022, 1)]
    while len(periods) < quarters:
        periods.append(periods[-1].next())
    sizes = []
    for period in periods:
        bundle_id, data = _quarter_bundle(old, period)
        outbox.add(bundle_id, data)
        sizes.append(len(data))
    with old.client() as client:
        assert len(run_sync(client, outbox).with_outcome(RECEIPTED)) == quarters

    new = accounts.create_store(tmp_path / "new-pc", "admin", PASSPHRASE, FAST_KDF).store
    _add_the_reports_plan(new)
    try:
        def enroll_and_restore() -> tuple[float, float]:
            started = time.monotonic()
            enroll(new, province.url, _second_code(province), "Máy mới")
            enrolled = time.monotonic()
            outcome = restore_from_province(new)
            assert len(outcome.restored) == quarters and outcome.unmatched_rows == 0, outcome
            return enrolled - started, time.monotonic() - enrolled

        enroll_seconds, restore_seconds = benchmark.pedantic(enroll_and_restore, rounds=1, iterations=1)
        assert sorted(r.period_code for r in receipt_history(new)) == [p.code for p in periods]
        assert _copied(new) == quarters * (TASKS + INDICATORS), "every answer of every quarter is rebuilt"
        figures = {"quarters": quarters, "history_bytes": sum(sizes), "enroll_seconds": round(enroll_seconds, 2),
                   "restore_seconds": round(restore_seconds, 2),
                   "per_quarter_ms": round(1000 * restore_seconds / quarters)}
        benchmark.extra_info.update(figures)
        print(f"\nenroll and restore: {figures}")
    finally:
        new.close()
