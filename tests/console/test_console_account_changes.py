"""Role change, password reset and re-enabling of console accounts, against a real server process: with
``baocao-server user role|reset-password|enable`` (run in this process on the server's data directory, the
password from BAOCAO_CONSOLE_PASSWORD, never argv),
on the «Tài khoản» page (admin only, CSRF on each form) and in Chromium. The changed account's sessions
end; the last enabled admin is never demoted or disabled, an admin never changes their own account on
the page; every change is in the audit log, no password is.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from server.cli import main
from tests.console.browser import need_browser, start_browser
from tests.console.console_server import PASSWORDS, ConsoleServer, csrf_of, login

FIRST = "mật khẩu ban đầu 2026!"
SECOND = "mật khẩu đặt lại 2026!"
THIRD = "mật khẩu thứ ba 2026!"


@dataclass(frozen=True)
class Done:
    """What one ``baocao-server user …`` command did."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(console: ConsoleServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> Callable[..., Done]:
    """``baocao-server user ARGS`` on the running server's data directory (``password`` in the environment)."""
    monkeypatch.setenv("BAOCAO_LANG", "en")

    def run(*args: str, password: str | None = None) -> Done:
        capsys.readouterr()
        if password:
            monkeypatch.setenv("BAOCAO_CONSOLE_PASSWORD", password)
        else:
            monkeypatch.delenv("BAOCAO_CONSOLE_PASSWORD", raising=False)
        try:
            code = main(["--data-dir", str(console.data_dir), "user", *args])
        except SystemExit as exc:  # argparse's refusal of a bad choice
            code = int(exc.code or 2)
        out = capsys.readouterr()
        return Done(code, out.out, out.err)

    return run


def _users(html: str) -> dict[str, tuple[str, str]]:
    return {name: (role, disabled) for name, disabled, role in
            re.findall(r'data-user="([^"]+)" data-disabled="([^"]+)" data-role="([^"]+)"', html)}


def _logged_out(client: httpx.Client) -> bool:
    answer = client.get("/console/period")
    return answer.status_code == 303 and answer.headers["location"] == "/console/login"


def test_the_cli_changes_a_role_resets_a_password_and_enables_again(console: ConsoleServer,
                                                                     cli: Callable[..., Done]) -> None:
    assert cli("add", "binh.cli", "--role", "officer", password=FIRST).returncode == 0
    binh = console.client()
    assert login(binh, "binh.cli", FIRST).status_code == 303

    done = cli("role", "binh.cli", "viewer")
    assert done.returncode == 0, done.stderr
    assert _logged_out(binh)
    assert login(binh, "binh.cli", FIRST).status_code == 303  # the password is unchanged

    done = cli("reset-password", "binh.cli", password=SECOND)
    assert done.returncode == 0, done.stderr
    assert SECOND not in done.stdout + done.stderr
    assert _logged_out(binh)
    assert login(binh, "binh.cli", FIRST).status_code == 401
    assert login(binh, "binh.cli", SECOND).status_code == 303

    assert cli("disable", "binh.cli").returncode == 0
    assert _logged_out(binh)
    assert login(binh, "binh.cli", SECOND).status_code == 401
    assert cli("enable", "binh.cli").returncode == 0
    assert login(binh, "binh.cli", SECOND).status_code == 303
    assert "binh.cli\tviewer\tactive" in cli("list").stdout

    # The only admin stays an enabled admin; a bad role or an unknown name is a clear refusal.
    for refused in (("role", "admin", "officer"), ("disable", "admin")):
        done = cli(*refused)
        assert done.returncode != 0 and "last enabled admin" in done.stderr, done
    assert cli("role", "binh.cli", "root").returncode != 0
    assert "No user" in cli("enable", "khong-co").stderr
    assert cli("reset-password", "binh.cli", password="ngắn").returncode != 0
    audit = console.login("admin").get("/console/audit").text
    for entry in ("Đổi vai trò", "binh.cli, Người xem", "Đặt lại mật khẩu", "Mở khoá tài khoản", "dòng lệnh"):
        assert entry in audit
    assert SECOND not in audit and FIRST not in audit


