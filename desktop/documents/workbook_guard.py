"""Checks a file must pass before a reader opens it: an .xlsx workbook, or any plan file.

``check_workbook_file`` admits only an .xlsx (the report workbook reader); ``check_plan_file``
admits the formats of the plan readers and says which one the content is ("xlsx", "docx", "xls",
"pdf"), whatever the file is called.

An .xlsx is a zip archive. Old Excel files (.xls) and password-protected workbooks are OLE compound
files instead; a zip bomb declares small compressed members that inflate to gigabytes. The zip's
central directory is read (never the members) and bounded: member count, each member's and the
total declared uncompressed size, and the compression ratio of large members. Python's zipfile
never inflates a member past its declared size, so these bounds hold for what openpyxl reads.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.errors import InputError

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 2_000
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER_UNCOMPRESSED = 120 * 1024 * 1024
MAX_RATIO = 200  # spreadsheet XML compresses 5–50×; a bomb compresses 1000× and more
RATIO_CHECK_FROM = 4 * 1024 * 1024  # small members may compress well without harm

MAX_WORD_XML = 40 * 1024 * 1024  # python-docx holds the body as a tree: bound it well below the zip bound
_PDF_MAGIC = b"%PDF-"
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_OLE_SCAN_BYTES = 8 * 1024 * 1024


class WorkbookRejected(InputError):
    """The file is not a workbook this importer can open safely."""

    code = "workbook_rejected"


def check_workbook_file(path: Path) -> None:
    """Raise ``WorkbookRejected`` unless ``path`` is an .xlsx within the bounds above."""
    head = _check_size(path)
    if head.startswith(_OLE_MAGIC):
        _reject_ole(path.name, head)
    if not zipfile.is_zipfile(path):
        raise WorkbookRejected(f"Tệp {path.name} không phải bảng tính Excel (.xlsx).",
                               f"File {path.name} is not an Excel workbook (.xlsx).", code="not_a_workbook")
    _check_zip(path)


def check_plan_file(path: Path) -> str:
    """The format of the plan file at ``path`` ("xlsx", "docx", "xls" or "pdf"), within the bounds above."""
    name = path.name
    head = _check_size(path)
    if head.startswith(_PDF_MAGIC) or _PDF_MAGIC in head[:1024]:
        return "pdf"
    if head.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in head:
            _reject_ole(name, head)
        return "xls"
    if not zipfile.is_zipfile(path):
        raise WorkbookRejected(
            f"Tệp {name} không phải tệp Excel (.xlsx, .xls), Word (.docx) hay PDF nên không đọc được kế hoạch.",
            f"File {name} is not an Excel (.xlsx, .xls), Word (.docx) or PDF file; no plan can be read from it.",
            code="not_a_workbook")
    return _check_zip(path, plan=True)


def _check_size(path: Path) -> bytes:
    name = path.name
    if not path.is_file():
        raise WorkbookRejected(f"Không tìm thấy tệp {name}.", f"File {name} not found.", code="file_missing")
    size = path.stat().st_size
    if size == 0:
        raise WorkbookRejected(f"Tệp {name} rỗng.", f"File {name} is empty.", code="file_empty")
    if size > MAX_FILE_BYTES:
        raise WorkbookRejected(f"Tệp {name} quá lớn ({size // 1048576} MB, tối đa {MAX_FILE_BYTES // 1048576} MB).",
                               f"File {name} is too large ({size // 1048576} MB, at most "
                               f"{MAX_FILE_BYTES // 1048576} MB).", code="file_too_large")
    with path.open("rb") as handle:
        return handle.read(_OLE_SCAN_BYTES)


def _reject_ole(name: str, head: bytes) -> None:
    if _ENCRYPTED_STREAM in head:
        raise WorkbookRejected(
            f"Tệp {name} được đặt mật khẩu. Hãy mở bằng Excel hoặc Word, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ) "
            "rồi lưu lại (.xlsx hoặc .docx).",
            f"File {name} is password-protected. Open it in Excel or Word, remove the password (File › Info › "
            "Protect) and save it again (.xlsx or .docx).", code="workbook_encrypted")
    raise WorkbookRejected(
        f"Tệp {name} là định dạng Excel 97-2003 (.xls). Hãy mở bằng Excel và lưu lại dưới dạng "
        "Excel Workbook (.xlsx).",
        f"File {name} is in the Excel 97-2003 format (.xls). Open it in Excel and save it as an Excel "
        "Workbook (.xlsx).", code="xls_format")


def _check_zip(path: Path, *, plan: bool = False) -> str:
    """Bound the package's central directory; "xlsx" or (when ``plan``) "docx"."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookRejected(f"Tệp {name} bị hỏng, không đọc được ({exc}).",
                               f"File {name} is damaged and cannot be read ({exc}).", code="bad_zip") from exc
    if len(members) > MAX_MEMBERS:
        raise _bomb(name, f"{len(members)} thành phần", f"{len(members)} members")
    names = {m.filename for m in members}
    kind = "xlsx" if "xl/workbook.xml" in names else "docx" if plan and "word/document.xml" in names else None
    if kind is None and plan:
        raise WorkbookRejected(f"Tệp {name} là tệp nén nhưng không phải tệp Excel (.xlsx) hay Word (.docx).",
                               f"File {name} is a zip archive but neither an Excel (.xlsx) nor a Word (.docx) file.",
                               code="not_a_workbook")
    if kind is None:
        raise WorkbookRejected(f"Tệp {name} là tệp nén nhưng không phải bảng tính Excel (.xlsx).",
                               f"File {name} is a zip archive but not an Excel workbook (.xlsx).",
                               code="not_a_workbook")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER_UNCOMPRESSED or total > MAX_TOTAL_UNCOMPRESSED:
            raise _bomb(name, f"{total // 1048576} MB khi giải nén", f"{total // 1048576} MB uncompressed")
        if member.file_size > RATIO_CHECK_FROM and ratio > MAX_RATIO:
            raise _bomb(name, f"{member.filename} nén {ratio:.0f} lần", f"{member.filename} compressed {ratio:.0f}×")
        if member.filename == "word/document.xml" and member.file_size > MAX_WORD_XML:
            raise _bomb(name, f"nội dung {member.file_size // 1048576} MB khi giải nén",
                        f"a body of {member.file_size // 1048576} MB uncompressed")
    return kind


def _bomb(name: str, detail_vi: str, detail_en: str) -> WorkbookRejected:
    return WorkbookRejected(
        f"Tệp {name} vượt giới hạn an toàn của tài liệu ({detail_vi}); không mở.",
        f"File {name} exceeds the safe limits of a document ({detail_en}); not opened.", code="workbook_too_large")
