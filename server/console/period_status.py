"""The period dashboard (DHIS2's reporting-rate report): every agency's state for one period, and the rates.

States: ``on_time`` / ``late`` — an accepted report, on time when its first revision reached the
province before the deadline its app applies (``server.schedule.province_schedule``: the earliest among the
published plans' deadlines the Sở set; the province's clock decides);
``rejected`` — no accepted report but a refused bundle for this period since its data window began (the
period is read from the receipt the province signed: a refused resend of another period says nothing of this one);
``pending`` — no accepted report but an upload under way; ``missing`` — nothing. "Last seen" is the
latest upload activity or receipt of the agency's devices. "Đã ký số" is what the signed PDFs that followed
the latest revision say (``summary_data.signed_state``).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from desktop.domain.periods import Period, Schedule, timeliness, vietnam_time
from server.console.period_choice import OpenPeriod, period_to_open
from server.db import Database
from server.models import Agency, Device, ReceiptRecord, SignedDocument, StoredBundle, Upload
from server.schedule import province_schedule
from server.summary_data import signed_state

STATES = ("missing", "on_time", "late", "rejected", "pending")
REPORTED = ("on_time", "late")


@dataclass(frozen=True)
class AgencyRow:
    """One agency on the dashboard."""

    code: str
    name: str
    kind: str
    state: str
    revision: int | None
    received_at: datetime | None
    last_seen: datetime | None
    devices: int
    signed: str = ""

    @property
    def not_installed(self) -> bool:
        """Nothing arrived, no device of the agency is enrolled and none was ever heard from: «chưa cài đặt», not
        merely «chưa gửi»."""
        return self.state == "missing" and self.devices == 0 and self.last_seen is None


@dataclass(frozen=True)
class PeriodStatus:
    """Every agency's row for a period, with the counts behind the rates."""

    period: Period
    deadline: date
    rows: list[AgencyRow]
    counts: dict[str, int]

    @property
    def expected(self) -> int:
        """Agencies expected to report."""
        return len(self.rows)

    @property
    def reporting_rate(self) -> float:
        """Reports received (on time or late) per expected report, in percent."""
        return _rate(self.counts["on_time"] + self.counts["late"], self.expected)

    @property
    def on_time_rate(self) -> float:
        """Reports received on time per expected report, in percent."""
        return _rate(self.counts["on_time"], self.expected)


def _rate(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def opening_period(db: Database | None = None, now: datetime | None = None) -> OpenPeriod:
    """The period the console opens on (``period_choice.period_to_open``) by the deadlines the Sở set in ``db``
    (else the plan's default)."""
    return period_to_open(now or datetime.now(UTC), province_schedule(db) if db is not None else Schedule())


def default_period(db: Database | None = None, now: datetime | None = None) -> Period:
    """The period the console opens on: the one being consolidated, else the one due next."""
    return opening_period(db, now).period


def period_status(db: Database, period: Period, *, schedule: Schedule | None = None) -> PeriodStatus:
    """Every agency's state for ``period``, in one read transaction of six grouped queries.

    On time or late by ``schedule``, by default the deadlines the Sở published (``province_schedule``).
    """
    schedule = schedule or province_schedule(db)
    window_start = int(vietnam_time(period.data_window.start).timestamp())
    with db.reading() as connection:
        agencies = connection.execute(select(Agency.id, Agency.code, Agency.name, Agency.kind)
                                      .order_by(Agency.code)).all()
        reports = {row.agency_id: row for row in connection.execute(
            select(StoredBundle.agency_id, func.max(StoredBundle.revision).label("revision"),
                   func.min(StoredBundle.received_at).label("first"))
            .where(StoredBundle.period == period.code).group_by(StoredBundle.agency_id))}
        rejected = {agency for agency, envelope in connection.execute(
            select(ReceiptRecord.agency_code, ReceiptRecord.envelope).where(ReceiptRecord.status == "rejected",
                                                                            ReceiptRecord.created_at >= window_start))
                    if _receipt_period(envelope) == period.code}
        receipts_seen = dict(connection.execute(
            select(ReceiptRecord.agency_code, func.max(ReceiptRecord.created_at))
            .group_by(ReceiptRecord.agency_code)).all())
        uploads = {row.agency_id: row for row in connection.execute(
            select(Upload.agency_id, func.max(Upload.updated_at).label("seen"),
                   func.sum(func.coalesce(Upload.finished_at, 0) == 0).label("open"))
            .where(Upload.updated_at >= window_start).group_by(Upload.agency_id))}
        devices = dict(connection.execute(select(Device.agency_id, func.count(Device.id))
                                          .where(Device.revoked_at.is_(None)).group_by(Device.agency_id)).all())
        documents: dict[tuple[int, int], list[tuple[str, bool]]] = {}
        for doc in connection.execute(select(SignedDocument.agency_id, SignedDocument.revision, SignedDocument.verdict,
                                             SignedDocument.complete).where(SignedDocument.period == period.code)
                                      .order_by(SignedDocument.received_at, SignedDocument.id)):
            documents.setdefault((doc.agency_id, doc.revision), []).append((doc.verdict, bool(doc.complete)))
    counts = dict.fromkeys(STATES, 0)
    rows = []
    for agency in agencies:
        report, upload = reports.get(agency.id), uploads.get(agency.id)
        received = _moment(report.first) if report is not None else None
        if received is not None:
            state: str = timeliness(period, received, schedule)
        elif upload is not None and upload.open:
            state = "pending"
        elif agency.code in rejected:
            state = "rejected"
        else:
            state = "missing"
        counts[state] += 1
        seen = max(receipts_seen.get(agency.code) or 0, upload.seen if upload is not None else 0)
        rows.append(AgencyRow(agency.code, agency.name, agency.kind, state,
                              report.revision if report is not None else None, received,
                              _moment(seen) if seen else None, int(devices.get(agency.id, 0)),
                              signed_state(documents.get((agency.id, report.revision), ())) if report is not None
                              else ""))
    return PeriodStatus(period, schedule.deadline(period), rows, counts)


def _receipt_period(envelope: bytes) -> str | None:
    """The period a stored receipt names; the province signed it, so its payload is read without re-verifying."""
    return json.loads(base64.b64decode(json.loads(envelope)["payload"])).get("period")


def _moment(seconds: int) -> datetime:
    return vietnam_time(datetime.fromtimestamp(seconds, UTC))