def test_an_admin_changes_a_role_resets_a_password_and_enables_on_the_page(console: ConsoleServer,
                                                                           cli: Callable[..., Done]) -> None:
    assert cli("add", "chi.page", "--role", "officer", password=FIRST).returncode == 0
    with closing(console.login("admin")) as admin, closing(console.client()) as chi:
        assert login(chi, "chi.page", FIRST).status_code == 303
        token = csrf_of(admin.get("/console/users").text)
        role_form = {"name": "chi.page", "role": "viewer"}
        for bad in (role_form, {**role_form, "csrf": "forged"}):
            assert admin.post("/console/users/role", data=bad).status_code == 403
            assert admin.post("/console/users/password", data={**bad, "password": SECOND,
                                                               "repeat": SECOND}).status_code == 403
            assert admin.post("/console/users/enable", data=bad).status_code == 403
        assert not _logged_out(chi)

        answer = admin.post("/console/users/role", data={**role_form, "csrf": token})
        assert answer.status_code == 303 and answer.headers["location"] == "/console/users?saved=role"
        assert _users(admin.get("/console/users").text)["chi.page"] == ("viewer", "no")
        assert _logged_out(chi)
        assert login(chi, "chi.page", FIRST).status_code == 303
        assert chi.get("/console/usb").status_code == 200 and chi.post(
            "/console/usb", data={"csrf": csrf_of(chi.get("/console/usb").text)}).status_code == 403  # a viewer now

        reset = {"csrf": token, "name": "chi.page", "password": SECOND}
        assert admin.post("/console/users/password", data={**reset, "repeat": THIRD}).status_code == 400
        assert admin.post("/console/users/password", data={**reset, "password": "ngắn", "repeat": "ngắn"}
                          ).status_code == 400
        assert not _logged_out(chi)
        answer = admin.post("/console/users/password", data={**reset, "repeat": SECOND})
        assert answer.status_code == 303
        assert _logged_out(chi)
        assert login(chi, "chi.page", FIRST).status_code == 401
        assert login(chi, "chi.page", SECOND).status_code == 303

        assert admin.post("/console/users/disable", data={"csrf": token, "name": "chi.page"}).status_code == 303
        assert _users(admin.get("/console/users").text)["chi.page"] == ("viewer", "yes")
        assert _logged_out(chi)
        answer = admin.post("/console/users/enable", data={"csrf": token, "name": "chi.page"})
        assert answer.status_code == 303 and answer.headers["location"] == "/console/users?saved=enabled"
        assert _users(admin.get("/console/users").text)["chi.page"] == ("viewer", "no")
        assert login(chi, "chi.page", SECOND).status_code == 303

        # Never one's own account: no self-demotion, no self-reset, no self-lockout.
        for path, form in (("/console/users/role", {"role": "viewer"}), ("/console/users/disable", {}),
                           ("/console/users/password", {"password": THIRD, "repeat": THIRD})):
            assert admin.post(path, data={"csrf": token, "name": "admin", **form}).status_code == 400
        assert _users(admin.get("/console/users").text)["admin"] == ("admin", "no")
        assert not _logged_out(admin)
        assert admin.post("/console/users/role", data={"csrf": token, "name": "chi.page", "role": "root"}
                          ).status_code == 400

        for other in ("officer", "viewer"):
            with closing(console.login(other)) as client:
                own = csrf_of(client.get("/console/period").text)
                for path in ("/console/users/role", "/console/users/password", "/console/users/enable"):
                    assert client.post(path, data={"csrf": own, "name": "chi.page", "role": "admin",
                                                   "password": THIRD, "repeat": THIRD}).status_code == 403
        assert _users(admin.get("/console/users").text)["chi.page"] == ("viewer", "no")

        audit = admin.get("/console/audit").text
        for entry in ("chi.page, Người xem", "Đặt lại mật khẩu", "Mở khoá tài khoản"):
            assert entry in audit
        assert SECOND not in audit and FIRST not in audit


def test_the_account_changes_in_chromium(console: ConsoleServer, cli: Callable[..., Done], tmp_path: Path) -> None:
    need_browser()
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import Select, WebDriverWait

    assert cli("add", "dung.web", "--role", "viewer", password=FIRST).returncode == 0
    shots = Path(os.environ.get("BAOCAO_CONSOLE_SCREENSHOTS") or tmp_path / "screens")
    shots.mkdir(parents=True, exist_ok=True)
    driver = start_browser(tmp_path / "profile", tmp_path)
    driver.implicitly_wait(15)

    def row(name: str):  # type: ignore[no-untyped-def]
        return driver.find_element(By.CSS_SELECTOR, f'tr[data-user="{name}"]')

    def press(button) -> None:  # type: ignore[no-untyped-def]
        """Click a form's button and wait for the page it leads to (the old page gone)."""
        old = driver.find_element(By.TAG_NAME, "html")
        button.click()
        WebDriverWait(driver, 30).until(staleness_of(old))

    try:
        driver.get(f"{console.url}/console/login")
        driver.find_element(By.ID, "name").send_keys("admin")
        driver.find_element(By.ID, "password").send_keys(PASSWORDS["admin"])
        driver.find_element(By.ID, "login").click()
        driver.find_element(By.LINK_TEXT, "Tài khoản").click()
        assert "(tài khoản của bạn)" in row("admin").text and not row("admin").find_elements(By.TAG_NAME, "form")

        Select(row("dung.web").find_element(By.NAME, "role")).select_by_visible_text("Chuyên viên")
        press(row("dung.web").find_element(By.CSS_SELECTOR, "button.change-role"))
        assert driver.find_element(By.ID, "saved").text == "Đã đổi vai trò."
        assert row("dung.web").get_attribute("data-role") == "officer" and "Chuyên viên" in row("dung.web").text

        Select(driver.find_element(By.ID, "reset-name")).select_by_visible_text("dung.web")
        driver.find_element(By.ID, "reset-password").send_keys(SECOND)
        driver.find_element(By.ID, "reset-repeat").send_keys(SECOND)
        press(driver.find_element(By.ID, "reset-save"))
        assert driver.find_element(By.ID, "saved").text == "Đã đặt lại mật khẩu."

        press(row("dung.web").find_element(By.CSS_SELECTOR, "button.disable-user"))
        assert row("dung.web").get_attribute("data-disabled") == "yes"
        driver.save_screenshot(str(shots / "users-changes-vi.png"))
        press(row("dung.web").find_element(By.CSS_SELECTOR, "button.enable-user"))
        assert driver.find_element(By.ID, "saved").text == "Đã mở khoá tài khoản."
        assert row("dung.web").get_attribute("data-disabled") == "no" and "hoạt động" in row("dung.web").text
        driver.get(f"{console.url}/console/lang/en?next=/console/users")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Accounts"
        assert "Change role" in row("dung.web").text and "Disable" in row("dung.web").text
        assert driver.find_element(By.ID, "reset-save").text == "Reset a password"
        driver.save_screenshot(str(shots / "users-changes-en.png"))
    finally:
        driver.quit()
    with closing(console.client()) as dung:
        assert login(dung, "dung.web", FIRST).status_code == 401
        assert login(dung, "dung.web", SECOND).status_code == 303
    assert "dung.web\tofficer\tactive" in cli("list").stdout
