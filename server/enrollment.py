"""Agencies and enrollment: one-time codes bound to an agency, exchanged for a registered device key.

A code is 60 random bits in twelve unambiguous characters ("K7QM-2XPA-9RTD"), stored only as its
SHA-256, valid for a few days and good for one device. The same device sending the same code again
(its first answer was lost) is answered again; any other second use is refused.

The first group of four characters is the code's public *selector* (``EnrollCodeTerms``; unique among
live codes): a wrong code whose selector is a live code's counts as a wrong try against that code, and
after ``max_failures`` of them the code is locked for good (``enroll_code_locked``), however many
addresses the tries came from. The remaining eight characters (40 bits) are the secret. A code may
also name the devices it replaces (``--replaces all|KEY_ID``): they are revoked when it enrolls.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.domain.text import nfc
from desktop.errors import InputError
from desktop.models.keyslots import RECOVERY_ALPHABET
from desktop.sync.device_keys import ED25519_LEN, key_id
from server.db import Database
from server.devices import REPLACED_BY, revocation_of, revoke_in, revoked_refusal
from server.models import Agency, AgencyContact, AuditEvent, Device, EnrollCode, EnrollCodeTerms
from server.problems import ApiError
from server.province import checked_phone

CODE_LENGTH = 12
SELECTOR_LENGTH = 4
MAX_FAILURES = 5
REPLACES_ALL = "all"
AGENCY_KINDS = ("commune", "department", "province", "other")


@dataclass(frozen=True)
class Enrollment:
    """What an enrolled device learns about its agency."""

    agency_code: str
    agency_name: str
    parent_name: str
    kind: str
    device_key_id: str
    replaced: tuple[str, ...] = ()  # the names of the agency's PCs this enrollment revoked (``--replaces``)


def add_agency(db: Database, code: str, name: str, *, parent_name: str = "", kind: str = "commune",
               phone: str = "") -> None:
    """Register an agency; its code is what bundles name (letters, digits, ``.``, ``_``, ``-``); ``phone`` is
    the number the Sở calls to remind it."""
    phone = checked_phone(phone)
    if not code or len(code) > 64 or not all(c.isascii() and (c.isalnum() or c in "._-") for c in code):
        raise InputError(f"Mã cơ quan {code!r} không hợp lệ.", f"Invalid agency code {code!r}.", code="agency_code")
    if kind not in AGENCY_KINDS:
        raise InputError(f"Loại cơ quan {kind!r} không hợp lệ.", f"Unknown agency kind {kind!r}.", code="agency_kind")
    with db.transaction() as session:
        if session.scalar(select(Agency.id).where(Agency.code == code)) is not None:
            raise InputError(f"Cơ quan {code} đã có.", f"Agency {code} already exists.", code="agency_exists")
        agency = Agency(code=code, name=nfc(name)[:300], parent_name=nfc(parent_name)[:300], kind=kind,
                        created_at=int(time.time()), chain="{}")
        session.add(agency)
        if phone:
            session.flush()
            session.add(AgencyContact(agency_id=agency.id, phone=phone))


def set_agency_phone(db: Database, code: str, phone: str) -> None:
    """Change an agency's phone number ("" removes it)."""
    phone = checked_phone(phone)
    with db.transaction() as session:
        agency_id = session.scalar(select(Agency.id).where(Agency.code == code))
        if agency_id is None:
            raise InputError(f"Không có cơ quan {code}.", f"No agency {code}.", code="no_agency")
        session.execute(delete(AgencyContact).where(AgencyContact.agency_id == agency_id))
        if phone:
            session.add(AgencyContact(agency_id=agency_id, phone=phone))


def agency_phones(db: Database) -> dict[str, str]:
    """Each agency's phone number by agency code (agencies without one are absent)."""
    with db.reading() as connection:
        return dict(connection.execute(select(Agency.code, AgencyContact.phone)
                                       .join(AgencyContact, AgencyContact.agency_id == Agency.id)).all())


def issue_code(db: Database, agency_code: str, *, days: int = 7, replaces: str | None = None) -> str:
    """A new one-time enrollment code for ``agency_code``, valid ``days`` days; only its hash is kept.

    ``replaces`` ("all" or a device key id of the agency): the devices revoked when the code enrolls.
    """
    if not 1 <= days <= 90:
        raise InputError("Số ngày hiệu lực phải từ 1 đến 90.", "Validity must be 1 to 90 days.", code="days")
    now = int(time.time())
    with db.transaction() as session:
        agency_id = session.scalar(select(Agency.id).where(Agency.code == agency_code))
        if agency_id is None:
            raise InputError(f"Không có cơ quan {agency_code}.", f"No agency {agency_code}.", code="no_agency")
        if replaces not in (None, REPLACES_ALL) and session.scalar(select(Device.id).where(
                Device.key_id == replaces, Device.agency_id == agency_id, Device.revoked_at.is_(None))) is None:
            raise InputError(f"Cơ quan {agency_code} không có thiết bị đang hoạt động {replaces}.",
                             f"Agency {agency_code} has no active device {replaces}.", code="no_device")
        while True:
            raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(CODE_LENGTH))
            if _live_terms(session, raw[:SELECTOR_LENGTH], now) is None:
                break
        code = "-".join(raw[i:i + 4] for i in range(0, CODE_LENGTH, 4))
        row = EnrollCode(code_hash=code_hash(code), agency_id=agency_id, created_at=now,
                         expires_at=now + days * 86400)
        session.add(row)
        session.flush()
        session.add(EnrollCodeTerms(code_id=row.id, selector=raw[:SELECTOR_LENGTH], failures=0, replaces=replaces))
    return code


