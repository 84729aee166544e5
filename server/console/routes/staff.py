"""Tài khoản: the province staff's console accounts (admin only) — list, add with a password the admin sets,
disable; the same services as ``baocao-server user``, each action in the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from desktop.errors import InputError
from server.console import audit
from server.console.users import MAX_PASSWORD, ROLES, add_user, disable_user, list_users
from server.console.web import PREFIX, Caller, checked_form, ctx, page, redirect, role, text_field

router = APIRouter(prefix=PREFIX, include_in_schema=False)
Checked = tuple[Caller, FormData]
ROLE_LABELS = {"viewer": "Người xem", "officer": "Chuyên viên", "admin": "Quản trị viên"}


@router.get("/users")
def users(request: Request, who: Annotated[Caller, Depends(role("admin"))], saved: str = "") -> Response:
    """Every account with its role and state, and the form to add one."""
    return page(request, who, "users.html", users=list_users(ctx(request).db), roles=ROLES, labels=ROLE_LABELS,
                saved=saved in ("added", "disabled") and saved)


@router.post("/users")
def user_add(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Add an account; the password is typed twice and hashed with Argon2id (``users.add_user``)."""
    who, form = checked
    password, repeated = _password(form, "password"), _password(form, "repeat")
    if password != repeated:
        raise InputError("Hai lần nhập mật khẩu không khớp.", "The passwords do not match.", code="password")
    user = add_user(ctx(request).db, text_field(form, "name", 64), text_field(form, "role", 10), password)
    audit.record(ctx(request).db, who.name, "user_add", f"{user.name} {user.role}")
    return redirect("/users?saved=added")


@router.post("/users/disable")
def user_disable(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Disable an account (its sessions end at their next request); never the admin's own."""
    who, form = checked
    name = text_field(form, "name", 64)
    if name == who.name:
        raise InputError("Không thể tự khoá tài khoản của mình.", "You cannot disable your own account.",
                         code="user_self")
    disable_user(ctx(request).db, name)
    audit.record(ctx(request).db, who.name, "user_disable", name)
    return redirect("/users?saved=disabled")


def _password(form: FormData, name: str) -> str:
    """A password field as typed (not stripped: spaces count), bounded."""
    value = form.get(name)
    return value[:MAX_PASSWORD + 1] if isinstance(value, str) else ""
