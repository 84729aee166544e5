"""The bundle container: framing, size limits and the manifest's structure (formats ``baocao.bundle/1`` and ``/2``).

Format 2 is format 1 plus the manifest key ``supersedes_sha256`` (the bundle hash of the revision this one
is made on, as the signer knows it), so the province can refuse a revision built on a stale copy. A signer
writes format 2 only to a province that lists it in ``bundle_formats`` (``GET /v1/chain``): a server that
predates it refuses the format as unknown (docs/bundle-format.md §3.1).

Layout (integers big-endian; docs/bundle-format.md is the specification)::

    magic     8 bytes   89 42 43 42 0D 0A 1A 0A   ("\\x89BCB\\r\\n\\x1a\\n", PNG-style)
    version   u16       1
    length    u32       manifest length in bytes
    manifest  length    canonical JSON (RFC 8785)
    signature 64 bytes  Ed25519 over PAE(MANIFEST_TYPE, manifest)
    payload             the files' bytes, concatenated in manifest order, nothing after

Every byte is either checked structurally, covered by the signature, or covered by a hash the
signature covers; that is what makes a single flipped byte always detectable.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from typing import Any, BinaryIO

from desktop.errors import InputError
from desktop.sync.bundle_errors import ContainerError, FormatVersionError
from desktop.sync.canonical import canonical_json, parse_strict_json

MAGIC = b"\x89BCB\r\n\x1a\n"
CONTAINER_VERSION = 1
FORMAT = "baocao.bundle/1"
FORMAT_V2 = "baocao.bundle/2"
BUNDLE_FORMATS = (FORMAT, FORMAT_V2)
MANIFEST_TYPE = "application/vnd.baocao.manifest+json"
REPORT_NAME = "report.json"
REPORT_MEDIA_TYPE = "application/vnd.baocao.report+json"
SIGNATURE_LEN = 64
HEADER = struct.Struct(">8sHI")

MANIFEST_KEYS = frozenset({"agency", "bundle_id", "created_at", "files", "format", "period", "previous_hash",
                           "recipient", "revision", "sequence", "signer", "supersedes"})
SUPERSEDES_SHA256 = "supersedes_sha256"
KEYS_OF_FORMAT = {FORMAT: MANIFEST_KEYS, FORMAT_V2: MANIFEST_KEYS | {SUPERSEDES_SHA256}}
FILE_KEYS = frozenset({"name", "media_type", "encoding", "sha256", "size", "decoded_size"})
_CODE = re.compile(r"[A-Za-z0-9._-]{1,64}\Z")
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_KID = re.compile(r"(ed25519|x25519|mlkem768x25519):[0-9a-f]{16}\Z")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z")
_MEDIA = re.compile(r"[A-Za-z0-9.+-]{1,60}/[A-Za-z0-9.+-]{1,100}\Z")
_MAX_INT = 2**53 - 1


@dataclass(frozen=True)
class Limits:
    """Resource bounds applied before anything in a bundle is trusted."""

    max_bundle_bytes: int = 4 * 1024**3
    max_manifest_bytes: int = 1024**2
    max_files: int = 2_000
    max_report_bytes: int = 16 * 1024**2
    max_sequence_gap: int = 1_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class FileEntry:
    """One payload file as the manifest lists it."""

    name: str
    media_type: str
    encoding: str
    sha256: str
    size: int
    decoded_size: int

    def to_dict(self) -> dict[str, Any]:
        """The manifest form."""
        return {"name": self.name, "media_type": self.media_type, "encoding": self.encoding,
                "sha256": self.sha256, "size": self.size, "decoded_size": self.decoded_size}


@dataclass(frozen=True)
class Frame:
    """A container read up to the payload: nothing in it is trusted yet."""

    version: int
    manifest_bytes: bytes
    manifest: dict[str, Any]
    signature: bytes
    payload_offset: int
    total_size: int


def frame_prefix(manifest_bytes: bytes, signature: bytes) -> bytes:
    """Everything before the payload."""
    return HEADER.pack(MAGIC, CONTAINER_VERSION, len(manifest_bytes)) + manifest_bytes + signature


def read_frame(stream: BinaryIO, limits: Limits) -> Frame:
    """Step 1 (container) of verification: framing, bounds and a canonical JSON manifest."""
    total = stream.seek(0, 2)
    stream.seek(0)
    if total > limits.max_bundle_bytes:
        raise ContainerError(f"tệp {total:,} byte vượt giới hạn {limits.max_bundle_bytes:,} byte.",
                             f"file of {total:,} bytes exceeds the {limits.max_bundle_bytes:,}-byte limit.")
    head = stream.read(HEADER.size)
    if len(head) < HEADER.size or head[:8] != MAGIC:
        raise ContainerError("không phải tệp gói báo cáo (sai chữ ký đầu tệp).",
                             "not a baocao bundle (bad magic bytes).")
    _magic, version, length = HEADER.unpack(head)
    if length > limits.max_manifest_bytes:
        raise ContainerError(f"bản kê (manifest) {length:,} byte vượt giới hạn {limits.max_manifest_bytes:,} byte.",
                             f"manifest of {length:,} bytes exceeds the {limits.max_manifest_bytes:,}-byte limit.")
    if HEADER.size + length + SIGNATURE_LEN > total:
        raise ContainerError("tệp bị cắt cụt trước hết bản kê và chữ ký.",
                             "file is truncated before the end of the manifest and signature.")
    manifest_bytes = stream.read(length)
    signature = stream.read(SIGNATURE_LEN)
    return Frame(version, manifest_bytes, _parse_manifest(manifest_bytes), signature,
                 HEADER.size + length + SIGNATURE_LEN, total)


def check_format(frame: Frame) -> None:
    """Step 2 (format version): the container version and the manifest's format must both be known."""
    fmt = frame.manifest.get("format")
    if frame.version != CONTAINER_VERSION or fmt not in BUNDLE_FORMATS:
        known = " / ".join(repr(f) for f in BUNDLE_FORMATS)
        raise FormatVersionError(
            f"phiên bản {frame.version}/{fmt!r} không được hỗ trợ (chỉ {CONTAINER_VERSION}/{known}).",
            f"version {frame.version}/{fmt!r} is not supported (only {CONTAINER_VERSION}/{known}).")


