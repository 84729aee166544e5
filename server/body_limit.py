"""Request body bounds enforced before any handler runs.

Chunk uploads (``PATCH``) may carry up to the chunk limit and are streamed by their handler, which
counts as it writes; every other request is at most a small JSON document and is refused with 413 as
soon as its declared or actual length passes the bound. Under ``forms_prefix`` (the web console) a
request carries forms and file uploads: it must declare its length, at most ``max_form``, and is
streamed to its handler (the server refuses a body longer than it declared).
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimit:
    """ASGI middleware: 413 for bodies over ``max_json`` (``max_chunk`` for PATCH)."""

    def __init__(self, app: ASGIApp, *, max_json: int, max_chunk: int, forms_prefix: str | None = None,
                 max_form: int = 0) -> None:
        self.app = app
        self.max_json = max_json
        self.max_chunk = max_chunk
        self.forms_prefix = forms_prefix
        self.max_form = max_form

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if self.forms_prefix and scope["path"].startswith(self.forms_prefix):
            if scope["method"] in ("GET", "HEAD") or (declared is not None and declared.isdigit()
                                                      and int(declared) <= self.max_form):
                await self.app(scope, receive, send)
            else:
                await _too_large(send, self.max_form)
            return
        limit = self.max_chunk if scope["method"] == "PATCH" else self.max_json
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _too_large(send, limit)
            return
        if scope["method"] == "PATCH":
            await self.app(scope, receive, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            if len(body) > limit:
                await _too_large(send, limit)
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"code": "too_large", "message_vi": f"Yêu cầu vượt {limit:,} byte cho phép.",
                       "message_en": f"The request exceeds the {limit:,} bytes allowed."}).encode("utf-8")
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
