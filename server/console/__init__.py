"""The province's web console under ``/console``: staff accounts, sessions, and the pages of the Sở's quarter.

``install_console(app)`` mounts it on the server app. Pages are server-rendered (Jinja2) with plain
JavaScript from ``static/`` (no inline script, nothing fetched from the internet); route handlers call
the services of this package and of ``server/`` and never touch the database themselves.
"""

from __future__ import annotations

import inspect

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from desktop.errors import BaocaoError
from server.console.csrf import login_key
from server.console.routes import agencies, auth, figures, period, plans, reports, settings, staff, work
from server.console.security import ConsoleHeaders
from server.console.state import ConsoleState, LoginThrottle, secure_setting
from server.console.stored_reports import ReportReader
from server.console.web import HERE, PREFIX, ConsoleRefusal, refusal_page
from server.context import ServerContext
from server.problems import ApiError


def install_console(app: FastAPI, ctx: ServerContext) -> None:
    """Mount the console's pages, its static files, its headers and its HTML error pages on ``app``."""
    app.state.console = ConsoleState(ReportReader(ctx.db, ctx.settings.bundles_dir), LoginThrottle(),
                                     secure_setting(), login_key(ctx.db))
    for module in (auth, period, reports, figures, agencies, plans, work, staff, settings):
        app.include_router(module.router)
    app.mount(f"{PREFIX}/static", StaticFiles(directory=HERE / "static"), name="console-static")
    app.add_middleware(ConsoleHeaders, prefix=PREFIX, static_prefix=f"{PREFIX}/static/")

    async def console_refusal(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ConsoleRefusal)
        return refusal_page(request, exc.status, exc.message_vi, exc.message_en, advice_vi=exc.advice_vi,
                            back=exc.back)

    app.add_exception_handler(ConsoleRefusal, console_refusal)
    for kind in (ApiError, BaocaoError, RequestValidationError, StarletteHTTPException):
        _html_under_console(app, kind)


def _html_under_console(app: FastAPI, kind: type[Exception]) -> None:
    """Under /console a refusal is an HTML page in the user's language; elsewhere the API's JSON answer."""
    api_handler = app.exception_handlers[kind]

    async def handler(request: Request, exc: Exception) -> Response:
        if not request.url.path.startswith(PREFIX):
            answer = api_handler(request, exc)
            return await answer if inspect.isawaitable(answer) else answer
        if isinstance(exc, BaocaoError):
            status = exc.status if isinstance(exc, ApiError) else (404 if exc.code == "not_found" else 400)
            return refusal_page(request, status, exc.message_vi, exc.message_en)
        if isinstance(exc, StarletteHTTPException):
            return refusal_page(request, exc.status_code, "Không tìm thấy trang này.", "No such page.")
        return refusal_page(request, 400, "Yêu cầu không hợp lệ.", "The request is not valid.")

    app.add_exception_handler(kind, handler)
