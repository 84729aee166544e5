"""The system Chromium driven by Selenium (headless, a fresh profile, downloads into a directory of the test)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WIDTH, HEIGHT = 1366, 768


def need_browser() -> None:
    """Skip without Chromium and its driver, unless in CI (there they are installed: a missing one fails)."""
    present = os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)
    if not present and not os.environ.get("CI"):
        pytest.skip("chromium and chromedriver are not installed")
    assert present, "CI must install chromium and chromium-driver"


def start_browser(profile: Path, downloads: Path):  # type: ignore[no-untyped-def]
    """A headless Chromium at 1366×768 that saves downloads into ``downloads`` without asking."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}", "--lang=vi"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "plugins.always_open_pdf_externally": True})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver


def wait_download(directory: Path, suffix: str, before: set[str], timeout: float = 60) -> Path:
    """The file with ``suffix`` that appeared in ``directory`` (not in ``before``) once complete."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fresh = [p for p in directory.iterdir() if p.name not in before and p.name.endswith(suffix)]
        if fresh and not any(p.name.endswith(".crdownload") for p in directory.iterdir()):
            return fresh[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} download in {directory}: {sorted(p.name for p in directory.iterdir())}")
