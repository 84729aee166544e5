"""PKCS#11 libraries of the tokens Vietnamese agencies use, and what a token holds.

The presets name the usual library of each vendor's middleware; the path stays editable because
installers differ. Listing tokens and certificates needs no PIN: certificates are public objects.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pkcs11
from asn1crypto import x509
from pkcs11 import Attribute, ObjectClass
from pkcs11.exceptions import PKCS11Error

from desktop.signing import PIN_ENV as PIN_ENV
from desktop.signing.errors import TokenError


@dataclass(frozen=True)
class LibraryPreset:
    """One vendor's PKCS#11 library: a name to show and its usual file names per platform."""

    name: str
    windows: tuple[str, ...]
    linux: tuple[str, ...]


PRESETS: tuple[LibraryPreset, ...] = (
    LibraryPreset("SafeNet eToken (SafeNet Authentication Client)", ("eTPKCS11.dll", "eToken.dll"),
                  ("/usr/lib/libeTPkcs11.so", "/usr/lib/x86_64-linux-gnu/libeTPkcs11.so")),
    LibraryPreset("Bit4id (Ban Cơ yếu Chính phủ — chữ ký số chuyên dùng)", ("bit4xpki.dll", "bit4ipki.dll"),
                  ("/usr/lib/bit4id/libbit4xpki.so", "/usr/lib/libbit4xpki.so")),
    LibraryPreset("VNPT-CA", ("vnpt-ca_csp11.dll", "vnptca_p11_v8.dll", "vnpt-ca_v34.dll"), ()),
    LibraryPreset("Viettel-CA", ("viettel-ca_v6.dll", "viettel-ca_v5.dll", "viettel-ca.dll"), ()),
    LibraryPreset("BKAV-CA", ("BkavCA.dll", "BkavCAv2S.dll"), ()),
    LibraryPreset("OpenSC", ("opensc-pkcs11.dll",),
                  ("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/opensc-pkcs11.so")),
    LibraryPreset("SoftHSM2 (thử nghiệm / testing)", ("softhsm2-x64.dll",),
                  ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")),
)


@dataclass(frozen=True)
class TokenInfo:
    """A token present in a slot."""

    label: str
    manufacturer: str
    serial: str


@dataclass(frozen=True)
class CertificateInfo:
    """A certificate stored on a token, with what a person picks it by."""

    label: str
    key_id: bytes
    subject: str
    issuer: str
    not_after: datetime
    certificate: x509.Certificate


def preset_paths(preset: LibraryPreset) -> list[Path]:
    """Where this preset's library may be on this machine (Windows: System32 and SysWOW64 as well)."""
    if sys.platform != "win32":
        return [Path(name) for name in preset.linux]
    windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
    return [folder / name for name in preset.windows for folder in (windir / "System32", windir / "SysWOW64")]


def installed_presets() -> list[tuple[LibraryPreset, Path]]:
    """The presets whose library file exists here, with the first path found."""
    found = []
    for preset in PRESETS:
        path = next((p for p in preset_paths(preset) if p.is_file()), None)
        if path is not None:
            found.append((preset, path))
    return found


def load_library(path: str) -> Any:  # pkcs11.lib: its stubs declare a function, not a class
    """The PKCS#11 library at ``path``; a clear refusal when it is not there or not a PKCS#11 module."""
    if not Path(path).is_file():
        raise TokenError(f"Không thấy thư viện PKCS#11 {path}: hãy cài phần mềm của token hoặc chọn đúng tệp.",
                         f"PKCS#11 library {path} not found: install the token's software or pick the right file.",
                         code="no_library")
    try:
        return pkcs11.lib(path)
    except (OSError, RuntimeError, PKCS11Error) as exc:
        raise TokenError(f"Tệp {path} không phải thư viện PKCS#11 dùng được ({type(exc).__name__}).",
                         f"{path} is not a usable PKCS#11 library ({type(exc).__name__}).",
                         code="bad_library") from exc


def list_tokens(library: str) -> list[TokenInfo]:
    """The tokens plugged in, as the library sees them."""
    tokens = []
    for token in _present_tokens(library):
        serial = token.serial.decode("ascii", "replace") if isinstance(token.serial, bytes) else str(token.serial)
        tokens.append(TokenInfo(token.label.strip(), token.manufacturer_id.strip(), serial.strip()))
    return tokens


def _present_tokens(library: str) -> list[pkcs11.Token]:
    """The initialised tokens in the slots; a slot whose card the library does not recognise is skipped."""
    lib = load_library(library)
    tokens = []
    try:
        slots = lib.get_slots(token_present=True)
    except PKCS11Error as exc:
        raise TokenError(f"Thư viện PKCS#11 không liệt kê được khe cắm ({type(exc).__name__}).",
                         f"The PKCS#11 library cannot list its slots ({type(exc).__name__}).",
                         code="bad_library") from exc
    for slot in slots:
        try:
            token = slot.get_token()
        except PKCS11Error:
            continue
        if token.label.strip():
            tokens.append(token)
    return tokens


def find_token(library: str, label: str | None) -> pkcs11.Token:
    """The token labelled ``label`` (or the only one plugged in); a clear refusal when absent or ambiguous."""
    tokens = _present_tokens(library)
    if label is not None:
        tokens = [token for token in tokens if token.label.strip() == label.strip()]
    if not tokens:
        named = f" «{label}»" if label else ""
        raise TokenError(f"Không thấy token{named}: hãy cắm token vào máy rồi thử lại.",
                         f"No token{named} found: plug the token in and try again.", code="no_token")
    if len(tokens) > 1:
        raise TokenError("Có nhiều token đang cắm: hãy chọn một token (--token).",
                         "Several tokens are plugged in: choose one (--token).", code="many_tokens")
    return tokens[0]


def list_certificates(library: str, token_label: str | None) -> list[CertificateInfo]:
    """The certificates on the token, without logging in."""
    token = find_token(library, token_label)
    with token.open() as session:
        return [_certificate_info(obj) for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})]


def _certificate_info(obj: pkcs11.Object) -> CertificateInfo:
    cert = x509.Certificate.load(obj[Attribute.VALUE])
    try:
        label = obj[Attribute.LABEL]
    except PKCS11Error:
        label = ""
    try:
        key_id = bytes(obj[Attribute.ID])
    except PKCS11Error:
        key_id = b""
    return CertificateInfo(label, key_id, subject_name(cert), common_name(cert.issuer),
                           cert.not_valid_after, cert)


def subject_name(cert: x509.Certificate) -> str:
    """The common name of the certificate's subject, else its whole name."""
    return common_name(cert.subject)


def common_name(name: x509.Name) -> str:
    """The common name of ``name``, else the whole name."""
    return str(name.native.get("common_name") or name_text(name))


# The parts of a name an officer recognises, most specific first (asn1crypto's ``human_friendly`` labels them
# in English: "Common Name: …, Organization: …").
_NAME_PARTS = ("common_name", "organizational_unit_name", "organization_name", "locality_name",
               "state_or_province_name", "country_name")


def name_text(name: x509.Name) -> str:
    """``name`` as its values alone, most specific first: "CA chuyên dùng, Ban Cơ yếu Chính phủ, VN"."""
    native = name.native
    values = [native[part] for part in _NAME_PARTS if part in native]
    values += [value for key, value in native.items() if key not in _NAME_PARTS]
    return ", ".join(", ".join(v) if isinstance(v, list) else str(v) for v in values)
