"""Secrets from the environment (for scripts) or from a prompt that does not echo."""

from __future__ import annotations

import getpass
import os
import sys

from desktop.errors import InputError
from desktop.i18n import tr


def secret(env_var: str, prompt_vi: str, prompt_en: str, *, confirm: bool = False) -> str:
    """The value of ``env_var`` if set, else ask on the terminal (twice when ``confirm``)."""
    value = os.environ.get(env_var)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise InputError(f"Cần nhập {prompt_vi.lower()}: không có bàn phím, hãy đặt biến {env_var}.",
                         f"{prompt_en} needed: no terminal, set {env_var}.", code="no_terminal")
    first = getpass.getpass(tr(prompt_vi, prompt_en) + ": ")
    if confirm and getpass.getpass(tr("Nhập lại", "Repeat") + ": ") != first:
        raise InputError("Hai lần nhập không khớp.", "The two entries differ.", code="mismatch")
    return first
