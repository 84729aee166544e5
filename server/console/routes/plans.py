"""Kế hoạch: upload a workbook → preview and warnings → publish; the published versions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from desktop.documents.workbook_guard import MAX_FILE_BYTES
from desktop.errors import BaocaoError
from server.console import audit
from server.console.plan_publishing import PLAN_SUFFIXES, agency_count, published_plan, versions
from server.console.uploads import as_uploaded, discard, save_upload, staged
from server.console.web import PREFIX, Caller, ConsoleRefusal, checked_form, ctx, page, redirect, role, text_field
from server.plans import preview_plan, publish_plan

router = APIRouter(prefix=PREFIX, include_in_schema=False)
Checked = tuple[Caller, FormData]
PLAN_ADVICE = ("Hãy tải lên tệp Word (.docx) hoặc Excel (.xlsx) gốc của kế hoạch: bảng nhiệm vụ và chỉ tiêu trong "
               "đó đọc được chính xác. Bản PDF chỉ đọc được khi có lớp chữ (không phải bản scan) và bảng kẻ ô rõ ràng.")


def _staging(request: Request) -> Path:
    return ctx(request).settings.data_dir / "console-plans"


@router.get("/plans")
def plans(request: Request, who: Annotated[Caller, Depends(role("viewer"))], published: str = "",
          number: str = "") -> Response:
    """The upload form and the published versions; after publishing, what was published to how many agencies."""
    found = versions(ctx(request).db)
    just = next((v for v in found if v.number == number[:100]), None) if published else None
    return page(request, who, "plans.html", versions=found, published=published[:20], just=just,
                agencies=agency_count(ctx(request).db))


@router.get("/plans/{plan_id}")
def plan_version(request: Request, who: Annotated[Caller, Depends(role("viewer"))], plan_id: int) -> Response:
    """One published version, read-only: its tasks with their deadlines and its indicators with their targets."""
    found = published_plan(ctx(request).db, plan_id)
    if found is None:
        raise ConsoleRefusal(404, "Không có phiên bản kế hoạch này.")
    version, plan = found
    return page(request, who, "plan_preview.html", plan=plan, version=version)


@router.post("/plans/preview")
def preview(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Read the uploaded workbook with the app's importer and show what it found; nothing is published yet."""
    who, form = checked
    try:
        path = save_upload(form.get("file"), _staging(request), PLAN_SUFFIXES, MAX_FILE_BYTES)
    except BaocaoError as exc:
        raise _refused(exc) from exc
    try:
        parsed = preview_plan(ctx(request).db, path, _filename(form))
    except BaocaoError as exc:
        discard(path)
        raise _refused(as_uploaded(exc, path, _filename(form))) from exc
    except BaseException:
        discard(path)
        raise
    return page(request, who, "plan_preview.html", plan=parsed, token=path.name, file_name=_filename(form),
                agencies=agency_count(ctx(request).db), version=None)


@router.post("/plans/publish")
def publish(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Publish the previewed workbook to every agency."""
    who, form = checked
    try:
        path = staged(_staging(request), text_field(form, "token", 100), PLAN_SUFFIXES)
        try:
            published = publish_plan(ctx(request).db, path, who.name, text_field(form, "file_name", 255))
        finally:
            discard(path)
    except BaocaoError as exc:
        raise _refused(exc) from exc
    number, new = published.number, not published.already_published
    audit.record(ctx(request).db, who.name, "plan_publish" if new else "plan_publish_unchanged", number)
    return redirect(f"/plans?published={'new' if new else 'same'}&number={quote(number, safe='')}")


def _refused(exc: BaocaoError) -> ConsoleRefusal:
    """A plan file refused, on the Kế hoạch page's terms: what to upload instead, «Quay lại» to Kế hoạch."""
    return ConsoleRefusal(404 if exc.code == "not_found" else 400, exc.message_vi, exc.message_en,
                          advice_vi=PLAN_ADVICE, back="/plans")


def _filename(form: FormData) -> str:
    upload = form.get("file")
    return Path(getattr(upload, "filename", "") or "").name
