"""The province's identity on a real server: the admins' «Cài đặt» page (role and CSRF checked, audited) and
``baocao-server province set/show`` store one set of settings; the Tổng hợp page says what is missing before
the Sở's report is made; the enrollment letter gives the configured public address (never the address the
officer's browser used), warns when there is none, and reads as an official letter."""

from __future__ import annotations

import html
import re
from contextlib import closing

import httpx

from tests.console.console_server import ConsoleServer, csrf_of

AGENCY = "DT-MYHIEP"
PUBLIC = "https://baocao.dongthap.gov.vn"
PHONE = "0277 3851 234"


def _letter(admin: httpx.Client) -> tuple[str, str]:
    """The page after «Cấp mã đăng ký», and the letter's own text (what is printed), tags removed."""
    token = csrf_of(admin.get("/console/agencies").text)
    answer = admin.post("/console/agencies/code", data={"csrf": token, "agency": AGENCY, "days": "7"})
    assert answer.status_code == 200, answer.text[:500]
    letter = answer.text.split('id="letter"', 1)[1]
    return answer.text, " ".join(html.unescape(re.sub(r"<[^>]+>", " ", letter)).split())


def _agency(console: ConsoleServer) -> None:
    """The commune of these tests (refused, and so left as it is, when an earlier test added it)."""
    console.cli("agency", "add", AGENCY, "Ủy ban nhân dân xã Mỹ Hiệp", "--parent", "UBND tỉnh Đồng Tháp", check=False)


def test_only_an_admin_with_the_form_token_changes_the_settings_and_it_is_audited(console: ConsoleServer) -> None:
    with closing(console.login("officer")) as officer:
        assert officer.get("/console/settings").status_code == 403
        own = csrf_of(officer.get("/console/period").text)
        assert officer.post("/console/settings", data={"csrf": own, "name": "Sai"}).status_code == 403
    with closing(console.login("admin")) as admin:
        page = admin.get("/console/settings")
        assert page.status_code == 200 and 'id="menu-settings"' in page.text and 'id="no-name"' in page.text
        assert admin.post("/console/settings", data={"name": "Sai"}).status_code == 403
        saved = admin.post("/console/settings", data={"csrf": csrf_of(page.text), "name": "tỉnh Đồng Tháp",
                                                      "department": "Sở Khoa học và Công nghệ", "phone": PHONE,
                                                      "public_url": PUBLIC + "/"})
        assert saved.status_code == 303
        page = admin.get(saved.headers["location"])
        assert 'id="notice"' in page.text and 'value="Đồng Tháp"' in page.text and 'id="no-name"' not in page.text
        refused = admin.post("/console/settings", data={"csrf": csrf_of(page.text), "name": "Đồng Tháp",
                                                        "public_url": "ftp://baocao"})
        assert refused.status_code == 400 and "https://" in refused.text
        audit = admin.get("/console/audit").text
    shown = console.admin("province", "show")
    assert "Đồng Tháp" in shown and PHONE in shown and f"{PUBLIC}\n" in shown, shown
    assert "Đổi cài đặt của tỉnh" in audit and "tên tỉnh, số điện thoại, địa chỉ máy chủ" in audit
    assert "tên Sở" not in audit, "the Sở's name was sent unchanged: it is not a change"


def test_the_summary_page_says_what_to_set_and_how_many_reports_are_in(console: ConsoleServer) -> None:
    _agency(console)
    console.admin("province", "set", "--name", "")
    with closing(console.login("officer")) as officer:
        page = officer.get("/console/summary?period=2026Q4").text
        assert 'id="summary-no-name"' in page and "Cài đặt" in page and "province set --name" in page
        assert 'id="make-pdf"' not in page
        refused = officer.post("/console/summary/report", data={"csrf": csrf_of(page), "period": "2026Q4",
                                                                "format": "pdf"})
        assert refused.status_code == 400 and "Chưa đặt tên tỉnh" in refused.text
        console.admin("province", "set", "--name", "Đồng Tháp")
        page = officer.get("/console/summary?period=2026Q4").text
        expected = re.search(r"Mới nhận 0/(\d+) báo cáo: báo cáo tổng hợp sẽ chỉ ghi là chưa có báo cáo nào", page)
        assert expected is not None and int(expected.group(1)) >= 1, page
        assert 'id="make-pdf"' in page and f'data-confirm="Mới nhận 0/{expected.group(1)} báo cáo.' in page


