"""The roots the province trusts for digital signatures (Nghị định 30/2020): the government CA's root and
intermediates. ``baocao-server trust add CA.pem`` records them; every assignment package carries them, so
the agencies verify against the same roots; the intake checks signed report PDFs against them."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from asn1crypto import pem, x509
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import InputError
from desktop.i18n import tr
from desktop.signing.trust import MAX_PEM_BYTES, MAX_ROOTS, fingerprint, parse_pem_certificates
from server.db import Database
from server.models import TrustRoot


def add_roots(db: Database, path: Path) -> list[TrustRoot]:
    """Trust the certificates of the PEM file at ``path``; the ones newly added."""
    try:
        data = path.read_bytes()[:MAX_PEM_BYTES + 1]
    except OSError as exc:
        raise InputError(f"Không đọc được tệp {path}.", f"Cannot read {path}.", code="bad_root") from exc
    certs = parse_pem_certificates(data, path.name)
    added = []
    with db.transaction() as session:
        known = set(session.scalars(select(TrustRoot.fingerprint)))
        for cert in certs:
            if fingerprint(cert) in known:
                continue
            row = TrustRoot(fingerprint=fingerprint(cert), subject=cert.subject.human_friendly,
                            pem=pem.armor("CERTIFICATE", cert.dump()).decode("ascii"), added_at=int(time.time()))
            session.add(row)
            added.append(row)
        if len(known) + len(added) > MAX_ROOTS:
            raise InputError(f"Quá {MAX_ROOTS} chứng thư gốc.", f"More than {MAX_ROOTS} roots.", code="bad_root")
    return added


def remove_root(db: Database, prefix: str) -> str:
    """Stop trusting the root whose fingerprint starts with ``prefix``; its subject."""
    prefix = prefix.lower().replace(":", "")
    with db.transaction() as session:
        rows = [r for r in session.scalars(select(TrustRoot)) if len(prefix) >= 8 and r.fingerprint.startswith(prefix)]
        if len(rows) != 1:
            raise InputError(f"Không có đúng một chứng thư gốc có dấu vân tay {prefix}….",
                             f"No single root has fingerprint {prefix}….", code="bad_fingerprint")
        session.delete(rows[0])
        return rows[0].subject


def root_pems(session: Session) -> list[str]:
    """The trusted roots as PEM, oldest first (what the assignment package carries)."""
    return list(session.scalars(select(TrustRoot.pem).order_by(TrustRoot.id)))


def roots_version(session: Session) -> tuple[int, int]:
    """Changes whenever a root is added or removed (part of the package cache key)."""
    count, top = session.execute(select(func.count(TrustRoot.id), func.max(TrustRoot.id))).one()
    return int(count or 0), int(top or 0)


def trusted_certificates(session: Session) -> list[x509.Certificate]:
    """The roots, parsed."""
    return [c for text in root_pems(session) for c in parse_pem_certificates(text.encode("ascii"), "trust_roots")]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], database: object) -> None:
    """``baocao-server trust add FILE.pem | list | remove FINGERPRINT``; ``database(settings)`` opens the db."""
    trust = commands.add_parser("trust", help="roots trusted for digital signatures").add_subparsers(
        dest="trust_command", required=True)
    add = trust.add_parser("add", help="trust the certificates of a PEM file")
    add.add_argument("file", type=Path)
    add.set_defaults(run=lambda args, settings: _add(database(settings), args.file))  # type: ignore[operator]
    trust.add_parser("list", help="list the trusted roots").set_defaults(
        run=lambda args, settings: _list(database(settings)))  # type: ignore[operator]
    remove = trust.add_parser("remove", help="stop trusting a root (by fingerprint)")
    remove.add_argument("fingerprint")
    remove.set_defaults(run=lambda args, settings: _remove(database(settings), args.fingerprint))  # type: ignore[operator]


def _add(db: Database, path: Path) -> int:
    for row in add_roots(db, path):
        print(tr(f"Đã tin cậy: {row.subject} ({row.fingerprint[:16]}…)", f"Trusted: {row.subject} "
                 f"({row.fingerprint[:16]}…)"))
    return 0


def _list(db: Database) -> int:
    with db.transaction() as session:
        for row in session.scalars(select(TrustRoot).order_by(TrustRoot.id)):
            print(f"{row.fingerprint}  {row.subject}")
    return 0


def _remove(db: Database, prefix: str) -> int:
    subject = remove_root(db, prefix)
    print(tr(f"Đã bỏ tin cậy: {subject}", f"No longer trusted: {subject}"))
    return 0
