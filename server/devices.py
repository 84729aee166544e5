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


def revoked_refusal(key_id: str, revoked_at: int) -> RequestRejected:
    """The answer to any request signed by a revoked key (403 ``device_revoked``)."""
    when = format_moment(revoked_at)
    return RequestRejected(403, "device_revoked",
                           f"Máy này (khoá {key_id}) đã bị Sở thu hồi lúc {when}; yêu cầu bị từ chối. "
                           "Hãy xin Sở mã đăng ký mới cho máy này.",
                           f"This PC (key {key_id}) was revoked by the province at {when} (Vietnam time); "
                           "the request is refused. Ask the province for a new enrollment code.")
