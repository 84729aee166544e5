"""The report PDF as poppler reads it: the decree's strings, embedded fonts, A4, page numbers from page 2."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from desktop.documents.fonts import FontFiles, bundled_fonts, report_font_family
from desktop.documents.report_pdf import DocumentCancelled, write_report_pdf
from desktop.documents.report_text import indicator_value_text
from desktop.domain.report_snapshot import ReportSnapshot
from desktop.domain.task_status import status_label
from desktop.errors import BaocaoError
from tests.sync.report_factory import make_snapshot

LONG_TITLE = ("Xây dựng, vận hành và khai thác hiệu quả hệ thống thông tin giải quyết thủ tục hành chính cấp xã, "
              "bảo đảm kết nối, liên thông với Cổng Dịch vụ công quốc gia, Hệ thống thông tin giải quyết thủ tục "
              "hành chính cấp tỉnh và các cơ sở dữ liệu quốc gia, chuyên ngành; ưu tiên dữ liệu dân cư, đất đai, "
              "hộ tịch, doanh nghiệp, bảo hiểm xã hội và an sinh xã hội")
LONG_RESULT = " ".join(f"Đợt {n}: đã rà soát, cập nhật, số hóa {n * 17} hồ sơ; kết quả được công khai." for n in
                       range(1, 80))
DIACRITICS = "Ỷ Ỹ ỵ ự ữ ỡ ợ ẵ ặ ẫ ậ ễ ệ ổ ỗ ộ ằ ẳ Đ đ"


def _text(pdf: Path, *pages: int) -> str:
    args = ["pdftotext", "-raw", "-enc", "UTF-8"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    out = subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return unicodedata.normalize("NFC", out)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _in_order(expected: str, text: str) -> bool:
    position = 0
    for word in expected.split():
        position = text.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


def _info(pdf: Path, *extra: str) -> str:
    return subprocess.run(["pdfinfo", *extra, str(pdf)], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def snapshot() -> ReportSnapshot:
    base = make_snapshot(tasks=24, indicators=10)
    tasks = list(base.tasks)
    tasks[1] = dataclasses.replace(tasks[1], title=LONG_TITLE, result=LONG_RESULT,
                                   proposals=f"Đề nghị bổ sung kinh phí ({DIACRITICS})")
    return dataclasses.replace(base, tasks=tuple(tasks))


@pytest.fixture(scope="module")
def pdf(snapshot: ReportSnapshot, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report_pdf(snapshot, tmp_path_factory.mktemp("pdf") / "bao-cao.pdf")


def test_header_title_and_signature_read_as_the_decree_prescribes(pdf: Path) -> None:
    first = _flat(_text(pdf, 1))
    for expected in ("TỈNH ĐỒNG THÁP", "ỦY BAN NHÂN DÂN XÃ TÂN HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Số: 152/BC-UBND", "Tân Hòa, ngày 28 tháng 11 năm 2026",
                     "BÁO CÁO", "Kết quả thực hiện Kế hoạch chuyển đổi số quý IV năm 2026",
                     "Kính gửi: Sở Khoa học và Công nghệ tỉnh Đồng Tháp.", "I. KẾT QUẢ THỰC HIỆN"):
        assert expected in first
    whole = _flat(_text(pdf))
    for expected in ("II. KHÓ KHĂN, VƯỚNG MẮC", "Hạ tầng mạng tại một số ấp còn yếu.", "III. ĐỀ XUẤT, KIẾN NGHỊ",
                     "Đề nghị hỗ trợ thiết bị ký số.", "Nơi nhận:", "- Như trên;", "- Lưu: VT, VP (02b).",
                     "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Thành", "./."):
        assert expected in whole
    # The addressee is "Như trên": naming it again in Nơi nhận would send it twice.
    assert "- Sở Khoa học và Công nghệ;" not in whole


def test_appendices_hold_every_task_and_indicator_with_its_values(pdf: Path, snapshot: ReportSnapshot) -> None:
    whole = _flat(_text(pdf))
    assert "Phụ lục I" in whole and "KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ IV NĂM 2026" in whole
    assert "(Kèm theo Báo cáo số 152/BC-UBND ngày 28 tháng 11 năm 2026 của Ủy ban nhân dân xã Tân Hòa)" in whole
    for task in snapshot.tasks:
        if task.title == LONG_TITLE:
            # A row taller than a page is split across pages, so its words come in order but not together.
            assert _in_order(LONG_TITLE, whole) and _in_order(LONG_RESULT, whole)
            continue
        assert _flat(task.title) in whole
        assert _flat(task.result or "") in whole
        assert status_label(task.status or "", "vi") in whole
    assert _in_order(DIACRITICS, whole)
    assert "Phụ lục II" in whole
    for indicator in snapshot.indicators:
        assert indicator.name in whole
        assert indicator_value_text(indicator) in whole
    assert "170/200 (85%)" in whole


def test_every_font_is_embedded_and_no_base_font_is_left(pdf: Path) -> None:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        emb, sub = row.split()[-5], row.split()[-4]
        assert (emb, sub) == ("yes", "yes"), row
    assert "Helvetica" not in out


def test_pages_are_a4_with_landscape_appendices_and_metadata(pdf: Path) -> None:
    info = _info(pdf)
    assert "Page size:       595.276 x 841.89 pts (A4)" in info
    assert "Title:           Báo cáo số 152/BC-UBND" in info
    assert "Author:          Ủy ban nhân dân xã Tân Hòa" in info
    assert "Subject:         Kết quả thực hiện Kế hoạch chuyển đổi số" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    sizes = _info(pdf, "-f", "1", "-l", str(pages))
    assert re.search(r"Page +1 size: +595.276 x 841.89 pts \(A4\)", sizes)
    assert re.search(rf"Page +{pages} size: +841.89 x 595.276 pts \(A4\)", sizes)


def test_page_numbers_start_on_page_two(pdf: Path) -> None:
    first = _text(pdf, 1).split()
    assert first[0] != "1" and "1" not in _text(pdf, 1).splitlines()[:2]
    assert _text(pdf, 2).splitlines()[0].strip() == "2"
    assert _text(pdf, 3).splitlines()[0].strip() == "3"


def test_no_word_leaves_the_page(pdf: Path) -> None:
    layout = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                            text=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', layout, re.S)
    assert pages
    for width, _height, words in pages:
        for x_max in re.findall(r'xMax="([\d.]+)"', words):
            assert float(x_max) <= float(width) - 40, f"a word ends at {x_max} on a page {width} wide"


def test_numbers_and_dates_take_leading_zeros(tmp_path: Path) -> None:
    base = make_snapshot(tasks=1, indicators=0)
    snapshot = dataclasses.replace(base, document=dataclasses.replace(base.document, number=5, date="2027-01-05"))
    text = _flat(_text(write_report_pdf(snapshot, tmp_path / "r.pdf"), 1))
    assert "Số: 05/BC-UBND" in text
    assert "Tân Hòa, ngày 05 tháng 01 năm 2027" in text


def test_a_report_without_items_or_addressee_still_reads_right(tmp_path: Path) -> None:
    base = make_snapshot(tasks=0, indicators=0)
    snapshot = dataclasses.replace(base, document=dataclasses.replace(base.document, addressee="",
                                                                      recipients=()))
    pdf = write_report_pdf(snapshot, tmp_path / "empty.pdf")
    text = _flat(_text(pdf))
    assert "Kính gửi" not in text and "Phụ lục" not in text and "Như trên" not in text
    assert "- Lưu: VT, VP (02b)." in text


def test_cancel_leaves_the_previous_file_and_no_partial_file(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.pdf"
    out.write_bytes(b"the report printed yesterday")
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(DocumentCancelled) as raised:
        write_report_pdf(make_snapshot(tasks=40, indicators=5), out, cancelled=cancelled)
    assert isinstance(raised.value, BaocaoError) and raised.value.code == "cancelled"
    assert out.read_bytes() == b"the report printed yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]


def test_progress_moves_forward_and_ends_complete(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_report_pdf(make_snapshot(tasks=30, indicators=5), tmp_path / "r.pdf",
                     progress=lambda done, total: seen.append((done, total)))
    done = [d for d, _ in seen]
    assert done == sorted(done) and seen[-1][0] == seen[-1][1] and len(seen) > 3


def test_bundled_font_is_used_when_no_times_new_roman_is_installed(tmp_path: Path) -> None:
    missing = FontFiles("TimesNewRoman", *(tmp_path / f"{n}.ttf" for n in ("r", "b", "i", "bi")))
    family = report_font_family([missing])
    assert family.source == str(bundled_fonts().regular)
    license_text = (bundled_fonts().regular.parent / "LICENSE-Tinos-OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in license_text
