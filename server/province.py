"""The province's identity, stored by the server: its name, the Sở's name and phone number, the public
address the communes' PCs use to reach the server, and what the Sở's documents print under ND 30/2020: its
ký hiệu («SKHCN» in «Số: …/BC-SKHCN»), the drafting unit («VP» in «…/SKHCN-VP» and «Lưu: VT, VP»), and the
signer (title «GIÁM ĐỐC», or «PHÓ GIÁM ĐỐC» signing «KT. GIÁM ĐỐC»; the name under the signature).

One service for ``baocao-server province set/show`` and the console's «Cài đặt» page. The consolidated
report takes the province's name from here (never from what agencies typed), and the enrollment letter
takes the server's address from here (never from the address of the officer's own browser session).
"""

from __future__ import annotations

import ipaddress
import json
import re
import time
from dataclasses import dataclass, fields, replace
from urllib.parse import urlsplit

from sqlalchemy import delete, select

from desktop.domain.text import fold
from desktop.errors import InputError
from server.db import Database
from server.models import AuditEvent, ProvinceSetting

DEFAULT_DEPARTMENT = "Sở Khoa học và Công nghệ"
DEFAULT_SYMBOL, DEFAULT_UNIT = "SKHCN", "VP"
DIRECTOR, DEPUTY = "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
NAME_MAX, PHONE_MAX, URL_MAX, SYMBOL_MAX = 100, 40, 200, 20
_PHONE = re.compile(r"[0-9+()./ -]{6,40}")
_SYMBOL = re.compile(r"[A-ZĐ0-9&]{1,20}")
_CITY = "thành phố "


@dataclass(frozen=True)
class ProvinceSettings:
    """What the server knows of its province; "" for what is not set yet."""

    name: str = ""
    department: str = DEFAULT_DEPARTMENT
    phone: str = ""
    public_url: str = ""
    symbol: str = DEFAULT_SYMBOL
    drafting_unit: str = DEFAULT_UNIT
    signer_title: str = DIRECTOR
    signer_name: str = ""

    @property
    def signer_authority(self) -> str:
        """«KT. GIÁM ĐỐC» above a deputy's title (ND 30: signing on the director's behalf); "" for the director."""
        return f"KT. {DIRECTOR}" if self.signer_title == DEPUTY else ""

    @property
    def is_city(self) -> bool:
        """A centrally run city («Thành phố Cần Thơ») rather than a tỉnh."""
        return self.name.lower().startswith(_CITY)

    @property
    def place(self) -> str:
        """The name as the date line writes it: «Đồng Tháp» («Đồng Tháp, ngày … »)."""
        return self.name[len(_CITY):] if self.is_city else self.name

    @property
    def unit(self) -> str:
        """«tỉnh Đồng Tháp» / «thành phố Cần Thơ»."""
        return f"{'thành phố' if self.is_city else 'tỉnh'} {self.place}" if self.name else ""

    @property
    def people_committee(self) -> str:
        """The addressee of the Sở's reports: «Ủy ban nhân dân tỉnh Đồng Tháp»."""
        return f"Ủy ban nhân dân {self.unit}" if self.name else ""

    @property
    def public_url_is_local(self) -> bool:
        """True when no commune could reach the address: a loopback or unset host."""
        return not self.public_url or is_loopback_url(self.public_url)


def is_loopback_url(url: str) -> bool:
    """An address only the server's own machine reaches (127.0.0.1, ::1, localhost)."""
    host = (urlsplit(url).hostname or "").lower()
    if host in ("", "localhost") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def province_settings(db: Database) -> ProvinceSettings:
    """The stored settings (defaults for what was never set)."""
    with db.reading() as connection:
        stored = dict(connection.execute(select(ProvinceSetting.name, ProvinceSetting.value)).all())
    known = {f.name for f in fields(ProvinceSettings)}
    return replace(ProvinceSettings(), **{k: v for k, v in stored.items() if k in known and v})


def set_province(db: Database, *, actor: str, name: str | None = None, department: str | None = None,
                 phone: str | None = None, public_url: str | None = None, symbol: str | None = None,
                 drafting_unit: str | None = None, signer_title: str | None = None,
                 signer_name: str | None = None) -> ProvinceSettings:
    """Change the given settings (None leaves one as it is, "" clears it); checked, and audited with the names
    of the settings that changed (a form sending every field records only what differs)."""
    given = {"name": name, "department": department, "phone": phone, "public_url": public_url, "symbol": symbol,
             "drafting_unit": drafting_unit, "signer_title": signer_title, "signer_name": signer_name}
    current = province_settings(db)
    checked = {key: _checked(key, " ".join(value.split())) for key, value in given.items() if value is not None}
    changes = {key: value for key, value in checked.items() if value != getattr(current, key)}
    with db.transaction() as session:
        for key, value in changes.items():
            session.execute(delete(ProvinceSetting).where(ProvinceSetting.name == key))
            if value:
                session.add(ProvinceSetting(name=key, value=value))
        if changes:
            session.add(AuditEvent(at=int(time.time()), actor=actor[:100], action="province.set",
                                   subject=", ".join(changes)[:200], details=json.dumps(changes)))
    return province_settings(db)


