"""The province server's tables (SQLAlchemy 2.0 typed ORM).

Times are integer unix seconds (UTC), the same on SQLite and PostgreSQL. Enrollment codes are kept
only as their SHA-256: a stolen database does not enroll anyone. A bundle's bytes live in a file named
by its SHA-256 under the data directory; the row holds what the province consolidates.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names."""

    metadata = MetaData(naming_convention=NAMING)


class Agency(Base):
    """A reporting agency (commune, department); ``chain`` is its bundle chain state as JSON."""

    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    parent_name: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(32), default="commune")
    created_at: Mapped[int] = mapped_column(BigInteger)
    chain: Mapped[str] = mapped_column(Text, default="{}")


class AgencyContact(Base):
    """An agency's phone number, for the Sở's reminder calls. A table of its own, not a column of ``agencies``:
    the server has no column migrations, and ``create_schema`` adds a missing table to an existing database."""

    __tablename__ = "agency_contacts"

    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), primary_key=True)
    phone: Mapped[str] = mapped_column(String(40))


class Device(Base):
    """An enrolled device key of an agency."""

    __tablename__ = "devices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_id: Mapped[str] = mapped_column(String(40), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    enrolled_at: Mapped[int] = mapped_column(BigInteger)
    revoked_at: Mapped[int | None] = mapped_column(BigInteger, default=None)


class EnrollCode(Base):
    """A one-time enrollment code (only its SHA-256), bound to one agency, used by at most one device."""

    __tablename__ = "enroll_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    created_at: Mapped[int] = mapped_column(BigInteger)
    expires_at: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"), default=None)


class Plan(Base):
    """A published plan: the JSON of ``ParsedPlan.to_json()``, the same for every agency."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    content: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[int] = mapped_column(BigInteger)


class Upload(Base):
    """A resumable upload of one bundle; ``offset`` counts the bytes durably appended to its file."""

    __tablename__ = "uploads"
    __table_args__ = (UniqueConstraint("agency_id", "bundle_id", "sha256", name="uq_uploads_bundle"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"))
    bundle_id: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))
    length: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[int] = mapped_column(BigInteger)
    finished_at: Mapped[int | None] = mapped_column(BigInteger, default=None)


class StoredBundle(Base):
    """An accepted bundle: what its manifest says and the figures consolidation needs (``intake.figures``)."""

    __tablename__ = "bundles"
    __table_args__ = (UniqueConstraint("agency_id", "bundle_id", name="uq_bundles_agency_bundle"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    bundle_id: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    period: Mapped[str] = mapped_column(String(16), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(BigInteger)
    size: Mapped[int] = mapped_column(BigInteger)
    signed_at: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(16))
    figures: Mapped[str] = mapped_column(Text)


class ReceiptRecord(Base):
    """The signed receipt given for one bundle file (by SHA-256), whatever its status; sent again as is."""

    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    bundle_id: Mapped[str | None] = mapped_column(String(64), index=True)
    agency_code: Mapped[str | None] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16))
    code: Mapped[str | None] = mapped_column(String(64))
    envelope: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[int] = mapped_column(BigInteger)


class Nonce(Base):
    """A request nonce seen recently; a second request with it is a replay."""

    __tablename__ = "nonces"

    nonce: Mapped[str] = mapped_column(String(32), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(40))
    expires_at: Mapped[int] = mapped_column(BigInteger, index=True)


class DeviceRevocation(Base):
    """Why and by whom a device key was revoked (``Device.revoked_at`` holds when)."""

    __tablename__ = "device_revocations"

    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    revoked_at: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(500))
    actor: Mapped[str] = mapped_column(String(100))


class EnrollCodeTerms(Base):
    """A code's public selector (its first group), wrong tries against it, its lock, the devices it replaces."""

    __tablename__ = "enroll_code_terms"

    code_id: Mapped[int] = mapped_column(ForeignKey("enroll_codes.id"), primary_key=True)
    selector: Mapped[str] = mapped_column(String(8), index=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_at: Mapped[int | None] = mapped_column(BigInteger, default=None)
    replaces: Mapped[str | None] = mapped_column(String(64), default=None)


class UploadRefusal(Base):
    """The refusal of one network upload whose bytes never verified: answers for that upload only."""

    __tablename__ = "upload_refusals"

    upload_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    code: Mapped[str | None] = mapped_column(String(64))
    envelope: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[int] = mapped_column(BigInteger)


class ScheduleEntry(Base):
    """A deadline the province set: one period ("2027Q1") or a quarter every year ("Q1"), optionally one plan's."""

    __tablename__ = "schedule_entries"
    __table_args__ = (UniqueConstraint("period", "plan_code", name="uq_schedule_entries_period_plan"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(8))
    plan_code: Mapped[str] = mapped_column(String(100), default="")
    deadline: Mapped[str] = mapped_column(String(10))
    updated_at: Mapped[int] = mapped_column(BigInteger)


class ConsoleUser(Base):
    """A province staff account of the web console (not a device); ``password_hash`` is Argon2id."""

    __tablename__ = "console_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[int] = mapped_column(BigInteger)
    disabled_at: Mapped[int | None] = mapped_column(BigInteger, default=None)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[int] = mapped_column(BigInteger, default=0)


class ConsoleSession(Base):
    """A logged-in console session; only the SHA-256 of the cookie's id is kept."""

    __tablename__ = "console_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("console_users.id"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[int] = mapped_column(BigInteger)
    last_seen: Mapped[int] = mapped_column(BigInteger)


class ConsoleSecret(Base):
    """A key of the console shared by every worker and kept across restarts (the login form's HMAC key)."""

    __tablename__ = "console_secrets"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary(64))
    created_at: Mapped[int] = mapped_column(BigInteger)


class ProvinceSetting(Base):
    """One of the province's settings (``server.province``): its name, the Sở's name and phone, the public URL."""

    __tablename__ = "province_settings"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(300))


class AuditEvent(Base):
    """An administrative action on the province server (revocations, schedules): who, what, when."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[int] = mapped_column(BigInteger, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="{}")
class TrustRoot(Base):
    """A root (or intermediate) CA certificate the province trusts for documents' digital signatures (PEM);
    published to every agency in the assignment package."""

    __tablename__ = "trust_roots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    subject: Mapped[str] = mapped_column(Text)
    pem: Mapped[str] = mapped_column(Text)
    added_at: Mapped[int] = mapped_column(BigInteger)


class SignedDocument(Base):
    """A digitally signed report PDF that followed a bundle (format ``baocao.signed-document/1``), and the
    province's verdict on its signatures; the file (``bundles/<sha256>.bcb``) keeps the PDF."""

    __tablename__ = "signed_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    document_id: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    bundle_sha256: Mapped[str] = mapped_column(String(64), index=True)
    period: Mapped[str] = mapped_column(String(16), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    verdict: Mapped[str] = mapped_column(String(16))
    complete: Mapped[int] = mapped_column(Integer)
    code: Mapped[str | None] = mapped_column(String(64))
    signatures: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(16))
