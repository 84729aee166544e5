"""What every console route shares: templates, the language, the session, roles and CSRF checks.

A request without a live session is sent to the login page (a GET) or refused (anything else); a
role too low for the action, or a form without its session's CSRF token, is refused with 403.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from starlette.datastructures import FormData

from desktop.domain.periods import format_date, vietnam_time
from desktop.domain.report_snapshot import TASK_STATUSES
from desktop.domain.task_status import NOT_APPLICABLE, UNANSWERED, status_label
from server.console import csrf, sessions
from server.console.i18n import LANG_COOKIE, language_of, translator
from server.console.users import ROLE_RANK
from server.console.words import role_label
from server.context import ServerContext, context

PREFIX = "/console"
HERE = Path(__file__).resolve().parent
MAX_FORM_FIELDS = 50
MAX_FIELD_BYTES = 64 * 1024

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(("html",)),
                   trim_blocks=True, lstrip_blocks=True)


class ConsoleRefusal(Exception):
    """A console request refused: ``status`` with a message; 401 on a GET sends to the login page."""

    def __init__(self, status: int, message_vi: str, message_en: str | None = None, *, advice_vi: str = "",
                 back: str = "") -> None:
        super().__init__(message_vi)
        self.status = status
        self.message_vi = message_vi
        self.message_en = message_en
        self.advice_vi = advice_vi  # what to do instead, from the catalogue
        self.back = back  # the console page «Quay lại» leads to; else the page the request came from


NO_SESSION = "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Hãy tải lại trang."
FORBIDDEN = "Không có quyền thực hiện thao tác này."


@dataclass(frozen=True)
class Caller:
    """The logged-in staff member of a request, with the session id the cookie carried."""

    session: sessions.Session
    session_id: str

    @property
    def name(self) -> str:
        """The account name (what the audit log records)."""
        return self.session.user.name


def language(request: Request) -> str:
    """The page language (cookie ``baocao_lang``)."""
    return language_of(request.cookies.get(LANG_COOKIE))


def _vn_time(moment: datetime | int | str | None) -> str:
    if isinstance(moment, str):  # a bundle's own ISO 8601 time, in UTC ("2026-12-03T08:58:31Z")
        try:
            parsed = datetime.fromisoformat(moment)
        except ValueError:
            return moment
        moment = vietnam_time(parsed)
    if isinstance(moment, int):
        moment = vietnam_time(datetime.fromtimestamp(moment, UTC))
    return "" if moment is None else moment.strftime("%d/%m/%Y %H:%M")


def _vn_date(day: date | None) -> str:
    return "" if day is None else format_date(day)


def number_text(value: float | None, lang: str) -> str:
    """A figure as its reader writes it: "1.234,5" in Vietnamese, "1,234.5" in English; "" for none."""
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text if lang == "en" else text.translate(_VIETNAMESE_MARKS)


_VIETNAMESE_MARKS = str.maketrans(",.", ".,")


@pass_context
def _number(context: Context, value: float | None) -> str:
    return number_text(value, context.get("lang", "vi"))


@pass_context
def _outcome(context: Context, code: str) -> str:
    """A task's outcome (``task_status.task_outcome``) by its name; an unknown status as it was written."""
    lang = context.get("lang", "vi")
    if code in TASK_STATUSES:
        return status_label(code, lang)
    if code == NOT_APPLICABLE:
        return "Not applicable" if lang == "en" else "Không áp dụng"
    return "" if code == UNANSWERED else code


_env.filters.update(vn_time=_vn_time, vn_date=_vn_date, number=_number, outcome=_outcome)
_env.globals.update(role_label=role_label)


def page(request: Request, caller: Caller | None, template: str, *, status: int = 200, **values: Any) -> HTMLResponse:
    """Render ``template`` in the request's language."""
    lang = language(request)
    html = _env.get_template(template).render(
        _=translator(lang), lang=lang, user=caller.session.user if caller else None,
        csrf=caller.session.csrf if caller else "", path=request.url.path, prefix=PREFIX, **values)
    return HTMLResponse(html, status_code=status)


def caller(request: Request) -> Caller:
    """Dependency: the live session of the request, else a refusal (the login page for a GET)."""
    session_id = request.cookies.get(sessions.COOKIE)
    session = sessions.resume(context(request).db, session_id)
    if session is None or session_id is None:
        raise ConsoleRefusal(401, NO_SESSION)
    return Caller(session, session_id)


def role(minimum: str) -> Callable[[Request], Caller]:
    """Dependency: the caller, if their role is at least ``minimum``."""
    rank = ROLE_RANK[minimum]

    def check(request: Request) -> Caller:
        who = caller(request)
        if ROLE_RANK[who.session.user.role] < rank:
            raise ConsoleRefusal(403, FORBIDDEN)
        return who

    return check


def checked_form(minimum: str) -> Callable[[Request], Coroutine[Any, Any, tuple[Caller, FormData]]]:
    """Dependency for a POST: the caller with at least ``minimum`` and the form, whose CSRF token must match."""
    allowed = role(minimum)

    async def check(request: Request) -> tuple[Caller, FormData]:
        who = allowed(request)
        form = await request.form(max_files=1, max_fields=MAX_FORM_FIELDS, max_part_size=MAX_FIELD_BYTES)
        token = form.get(csrf.FIELD)
        if not isinstance(token, str) or not csrf.session_ok(who.session.csrf, token):
            raise ConsoleRefusal(403, NO_SESSION)
        return who, form

    return check


def ctx(request: Request) -> ServerContext:
    """The server's parts."""
    return context(request)


def redirect(path: str) -> Response:
    """A 303 to a console page after a POST."""
    return RedirectResponse(PREFIX + path, status_code=303)


def text_field(form: FormData, name: str, limit: int = 300) -> str:
    """A form field as bounded text ("" when absent or a file)."""
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def refusal_page(request: Request, status: int, message_vi: str, message_en: str | None = None, *,
                 advice_vi: str = "", back: str = "") -> Response:
    """The HTML page of a refusal, inside the console's menu when a session is live; without one a GET goes to
    the login page. «Quay lại» leads to ``back``, else to the console page the request came from."""
    if status == 401 and request.method in ("GET", "HEAD"):
        return RedirectResponse(f"{PREFIX}/login", status_code=303)
    english = translator("en")
    lang = language(request)
    message = (message_en or english(message_vi)) if lang == "en" else message_vi
    advice = english(advice_vi) if lang == "en" else advice_vi
    return page(request, _live_caller(request), "error.html", status=status, message=message, advice=advice,
                back=back or _came_from(request))


def _live_caller(request: Request) -> Caller | None:
    session_id = request.cookies.get(sessions.COOKIE)
    session = sessions.resume(context(request).db, session_id) if session_id else None
    return Caller(session, session_id) if session is not None and session_id is not None else None


def _came_from(request: Request) -> str:
    """The console page (path and query, under ``PREFIX``) of the request's Referer, else the dashboard."""
    referer = urlsplit(request.headers.get("referer", "")[:2000])
    if referer.netloc == request.url.netloc and referer.path.startswith(PREFIX + "/"):
        return referer.path[len(PREFIX):] + (f"?{referer.query}" if referer.query else "")
    return "/period"
