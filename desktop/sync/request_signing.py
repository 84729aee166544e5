"""Signed HTTP requests: how an enrolled device proves that a request to the province is its own.

Every request except enrollment and the health check carries four headers:

- ``Baocao-Key``: the device key id (``desktop.sync.device_keys.key_id("ed25519", public)``);
- ``Baocao-Timestamp``: unix seconds, a decimal integer;
- ``Baocao-Nonce``: 32 random lower-case hex digits, never reused;
- ``Baocao-Signature``: base64 of the Ed25519 signature over ``signing_message(...)``.

The signed message binds the method, the request target exactly as sent (raw path, plus ``?`` and the raw
query when there is one), the timestamp, the nonce, the SHA-256 of the body and the values of the upload
headers that steer the server (``Upload-Offset``, ``Upload-Length``, ``Upload-Checksum``,
``Upload-Metadata``; empty when absent), so a captured request cannot be replayed against another
resource, with another body or other upload headers, or later than the window. Remembering nonces is
the server's job (it holds the store); this module only checks what one request can prove on its own.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.errors import BaocaoError
from desktop.sync.device_keys import ED25519_LEN, ed25519_public_bytes, key_id, load_ed25519_public

KEY_HEADER = "Baocao-Key"
TIMESTAMP_HEADER = "Baocao-Timestamp"
NONCE_HEADER = "Baocao-Nonce"
SIGNATURE_HEADER = "Baocao-Signature"
SIGNED_HEADERS = (KEY_HEADER, TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER)
DEFAULT_WINDOW = 300
_PREFIX = b"baocao-request/2\n"
UPLOAD_HEADERS = ("Upload-Offset", "Upload-Length", "Upload-Checksum", "Upload-Metadata")
_NONCE = re.compile(r"[0-9a-f]{32}\Z")
_KEY_ID = re.compile(r"ed25519:[0-9a-f]{16}\Z")
_TIMESTAMP = re.compile(r"[0-9]{1,12}\Z")
_METHOD = re.compile(r"[A-Z]{1,16}\Z")
_MAX_TARGET = 4096
_SIGNATURE_B64_LEN = 88


class RequestRejected(BaocaoError):
    """A request the server refuses before doing anything: carries the HTTP status to answer with."""

    code = "request"

    def __init__(self, status: int, code: str, message_vi: str, message_en: str) -> None:
        super().__init__(message_vi, message_en, code=code)
        self.status = status


@dataclass(frozen=True)
class SignedHeaders:
    """The four signing headers of one request, parsed and checked for form, time and a known key."""

    key_id: str
    timestamp: int
    nonce: str
    signature: bytes
    public_key: bytes


def body_digest(body: bytes) -> str:
    """Lower-case hex SHA-256 of a request body (the empty body included)."""
    return hashlib.sha256(body).hexdigest()


def signing_message(method: str, target: str, timestamp: int, nonce: str, body_sha256_hex: str,
                    headers: Mapping[str, str] | None = None) -> bytes:
    """The exact bytes a device signs for one request; ``headers`` are the request's (only the upload ones count).

    Lines: method, target, timestamp, nonce, body SHA-256, then ``name:value`` for each of
    ``UPLOAD_HEADERS`` in that order (lower-case name, the value as sent, empty when absent).
    """
    present = {name.lower(): value for name, value in (headers or {}).items()}
    lines = (method.upper(), target, str(timestamp), nonce, body_sha256_hex,
             *(f"{name.lower()}:{present.get(name.lower(), '')}" for name in UPLOAD_HEADERS))
    return _PREFIX + "\n".join(lines).encode("utf-8")


def sign_request(key: Ed25519PrivateKey, method: str, target: str, body: bytes, *,
                 now: float | None = None, nonce: str | None = None,
                 headers: Mapping[str, str] | None = None) -> dict[str, str]:
    """The signing headers for a request of ``method`` on ``target`` (raw path and query) with ``body``.

    ``headers``: the request's other headers, exactly as they will be sent (the upload headers are signed).
    """
    timestamp = int(time.time() if now is None else now)
    nonce = secrets.token_hex(16) if nonce is None else nonce
    if not _NONCE.match(nonce):
        raise ValueError("nonce must be 32 lower-case hex digits")
    signature = key.sign(signing_message(method, target, timestamp, nonce, body_digest(body), headers))
    return {KEY_HEADER: key_id("ed25519", ed25519_public_bytes(key)), TIMESTAMP_HEADER: str(timestamp),
            NONCE_HEADER: nonce, SIGNATURE_HEADER: base64.b64encode(signature).decode("ascii")}


def parse_signed_headers(headers: Mapping[str, str], *, public_key_for: Callable[[str], bytes | None],
                         now: float, window: int = DEFAULT_WINDOW) -> SignedHeaders:
    """Check the headers' presence, form, timestamp window and key before the body is read.

    ``public_key_for`` maps a key id to the enrolled device's raw public key, or None when unknown.
    Raises ``RequestRejected`` (401) with code "unsigned", "clock" or "unknown_device".
    """
    values = _lookup(headers)
    missing = [name for name in SIGNED_HEADERS if not values.get(name.lower())]
    if missing:
        raise RequestRejected(401, "unsigned", f"Yêu cầu chưa được ký (thiếu {', '.join(missing)}).",
                              f"Request is not signed (missing {', '.join(missing)}).")
    kid, stamp, nonce, sig_text = (values[name.lower()] for name in SIGNED_HEADERS)
    if not (_KEY_ID.match(kid) and _TIMESTAMP.match(stamp) and _NONCE.match(nonce)
            and len(sig_text) == _SIGNATURE_B64_LEN):
        raise RequestRejected(401, "unsigned", "Tiêu đề chữ ký của yêu cầu sai định dạng.",
                              "The request's signature headers are malformed.")
    try:
        signature = base64.b64decode(sig_text, validate=True)
    except binascii.Error:
        raise RequestRejected(401, "unsigned", "Chữ ký của yêu cầu không phải base64.",
                              "The request signature is not base64.") from None
    timestamp = int(stamp)
    if abs(timestamp - now) > window:
        raise RequestRejected(401, "clock", "Đồng hồ của máy tính lệch quá nhiều so với máy chủ của tỉnh. "
                              "Hãy chỉnh lại ngày giờ của máy tính rồi thử lại.",
                              "This computer's clock is too far from the province server's. "
                              "Set the computer's date and time correctly, then try again.")
    public_key = public_key_for(kid)
    if public_key is None or len(public_key) != ED25519_LEN:
        raise RequestRejected(401, "unknown_device", f"Thiết bị {kid} chưa đăng ký hoặc đã bị thu hồi.",
                              f"Device {kid} is not enrolled or has been revoked.")
    return SignedHeaders(kid, timestamp, nonce, signature, public_key)


def check_signature(signed: SignedHeaders, method: str, target: str, body_sha256_hex: str,
                    headers: Mapping[str, str] | None = None) -> None:
    """Check the signature of a request whose body hashes to ``body_sha256_hex``; 401 "signature" if bad."""
    if not _METHOD.match(method.upper()) or len(target) > _MAX_TARGET:
        raise RequestRejected(400, "malformed", "Yêu cầu sai định dạng.", "Malformed request.")
    message = signing_message(method, target, signed.timestamp, signed.nonce, body_sha256_hex, headers)
    try:
        load_ed25519_public(signed.public_key).verify(signed.signature, message)
    except InvalidSignature:
        raise RequestRejected(401, "signature", "Chữ ký của yêu cầu không hợp lệ (yêu cầu bị sửa hoặc sai khoá).",
                              "The request signature is invalid (altered request or wrong key).") from None


def verify_request(headers: Mapping[str, str], method: str, target: str, body: bytes, *,
                   public_key_for: Callable[[str], bytes | None], now: float,
                   window: int = DEFAULT_WINDOW) -> str:
    """Verify a whole signed request; returns the device key id or raises ``RequestRejected``.

    Replay across requests (the same nonce twice) is for the caller to refuse with code "replay".
    """
    signed = parse_signed_headers(headers, public_key_for=public_key_for, now=now, window=window)
    check_signature(signed, method, target, body_digest(body), headers)
    return signed.key_id


def _lookup(headers: Mapping[str, str]) -> dict[str, str]:
    """Header values by lower-case name: HTTP header names are case-insensitive."""
    return {name.lower(): value for name, value in headers.items() if name.lower().startswith("baocao-")}
