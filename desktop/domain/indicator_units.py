"""The unit written at the end of an indicator's name: "Tỷ lệ hồ sơ … (%)", "Số … (người)".

Tables without a unit column put the unit in the name, in parentheses at its end. The last
parenthesised group is a unit when what it holds is one: a known unit word ("người", "hồ sơ",
"tỷ đồng", "%"…), optionally after "ĐVT:" / "Đơn vị tính:", or a rate of them ("người/năm",
"triệu đồng/người"). Anything else in parentheses — an abbreviation ("(DVCTT)"), a scope
("(bao gồm cấp xã)"), a reference ("(theo Quyết định 06)") — is part of the name and stays.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.domain.text import fold

# Units seen in provincial plans' indicator tables, folded (no marks, lower case).
_UNITS = frozenset({
    "%", "‰", "nguoi", "luot", "luot nguoi", "ho so", "thu tuc", "tthc", "dich vu", "don vi", "co quan",
    "doanh nghiep", "hop tac xa", "xa", "phuong", "xa, phuong", "ho", "ho gia dinh", "co so", "truong", "lop",
    "benh vien", "tram", "cai", "chiec", "bo", "may", "thiet bi", "he thong", "nen tang", "ung dung",
    "co so du lieu", "csdl", "trang", "cong", "thue bao", "tai khoan", "giao dich", "van ban", "bao cao",
    "de tai", "du an", "nhiem vu", "san pham", "sang kien", "bang", "giai phap", "mo hinh", "diem", "cap do",
    "muc", "lan", "buoi", "lop hoc", "khoa", "gio", "ngay", "thang", "nam", "km", "m", "m2", "ha", "tan",
    "kg", "kwh", "mw", "mbps", "gbps", "gb", "tb", "dong", "nghin dong", "trieu dong", "ty dong", "usd",
    "trieu usd", "ty usd", "so luong", "chi so", "thu hang", "hang", "vi tri",
})
_TRAILING_GROUP = re.compile(r"^(?P<name>.*\S)\s*\((?P<unit>[^()]{1,40})\)\s*[.:]?\s*$", re.DOTALL)
_LABEL = re.compile(r"^(?:dvt|don vi tinh|don vi)\s*:\s*")


def is_unit(text: str) -> bool:
    """Whether ``text`` (the inside of a pair of parentheses) names a unit of measure."""
    folded = _LABEL.sub("", " ".join(fold(text).split()))
    if folded in _UNITS:
        return True
    parts = [p.strip() for p in folded.split("/")]
    return len(parts) == 2 and all(p in _UNITS for p in parts)


def split_unit(name: str) -> tuple[str, str | None]:
    """(name without its unit, the unit) when ``name`` ends with "(unit)", else (name, None)."""
    match = _TRAILING_GROUP.match(name)
    if match is None or not is_unit(match.group("unit")):
        return name, None
    unit = match.group("unit").strip()
    label = re.match(r"^\s*(?:ĐVT|Đơn vị tính|đơn vị tính|Đơn vị|đơn vị)\s*:\s*", unicodedata.normalize("NFC", unit))
    if label:
        unit = unit[label.end():].strip()
    return match.group("name").rstrip(" ,;:-–"), unit
