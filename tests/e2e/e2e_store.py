"""The store the X end-to-end test works on: the demo commune with every item of the current quarter
answered through the services except three, which the test fills through the window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.services import reports
from desktop.services.demo import setup_demo
from desktop.services.report_items import IndicatorItem, TaskItem
from desktop.sync.device_keys import ProvincePublicKeys
from tests.conftest import FAST_KDF


@dataclass(frozen=True)
class LeftToFill:
    """The period and the three items the window must fill, in the order the editor lists them."""

    period: str
    first_task: TaskItem
    second_task: TaskItem
    indicator: IndicatorItem


def prepare_store(data_dir: Path, passphrase: str, province: ProvincePublicKeys) -> LeftToFill:
    """Make the demo store, answer the current quarter but for two tasks and one ratio indicator."""
    made = setup_demo(data_dir, passphrase, kdf=FAST_KDF, province=province)
    try:
        view = reports.open_report(made.store, None)
        blank_tasks = [t for t in view.tasks if t.status is None]
        ratios = [i for i in view.indicators if "%" in i.unit and i.numerator is None and i.value is None
                  and not i.not_applicable_reason]
        left = LeftToFill(view.period.code, blank_tasks[0], blank_tasks[1], ratios[0])
        kept = {left.first_task.ref, left.second_task.ref, left.indicator.ref}
        reports.apply_values(
            made.store, view.period.code,
            tasks={t.ref: {"status": "in_progress", "percent": 50, "result": "Đang triển khai theo kế hoạch."}
                   for t in blank_tasks if t.ref not in kept},
            indicators={i.ref: {"not_applicable_reason": "Xã không có số liệu riêng."}
                        for i in view.indicators if i.ref not in kept and i.numerator is None and i.value is None
                        and not i.not_applicable_reason})
        return left
    finally:
        made.store.close()
