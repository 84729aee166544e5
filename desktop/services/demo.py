"""A living demo: a commune of Đồng Tháp with the seeds' plans, last quarter signed, this one half done.

``setup_demo`` is what ``baocao demo`` runs: a newcomer sees deadlines, filled and empty rows, a
validation warning and a signed revision in the history, not an empty screen.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.documents.sample_plans import write_sample_plans
from desktop.domain.periods import Period
from desktop.domain.vietnam_clock import vietnam_today
from desktop.models.keyslots import KdfParams
from desktop.models.store import Store
from desktop.services import accounts, periods
from desktop.services.identity import pin_province, province_keys
from desktop.services.installation import AgencyProfile, configure_agency, installation_agency
from desktop.services.plans import import_plan
from desktop.services.report_items import editor_context
from desktop.services.reports import latest_report, open_report, update_indicator, update_narrative, update_task
from desktop.services.signing import approve_and_sign
from desktop.sync.device_keys import ProvinceKeys, ProvincePublicKeys

DEMO_PROVINCE = "Đồng Tháp"
DEMO_AGENCY = AgencyProfile(
    code="DT-MYHIEP", name="Ủy ban nhân dân xã Mỹ Hiệp", kind="commune", parent_name="UBND TỈNH ĐỒNG THÁP",
    place="Mỹ Hiệp", symbol="UBND", signer_title="CHỦ TỊCH", signer_name="Nguyễn Văn Bình")
_STATUSES = ("done", "in_progress", "in_progress", "not_started", "done_late")
_RESULTS = {
    "done": "Đã hoàn thành; văn bản triển khai đã ban hành và gửi các ấp.",
    "done_late": "Hoàn thành chậm do chờ hướng dẫn của tỉnh.",
    "in_progress": "Đang triển khai; đã giao cán bộ phụ trách và lập kế hoạch chi tiết.",
    "not_started": "Chưa triển khai.",
}


@dataclass(frozen=True)
class DemoSetup:
    """What ``setup_demo`` made: the store (open), and the recovery key when the store is new."""

    store: Store
    recovery_key: str | None
    period_code: str


def setup_demo(data_dir: Path, passphrase: str, *, user: str = "admin", today: date | None = None,
               kdf: KdfParams | None = None, province: ProvincePublicKeys | None = None,
               enroll: Callable[[Store], object] | None = None,
               progress: Callable[[str], None] = lambda step: None) -> DemoSetup:
    """Create (or reopen) the demo store in ``data_dir`` and fill it; idempotent.

    ``enroll`` enrolls the store with a (local) province server; without it the province's keys are
    ``province`` or a throw-away set, so that signing works offline. ``progress`` is told each step as it
    starts: "open" or "create", "plans", "enroll", "previous" (sign last quarter's report), "current".
    """
    today = today or vietnam_today()
    progress("open" if accounts.store_exists(data_dir) else "create")
    if accounts.store_exists(data_dir):
        store, recovery = accounts.unlock(data_dir, user, passphrase), None
    else:
        created = accounts.create_store(data_dir, user, passphrase, kdf)
        store, recovery = created.store, created.recovery_key
    configure_agency(store, DEMO_AGENCY)
    progress("plans")
    with tempfile.TemporaryDirectory(prefix="baocao-demo-") as folder:
        for path in write_sample_plans(Path(folder), province=DEMO_PROVINCE):
            import_plan(store, path)
    with store.session() as session:
        enrolled = province_keys(session) is not None
    if enroll is not None and not enrolled:
        progress("enroll")
        enroll(store)
    elif not enrolled:
        with store.session() as session:
            pin_province(session, province or ProvinceKeys.generate().public())
    current = periods.current_period_code(today)
    previous = Period.parse(current).previous().code
    progress("previous")
    _fill(store, previous, share=1.0, signed=True, today=today)
    progress("current")
    _fill(store, current, share=0.4, signed=False, today=today)
    return DemoSetup(store, recovery, current)


def _reuse_finished(store: Store, period_code: str) -> set[str]:
    """Press «Dùng lại câu trả lời quý trước» on the tasks finished last quarter, as the demo's officer
    would (nothing is copied into a new quarter unasked); their refs."""
    with store.session() as session:
        previous = editor_context(session, installation_agency(session), period_code).previous
    finished = {ref: values for ref, values in previous.items() if values.get("status") in ("done", "done_late")}
    for ref, values in finished.items():
        update_task(store, period_code, ref, **values)
    return set(finished)


def _fill(store: Store, period_code: str, *, share: float, signed: bool, today: date) -> None:
    with store.session() as session:
        existing = latest_report(session, installation_agency(session), period_code)
        if existing is not None and (existing.status == "signed" or not signed):
            return
    view = open_report(store, period_code, today)
    finished = _reuse_finished(store, period_code)
    for n, task in enumerate(view.tasks[: max(1, int(len(view.tasks) * share))]):
        if task.ref in finished:
            continue
        status = "done" if signed and n % 3 == 0 else _STATUSES[n % len(_STATUSES)]
        percent = {"done": 100, "done_late": 100, "not_started": 0}.get(status, 30 + 10 * (n % 6))
        update_task(store, period_code, task.ref, status=status, percent=percent, result=_RESULTS[status],
                    difficulties="Thiếu kinh phí và nhân lực chuyên trách." if status == "in_progress" else None)
    for n, indicator in enumerate(view.indicators[: max(1, int(len(view.indicators) * share))]):
        if n % 4 == 3:
            update_indicator(store, period_code, indicator.ref,
                             not_applicable_reason="Chỉ tiêu cấp tỉnh, xã không có số liệu riêng.")
        elif "%" in indicator.unit:
            update_indicator(store, period_code, indicator.ref, numerator=35 + n % 15, denominator=50,
                             note="Số liệu từ Cổng dịch vụ công.")
        else:
            update_indicator(store, period_code, indicator.ref, value=3 + n % 3, level=None)
    update_narrative(store, period_code,
                     summary="UBND xã đã quán triệt và triển khai các nhiệm vụ chuyển đổi số theo kế hoạch của tỉnh.",
                     difficulties="Hạ tầng mạng ở các ấp xa còn yếu; cán bộ kiêm nhiệm nhiều việc.",
                     proposals="Đề nghị Sở hỗ trợ tập huấn kỹ năng số cho cán bộ xã.")
    if signed:
        # Signed on time, as a commune that reported last quarter did: its card then reads "đã ký đúng hạn",
        # not late (the current period only begins on the previous one's deadline day, so "today" is late).
        with store.session() as session:
            last_day = periods.period_view(session, period_code, today).last_day
        approve_and_sign(store, period_code, min(today, last_day))
