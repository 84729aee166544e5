"""The signed assignment package of the calling agency, with ETag / If-None-Match."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response
from starlette.concurrency import run_in_threadpool

from server.auth import Caller
from server.context import ServerContext, context, signed_caller

router = APIRouter(tags=["assignments"])


@router.get("/v1/assignments", response_class=Response,
            responses={200: {"content": {"application/json": {}}, "description": "signed package (DSSE envelope)",
                             "headers": {"ETag": {"schema": {"type": "string"}}}},
                       304: {"description": "unchanged since If-None-Match"}})
async def assignments(caller: Annotated[Caller, Depends(signed_caller)],
                      ctx: Annotated[ServerContext, Depends(context)],
                      if_none_match: Annotated[str | None, Header(alias="If-None-Match", max_length=200)] = None,
                      ) -> Response:
    """The agency's plans and schedule, signed by the province; 304 when unchanged."""
    package = await run_in_threadpool(ctx.packages.for_agency, caller.agency_code)
    headers = {"ETag": package.etag, "Cache-Control": "no-cache"}
    if if_none_match is not None and package.etag in (tag.strip() for tag in if_none_match.split(",")):
        return Response(status_code=304, headers=headers)
    return Response(package.envelope, media_type="application/json", headers=headers)
