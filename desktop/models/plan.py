"""What the province assigns: agencies, plans, their sections, tasks and indicators with targets."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Audited, Base, utcnow


class Agency(Audited, Base):
    """An agency that reports or is named in a plan (a commune, a sở, the province office)."""

    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(32), default="commune")
    parent_name: Mapped[str] = mapped_column(String(300), default="")
    place: Mapped[str] = mapped_column(String(120), default="")
    symbol: Mapped[str] = mapped_column(String(32), default="UBND")
    signer_title: Mapped[str] = mapped_column(String(120), default="CHỦ TỊCH")
    signer_name: Mapped[str] = mapped_column(String(120), default="")


class Plan(Audited, Base):
    """A provincial plan (kế hoạch, quyết định) whose appendices assign tasks and indicators."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    issuer: Mapped[str] = mapped_column(String(300), default="")
    issued_on: Mapped[date | None] = mapped_column(default=None)
    source_name: Mapped[str] = mapped_column(String(300), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)

    sections: Mapped[list[Section]] = relationship(
        back_populates="plan", order_by="Section.position", cascade="all, delete-orphan"
    )
    tasks: Mapped[list[Task]] = relationship(
        back_populates="plan", order_by="Task.position", cascade="all, delete-orphan"
    )
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="plan", order_by="Indicator.position", cascade="all, delete-orphan"
    )


class Section(Audited, Base):
    """A roman-numeral section of a plan's task appendix (I, II, …)."""

    __tablename__ = "section"
    __table_args__ = (UniqueConstraint("plan_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[Plan] = relationship(back_populates="sections")


class Task(Audited, Base):
    """A task (nhiệm vụ) of a plan, keyed "II.3" within it; retired, never deleted, when a plan drops it."""

    __tablename__ = "task"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id"), default=None)
    key: Mapped[str] = mapped_column(String(32))
    stt: Mapped[str] = mapped_column(String(16), default="")
    title: Mapped[str] = mapped_column(Text)
    expected_result: Mapped[str | None] = mapped_column(Text, default=None)
    lead_text: Mapped[str] = mapped_column(Text, default="")
    coordinator_text: Mapped[str] = mapped_column(Text, default="")
    deadline_text: Mapped[str] = mapped_column(Text, default="")
    deadline_kind: Mapped[str] = mapped_column(String(16), default="conditional")
    deadline_due: Mapped[date | None] = mapped_column(default=None)
    deadline_note: Mapped[str | None] = mapped_column(Text, default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[Plan] = relationship(back_populates="tasks")
    section: Mapped[Section | None] = relationship()
    agencies: Mapped[list[TaskAgency]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="TaskAgency.position"
    )


class TaskAgency(Base):
    """An agency or group named as lead (chủ trì) or coordinator (phối hợp) of a task."""

    __tablename__ = "task_agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    agency_name: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)

    task: Mapped[Task] = relationship(back_populates="agencies")


class Indicator(Audited, Base):
    """An indicator (chỉ tiêu) of a plan with its unit, monitoring agency and targets per phase."""

    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(32))
    group: Mapped[str] = mapped_column(Text, default="")
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(64), default="")
    monitoring_agency: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[Plan] = relationship(back_populates="indicators")
    targets: Mapped[list[IndicatorTarget]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", order_by="IndicatorTarget.phase"
    )


class IndicatorTarget(Base):
    """The target of an indicator for one phase ("2026-2027": "100%")."""

    __tablename__ = "indicator_target"
    __table_args__ = (UniqueConstraint("indicator_id", "phase"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    phase: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="none")
    value: Mapped[float | None] = mapped_column(Float, default=None)

    indicator: Mapped[Indicator] = relationship(back_populates="targets")
