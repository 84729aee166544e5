"""Errors as data: every refusal the user can meet is a typed exception with a stable code.

Each error carries a Vietnamese and an English message. The CLI prints one line in the user's
language and exits non-zero; the GUI shows the message; the server maps codes to HTTP statuses.
"""

from __future__ import annotations

from desktop.i18n import current_language


class BaocaoError(Exception):
    """A refusal with a stable code and a message in Vietnamese and English."""

    code: str = "error"
    exit_code: int = 1

    def __init__(self, message_vi: str, message_en: str, *, code: str | None = None) -> None:
        super().__init__(message_en)
        self.message_vi = message_vi
        self.message_en = message_en
        if code is not None:
            self.code = code

    def message(self, language: str | None = None) -> str:
        """The message in ``language`` ("vi" or "en"); the user's language when not given."""
        lang = language or current_language()
        return self.message_en if lang == "en" else self.message_vi

    def __str__(self) -> str:
        return self.message()


class StoreError(BaocaoError):
    """The encrypted store cannot be opened, read or written."""

    code = "store"


class WrongPassphrase(StoreError):
    """No key slot opens with the passphrase given."""

    code = "wrong_passphrase"
    exit_code = 3


class InputError(BaocaoError):
    """A file or a value given by the user cannot be used; the message names where."""

    code = "input"
    exit_code = 2


class ValidationFailed(BaocaoError):
    """A report does not pass validation and the action needs it to."""

    code = "validation"


class IntegrityError(BaocaoError):
    """A signature, hash, chain or audit check failed."""

    code = "integrity"
    exit_code = 4


class Cancelled(BaocaoError):
    """The user cancelled a long operation; nothing was kept."""

    code = "cancelled"
    exit_code = 130
