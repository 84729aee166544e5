"""The refusals of signing and verifying, each with a stable code and a vi/en message."""

from __future__ import annotations

from desktop.errors import BaocaoError


class SigningError(BaocaoError):
    """A PDF cannot be signed; nothing was written."""

    code = "signing"
    exit_code = 4


class TokenError(SigningError):
    """The PKCS#11 library, token or certificate cannot be used."""

    code = "token"


class WrongPin(TokenError):
    """The token refused the PIN."""

    code = "wrong_pin"


class CertificateRefused(SigningError):
    """The signing certificate is expired, not yet valid, or outside the trusted roots."""

    code = "certificate"
