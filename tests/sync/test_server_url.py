"""Server addresses are checked by parsing: https anywhere, plain http only to this computer."""

from __future__ import annotations

import pytest

from desktop.errors import InputError
from desktop.sync.server_url import check_server_url


@pytest.mark.parametrize("url", ["https://baocao.dongthap.gov.vn", "https://baocao.example:8443/", "http://127.0.0.1:8750",
                                 "http://localhost:8750/", "http://127.1.2.3", "http://[::1]:8750", " HTTPS://x.vn "])
def test_accepted(url):
    assert check_server_url(url) == url.strip().rstrip("/")


@pytest.mark.parametrize(("url", "says_vi", "says_en"), [
    ("http://localhost.evil.example", "localhost.evil.example", "not «localhost.evil.example»"),
    ("http://127.0.0.1@evil.example", "tên người dùng", "user name or password"),
    ("http://127.0.0.1.evil.example:8080", "127.0.0.1.evil.example", "only to this computer"),
    ("https://user:pw@baocao.example", "mật khẩu", "password"),
    ("http://baocao.example", "https://", "use https://"),
    ("ftp://127.0.0.1", "https://", "must start with https://"),
    ("127.0.0.1:8750", "https://", "must start with https://"),
    ("http://127.0.0.1:99999", "cổng", "port"),
    ("http://127.0.0.1/?next=evil", "«?»", "«?»"),
    ("", "trống", "empty"),
])
def test_refused_with_a_clear_message(url, says_vi, says_en):
    with pytest.raises(InputError) as refused:
        check_server_url(url)
    assert refused.value.code == "bad_url"
    assert says_vi in refused.value.message("vi") and says_en in refused.value.message("en")