def test_the_letter_gives_the_public_address_or_says_there_is_none(console: ConsoleServer) -> None:
    _agency(console)
    with closing(console.login("admin")) as admin:
        console.admin("province", "set", "--public-url", "", "--phone", "")
        page, letter = _letter(admin)
        assert 'id="letter-warning"' in page and "Chưa đặt địa chỉ máy chủ cho các xã" in page
        assert "Địa chỉ máy chủ: chưa đặt — hãy hỏi Sở trước khi cài đặt" in letter
        assert "127.0.0.1" not in letter and console.url not in letter
        assert "Số điện thoại của Sở: chưa đặt" in letter

        console.admin("province", "set", "--public-url", console.url)
        page, letter = _letter(admin)
        assert "chỉ dùng được trên chính máy chủ" in page and "(địa chỉ này các xã không kết nối được)" in letter

        console.admin("province", "set", "--name", "Đồng Tháp", "--public-url", PUBLIC, "--phone", PHONE)
        page, letter = _letter(admin)
        assert 'id="letter-warning"' not in page and f"Địa chỉ máy chủ: {PUBLIC}" in letter
        for words in ("UBND TỈNH ĐỒNG THÁP SỞ KHOA HỌC VÀ CÔNG NGHỆ Số: /SKHCN-VP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
                      "Độc lập - Tự do - Hạnh phúc Đồng Tháp, ngày",
                      "THƯ CẤP MÃ ĐĂNG KÝ Kính gửi: Ủy ban nhân dân xã Mỹ Hiệp",
                      "(giờ Việt Nam)", "thẻ «Đồng bộ», ô «Mã đăng ký», rồi bấm «Đăng ký với Sở»",
                      "dòng lệnh: baocao enroll", f"Số điện thoại của Sở: {PHONE}",
                      "Mã kiểm tra khóa ký của Sở (ký biên nhận)", "Mã kiểm tra khóa nhận tệp mã hóa (lai)"):
            assert words in letter, letter
        key_ids = re.findall(r"\b(?:ed25519|x25519|mlkem768x25519):[0-9a-f]+", console.admin("fingerprints"))
        groups = re.findall(r"[0-9A-F]{4}(?:-[0-9A-F]{4}){3}", console.admin("fingerprints"))
        assert len(key_ids) == 3 and len(groups) == 3 and all(value in letter for value in key_ids + groups)
        labels = re.sub(r"\b(?:ed25519|x25519|mlkem768x25519):[0-9a-f]+", "", letter)  # the values are kept
        assert not re.search(r"\b(signing|x25519|hybrid|mlkem768x25519)\b", labels), letter

        admin.get("/console/lang/en?next=/console/agencies")
        _page, english = _letter(admin)
        admin.get("/console/lang/vi?next=/console/agencies")
        assert "(Vietnam time)" in english and "Check code of the Department's signing key" in english, english
        assert "the «Mã đăng ký» (Enrollment code) box" in english, english
        assert "SOCIALIST REPUBLIC OF VIET NAM" in english and "The Department's phone number" in english


def test_the_role_is_shown_in_words(console: ConsoleServer) -> None:
    with closing(console.login("officer")) as officer:
        assert "officer (Chuyên viên)" in officer.get("/console/period").text
        officer.get("/console/lang/en?next=/console/period")
        assert "officer (Officer)" in officer.get("/console/period").text
