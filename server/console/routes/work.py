"""Lịch báo cáo, Nhập từ USB, Tổng hợp and the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from desktop.sync.receipt import verify_receipt
from server.cli import import_file
from server.console import audit
from server.console.consolidated import consolidate, readiness
from server.console.consolidated_docx import write_consolidated_docx
from server.console.consolidated_pdf import write_consolidated_pdf
from server.console.routes.period import chosen_period, nearby_periods
from server.console.routes.reports import _download, _temp_file
from server.console.schedule_labels import period_text
from server.console.state import console_state
from server.console.stored_reports import receipt
from server.console.uploads import discard, save_upload
from server.console.web import PREFIX, Caller, checked_form, ctx, language, page, redirect, role, text_field
from server.console.words import audit_line
from server.schedule import clear_deadline, list_entries, province_schedule, set_deadline
from server.summary import write_summary

router = APIRouter(prefix=PREFIX, include_in_schema=False)
Checked = tuple[Caller, FormData]
USB_SUFFIXES = (".bcx", ".bcb")


@router.get("/schedule")
def schedule(request: Request, who: Annotated[Caller, Depends(role("viewer"))],
             period: Annotated[str | None, Query(max_length=40)] = None, saved: str = "") -> Response:
    """The deadline in force for each period and the deadlines the Sở set (published in the assignment package)."""
    chosen = chosen_period(period, ctx(request).db)
    year = [chosen.previous(), chosen, chosen.next(), chosen.next().next()]
    in_force = province_schedule(ctx(request).db)
    rows = [(p, p.data_window, in_force.deadline(p)) for p in year]
    early = any(deadline <= window.end for _period, window, deadline in rows)
    lang = language(request)
    choices = [(p.code, period_text(p.code, lang)) for p in year]
    choices += [(f"Q{q}", period_text(f"Q{q}", lang)) for q in range(1, 5)]
    entries = [(e, period_text(e.period, lang)) for e in list_entries(ctx(request).db)]
    return page(request, who, "schedule.html", rows=rows, entries=entries, saved=saved[:10], early=early,
                choices=choices, chosen=chosen)


@router.post("/schedule")
def schedule_set(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Set one deadline (``baocao-server schedule set``; the service audits it)."""
    who, form = checked
    set_deadline(ctx(request).db, text_field(form, "period"), text_field(form, "deadline"),
                 plan_code=text_field(form, "plan"), actor=who.name)
    return redirect("/schedule?saved=1")


@router.post("/schedule/clear")
def schedule_clear(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Remove one deadline the Sở set (``baocao-server schedule clear``): the plan's default applies again."""
    who, form = checked
    clear_deadline(ctx(request).db, text_field(form, "period"), plan_code=text_field(form, "plan"), actor=who.name)
    return redirect("/schedule?saved=cleared")


@router.get("/usb")
def usb(request: Request, who: Annotated[Caller, Depends(role("viewer"))]) -> Response:
    """The upload form for an encrypted export."""
    return page(request, who, "usb.html", result=None)


@router.post("/usb")
def usb_import(request: Request, checked: Annotated[Checked, Depends(checked_form("officer"))]) -> Response:
    """Take an encrypted export through the same intake as ``baocao-server import``; show its receipt."""
    who, form = checked
    server = ctx(request)
    path = save_upload(form.get("file"), server.settings.uploads_dir, USB_SUFFIXES,
                       server.settings.max_bundle_bytes + 64 * 1024)
    try:
        result = import_file(server.settings, server.keys, path)
    finally:
        discard(path)
    receipt = verify_receipt(result.receipt, server.keys.public().signing)
    audit.record(server.db, who.name, "usb_import", f"{receipt.agency or '?'} {result.status}")
    return page(request, who, "usb.html", result=result, receipt=receipt)


@router.get("/usb/receipt/{sha256}")
def usb_receipt(request: Request, _who: Annotated[Caller, Depends(role("officer"))], sha256: str) -> Response:
    """The receipt of an imported file, whatever its status."""
    return Response(receipt(ctx(request).db, sha256[:64]), media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{sha256[:16]}.bcr"'})


@router.get("/summary")
def summary(request: Request, who: Annotated[Caller, Depends(role("viewer"))],
            period: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """The downloads of the period's consolidation."""
    chosen = chosen_period(period, ctx(request).db)
    return page(request, who, "summary.html", period=chosen, periods=nearby_periods(chosen), picker_path="/summary",
                ready=readiness(ctx(request).db, chosen))


@router.get("/summary/workbook")
def summary_workbook(request: Request, _who: Annotated[Caller, Depends(role("viewer"))],
                     period: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """The summary workbook (``baocao-server summary``)."""
    chosen = chosen_period(period, ctx(request).db)
    path = _temp_file(request, ".xlsx")
    write_summary(ctx(request).db, chosen.code, path)
    return _download(path, f"tong-hop-{chosen.code}.xlsx",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@router.post("/summary/report")
def summary_report(request: Request, checked: Annotated[Checked, Depends(checked_form("officer"))]) -> Response:
    """The Sở's consolidated report, as PDF or .docx."""
    who, form = checked
    chosen = chosen_period(text_field(form, "period", 40), ctx(request).db)
    docx = text_field(form, "format", 10) == "docx"
    consolidated = consolidate(ctx(request).db, console_state(request).reader, chosen)
    path = _temp_file(request, ".docx" if docx else ".pdf")
    try:
        (write_consolidated_docx if docx else write_consolidated_pdf)(consolidated, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    audit.record(ctx(request).db, who.name, "consolidated_report", f"{chosen.code} {'docx' if docx else 'pdf'}")
    media = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document" if docx
             else "application/pdf")
    return _download(path, f"bao-cao-tong-hop-{chosen.code}.{'docx' if docx else 'pdf'}", media)


@router.get("/audit")
def audit_log(request: Request, who: Annotated[Caller, Depends(role("admin"))]) -> Response:
    """The latest entries of the audit log."""
    lang = language(request)
    entries = [(e.at, audit_line(e.actor, e.action, e.detail, lang)) for e in audit.recent(ctx(request).db)]
    return page(request, who, "audit.html", entries=entries)
