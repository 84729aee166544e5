"""Signed bundles: one report revision with its evidence files, made and verified the same way everywhere.

``write_bundle``/``save_bundle``/``make_bundle`` build the single-file container (bundle_container.py)
from report JSON and attachment streams, signing the canonical manifest with the agency's device key.
``verify_bundle`` checks a bundle in a fixed order and raises the first failure as a named
``BundleError``: container → format version → signature → hashes and sizes → chain → report schema.
Attachments are streamed in both directions; only the manifest and the report JSON (both bounded by
``Limits``) are ever held in memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.domain.report_snapshot import ReportSnapshot
from desktop.errors import InputError
from desktop.sync.atomic_file import atomic_output
from desktop.sync.bundle_chain import ChainOutcome, ChainState
from desktop.sync.bundle_container import (
    DEFAULT_LIMITS,
    FORMAT,
    FORMAT_V2,
    MANIFEST_TYPE,
    REPORT_MEDIA_TYPE,
    REPORT_NAME,
    SUPERSEDES_SHA256,
    FileEntry,
    Frame,
    Limits,
    check_format,
    check_manifest,
    frame_prefix,
    read_frame,
)
from desktop.sync.bundle_errors import (
    BundleError,
    HashMismatch,
    SchemaError,
    SignatureError,
    SizeMismatch,
    UnknownAgencyError,
)
from desktop.sync.canonical import canonical_json, pae, parse_strict_json
from desktop.sync.device_keys import ed25519_public_bytes, key_id, load_ed25519_public
from desktop.sync.report_schema import attachment_refs, validate_report

COPY_CHUNK = 64 * 1024
DEFLATE_LEVEL = 9


@dataclass(frozen=True)
class BundleFile:
    """An attachment to put in a bundle: its declared hash and size, and a stream of its bytes."""

    sha256: str
    size: int
    media_type: str
    stream: BinaryIO


@dataclass(frozen=True)
class BaseHash:
    """What a format 2 bundle names as the revision it is made on: that bundle's SHA-256, or None when the
    signer knows no earlier revision of the period (a first revision)."""

    sha256: str | None


@dataclass(frozen=True)
class BundleInfo:
    """What was written: the bundle's id, SHA-256 (what receipts sign), size and exact manifest bytes."""

    bundle_id: str
    sha256: str
    size: int
    manifest: bytes


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle that passed every check; fields come from its signed manifest."""

    bundle_id: str
    agency: str
    period: str
    revision: int
    supersedes: int | None
    sequence: int
    previous_hash: str | None
    created_at: str
    recipient: str
    signer: str
    bundle_hash: str
    size: int
    manifest: bytes
    report: ReportSnapshot
    attachments: tuple[FileEntry, ...]
    chain: ChainOutcome | None
    source: Path | BinaryIO = field(repr=False)
    payload_offsets: dict[str, int] = field(repr=False)

    def copy_attachment(self, sha256: str, dst: BinaryIO) -> int:
        """Stream one attachment into ``dst``; its hash is checked again on the way (the file may have changed)."""
        entry = next((e for e in self.attachments if e.sha256 == sha256), None)
        if entry is None:
            raise InputError(f"Gói không có tệp {sha256}.", f"The bundle has no file {sha256}.", code="not_found")
        with _opened(self.source) as stream:
            stream.seek(self.payload_offsets[sha256])
            _copy_hashed(stream, dst, entry)
        return entry.size

    def extract_attachments(self, directory: Path) -> list[Path]:
        """Write every attachment as ``directory/<sha256>`` (atomically); returns the paths written."""
        target = directory.resolve()
        written = []
        for entry in self.attachments:
            path = target / entry.sha256
            if path.parent != target:
                raise InputError("Tên tệp không an toàn.", "Unsafe file name.", code="unsafe_path")
            with atomic_output(path) as handle:
                self.copy_attachment(entry.sha256, handle)
            written.append(path)
        return written


def report_json(snapshot: ReportSnapshot) -> bytes:
    """The canonical report JSON for ``snapshot``."""
    return canonical_json(snapshot.to_dict())


def write_bundle(dst: BinaryIO, report: bytes, attachments: Sequence[BundleFile], *, agency_code: str,
                 period: str, revision: int, supersedes: int | None, sequence: int, previous_hash: str | None,
                 created_at: datetime, recipient_key_id: str, bundle_id: str,
                 signing_key: Ed25519PrivateKey, base: BaseHash | None = None) -> BundleInfo:
    """Write a signed bundle to ``dst``; the same inputs always give the same bytes.

    Without ``base`` the manifest is format 1, as every earlier signer wrote it; with it, format 2 naming
    ``base.sha256`` as ``supersedes_sha256`` (only for a province that lists format 2: an older one refuses
    it). ``report`` is the report JSON (canonicalised here). Each attachment stream is read once and must
    match its declared SHA-256 and size; on any error ``dst`` holds a partial bundle the caller discards
    (``save_bundle`` does that for files).
    """
    value = _parse_own_report(report)
    snapshot = validate_report(value)
    _check_matches(snapshot, agency_code, period, revision, supersedes)
    files = _attachments_for(snapshot, attachments)
    report_bytes = canonical_json(value)
    packed = zlib.compress(report_bytes, DEFLATE_LEVEL)
    entries = [FileEntry(REPORT_NAME, REPORT_MEDIA_TYPE, "deflate", _sha(packed), len(packed), len(report_bytes))]
    entries += [FileEntry(f.sha256, f.media_type, "identity", f.sha256, f.size, f.size) for f in files]
    manifest = {"format": FORMAT, "bundle_id": bundle_id, "agency": agency_code, "period": period,
                "revision": revision, "supersedes": supersedes, "sequence": sequence,
                "previous_hash": previous_hash, "created_at": _timestamp(created_at),
                "recipient": recipient_key_id, "signer": key_id("ed25519", ed25519_public_bytes(signing_key)),
                "files": [e.to_dict() for e in entries]}
    if base is not None:
        manifest.update({"format": FORMAT_V2, SUPERSEDES_SHA256: base.sha256})
    manifest_bytes = canonical_json(manifest)
    check_manifest(manifest, DEFAULT_LIMITS)
    signature = signing_key.sign(pae(MANIFEST_TYPE, manifest_bytes))
    out = _HashingWriter(dst)
    out.write(frame_prefix(manifest_bytes, signature))
    out.write(packed)
    for entry, file in zip(entries[1:], files, strict=True):
        _copy_hashed(file.stream, out, entry, own=True)
    return BundleInfo(bundle_id, out.hash.hexdigest(), out.size, manifest_bytes)


def save_bundle(path: Path, report: bytes, attachments: Sequence[BundleFile], **fields: Any) -> BundleInfo:
    """``write_bundle`` to ``path`` atomically (temp file in the same directory, then rename)."""
    with atomic_output(path) as handle:
        return write_bundle(handle, report, attachments, **fields)


def make_bundle(report: bytes, attachments: Sequence[BundleFile] = (), **fields: Any) -> bytes:
    """``write_bundle`` into memory: for small bundles and tests."""
    buffer = io.BytesIO()
    write_bundle(buffer, report, attachments, **fields)
    return buffer.getvalue()


def verify_bundle(source: Path | BinaryIO, *, key_for_agency: Callable[[str], bytes | None],
                  chain: ChainState | None = None, limits: Limits = DEFAULT_LIMITS,
                  sha256: str | None = None, frame: Frame | None = None) -> VerifiedBundle:
    """Verify a bundle file or seekable stream; raises the first failing check as a ``BundleError``.

    ``key_for_agency`` returns the raw Ed25519 public key enrolled for an agency code, or None.
    With ``chain`` (the receiver's state for that agency) replays, forks and old revisions are refused;
    without it the chain step is skipped (e.g. ``baocao bundle verify FILE`` on the desktop).
    ``sha256`` is the whole source's hash when the caller has just computed it over these same bytes
    (the server looks receipts up by it first): it becomes ``bundle_hash`` instead of hashing the
    bytes a second time. Every member's own hash is checked all the same. Likewise ``frame`` is what
    ``read_frame`` has just read from this same source, if the caller needed the manifest first.
    """
    with _opened(source) as stream:
        frame = frame if frame is not None else read_frame(stream, limits)
        check_format(frame)
        entries = check_manifest(frame.manifest, limits)
        manifest = frame.manifest
        _check_signature(frame, key_for_agency)
        bundle_hash, packed_report, offsets = _check_payload(stream, frame, entries, sha256)
    outcome = chain.check(manifest, limits.max_sequence_gap) if chain is not None else None
    snapshot = _check_report(packed_report, entries, manifest)
    return VerifiedBundle(
        bundle_id=manifest["bundle_id"], agency=manifest["agency"], period=manifest["period"],
        revision=manifest["revision"], supersedes=manifest["supersedes"], sequence=manifest["sequence"],
        previous_hash=manifest["previous_hash"], created_at=manifest["created_at"],
        recipient=manifest["recipient"], signer=manifest["signer"], bundle_hash=bundle_hash,
        size=frame.total_size, manifest=frame.manifest_bytes, report=snapshot, attachments=tuple(entries[1:]),
        chain=outcome, source=source, payload_offsets=offsets)


def _check_signature(frame: Frame, key_for_agency: Callable[[str], bytes | None]) -> None:
    agency = frame.manifest["agency"]
    public = key_for_agency(agency)
    if public is None:
        raise UnknownAgencyError(f"không có khoá đã đăng ký cho cơ quan {agency!r}.",
                                 f"no enrolled key for agency {agency!r}.")
    if frame.manifest["signer"] != key_id("ed25519", public):
        raise SignatureError(f"gói được ký bằng khoá {frame.manifest['signer']}, không phải khoá đã đăng ký "
                             f"của cơ quan {agency}.",
                             f"signed with key {frame.manifest['signer']}, not the key enrolled for {agency}.")
    try:
        load_ed25519_public(public).verify(frame.signature, pae(MANIFEST_TYPE, frame.manifest_bytes))
    except InvalidSignature as exc:
        raise SignatureError(f"chữ ký trên bản kê không hợp lệ với khoá của cơ quan {agency}.",
                             f"the manifest signature does not verify with the key of {agency}.") from exc


def _check_payload(stream: BinaryIO, frame: Frame, entries: list[FileEntry],
                   known_hash: str | None) -> tuple[str, bytes, dict[str, int]]:
    at = frame.payload_offset
    offsets: dict[str, int] = {}
    for entry in entries:
        offsets[entry.name] = at
        if at + entry.size > frame.total_size:
            have = max(0, frame.total_size - at)
            raise SizeMismatch(f"tệp {entry.name} chỉ có {have:,}/{entry.size:,} byte (tệp gói bị cắt cụt).",
                               f"file {entry.name} has only {have:,} of {entry.size:,} bytes (bundle truncated).")
        at += entry.size
    if at != frame.total_size:
        raise SizeMismatch(f"thừa {frame.total_size - at:,} byte sau tệp cuối.",
                           f"{frame.total_size - at:,} unexpected bytes after the last file.")
    whole = hashlib.sha256(frame_prefix(frame.manifest_bytes, frame.signature)) if known_hash is None else None
    stream.seek(frame.payload_offset)
    report = stream.read(entries[0].size)
    _verify_hash(entries[0], _sha(report))
    if whole is not None:
        whole.update(report)
    for entry in entries[1:]:
        digest = hashlib.sha256()
        for piece in _pieces(stream, entry.size):
            digest.update(piece)
            if whole is not None:
                whole.update(piece)
        _verify_hash(entry, digest.hexdigest())
    bundle_hash = whole.hexdigest() if whole is not None else known_hash
    assert bundle_hash is not None
    return bundle_hash, report, {e.name: offsets[e.name] for e in entries[1:]}


def _check_report(packed: bytes, entries: list[FileEntry], manifest: dict[str, Any]) -> ReportSnapshot:
    expected = entries[0].decoded_size
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(packed, expected + 1)
    except zlib.error as exc:
        raise SchemaError(f"{REPORT_NAME}: không giải nén được ({exc}).",
                          f"{REPORT_NAME}: cannot be inflated ({exc}).") from exc
    if len(data) != expected or not inflater.eof or inflater.unused_data:
        raise SchemaError(f"{REPORT_NAME}: giải nén không ra đúng {expected:,} byte đã khai.",
                          f"{REPORT_NAME}: does not inflate to the declared {expected:,} bytes.")
    try:
        value = parse_strict_json(data)
    except ValueError as exc:
        raise SchemaError(f"{REPORT_NAME} không phải JSON hợp lệ ({exc}).",
                          f"{REPORT_NAME} is not valid JSON ({exc}).") from exc
    snapshot = validate_report(value)
    try:
        _check_matches(snapshot, manifest["agency"], manifest["period"], manifest["revision"],
                       manifest["supersedes"])
    except InputError as exc:
        raise SchemaError(exc.message_vi, exc.message_en) from exc
    refs = attachment_refs(snapshot)
    carried = {e.sha256: e.size for e in entries[1:]}
    if refs != carried:
        missing = sorted(set(refs) - set(carried))[:3]
        extra = sorted(set(carried) - set(refs))[:3]
        raise SchemaError(f"tệp đính kèm trong báo cáo và trong gói không khớp (thiếu {missing}, thừa {extra}).",
                          f"attachments named by the report and carried differ (missing {missing}, extra {extra}).")
    return snapshot


def _parse_own_report(report: bytes) -> Any:
    try:
        return parse_strict_json(report)
    except ValueError as exc:
        raise InputError(f"JSON báo cáo không hợp lệ: {exc}", f"Report JSON is invalid: {exc}",
                         code="bundle_input") from exc


def _check_matches(snapshot: ReportSnapshot, agency: str, period: str, revision: int,
                   supersedes: int | None) -> None:
    given = (agency, period, revision, supersedes)
    inside = (snapshot.agency.code, snapshot.period.code, snapshot.revision, snapshot.supersedes)
    if given != inside:
        raise InputError(f"Cơ quan/kỳ/lần báo cáo {given} khác nội dung báo cáo {inside}.",
                         f"Agency/period/revision {given} differ from the report's {inside}.", code="bundle_input")


def _attachments_for(snapshot: ReportSnapshot, attachments: Sequence[BundleFile]) -> list[BundleFile]:
    unique = {f.sha256: f for f in reversed(attachments)}
    refs = attachment_refs(snapshot)
    if refs != {sha: f.size for sha, f in unique.items()}:
        raise InputError("Tệp đính kèm đưa vào không khớp với các tệp báo cáo nêu.",
                         "The attachment files given do not match those the report names.", code="bundle_input")
    return [unique[sha] for sha in sorted(unique)]


def _copy_hashed(src: BinaryIO, dst: _Sink, entry: FileEntry, *, own: bool = False) -> None:
    digest = hashlib.sha256()
    copied = 0
    for piece in _pieces(src, entry.size):
        digest.update(piece)
        dst.write(piece)
        copied += len(piece)
    if own and (copied != entry.size or src.read(1)):
        raise InputError(f"Tệp đính kèm {entry.sha256} khác kích thước đã khai ({entry.size:,} byte).",
                         f"Attachment {entry.sha256} differs from its declared size ({entry.size:,} bytes).",
                         code="bundle_input")
    if own and digest.hexdigest() != entry.sha256:
        raise InputError(f"Tệp đính kèm {entry.sha256} đã bị thay đổi (mã băm khác).",
                         f"Attachment {entry.sha256} has changed (hash differs).", code="bundle_input")
    if not own and (copied != entry.size or digest.hexdigest() != entry.sha256):
        raise HashMismatch(f"tệp {entry.name} đã thay đổi từ lúc kiểm tra.",
                           f"file {entry.name} changed since it was verified.")


def _verify_hash(entry: FileEntry, actual: str) -> None:
    if actual != entry.sha256:
        raise HashMismatch(f"tệp {entry.name} có mã băm {actual[:16]}…, bản kê ghi {entry.sha256[:16]}….",
                           f"file {entry.name} hashes to {actual[:16]}…, the manifest says {entry.sha256[:16]}….")


def _pieces(stream: BinaryIO, size: int) -> Iterator[bytes]:
    left = size
    while left > 0:
        piece = stream.read(min(COPY_CHUNK, left))
        if not piece:
            return
        left -= len(piece)
        yield piece


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _timestamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise InputError("Thời điểm tạo gói phải có múi giờ.", "created_at must be timezone-aware.",
                         code="bundle_input")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Sink(Protocol):
    def write(self, data: bytes, /) -> int: ...


class _HashingWriter:
    """Passes writes through while hashing and counting them."""

    def __init__(self, dst: BinaryIO) -> None:
        self._dst = dst
        self.hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        self.size += len(data)
        return self._dst.write(data)


@contextlib.contextmanager
def _opened(source: Path | BinaryIO) -> Iterator[BinaryIO]:
    if isinstance(source, str | Path):
        with open(source, "rb") as handle:
            yield handle
    else:
        yield source


__all__ = ["BaseHash", "BundleError", "BundleFile", "BundleInfo", "ChainState", "Limits", "VerifiedBundle",
           "make_bundle", "report_json", "save_bundle", "verify_bundle", "write_bundle"]
