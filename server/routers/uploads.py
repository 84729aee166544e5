"""Resumable bundle upload: tus 1.0.0 core + creation + checksum (sha256), then a signed commit.

Two offsets describe an upload. The *verified* offset (the row's ``offset``, sent as
``Upload-Verified-Offset``) ends the bytes that a signed, checksummed request vouched for and that are
durable. The tus ``Upload-Offset`` the server answers ends the bytes it *received*: a chunk cut short by
the link keeps what arrived, past the verified offset, trusted for nothing. The next PATCH starts at the
received offset (or anywhere between the two: the rest is dropped) and its ``Upload-Checksum`` covers
everything from the verified offset to the end of its body, so the bytes kept from the cut are checked,
under the request's signature, before the verified offset moves over them. A mismatch (460), a bad
signature or any refusal truncates the file back to the verified offset.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from server.auth import Caller, PendingAuth
from server.context import ServerContext, context, raw_target, signature_headers, signed_caller
from server.intake import StoredReceipt
from server.models import Upload
from server.problems import ApiError

router = APIRouter(tags=["uploads"])
TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,checksum"
_BUNDLE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}\Z")
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_OFFSET = re.compile(r"[0-9]{1,15}\Z")
_TUS_HEADERS = {"Tus-Resumable": TUS_VERSION}
VERIFIED_HEADER = "Upload-Verified-Offset"
CHUNK_LIMIT_HEADER = "Upload-Max-Chunk-Size"  # bytes from the verified offset to the end of a PATCH body
TusResumable = Annotated[str | None, Header(alias="Tus-Resumable", description="must be 1.0.0", max_length=20)]
UploadId = Annotated[str, "upload id"]


class ReceiptAnswer(BaseModel):
    """A receipt envelope (base64), its status, and whether the province gave it ``before`` this request (the
    bundle arrived earlier, e.g. on USB) or judged the bundle ``now``."""

    receipt: str
    status: str
    given: str


def _require_tus(value: str | None) -> None:
    if value != TUS_VERSION:
        raise ApiError(412, "tus_version", "Phiên bản giao thức tải lên không được hỗ trợ (cần tus 1.0.0).",
                       "Unsupported upload protocol version (tus 1.0.0 required).",
                       headers={"Tus-Version": TUS_VERSION})


def _answer(receipt: bytes, status: str, code: str | None, *, given: str) -> JSONResponse:
    body = {"receipt": base64.b64encode(receipt).decode("ascii"), "status": status, "given": given}
    if status == "rejected":
        raise ApiError(422, code or "rejected", "Gói báo cáo bị từ chối; xem biên nhận.",
                       "The bundle was rejected; see the receipt.", extra=body)
    return JSONResponse(body, headers={**_TUS_HEADERS, "Cache-Control": "no-store"})


def _parse_metadata(text: str | None) -> tuple[str, str]:
    pairs: dict[str, str] = {}
    for item in (text or "").split(","):
        parts = item.strip().split(" ")
        if len(parts) == 2:
            try:
                pairs[parts[0]] = base64.b64decode(parts[1], validate=True).decode("ascii")
            except (binascii.Error, UnicodeDecodeError, ValueError):
                pairs.pop(parts[0], None)
    bundle_id, sha256 = pairs.get("bundle_id", ""), pairs.get("sha256", "")
    if not _BUNDLE_ID.match(bundle_id) or not _HEX64.match(sha256):
        raise ApiError(400, "upload_metadata", "Upload-Metadata phải có bundle_id và sha256 (base64) hợp lệ.",
                       "Upload-Metadata needs a valid bundle_id and sha256 (base64-encoded).")
    return bundle_id, sha256


@router.options("/v1/uploads", status_code=204, response_class=Response)
def tus_options(ctx: Annotated[ServerContext, Depends(context)]) -> Response:
    """tus discovery: version, extensions, maximum size, checksum algorithm."""
    return Response(status_code=204, headers={**_TUS_HEADERS, "Tus-Version": TUS_VERSION,
                                              "Tus-Extension": TUS_EXTENSIONS,
                                              "Tus-Max-Size": str(ctx.settings.max_bundle_bytes),
                                              CHUNK_LIMIT_HEADER: str(ctx.settings.max_chunk_bytes),
                                              "Tus-Checksum-Algorithm": "sha256"})


@router.post("/v1/uploads", status_code=201, response_class=Response,
             responses={201: {"description": "created or resumed",
                              "headers": {"Location": {"schema": {"type": "string"}},
                                          "Upload-Offset": {"schema": {"type": "integer"}}}},
                        200: {"model": ReceiptAnswer, "description": "already received: its receipt"},
                        413: {"description": "too large"}})
def create_upload(caller: Annotated[Caller, Depends(signed_caller)],
                  ctx: Annotated[ServerContext, Depends(context)],
                  tus_resumable: TusResumable = None,
                  upload_length: Annotated[str | None, Header(alias="Upload-Length", max_length=20)] = None,
                  upload_metadata: Annotated[str | None, Header(alias="Upload-Metadata", max_length=1000)] = None,
                  ) -> Response:
    """Start (or find again) the upload of one bundle; answers with its receipt if already received."""
    _require_tus(tus_resumable)
    if upload_length is None or not _OFFSET.match(upload_length):
        raise ApiError(400, "upload_length", "Thiếu hoặc sai Upload-Length.", "Missing or invalid Upload-Length.")
    length = int(upload_length)
    if length > ctx.settings.max_bundle_bytes:
        raise ApiError(413, "too_large", f"Gói {length:,} byte vượt giới hạn {ctx.settings.max_bundle_bytes:,} byte.",
                       f"A bundle of {length:,} bytes exceeds the {ctx.settings.max_bundle_bytes:,}-byte limit.")
    bundle_id, sha256 = _parse_metadata(upload_metadata)
    record = ctx.intake.receipt_for(sha256, caller.agency_code)
    if record is not None:
        return _answer(record.envelope, record.status, record.code, given=_given(record))
    upload = ctx.uploads.find_or_create(caller, bundle_id, sha256, length)
    refused = ctx.uploads.refusal(upload.id)
    if refused is not None:
        return _answer(refused.envelope, "rejected", refused.code, given="before")
    return Response(status_code=201, headers={**_TUS_HEADERS, "Location": f"/v1/uploads/{upload.id}",
                                              **_offsets(ctx, upload), "Cache-Control": "no-store"})


@router.head("/v1/uploads/{upload_id}", response_class=Response,
             responses={200: {"headers": {"Upload-Offset": {"schema": {"type": "integer"}},
                                          "Upload-Length": {"schema": {"type": "integer"}}}}})
def upload_offset(upload_id: UploadId, caller: Annotated[Caller, Depends(signed_caller)],
                  ctx: Annotated[ServerContext, Depends(context)], tus_resumable: TusResumable = None) -> Response:
    """How many bytes of the upload the server received (``Upload-Offset``) and verified."""
    _require_tus(tus_resumable)
    upload = ctx.uploads.get(caller, upload_id)
    return Response(status_code=200, headers={**_TUS_HEADERS, **_offsets(ctx, upload),
                                              "Upload-Length": str(upload.length), "Cache-Control": "no-store"})


@router.patch("/v1/uploads/{upload_id}", status_code=204, response_class=Response,
              dependencies=[Depends(signature_headers)],
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/offset+octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
              responses={204: {"headers": {"Upload-Offset": {"schema": {"type": "integer"}}}},
                         200: {"model": ReceiptAnswer, "description": "the last chunk, committed (?commit=1)"},
                         409: {"description": "offset mismatch"}, 422: {"description": "bundle rejected"},
                         460: {"description": "checksum mismatch"}})
async def append_chunk(upload_id: UploadId, request: Request, ctx: Annotated[ServerContext, Depends(context)],
                       tus_resumable: TusResumable = None,
                       upload_offset: Annotated[str | None, Header(alias="Upload-Offset", max_length=20)] = None,
                       upload_checksum: Annotated[str | None, Header(alias="Upload-Checksum", max_length=120)] = None,
                       content_type: Annotated[str | None, Header(alias="Content-Type", max_length=100)] = None,
                       commit: Annotated[bool, Query(description="commit if this chunk ends the upload")] = False,
                       ) -> Response:
    """Append one chunk at ``Upload-Offset``; checked from the verified offset and durable before the answer.

    With ``?commit=1`` a chunk that ends the upload is also its commit: the answer is the commit's."""
    _require_tus(tus_resumable)
    pending = await run_in_threadpool(ctx.auth.begin, request.headers)
    if (content_type or "").split(";")[0].strip().lower() != "application/offset+octet-stream":
        raise ApiError(415, "content_type", "Content-Type phải là application/offset+octet-stream.",
                       "Content-Type must be application/offset+octet-stream.")
    if upload_offset is None or not _OFFSET.match(upload_offset):
        raise ApiError(400, "upload_offset", "Thiếu hoặc sai Upload-Offset.", "Missing or invalid Upload-Offset.")
    expected_digest = _parse_checksum(upload_checksum)
    if pending.revoked_at is not None:
        await _refuse_revoked(request, ctx, pending)
    caller = pending.caller
    lock = await run_in_threadpool(ctx.uploads.acquire, upload_id)
    try:
        upload = await run_in_threadpool(ctx.uploads.get, caller, upload_id)
        path, verified, start = ctx.uploads.path(upload.id), upload.offset, int(upload_offset)
        if not verified <= start <= received_offset(path, upload):
            raise _offset_conflict(ctx, upload)
        limit = min(ctx.settings.max_chunk_bytes - (start - verified), upload.length - start)
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise _chunk_too_large(ctx, limit)
        written = await _receive(request, path, verified, start, limit, ctx)
        if written is None:
            return Response(status_code=400)
        size, body_digest, span_digest = written
        try:
            if span_digest.digest() != expected_digest:
                raise ApiError(460, "checksum", "Mã kiểm tra của khối dữ liệu không khớp; hãy gửi lại khối này.",
                               "The chunk's checksum does not match; send the chunk again.",
                               headers={**_TUS_HEADERS, "Upload-Offset": str(verified),
                                        VERIFIED_HEADER: str(verified)})
            await run_in_threadpool(ctx.auth.finish, pending, request.method, raw_target(request),
                                    body_digest.hexdigest(), request.headers)
            await run_in_threadpool(ctx.uploads.advance, upload, verified, start + size)
        except BaseException:
            _truncate(path, verified)
            raise
        offsets = {"Upload-Offset": str(start + size), VERIFIED_HEADER: str(start + size),
                   CHUNK_LIMIT_HEADER: str(ctx.settings.max_chunk_bytes)}
        if commit and start + size == upload.length:
            # The last chunk asked to commit (``?commit=1``, under the signature): one round trip less.
            upload = await run_in_threadpool(ctx.uploads.get, caller, upload_id)
            answer = await run_in_threadpool(_commit, ctx, caller, upload)
            answer.headers.update(offsets)
            return answer
    finally:
        lock.release()
    return Response(status_code=204, headers={**_TUS_HEADERS, **offsets, "Cache-Control": "no-store"})


