"""The real window, as a commune officer uses it: ``python -m desktop`` on an X server (Xvfb) with a window
manager (openbox), driven only by real X key events (xdotool) — Alt letters, Tab, Enter and shortcuts, and
Qt's own file dialogs answered by typing the path.

Unlock with the passphrase; fill two tasks (status, percent, result) and one indicator (numerator,
denominator) through the form; attach an evidence file; approve and sign; export the encrypted file for
the Sở (USB route); open the print preview and close it; quit. Then the store, opened through the services
with the passphrase this test put in its environment, must hold exactly what was typed, the evidence, the
signature, and the exported file must decrypt and verify.

Screenshots of each step are left in the test's folder (``shots/``)."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.domain.text import fold
from desktop.services import accounts, evidence, reports
from desktop.services.identity import device_key
from desktop.sync.bundle import verify_bundle
from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes
from desktop.sync.encrypted_export import decrypt_file
from tests.conftest import PASSPHRASE, REPO
from tests.e2e.e2e_store import prepare_store
from tests.e2e.x_session import XSession, wait_until, x_session

FIRST_RESULT = "Đã khảo sát 12 ấp, lập kế hoạch triển khai."
SECOND_RESULT = "Đã hoàn thành, đưa vào sử dụng từ tháng 12."
MAIN_TITLE = "Báo cáo nhiệm vụ, chỉ tiêu"

# A one-page PDF, enough for the evidence list to call it «Tài liệu PDF».
EVIDENCE_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def start_app(session: XSession, data_dir: Path, home: Path) -> subprocess.Popen[bytes]:
    """The application as a user starts it, in Vietnamese, with no passphrase in its environment."""
    env = {k: v for k, v in session.env.items() if not k.startswith(("BAOCAO_", "LANG", "LC_", "QT_"))}
    env.update(PYTHONPATH=str(REPO), HOME=str(home), BAOCAO_LANG="vi", LANG="vi_VN.UTF-8",
               XDG_CONFIG_HOME=str(home / ".config"), XDG_RUNTIME_DIR=str(home / "run"))
    (home / "run").mkdir(parents=True, mode=0o700)
    log = (session.folder / "app.log").open("wb")
    return subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(data_dir)], cwd=REPO, env=env,
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def answer_file_dialog(session: XSession, title: str, path: Path) -> None:
    """Qt's file dialog: the cursor is in «File name»; type the whole path and Enter."""
    session.wait_for_window(title)
    time.sleep(0.3)
    session.key("ctrl+a")
    session.type(str(path))
    session.key("Return")
    session.wait_gone(title)
    session.wait_for_window(MAIN_TITLE)


def find_item(session: XSession, text: str) -> None:
    """Ctrl+F in the report: type in the item search, Enter goes to the first item found, in its first field."""
    session.key("ctrl+f")
    session.type(text)
    session.key("Return")
    time.sleep(0.3)


def fill_task(session: XSession, text: str, downs: int, percent: str, result: str) -> None:
    find_item(session, text)
    session.key(*["Down"] * downs)  # the status list: blank, Chưa triển khai, Đang triển khai, Hoàn thành…
    session.key("Tab")
    session.type(percent)
    session.key("Tab")
    session.type(result)
    session.key("Tab")


