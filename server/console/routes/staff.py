"""Tài khoản: the province staff's console accounts (admin only) — list, add with a password the admin sets,
change a role, reset a password, disable and enable again; the same services as ``baocao-server user``, each
action in the audit log. An admin never acts on their own account here (no self-demotion or self-lockout);
the services refuse to demote or disable the last enabled admin."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from desktop.errors import InputError
from server.console import audit
from server.console.users import (
    MAX_PASSWORD,
    ROLES,
    add_user,
    change_role,
    disable_user,
    enable_user,
    list_users,
    reset_password,
)
from server.console.web import PREFIX, Caller, checked_form, ctx, page, redirect, role, text_field
from server.console.words import ROLE_LABELS

router = APIRouter(prefix=PREFIX, include_in_schema=False)
Checked = tuple[Caller, FormData]
NOTICES = {"added": "Đã thêm tài khoản.", "disabled": "Đã khoá tài khoản.", "enabled": "Đã mở khoá tài khoản.",
           "role": "Đã đổi vai trò.", "password": "Đã đặt lại mật khẩu."}


@router.get("/users")
def users(request: Request, who: Annotated[Caller, Depends(role("admin"))], saved: str = "") -> Response:
    """Every account with its role and state, and the form to add one."""
    return page(request, who, "users.html", users=list_users(ctx(request).db), roles=ROLES, labels=ROLE_LABELS,
                notices=NOTICES, saved=saved if saved in NOTICES else "")


@router.post("/users")
def user_add(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Add an account; the password is typed twice and hashed with Argon2id (``users.add_user``)."""
    who, form = checked
    user = add_user(ctx(request).db, text_field(form, "name", 64), text_field(form, "role", 10), _typed_twice(form))
    audit.record(ctx(request).db, who.name, "user_add", f"{user.name} {user.role}")
    return redirect("/users?saved=added")


@router.post("/users/disable")
def user_disable(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Disable an account (its sessions end); never the admin's own."""
    who, form = checked
    name = _other_account(who, form)
    disable_user(ctx(request).db, name)
    audit.record(ctx(request).db, who.name, "user_disable", name)
    return redirect("/users?saved=disabled")


@router.post("/users/enable")
def user_enable(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Enable a disabled account again."""
    who, form = checked
    user = enable_user(ctx(request).db, _other_account(who, form))
    audit.record(ctx(request).db, who.name, "user_enable", user.name)
    return redirect("/users?saved=enabled")


@router.post("/users/role")
def user_role(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Give another account a new role; its sessions end."""
    who, form = checked
    user = change_role(ctx(request).db, _other_account(who, form), text_field(form, "role", 10))
    audit.record(ctx(request).db, who.name, "user_role", f"{user.name} {user.role}")
    return redirect("/users?saved=role")


@router.post("/users/password")
def user_password(request: Request, checked: Annotated[Checked, Depends(checked_form("admin"))]) -> Response:
    """Set a new password for another account (typed twice; its lockout lifted, its sessions ended)."""
    who, form = checked
    name = _other_account(who, form)
    reset_password(ctx(request).db, name, _typed_twice(form))
    audit.record(ctx(request).db, who.name, "user_reset_password", name)
    return redirect("/users?saved=password")


def _other_account(who: Caller, form: FormData) -> str:
    """The account a form acts on; never the admin's own."""
    name = text_field(form, "name", 64)
    if name == who.name:
        raise InputError("Không thể tự thay đổi tài khoản của mình ở đây.", "You cannot change your own account here.",
                         code="user_self")
    return name


def _typed_twice(form: FormData) -> str:
    password, repeated = _password(form, "password"), _password(form, "repeat")
    if password != repeated:
        raise InputError("Hai lần nhập mật khẩu không khớp.", "The passwords do not match.", code="password")
    return password


def _password(form: FormData, name: str) -> str:
    """A password field as typed (not stripped: spaces count), bounded."""
    value = form.get(name)
    return value[:MAX_PASSWORD + 1] if isinstance(value, str) else ""
