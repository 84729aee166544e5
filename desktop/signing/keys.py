"""Where the signing key is: a PKCS#11 token (the government CA's USB token) or a PKCS#12 file.

The PIN or password comes from the caller (a dialog, or BAOCAO_TOKEN_PIN for scripts); it is passed to
the token once and kept nowhere else, never logged and never in a command line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509
from pkcs11.exceptions import PinIncorrect, PinLenRange, PKCS11Error
from pyhanko.sign import signers
from pyhanko.sign.pkcs11 import PKCS11Signer

from desktop.signing.errors import TokenError, WrongPin
from desktop.signing.tokens import find_token, list_certificates, subject_name

MAX_P12_BYTES = 1 << 20


@dataclass(frozen=True)
class TokenKey:
    """A key on a PKCS#11 token: the library, the token's label and the certificate's label."""

    library: str
    token: str | None = None
    certificate: str | None = None


@dataclass(frozen=True)
class FileKey:
    """A key in a PKCS#12 (.p12/.pfx) file."""

    path: Path


KeySource = TokenKey | FileKey


@contextmanager
def open_signer(source: KeySource, pin: str) -> Iterator[signers.Signer]:
    """A pyHanko signer over ``source``, unlocked with ``pin``; the token session closes on exit."""
    if isinstance(source, FileKey):
        yield _p12_signer(source.path, pin)
        return
    token = find_token(source.library, source.token)
    chosen = _choose_certificate(source)
    try:
        session = token.open(user_pin=pin)
    except (PinIncorrect, PinLenRange) as exc:
        raise WrongPin("Mã PIN không đúng; chưa ký gì. Token có thể bị khóa nếu nhập sai nhiều lần.",
                       "Wrong PIN; nothing was signed. The token may lock after several wrong PINs.") from exc
    except PKCS11Error as exc:
        raise TokenError(f"Token từ chối mở phiên ({type(exc).__name__}).",
                         f"The token refused to open a session ({type(exc).__name__}).") from exc
    try:
        yield PKCS11Signer(session, cert_id=chosen.key_id or None, cert_label=None if chosen.key_id else chosen.label,
                           signing_cert=chosen.certificate)
    finally:
        session.close()


def holder_name(source: KeySource, pin: str) -> str:
    """The name of the certificate ``source`` signs with, read without signing anything: a token's certificate
    needs no PIN (it is public), a PKCS#12 file is opened with its password ``pin``."""
    if isinstance(source, FileKey):
        return subject_name(signer_certificate(_p12_signer(source.path, pin)))
    return str(_choose_certificate(source).subject)


def _choose_certificate(source: TokenKey):  # type: ignore[no-untyped-def]
    certificates = list_certificates(source.library, source.token)
    if source.certificate is not None:
        certificates = [c for c in certificates if source.certificate in (c.label, c.subject)]
    if not certificates:
        raise TokenError("Không thấy chứng thư số trên token" + (f" «{source.certificate}»." if source.certificate
                                                                 else "."),
                         "No certificate on the token" + (f" «{source.certificate}»." if source.certificate
                                                          else "."), code="no_certificate")
    if len(certificates) > 1:
        names = ", ".join(c.label or c.subject for c in certificates)
        raise TokenError(f"Token có nhiều chứng thư ({names}): hãy chọn một (--cert).",
                         f"The token holds several certificates ({names}): choose one (--cert).",
                         code="many_certificates")
    return certificates[0]


def _p12_signer(path: Path, password: str) -> signers.Signer:
    try:
        data = path.read_bytes()[:MAX_P12_BYTES + 1]
    except OSError as exc:
        raise TokenError(f"Không đọc được tệp khóa {path.name}.", f"Cannot read the key file {path.name}.",
                         code="no_p12") from exc
    if len(data) > MAX_P12_BYTES:
        raise TokenError(f"Tệp {path.name} quá lớn để là tệp khóa PKCS#12.",
                         f"{path.name} is too large to be a PKCS#12 key file.", code="bad_p12")
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=password.encode())
    except (ValueError, TypeError) as exc:
        raise WrongPin(f"Mật khẩu của tệp {path.name} không đúng hoặc tệp hỏng; chưa ký gì.",
                       f"Wrong password for {path.name}, or the file is damaged; nothing was signed.") from exc
    if signer is None:
        raise WrongPin(f"Mật khẩu của tệp {path.name} không đúng hoặc tệp hỏng; chưa ký gì.",
                       f"Wrong password for {path.name}, or the file is damaged; nothing was signed.")
    return signer


def signer_certificate(signer: signers.Signer) -> x509.Certificate:
    """The signing certificate, loaded from the token when needed."""
    cert = signer.signing_cert
    if cert is None:
        raise TokenError("Không đọc được chứng thư số từ token.", "Cannot read the certificate from the token.",
                         code="no_certificate")
    return cert