def sign_and_confirm(session: XSession, timeout: float = 60) -> None:
    """Answer the boxes signing asks, as the officer who means to sign does: «Vẫn ký» when the period's data
    window has not opened yet, then «Ký» (the default button) in «Xác nhận ký»; wait for the signature."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        titles = session.window_titles()
        if not any("Phê duyệt và ký" in t or "Xác nhận ký" in t or "Ký trước kỳ" in t for t in titles):
            return
        if any("Ký trước kỳ" in t for t in titles):
            session.screenshot("sign-early")
            session.key("alt+v")  # «&Vẫn ký»
        elif any("Xác nhận ký" in t for t in titles):
            session.screenshot("sign-confirm")
            session.key("Return")  # «&Ký», the default button
        time.sleep(0.5)
    session.screenshot("timeout")
    raise AssertionError(f"the report was not signed after {timeout} s; shown: {session.window_titles()}")


@pytest.mark.slow(seconds=45)
def test_an_officer_fills_signs_exports_and_previews_in_the_real_window(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOCAO_PASSPHRASE", PASSPHRASE)
    province = ProvinceKeys.generate()
    data_dir = tmp_path / "data"
    left = prepare_store(data_dir, os.environ["BAOCAO_PASSPHRASE"], province.public())
    attached = tmp_path / "bien-ban-nghiem-thu.pdf"
    attached.write_bytes(EVIDENCE_PDF)
    exported = tmp_path / "usb" / "bao-cao-gui-so.baocao"
    exported.parent.mkdir()

    with x_session(tmp_path / "shots") as session:
        app = start_app(session, data_dir, tmp_path / "home")
        try:
            unlock = session.wait_for_window("Mở khóa dữ liệu", timeout=60)
            assert session.xdotool("getwindowname", unlock).count("baocao") == 1, "the title names the app once"
            session.screenshot("unlock")
            session.type(PASSPHRASE)
            session.key("Return")
            main = session.wait_for_window(MAIN_TITLE, timeout=60)
            assert session.xdotool("getwindowname", main).count("baocao") == 1, "the title names the app once"
            session.key("ctrl+3")
            time.sleep(1.0)
            session.screenshot("report")

            fill_task(session, left.first_task.key, 2, "60", FIRST_RESULT)
            session.screenshot("first-task")
            fill_task(session, left.second_task.key, 3, "100", SECOND_RESULT)
            session.key("alt+k")  # «Đính kèm…» in the evidence panel, for the item shown
            answer_file_dialog(session, "Chọn tệp minh chứng", attached)
            time.sleep(0.5)
            session.screenshot("evidence")

            find_item(session, " ".join(fold(left.indicator.name).split()[:12]))
            session.type("45")
            session.key("Tab")
            session.type("50")
            session.key("Tab")
            time.sleep(0.8)  # autosave and the validation that follows
            session.screenshot("indicator")

            session.key("ctrl+shift+s")
            session.wait_for_window("Phê duyệt và ký")
            time.sleep(0.5)
            session.screenshot("sign")
            session.key("alt+k")  # «Ký»
            sign_and_confirm(session)
            session.wait_for_window(MAIN_TITLE)

            session.key("ctrl+alt+e")
            answer_file_dialog(session, "Xuất tệp mã hóa", exported)
            session.wait_for_window("Đã xuất tệp", timeout=60)
            session.screenshot("exported")
            session.key("alt+n")  # «Đóng»
            session.wait_gone("Đã xuất tệp")
            session.wait_for_window(MAIN_TITLE)

            session.key("ctrl+p")
            session.wait_for_window("Xem trước khi in", timeout=60)
            time.sleep(0.5)
            session.screenshot("print-preview")
            session.key("Escape")
            session.wait_gone("Xem trước khi in")

            session.wait_for_window(MAIN_TITLE)
            session.key("ctrl+q")
            wait_until(lambda: app.poll() is not None, 30, "the app to quit on Ctrl+Q")
            assert app.returncode == 0, (session.folder / "app.log").read_text()
        finally:
            if app.poll() is None:
                session.screenshot("left-running")
                app.terminate()
                app.wait(timeout=10)
    log = (session.folder / "app.log").read_text(errors="replace")
    assert "Traceback" not in log, log

    store = accounts.unlock(data_dir, "admin", os.environ["BAOCAO_PASSPHRASE"])
    try:
        view = reports.open_report(store, left.period)
        assert not view.editable and view.revision == 1, "the report was signed"
        tasks = {t.ref: t for t in view.tasks}
        first, second = tasks[left.first_task.ref], tasks[left.second_task.ref]
        assert (first.status, first.percent, first.result) == ("in_progress", 60.0, FIRST_RESULT)
        assert (second.status, second.percent, second.result) == ("done", 100.0, SECOND_RESULT)
        [indicator] = [i for i in view.indicators if i.ref == left.indicator.ref]
        assert (indicator.numerator, indicator.denominator) == (45.0, 50.0)
        [kept] = evidence.list_evidence(store, left.period, "task", left.second_task.ref)
        assert kept.name == attached.name and kept.size == attached.stat().st_size
        copy = evidence.save_evidence_copy(store, kept.id, tmp_path / "copy.pdf")
        assert hashlib.sha256(copy.read_bytes()).digest() == hashlib.sha256(EVIDENCE_PDF).digest()
        with store.session() as session_:
            public = ed25519_public_bytes(device_key(session_))
    finally:
        store.close()
    plain = io.BytesIO()
    with exported.open("rb") as sealed:
        decrypt_file(sealed, plain, province.hpke_private_key)
    bundle = verify_bundle(io.BytesIO(plain.getvalue()), key_for_agency=lambda _code: public)
    assert bundle.period == left.period
