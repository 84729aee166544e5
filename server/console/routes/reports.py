"""Báo cáo: one agency's report for a period, its revisions and changes, evidence, receipt and PDF."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from desktop.documents.report_pdf import write_report_pdf
from server.console.report_view import dated, indicator_rows
from server.console.revision_changes import changes
from server.console.routes.period import chosen_period
from server.console.state import console_state
from server.console.stored_reports import Revision, attachments, not_found, receipt, revisions
from server.console.web import PREFIX, Caller, ctx, language, page, role

router = APIRouter(prefix=PREFIX, include_in_schema=False)
Revisioned = Annotated[int | None, Query(ge=1, le=100_000)]


def _chosen(request: Request, agency: str, period: str, rev: int | None) -> tuple[list[Revision], Revision]:
    found = revisions(ctx(request).db, agency[:64], chosen_period(period, ctx(request).db))
    if not found:
        raise not_found()
    chosen = next((r for r in found if r.revision == rev), None) if rev is not None else found[-1]
    if chosen is None:
        raise not_found()
    return found, chosen


@router.get("/reports/{agency}/{period}")
def report(request: Request, who: Annotated[Caller, Depends(role("viewer"))], agency: str, period: str,
           rev: Revisioned = None) -> Response:
    """The report as its PDF lays it out, its revisions, and what changed from the one before."""
    found, chosen = _chosen(request, agency, period, rev)
    reader = console_state(request).reader
    snapshot = reader.snapshot(chosen.sha256)
    index = found.index(chosen)
    previous = reader.snapshot(found[index - 1].sha256) if index > 0 else None
    diff = changes(previous, snapshot, language(request)) if previous is not None else None
    return page(request, who, "report.html", agency=agency, period_code=period, revisions=found, chosen=chosen,
                report=snapshot, evidence=attachments(snapshot), changes=diff, dated=dated(snapshot),
                indicator_rows=indicator_rows(snapshot))


@router.get("/reports/{agency}/{period}/pdf")
def report_pdf(request: Request, _who: Annotated[Caller, Depends(role("viewer"))], agency: str, period: str,
               rev: Revisioned = None) -> Response:
    """The report's PDF, written by the app's own document code from the stored snapshot."""
    _found, chosen = _chosen(request, agency, period, rev)
    snapshot = console_state(request).reader.snapshot(chosen.sha256)
    path = _temp_file(request, ".pdf")
    write_report_pdf(snapshot, path)
    return _download(path, f"bao-cao-{agency}-{period}-lan-{chosen.revision}.pdf", "application/pdf")


@router.get("/reports/{agency}/{period}/evidence/{sha256}")
def evidence(request: Request, _who: Annotated[Caller, Depends(role("viewer"))], agency: str, period: str,
             sha256: str, rev: Revisioned = None) -> Response:
    """One evidence file, streamed out of the verified bundle."""
    _found, chosen = _chosen(request, agency, period, rev)
    path = _temp_file(request, ".bin")
    try:
        with open(path, "wb") as out:
            ref = console_state(request).reader.copy_evidence(chosen.sha256, sha256[:64], out)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return _download(path, ref.name, ref.media_type or "application/octet-stream")


@router.get("/reports/{agency}/{period}/receipt")
def report_receipt(request: Request, _who: Annotated[Caller, Depends(role("viewer"))], agency: str, period: str,
                   rev: Revisioned = None) -> Response:
    """The signed receipt the server gave for this revision (.bcr)."""
    _found, chosen = _chosen(request, agency, period, rev)
    return Response(receipt(ctx(request).db, chosen.sha256), media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{agency}-{period}-r{chosen.revision}.bcr"'})


def _temp_file(request: Request, suffix: str) -> Path:
    directory = ctx(request).settings.data_dir / "console-tmp"
    directory.mkdir(mode=0o700, exist_ok=True)
    fd, name = tempfile.mkstemp(suffix=suffix, dir=directory)
    os.close(fd)
    return Path(name)


def _download(path: Path, filename: str, media_type: str) -> FileResponse:
    """Send ``path`` and delete it afterwards (report data is not left on disk in clear)."""
    return FileResponse(path, media_type=media_type, filename=filename,
                        background=BackgroundTask(path.unlink, missing_ok=True))
