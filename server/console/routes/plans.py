"""Kế hoạch: upload a workbook → preview and warnings → publish; the published versions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from desktop.documents.workbook_guard import MAX_FILE_BYTES
from desktop.errors import BaocaoError
from server.console import audit
from server.console.plan_publishing import PLAN_SUFFIXES, versions
from server.console.uploads import as_uploaded, discard, save_upload, staged
from server.console.web import PREFIX, Caller, checked_form, ctx, page, redirect, role, text_field
from server.plans import preview_plan, publish_plan

router = APIRouter(prefix=PREFIX, include_in_schema=False)
Checked = tuple[Caller, FormData]


def _staging(request: Request) -> Path:
    return ctx(request).settings.data_dir / "console-plans"


@router.get("/plans")
def plans(request: Request, who: Annotated[Caller, Depends(role("viewer"))], published: str = "") -> Response:
    """The upload form and the published versions."""
    return page(request, who, "plans.html", versions=versions(ctx(request).db), published=published[:20])


@router.post("/plans/preview")
def preview(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Read the uploaded workbook with the app's importer and show what it found; nothing is published yet."""
    who, form = checked
    path = save_upload(form.get("file"), _staging(request), PLAN_SUFFIXES, MAX_FILE_BYTES)
    try:
        parsed = preview_plan(ctx(request).db, path, _filename(form))
    except BaocaoError as exc:
        discard(path)
        raise as_uploaded(exc, path, _filename(form)) from exc
    except BaseException:
        discard(path)
        raise
    return page(request, who, "plan_preview.html", plan=parsed, token=path.name, file_name=_filename(form))


@router.post("/plans/publish")
def publish(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Publish the previewed workbook to every agency."""
    who, form = checked
    path = staged(_staging(request), text_field(form, "token", 100), PLAN_SUFFIXES)
    try:
        published = publish_plan(ctx(request).db, path, who.name, text_field(form, "file_name", 255))
        number, new = published.number, not published.already_published
    finally:
        discard(path)
    audit.record(ctx(request).db, who.name, "plan_publish" if new else "plan_publish_unchanged", number)
    return redirect(f"/plans?published={'new' if new else 'same'}")


def _filename(form: FormData) -> str:
    upload = form.get("file")
    return Path(getattr(upload, "filename", "") or "").name
