"""What the agency reports: periods, report revisions, task progress and indicator values."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Audited, Base, utcnow


class Period(Base):
    """A reporting period ("2026Q4") with its deadline and data window as the schedule set them."""

    __tablename__ = "period"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    deadline: Mapped[date]
    data_start: Mapped[date]
    data_end: Mapped[date]


class Report(Audited, Base):
    """One revision of an agency's report for a period.

    A signed revision is frozen; a change makes a new row with ``revision + 1`` that points at the
    one it supersedes and records why. Rows are never overwritten once signed.
    """

    __tablename__ = "report"
    __table_args__ = (UniqueConstraint("agency_id", "period_code", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    period_code: Mapped[str] = mapped_column(ForeignKey("period.code"), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"), default=None)
    revision_reason: Mapped[str | None] = mapped_column(Text, default=None)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    document_number: Mapped[int | None] = mapped_column(Integer, default=None)
    document_date: Mapped[date | None] = mapped_column(default=None)
    summary: Mapped[str] = mapped_column(Text, default="")
    difficulties: Mapped[str] = mapped_column(Text, default="")
    proposals: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(120), default="")
    approved_at: Mapped[datetime | None] = mapped_column(default=None)
    approved_by: Mapped[str | None] = mapped_column(String(120), default=None)
    signed_at: Mapped[datetime | None] = mapped_column(default=None)
    signed_by: Mapped[str | None] = mapped_column(String(120), default=None)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
    acknowledged_at: Mapped[datetime | None] = mapped_column(default=None)
    bundle_sha256: Mapped[str | None] = mapped_column(String(64), default=None)

    progress: Mapped[list[TaskProgress]] = relationship(back_populates="report", cascade="all, delete-orphan")
    values: Mapped[list[IndicatorValue]] = relationship(back_populates="report", cascade="all, delete-orphan")


class TaskProgress(Audited, Base):
    """What the agency says of one task in one report revision."""

    __tablename__ = "task_progress"
    __table_args__ = (UniqueConstraint("report_id", "task_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="lead")
    status: Mapped[str | None] = mapped_column(String(16), default=None)
    percent: Mapped[float | None] = mapped_column(Float, default=None)
    result: Mapped[str | None] = mapped_column(Text, default=None)
    difficulties: Mapped[str | None] = mapped_column(Text, default=None)
    proposals: Mapped[str | None] = mapped_column(Text, default=None)
    not_applicable_reason: Mapped[str | None] = mapped_column(Text, default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    report: Mapped[Report] = relationship(back_populates="progress")


class IndicatorValue(Audited, Base):
    """The value one report revision gives for one indicator (ratio parts, a count or a level)."""

    __tablename__ = "indicator_value"
    __table_args__ = (UniqueConstraint("report_id", "indicator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="lead")
    numerator: Mapped[float | None] = mapped_column(Float, default=None)
    denominator: Mapped[float | None] = mapped_column(Float, default=None)
    value: Mapped[float | None] = mapped_column(Float, default=None)
    level: Mapped[str | None] = mapped_column(String(64), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    not_applicable_reason: Mapped[str | None] = mapped_column(Text, default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    report: Mapped[Report] = relationship(back_populates="values")
