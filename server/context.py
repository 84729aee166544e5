"""What request handlers share: the server's parts, and the signed-request dependency."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Header, Request
from starlette.concurrency import run_in_threadpool

from desktop.sync.device_keys import ProvinceKeys
from desktop.sync.request_signing import body_digest
from server.auth import Authenticator, Caller
from server.config import Settings
from server.db import Database
from server.intake import Intake
from server.plans import AssignmentPackages
from server.rate_limit import TokenBuckets
from server.upload_store import UploadStore


@dataclass(frozen=True)
class ServerContext:
    """The running server's settings, store and keys."""

    settings: Settings
    db: Database
    keys: ProvinceKeys
    intake: Intake
    auth: Authenticator
    uploads: UploadStore
    packages: AssignmentPackages
    enroll_failures: TokenBuckets


def context(request: Request) -> ServerContext:
    """The context of the app serving ``request``."""
    return request.app.state.baocao


def raw_target(request: Request) -> str:
    """The request target as the client sent and signed it: raw path, then ``?`` and the raw query."""
    path = request.scope.get("raw_path") or request.scope["path"].encode("utf-8")
    query = request.scope.get("query_string", b"")
    return (path + (b"?" + query if query else b"")).decode("latin-1")


async def signed_caller(
        request: Request,
        baocao_key: Annotated[str | None, Header(alias="Baocao-Key", description="Device key id")] = None,
        baocao_timestamp: Annotated[str | None, Header(alias="Baocao-Timestamp",
                                                       description="Unix seconds")] = None,
        baocao_nonce: Annotated[str | None, Header(alias="Baocao-Nonce", description="32 hex digits")] = None,
        baocao_signature: Annotated[str | None, Header(alias="Baocao-Signature",
                                                       description="base64 Ed25519 signature")] = None,
) -> Caller:
    """The authenticated device of a signed request (its whole body is read and hashed)."""
    ctx = context(request)
    pending = await run_in_threadpool(ctx.auth.begin, request.headers)
    body = await request.body()
    return await run_in_threadpool(ctx.auth.finish, pending, request.method, raw_target(request), body_digest(body),
                                   request.headers)


async def signature_headers(
        baocao_key: Annotated[str | None, Header(alias="Baocao-Key", description="Device key id")] = None,
        baocao_timestamp: Annotated[str | None, Header(alias="Baocao-Timestamp",
                                                       description="Unix seconds")] = None,
        baocao_nonce: Annotated[str | None, Header(alias="Baocao-Nonce", description="32 hex digits")] = None,
        baocao_signature: Annotated[str | None, Header(alias="Baocao-Signature",
                                                       description="base64 Ed25519 signature")] = None,
) -> None:
    """Declares the signing headers in OpenAPI for handlers that verify them while streaming the body."""
