"""The officer's quarter in a real browser: log in, add an agency and issue its code, publish a plan; a real
desktop client enrolls with that code, signs and syncs; the report shows on the dashboard as on time; open
it, download its evidence; generate the consolidated report and read it with pdftotext. Every page is
saved as a screenshot in Vietnamese and English (``BAOCAO_CONSOLE_SCREENSHOTS`` to keep them)."""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from desktop.documents.sample_plans import write_sample_plans
from desktop.domain.periods import period_info
from desktop.domain.report_snapshot import AttachmentRef
from desktop.sync.bundle import BundleFile, make_bundle, report_json
from desktop.sync.device_keys import generate_device_key
from desktop.sync.sync_client import ProvinceClient
from desktop.sync.sync_run import run_sync
from server.console.period_status import default_period, opening_period
from tests.console.browser import need_browser, start_browser, wait_download
from tests.console.console_server import PASSWORDS, ConsoleServer
from tests.e2e.file_outbox import FileOutbox
from tests.e2e.province_server import FAST
from tests.sync.report_factory import AGENCY, make_snapshot

AGENCY_CODE = "XA-TRINHDUYET"
EVIDENCE = b"%PDF-1.4 bien ban nghiem thu " + os.urandom(3000)
PAGES = ("period", "period/remind", "indicators", "tasks", "agencies", "plans", "schedule", "usb", "summary", "audit",
         "settings")


def test_an_officers_quarter_in_the_browser(console: ConsoleServer, tmp_path: Path) -> None:
    need_browser()
    from selenium.webdriver.common.by import By

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    shots = Path(os.environ.get("BAOCAO_CONSOLE_SCREENSHOTS") or tmp_path / "screens")
    shots.mkdir(parents=True, exist_ok=True)
    driver = start_browser(tmp_path / "profile", downloads)
    driver.implicitly_wait(15)
    try:
        def go(path: str) -> None:
            driver.get(f"{console.url}/console/{path}")

        def text(selector: str) -> str:
            return driver.find_element(By.CSS_SELECTOR, selector).text

        go("period")
        assert driver.current_url.endswith("/console/login")
        driver.save_screenshot(str(shots / "login-vi.png"))
        driver.find_element(By.ID, "name").send_keys("admin")
        driver.find_element(By.ID, "password").send_keys(PASSWORDS["admin"])
        driver.find_element(By.ID, "login").click()
        assert driver.current_url.endswith("/console/period") and "Kỳ báo cáo" in text("h1")

        go("settings")  # the province's identity, as a fresh installation needs it before its first letter
        driver.find_element(By.ID, "province-name").send_keys("Đồng Tháp")
        driver.find_element(By.ID, "province-phone").send_keys("0277 3851 234")
        driver.find_element(By.ID, "province-url").send_keys(console.url)
        driver.find_element(By.ID, "settings-save").click()
        assert text("#notice") and "Đồng Tháp" in driver.find_element(By.ID, "province-name").get_attribute("value")

        go("agencies")
        driver.find_element(By.ID, "agency-code").send_keys(AGENCY_CODE)
        driver.find_element(By.ID, "agency-name").send_keys("Ủy ban nhân dân xã Trình Duyệt")
        driver.find_element(By.ID, "agency-parent").send_keys("TỈNH ĐỒNG THÁP")
        driver.find_element(By.ID, "add-agency-button").click()
        assert AGENCY_CODE in text("#notice")
        row = driver.find_element(By.CSS_SELECTOR, f'tr[data-agency="{AGENCY_CODE}"]')
        row.find_element(By.CSS_SELECTOR, "form.issue-code button").click()
        code = text("#enroll-code")
        assert len(code) == 14 and console.url in text("#server-url") and text("#letter-warning")
        assert "Mã kiểm tra khóa ký của Sở" in text("#fingerprints") and "0277 3851 234" in text("#letter-phone")
        driver.save_screenshot(str(shots / "letter-vi.png"))

        plan = write_sample_plans(tmp_path / "plans")[0]
        go("plans")
        driver.find_element(By.ID, "plan-file").send_keys(str(plan))
        driver.find_element(By.ID, "plan-preview").click()
        assert "nhiệm vụ" in text("#plan-counts")
        driver.save_screenshot(str(shots / "plan-preview-vi.png"))
        driver.find_element(By.ID, "plan-publish").click()
        confirm = driver.switch_to.alert
        assert re.fullmatch(r"Công bố Kế hoạch .+ \(\d+ nhiệm vụ, \d+ chỉ tiêu\) cho 1 cơ quan\?", confirm.text)
        confirm.accept()
        assert re.fullmatch(r"Đã công bố Kế hoạch .+ cho 1 cơ quan\.", text("#notice"))
        assert driver.find_elements(By.CSS_SELECTOR, "#plan-versions tbody tr")

        # The desktop's own client: enroll with the printed code, pull the plan, sign and send the report.
        key = generate_device_key()
        with ProvinceClient(console.url, device_key=key, policy=FAST) as client:
            enrollment = client.enroll(code, "Máy văn phòng")
        with ProvinceClient(console.url, device_key=key, province=enrollment.province, policy=FAST) as client:
            pulled = client.pull_assignments(None)
            assert pulled.changed and pulled.package is not None and pulled.package["plans"]
            bundle_id, data = _bundle(key, enrollment.province.recipient()[0])
            outbox = FileOutbox(tmp_path / "outbox")
            outbox.add(bundle_id, data)
            run_sync(client, outbox)
        assert outbox.receipt(bundle_id)

        go("period")
        row = driver.find_element(By.CSS_SELECTOR, f'tr[data-agency="{AGENCY_CODE}"]')
        # The dashboard opens on the period being consolidated once its deadline has passed: a report sent then is late.
        late = opening_period().consolidating
        state, label = ("late", "trễ hạn") if late else ("on_time", "đã gửi đúng hạn")
        assert row.get_attribute("data-state") == state and label in row.text
        assert text("#reporting-rate") != "0%"
        driver.save_screenshot(str(shots / "period-vi.png"))
        row.find_element(By.LINK_TEXT, "Ủy ban nhân dân xã Trình Duyệt").click()
        assert "Tân Hòa" in text("#document") or "nhiệm vụ" in text("#document").lower()
        driver.save_screenshot(str(shots / "report-vi.png"))
        before = {p.name for p in downloads.iterdir()}
        driver.find_element(By.LINK_TEXT, "bien-ban-nghiem-thu.pdf").click()
        assert wait_download(downloads, "bien-ban-nghiem-thu.pdf", before).read_bytes() == EVIDENCE
        before = {p.name for p in downloads.iterdir()}
        driver.find_element(By.ID, "download-pdf").click()
        report_pdf = wait_download(downloads, ".pdf", before | {"bien-ban-nghiem-thu.pdf"})
        assert "BÁO CÁO" in _pdftotext(report_pdf)

        go("summary")
        before = {p.name for p in downloads.iterdir()}
        driver.find_element(By.ID, "make-pdf").click()
        consolidated = wait_download(downloads, ".pdf", before)
        words = " ".join(_pdftotext(consolidated).split())
        (shots / "consolidated.txt").write_text(words)
        assert "UBND TỈNH ĐỒNG THÁP" in words and "SỞ KHOA HỌC" in words and "VÀ CÔNG NGHỆ" in words
        assert "Kính gửi: Ủy ban nhân dân tỉnh Đồng Tháp" in words
        assert "tỷ lệ báo cáo 100%" in words and f"{0 if late else 1} báo cáo đúng hạn" in words
        assert "Phụ lục III" in words
        assert "Ủy ban nhân dân xã Trình Duyệt: Hạ tầng mạng tại một số ấp còn yếu" in words

        before = {p.name for p in downloads.iterdir()}
        driver.find_element(By.ID, "make-docx").click()
        docx = wait_download(downloads, ".docx", before)
        words = " ".join(_pdftotext(_libreoffice_pdf(docx, tmp_path)).split())
        assert "Kính gửi: Ủy ban nhân dân tỉnh Đồng Tháp" in words and "tỷ lệ báo cáo 100%" in words
        assert "Phụ lục III" in words and "Ủy ban nhân dân xã Trình Duyệt: Hạ tầng mạng" in words

        for language in ("vi", "en"):
            go(f"lang/{language}?next=/console/period")
            for path in PAGES:
                go(path)
                assert driver.find_element(By.TAG_NAME, "h1").text
                driver.save_screenshot(str(shots / f"{path.replace('/', '-')}-{language}.png"))
            go(f"reports/{AGENCY_CODE}/{default_period().code}")
            driver.save_screenshot(str(shots / f"report-{language}.png"))
        assert "Reporting period" in driver.find_element(By.TAG_NAME, "nav").text
        _the_other_pages_in_english(driver, go, shots, plan)
    finally:
        driver.quit()


