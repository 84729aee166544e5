"""A small grammar of the way Vietnamese plans name agencies in a cell: words and separators in, phrases out.

A cell such as "VP UBND tỉnh, Sở Văn hóa, Thể thao và Du lịch và các sở, ban, ngành, UBND xã, phường"
is read in three steps:

1. ``tokenise``: words and separators (",", ";", "và", "cùng (với)", "&" between spaces, a dash between
   spaces, a line break, a full stop before a space, a bullet at the start of a line, a role label's colon).
2. Lexemes: runs of words that name one thing are taken whole, longest first ("Ủy ban nhân dân",
   "Bộ Chỉ huy", "Bảo hiểm xã hội", "địa phương", "có liên quan"; a line break inside "địa\\nphương" is
   a wrap). Each lexeme has roles from the lexicon: *head* (the noun an agency's name starts with: Sở, Ban,
   Phòng, Trung tâm, Công an…), *group* noun (sở, ban, ngành, cơ quan, đơn vị, xã, huyện…), *council*
   (UBND), *determiner* ("các"), *modifier* ("tỉnh", "có liên quan", "trên địa bàn"); common words that
   start like a head ("xã hội", "ban hành") are plain words.
3. Phrases: a *named* agency is a head and its complement, which may itself be coordinated ("Sở Văn hóa,
   Thể thao và Du lịch", "Phòng Văn hóa và Xã hội"): after a separator, words that open no agency
   continue the complement. A *group* is a determiner or council followed by group nouns with their
   separators ("các sở, ban, ngành", "UBND các huyện, thị xã, thành phố", "Sở, ban, ngành"), held whole
   across commas, "và" and even ";" while the next nouns continue it ("ban", "ngành", "địa phương"),
   and only while the whole still names a group the table knows. A group noun followed by a proper word
   is a head ("Sở Tài chính", "UBND xã Mỹ An"). A capitalised head after a complete name starts another
   agency even without a separator (a line break lost in a PDF: "Các sở, ban, ngành UBND các xã").

The module is pure: the lexicon and the two table questions (is this text a known agency? a known
group?) come from ``desktop.domain.agencies``, which turns each phrase into its canonical name.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

# Token kinds.
WORD = "word"
COMMA, SEMICOLON, AND, DASH, LINE, STOP, COLON, BULLET = (
    "comma",
    "semicolon",
    "and",
    "dash",
    "line",
    "stop",
    "colon",
    "bullet",
)
# The colon of a head written before its list ("Các sở: Nội vụ, Tài chính"): no separator, it distributes.
LISTED = "listed"
# Separators after which a phrase cannot go on (a new item), and those a complement may cross.
_HARD = frozenset({SEMICOLON, STOP, BULLET, COLON})
_SOFT = frozenset({COMMA, AND, DASH, LINE})

# Lexeme roles.
HEAD, GROUP, CONTINUES, COUNCIL, DETERMINER, MODIFIER = "head", "group", "continues", "council", "det", "mod"

_TOKEN = re.compile(
    r"(?P<line>\r\n|\r|\n)"
    r"|(?P<semicolon>;)"
    r"|(?P<comma>,)"
    r"|(?P<colon>:(?=\s|$))"
    r"|(?P<dash>(?<!\S)[-–—+•*](?!\S)|(?<!\S)[-–—+•*](?=[^\W\d_]))"
    r"|(?P<stop>\.(?=\s|$))"
    r"|(?P<word>[^\s,;]+?(?=\.(?:\s|$)|:(?:\s|$)|[\s,;]|$))"
    r"|(?P<space>\s+)"
)
_CONJUNCTIONS = {"và": AND, "cùng": AND, "&": AND, "với": AND}
_ROLE_LABELS = frozenset(
    {
        "chu tri",
        "phoi hop",
        "co quan chu tri",
        "co quan phoi hop",
        "don vi chu tri",
        "don vi phoi hop",
        "thuc hien",
        "chu tri thuc hien",
        "phoi hop thuc hien",
    }
)
# A role noted after a name: "Sở KH&CN (chủ trì)", "(thường trực)".
_ROLE_NOTE = re.compile(r"\(\s*(?:cơ quan |đơn vị )?(?:chủ trì|phối hợp|thường trực|thực hiện)\s*\)", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ0-9&\-./]*[A-ZĐ0-9]")
_MAX_LEXEME_WORDS = 4
# No agency's or group's name is longer: past it the table is not asked (a cell may hold 32,000 characters,
# and asking about every longer prefix would take quadratic time).
_MAX_NAME_CHARS = 240


@dataclass(frozen=True)
class Token:
    """A word or a separator of a cell, with its place in the (NFC) text."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Lexicon:
    """What the grammar knows of words (folded: no accents, lower case) and of whole names."""

    roles: dict[str, frozenset[str]]  # folded word or phrase → its roles (empty: a plain word)
    is_known_name: Callable[[str], bool]  # a text that is a whole agency name or abbreviation in the table
    is_group: Callable[[str], bool]  # a text that names a group the table knows


