"""Unlock time with the production Argon2id cost, and opening a store holding years of reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models.keyslots import KdfParams
from desktop.models.plan import Agency, Indicator, Plan, Task
from desktop.models.report import IndicatorValue, Period, Report, TaskProgress
from desktop.models.store import Store
from tests.bench.conftest import scale
from tests.conftest import FAST_KDF, PASSPHRASE


def test_unlock_time_production_kdf(benchmark: pytest.FixtureRequest, tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    Store.create(data_dir, "admin", PASSPHRASE, KdfParams())[0].close()
    benchmark.pedantic(lambda: Store.open(data_dir, "admin", PASSPHRASE).close(), rounds=3, iterations=1)


def _fill_years(store: Store, years: int, tasks: int = 300, indicators: int = 50) -> None:
    with store.session() as s:
        agency = Agency(code="xa-my-hiep", name="UBND xã Mỹ Hiệp", parent_name="UBND tỉnh Đồng Tháp", place="Mỹ Hiệp")
        plan = Plan(code="3256/QĐ-UBND", title="Kế hoạch chuyển đổi số giai đoạn 2026-2030")
        s.add_all([agency, plan])
        s.flush()
        s.add_all(Task(plan_id=plan.id, key=f"I.{i}", title=f"Nhiệm vụ chuyển đổi số số {i}") for i in range(tasks))
        s.add_all(Indicator(plan_id=plan.id, key=f"CT{i}", name=f"Chỉ tiêu {i}", unit="%") for i in range(indicators))
    for year in range(2026, 2026 + years):
        for quarter in range(1, 5):
            with store.session() as s:
                code = f"{year}Q{quarter}"
                s.add(Period(code=code, year=year, quarter=quarter, deadline=date(year, 12, 1),
                             data_start=date(year - 1, 12, 15), data_end=date(year, 12, 14)))
                report = Report(agency_id=1, period_code=code, revision=1, status="signed")
                s.add(report)
                s.flush()
                s.add_all(TaskProgress(report_id=report.id, task_id=t + 1, status="in_progress", percent=50.0,
                                       result="Đã triển khai theo kế hoạch, đạt kết quả bước đầu")
                          for t in range(tasks))
                s.add_all(IndicatorValue(report_id=report.id, indicator_id=i + 1, numerator=45, denominator=50,
                                         note="Số liệu đến ngày 14 tháng cuối quý") for i in range(indicators))


def test_open_store_with_years_of_reports(benchmark: pytest.FixtureRequest, tmp_path: Path) -> None:
    years = scale(1, 5)
    data_dir = tmp_path / "d"
    store, _ = Store.create(data_dir, "admin", PASSPHRASE, FAST_KDF)
    _fill_years(store, years)
    store.close()
    size_mb = sum(p.stat().st_size for p in data_dir.iterdir()) / 1024**2

    def open_and_read_latest() -> int:
        opened = Store.open(data_dir, "admin", PASSPHRASE)
        with opened.session() as s:
            latest = s.scalar(select(func.max(Report.id)))
            count = s.scalar(select(func.count()).select_from(TaskProgress).where(TaskProgress.report_id == latest))
        opened.close()
        return int(count or 0)

    assert benchmark.pedantic(open_and_read_latest, rounds=3, iterations=1) == 300
    benchmark.extra_info.update({"years": years, "store_mb": round(size_mb, 2)})
    print(f"\nstore with {years} year(s) of quarterly reports: {size_mb:.2f} MB on disk")
