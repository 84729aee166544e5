"""Agency texts of plan appendices: split into agencies and groups, and resolve abbreviations.

A comma does not always separate agencies: "Các sở, ban, ngành, địa phương" is one group and
"UBND các xã, phường" another, while "Sở Tài chính, Sở Công Thương" names two agencies and
"Sở Văn hóa, Thể thao và Du lịch" one. The splitter cuts at commas, semicolons, line breaks and
"và", then glues back every piece that cannot start an agency name: a bare "ban", "ngành",
"phường" continuing an open group, or "Công nghệ" continuing "Sở Khoa học".

Abbreviations ("Sở KH&CN", "SKHCN", "VP UBND tỉnh", "CA tỉnh") resolve to one canonical name, and
groups to one canonical group name. ``group_includes`` tells which kinds of agency a group names;
``desktop.domain.assignment`` uses it to decide what an agency has to report.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Kinds of agency.
PROVINCE = "province"  # Ủy ban nhân dân tỉnh itself
PROVINCE_DEPARTMENT = "province_department"  # sở, ban, ngành of the province (incl. VP UBND, Công an tỉnh)
DISTRICT = "district"  # UBND huyện, thị xã, thành phố (before 1/7/2025)
COMMUNE = "commune"  # UBND xã, phường, thị trấn
CENTRAL = "central"  # bộ, ngành trung ương, Văn phòng Chính phủ
ENTERPRISE = "enterprise"
OTHER = "other"
GROUP = "group"
AGENCY_KINDS = (PROVINCE, PROVINCE_DEPARTMENT, DISTRICT, COMMUNE, CENTRAL, ENTERPRISE, OTHER)

_LOCAL = frozenset({PROVINCE_DEPARTMENT, DISTRICT, COMMUNE})
# Canonical group → (kinds it includes, keys it is written as). A key is the folded text without
# "các", "tỉnh", "có liên quan", punctuation or "và" (see _group_key).
_GROUPS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "Các sở, ban, ngành": (frozenset({PROVINCE_DEPARTMENT}), (
        "so ban nganh", "so nganh", "so", "nganh", "so ban nganh doan the")),
    "Các sở, ban, ngành, địa phương": (frozenset(_LOCAL), (
        "so ban nganh dia phuong", "so nganh dia phuong", "nganh dia phuong", "so ban nganh va dia phuong")),
    "Các địa phương": (frozenset({DISTRICT, COMMUNE}), ("dia phuong",)),
    "UBND các xã, phường": (frozenset({COMMUNE}), (
        "ubnd xa phuong", "ubnd xa phuong thi tran", "ubnd cap xa", "xa phuong", "xa phuong thi tran",
        "ubnd xa phuong dac khu", "xa phuong dac khu")),
    "UBND các huyện, thị xã, thành phố": (frozenset({DISTRICT}), (
        "ubnd huyen thi xa thanh pho", "ubnd huyen thanh pho", "ubnd huyen thi xa", "ubnd cap huyen",
        "huyen thi xa thanh pho", "huyen thanh pho")),
    "Các cơ quan, đơn vị": (frozenset(_LOCAL), (
        "co quan don vi", "don vi", "co quan", "co quan to chuc", "co quan don vi to chuc")),
    "Các cơ quan, đơn vị, địa phương": (frozenset(_LOCAL), (
        "co quan don vi dia phuong", "don vi dia phuong", "co quan dia phuong")),
    "Các bộ, ngành trung ương": (frozenset({CENTRAL}), ("bo nganh", "bo nganh trung uong", "bo nganh tw")),
}
_GROUP_BY_KEY = {key: name for name, (_kinds, keys) in _GROUPS.items() for key in keys}
_GROUP_NOISE = re.compile(r"\b(cac|tinh|cua|co lien quan|lien quan|tren dia ban|thuoc|truc thuoc|va)\b")

# Canonical agency → abbreviations and variants (compared by _alias_key, so case, "&", "-",
# commas and "Tỉnh"/"tỉnh" do not matter).
_AGENCIES: dict[str, tuple[str, ...]] = {
    "Ủy ban nhân dân tỉnh": ("UBND tỉnh", "UBT"),
    "Văn phòng Ủy ban nhân dân tỉnh": ("VP UBND tỉnh", "VP UBND", "VPUBND", "Văn phòng UBND tỉnh",
                                       "VP/UBND tỉnh", "VP.UBND tỉnh", "VPUBND tỉnh"),
    "Sở Khoa học và Công nghệ": ("Sở KH&CN", "Sở KHCN", "SKHCN", "SKH&CN", "Sở KH và CN", "Sở KH-CN"),
    "Sở Tài chính": ("Sở TC", "STC"),
    "Sở Tư pháp": ("Sở TP", "STP"),
    "Sở Nội vụ": ("Sở NV", "SNV"),
    "Sở Giáo dục và Đào tạo": ("Sở GD&ĐT", "Sở GDĐT", "SGDĐT", "Sở GD và ĐT", "SGD&ĐT"),
    "Sở Nông nghiệp và Môi trường": ("Sở NN&MT", "Sở NNMT", "SNNMT", "Sở NN và MT"),
    "Sở Y tế": ("Sở YT", "SYT"),
    "Sở Xây dựng": ("Sở XD", "SXD"),
    "Sở Công Thương": ("Sở CT", "SCT"),
    "Sở Văn hóa, Thể thao và Du lịch": ("Sở VHTTDL", "Sở VH,TT&DL", "Sở VHTT&DL", "SVHTTDL"),
    "Sở Ngoại vụ": ("Sở NgV",),
    "Sở Dân tộc và Tôn giáo": ("Sở DT&TG", "Sở DTTG"),
    "Sở Kế hoạch và Đầu tư": ("Sở KH&ĐT", "Sở KHĐT", "SKHĐT"),
    "Sở Thông tin và Truyền thông": ("Sở TT&TT", "Sở TTTT", "STTTT"),
    "Sở Tài nguyên và Môi trường": ("Sở TN&MT", "Sở TNMT", "STNMT"),
    "Sở Lao động - Thương binh và Xã hội": ("Sở LĐ-TB&XH", "Sở LĐTBXH", "SLĐTBXH"),
    "Công an tỉnh": ("CA tỉnh", "CAT"),
    "Thanh tra tỉnh": (),
    "Bộ Chỉ huy Quân sự tỉnh": ("BCH QS tỉnh", "Bộ CHQS tỉnh"),
    "Văn phòng Chính phủ": ("VPCP",),
    "Bộ Khoa học và Công nghệ": ("Bộ KH&CN", "Bộ KHCN", "BKHCN"),
    "Bộ Công an": ("Bộ CA", "BCA"),
    "Bộ Nội vụ": ("Bộ NV",),
    "Bộ Tài chính": ("Bộ TC",),
}

_HEADS = re.compile(
    r"^(so|bo|van phong|vp|ubnd|uy ban|hdnd|hoi dong|cong an|ca|cac|ban|thanh tra|kho bac|cuc|chi cuc|"
    r"ngan hang|dai|bao|trung tam|bo chi huy|mat tran|tinh doan|lien doan|hoi|doanh nghiep|cong ty|"
    r"tong cong ty|truong|benh vien|quy|xa|phuong|thi tran|thu tuong|chinh phu|buu dien|vien thong|"
    r"vien|nha xuat ban|dang uy|tinh uy)\b")
_CONTINUATIONS = frozenset({"ban", "nganh", "dia phuong", "thi xa", "thanh pho", "phuong", "thi tran", "xa",
                            "huyen", "don vi", "to chuc", "doan the", "co quan", "dac khu"})
_ROLE_PREFIX = re.compile(r"^\s*(?:-|\+|•)?\s*(?:chủ trì|phối hợp|cơ quan chủ trì|cơ quan phối hợp|đơn vị chủ trì|"
                          r"đơn vị phối hợp)\s*:\s*", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*;\s*|\s*,\s*|\s*\n\s*|\s+và\s+|\s*\r\s*", re.IGNORECASE)
# A capitalised head word inside a piece, where a new name may start without a separator.
_HEAD_START = re.compile(r"\s+(?=(?:UBND|Ủy ban|Uỷ ban|Sở|Văn phòng|Công an|Các|Bộ)\s)")
_EXPANSIONS = ((re.compile(r"\bUBND\b"), "Ủy ban nhân dân"), (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
               (re.compile(r"^VP\b\.?\s*"), "Văn phòng "), (re.compile(r"\bTỉnh\b"), "tỉnh"))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


# A report resolves the same few dozen agency texts for every task, thousands of times a validation: the keys
# and canonical names are pure functions of the text, kept in bounded caches.
_CACHE_SIZE = 4096


@lru_cache(maxsize=_CACHE_SIZE)
def _alias_key(text: str) -> str:
    folded = _fold(text).replace("&", " va ")
    folded = re.sub(r"[^\w\s]", " ", folded)
    return " ".join(w for w in folded.split() if w != "va")


@lru_cache(maxsize=_CACHE_SIZE)
def _group_key(text: str) -> str:
    folded = _fold(text).replace("&", " ")
    folded = re.sub(r"[^\w\s]", " ", folded)
    folded = re.sub(r"\buy ban nhan dan\b", "ubnd", " ".join(folded.split()))
    return " ".join(_GROUP_NOISE.sub(" ", folded).split())


_AGENCY_BY_KEY = {_alias_key(alias): name for name, aliases in _AGENCIES.items() for alias in (name, *aliases)}
# Every word-prefix of a group key: a piece continues a group while the text so far is one of these.
_GROUP_PREFIXES = frozenset(" ".join(key.split()[:n]) for key in _GROUP_BY_KEY for n in range(1, len(key.split()) + 1))


def _tidy(text: str) -> str:
    out = " ".join(unicodedata.normalize("NFC", text).split())
    return out.strip(" ;,.:-")


def is_group(name: str) -> bool:
    """Whether ``name`` names a group of agencies ("Các sở, ban, ngành", "UBND các xã, phường"…)."""
    return _group_key(name) in _GROUP_BY_KEY


def canonical_group(name: str) -> str | None:
    """The canonical name of the group ``name`` is written as, or None when it is no known group."""
    return _GROUP_BY_KEY.get(_group_key(name))


@lru_cache(maxsize=_CACHE_SIZE)
def canonical_agency(name: str) -> str:
    """The canonical NFC name of an agency or group: abbreviations expanded, "Tỉnh" as "tỉnh"."""
    tidy = _tidy(_ROLE_PREFIX.sub("", name))
    group = canonical_group(tidy)
    if group is not None:
        return group
    known = _AGENCY_BY_KEY.get(_alias_key(tidy))
    if known is not None:
        return known
    expanded = tidy
    for pattern, replacement in _EXPANSIONS:
        expanded = pattern.sub(replacement, expanded)
    expanded = " ".join(expanded.split())
    known = _AGENCY_BY_KEY.get(_alias_key(expanded))
    if known is not None:
        return known
    return expanded[:1].upper() + expanded[1:]


def agency_kind(name: str) -> str:
    """The kind of agency ``name`` names (one of AGENCY_KINDS), or "group" for a group."""
    canonical = canonical_agency(name)
    if is_group(canonical):
        return GROUP
    key = _alias_key(canonical)
    if key == "uy ban nhan dan tinh":
        return PROVINCE
    if re.match(r"^(uy ban nhan dan )?(xa|phuong|thi tran|dac khu)\b", key):
        return COMMUNE
    if re.match(r"^uy ban nhan dan (huyen|thi xa|thanh pho)\b", key):
        return DISTRICT
    if re.match(r"^(bo|van phong chinh phu|chinh phu|thu tuong)\b", key) and not key.startswith("bo chi huy"):
        return CENTRAL
    if re.match(r"^(so|ban|van phong uy ban nhan dan tinh|cong an tinh|thanh tra tinh|bo chi huy|dai|bao|"
                r"kho bac|ngan hang|tinh doan|mat tran|lien doan|hoi)\b", key):
        return PROVINCE_DEPARTMENT
    if re.match(r"^(doanh nghiep|cong ty|tong cong ty|vien thong|buu dien)\b", key):
        return ENTERPRISE
    return OTHER


def group_includes(group: str, agency_kind: str) -> bool:
    """Whether the group ``group`` (in any written form) names agencies of kind ``agency_kind``."""
    canonical = canonical_group(group)
    return canonical is not None and agency_kind in _GROUPS[canonical][0]


def split_agencies(text: str | None) -> list[str]:
    """The agencies and groups an agency cell names, canonical, in order, without repeats."""
    if not text:
        return []
    source = unicodedata.normalize("NFC", text)
    pieces = _pieces(source)
    out: list[str] = []
    for piece in pieces:
        name = canonical_agency(piece)
        if name and name not in out:
            out.append(name)
    return out


def _pieces(text: str) -> list[str]:
    """Cut at separators, then glue back the pieces that cannot start a name.

    A name that starts after a complete one without any separator ("Các sở, ban, ngành UBND các xã",
    a line break lost in a PDF) is cut at its head word too.
    """
    pieces: list[str] = []
    glue = ""  # how the current piece joins the previous one; "" after a ";" or at the start
    position = 0
    for match in [*_SEPARATOR.finditer(text), None]:
        end = match.start() if match else len(text)
        raw = _ROLE_PREFIX.sub("", text[position:end]).strip()
        separator = match.group(0) if match else ""
        position = match.end() if match else len(text)
        if raw:
            for index, part in enumerate(_HEAD_START.split(raw)):
                if index and not _complete(pieces[-1]):
                    pieces[-1] += " " + part
                elif not index and glue and pieces and _continues(pieces[-1], part):
                    pieces[-1] += glue + part
                else:
                    pieces.append(part)
            glue = _glue_for(separator)
        elif ";" in separator:
            glue = ""
    return pieces


def _complete(piece: str) -> bool:
    """Whether ``piece`` is a whole known agency or group (so a head word after it starts another)."""
    return is_group(piece) or _alias_key(piece) in _AGENCY_BY_KEY


def _glue_for(separator: str) -> str:
    if ";" in separator:
        return ""
    if "," in separator:
        return ", "
    if separator.strip():
        return " và "
    return " "  # a line break inside a name: the cell was wrapped by hand


def _continues(previous: str, piece: str) -> bool:
    if _alias_key(f"{previous} {piece}") in _AGENCY_BY_KEY:
        return True  # "Sở Lao động - Thương binh" + "Xã hội": the pieces make one known name
    if _group_key(piece) in _CONTINUATIONS:
        return _group_key(f"{previous} {piece}") in _GROUP_PREFIXES
    if _alias_key(piece) in _AGENCY_BY_KEY or is_group(piece):
        return False
    return not _HEADS.match(_fold(piece))
