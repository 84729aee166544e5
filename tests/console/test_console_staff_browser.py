"""The Tài khoản page in a real browser: an admin adds an account with the form and disables it with its
button; screenshots in Vietnamese and English (``BAOCAO_CONSOLE_SCREENSHOTS`` to keep them)."""

from __future__ import annotations

import os
from pathlib import Path

from tests.console.browser import need_browser, start_browser
from tests.console.console_server import PASSWORDS, ConsoleServer

PASSWORD = "mật khẩu của Minh 2026"


def test_an_admin_adds_and_disables_an_account_in_the_browser(console: ConsoleServer, tmp_path: Path) -> None:
    need_browser()
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    def gone(element) -> None:  # type: ignore[no-untyped-def]
        # Chromium sometimes answers a check on a node of the page being replaced with an inspector error
        # («Node with given id does not belong to the document») instead of "stale": try again.
        WebDriverWait(driver, 30, ignored_exceptions=(WebDriverException,)).until(staleness_of(element))

    shots = Path(os.environ.get("BAOCAO_CONSOLE_SCREENSHOTS") or tmp_path / "screens")
    shots.mkdir(parents=True, exist_ok=True)
    driver = start_browser(tmp_path / "profile", tmp_path)
    driver.implicitly_wait(15)
    try:
        driver.get(f"{console.url}/console/login")
        driver.find_element(By.ID, "name").send_keys("admin")
        driver.find_element(By.ID, "password").send_keys(PASSWORDS["admin"])
        submit = driver.find_element(By.ID, "login")
        submit.click()
        gone(submit)  # the next page, not the one the form was on
        driver.find_element(By.LINK_TEXT, "Tài khoản").click()
        WebDriverWait(driver, 30).until(lambda d: d.current_url.endswith("/console/users"))
        driver.find_element(By.ID, "user-name").send_keys("minh.tran")
        driver.find_element(By.CSS_SELECTOR, '#user-role option[value="viewer"]').click()
        driver.find_element(By.ID, "user-password").send_keys(PASSWORD)
        driver.find_element(By.ID, "user-repeat").send_keys(PASSWORD)
        submit = driver.find_element(By.ID, "user-add")
        submit.click()
        gone(submit)  # the next page, not the one the form was on
        assert "Đã thêm tài khoản" in driver.find_element(By.ID, "saved").text
        row = driver.find_element(By.CSS_SELECTOR, 'tr[data-user="minh.tran"]')
        assert "Người xem" in row.text and "hoạt động" in row.text
        driver.save_screenshot(str(shots / "users-vi.png"))
        row.find_element(By.CSS_SELECTOR, "button.disable-user").click()
        gone(row)  # the page after the form, not the row before it
        row = driver.find_element(By.CSS_SELECTOR, 'tr[data-user="minh.tran"]')
        assert row.get_attribute("data-disabled") == "yes" and "đã khoá" in row.text
        assert not driver.find_elements(By.CSS_SELECTOR, 'tr[data-user="admin"] button.disable-user')
        driver.get(f"{console.url}/console/lang/en?next=/console/users")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Accounts"
        assert "Viewer" in driver.find_element(By.CSS_SELECTOR, 'tr[data-user="minh.tran"]').text
        driver.save_screenshot(str(shots / "users-en.png"))
    finally:
        driver.quit()
    assert "minh.tran\tviewer" in console.admin("user", "list")