@router.post("/v1/uploads/{upload_id}/commit", response_model=ReceiptAnswer,
             responses={409: {"description": "upload incomplete"}, 422: {"description": "bundle rejected"}})
def commit_upload(upload_id: UploadId, caller: Annotated[Caller, Depends(signed_caller)],
                  ctx: Annotated[ServerContext, Depends(context)], tus_resumable: TusResumable = None) -> JSONResponse:
    """Verify the whole bundle, store it once and answer with the province's signed receipt."""
    _require_tus(tus_resumable)
    with ctx.uploads.locked(upload_id):
        upload = ctx.uploads.get(caller, upload_id)
        return _commit(ctx, caller, upload)


def _commit(ctx: ServerContext, caller: Caller, upload: Upload) -> JSONResponse:
    """The commit of ``upload`` (its lock held): its receipt, once verified and stored; 409 if bytes are missing."""
    refused = ctx.uploads.refusal(upload.id)
    if refused is not None:
        return _answer(refused.envelope, "rejected", refused.code, given="before")
    if upload.finished_at is None and upload.offset < upload.length:
        raise ApiError(409, "incomplete", f"Mới nhận {upload.offset:,}/{upload.length:,} byte; hãy gửi tiếp.",
                       f"Only {upload.offset:,} of {upload.length:,} bytes received; send the rest.",
                       headers={**_TUS_HEADERS, **_offsets(ctx, upload)})
    record = ctx.intake.receipt_for(upload.sha256, caller.agency_code)
    if record is not None:
        result, given = (record.envelope, record.status, record.code), _given(record)
    else:
        try:
            taken = ctx.intake.take(ctx.uploads.path(upload.id), source="network",
                                    agency_code=caller.agency_code, declared_sha256=upload.sha256)
        except ApiError:
            # Another agency's bundle: nothing of this upload is kept, its bytes included.
            ctx.uploads.discard(upload.id)
            raise
        if not taken.verified:
            ctx.uploads.record_refusal(upload, taken.receipt, taken.code)
        result, given = (taken.receipt, taken.status, taken.code), "now"
    ctx.uploads.finish(upload.id)
    return _answer(*result, given=given)