def _checked(key: str, value: str) -> str:
    if key == "name":
        return _province_name(value)
    if key == "department":
        return _bounded(value, NAME_MAX, "Tên Sở", "The department's name") or DEFAULT_DEPARTMENT
    if key in ("symbol", "drafting_unit"):
        return _symbol(value, DEFAULT_SYMBOL if key == "symbol" else DEFAULT_UNIT)
    if key == "signer_title":
        return _signer_title(value)
    if key == "signer_name":
        return _bounded(value, NAME_MAX, "Tên người ký", "The signer's name")
    if key == "phone":
        return checked_phone(value)
    return _public_url(value)


def checked_phone(value: str) -> str:
    """A phone number as typed («0277 3851 234», «+84 …»), whitespace collapsed; "" for none; else refused."""
    value = " ".join(value.split())
    if value and not _PHONE.fullmatch(value):
        raise InputError(f"Số điện thoại «{value[:PHONE_MAX]}» không hợp lệ (chỉ chữ số, dấu cách, + . - ( )).",
                         f"The phone number «{value[:PHONE_MAX]}» is not valid (digits, spaces, + . - ( ) only).",
                         code="province_phone")
    return value


def _province_name(value: str) -> str:
    """«Đồng Tháp», «tỉnh Đồng Tháp» and «TỈNH ĐỒNG THÁP» are all stored «Đồng Tháp»."""
    text = _bounded(value, NAME_MAX, "Tên tỉnh", "The province's name")
    lowered = text.lower()
    if lowered.startswith("ủy ban nhân dân ") or lowered.startswith("ubnd "):
        raise InputError("Chỉ ghi tên tỉnh, ví dụ «Đồng Tháp» (không ghi «UBND tỉnh»).",
                         "Give the province's name only, e.g. «Đồng Tháp» (not «UBND tỉnh»).", code="province_name")
    if lowered.startswith("tỉnh "):
        text = text[len("tỉnh "):]
    elif lowered.startswith(_CITY):
        return "Thành phố " + _title(text[len(_CITY):])
    return _title(text)


def _symbol(value: str, default: str) -> str:
    """«skhcn» → «SKHCN»: capitals and digits as a số ký hiệu prints them; "" gives the default back."""
    text = "".join(value.split()).upper()
    if text and not _SYMBOL.fullmatch(text):
        raise InputError(f"Ký hiệu «{text[:SYMBOL_MAX]}» không hợp lệ: chỉ chữ in hoa và chữ số, tối đa {SYMBOL_MAX} "
                         "ký tự, ví dụ SKHCN hoặc VP.",
                         f"The symbol «{text[:SYMBOL_MAX]}» is not valid: capitals and digits only, at most "
                         f"{SYMBOL_MAX}, e.g. SKHCN or VP.", code="province_symbol")
    return text or default


def _signer_title(value: str) -> str:
    """«Giám đốc» → GIÁM ĐỐC; «Phó Giám đốc» (or «KT. Giám đốc») → PHÓ GIÁM ĐỐC; "" → GIÁM ĐỐC."""
    folded = " ".join(fold(value).replace(".", " ").split())
    if folded in ("", "giam doc", "director"):
        return DIRECTOR
    if folded in ("pho giam doc", "kt giam doc", "kt giam doc pho giam doc", "deputy", "deputy director"):
        return DEPUTY
    raise InputError(f"Chức vụ người ký «{value[:NAME_MAX]}» không dùng được: ghi «Giám đốc» hoặc «Phó Giám đốc».",
                     f"The signer's title «{value[:NAME_MAX]}» cannot be used: give «Giám đốc» or «Phó Giám đốc».",
                     code="province_signer")


def _title(text: str) -> str:
    return text.title() if text.isupper() or text.islower() else text


def _public_url(value: str) -> str:
    if not value:
        return ""
    url = _bounded(value, URL_MAX, "Địa chỉ máy chủ", "The server's address").rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment:
        raise InputError(f"Địa chỉ máy chủ «{url}» không hợp lệ: ghi dạng https://baocao.example.gov.vn.",
                         f"The server address «{url}» is not valid: write it as https://baocao.example.gov.vn.",
                         code="province_url")
    return url


def _bounded(value: str, limit: int, label_vi: str, label_en: str) -> str:
    if len(value) > limit:
        raise InputError(f"{label_vi} dài quá {limit} ký tự.", f"{label_en} is longer than {limit} characters.",
                         code="too_long")
    return value