@dataclass(frozen=True)
class Lexeme:
    """One or more words that name one thing, with their roles and their place in the text."""

    folded: str
    roles: frozenset[str]
    capital: bool
    acronym: bool
    start: int
    end: int


def fold(text: str) -> str:
    """Lower case without tone or vowel marks ("Ủy ban" → "uy ban"), as the lexicon is keyed."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def tokenise(text: str) -> list[Token]:
    """The words and separators of ``text`` (NFC), spaces dropped; a dash or bullet opening a line is a
    bullet, "và"/"cùng"/"với"/"&" are conjunctions."""
    tokens: list[Token] = []
    text = _ROLE_NOTE.sub(lambda m: " " * len(m.group(0)), text)  # keeps the offsets of the rest
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "space"
        value = match.group(0)
        if kind == "space":
            continue
        if kind == WORD and value.lower() in _CONJUNCTIONS:
            kind = _CONJUNCTIONS[value.lower()]
        elif kind == DASH and (not tokens or tokens[-1].kind in (LINE, BULLET, SEMICOLON)):
            kind = BULLET
        tokens.append(Token(kind, value, match.start(), match.end()))
    return tokens


def lexemes(tokens: list[Token], lexicon: Lexicon) -> list[Lexeme | Token]:
    """Words grouped into lexemes, longest match first; separators kept. A line break between two words
    that make one lexeme ("địa" / "phương") is a wrap and disappears when a small letter follows it."""
    out: list[Lexeme | Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind != WORD:
            out.append(token)
            index += 1
            continue
        words, taken = _longest(tokens, index, lexicon)
        first, last = words[0], words[-1]
        folded = " ".join(fold(w.text) for w in words)
        out.append(
            Lexeme(
                folded,
                lexicon.roles.get(folded, frozenset()),
                first.text[:1].isupper(),
                len(words) == 1 and _ACRONYM.fullmatch(first.text) is not None,
                first.start,
                last.end,
            )
        )
        index += taken
    return out


def _longest(tokens: list[Token], index: int, lexicon: Lexicon) -> tuple[list[Token], int]:
    """The longest run of words from ``index`` (line breaks before a small letter allowed) that is a lexeme."""
    best: tuple[list[Token], int] = ([tokens[index]], 1)
    words: list[Token] = []
    position = index
    while position < len(tokens) and len(words) < _MAX_LEXEME_WORDS:
        token = tokens[position]
        if (
            token.kind == LINE
            and words
            and position + 1 < len(tokens)
            and tokens[position + 1].kind == WORD
            and not tokens[position + 1].text[:1].isupper()
        ):
            position += 1  # "địa" / "phương": a wrap; a capital after the break starts a name ("tỉnh" / "Ủy ban")
            continue
        if token.kind != WORD:
            break
        words.append(token)
        position += 1
        if len(words) > 1 and " ".join(fold(w.text) for w in words) in lexicon.roles:
            best = (list(words), position - index)
    return best


@dataclass
class _Phrase:
    kind: str  # "named", "group" or "other"
    start: int
    end: int
    words: int  # lexemes after the head (its complement), or the group's nouns
    first: int  # index in the items of its first lexeme
    last: int  # index in the items of its last lexeme


Items = list[Lexeme | Token]


def parse(text: str, lexicon: Lexicon) -> list[str]:
    """The agency and group phrases of a cell, as written (slices of the NFC text, a distributed head
    written before each of its names), in order."""
    source = unicodedata.normalize("NFC", text)
    items = _without_role_labels(lexemes(tokenise(source), lexicon))
    phrases: list[_Phrase] = []
    separator = SEMICOLON  # what stood before the current lexeme; the cell's start is a hard break
    for index, item in enumerate(items):
        if isinstance(item, Token) and item.kind == LISTED:
            continue
        if isinstance(item, Token):
            separator = _stronger(separator, item.kind) if separator else item.kind
            continue
        reader = _Reader(items, index, source, lexicon)
        current = phrases[-1] if phrases else None
        if current is not None and (
            reader.continues(current, separator) if separator else not reader.starts_without_separator(current)
        ):
            reader.extend(current)
        else:
            phrases.append(reader.open())
        separator = ""
    out: list[str] = []
    for phrase in phrases:
        out.extend(_distributed(phrase, items, source, lexicon) or [source[phrase.start : phrase.end]])
    return out


def _distributed(phrase: _Phrase, items: Items, source: str, lexicon: Lexicon) -> list[str] | None:
    """The names a head distributes over ("Sở Nội vụ, Tài chính" → "Sở Nội vụ", "Sở Tài chính"), or None
    when the phrase names one agency. Without a listing colon every name made must be known to the table
    (so "Phòng Văn hóa và Xã hội" stays whole); after one ("Các sở: …") each listed item takes the head."""
    span = items[phrase.first : phrase.last + 1]
    words = [i for i in span if isinstance(i, Lexeme)]
    if words and DETERMINER in words[0].roles:
        words = words[1:]
    if phrase.kind == "group" or len(words) < 2 or HEAD not in words[0].roles or COUNCIL in words[0].roles:
        return None
    if lexicon.is_known_name(source[phrase.start : phrase.end]):
        return None
    head = words[0]
    listed = any(isinstance(i, Token) and i.kind == LISTED for i in span)
    pieces = _pieces(span[span.index(head) + 1 :])
    ends = [end for _, end in pieces]  # the names tried from a piece stop at the longest any name can be
    out: list[str] = []
    index = 0
    while index < len(pieces):
        taken = next(
            (
                j
                for j in range(bisect_right(ends, pieces[index][0] + _MAX_NAME_CHARS) - 1, index - 1, -1)
                if _known_with(head, pieces[index][0], pieces[j][1], source, lexicon)
            ),
            None,
        )
        if taken is None and not listed:
            return None
        end = pieces[index if taken is None else taken][1]
        out.append(f"{source[head.start : head.end]} {source[pieces[index][0] : end]}")
        index = (index if taken is None else taken) + 1
    return out if len(out) > 1 else None


def _pieces(items: Items) -> list[tuple[int, int]]:
    """The spans of the complement's items between commas, "và" and line breaks."""
    pieces: list[tuple[int, int]] = []
    open_piece = False
    for item in items:
        if isinstance(item, Token):
            open_piece = open_piece and item.kind not in (COMMA, AND, LINE)
        elif open_piece:
            pieces[-1] = (pieces[-1][0], item.end)
        else:
            pieces.append((item.start, item.end))
            open_piece = True
    return pieces