def _given(record: StoredReceipt) -> str:
    """``now`` for a receipt this request made (a document judged again), else ``before``."""
    return "now" if record.judged_now else "before"


async def _refuse_revoked(request: Request, ctx: ServerContext, pending: PendingAuth) -> None:
    """A revoked key's chunk touches no upload: its body is only hashed, so that ``finish`` can check the
    signature and then give the revocation's date to the PC's holder alone (an answer always raised)."""
    digest, size = hashlib.sha256(), 0
    async for piece in request.stream():
        size += len(piece)
        if size > ctx.settings.max_chunk_bytes:
            raise _chunk_too_large(ctx, ctx.settings.max_chunk_bytes)
        digest.update(piece)
    await run_in_threadpool(ctx.auth.finish, pending, request.method, raw_target(request), digest.hexdigest(),
                            request.headers)
    raise RuntimeError("finish let a revoked key through")


def _parse_checksum(value: str | None) -> bytes:
    if value is None:
        raise ApiError(400, "checksum_required", "Mỗi khối tải lên phải có Upload-Checksum (sha256).",
                       "Every upload chunk needs an Upload-Checksum (sha256).")
    algorithm, _, encoded = value.strip().partition(" ")
    if algorithm != "sha256":
        raise ApiError(400, "checksum_algorithm", "Chỉ hỗ trợ mã kiểm tra sha256.",
                       "Only sha256 checksums are supported.")
    try:
        digest = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        digest = b""
    if len(digest) != 32:
        raise ApiError(400, "checksum_format", "Upload-Checksum sai định dạng.", "Malformed Upload-Checksum.")
    return digest