def _cleaned(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _live_terms(session: Session, selector: str, now: float) -> EnrollCodeTerms | None:
    """The terms of the unused, unexpired code with this selector, if any."""
    return session.scalar(select(EnrollCodeTerms).join(EnrollCode, EnrollCode.id == EnrollCodeTerms.code_id)
                          .where(EnrollCodeTerms.selector == selector, EnrollCode.device_id.is_(None),
                                 EnrollCode.expires_at >= now).with_for_update())


def code_hash(code: str) -> str:
    """SHA-256 of the code as typed, ignoring case, spaces and dashes."""
    return hashlib.sha256(_cleaned(code).encode("ascii", "replace")).hexdigest()


def enroll(db: Database, code: str, public_key_b64: str, device_name: str, *, now: float,
           max_failures: int = MAX_FAILURES) -> Enrollment:
    """Spend ``code`` to register the device key; 403 for a wrong, used, expired or locked code."""
    public_key = _public_key(public_key_b64)
    kid = key_id("ed25519", public_key)
    refused = ApiError(403, "enroll_code", "Mã đăng ký không đúng, đã dùng hoặc đã hết hạn. Hãy xin Sở mã mới.",
                       "The enrollment code is wrong, used or expired. Ask the province for a new one.")
    with db.transaction() as session:
        if session.scalar(select(EnrollCode.id).where(EnrollCode.code_hash == code_hash(code))) is None:
            _count_failure(session, _cleaned(code)[:SELECTOR_LENGTH], now, max_failures)
            wrong = True
        else:
            wrong = False
    if wrong:
        raise refused
    with db.transaction() as session:
        row = session.scalar(select(EnrollCode).where(EnrollCode.code_hash == code_hash(code)).with_for_update())
        if row is None or row.expires_at < now:
            raise refused
        terms = session.get(EnrollCodeTerms, row.id)
        if terms is not None and terms.locked_at is not None:
            raise _locked()
        agency = session.get(Agency, row.agency_id)
        assert agency is not None
        device = session.scalar(select(Device).where(Device.key_id == kid))
        replaced: list[str] = []
        if row.device_id is not None:
            if device is None or device.id != row.device_id:
                raise refused
        elif device is not None:
            if device.agency_id != agency.id:
                raise ApiError(409, "key_in_use", "Khoá thiết bị này đã đăng ký cho cơ quan khác.",
                               "This device key is already enrolled for another agency.")
            if device.revoked_at is not None:
                # A revoked key is presumed lost or stolen: it never comes back, a new code or not.
                revoked = revoked_refusal(device.revoked_at, *revocation_of(session, device.id))
                raise ApiError(403, revoked.code, revoked.message_vi, revoked.message_en)
            row.device_id = device.id
        else:
            device = Device(key_id=kid, public_key=public_key, agency_id=agency.id,
                            name=nfc(device_name)[:100], enrolled_at=int(now))
            session.add(device)
            session.flush()
            row.device_id = device.id
            if terms is not None and terms.replaces is not None:
                replaced = _revoke_replaced(session, device, terms.replaces, int(now))
        # The audit log answers «which PC joined, for whom, when»: the key id, never the code.
        session.add(AuditEvent(at=int(now), actor=agency.code, action="device_enroll", subject=f"{agency.code} {kid}",
                               details=json.dumps({"device": device.name, "replaced": replaced}, ensure_ascii=False)))
        return Enrollment(agency.code, agency.name, agency.parent_name, agency.kind, kid, tuple(replaced))


def _count_failure(session: Session, selector: str, now: float, max_failures: int) -> None:
    """A wrong code whose selector is a live code's: one more wrong try against that code; locked at the limit."""
    terms = _live_terms(session, selector, now)
    if terms is None or terms.locked_at is not None:
        return
    terms.failures += 1
    if terms.failures >= max_failures:
        terms.locked_at = int(now)


def _revoke_replaced(session: Session, device: Device, replaces: str, now: int) -> list[str]:
    """Revoke the devices the code replaces; their names."""
    others = session.scalars(select(Device).where(Device.agency_id == device.agency_id, Device.id != device.id,
                                                  Device.revoked_at.is_(None))).all()
    names = []
    for other in others:
        if replaces == REPLACES_ALL or other.key_id == replaces:
            names.append(other.name)
            revoke_in(session, other, f"Thay bằng máy «{device.name}» ({device.key_id}) khi máy đó đăng ký",
                      REPLACED_BY, now)
    return names


def _locked() -> ApiError:
    return ApiError(403, "enroll_code_locked",
                    "Mã đăng ký này đã bị khoá vì bị nhập sai quá nhiều lần. Hãy xin Sở mã mới.",
                    "This enrollment code is locked after too many wrong tries. Ask the province for a new one.")


def _public_key(text: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != ED25519_LEN:
        raise ApiError(400, "device_key", "Khoá công khai của thiết bị không hợp lệ (cần 32 byte Ed25519, base64).",
                       "Invalid device public key (32 raw Ed25519 bytes in base64 expected).")
    return raw
