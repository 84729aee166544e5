"""Cơ quan: list agencies and devices, add an agency, issue an enrollment code with its printable letter."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from server.console import audit
from server.console.agencies import agencies_with_devices, letter
from server.console.web import PREFIX, Caller, checked_form, ctx, page, redirect, role, text_field
from server.devices import revoke_device
from server.enrollment import AGENCY_KINDS, add_agency, agency_phones, issue_code
from server.province import PHONE_MAX

router = APIRouter(prefix=PREFIX, include_in_schema=False)
KIND_LABELS = {"commune": "Xã, phường", "department": "Sở, ngành", "province": "Tỉnh", "other": "Khác"}
Checked = tuple[Caller, FormData]


@router.get("/agencies")
def agencies(request: Request, who: Annotated[Caller, Depends(role("viewer"))], added: str = "",
             revoked: str = "") -> Response:
    """Every agency with its devices; the add form for admins."""
    return page(request, who, "agencies.html", agencies=agencies_with_devices(ctx(request).db), kinds=AGENCY_KINDS,
                kind_labels=KIND_LABELS, added=added[:64], revoked=revoked[:64], phones=agency_phones(ctx(request).db))


@router.post("/agencies")
def agency_add(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Register an agency (the same service as ``baocao-server agency add``)."""
    who, form = checked
    code = text_field(form, "code", 64)
    add_agency(ctx(request).db, code, text_field(form, "name"), parent_name=text_field(form, "parent"),
               kind=text_field(form, "kind", 32) or "commune", phone=text_field(form, "phone", PHONE_MAX + 1))
    audit.record(ctx(request).db, who.name, "agency_add", code)
    return redirect(f"/agencies?added={code}")


@router.post("/agencies/code")
def enrollment_code(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Issue a one-time code (``baocao-server enroll-code``) and show the letter to print."""
    who, form = checked
    agency = text_field(form, "agency", 64)
    days_text = text_field(form, "days", 3) or "7"
    days = int(days_text) if days_text.isdigit() else 0
    server = ctx(request)
    code = issue_code(server.db, agency, days=days)
    audit.record(server.db, who.name, "enroll_code", agency)
    return page(request, who, "letter.html", letter=letter(server.db, agency, code, server.keys.public(), days))


@router.post("/devices/revoke")
def device_revoke(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Revoke a device key (``baocao-server device revoke``; the service records who and why in the audit log)."""
    who, form = checked
    key_id = text_field(form, "key_id", 40)
    reason = text_field(form, "reason", 500) or "Thu hồi từ cổng quản trị"
    revoked = revoke_device(ctx(request).db, key_id, reason, who.name)
    return redirect(f"/agencies?revoked={revoked.agency_code}")
