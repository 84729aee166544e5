"""The Sở's signer and document symbols on a real server: set on the admins' «Cài đặt» page (CSRF checked,
audited) or by ``baocao-server province set``, and printed on the enrollment letter as ND 30/2020 has it:
«Số:      /SKHCN-QLKH» with the number left for the văn thư, «Nơi nhận: - Như trên; - Lưu: VT, QLKH.» and the
signer's block («KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC», the name)."""

from __future__ import annotations

import html
import re
from contextlib import closing

import httpx

from tests.console.console_server import ConsoleServer, csrf_of

AGENCY = "DT-KYTEN"
FORM = {"name": "Đồng Tháp", "department": "Sở Khoa học và Công nghệ", "phone": "0277 3851 234",
        "public_url": "https://baocao.dongthap.gov.vn", "symbol": "skhcn", "drafting_unit": "qlkh",
        "signer_title": "PHÓ GIÁM ĐỐC", "signer_name": "Trần Thị Bình"}


def _letter(admin: httpx.Client) -> str:
    """The printed letter's text after «Cấp mã đăng ký», tags removed."""
    token = csrf_of(admin.get("/console/agencies").text)
    answer = admin.post("/console/agencies/code", data={"csrf": token, "agency": AGENCY, "days": "7"})
    assert answer.status_code == 200, answer.text[:500]
    letter = answer.text.split('id="letter"', 1)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", letter)).split())


def test_the_settings_page_sets_the_signer_and_symbols_and_the_letter_prints_them(console: ConsoleServer) -> None:
    console.cli("agency", "add", AGENCY, "Ủy ban nhân dân xã Kỳ Tên", "--parent", "UBND tỉnh Đồng Tháp")
    with closing(console.login("admin")) as admin:
        page = admin.get("/console/settings").text
        assert 'id="province-signer-name"' in page and 'id="province-symbol"' in page
        assert admin.post("/console/settings", data=FORM).status_code == 403, "no form token, no change"
        saved = admin.post("/console/settings", data={"csrf": csrf_of(page), **FORM})
        assert saved.status_code == 303
        page = html.unescape(admin.get(saved.headers["location"]).text)
        assert 'value="SKHCN"' in page and 'value="QLKH"' in page and 'value="Trần Thị Bình"' in page
        assert '<option value="PHÓ GIÁM ĐỐC" selected>' in page
        letter = _letter(admin)
        assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ Số: /SKHCN-QLKH" in letter, letter
        assert "Nơi nhận: - Như trên; - Lưu: VT, QLKH. KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Thị Bình" in letter, letter
        admin.get("/console/lang/en?next=/console/agencies")
        english = _letter(admin)
        admin.get("/console/lang/vi?next=/console/agencies")
        assert "No.: /SKHCN-QLKH" in english and "Recipients: - As above;" in english, english
        assert "FOR THE DIRECTOR DEPUTY DIRECTOR Trần Thị Bình" in english, english
        audit = admin.get("/console/audit").text
    assert "đơn vị soạn thảo, chức vụ người ký, người ký" in audit, "what changed is named, no more"
    shown = console.admin("province", "show")
    assert "…/BC-SKHCN, …/SKHCN-QLKH" in shown and "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC, Trần Thị Bình" in shown, shown


def test_the_director_signs_under_his_own_title_and_an_unset_name_is_flagged(console: ConsoleServer) -> None:
    console.cli("agency", "add", AGENCY, "Ủy ban nhân dân xã Kỳ Tên", check=False)
    console.admin("province", "set", "--name", "Đồng Tháp", "--signer-title", "Giám đốc", "--signer-name", "",
                  "--drafting-unit", "")
    with closing(console.login("admin")) as admin:
        letter = _letter(admin)
    assert "Số: /SKHCN-VP" in letter and "- Lưu: VT, VP." in letter, letter
    assert "KT." not in letter and "PHÓ GIÁM ĐỐC" not in letter
    assert "GIÁM ĐỐC (chưa đặt tên người ký — Cài đặt)" in letter, letter
