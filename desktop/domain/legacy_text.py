"""Per-cell detection of legacy Vietnamese encodings (TCVN3, VNI-Windows) and conversion to NFC.

The cell's font is the best signal: ".Vn…" fonts are TCVN3 (a name ending in "H", like
".VnTimeH", draws capitals), "VNI-…" fonts are VNI-Windows. Without a telling font the text
itself decides: marker words and letter shapes that only one encoding produces. Text that already
holds Vietnamese letters no legacy byte can stand for (ệ, ạ, ữ…) is Unicode whatever its font says,
so a cell retyped in Unicode but left in an old font is not garbled. Decomposed Unicode (NFD,
Unikey's "Unicode tổ hợp") comes out NFC.
"""

from __future__ import annotations

import re
import unicodedata

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


def detect(text: str, font_name: str | None = None) -> str:
    """The encoding of a cell's text: "unicode", "tcvn3", "tcvn3_capitals" or "vni"."""
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
    return _guess(text)


def to_unicode(text: str, font_name: str | None = None) -> str:
    """Unicode NFC for a cell's text, converting TCVN3 or VNI-Windows text when detected."""
    encoding = detect(text, font_name)
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
