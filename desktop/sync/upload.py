"""Resumable upload of one bundle (tus 1.0.0 core + creation + checksum), built for links that break.

The client never assumes what the server holds: after any failure it asks (HEAD) and sends from the
server's offset. The province server keeps what arrived of a chunk cut by the link (``Upload-Offset``
counts it) apart from what it verified (``Upload-Verified-Offset``); the next chunk starts where the
received bytes end and its SHA-256 (``Upload-Checksum``, under the request signature) covers everything
from the verified offset, so the kept bytes are checked before the server trusts them and a cut costs
only the bytes in flight and a HEAD. Chunks then aim at about 30 s of link time each, the first one too
(256 KiB: 30 s at 64 kbit/s), with no small chunk first to measure the link.

Against a server that drops a cut chunk whole (no ``Upload-Verified-Offset``), chunk sizes follow the
measured rate (about 7.5 s of link time each, 16 KiB–4 MiB), stay under three quarters of what the link
carried between its last two cuts, and grow back only once the link has held for a few chunks, and a
cut chunk is sent again from its start without asking first. Creation and commit are idempotent on the
server (by bundle id and hash), so a lost answer is simply asked again and the receipt is the same.

The caller persists ``UploadState`` from ``on_state`` after every chunk; a process killed mid-upload
starts again from that state and the server's offset.
"""

from __future__ import annotations

import base64
import hashlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import NoReturn, Protocol
from urllib.parse import urljoin, urlsplit

from desktop.sync.canonical import parse_strict_json
from desktop.sync.retry_policy import Backoff
from desktop.sync.sync_errors import Answer, CancelledSync, RejectedError, TransientError, error_for

TUS_HEADERS = {"Tus-Resumable": "1.0.0"}
MIN_CHUNK = 16 * 1024
FIRST_CHUNK = 64 * 1024
KEPT_FIRST_CHUNK = 256 * 1024  # about 30 s at 64 kbit/s, the slowest link the app is built for
MAX_CHUNK = 4 * 1024 * 1024
# The protocol's bound on the bytes from the verified offset to a chunk's end, for a server that does not
# say its own (``Upload-Max-Chunk-Size``); kept bytes of cut chunks count toward it.
DEFAULT_MAX_SPAN = 8 * 1024 * 1024
SECONDS_PER_CHUNK = 7.5
KEPT_SECONDS_PER_CHUNK = 30.0
STEADY_CHUNKS = 4
RUN_SHARE = 0.75
_MAX_RESTARTS = 3


class ByteSource(Protocol):
    """A seekable stream of bytes: a file, or a view of a bundle kept in the encrypted store."""

    def seek(self, offset: int, whence: int = 0, /) -> int: ...

    def read(self, size: int = -1, /) -> bytes: ...

    def tell(self) -> int: ...

    def __enter__(self) -> ByteSource: ...

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None, /) -> object: ...


@dataclass(frozen=True)
class BundleToSend:
    """A signed bundle waiting in the outbox: ``open`` gives a fresh readable stream of its bytes."""

    bundle_id: str
    sha256: str
    length: int
    open: Callable[[], ByteSource]


@dataclass(frozen=True)
class UploadState:
    """Where an upload stands: the upload's URL on the server and the last offset the server confirmed."""

    url: str
    offset: int


class Exchange(Protocol):
    """One signed HTTP request and its answer; transport failures raise ``TransientError``."""

    def __call__(self, method: str, url: str, *, body: bytes = b"", headers: Mapping[str, str] | None = None,
                 on_sent: Callable[[int], None] | None = None) -> Answer: ...


