"""Per-cell detection of legacy Vietnamese encodings (TCVN3, VNI-Windows) and conversion to NFC.

The cell's font is the best signal: ".Vn…" fonts are TCVN3 (a name ending in "H", like
".VnTimeH", draws capitals), "VNI-…" fonts are VNI-Windows. Without a telling font the text
itself decides: marker words and letter shapes that only one encoding produces. Text that already
holds Vietnamese letters no legacy byte can stand for (ệ, ạ, ữ…) is Unicode whatever its font says,
so a cell retyped in Unicode but left in an old font is not garbled. Decomposed Unicode (NFD,
Unikey's "Unicode tổ hợp") comes out NFC.

A cell alone can be too short to tell: "Së Y tÕ" has no marker word and one TCVN3-only letter, so by
itself it reads as Latin-1 Unicode. The document decides then: ``DocumentVote`` adds up the evidence
of every text of a file (markers, letter shapes, true Unicode letters) and ``decision`` names the
document's encoding; ``to_unicode(text, font, document)`` uses it for every cell whose own evidence
is weak, and the cell's own reading only when that is strong (a telling font, Unicode letters no
legacy byte stands for, a marker word, two letter shapes of one encoding).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from desktop.domain import tcvn3, vni
from desktop.domain.ansi_bytes import raw_byte

UNICODE, TCVN3, TCVN3_CAPITALS, VNI = "unicode", "tcvn3", "tcvn3_capitals", "vni"

# Common words as each encoding's bytes read as ANSI: của, và, năm, được, việc, tỉnh, những, đồng.
_TCVN3_MARKERS = re.compile(r"cña|vµ|n¨m|®­îc|viÖc|tØnh|nh÷ng|®ång|c¸c|ph¸t|®Õn|h·y")
_VNI_MARKERS = re.compile(r"cuûa|vaø|naêm|ñöôïc|vieäc|tænh|nhöõng|ñoàng|caùc|phaùt|ñeán")
# Bytes 0xA1–0xBF (in their ANSI characters) are letters in TCVN3 and never occur in VNI text.
_TCVN3_ONLY = frozenset("¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾")
# In VNI a vowel is followed by its mark byte ("aø", "eä", "uû"); that pair is not Vietnamese TCVN3.
_VNI_PAIR = re.compile(r"[aeouyAEOUY][àáâãäåèéêëõøùúûüÀÁÂÃÄÅÈÉÊËÕØÙÚÛÜ]|[ôöÔÖ][õøùûïÕØÙÛÏ]")


def detect(text: str, font_name: str | None = None, document: str = UNICODE) -> str:
    """The encoding of a cell's text: "unicode", "tcvn3", "tcvn3_capitals" or "vni".

    ``document`` is the encoding the whole file was found in (DocumentVote): the answer for a cell
    whose own evidence is weak."""
    font = (font_name or "").strip()
    folded_font = font.lower()
    if _is_unicode_vietnamese(text):
        return UNICODE
    if folded_font.startswith(".vn") and font.endswith("H") and text.lower() != text.upper():
        return TCVN3_CAPITALS  # a .Vn…H font draws every letter as a capital, ASCII ones too ("tt" is "TT")
    if text.isascii():
        return UNICODE
    if folded_font.startswith(".vn"):
        return TCVN3_CAPITALS if font.endswith("H") else TCVN3
    if folded_font.startswith("vni"):
        return VNI
    own = _guess(text)
    return own if own != UNICODE or document not in (TCVN3, VNI) else document


def to_unicode(text: str, font_name: str | None = None, document: str = UNICODE) -> str:
    """Unicode NFC for a cell's text, converting TCVN3 or VNI-Windows text when detected (``document``:
    the file's encoding, for cells too short to tell)."""
    encoding = detect(text, font_name, document)
    if encoding == TCVN3:
        return tcvn3.decode(text)
    if encoding == TCVN3_CAPITALS:
        return tcvn3.decode(text, capitals=True)
    if encoding == VNI:
        return vni.decode(text)
    return unicodedata.normalize("NFC", text)


def _is_unicode_vietnamese(text: str) -> bool:
    """True when ``text`` has a non-ASCII letter or mark that no legacy byte can stand for."""
    return any(ord(ch) > 0x7F and raw_byte(ch) is None for ch in text)


def _guess(text: str) -> str:
    tcvn3_markers = len(_TCVN3_MARKERS.findall(text))
    vni_markers = len(_VNI_MARKERS.findall(text))
    if tcvn3_markers or vni_markers:
        return TCVN3 if tcvn3_markers >= vni_markers else VNI
    tcvn3_score = sum(ch in _TCVN3_ONLY for ch in text)
    vni_score = len(_VNI_PAIR.findall(text))
    # A single hit proves little (Latin-1 words such as "café" exist): ask for two, and a clear lead.
    if tcvn3_score >= 2 and tcvn3_score > vni_score:
        return TCVN3
    if vni_score >= 2 and vni_score > tcvn3_score:
        return VNI
    return UNICODE


class DocumentVote:
    """Each text of one file (a cell, a run, a page) votes for the encoding its evidence points to;
    ``decision`` is the file's encoding: the legacy one most texts with any evidence point to."""

    _MIN_EVIDENCE = 3  # in all, over the file's texts: two letter shapes may be Latin-1, three are not

    def __init__(self) -> None:
        self.texts = {UNICODE: 0, TCVN3: 0, VNI: 0}
        self.evidence = {TCVN3: 0, VNI: 0}

    def add(self, text: str, font_name: str | None = None) -> None:
        """Count the vote of one text and its font."""
        if not text or text.isascii():
            return
        folded_font = (font_name or "").strip().lower()
        if _is_unicode_vietnamese(text):
            self.texts[UNICODE] += 1
            return
        if folded_font.startswith((".vn", "vni")):
            encoding, score = (TCVN3 if folded_font.startswith(".vn") else VNI), self._MIN_EVIDENCE
        else:
            tcvn3_score = 3 * len(_TCVN3_MARKERS.findall(text)) + sum(ch in _TCVN3_ONLY for ch in text)
            vni_score = 3 * len(_VNI_MARKERS.findall(text)) + len(_VNI_PAIR.findall(text))
            if tcvn3_score == vni_score:
                return
            encoding, score = (TCVN3, tcvn3_score) if tcvn3_score > vni_score else (VNI, vni_score)
        self.texts[encoding] += 1
        self.evidence[encoding] += score

    def decision(self) -> str:
        """"tcvn3", "vni" or "unicode" for the whole file."""
        for encoding, other in ((TCVN3, VNI), (VNI, TCVN3)):
            count = self.texts[encoding]
            if self.evidence[encoding] >= self._MIN_EVIDENCE and count > self.texts[UNICODE] \
                    and count >= 2 * self.texts[other]:
                return encoding
        return UNICODE


def document_encoding(texts: Iterable[tuple[str, str | None]]) -> str:
    """The encoding of a file from its (text, font name) pairs."""
    vote = DocumentVote()
    for text, font in texts:
        vote.add(text, font)
    return vote.decision()
