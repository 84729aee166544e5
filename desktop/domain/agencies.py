"""Agency texts of plan appendices: split into agencies and groups, and resolve abbreviations.

A comma does not always separate agencies: "Các sở, ban, ngành, địa phương" is one group and
"UBND các xã, phường" another, while "Sở Tài chính, Sở Công Thương" names two agencies and
"Sở Văn hóa, Thể thao và Du lịch" one. ``desktop.domain.agency_grammar`` reads a cell as Vietnamese
names agencies (heads, complements, group nouns, determiners, separators); this module gives it its
lexicon and turns each phrase into a canonical name.

Abbreviations ("Sở KH&CN", "SKHCN", "VP UBND tỉnh", "CA tỉnh") resolve to one canonical name, and
groups to one canonical group name. A group is recognised by grammar: its folded text is made only of
group head words (sở, ban, ngành, địa phương, cơ quan, đơn vị, xã, phường, đặc khu, huyện…), and the
classes of those words (departments, localities, communes…) name the group, whatever their order or
punctuation. The table (names, abbreviations, head words, groups and the kinds they include, e.g. the
district group read as the communes since the 2025 reorganisation) is data: ``resources/agencies/vi.json``.
``group_includes`` tells which kinds of agency a group names;
``desktop.domain.assignment`` uses it to decide what an agency has to report.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop.domain import agency_grammar as grammar
from desktop.package_data import resource_path

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
# The province server registers a sở, ban or ngành as "department", and its PCs are enrolled with that kind.
_KIND_SYNONYMS = {"department": PROVINCE_DEPARTMENT}

_TABLE_FILE = ("agencies", "vi.json")


@dataclass(frozen=True)
class _Table:
    """The resolution table of ``desktop/resources/agencies/vi.json``, indexed for lookup."""

    group_kinds: dict[str, frozenset[str]]  # canonical group → kinds of agency it includes
    group_by_key: dict[str, str]  # folded phrase → canonical group
    group_by_classes: dict[frozenset[str], str]  # classes of the words of a phrase → canonical group
    group_words: dict[str, str]  # folded head word of a group phrase → its class ("" for a modifier)
    agency_by_key: dict[str, str]  # _alias_key of a name or abbreviation → canonical agency
    roles: dict[str, frozenset[str]]  # the grammar's lexicon: folded word or phrase → its roles
    places: dict[str, str]  # abbreviation of a kind of place → the words it stands for ("TP" → "thành phố")


@lru_cache(maxsize=1)
def _table() -> _Table:
    """Read the shipped table once; a malformed file is a packaging defect and fails loudly."""
    raw = json.loads(resource_path(*_TABLE_FILE).read_text(encoding="utf-8"))
    groups = raw["groups"]
    agencies: dict[str, list[str]] = raw["agencies"]
    return _Table(
        group_kinds={g["name"]: frozenset(g["kinds"]) for g in groups},
        group_by_key={key: g["name"] for g in groups for key in g["phrases"]},
        group_by_classes={frozenset(classes): g["name"] for g in groups for classes in g["word_classes"]},
        group_words=dict(raw["group_words"]),
        agency_by_key={_alias_key(alias): name for name, aliases in agencies.items() for alias in (name, *aliases)},
        roles=_roles(raw),
        places=dict(raw["place_abbreviations"]),
    )


def _roles(raw: dict[str, Any]) -> dict[str, frozenset[str]]:
    """The grammar's lexicon from the table: each word's roles (head, group noun, council…)."""
    by_role = {
        grammar.HEAD: raw["head_words"],
        grammar.COUNCIL: raw["council_words"],
        grammar.DETERMINER: raw["determiners"],
        grammar.MODIFIER: raw["group_modifiers"],
        grammar.GROUP: [w for w, cls in raw["group_words"].items() if cls],
        grammar.CONTINUES: raw["continuation_words"],
    }
    roles: dict[str, set[str]] = {phrase: set() for phrase in raw["not_head_phrases"]}
    for role, words in by_role.items():
        for word in words:
            roles.setdefault(word, set()).add(role)
    return {
        word: frozenset(r - ({grammar.HEAD} if r & {grammar.COUNCIL, grammar.DETERMINER} else set()))
        for word, r in roles.items()
    }


_GROUP_NOISE = re.compile(r"\b(cac|tinh|cua|co lien quan|lien quan|tren dia ban|thuoc|truc thuoc|va)\b")
_ROLE_PREFIX = re.compile(
    r"^\s*(?:-|\+|•)?\s*(?:chủ trì|phối hợp|cơ quan chủ trì|cơ quan phối hợp|đơn vị chủ trì|"
    r"đơn vị phối hợp)\s*:\s*",
    re.IGNORECASE,
)
_EXPANSIONS = (
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bMTTQ\b"), "Mặt trận Tổ quốc"),
    (re.compile(r"^VP\b\.?\s*"), "Văn phòng "),
    (re.compile(r"\bTỉnh\b"), "tỉnh"),
)


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


def _tidy(text: str) -> str:
    out = " ".join(unicodedata.normalize("NFC", text).split())
    return out.strip(" ;,.:-")


def _group_words(key: str) -> list[str] | None:
    """The head words a folded group key is made of ("so ban nganh" → so, ban, nganh), or None when
    some word is no group head word (then the text names an agency, not a group)."""
    table = _table()
    words = key.split()
    out: list[str] = []
    index = 0
    while index < len(words):
        pair = " ".join(words[index : index + 2])
        if index + 1 < len(words) and pair in table.group_words:
            out.append(pair)
            index += 2
        elif words[index] in table.group_words:
            out.append(words[index])
            index += 1
        else:
            return None
    return out


@lru_cache(maxsize=_CACHE_SIZE)
def _group_of_key(key: str) -> str | None:
    """The canonical group a folded key names: a known phrase, else by the classes of its head words
    ("ban nganh so" and "so nganh" are both departments), so word order and punctuation do not matter."""
    table = _table()
    known = table.group_by_key.get(key)
    if known is not None:
        return known
    words = _group_words(key)
    if not words:
        return None
    classes = frozenset(table.group_words[w] for w in words) - {""}
    return table.group_by_classes.get(classes) if classes else None


def is_group(name: str) -> bool:
    """Whether ``name`` names a group of agencies ("Các sở, ban, ngành", "UBND các xã, phường"…)."""
    return _group_of_key(_group_key(name)) is not None


def canonical_group(name: str) -> str | None:
    """The canonical name of the group ``name`` is written as, or None when it is no known group."""
    return _group_of_key(_group_key(name))


@lru_cache(maxsize=_CACHE_SIZE)
def canonical_agency(name: str) -> str:
    """The canonical NFC name of an agency or group: abbreviations expanded, "Tỉnh" as "tỉnh"."""
    tidy = _tidy(_ROLE_PREFIX.sub("", name))
    group = canonical_group(tidy)
    if group is not None:
        return group
    known = _table().agency_by_key.get(_alias_key(tidy))
    if known is not None:
        return known
    expanded = tidy
    for pattern, replacement in _EXPANSIONS:
        expanded = pattern.sub(replacement, expanded)
    expanded = " ".join(expanded.split())
    known = _table().agency_by_key.get(_alias_key(expanded))
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
    if re.match(
        r"^(so|ban|van phong uy ban nhan dan tinh|cong an tinh|thanh tra tinh|bo chi huy|dai|bao|"
        r"kho bac|ngan hang|tinh doan|mat tran|lien doan|hoi)\b",
        key,
    ):
        return PROVINCE_DEPARTMENT
    if re.match(r"^(doanh nghiep|cong ty|tong cong ty|vien thong|buu dien)\b", key):
        return ENTERPRISE
    return OTHER


def group_includes(group: str, agency_kind: str) -> bool:
    """Whether the group ``group`` (in any written form) names agencies of kind ``agency_kind``."""
    canonical = canonical_group(group)
    kind = _KIND_SYNONYMS.get(agency_kind, agency_kind)
    return canonical is not None and kind in _table().group_kinds[canonical]


# A sentence naming both roles: "Sở Y tế chủ trì, phối hợp với Sở Tài chính"; "(chủ trì)" notes a role instead.
_COORDINATION = re.compile(r"(?<!\()\b(?:cơ quan |đơn vị )?phối hợp(?:\s+(?:với|cùng))?\b\s*:?", re.IGNORECASE)
_LEAD_MARK = re.compile(r"(?<!\()\b(?:cơ quan |đơn vị )?chủ trì\b\s*:?", re.IGNORECASE)


def split_agencies(text: str | None) -> list[str]:
    """The agencies and groups an agency cell names, canonical, in order, without repeats."""
    lead, coordinators = split_roles(text)
    return _unique([*lead, *coordinators])


def split_roles(text: str | None) -> tuple[list[str], list[str]]:
    """The agencies a lead cell names as lead and those it names after "phối hợp (với)" as coordinators,
    each canonical, in order, without repeats ("Sở Y tế chủ trì, phối hợp với Sở Tài chính")."""
    if not text:
        return [], []
    text = _places_in_full(unicodedata.normalize("NFC", text))
    coordination = _COORDINATION.search(text)
    lead = text[: coordination.start()] if coordination else text
    rest = text[coordination.end() :] if coordination else ""
    return _split(_LEAD_MARK.sub(" ", lead)), _split(_LEAD_MARK.sub(" ", rest))


# "TP. Cao Lãnh", "TP.Cao Lãnh", "TP Cao Lãnh": an abbreviation before a capitalised word with small letters.
_PLACE = re.compile(r"\b([A-Z]{2})\b\.?[ \t]*(?=[^\W\d_][^\W\d_])")


def _places_in_full(text: str) -> str:
    """``text`` with the kinds of place written in full before a place's name ("UBND TP. Cao Lãnh" →
    "UBND thành phố Cao Lãnh"); "Sở TP" (Sở Tư pháp) and "UBND TP, TX" are left as they are."""
    places = _table().places

    def full(match: re.Match[str]) -> str:
        name = text[match.end() : match.end() + 2]
        if match.group(1) in places and name[0].isupper() and name[1].islower():
            return f"{places[match.group(1)]} "
        return match.group(0)

    return _PLACE.sub(full, text)


def _split(text: str) -> list[str]:
    return _unique([canonical_agency(phrase) for phrase in grammar.parse(text, grammar_lexicon())])


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out


@lru_cache(maxsize=1)
def grammar_lexicon() -> grammar.Lexicon:
    """The agency grammar's lexicon and its two table questions, from the shipped table."""
    return grammar.Lexicon(_table().roles, is_known_name=_is_known_name, is_group=is_group)


def _is_known_name(text: str) -> bool:
    """Whether ``text`` is a whole agency name or abbreviation of the table."""
    return _alias_key(_tidy(text)) in _table().agency_by_key