def _known_with(head: Lexeme, start: int, end: int, source: str, lexicon: Lexicon) -> bool:
    return end - start <= _MAX_NAME_CHARS and lexicon.is_known_name(
        f"{source[head.start : head.end]} {source[start:end]}"
    )


def _without_role_labels(items: Items) -> Items:
    """Items with "Chủ trì:", "Phối hợp:" and the like dropped (the colon stays, as a hard break); the
    colon after a lone head ("Các sở:", "Sở:") becomes a listing colon, which no phrase stops at."""
    out: Items = []
    for item in items:
        if isinstance(item, Token) and item.kind == COLON:
            start = len(out)
            while start and isinstance(out[start - 1], Lexeme):
                start -= 1
            run = [i for i in out[start:] if isinstance(i, Lexeme)]
            if " ".join(i.folded for i in run) in _ROLE_LABELS:
                del out[start:]
                run = []
            elif run and DETERMINER in run[0].roles:
                run = run[1:]
            if len(run) == 1 and HEAD in run[0].roles and COUNCIL not in run[0].roles:
                item = Token(LISTED, item.text, item.start, item.end)
        out.append(item)
    return out


_STRENGTH = {BULLET: 6, SEMICOLON: 5, COLON: 5, STOP: 4, LINE: 3, COMMA: 2, DASH: 1, AND: 1}


def _stronger(first: str, second: str) -> str:
    return first if _STRENGTH[first] >= _STRENGTH[second] else second


