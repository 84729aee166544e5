"""Cơ quan: the agencies and their devices, and the enrollment letter's contents."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from desktop.documents.report_recipients import archive_line
from desktop.documents.report_text import DRAFT_NUMBER_BLANK
from desktop.domain.periods import vietnam_time
from desktop.sync.device_keys import ProvincePublicKeys, short_fingerprint
from server.db import Database
from server.models import Agency, Device, EnrollCode, EnrollCodeTerms
from server.province import ProvinceSettings, province_settings


@dataclass(frozen=True)
class DeviceRow:
    """One enrolled device."""

    key_id: str
    name: str
    enrolled_at: datetime
    revoked: bool


@dataclass(frozen=True)
class CodeRow:
    """One enrollment code issued to the agency (the code itself is never stored): where it stands."""

    issued_at: datetime
    expires_at: datetime
    state: str  # "pending" (may still enroll one device), "used", "expired" or "locked"
    used_by: str = ""  # the name of the device it enrolled


@dataclass(frozen=True)
class AgencyEntry:
    """One agency with its devices and the enrollment codes issued to it, newest first."""

    code: str
    name: str
    parent_name: str
    kind: str
    devices: list[DeviceRow]
    codes: list[CodeRow] = field(default_factory=list)

    @property
    def active_devices(self) -> int:
        """Devices enrolled and not revoked: the agency's app is installed when there is one."""
        return sum(not d.revoked for d in self.devices)

    @property
    def pending_codes(self) -> list[CodeRow]:
        """Codes that may still enroll a device."""
        return [c for c in self.codes if c.state == "pending"]


@dataclass(frozen=True)
class Fingerprint:
    """One key the commune compares by phone: what it is for, its id and the groups to read aloud."""

    label: str
    key_id: str
    groups: str


@dataclass(frozen=True)
class Letter:
    """What the printed enrollment letter says; ``province.public_url`` is the only server address it gives."""

    agency_code: str
    agency_name: str
    code: str
    province: ProvinceSettings
    fingerprints: list[Fingerprint]
    expires: datetime
    issued: datetime

    @property
    def number(self) -> str:
        """ "      /SKHCN-VP": a công văn's số ký hiệu, the number left blank for the văn thư to write (ND 30/2020)."""
        unit = f"-{self.province.drafting_unit}" if self.province.drafting_unit else ""
        return f"{DRAFT_NUMBER_BLANK}/{self.province.symbol}{unit}"

    @property
    def recipients(self) -> list[str]:
        """The «Nơi nhận» list: the commune addressed above, then the archive («- Lưu: VT, VP.»)."""
        return ["- Như trên;", f"- {archive_line(self.province.drafting_unit, 0)}."]


def agencies_with_devices(db: Database) -> list[AgencyEntry]:
    """Every agency, by code, with its devices."""
    with db.reading() as connection:
        agencies = connection.execute(select(Agency.id, Agency.code, Agency.name, Agency.parent_name, Agency.kind)
                                      .order_by(Agency.code)).all()
        devices: dict[int, list[DeviceRow]] = {}
        for row in connection.execute(select(Device.agency_id, Device.key_id, Device.name, Device.enrolled_at,
                                             Device.revoked_at).order_by(Device.id)):
            devices.setdefault(row.agency_id, []).append(DeviceRow(
                row.key_id, row.name, vietnam_time(datetime.fromtimestamp(row.enrolled_at, UTC)),
                row.revoked_at is not None))
        codes = _codes(connection, int(time.time()))
    return [AgencyEntry(a.code, a.name, a.parent_name, a.kind, devices.get(a.id, []), codes.get(a.id, []))
            for a in agencies]


def _codes(connection: Connection, now: int) -> dict[int, list[CodeRow]]:
    """Each agency's enrollment codes, newest first."""
    found: dict[int, list[CodeRow]] = {}
    for row in connection.execute(
            select(EnrollCode.agency_id, EnrollCode.created_at, EnrollCode.expires_at, EnrollCode.device_id,
                   EnrollCodeTerms.locked_at, Device.name)
            .outerjoin(EnrollCodeTerms, EnrollCodeTerms.code_id == EnrollCode.id)
            .outerjoin(Device, Device.id == EnrollCode.device_id).order_by(EnrollCode.id.desc())):
        if row.device_id is not None:
            state = "used"
        elif row.locked_at is not None:
            state = "locked"
        else:
            state = "expired" if row.expires_at < now else "pending"
        found.setdefault(row.agency_id, []).append(CodeRow(_moment(row.created_at), _moment(row.expires_at), state,
                                                           row.name or ""))
    return found


def _moment(seconds: int) -> datetime:
    return vietnam_time(datetime.fromtimestamp(seconds, UTC))


def letter(db: Database, agency_code: str, code: str, keys: ProvincePublicKeys, days: int) -> Letter:
    """The letter for a code just issued (the code itself is not stored: the letter is its only copy)."""
    with db.reading() as connection:
        name = connection.execute(select(Agency.name).where(Agency.code == agency_code)).scalar() or agency_code
    now = time.time()
    expires = vietnam_time(datetime.fromtimestamp(now + days * 86400, UTC))
    return Letter(agency_code, name, code, province_settings(db), fingerprints(keys), expires,
                  vietnam_time(datetime.fromtimestamp(now, UTC)))


def fingerprints(keys: ProvincePublicKeys) -> list[Fingerprint]:
    """The three keys as the commune's app names them when it asks to compare (``baocao enroll``)."""
    return [Fingerprint("Mã kiểm tra khóa ký của Sở (ký biên nhận)", keys.signing_key_id,
                        short_fingerprint(keys.signing)),
            Fingerprint("Mã kiểm tra khóa nhận tệp mã hóa", keys.recipient("x25519")[0],
                        short_fingerprint(keys.x25519)),
            Fingerprint("Mã kiểm tra khóa nhận tệp mã hóa (lai)", keys.recipient("mlkem768x25519")[0],
                        short_fingerprint(keys.mlkem768x25519))]
