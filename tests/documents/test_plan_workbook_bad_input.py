"""Files that are not usable plan workbooks: each gives an InputError naming the file, sheet and row."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop.documents.plan_workbook import parse_plan_workbook
from desktop.errors import InputError
from tests.documents.plan_fixtures import TASK_HEADER, Sheet, an_giang, write_workbook


def _refusal(path: Path, sheet: str | None = None) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_plan_workbook(path, sheet=sheet)
    error = caught.value
    assert path.name in error.message_vi and path.name in error.message_en
    return error


def test_text_file_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.xlsx"
    path.write_text("STT;Nhiệm vụ\n1;Một\n", encoding="utf-8")
    assert _refusal(path).code == "not_a_workbook"


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "tai-lieu.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", "<office:document/>")  # an OpenDocument file, say
    error = _refusal(path)
    assert error.code == "not_a_workbook" and ".docx" in error.message_vi


def _ole_file(path: Path, stream_name: str) -> Path:
    # An OLE compound file as Office writes it: the signature, then (in a directory sector) the
    # UTF-16 names of its streams.
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    directory = stream_name.encode("utf-16-le").ljust(64, b"\0") + bytes(64)
    path.write_bytes(header + bytes(512) + directory + bytes(2048))
    return path


def test_password_protected_workbook(tmp_path: Path) -> None:
    error = _refusal(_ole_file(tmp_path / "mat-khau.xlsx", "EncryptedPackage"))
    assert error.code == "workbook_encrypted"
    assert "mật khẩu" in error.message_vi and "password" in error.message_en


def test_old_office_file_that_is_no_workbook_asks_for_docx(tmp_path: Path) -> None:
    # Excel 97-2003 workbooks are read (test_plan_formats); an OLE file xlrd cannot read, such as a
    # Word 97-2003 .doc, says what to do.
    error = _refusal(_ole_file(tmp_path / "phu-luc.doc", "WordDocument"))
    assert error.code == "xls_unreadable"
    assert ".docx" in error.message_vi and "save it as .docx" in error.message_en


def test_no_recognisable_header_names_the_sheets(tmp_path: Path) -> None:
    rows = [["Danh sách cán bộ"], ["Họ tên", "Chức vụ"], ["Nguyễn Văn A", "Chuyên viên"]]
    path = write_workbook(tmp_path / "danh-sach.xlsx", {"Cán bộ": Sheet(rows), "Trống": Sheet([])})
    error = _refusal(path)
    assert error.code == "no_header"
    assert "«Cán bộ»" in error.message_vi and "«Trống»" in error.message_en


def test_empty_sheet(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "rong.xlsx", {"Phụ lục": Sheet([]), "Khác": Sheet([["x"]])})
    error = _refusal(path, sheet="Phụ lục")
    assert error.code == "sheet_empty" and "«Phụ lục»" in error.message_vi


def test_every_sheet_empty(tmp_path: Path) -> None:
    assert _refusal(write_workbook(tmp_path / "rong.xlsx", {"Sheet1": Sheet([])})).code == "sheet_empty"


def test_missing_sheet_lists_the_sheets(tmp_path: Path) -> None:
    error = _refusal(an_giang(tmp_path), sheet="Phụ lục 9")
    assert error.code == "sheet_missing" and "«Phụ lục 9»" in error.message_vi and "Phụ lục" in error.message_en


def _replace_in_parts(source: Path, target: Path, old: bytes, new: bytes) -> Path:
    """Copy a workbook, replacing ``old`` in its sheet XML (openpyxl writes strings inline)."""
    with zipfile.ZipFile(source) as reader, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as writer:
        for item in reader.infolist():
            data = reader.read(item.filename)
            if item.filename in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"):
                data = data.replace(old, new)
            writer.writestr(item, data)
    return target


def test_100000_row_sheet_is_refused_at_the_bound(tmp_path: Path) -> None:
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn thành"], ["MARK"]]
    written = write_workbook(tmp_path / "written.xlsx", {"Phụ lục": Sheet(rows)})
    many = "".join(f'<row r="{n}"><c r="A{n}"><v>{n - 1}</v></c><c r="B{n}" t="inlineStr"><is><t>Nhiệm vụ</t></is>'
                   f'</c></row>' for n in range(2, 100_002))
    marker = b'<row r="2"><c r="A2" t="inlineStr"><is><t>MARK</t></is></c></row>'
    path = _replace_in_parts(written, tmp_path / "dai.xlsx", marker, many.encode())
    error = _refusal(path)
    assert error.code == "sheet_too_large"
    assert "«Phụ lục»" in error.message_vi and "row 20001" in error.message_en


def test_cell_of_one_megabyte_names_the_cell(tmp_path: Path) -> None:
    rows = [TASK_HEADER, ["1", "Nhiệm vụ", "Sở Y tế", None, "Năm 2026", None, None],
            ["2", "PLACEHOLDER", "Sở Y tế", None, "Năm 2026", None, None]]
    written = write_workbook(tmp_path / "written.xlsx", {"PL": Sheet(rows)})
    # openpyxl cuts what it writes at Excel's limit; other programs do not, so put the cell in by hand.
    path = _replace_in_parts(written, tmp_path / "o-lon.xlsx", b"PLACEHOLDER", b"x" * 1_000_000)
    error = _refusal(path)
    assert error.code == "sheet_too_large"
    assert "ô B3" in error.message_vi and "cell B3 (row 3)" in error.message_en and "«PL»" in error.message_en


def _zip_with(path: Path, members: dict[str, int]) -> Path:
    """A zip named .xlsx whose members inflate to the given sizes (zeros compress ~1000×)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for name, size in members.items():
            with archive.open(name, "w", force_zip64=True) as member:
                chunk = bytes(1 << 20)
                for _ in range(size >> 20):
                    member.write(chunk)
    return path


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    path = _zip_with(tmp_path / "bom.xlsx", {"xl/worksheets/sheet1.xml": 16 << 20})
    assert path.stat().st_size < 1 << 20
    error = _refusal(path)
    assert error.code == "workbook_too_large" and "sheet1.xml" in error.message_en


def test_zip_bomb_by_total_size(tmp_path: Path) -> None:
    members = {f"xl/media/image{n}.bin": 3 << 20 for n in range(70)}  # 210 MB, each member small
    assert _refusal(_zip_with(tmp_path / "nhieu.xlsx", members)).code == "workbook_too_large"


def test_missing_file(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "khong-co.xlsx").code == "file_missing"
