"""Named refusals of a bundle, one class per verification step, each with a stable ``code``.

Verification stops at the first failing step, so the code says which check failed; the messages
(Vietnamese and English) also name the file or field concerned.
"""

from __future__ import annotations

from desktop.errors import IntegrityError


class BundleError(IntegrityError):
    """A bundle was refused; ``code`` names the check and ``check_vi``/``check_en`` describe it."""

    code = "bundle"
    check_vi = "gói báo cáo"
    check_en = "bundle"

    def __init__(self, detail_vi: str, detail_en: str) -> None:
        super().__init__(f"Gói báo cáo bị từ chối ({self.check_vi}): {detail_vi}",
                         f"Bundle refused ({self.check_en}): {detail_en}")


class ContainerError(BundleError):
    """Not a well-formed bundle container, or beyond the size limits."""

    code = "container"
    check_vi = "cấu trúc tệp"
    check_en = "container"


class FormatVersionError(BundleError):
    """The container or manifest format version is not one this program knows."""

    code = "format_version"
    check_vi = "phiên bản định dạng"
    check_en = "format version"


class UnknownAgencyError(BundleError):
    """No enrolled key for the agency the manifest names."""

    code = "unknown_agency"
    check_vi = "chữ ký"
    check_en = "signature"


class SignatureError(BundleError):
    """The signature does not verify with the agency's enrolled key."""

    code = "signature"
    check_vi = "chữ ký"
    check_en = "signature"


class HashMismatch(BundleError):
    """A payload file's SHA-256 differs from the manifest."""

    code = "hash"
    check_vi = "mã băm tệp"
    check_en = "file hash"


class SizeMismatch(BundleError):
    """The payload is shorter or longer than the manifest says."""

    code = "size"
    check_vi = "kích thước tệp"
    check_en = "file size"


class SequenceReplay(BundleError):
    """The sequence number was already accepted from this agency (a replayed bundle)."""

    code = "sequence_replay"
    check_vi = "số thứ tự gói"
    check_en = "sequence"


class SequenceGapTooLarge(BundleError):
    """The sequence jumps further ahead than the limit allows."""

    code = "sequence_gap"
    check_vi = "số thứ tự gói"
    check_en = "sequence"


class ChainMismatch(BundleError):
    """The bundle's previous hash is not the hash of the bundle accepted before it."""

    code = "chain"
    check_vi = "chuỗi gói"
    check_en = "chain"


class OlderRevision(BundleError):
    """A revision not newer than the one already accepted for that period."""

    code = "older_revision"
    check_vi = "lần báo cáo"
    check_en = "revision"


class SchemaError(BundleError):
    """The report JSON does not match its schema or the manifest."""

    code = "schema"
    check_vi = "nội dung báo cáo"
    check_en = "report schema"
