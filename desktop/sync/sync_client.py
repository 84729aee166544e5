"""The agency's side of the province protocol (PROTOCOL.md): enroll, pull assignments, ask, upload.

One ``httpx.Client`` with a kept-alive connection serves every request of a sync. TLS is always verified,
against the custom CA file when one is configured, else the system's certificate store; the system's
proxy settings apply unless a proxy is given explicitly. A connection on which no byte moves either way
for ``policy.stall_timeout`` seconds is given up rather than waited on forever.

Everything the province sends back is checked before it is trusted: assignment packages and receipts
against the province signing key pinned at enrollment, receipts also against the bundle they answer,
every response body against a size bound. Failures are ``SyncError``s (sync_errors.py).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import ssl
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.errors import BaocaoError, IntegrityError
from desktop.sync.assignments import MAX_ASSIGNMENTS_BYTES, verify_assignments
from desktop.sync.canonical import canonical_json, parse_strict_json
from desktop.sync.device_keys import ProvincePublicKeys, ed25519_public_bytes, key_id
from desktop.sync.history import MAX_HISTORY_BYTES, AgencyHistory, HistoryEntry, verify_history
from desktop.sync.receipt import ReceiptError, verify_receipt
from desktop.sync.request_signing import sign_request
from desktop.sync.retry_policy import Backoff, RetryPolicy
from desktop.sync.sync_errors import (
    Answer,
    CancelledSync,
    DeviceRejected,
    RejectedError,
    SyncError,
    TransientError,
    error_for,
)
from desktop.sync.upload import BundleToSend, UploadState, upload_bundle

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 15.0
MAX_ANSWER_BYTES = 1024 * 1024
KNOWN_BATCH = 500
_SEND_SLICE = 16 * 1024

__all__ = ["AssignmentPull", "BundleToSend", "CancelledSync", "DeviceRejected", "Enrollment", "ProvinceClient",
           "RejectedError", "SyncError", "TransientError", "UploadState", "check_receipt"]


MAX_REPLACED = 20


@dataclass(frozen=True)
class Enrollment:
    """What enrollment gives the agency: who it is to the province and the province keys to pin."""

    agency: dict[str, Any]
    device_key_id: str
    province: ProvincePublicKeys
    server_time: str | None = None
    replaced: tuple[str, ...] = ()  # the agency's other PCs the province revoked as this one enrolled


@dataclass(frozen=True)
class AssignmentPull:
    """The result of asking for assignments: unchanged (``changed`` False) or a new verified envelope."""

    changed: bool
    envelope: bytes | None
    etag: str | None
    package: dict[str, Any] | None = None


class ProvinceClient:
    """A connection to the province server for one device; use as a context manager.

    ``province`` is the public key set pinned at enrollment (``enroll`` sets it); every call but
    ``enroll`` needs it and ``device_key``.
    """

    def __init__(self, base_url: str, *, device_key: Ed25519PrivateKey | None = None, ca_file: str | None = None,
                 proxy: str | None = None, policy: RetryPolicy | None = None,
                 province: ProvincePublicKeys | None = None) -> None:
        self.policy = policy or RetryPolicy()
        self.device_key = device_key
        self.province = province
        self._base = base_url.rstrip("/") + "/"
        self._skew = 0.0
        stall = self.policy.stall_timeout
        self._http = httpx.Client(
            verify=ssl.create_default_context(cafile=ca_file) if ca_file else ssl.create_default_context(),
            proxy=proxy, trust_env=proxy is None,
            timeout=httpx.Timeout(connect=CONNECT_TIMEOUT, read=stall, write=stall, pool=stall),
            limits=httpx.Limits(max_connections=2, max_keepalive_connections=1),
            headers={"User-Agent": "baocao-desktop/1"}, follow_redirects=False)

    def __enter__(self) -> ProvinceClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self._http.close()

    # --- the protocol ---

    def enroll(self, code: str, device_name: str) -> Enrollment:
        """Register this device's public key with a one-time code; pins and returns the province keys."""
        key = self._need_key()
        public = ed25519_public_bytes(key)
        body = canonical_json({"code": code.strip(), "device_public_key": base64.b64encode(public).decode("ascii"),
                               "device_name": device_name[:100]})
        answer = self._call("POST", "v1/enroll", body=body, signed=False, doing=("Đăng ký thiết bị", "Enrolling"),
                            headers={"Content-Type": "application/json"})
        try:
            data = parse_strict_json(answer.body)
            agency = data["agency"]
            province = ProvincePublicKeys.from_dict(data["province"])
            device_key_id = data["device_key_id"]
        except (ValueError, KeyError, TypeError, BaocaoError) as exc:
            raise _malformed("Đăng ký thiết bị", "Enrolling") from exc
        if not isinstance(agency, dict) or device_key_id != key_id("ed25519", public):
            raise _malformed("Đăng ký thiết bị", "Enrolling")
        self.province = province
        server_time = data.get("server_time") if isinstance(data.get("server_time"), str) else None
        return Enrollment(agency, device_key_id, province, server_time, _names(data.get("replaced")))

    def pull_assignments(self, etag: str | None) -> AssignmentPull:
        """The agency's assignment package if it changed since ``etag``, verified against the pinned key."""
        province = self._need_province()
        headers = {"If-None-Match": etag} if etag else {}
        answer = self._call("GET", "v1/assignments", headers=headers, limit=MAX_ASSIGNMENTS_BYTES,
                            doing=("Tải nhiệm vụ được giao", "Downloading assignments"))
        if answer.status == 304:
            return AssignmentPull(False, None, etag)
        package = verify_assignments(answer.body, province)
        return AssignmentPull(True, answer.body, answer.header("etag"), package)

    def known(self, bundle_ids: list[str]) -> dict[str, bytes]:
        """Receipts the province already holds for these bundles (e.g. arrived by USB), verified."""
        province = self._need_province()
        found: dict[str, bytes] = {}
        for start in range(0, len(bundle_ids), KNOWN_BATCH):
            batch = bundle_ids[start:start + KNOWN_BATCH]
            answer = self._call("POST", "v1/bundles/known", body=canonical_json({"bundle_ids": batch}),
                                headers={"Content-Type": "application/json"},
                                doing=("Hỏi các gói tỉnh đã nhận", "Asking which bundles the province holds"))
            try:
                known = parse_strict_json(answer.body)["known"]
                entries = [(bid, base64.b64decode(b64, validate=True)) for bid, b64 in known.items()]
            except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
                raise _malformed("Hỏi các gói tỉnh đã nhận", "Asking which bundles the province holds") from exc
            for bundle_id, receipt in entries:
                if bundle_id not in batch:
                    continue
                try:
                    checked = verify_receipt(receipt, province.signing)
                except BaocaoError:
                    log.warning("ignoring an invalid receipt from the server for bundle %s", bundle_id)
                    continue
                if checked.bundle_id in (None, bundle_id):
                    found[bundle_id] = receipt
        return found

    def upload(self, bundle: BundleToSend, *, state: UploadState | None,
               on_state: Callable[[UploadState], None], progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None, on_held: Callable[[], None] | None = None) -> bytes:
        """Send ``bundle`` (resuming from ``state``) and commit it; returns the verified receipt envelope.

        ``on_state`` is called after the upload is created and after every chunk, for the caller to persist;
        ``on_held`` when the province answered with a receipt it had given before (nothing was sent).
        A refused bundle raises ``RejectedError`` carrying the province's signed receipt.
        """
        self._need_key()
        province = self._need_province()

        def check(receipt: bytes) -> bytes:
            return check_receipt(receipt, bundle, province)

        def exchange(method: str, url: str, *, body: bytes = b"", headers: Mapping[str, str] | None = None,
                     on_sent: Callable[[int], None] | None = None) -> Answer:
            return self._exchange(method, url, body=body, headers=headers, on_sent=on_sent, cancelled=cancelled)

        return upload_bundle(exchange, bundle, uploads_url=self._url("v1/uploads"), state=state, on_state=on_state,
                             progress=progress, cancelled=cancelled, backoff=Backoff(self.policy, cancelled),
                             check_receipt=check, on_held=on_held)

    def receipt(self, bundle_id: str, bundle: BundleToSend | None = None) -> bytes | None:
        """The province's receipt for ``bundle_id``, verified, or None when it has none."""
        province = self._need_province()
        answer = self._call("GET", f"v1/receipts/{bundle_id}", allow=(404,),
                            doing=("Lấy biên nhận", "Fetching the receipt"))
        if answer.status == 404:
            return None
        try:
            receipt = base64.b64decode(parse_strict_json(answer.body)["receipt"], validate=True)
        except (ValueError, KeyError, TypeError, binascii.Error) as exc:
            raise _malformed("Lấy biên nhận", "Fetching the receipt") from exc
        if bundle is not None:
            return check_receipt(receipt, bundle, province)
        verify_receipt(receipt, province.signing)
        return receipt

    def chain_position(self) -> dict[str, Any]:
        """Where this device's chain stands on the province, who holds each period's revision and the bundle
        formats the province takes (``GET /v1/chain``)."""
        answer = self._call("GET", "v1/chain",
                            doing=("Hỏi vị trí chuỗi báo cáo", "Asking where the report chain stands"))
        try:
            data = parse_strict_json(answer.body)
            device, periods = data["device"], data["periods"]
            formats = data.get("bundle_formats", [])  # absent from a server older than bundle format 2
            if not isinstance(periods, dict) or int(device["last_sequence"]) < 0 or not isinstance(formats, list):
                raise ValueError("periods")
        except (ValueError, KeyError, TypeError) as exc:
            raise _malformed("Hỏi vị trí chuỗi báo cáo", "Asking where the report chain stands") from exc
        return {"device": device, "periods": periods, "bundle_formats": [f for f in formats if isinstance(f, str)][:16]}

    def history(self, agency: str) -> AgencyHistory:
        """The agency's accepted history, verified against the pinned province key (``GET /v1/history``)."""
        province = self._need_province()
        answer = self._call("GET", "v1/history", limit=MAX_HISTORY_BYTES,
                            doing=("Tải lịch sử báo cáo", "Downloading the report history"))
        return verify_history(answer.body, province, agency)

    def history_bundle(self, entry: HistoryEntry) -> bytes:
        """One accepted bundle's bytes; refused unless they hash to what the signed history lists."""
        answer = self._call("GET", f"v1/history/bundles/{entry.sha256}", limit=max(entry.size, 65536),
                            doing=("Tải gói báo cáo đã nộp", "Downloading an accepted bundle"))
        if len(answer.body) != entry.size or hashlib.sha256(answer.body).hexdigest() != entry.sha256:
            # Not a passing fault to retry: the bytes are not the ones the province's signed list names.
            raise IntegrityError(f"Gói {entry.bundle_id} Sở gửi về không khớp danh sách Sở đã ký (mã băm khác): "
                                 "không khôi phục gói này.",
                                 f"Bundle {entry.bundle_id} sent by the province does not match the list it signed "
                                 "(different SHA-256): not restored.", code="history")
        return answer.body

    # --- plumbing ---

    def _call(self, method: str, path: str, *, doing: tuple[str, str], body: bytes = b"",
              headers: Mapping[str, str] | None = None, signed: bool = True, limit: int = MAX_ANSWER_BYTES,
              allow: tuple[int, ...] = ()) -> Answer:
        """One request with retries under the policy; returns a 2xx/304 (or ``allow``ed) answer."""
        backoff = Backoff(self.policy)
        clock_fixed = False
        while True:
            try:
                answer = self._exchange(method, self._url(path), body=body, headers=headers, signed=signed,
                                        limit=limit)
                if 200 <= answer.status < 300 or answer.status == 304 or answer.status in allow:
                    return answer
                error = error_for(answer, *doing)
                if error.code == "clock" and not clock_fixed and self._learn_clock(answer):
                    clock_fixed = True
                    continue
                raise error
            except TransientError as exc:
                backoff.failed(exc)

    def _exchange(self, method: str, url: str, *, body: bytes = b"", headers: Mapping[str, str] | None = None,
                  signed: bool = True, limit: int = MAX_ANSWER_BYTES, on_sent: Callable[[int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Answer:
        """Exactly one HTTP exchange; any transport failure becomes ``TransientError``."""
        content: bytes | Iterator[bytes] = body
        all_headers = dict(headers or {})
        if on_sent is not None or cancelled is not None:
            content = _slices(body, on_sent, cancelled)
            all_headers["Content-Length"] = str(len(body))
        request = self._http.build_request(method, url, content=content, headers=all_headers)
        if signed:
            target = request.url.raw_path.decode("ascii")
            request.headers.update(sign_request(self._need_key(), method, target, body,
                                                now=time.time() + self._skew, headers=all_headers))
        try:
            response = self._http.send(request, stream=True)
            try:
                data = _read_bounded(response, limit)
            finally:
                response.close()
        except httpx.TimeoutException as exc:
            raise TransientError("Đường truyền bị treo: không có dữ liệu nào đi hoặc đến; sẽ thử lại.",
                                 "The link stalled: no data moved either way; will try again.",
                                 code="stalled", link=True) from exc
        except httpx.ConnectError as exc:
            if _is_certificate_error(exc):
                raise TransientError("Chứng chỉ của máy chủ tỉnh không được tin cậy. Hãy kiểm tra địa chỉ máy chủ "
                                     "và tệp chứng chỉ (CA) trong phần cài đặt.",
                                     "The province server's certificate is not trusted. Check the server address "
                                     "and the CA file in the settings.", code="tls", link=True,
                                     retryable=False) from exc
            raise _unreachable() from exc
        except httpx.TransportError as exc:
            raise _link_cut() from exc
        return Answer(response.status_code, {k.lower(): v for k, v in response.headers.items()}, data)

    def _learn_clock(self, answer: Answer) -> bool:
        """Sign with the server's clock when it says ours is off (PCs in offices often keep the wrong time)."""
        try:
            server_now = parsedate_to_datetime(answer.header("date") or "").timestamp()
        except (TypeError, ValueError, IndexError):
            return False
        self._skew = server_now - time.time()
        log.info("signing with the province server's clock (offset %.0f s)", self._skew)
        return True

    def _url(self, path: str) -> str:
        return self._base + path

    def _need_key(self) -> Ed25519PrivateKey:
        if self.device_key is None:
            raise SyncError("Máy này chưa có khoá thiết bị.", "This computer has no device key yet.",
                            code="no_device_key")
        return self.device_key

    def _need_province(self) -> ProvincePublicKeys:
        if self.province is None:
            raise SyncError("Máy này chưa đăng ký với tỉnh.", "This computer is not enrolled with the province yet.",
                            code="not_enrolled")
        return self.province


def check_receipt(receipt: bytes, bundle: BundleToSend, province: ProvincePublicKeys) -> bytes:
    """Verify a receipt for ``bundle``; a "rejected" one raises ``RejectedError`` carrying it."""
    try:
        checked = verify_receipt(receipt, province.signing)
    except ReceiptError as exc:
        # Not the pinned province, or damaged on the way: nothing is marked, and the run stops.
        raise TransientError(f"Không tin được biên nhận nhận về: {exc.message_vi}",
                             f"The receipt received cannot be trusted: {exc.message_en}", code=exc.code,
                             link=True, retryable=False) from exc
    if checked.bundle_sha256 != bundle.sha256 or checked.bundle_id not in (None, bundle.bundle_id):
        raise TransientError("Biên nhận của tỉnh không khớp với gói đã gửi; sẽ thử lại.",
                             "The province's receipt does not match the bundle sent; will try again.",
                             code="receipt_mismatch")
    if checked.status == "rejected":
        raise RejectedError(f"Tỉnh từ chối gói {bundle.bundle_id}: {checked.message_vi}",
                            f"The province rejected bundle {bundle.bundle_id}: {checked.message_en}",
                            code=checked.code or "rejected", receipt=receipt)
    return receipt


def _slices(body: bytes, on_sent: Callable[[int], None] | None,
            cancelled: Callable[[], bool] | None) -> Iterator[bytes]:
    """The body in slices, reporting what went and honouring cancel between slices."""
    for start in range(0, len(body), _SEND_SLICE):
        if cancelled is not None and cancelled():
            raise CancelledSync
        yield body[start:start + _SEND_SLICE]
        if on_sent is not None:
            on_sent(min(len(body), start + _SEND_SLICE))


def _read_bounded(response: httpx.Response, limit: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large()
    data = bytearray()
    for piece in response.iter_bytes():
        data += piece
        if len(data) > limit:
            raise _too_large()
    return bytes(data)


def _is_certificate_error(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _unreachable() -> TransientError:
    return TransientError("Không kết nối được tới máy chủ của tỉnh; sẽ thử lại khi có mạng.",
                          "Cannot reach the province server; will try again when the link is back.",
                          code="unreachable", link=True)


def _link_cut() -> TransientError:
    return TransientError("Đường truyền tới máy chủ của tỉnh bị ngắt giữa chừng; sẽ thử lại.",
                          "The link to the province server was cut; will try again.", code="link_cut", link=True)


def _too_large() -> TransientError:
    return TransientError("Máy chủ trả lời quá lớn so với giới hạn.", "The server's answer exceeds the size limit.",
                          code="answer_too_large")


def _malformed(doing_vi: str, doing_en: str) -> TransientError:
    return TransientError(f"{doing_vi}: máy chủ trả lời sai định dạng.", f"{doing_en}: malformed server answer.",
                          code="malformed_answer")


def _names(value: Any) -> tuple[str, ...]:
    """The revoked PCs' names of an enrollment answer, bounded (an older server sends none)."""
    if not isinstance(value, list):
        return ()
    return tuple(name[:100] for name in value[:MAX_REPLACED] if isinstance(name, str))