def check_manifest(manifest: dict[str, Any], limits: Limits) -> list[FileEntry]:
    """The rest of the container check, once the version says which fields to expect; returns the files."""
    expected = KEYS_OF_FORMAT.get(str(manifest.get("format")), MANIFEST_KEYS)
    if set(manifest) != expected:
        extra = sorted(set(manifest) ^ expected)
        raise _field("manifest", f"trường thừa hoặc thiếu: {extra}", f"unexpected or missing fields: {extra}")
    for key, pattern in (("agency", _CODE), ("bundle_id", _CODE), ("period", _CODE), ("created_at", _TIME),
                         ("recipient", _KID), ("signer", _KID)):
        _match(manifest, key, pattern)
    if not _match(manifest, "signer", _KID).startswith("ed25519:"):
        raise _field("signer", "không phải khoá Ed25519", "not an Ed25519 key id")
    _int(manifest, "revision", 1)
    _int(manifest, "sequence", 1)
    if manifest["supersedes"] is not None:
        _int(manifest, "supersedes", 1)
    for key in ("previous_hash", SUPERSEDES_SHA256):
        if manifest.get(key) is not None:
            _match(manifest, key, _HEX64)
    files = manifest["files"]
    if not isinstance(files, list) or not files:
        raise _field("files", "phải là danh sách không rỗng", "must be a non-empty list")
    if len(files) > limits.max_files:
        raise ContainerError(f"{len(files):,} tệp vượt giới hạn {limits.max_files:,} tệp.",
                             f"{len(files):,} members exceed the limit of {limits.max_files:,}.")
    entries = [_file_entry(i, f, limits) for i, f in enumerate(files)]
    if len({e.name for e in entries}) != len(entries):
        raise _field("files", "tên tệp trùng nhau", "duplicate file names")
    payload = sum(e.size for e in entries)
    if payload > limits.max_bundle_bytes:
        raise ContainerError(f"tổng dung lượng {payload:,} byte vượt giới hạn.",
                             f"payload of {payload:,} bytes exceeds the limit.")
    return entries


