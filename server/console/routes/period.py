"""Kỳ báo cáo: the period dashboard and the printable list of agencies to remind."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from desktop.domain.periods import Period, PeriodError
from server.console.period_status import STATES, default_period, opening_period, period_status
from server.console.web import PREFIX, Caller, ConsoleRefusal, ctx, page, role
from server.db import Database
from server.enrollment import agency_phones
from server.summary_data import STATE_WORDS

router = APIRouter(prefix=PREFIX, include_in_schema=False)
STATE_LABELS = STATE_WORDS


def chosen_period(text: str | None, db: Database) -> Period:
    """The period of a ``?period=`` parameter, else the one the Sở is consolidating or the one due next."""
    if not text:
        return default_period(db)
    try:
        return Period.parse(text)
    except PeriodError as exc:
        raise ConsoleRefusal(400, exc.message_vi) from exc


@router.get("/period")
def dashboard(request: Request, who: Annotated[Caller, Depends(role("viewer"))],
              period: Annotated[str | None, Query(max_length=40)] = None,
              state: Annotated[str | None, Query(max_length=20)] = None,
              kind: Annotated[str | None, Query(max_length=20)] = None) -> Response:
    """Every agency with its state; filters by state and kind."""
    status = period_status(ctx(request).db, chosen_period(period, ctx(request).db))
    rows = [r for r in status.rows if (not state or r.state == state) and (not kind or r.kind == kind)]
    return page(request, who, "period.html", ps=status, rows=rows, state=state or "", kind=kind or "",
                states=STATES, labels=STATE_LABELS, periods=nearby_periods(status.period),
                opening=opening_period(ctx(request).db))


@router.get("/period/remind")
def remind(request: Request, who: Annotated[Caller, Depends(role("viewer"))],
           period: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """The printable list of agencies whose report has not arrived (missing, rejected or still uploading)."""
    status = period_status(ctx(request).db, chosen_period(period, ctx(request).db))
    rows = [r for r in status.rows if r.state not in ("on_time", "late")]
    return page(request, who, "remind.html", ps=status, rows=rows, labels=STATE_LABELS,
                phones=agency_phones(ctx(request).db))


def nearby_periods(period: Period) -> list[Period]:
    """The periods a page's selector offers around ``period``: the three before it, it, and the next."""
    earlier = [period]
    for _ in range(3):
        earlier.insert(0, earlier[0].previous())
    return [*earlier, period.next()]
