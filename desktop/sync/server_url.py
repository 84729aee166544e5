"""The province server's address, checked by parsing: https, or plain http only to this computer.

A prefix test ("starts with http://127.0.0.1") accepts ``http://127.0.0.1.evil.example`` and
``http://127.0.0.1@evil.example`` (userinfo: the connection goes to evil.example). Here the URL is
parsed and the host compared as a whole: plain http is allowed only when the host is exactly a loopback
IP address (127.0.0.0/8, ::1) or ``localhost``; no URL may carry a user name or password, a query or
a fragment. The address is kept without a trailing slash.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from desktop.errors import InputError

MAX_URL = 2000


def check_server_url(text: str) -> str:
    """The server address ``text`` normalised (stripped, no trailing ``/``), or ``InputError`` "bad_url"."""
    url = text.strip().rstrip("/")
    if not url or len(url) > MAX_URL or any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise _bad(url, "địa chỉ trống, quá dài hoặc có khoảng trắng", "empty, too long or contains spaces")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise _bad(url, "không đọc được địa chỉ hoặc cổng", "the address or port cannot be read") from None
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    if scheme not in ("http", "https"):
        raise _bad(url, "địa chỉ phải bắt đầu bằng https://", "the address must start with https://")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise _bad(url, "địa chỉ không được chứa tên người dùng hay mật khẩu (phần trước «@»)",
                   "the address must not contain a user name or password (the part before «@»)")
    if not host or parts.query or parts.fragment or port == 0:
        raise _bad(url, "thiếu tên máy chủ, hoặc có phần «?»/«#» không được phép",
                   "no host name, or a «?»/«#» part that is not allowed")
    if scheme == "https" or is_loopback(host):
        return url
    raise _bad(url, f"http không mã hoá chỉ được dùng tới chính máy này (127.0.0.1 hoặc localhost), "
                    f"không phải «{host}»; hãy dùng https://",
               f"unencrypted http is allowed only to this computer (127.0.0.1 or localhost), not «{host}»; "
               "use https://")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (as ``urlsplit`` gives it: lower-case, no brackets) is exactly this computer."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bad(url: str, vi: str, en: str) -> InputError:
    return InputError(f"Địa chỉ máy chủ «{url[:200]}» không dùng được: {vi}.",
                      f"The server address «{url[:200]}» cannot be used: {en}.", code="bad_url")
