"""Vietnamese text: NFC everywhere it is stored or compared, and a diacritic-free fold for search."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (Unikey "tổ hợp" and NFD input become precomposed)."""
    return unicodedata.normalize("NFC", text)


def clean_cell(text: str | None) -> str | None:
    """NFC, leading and trailing blanks removed, inner whitespace kept; empty becomes None."""
    if text is None:
        return None
    out = nfc(str(text)).strip()
    return out or None


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d) and collapse whitespace: "Chuyển đổi số" → "chuyen doi so"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().lower()