def _parse_manifest(data: bytes) -> dict[str, Any]:
    try:
        value = parse_strict_json(data)
    except ValueError as exc:
        raise ContainerError(f"bản kê không phải JSON hợp lệ ({exc}).", f"manifest is not valid JSON ({exc}).") from exc
    if not isinstance(value, dict) or not isinstance(value.get("format"), str):
        raise ContainerError("bản kê phải là đối tượng JSON có trường \"format\".",
                             "manifest must be a JSON object with a \"format\" field.")
    try:
        canonical = canonical_json(value)
    except InputError as exc:
        raise ContainerError("bản kê có giá trị JSON không chuẩn hoá được.",
                             "manifest holds a value that has no canonical JSON form.") from exc
    if canonical != data:
        raise ContainerError("bản kê không ở dạng JSON chuẩn (RFC 8785).",
                             "manifest is not in canonical JSON form (RFC 8785).")
    return value


def _file_entry(index: int, data: Any, limits: Limits) -> FileEntry:
    where = f"files[{index}]"
    if not isinstance(data, dict) or set(data) != FILE_KEYS:
        raise _field(where, "thiếu hoặc thừa trường", "missing or unexpected fields")
    name = data["name"]
    if not isinstance(name, str) or not (name == REPORT_NAME if index == 0 else _HEX64.match(name)):
        raise ContainerError(f"tên tệp không an toàn hoặc không hợp lệ ở {where}: {str(name)[:80]!r}.",
                             f"unsafe or invalid member name at {where}: {str(name)[:80]!r}.")
    for key in ("size", "decoded_size"):
        _int(data, key, 0, where)
    _match(data, "sha256", _HEX64, where)
    _match(data, "media_type", _MEDIA, where)
    entry = FileEntry(name, data["media_type"], data["encoding"], data["sha256"], data["size"],
                      data["decoded_size"])
    if index == 0:
        if (entry.media_type, entry.encoding) != (REPORT_MEDIA_TYPE, "deflate"):
            raise _field(where, "tệp báo cáo phải là JSON nén deflate", "the report must be deflated report JSON")
        largest = max(entry.size, entry.decoded_size)
        if largest > limits.max_report_bytes:
            raise ContainerError(f"báo cáo {largest:,} byte vượt giới hạn {limits.max_report_bytes:,}.",
                                 f"report of {largest:,} bytes exceeds {limits.max_report_bytes:,}.")
    elif entry.encoding != "identity" or entry.decoded_size != entry.size or entry.name != entry.sha256:
        raise _field(where, "tệp đính kèm phải lưu nguyên, tên là mã băm",
                     "attachments are stored as is, named by their hash")
    return entry


def _match(data: dict[str, Any], key: str, pattern: re.Pattern[str], where: str = "manifest") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not pattern.match(value):
        shown = str(value)[:80]
        raise _field(f"{where}.{key}", f"giá trị không hợp lệ {shown!r}", f"invalid value {shown!r}")
    return value


def _int(data: dict[str, Any], key: str, minimum: int, where: str = "manifest") -> int:
    value = data.get(key)
    if type(value) is not int or not minimum <= value <= _MAX_INT:
        raise _field(f"{where}.{key}", f"phải là số nguyên ≥ {minimum}", f"must be an integer ≥ {minimum}")
    return value


def _field(where: str, vi: str, en: str) -> ContainerError:
    return ContainerError(f"bản kê, trường {where}: {vi}.", f"manifest field {where}: {en}.")
