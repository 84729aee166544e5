"""Evidence file kinds in Vietnamese words, and programs recognised whatever the case of their ending."""

from __future__ import annotations

from desktop.domain.file_kinds import can_run, kind_label


def test_kinds_are_named_in_words() -> None:
    assert kind_label("bien-ban.PDF", "vi") == "Tài liệu PDF"
    assert kind_label("anh hien truong.jpg", "vi") == "Ảnh"
    assert kind_label("so lieu.xlsx", "vi") == "Bảng tính"
    assert kind_label("to trinh.docx", "vi") == "Văn bản Word"
    assert kind_label("to trinh.docx", "en") == "Word document"
    assert kind_label("khong-duoi", "vi") == "Tệp khác"


def test_programs_and_scripts_are_recognised() -> None:
    assert all(can_run(n) for n in ("setup.EXE", "chay.bat", "a.ps1", "x.vbs", "y.js", "z.lnk", "cai.msi"))
    assert not any(can_run(n) for n in ("a.pdf", "b.xlsx", "c.zip", "d.txt"))