async def _receive(request: Request, path: os.PathLike[str], verified: int, start: int, limit: int,
                   ctx: ServerContext) -> tuple[int, hashlib._Hash, hashlib._Hash] | None:
    """Write the body at ``start``; its size, its SHA-256 (for the signature) and that of the bytes from
    ``verified`` to its end (for ``Upload-Checksum``). None if the client went away: what arrived stays
    in the file past the verified offset, unverified, for the next request to vouch for."""
    body, span = hashlib.sha256(), hashlib.sha256()
    size = 0
    with open(path, "r+b") as handle:
        handle.seek(verified)
        remaining = start - verified
        while remaining:
            piece = handle.read(min(remaining, 1 << 16))
            if not piece:
                raise RuntimeError("an upload file is shorter than its received offset")
            span.update(piece)
            remaining -= len(piece)
        handle.truncate(start)
        handle.seek(start)
        try:
            async for piece in request.stream():
                size += len(piece)
                if size > limit:
                    handle.truncate(verified)
                    raise _chunk_too_large(ctx, limit)
                body.update(piece)
                span.update(piece)
                handle.write(piece)
        except ClientDisconnect:
            return None
        handle.flush()
        await run_in_threadpool(os.fsync, handle.fileno())
    return size, body, span


def received_offset(path: os.PathLike[str], upload: Upload) -> int:
    """Bytes received of the upload: the verified ones and any kept from a cut chunk (never past its length)."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return upload.offset
    return max(upload.offset, min(size, upload.length))


def _offsets(ctx: ServerContext, upload: Upload) -> dict[str, str]:
    return {"Upload-Offset": str(received_offset(ctx.uploads.path(upload.id), upload)),
            VERIFIED_HEADER: str(upload.offset), CHUNK_LIMIT_HEADER: str(ctx.settings.max_chunk_bytes)}


def _truncate(path: os.PathLike[str], offset: int) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(offset)


def _offset_conflict(ctx: ServerContext, upload: Upload) -> ApiError:
    offsets = _offsets(ctx, upload)
    held = int(offsets["Upload-Offset"])
    return ApiError(409, "offset", f"Máy chủ đang có {held:,} byte; hãy gửi tiếp từ vị trí đó.",
                    f"The server holds {held:,} bytes; continue from that offset.",
                    headers={**_TUS_HEADERS, **offsets})


def _chunk_too_large(ctx: ServerContext, limit: int) -> ApiError:
    """413 for a body over ``limit``, saying the bound a chunk's span from the verified offset must keep."""
    return ApiError(413, "chunk_too_large", f"Khối dữ liệu vượt {limit:,} byte cho phép.",
                    f"The chunk exceeds the {limit:,} bytes allowed.",
                    headers={**_TUS_HEADERS, CHUNK_LIMIT_HEADER: str(ctx.settings.max_chunk_bytes)})