@dataclass(frozen=True)
class _Reader:
    """The decisions about the lexeme at ``items[index]``, which may look at the lexemes after it."""

    items: Items
    index: int
    source: str
    lexicon: Lexicon

    def at(self, offset: int = 0) -> Lexeme | None:
        position = self.index + offset
        item = self.items[position] if position < len(self.items) else None
        return item if isinstance(item, Lexeme) else None

    @property
    def item(self) -> Lexeme:
        item = self.at()
        assert item is not None
        return item

    def group_noun(self, offset: int = 0) -> bool:
        """Whether the lexeme at ``offset`` is a group noun used as such ("sở," "sở ngành" "sở tỉnh"), where
        "Sở Tài chính" and "xã Mỹ An" use it as a head."""
        item, following = self.at(offset), self.at(offset + 1)
        if item is None or GROUP not in item.roles:
            return False
        return following is None or bool(following.roles & {GROUP, MODIFIER, DETERMINER, COUNCIL})

    def opens_group(self) -> bool:
        """ "các …", "UBND các …", "UBND xã, phường", "Sở, ban, ngành"."""
        item, following = self.item, self.at(1)
        if DETERMINER in item.roles:
            return True
        if COUNCIL in item.roles:
            return following is not None and (DETERMINER in following.roles or self.group_noun(1))
        return self.group_noun()

    def opens_name(self, strict: bool = False) -> bool:
        """A council, an abbreviation, a head (capitalised when ``strict``: after a name, a small "trung
        tâm" is more likely a word of its complement, but "phường Cao Lãnh" names a commune)."""
        item, following = self.item, self.at(1)
        if COUNCIL in item.roles or item.acronym:
            return True
        if HEAD not in item.roles or self.group_noun():
            return False
        proper = GROUP in item.roles and following is not None and following.capital
        return item.capital or proper or not strict

    def open(self) -> _Phrase:
        item = self.item
        if self.opens_group():
            return _Phrase("group", item.start, item.end, int(GROUP in item.roles), self.index, self.index)
        if self.opens_name():
            return _Phrase(
                "named", item.start, item.end, int(item.acronym and HEAD not in item.roles), self.index, self.index
            )
        return _Phrase("other", item.start, item.end, 1, self.index, self.index)

    def extend(self, phrase: _Phrase) -> None:
        item = self.item
        if phrase.kind == "group" and not (item.roles & {GROUP, MODIFIER, DETERMINER}):
            phrase.kind = "other"  # "các đơn vị sự nghiệp": a group qualified by plain words is one body
        phrase.end = item.end
        phrase.words += 1
        phrase.last = self.index

    def continues(self, phrase: _Phrase, separator: str) -> bool:
        """Whether the lexeme after ``separator`` goes on ``phrase`` instead of starting another."""
        item = self.item
        if phrase.kind == "group":
            if MODIFIER in item.roles and GROUP not in item.roles and HEAD not in item.roles:
                return separator in _SOFT  # "Các cơ quan, đơn vị, liên quan"
            if CONTINUES not in item.roles or not self.group_noun():
                return False  # a new "các …", "Sở …", "UBND …" or a named agency
            return self._known(phrase.start, item.end, self.lexicon.is_group)  # across ";": "Các sở; ban, ngành"
        if separator == STOP and phrase.kind == "named" and phrase.words == 0:
            return True  # "VP. UBND tỉnh": the stop of an abbreviated head
        if separator in _HARD:
            return False
        if self._makes_known_name(phrase):
            return True  # "Sở Lao động - Thương binh" + "và Xã hội": the pieces make one known name
        if phrase.kind == "named" and phrase.words == 0 and separator == LINE:
            return True  # "Văn phòng" / "UBND tỉnh": a head wrapped by hand before its complement
        return not (self.opens_group() or self.opens_name(strict=True))

    def _makes_known_name(self, phrase: _Phrase) -> bool:
        end = self.index
        while end + 1 < len(self.items) and isinstance(self.items[end + 1], Lexeme):
            end += 1
        return self._known(phrase.start, self.items[end].end, self.lexicon.is_known_name)

    def _known(self, start: int, end: int, question: Callable[[str], bool]) -> bool:
        """The table's answer about the text from ``start`` to ``end``; no for a text longer than any name."""
        return end - start <= _MAX_NAME_CHARS and question(self.source[start:end])

    def starts_without_separator(self, phrase: _Phrase) -> bool:
        """Whether a new agency starts here though nothing separates it from ``phrase`` (a line break the
        PDF lost, a comma forgotten): a capitalised head or council after a complete name or group."""
        item = self.item
        if phrase.words == 0 or not item.capital:
            return False
        if not (item.roles & {COUNCIL, DETERMINER, HEAD}) or (phrase.kind == "group" and self.group_noun()):
            return False
        return phrase.kind == "group" or self._known(phrase.start, phrase.end, self.lexicon.is_known_name)
