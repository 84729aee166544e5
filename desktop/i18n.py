"""The user's language for messages outside Qt: Vietnamese by default, English on request.

``BAOCAO_LANG`` wins, then ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG`` starting with "en".
The GUI sets ``BAOCAO_LANG`` from its settings so that core messages follow the UI language.
"""

from __future__ import annotations

import os

SUPPORTED = ("vi", "en")


def current_language() -> str:
    """Return "en" when the environment asks for English, else "vi"."""
    explicit = os.environ.get("BAOCAO_LANG", "").strip().lower()
    if explicit in SUPPORTED:
        return explicit
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "").strip().lower()
        if value:
            return "en" if value.startswith("en") else "vi"
    return "vi"


def tr(vi: str, en: str) -> str:
    """Pick the Vietnamese or English text for the current language."""
    return en if current_language() == "en" else vi
