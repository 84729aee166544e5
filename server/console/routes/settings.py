"""Cài đặt: the province's name, the Sở's name and phone, the address communes reach the server at, and the
Sở's symbol, drafting unit and signer for its documents (the same service as ``baocao-server province set``);
admins only, audited by the service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from server.console.web import PREFIX, Caller, checked_form, ctx, page, redirect, role, text_field
from server.province import (
    DEPUTY,
    DIRECTOR,
    NAME_MAX,
    PHONE_MAX,
    SYMBOL_MAX,
    URL_MAX,
    province_settings,
    set_province,
)

router = APIRouter(prefix=PREFIX, include_in_schema=False)
Checked = tuple[Caller, FormData]


@router.get("/settings")
def settings(request: Request, who: Annotated[Caller, Depends(role("admin"))], saved: str = "") -> Response:
    """The settings form, filled with what is stored."""
    return page(request, who, "settings.html", province=province_settings(ctx(request).db), saved=bool(saved),
                limits={"name": NAME_MAX, "phone": PHONE_MAX, "url": URL_MAX, "symbol": SYMBOL_MAX},
                titles=(DIRECTOR, DEPUTY))


@router.post("/settings")
def settings_save(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Store the settings as typed (an empty field clears its setting)."""
    who, form = checked
    set_province(ctx(request).db, actor=who.name, name=text_field(form, "name", NAME_MAX + 1),
                 department=text_field(form, "department", NAME_MAX + 1),
                 phone=text_field(form, "phone", PHONE_MAX + 1), public_url=text_field(form, "public_url", URL_MAX + 1),
                 symbol=text_field(form, "symbol", SYMBOL_MAX + 1),
                 drafting_unit=text_field(form, "drafting_unit", SYMBOL_MAX + 1),
                 signer_title=text_field(form, "signer_title", NAME_MAX + 1),
                 signer_name=text_field(form, "signer_name", NAME_MAX + 1))
    return redirect("/settings?saved=1")