class ChunkSizer:
    """Chunk sizes that follow the link: about ``SECONDS_PER_CHUNK`` each, and under ``RUN_SHARE`` of what
    the link carried between the last two cuts, so that a cut costs at most one chunk smaller than that.

    Against a server that keeps what arrived of a cut chunk (``kept``) a cut costs only the bytes in
    flight, so chunks aim at ``KEPT_SECONDS_PER_CHUNK`` from the first measured rate and never shrink: a
    chunk's end is one round trip spent waiting for its answer."""

    def __init__(self) -> None:
        self.size = FIRST_CHUNK
        self.kept = False
        self._ceiling = MAX_CHUNK
        self._steady = 0
        self._run = 0

    def succeeded(self, nbytes: int, seconds: float) -> None:
        """A chunk of ``nbytes`` went through in ``seconds``: aim the next one at the measured rate."""
        if self.kept:
            self.size = _clamp(max(self.size, nbytes / max(seconds, 1e-3) * KEPT_SECONDS_PER_CHUNK))
            return
        self._run += nbytes
        self._steady += 1
        if self._steady >= STEADY_CHUNKS:
            self._ceiling, self._steady = min(MAX_CHUNK, self._ceiling * 2), 0
        wanted = nbytes / max(seconds, 1e-3) * SECONDS_PER_CHUNK
        self.size = _clamp(min(wanted, self.size * 2, self._ceiling))

    def keeps_cut_bytes(self) -> None:
        """The server keeps what arrives of a cut chunk: a cut then costs only the bytes in flight, so the
        first chunk need not be small to measure the link first (its answer is a round trip spent idle)."""
        if not self.kept:
            self.kept = True
            self.size = max(self.size, KEPT_FIRST_CHUNK)

    def failed(self) -> None:
        """A chunk was cut: stay under a share of what the link carried since the previous cut."""
        if self.kept:
            return
        self._ceiling = _clamp(self._run * RUN_SHARE if self._run else self.size // 2)
        self.size = min(self.size, self._ceiling)
        self._steady = self._run = 0


class _UploadGone(Exception):
    """The server no longer knows the upload (expired or removed): create it again."""


def upload_bundle(exchange: Exchange, bundle: BundleToSend, *, uploads_url: str, state: UploadState | None,
                  on_state: Callable[[UploadState], None], progress: Callable[[int, int], None] | None,
                  cancelled: Callable[[], bool] | None, backoff: Backoff,
                  check_receipt: Callable[[bytes], bytes], on_held: Callable[[], None] | None = None) -> bytes:
    """Send ``bundle`` from wherever the server stands and commit it; returns the checked receipt.

    ``on_held`` is called when the creation is answered with a receipt the province gave before (it held
    these bytes already, e.g. from USB), not with one it judged now (a signed document after a new root).
    Raises ``TransientError`` when the policy gives up, ``RejectedError`` when the province refuses the
    bundle (with its signed receipt), ``CancelledSync`` when ``cancelled()`` turns true.
    """
    return _Upload(exchange, bundle, uploads_url, state, on_state, progress, cancelled, backoff,
                   check_receipt, on_held).run()


class _Upload:
    def __init__(self, exchange: Exchange, bundle: BundleToSend, uploads_url: str, state: UploadState | None,
                 on_state: Callable[[UploadState], None], progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None, backoff: Backoff,
                 check_receipt: Callable[[bytes], bytes], on_held: Callable[[], None] | None) -> None:
        self.exchange = exchange
        self.bundle = bundle
        self.uploads_url = uploads_url
        self.state = state
        self.offset: int | None = None  # bytes the server received (tus ``Upload-Offset``)
        self.verified = 0  # bytes the server verified: a chunk's checksum covers everything after them
        self.keeps_cut_bytes = False  # the server keeps what arrived of a cut chunk (``Upload-Verified-Offset``)
        self.max_span = DEFAULT_MAX_SPAN  # bytes a PATCH may cover from the verified offset to its end
        self._refused_span: int | None = None  # under what a 413 refused: something in between bounds it too
        self.on_state = on_state
        self.progress = progress
        self.cancelled = cancelled
        self.backoff = backoff
        self.check_receipt = check_receipt
        self.sizer = ChunkSizer()
        self._resume_at: int | None = None
        self._received = 0
        self.on_held = on_held

    def run(self) -> bytes:
        restarts = 0
        while True:
            if self.cancelled is not None and self.cancelled():
                raise CancelledSync
            try:
                if self.state is None:
                    receipt = self._create()
                    if receipt is not None:
                        return receipt
                elif self.offset is None:
                    self.offset = self._head()
                elif self.verified < self.bundle.length:  # kept bytes not yet verified are vouched for too
                    receipt = self._send_chunk()
                    if receipt is not None:
                        return receipt
                else:
                    return self._commit()
            except _UploadGone:
                restarts += 1
                if restarts > _MAX_RESTARTS:
                    raise TransientError("Máy chủ của tỉnh liên tục mất phiên tải lên; sẽ thử lại sau.",
                                         "The province server keeps losing the upload; will try again later.",
                                         code="upload_lost") from None
                self.state, self.offset = None, None
            except TransientError as exc:
                self.offset, self._resume_at = self._resume_at, None
                self.backoff.failed(exc)

    def _create(self) -> bytes | None:
        metadata = f"bundle_id {_b64(self.bundle.bundle_id.encode())},sha256 {_b64(self.bundle.sha256.encode())}"
        answer = self.exchange("POST", self.uploads_url, headers={
            **TUS_HEADERS, "Upload-Length": str(self.bundle.length), "Upload-Metadata": metadata})
        if answer.status == 200:
            receipt = self.check_receipt(_receipt_in(answer))
            if self.on_held is not None and _given_before(answer):
                self.on_held()
            return receipt
        if answer.status == 422:
            # Refused already (the same bytes sent before): the signed receipt says why, as at commit.
            self._refused(answer, "Tạo phiên tải lên", "Creating the upload")
        if answer.status != 201:
            raise error_for(answer, "Tạo phiên tải lên", "Creating the upload", for_upload=True)
        url = self._same_origin(answer.header("location"))
        self.offset = self._offset_in(answer, allow_missing=True)
        self._note_verified(answer, self.offset)
        self.state = UploadState(url, self.verified)
        self.on_state(self.state)
        self.backoff.progressed()
        self._report(self.state.offset)
        return None

    def _head(self) -> int:
        assert self.state is not None
        answer = self.exchange("HEAD", self.state.url, headers=TUS_HEADERS)
        if answer.status in (404, 410):
            raise _UploadGone
        if answer.status != 200:
            raise error_for(answer, "Hỏi máy chủ đã nhận bao nhiêu", "Asking the server how much it holds",
                            for_upload=True)
        offset = self._offset_in(answer)
        length = answer.header("upload-length")
        if length is not None and length != str(self.bundle.length):
            raise _UploadGone
        self._note_verified(answer, offset)
        self._report(offset)
        return offset

    def _send_chunk(self) -> bytes | None:
        assert self.state is not None and self.offset is not None
        # While every chunk is cut the verified offset stays put and the kept bytes pile up past it: the
        # chunk then ends at the server's bound, and one that has nothing left to carry (an empty body)
        # just vouches for the kept bytes, so the verified offset moves on.
        verified = self.verified
        bound = verified + self.max_span
        start = min(self.offset, bound)
        end = min(self.bundle.length, start + self.sizer.size, bound)
        span = self._read(verified, end - verified)  # the checksum vouches for kept bytes and body alike
        chunk = span[start - verified:]
        checksum = base64.b64encode(hashlib.sha256(span).digest()).decode("ascii")
        last = end == self.bundle.length
        # The last chunk also commits (one round trip less); a server that does not know ``commit``
        # answers 204 and the commit follows on its own.
        url = self.state.url + ("?commit=1" if last else "")
        began = time.monotonic()
        try:
            answer = self.exchange("PATCH", url, body=chunk, headers={
                **TUS_HEADERS, "Content-Type": "application/offset+octet-stream", "Upload-Offset": str(start),
                "Upload-Checksum": f"sha256 {checksum}"}, on_sent=lambda sent: self._report(start + sent))
        except TransientError:
            self.sizer.failed()
            if not self.keeps_cut_bytes:
                # This server drops a chunk cut short, so it most likely still holds ``start``: send from
                # there without asking first (one round trip less per cut); a 409 says otherwise.
                self._resume_at = start
            # Otherwise HEAD says how much of the cut chunk arrived: only the rest is sent again.
            raise
        return self._chunk_answered(answer, start, verified, began, span=end - verified, last=last)

    def _chunk_answered(self, answer: Answer, start: int, verified: int, began: float, *, span: int,
                        last: bool) -> bytes | None:
        """Move on after a PATCH's answer; the receipt when the last chunk committed the upload."""
        assert self.state is not None
        if answer.status in (404, 410):
            raise _UploadGone
        if answer.status == 413:
            self._shrink_span(answer, span)
            return None
        if answer.status == 460:
            raise TransientError("Một phần dữ liệu bị hỏng trên đường truyền; gửi lại.",
                                 "Part of the data was damaged on the way; sending it again.", code="checksum")
        if last and answer.status == 422:
            self._refused(answer, "Nộp gói", "Committing the bundle")
        if answer.status not in (200, 204):
            raise error_for(answer, "Gửi dữ liệu", "Sending data", for_upload=True)
        if last and answer.status == 200 and answer.body:
            self._report(self.bundle.length)
            return self.check_receipt(_receipt_in(answer))
        offset = self._offset_in(answer)
        self._note_verified(answer, offset)
        if offset <= start and self.verified <= verified:
            self.offset = None
            return None
        if offset > start:
            self.sizer.succeeded(offset - start, time.monotonic() - began)
        self.offset = offset
        self.state = UploadState(self.state.url, self.verified)
        self.on_state(self.state)
        self.backoff.progressed()
        self._report(offset)
        return None

    def _refused(self, answer: Answer, doing_vi: str, doing_en: str) -> NoReturn:
        """A 422 answer: the ``RejectedError`` of the signed receipt it carries (else of the answer)."""
        try:
            receipt = _receipt_in(answer)
        except TransientError:
            raise error_for(answer, doing_vi, doing_en, for_upload=True) from None
        self.check_receipt(receipt)
        raise error_for(answer, doing_vi, doing_en, for_upload=True)

    def _shrink_span(self, answer: Answer, sent: int) -> None:
        """413: the chunk's span passed the server's bound. Keep under the bound it gives (else half the span)
        and ask where it stands (it may have dropped the unverified bytes). A bound this chunk kept already
        leaves nothing to shrink: the bundle stays queued for a later sync, it is not refused."""
        said = _span_limit(answer)
        bound = said if said is not None else sent // 2
        if bound >= sent or bound < 1:
            raise TransientError("Máy chủ của tỉnh không nhận khối dữ liệu nhỏ nhất có thể gửi; sẽ thử lại sau.",
                                 "The province server refuses even the smallest chunk; will try again later.",
                                 code="chunk_too_large")
        self.max_span = self._refused_span = bound
        self.offset = None

    def _note_limit(self, answer: Answer) -> None:
        """The server's bound on a chunk's span, when it says it (never above what a 413 refused)."""
        said = _span_limit(answer)
        if said is not None:
            self.max_span = min(said, self._refused_span or said)

    def _note_verified(self, answer: Answer, received: int) -> None:
        """The server's verified offset (a server that keeps no cut bytes verified all it received)."""
        self._note_limit(answer)
        value = answer.header("upload-verified-offset")
        if value is not None and value.isdigit() and int(value) <= received:
            self.verified, self.keeps_cut_bytes = int(value), True
            self.sizer.keeps_cut_bytes()
        else:
            self.verified = received
        if received > self._received:
            self.backoff.progressed()  # bytes of a cut chunk arrived and were kept: the link carried them
        self._received = max(self._received, received)

    def _commit(self) -> bytes:
        assert self.state is not None
        answer = self.exchange("POST", self.state.url.rstrip("/") + "/commit", headers=TUS_HEADERS)
        if answer.status == 200:
            return self.check_receipt(_receipt_in(answer))
        if answer.status == 422:
            self._refused(answer, "Nộp gói", "Committing the bundle")
        if answer.status in (404, 410):
            raise _UploadGone
        raise error_for(answer, "Nộp gói", "Committing the bundle", for_upload=True)

    def _read(self, start: int, size: int) -> bytes:
        with self.bundle.open() as stream:
            stream.seek(start)
            data = stream.read(size)
        if len(data) != size:
            raise RejectedError("Tệp gói trong hộp thư đi bị ngắn hơn khai báo.",
                                "The bundle file in the outbox is shorter than recorded.", code="outbox_file")
        return data

    def _offset_in(self, answer: Answer, *, allow_missing: bool = False) -> int:
        value = answer.header("upload-offset")
        if value is None and allow_missing:
            return 0
        if value is None or not value.isdigit() or int(value) > self.bundle.length:
            raise TransientError("Máy chủ trả lời vị trí tải lên không hợp lệ.",
                                 "The server answered with an invalid upload offset.", code="bad_offset")
        return int(value)

    def _same_origin(self, location: str | None) -> str:
        """The upload URL from ``Location``; signed requests never follow it to another host."""
        url = urljoin(self.uploads_url, location or "")
        here, there = urlsplit(self.uploads_url), urlsplit(url)
        if not location or (here.scheme, here.netloc) != (there.scheme, there.netloc):
            raise TransientError("Máy chủ trả lời địa chỉ tải lên không hợp lệ.",
                                 "The server answered with an invalid upload address.", code="bad_location")
        return url

    def _report(self, done: int) -> None:
        if self.progress is not None:
            self.progress(min(done, self.bundle.length), self.bundle.length)


def _receipt_in(answer: Answer) -> bytes:
    try:
        body = parse_strict_json(answer.body)
        return base64.b64decode(body["receipt"], validate=True)
    except (ValueError, KeyError, TypeError) as exc:
        raise TransientError("Máy chủ trả lời biên nhận sai định dạng.", "The server answered a malformed receipt.",
                             code="bad_receipt") from exc


def _given_before(answer: Answer) -> bool:
    """Whether a receipt answer is one the province gave before this request; a server that does not say
    (no ``given``) answers a creation with a receipt only for bytes it held already."""
    try:
        return parse_strict_json(answer.body).get("given", "before") != "now"
    except (ValueError, AttributeError):
        return True


def _span_limit(answer: Answer) -> int | None:
    """``Upload-Max-Chunk-Size``: how many bytes a PATCH may cover from the verified offset (None if unsaid)."""
    value = answer.header("upload-max-chunk-size")
    return int(value) if value is not None and value.isdigit() and 0 < len(value) <= 15 and int(value) else None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _clamp(size: float) -> int:
    return int(max(MIN_CHUNK, min(MAX_CHUNK, size)))