def _the_other_pages_in_english(driver, go, shots: Path, plan: Path) -> None:  # type: ignore[no-untyped-def]
    """The enrollment letter, the plan preview and the login page, in English (the console is in English now)."""
    from selenium.webdriver.common.by import By

    go("agencies")
    row = driver.find_element(By.CSS_SELECTOR, f'tr[data-agency="{AGENCY_CODE}"]')
    row.find_element(By.CSS_SELECTOR, "form.issue-code button").click()
    assert len(driver.find_element(By.ID, "enroll-code").text) == 14
    driver.save_screenshot(str(shots / "letter-en.png"))
    go("plans")
    driver.find_element(By.ID, "plan-file").send_keys(str(plan))
    driver.find_element(By.ID, "plan-preview").click()
    assert "task" in driver.find_element(By.ID, "plan-counts").text.lower()
    driver.save_screenshot(str(shots / "plan-preview-en.png"))
    driver.delete_all_cookies()
    go("lang/en?next=/console/login")
    assert driver.current_url.endswith("/console/login") and driver.find_element(By.ID, "login").text
    driver.save_screenshot(str(shots / "login-en.png"))


def _bundle(key, recipient: str) -> tuple[str, bytes]:  # type: ignore[no-untyped-def]
    """The agency's signed report for the period due now, with one evidence file."""
    period = default_period()
    sha = hashlib.sha256(EVIDENCE).hexdigest()
    refs = (AttachmentRef(name="bien-ban-nghiem-thu.pdf", sha256=sha, size=len(EVIDENCE),
                          media_type="application/pdf"),)
    snapshot = make_snapshot(3, 2, attachments=refs, period=period_info(period),
                             agency=replace(AGENCY, code=AGENCY_CODE, name="ỦY BAN NHÂN DÂN XÃ TRÌNH DUYỆT"))
    bundle_id = f"{AGENCY_CODE}-{period.code}-r1"
    data = make_bundle(report_json(snapshot), [BundleFile(sha, len(EVIDENCE), "application/pdf", io.BytesIO(EVIDENCE))],
                       agency_code=AGENCY_CODE, period=period.code, revision=1, supersedes=None, sequence=1,
                       previous_hash=None, created_at=datetime.now(UTC), recipient_key_id=recipient,
                       bundle_id=bundle_id, signing_key=key)
    return bundle_id, data


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def _libreoffice_pdf(document: Path, tmp_path: Path) -> Path:
    """The document opened and printed to PDF by LibreOffice (what a Word user would see)."""
    out = tmp_path / "libreoffice"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(document)], capture_output=True, check=True,
                   timeout=180)
    return out / f"{document.stem}.pdf"
