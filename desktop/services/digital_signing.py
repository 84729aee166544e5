"""Digital signatures on report PDFs (Nghị định 30/2020), for the GUI and the CLI alike.

The signature and seal images are chosen once and kept in the encrypted store (settings whose names start
with "secret.", so the audit log never copies them); the PKCS#11 library path and the timestamp server are
plain settings. The PIN is a parameter of each call and goes nowhere else.
"""

from __future__ import annotations

import base64
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from desktop.domain.signer_name import NameMismatch, name_mismatch
from desktop.models.settings import get_setting, set_setting
from desktop.models.store import Store
from desktop.services.documents import export_pdf
from desktop.services.installation import installation_agency
from desktop.services.signed_documents import queue_if_bound
from desktop.signing import appearance, trust
from desktop.signing.keys import KeySource, holder_name
from desktop.signing.pades import Role, SigningRequest, SignResult, sign_pdf
from desktop.signing.verify import SignatureCheck, verify_pdf

LIBRARY_KEY = "signing.pkcs11_library"
TIMESTAMP_KEY = "signing.timestamp_url"


class ImageKind(Enum):
    """The two images of ND 30 Phụ lục I."""

    SIGNATURE = "signature"
    SEAL = "seal"

    @property
    def setting(self) -> str:
        """Where the image is kept (an encrypted store setting, never echoed in the audit log)."""
        return f"secret.signing.{self.value}_png"


@dataclass(frozen=True)
class SigningSettings:
    """What the user set once: the PKCS#11 library, the timestamp server, which images are chosen."""

    pkcs11_library: str
    timestamp_url: str
    has_signature_image: bool
    has_seal_image: bool


def load_settings(store: Store) -> SigningSettings:
    """The signing settings of this installation."""
    with store.session() as session:
        return SigningSettings(get_setting(session, LIBRARY_KEY, ""), get_setting(session, TIMESTAMP_KEY, ""),
                               get_setting(session, ImageKind.SIGNATURE.setting) is not None,
                               get_setting(session, ImageKind.SEAL.setting) is not None)


def save_settings(store: Store, *, pkcs11_library: str | None = None, timestamp_url: str | None = None) -> None:
    """Keep the PKCS#11 library path and/or the timestamp server's URL."""
    with store.session() as session:
        if pkcs11_library is not None:
            set_setting(session, LIBRARY_KEY, pkcs11_library.strip())
        if timestamp_url is not None:
            set_setting(session, TIMESTAMP_KEY, timestamp_url.strip())


def set_image(store: Store, kind: ImageKind, data: bytes) -> None:
    """Keep the signature or seal image (checked: a transparent PNG of bounded size), encrypted in the store."""
    what = ("chữ ký", "signature") if kind is ImageKind.SIGNATURE else ("con dấu", "seal")
    appearance.check_png(data, *what)
    with store.session() as session:
        set_setting(session, kind.setting, base64.b64encode(data).decode("ascii"))


def image(store: Store, kind: ImageKind) -> bytes | None:
    """The image chosen, or None."""
    with store.session() as session:
        text = get_setting(session, kind.setting)
    return None if text is None else base64.b64decode(text)


def sign_file(store: Store, src: Path, out: Path, role: Role, key: KeySource, pin: str, *,
              appendix_number: str | None = None, embed_revocation: bool = False) -> SignResult:
    """Sign the PDF ``src`` into ``out`` as ``role`` with the store's images, roots and timestamp server; a
    signed copy of one of this PC's bundles is then queued for the province (``SignResult.queued``)."""
    settings = load_settings(store)
    kind = ImageKind.SIGNATURE if role is Role.SIGNER else ImageKind.SEAL
    request = SigningRequest(role, image=None if appendix_number else image(store, kind),
                             appendix_number=appendix_number, timestamp_url=settings.timestamp_url or None,
                             embed_revocation=embed_revocation)
    result = sign_pdf(src, out, request, key, pin, trust.trusted_certificates(store))
    queued = queue_if_bound(store, out)
    return replace(result, queued=queued.document_id if queued is not None else None)


def sign_report(store: Store, period_code: str, out: Path, role: Role, key: KeySource, pin: str,
                progress: Callable[[int, int], None] | None = None) -> SignResult:
    """Write the period's report PDF and sign it into ``out``; on a refusal ``out`` is not written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".unsigned.pdf", dir=out.parent)
    os.close(handle)
    try:
        export_pdf(store, period_code, Path(temp), progress=progress)
        return sign_file(store, Path(temp), out, role, key, pin)
    finally:
        Path(temp).unlink(missing_ok=True)


def printed_signer(store: Store) -> str:
    """The signer's name the report prints under the signature (the agency profile; empty if not set)."""
    with store.session() as session:
        return installation_agency(session).signer_name


def signer_name_warning(store: Store, role: Role, holder: str) -> NameMismatch | None:
    """What to warn about before ``holder``'s certificate signs as ``role``: the report prints another signer's
    name (only the signer's signature stands under that name; the agency's never warns)."""
    return name_mismatch(printed_signer(store), holder) if role is Role.SIGNER else None


def key_signer_name_warning(store: Store, role: Role, key: KeySource, pin: str) -> NameMismatch | None:
    """``signer_name_warning`` for the certificate of ``key`` (a token's, or a PKCS#12 file's opened with
    ``pin``), read without signing; a key that cannot be read raises the refusal signing would."""
    return signer_name_warning(store, role, holder_name(key, pin)) if role is Role.SIGNER else None


def verify_file(store: Store | None, path: Path, extra_roots: list[Path] = ()) -> list[SignatureCheck]:  # type: ignore[assignment]
    """Every signature of ``path`` against the store's roots (if a store is given) and ``extra_roots``."""
    roots = trust.trusted_certificates(store) if store is not None else []
    for root_file in extra_roots:
        roots += trust.parse_pem_certificates(root_file.read_bytes()[:trust.MAX_PEM_BYTES + 1], root_file.name)
    return verify_pdf(path, roots)
