"""An agency's enrolled devices on the province side: list them, revoke a lost or replaced one.

Revocation keeps when (``Device.revoked_at``), why and by whom (``DeviceRevocation``) and appends an
``AuditEvent`` in the same transaction. A revoked key's requests are refused (``device_revoked``, with the
date); bundles it signed before the revocation stay valid, later ones are refused (``server.intake``).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.periods import VIETNAM_TZ
from desktop.domain.text import nfc
from desktop.errors import InputError
from desktop.sync.request_signing import RequestRejected
from server.db import Database
from server.models import Agency, AuditEvent, Device, DeviceRevocation

MAX_REASON = 500


@dataclass(frozen=True)
class DeviceInfo:
    """One enrolled device as the province sees it."""

    key_id: str
    agency_code: str
    name: str
    enrolled_at: int
    revoked_at: int | None
    revoke_reason: str | None
    revoked_by: str | None


def list_devices(db: Database, agency_code: str | None) -> list[DeviceInfo]:
    """Every device (of ``agency_code`` when given), by agency then enrollment time."""
    query = (select(Device, Agency.code, DeviceRevocation)
             .join(Agency, Agency.id == Device.agency_id)
             .outerjoin(DeviceRevocation, DeviceRevocation.device_id == Device.id)
             .order_by(Agency.code, Device.enrolled_at, Device.id))
    with db.transaction() as session:
        if agency_code is not None:
            if session.scalar(select(Agency.id).where(Agency.code == agency_code)) is None:
                raise InputError(f"Không có cơ quan {agency_code}.", f"No agency {agency_code}.", code="no_agency")
            query = query.where(Agency.code == agency_code)
        return [DeviceInfo(device.key_id, code, device.name, device.enrolled_at, device.revoked_at,
                           revocation.reason if revocation else None, revocation.actor if revocation else None)
                for device, code, revocation in session.execute(query)]


def revoke_device(db: Database, key_id: str, reason: str, actor: str) -> DeviceInfo:
    """Revoke the device ``key_id`` now, keeping ``reason`` and ``actor``; an error if unknown or already revoked."""
    with db.transaction() as session:
        device = session.scalar(select(Device).where(Device.key_id == key_id).with_for_update())
        if device is None:
            raise InputError(f"Không có thiết bị {key_id}.", f"No device {key_id}.", code="no_device")
        if device.revoked_at is not None:
            raise InputError(f"Thiết bị {key_id} đã bị thu hồi lúc {format_moment(device.revoked_at)}.",
                             f"Device {key_id} was already revoked at {format_moment(device.revoked_at)}.",
                             code="already_revoked")
        revoke_in(session, device, reason, actor, int(time.time()))
    return next(d for d in list_devices(db, None) if d.key_id == key_id)


def revoke_in(session: Session, device: Device, reason: str, actor: str, now: int) -> None:
    """Revoke ``device`` inside the caller's transaction (also used when a replacement enrolls)."""
    text = nfc(reason).strip()[:MAX_REASON]
    if not text:
        raise InputError("Hãy ghi lý do thu hồi (--reason).", "Give the reason for the revocation (--reason).",
                         code="reason")
    device.revoked_at = now
    session.merge(DeviceRevocation(device_id=device.id, revoked_at=now, reason=text, actor=actor[:100]))
    session.add(AuditEvent(at=now, actor=actor[:100], action="device.revoke", subject=device.key_id,
                           details=json.dumps({"reason": text}, ensure_ascii=False)))


def format_moment(unix: int) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time, as the province and the commune read it."""
    return datetime.fromtimestamp(unix, UTC).astimezone(VIETNAM_TZ).strftime("%d/%m/%Y %H:%M")


REPLACED_BY = "enroll-code"  # the actor of a revocation made when a replacement PC enrolled


def revoked_refusal(revoked_at: int, reason: str | None, actor: str | None) -> RequestRejected:
    """The answer to any request signed by a revoked key (403 ``device_revoked``): when, why, and what to do,
    in the officer's words (the key's id is for the province's lists, not for the commune's screen)."""
    when = format_moment(revoked_at)
    if actor == REPLACED_BY:
        why_vi, why_en = " vì một máy khác của cơ quan đã đăng ký thay máy này", \
            " because another PC of the agency enrolled to replace it"
    elif reason:
        why_vi, why_en = f" vì: {reason.rstrip('.')}", f" (reason: {reason.rstrip('.')})"
    else:
        why_vi = why_en = ""
    return RequestRejected(403, "device_revoked",
                           f"Máy này đã bị Sở thu hồi lúc {when}{why_vi}; Sở không nhận gì gửi từ máy này nữa. "
                           "Nếu cơ quan vẫn dùng máy này, hãy xin Sở mã đăng ký mới và đăng ký lại: máy sẽ dùng "
                           "khóa mới (khóa cũ vẫn bị thu hồi).",
                           f"This PC was revoked by the province at {when} (Vietnam time){why_en}; the province "
                           "takes nothing from it any more. If the agency still uses this PC, ask the province for "
                           "a new enrollment code and enroll again: the PC will use a new key (the old one stays "
                           "revoked).")


def revocation_of(session: Session, device_id: int) -> tuple[str | None, str | None]:
    """Why and by whom the device was revoked, when the province kept it."""
    found = session.get(DeviceRevocation, device_id)
    return (found.reason, found.actor) if found is not None else (None, None)
