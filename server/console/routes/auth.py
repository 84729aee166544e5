"""Login, logout and the language switch."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from server.console import audit, csrf, sessions
from server.console.i18n import LANG_COOKIE
from server.console.state import console_state
from server.console.users import LoginRefused, authenticate
from server.console.web import PREFIX, Caller, checked_form, ctx, language, page, refusal_page, text_field

router = APIRouter(prefix=PREFIX, include_in_schema=False)


@router.get("")
@router.get("/")
def home() -> Response:
    """The period dashboard is the start page."""
    return RedirectResponse(f"{PREFIX}/period", status_code=303)


@router.get("/login")
def login_form(request: Request) -> Response:
    """The login page, with a fresh pre-login CSRF cookie."""
    return _login_page(request)


def _login_page(request: Request, *, error: str = "", status: int = 200) -> Response:
    nonce = csrf.new_login_nonce()
    token = csrf.login_token(console_state(request).login_key, nonce)
    response = page(request, None, "login.html", status=status, login_csrf=token, error=error)
    response.set_cookie(csrf.LOGIN_COOKIE, nonce, httponly=True, samesite="strict", path=PREFIX,
                        secure=console_state(request).secure(request))
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    """Check the password; on success a brand-new session (the old cookie, if any, is ended, never reused)."""
    state = console_state(request)
    form = await request.form(max_files=0, max_fields=5, max_part_size=4096)
    if not csrf.login_ok(state.login_key, request.cookies.get(csrf.LOGIN_COOKIE), _str(form.get(csrf.FIELD))):
        return refusal_page(request, 403, "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Hãy tải lại trang.")
    client = request.client.host if request.client else "?"
    if state.logins.blocked(client):
        return _login_page(request, error="Đăng nhập quá nhiều lần. Hãy thử lại sau.", status=429)
    name, password = text_field(form, "name", 64), _str(form.get("password"))[:256]
    db = ctx(request).db
    try:
        user = await run_in_threadpool(authenticate, db, name, password)
    except LoginRefused as exc:
        state.logins.failed(client)
        await run_in_threadpool(audit.record, db, name or "?", "login_refused", client)
        return _login_page(request, error=exc.message_vi if language(request) == "vi" else exc.message_en,
                           status=401)
    session_id, _session = await run_in_threadpool(sessions.start, db, user,
                                                   replacing=request.cookies.get(sessions.COOKIE))
    await run_in_threadpool(audit.record, db, user.name, "login", client)
    response = RedirectResponse(f"{PREFIX}/period", status_code=303)
    response.set_cookie(sessions.COOKIE, session_id, httponly=True, samesite="strict", path=PREFIX,
                        secure=state.secure(request))
    response.delete_cookie(csrf.LOGIN_COOKIE, path=PREFIX)
    return response


@router.post("/logout")
def logout(request: Request, checked: Annotated[tuple[Caller, object], Depends(checked_form("viewer"))]) -> Response:
    """End the session."""
    who, _form = checked
    sessions.end(ctx(request).db, who.session_id)
    audit.record(ctx(request).db, who.name, "logout")
    response = RedirectResponse(f"{PREFIX}/login", status_code=303)
    response.delete_cookie(sessions.COOKIE, path=PREFIX)
    return response


@router.get("/lang/{code}")
def switch_language(request: Request, code: str, next: str = f"{PREFIX}/period") -> Response:
    """Set the page language and go back (only to a console page)."""
    target = next if next.startswith(PREFIX) and not urlsplit(next).netloc and "//" not in next else PREFIX
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(LANG_COOKIE, "en" if code == "en" else "vi", samesite="strict", path=PREFIX,
                        max_age=365 * 86400, secure=console_state(request).secure(request))
    return response


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""
