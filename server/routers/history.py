"""Where the agency's chain stands, and its accepted history for a new or restored PC (signed requests)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from fastapi.responses import FileResponse, Response
from starlette.concurrency import run_in_threadpool

from desktop.sync.bundle_container import BUNDLE_FORMATS
from server.agency_chains import chain_position
from server.auth import Caller
from server.context import ServerContext, context, signed_caller
from server.history import history_bundle_path, history_envelope

router = APIRouter(tags=["history"])
SHA256 = r"^[0-9a-f]{64}$"


@router.get("/v1/chain")
async def chain(caller: Annotated[Caller, Depends(signed_caller)],
                ctx: Annotated[ServerContext, Depends(context)]) -> dict[str, Any]:
    """The calling device's own last sequence and hash, who holds each period's highest revision, and the bundle
    formats this server takes (a device signs format 2, which names the revision it is made on, only when listed)."""
    position = await run_in_threadpool(chain_position, ctx.db, caller.agency_code, caller.key_id)
    return {"agency": caller.agency_code, **position, "bundle_formats": list(BUNDLE_FORMATS)}


@router.get("/v1/history", response_class=Response,
            responses={200: {"content": {"application/json": {}}, "description": "signed history (DSSE envelope)"}})
async def history(caller: Annotated[Caller, Depends(signed_caller)],
                  ctx: Annotated[ServerContext, Depends(context)]) -> Response:
    """The agency's device keys and accepted bundles with their receipts, signed by the province."""
    envelope = await run_in_threadpool(history_envelope, ctx.db, ctx.keys.signing, caller.agency_code)
    return Response(envelope, media_type="application/json", headers={"Cache-Control": "no-store"})


@router.get("/v1/history/bundles/{sha256}", response_class=FileResponse,
            responses={200: {"content": {"application/octet-stream": {}}}, 404: {"description": "not held"}})
async def history_bundle(sha256: Annotated[str, Path(pattern=SHA256)],
                         caller: Annotated[Caller, Depends(signed_caller)],
                         ctx: Annotated[ServerContext, Depends(context)]) -> FileResponse:
    """The bytes of one of the calling agency's accepted bundles."""
    path = await run_in_threadpool(history_bundle_path, ctx.db, ctx.settings.bundles_dir, caller.agency_code, sha256)
    return FileResponse(path, media_type="application/octet-stream", headers={"Cache-Control": "no-store"})
