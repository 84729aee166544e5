"""What can go wrong talking to the province, as data the outbox and the GUI can act on.

- ``TransientError``: try again later (the link, a busy or restarting server). Nothing is marked; the
  bundle stays in the outbox. ``link`` says the province could not be reached at all (or not trusted:
  a receipt not signed by the pinned key), so a sync run stops instead of trying every bundle;
  ``retryable`` is False when trying again without the user changing something (a TLS certificate)
  cannot help.
- ``RejectedError``: the province refused for good. With a signed "rejected" receipt when the bundle
  itself was refused; the bundle then needs the user's attention.
- ``DeviceRejected``: the province refuses this device (unknown, revoked, wrong clock; a 401, or a 403
  outside an upload): every bundle would meet the same answer, so none is marked and the run stops.
- ``CancelledSync``: the user pressed cancel.

Messages never carry key material, only what the user can act on.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from desktop.errors import BaocaoError
from desktop.sync.canonical import parse_strict_json

_TRANSIENT = frozenset({408, 425, 429})
_MAX_PROBLEM = 64 * 1024
_MAX_TEXT = 500
_CODE = re.compile(r"[a-z0-9_.-]{1,64}\Z")


class SyncError(BaocaoError):
    """A sync step that did not complete."""

    code = "sync"


class TransientError(SyncError):
    """A failure that may pass: try again later."""

    code = "sync_transient"

    def __init__(self, message_vi: str, message_en: str, *, code: str | None = None,
                 retry_after: float | None = None, link: bool = False, retryable: bool = True) -> None:
        super().__init__(message_vi, message_en, code=code)
        self.retry_after = retry_after
        self.link = link
        self.retryable = retryable


class RejectedError(SyncError):
    """A permanent refusal; ``receipt`` holds the province's signed "rejected" receipt when there is one."""

    code = "sync_rejected"

    def __init__(self, message_vi: str, message_en: str, *, code: str | None = None,
                 receipt: bytes | None = None, status: int | None = None) -> None:
        super().__init__(message_vi, message_en, code=code)
        self.receipt = receipt
        self.status = status


class DeviceRejected(RejectedError):
    """The province refuses this device or its clock, whatever it sends."""

    code = "sync_device"


class CancelledSync(SyncError):
    """The user cancelled the sync."""

    code = "sync_cancelled"

    def __init__(self) -> None:
        super().__init__("Đã huỷ đồng bộ.", "Sync cancelled.")


@dataclass(frozen=True)
class Answer:
    """One HTTP answer, whatever its status: headers with lower-case names, the (bounded) body."""

    status: int
    headers: Mapping[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        """A header's value by its name in any case."""
        return self.headers.get(name.lower())


def error_for(answer: Answer, doing_vi: str, doing_en: str, *, for_upload: bool = False) -> SyncError:
    """The error a non-success answer means, with the server's own message when it gave one.

    In an upload (``for_upload``) a 409 passes by itself (the offset moved, another request is still
    writing) and a 403 is about the bundle (another agency's), so it needs attention without stopping
    the run; elsewhere a 409 is final (a key enrolled for another agency) and a 403 refuses the device.
    """
    code, vi, en = _problem(answer)
    retry_after = parse_retry_after(answer.header("retry-after"))
    if answer.status in _TRANSIENT or answer.status >= 500 or (for_upload and answer.status == 409):
        return TransientError(f"{doing_vi}: máy chủ của tỉnh tạm thời chưa nhận ({answer.status}). {vi}".strip(),
                              f"{doing_en}: the province server is not accepting for now ({answer.status}). {en}"
                              .strip(), code=code or f"http_{answer.status}", retry_after=retry_after)
    # A revoked device is refused on every request, chunks and commits included: never the bundle's fault.
    device_level = answer.status == 401 or (answer.status == 403 and (not for_upload or code == "device_revoked"))
    kind = DeviceRejected if device_level else RejectedError
    if code == "device_revoked" and vi and en:  # the province's own words say it all; no status number
        return DeviceRejected(vi, en, code=code, status=answer.status)
    return kind(f"{doing_vi}: máy chủ của tỉnh từ chối ({answer.status}). {vi}".strip(),
                f"{doing_en}: the province server refused ({answer.status}). {en}".strip(),
                code=code or f"http_{answer.status}", status=answer.status)


def _problem(answer: Answer) -> tuple[str | None, str, str]:
    """``(code, message_vi, message_en)`` from a JSON problem body, each bounded; empty when absent."""
    if not answer.body or len(answer.body) > _MAX_PROBLEM:
        return None, "", ""
    try:
        body = parse_strict_json(answer.body)
    except ValueError:
        return None, "", ""
    if not isinstance(body, dict):
        return None, "", ""
    texts = [value if isinstance(value, str) else "" for value in (body.get(k) for k in ("code", "message_vi",
                                                                                         "message_en"))]
    code = texts[0][:64] if _CODE.match(texts[0]) else None
    return code, texts[1][:_MAX_TEXT], texts[2][:_MAX_TEXT]


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(min(int(value), 7 * 24 * 3600))
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))
