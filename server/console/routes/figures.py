"""Chỉ tiêu (each indicator across agencies, table and chart) and Nhiệm vụ (each task's leads and notes)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from server.console.chart import indicator_svg
from server.console.period_figures import indicators_across, tasks_across
from server.console.routes.period import chosen_period, nearby_periods
from server.console.state import console_state
from server.console.web import PREFIX, Caller, ctx, language, number_text, page, role

router = APIRouter(prefix=PREFIX, include_in_schema=False)


@router.get("/indicators")
def indicators(request: Request, who: Annotated[Caller, Depends(role("viewer"))],
               period: Annotated[str | None, Query(max_length=40)] = None,
               key: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    """Every indicator's province figures; with ``key``, that indicator agency by agency with its chart."""
    chosen = chosen_period(period, ctx(request).db)
    found = indicators_across(ctx(request).db, chosen)
    selected = next((i for i in found if i.key == key), found[0] if found else None)
    lang = language(request)
    chart = Markup(indicator_svg(selected, lambda v: number_text(v, lang))) if selected is not None else Markup("")
    return page(request, who, "indicators.html", period=chosen, indicators=found, selected=selected, chart=chart,
                periods=nearby_periods(chosen), picker_path="/indicators")


@router.get("/tasks")
def tasks(request: Request, who: Annotated[Caller, Depends(role("viewer"))],
          period: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """Each task: the leads' status and percent, the coordinators' notes."""
    chosen = chosen_period(period, ctx(request).db)
    found = tasks_across(ctx(request).db, console_state(request).reader, chosen)
    return page(request, who, "tasks.html", period=chosen, tasks=found, periods=nearby_periods(chosen),
                picker_path="/tasks")
