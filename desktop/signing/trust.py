"""The roots signatures are checked against: the province's (from the assignment package) and local ones.

Roots are PEM certificates kept in the encrypted store's settings. The province publishes the roots it
trusts (the government CA's root and intermediates) in the assignment envelope and the app stores them
on sync; an office whose province publishes none adds its own with ``baocao trust add``. Both sets count.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pem, x509
from sqlalchemy.orm import Session

from desktop.errors import InputError
from desktop.models.settings import get_setting, set_setting
from desktop.models.store import Store
from desktop.signing.tokens import name_text

LOCAL_KEY = "trust.local_roots"
PROVINCE_KEY = "trust.province_roots"
MAX_PEM_BYTES = 1 << 20
MAX_ROOTS = 64


@dataclass(frozen=True)
class TrustedRoot:
    """One trusted certificate and where it came from ("local" or "province")."""

    fingerprint: str
    subject: str
    not_after: str
    source: str
    certificate: x509.Certificate


def fingerprint(cert: x509.Certificate) -> str:
    """The SHA-256 fingerprint of the certificate, hex."""
    return hashlib.sha256(cert.dump()).hexdigest()


def parse_pem_certificates(data: bytes, name: str) -> list[x509.Certificate]:
    """Every certificate of a PEM (or single DER) file; a clear refusal naming ``name`` otherwise."""
    if len(data) > MAX_PEM_BYTES:
        raise InputError(f"Tệp {name} quá lớn cho chứng thư gốc.", f"{name} is too large for root certificates.",
                         code="bad_root")
    try:
        if pem.detect(data):
            certs = [x509.Certificate.load(der) for kind, _h, der in pem.unarmor(data, multiple=True)
                     if kind == "CERTIFICATE"]
        else:
            certs = [x509.Certificate.load(data)]
        for cert in certs:
            _ = cert.subject.human_friendly, cert.not_valid_after
    except (ValueError, TypeError) as exc:
        raise InputError(f"Tệp {name} không phải chứng thư số PEM/DER đọc được.",
                         f"{name} is not a readable PEM/DER certificate.", code="bad_root") from exc
    if not certs:
        raise InputError(f"Tệp {name} không có chứng thư nào.", f"{name} holds no certificate.", code="bad_root")
    return certs


def _to_pem(cert: x509.Certificate) -> str:
    return pem.armor("CERTIFICATE", cert.dump()).decode("ascii")


def _load(session: Session, key: str) -> list[x509.Certificate]:
    return [cert for text in get_setting(session, key, []) for cert in
            parse_pem_certificates(text.encode("ascii"), key)]


def add_local_roots(store: Store, path: Path) -> list[TrustedRoot]:
    """Trust the certificates of the PEM file at ``path`` locally; returns those newly added."""
    try:
        data = path.read_bytes()[:MAX_PEM_BYTES + 1]
    except OSError as exc:
        raise InputError(f"Không đọc được tệp {path}.", f"Cannot read {path}.", code="bad_root") from exc
    certs = parse_pem_certificates(data, path.name)
    with store.session() as session:
        current = _load(session, LOCAL_KEY)
        known = {fingerprint(c) for c in current}
        added = [c for c in certs if fingerprint(c) not in known]
        if len(current) + len(added) > MAX_ROOTS:
            raise InputError(f"Quá {MAX_ROOTS} chứng thư gốc.", f"More than {MAX_ROOTS} roots.", code="bad_root")
        set_setting(session, LOCAL_KEY, [_to_pem(c) for c in [*current, *added]])
    return [_root(c, "local") for c in added]


def remove_local_root(store: Store, fingerprint_prefix: str) -> TrustedRoot:
    """Stop trusting the local root whose fingerprint starts with ``fingerprint_prefix`` (at least 8 hex)."""
    prefix = fingerprint_prefix.lower().replace(":", "")
    if len(prefix) < 8:
        raise InputError("Hãy ghi ít nhất 8 ký tự đầu của dấu vân tay.", "Give at least 8 characters of the "
                         "fingerprint.", code="bad_fingerprint")
    with store.session() as session:
        current = _load(session, LOCAL_KEY)
        matching = [c for c in current if fingerprint(c).startswith(prefix)]
        if len(matching) != 1:
            raise InputError(f"Không có đúng một chứng thư gốc cục bộ có dấu vân tay {prefix}….",
                             f"No single local root has fingerprint {prefix}….", code="bad_fingerprint")
        set_setting(session, LOCAL_KEY, [_to_pem(c) for c in current if c is not matching[0]])
    return _root(matching[0], "local")


def set_province_roots(session: Session, pems: list[str]) -> bool:
    """Replace the province's roots with those of the assignment package (each checked to parse); whether a
    root was added that this PC did not have from the province."""
    certs = [cert for text in pems[:MAX_ROOTS] for cert in parse_pem_certificates(text.encode("ascii"), "roots")]
    before = set(get_setting(session, PROVINCE_KEY) or [])
    after = [_to_pem(c) for c in certs]
    set_setting(session, PROVINCE_KEY, after)
    return bool(set(after) - before)


def list_roots(store: Store) -> list[TrustedRoot]:
    """Every trusted root, the province's first."""
    with store.session() as session:
        return ([_root(c, "province") for c in _load(session, PROVINCE_KEY)]
                + [_root(c, "local") for c in _load(session, LOCAL_KEY)])


def trusted_certificates(store: Store) -> list[x509.Certificate]:
    """The certificates signatures chain to."""
    return [root.certificate for root in list_roots(store)]


def _root(cert: x509.Certificate, source: str) -> TrustedRoot:
    return TrustedRoot(fingerprint(cert), name_text(cert.subject), cert.not_valid_after.isoformat(), source, cert)
