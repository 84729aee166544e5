"""The PostgreSQL database the tests may use: ``BAOCAO_TEST_PG_URL`` (set by ``.ci/run``)."""

from __future__ import annotations

import os

import pytest


def postgres_url() -> str:
    """The test database's URL; skips the test without one, and fails it in CI, where PostgreSQL must be tested."""
    url = os.environ.get("BAOCAO_TEST_PG_URL", "")
    if not url:
        if os.environ.get("CI") == "1":
            pytest.fail("BAOCAO_TEST_PG_URL is not set in CI: the PostgreSQL path must be tested")
        pytest.skip("BAOCAO_TEST_PG_URL not set")
    return url
