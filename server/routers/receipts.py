"""Receipts already given: which of a device's bundles the province holds, and one bundle's receipt."""

from __future__ import annotations

import base64
from typing import Annotated

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from server.auth import Caller
from server.context import ServerContext, context, signed_caller
from server.problems import ApiError

router = APIRouter(tags=["receipts"])
BUNDLE_ID = r"^[A-Za-z0-9._-]{1,64}$"


class KnownRequest(BaseModel):
    """Bundle ids the client is about to upload."""

    bundle_ids: list[Annotated[str, Field(pattern=BUNDLE_ID)]] = Field(max_length=500)


class KnownResponse(BaseModel):
    """Receipts (base64 envelopes) of those the province already holds."""

    known: dict[str, str]


class ReceiptResponse(BaseModel):
    """A receipt envelope, base64."""

    receipt: str


@router.post("/v1/bundles/known", response_model=KnownResponse)
async def known_bundles(body: KnownRequest, caller: Annotated[Caller, Depends(signed_caller)],
                        ctx: Annotated[ServerContext, Depends(context)]) -> KnownResponse:
    """Which of these bundles (of the calling agency) arrived already, e.g. by USB."""
    found = await run_in_threadpool(ctx.intake.receipts_by_bundle_id, caller.agency_code, sorted(set(body.bundle_ids)))
    return KnownResponse(known={bid: base64.b64encode(env).decode("ascii") for bid, env in found.items()})


@router.get("/v1/receipts/{bundle_id}", response_model=ReceiptResponse, responses={404: {"description": "none"}})
async def receipt(bundle_id: Annotated[str, Path(pattern=BUNDLE_ID)],
                  caller: Annotated[Caller, Depends(signed_caller)],
                  ctx: Annotated[ServerContext, Depends(context)]) -> ReceiptResponse:
    """The receipt given for this bundle of the calling agency (an accepted one first)."""
    envelope = await run_in_threadpool(ctx.intake.receipt_of_bundle, caller.agency_code, bundle_id)
    if envelope is None:
        raise ApiError(404, "no_receipt", f"Chưa có biên nhận cho gói {bundle_id}.",
                       f"No receipt for bundle {bundle_id}.")
    return ReceiptResponse(receipt=base64.b64encode(envelope).decode("ascii"))
