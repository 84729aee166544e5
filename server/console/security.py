"""Security headers on every console response: a CSP without inline script, no framing, no referrer, no cache."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; connect-src 'self'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"), (b"x-content-type-options", b"nosniff"),
           (b"cross-origin-opener-policy", b"same-origin")]
NO_STORE = [(b"cache-control", b"no-store"), (b"pragma", b"no-cache")]


class ConsoleHeaders:
    """ASGI middleware: the headers above under ``prefix``; pages and downloads are never cached."""

    def __init__(self, app: ASGIApp, prefix: str, static_prefix: str) -> None:
        self.app = app
        self.prefix = prefix
        self.static_prefix = static_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        extra = HEADERS if path.startswith(self.static_prefix) else HEADERS + NO_STORE

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in extra}
                message["headers"] = [(n, v) for n, v in message.get("headers", []) if n.lower() not in names] + extra
            await send(message)

        await self.app(scope, receive, with_headers)
