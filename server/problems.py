"""Refusals as data: one exception type for every HTTP answer that is not a success, mapped in one place.

Each refusal has a status, a stable ``code`` and a Vietnamese and an English message, returned as
``{"code", "message_vi", "message_en"}`` (plus any extra fields, e.g. a rejected bundle's receipt).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from desktop.errors import BaocaoError
from desktop.sync.request_signing import RequestRejected


class ApiError(BaocaoError):
    """A refusal the server answers with ``status``, optional headers and extra JSON fields."""

    def __init__(self, status: int, code: str, message_vi: str, message_en: str, *,
                 headers: dict[str, str] | None = None, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message_vi, message_en, code=code)
        self.status = status
        self.headers = headers or {}
        self.extra = extra or {}


def problem(status: int, code: str, message_vi: str, message_en: str, *, headers: dict[str, str] | None = None,
            extra: dict[str, Any] | None = None) -> JSONResponse:
    """The JSON response of a refusal."""
    body = {"code": code, "message_vi": message_vi, "message_en": message_en, **(extra or {})}
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store", **(headers or {})})


_HTTP_MESSAGES = {
    404: ("not_found", "Không tìm thấy địa chỉ này.", "No such resource."),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ.", "Method not allowed."),
}


def install_handlers(app: FastAPI) -> None:
    """Map every refusal to its JSON answer; bad input never becomes a 500."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return problem(exc.status, exc.code, exc.message_vi, exc.message_en, headers=exc.headers, extra=exc.extra)

    @app.exception_handler(RequestRejected)
    async def _rejected(_request: Request, exc: RequestRejected) -> JSONResponse:
        return problem(exc.status, exc.code, exc.message_vi, exc.message_en)

    @app.exception_handler(BaocaoError)
    async def _baocao(_request: Request, exc: BaocaoError) -> JSONResponse:
        return problem(400, exc.code, exc.message_vi, exc.message_en)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        where = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
                          for e in exc.errors()[:3])[:500]
        return problem(400, "malformed", f"Yêu cầu sai định dạng ({where}).", f"Malformed request ({where}).")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, vi, en = _HTTP_MESSAGES.get(exc.status_code, ("http", str(exc.detail), str(exc.detail)))
        return problem(exc.status_code, code, vi, en, headers=dict(exc.headers or {}))
