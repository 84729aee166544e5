"""Health and enrollment: the two routes an unenrolled device may call."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from server.context import ServerContext, context
from server.enrollment import enroll
from server.problems import ApiError

router = APIRouter(tags=["enrollment"])


class Health(BaseModel):
    """The server is up; its clock, for the client to compare with its own."""

    status: str
    time: str


class EnrollRequest(BaseModel):
    """A one-time code and the device's Ed25519 public key (32 raw bytes, base64)."""

    code: str = Field(min_length=1, max_length=64)
    device_public_key: str = Field(min_length=1, max_length=64)
    device_name: str = Field(default="", max_length=100)


class AgencyOut(BaseModel):
    """The agency a device reports for."""

    code: str
    name: str
    parent_name: str
    kind: str


class EnrollResponse(BaseModel):
    """The agency's identity and the province's public keys (hex) for the app to pin."""

    agency: AgencyOut
    device_key_id: str
    province: dict[str, str]
    server_time: str
    replaced: list[str] = []  # the names of the agency's PCs revoked by this enrollment (a replacement code)


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@router.get("/v1/health", response_model=Health)
def health() -> Health:
    """Liveness and the server's time."""
    return Health(status="ok", time=_iso(time.time()))


@router.post("/v1/enroll", response_model=EnrollResponse,
             responses={403: {"description": "wrong, used or expired code"}, 429: {"description": "rate limited"}})
async def enroll_device(body: EnrollRequest, request: Request,
                        ctx: Annotated[ServerContext, Depends(context)]) -> EnrollResponse:
    """Spend an enrollment code to register the device key."""
    client = request.client.host if request.client else "?"
    now = time.time()
    # The address's budget is charged before the code is looked at, so a correct code sent while the
    # address is refused is refused too; a success gives its token back (enrolling a hundred offices
    # from one address is not slowed, guessing is).
    wait = ctx.enroll_failures.take(client)
    if wait is not None:
        raise ApiError(429, "rate_limited", f"Quá nhiều lần nhập sai mã; hãy thử lại sau {wait} giây.",
                       f"Too many wrong codes; try again in {wait} seconds.", headers={"Retry-After": str(wait)})
    done = await run_in_threadpool(enroll, ctx.db, body.code, body.device_public_key, body.device_name, now=now,
                                   max_failures=ctx.settings.enroll_code_max_failures)
    ctx.enroll_failures.give_back(client)
    return EnrollResponse(agency=AgencyOut(code=done.agency_code, name=done.agency_name,
                                           parent_name=done.parent_name, kind=done.kind),
                          device_key_id=done.device_key_id, province=ctx.keys.public().to_dict(),
                          server_time=_iso(now), replaced=list(done.replaced))
