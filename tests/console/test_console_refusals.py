"""What the console refuses, against a real server process: each refusal a user (or an attacker) would meet."""

from __future__ import annotations

import re
import socket
from contextlib import closing

import httpx

from tests.console.console_server import PASSWORDS, ConsoleServer, add_user, csrf_of, login


def test_no_page_or_action_without_a_session(console: ConsoleServer) -> None:
    with console.client() as client:
        for path in ("/console/period", "/console/agencies", "/console/summary/workbook", "/console/audit",
                     "/console/reports/XA-1/2026Q4/pdf"):
            answer = client.get(path)
            assert answer.status_code == 303 and answer.headers["location"] == "/console/login", path
        answer = client.post("/console/agencies", data={"csrf": "x", "code": "XA-NOSESSION", "name": "x"})
        assert answer.status_code == 401
        with console.client("made-up-session-id") as forged:
            assert forged.get("/console/period").status_code == 303
    with closing(console.login("admin")) as admin:
        assert "XA-NOSESSION" not in admin.get("/console/agencies").text


def test_forged_or_missing_csrf_token_is_refused(console: ConsoleServer) -> None:
    with closing(console.login("admin")) as admin:
        for data in ({"code": "XA-NOCSRF", "name": "x"}, {"csrf": "forged", "code": "XA-NOCSRF", "name": "x"}):
            answer = admin.post("/console/agencies", data=data)
            assert answer.status_code == 403
        # Another session's token is no better.
        with closing(console.login("admin")) as other:
            token = csrf_of(other.get("/console/agencies").text)
        assert admin.post("/console/agencies", data={"csrf": token, "code": "XA-NOCSRF", "name": "x"}
                          ).status_code == 403
        assert "XA-NOCSRF" not in admin.get("/console/agencies").text
    with console.client() as client:
        client.get("/console/login")
        answer = client.post("/console/login", data={"csrf": "forged", "name": "admin", "password": PASSWORDS["admin"]})
        assert answer.status_code == 403 and "baocao_console" not in answer.cookies


def test_a_viewer_cannot_do_what_an_admin_does(console: ConsoleServer) -> None:
    with closing(console.login("viewer")) as viewer:
        page = viewer.get("/console/agencies")
        assert page.status_code == 200 and 'id="add-agency"' not in page.text
        token = csrf_of(page.text)
        assert viewer.post("/console/agencies", data={"csrf": token, "code": "XA-VIEWER", "name": "x"}
                           ).status_code == 403
        assert viewer.post("/console/agencies/code", data={"csrf": token, "agency": "XA-VIEWER"}).status_code == 403
        assert viewer.post("/console/plans/preview", data={"csrf": token}).status_code == 403
        assert viewer.post("/console/usb", data={"csrf": token}).status_code == 403
        assert viewer.get("/console/audit").status_code == 403
    with closing(console.login("officer")) as officer:
        token = csrf_of(officer.get("/console/agencies").text)
        assert officer.post("/console/agencies", data={"csrf": token, "code": "XA-OFFICER", "name": "x"}
                            ).status_code == 403
    with closing(console.login("admin")) as admin:
        text = admin.get("/console/agencies").text
        assert "XA-VIEWER" not in text and "XA-OFFICER" not in text


def test_a_session_id_planted_before_login_is_never_used(console: ConsoleServer) -> None:
    planted = "attacker-chosen-session-id-0123456789"
    with console.client() as client:
        client.cookies.set("baocao_console", planted, domain="127.0.0.1", path="/console")
        answer = login(client, "admin", PASSWORDS["admin"])
        assert answer.status_code == 303
        issued = answer.cookies["baocao_console"]
        assert issued != planted
        header = answer.headers["set-cookie"]
        assert "HttpOnly" in header and "SameSite=strict" in header.replace("Strict", "strict")
    with console.client(planted) as attacker:
        assert attacker.get("/console/period").status_code == 303
    # Logging in again from a logged-in browser ends the old session: its id is dead.
    with console.client() as client:
        first = login(client, "viewer", PASSWORDS["viewer"]).cookies["baocao_console"]
        second = login(client, "viewer", PASSWORDS["viewer"]).cookies["baocao_console"]
        assert first != second
    with console.client(first) as stale:
        assert stale.get("/console/period").status_code == 303


def test_twenty_wrong_passwords_lock_the_account(console: ConsoleServer) -> None:
    assert add_user(console.data_dir, "target", "viewer", "mật khẩu đúng 123").returncode == 0
    with console.client() as client:
        statuses = [login(client, "target", f"sai {n}").status_code for n in range(20)]
        assert set(statuses) <= {401, 429} and statuses[0] == 401
        answer = login(client, "target", "mật khẩu đúng 123")
        assert answer.status_code in (401, 429) and "baocao_console" not in answer.cookies
    with closing(console.login("admin")) as admin:
        audit = admin.get("/console/audit").text
        assert audit.count("Đăng nhập bị từ chối") >= 20


def test_oversized_and_malformed_uploads_are_refused(console: ConsoleServer) -> None:
    with closing(console.login("admin")) as admin:
        token = csrf_of(admin.get("/console/usb").text)
        cookie = admin.cookies["baocao_console"]
        # A declared body far over the bound is refused before a byte of it is read.
        with socket.create_connection(("127.0.0.1", console.port), timeout=10) as sock:
            sock.sendall(b"POST /console/usb HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
                         b"boundary=x\r\nContent-Length: 99999999999\r\nCookie: baocao_console=" + cookie.encode()
                         + b"\r\n\r\n")
            assert sock.recv(200).startswith(b"HTTP/1.1 413")
        answer = admin.post("/console/usb", data={"csrf": token},
                            files={"file": ("bao-cao.bcx", b"not an encrypted export" * 10, "text/plain")})
        assert answer.status_code == 400 and 'id="error"' in answer.text
        answer = admin.post("/console/usb", data={"csrf": token},
                            files={"file": ("bao-cao.exe", b"MZ" * 10, "application/octet-stream")})
        assert answer.status_code == 400 and ".bcx" in answer.text
        answer = admin.post("/console/plans/preview", data={"csrf": token},
                            files={"file": ("ke-hoach.xlsx", b"PK\x03\x04 broken zip", "application/octet-stream")})
        assert answer.status_code == 400 and "ke-hoach.xlsx" in answer.text
        assert not list((console.data_dir / "console-plans").glob("*"))
        assert not list(console.data_dir.joinpath("uploads").glob("*.bcx"))


def test_pages_carry_the_security_headers(console: ConsoleServer) -> None:
    with closing(console.login("viewer")) as viewer:
        for path in ("/console/period", "/console/login", "/console/agencies"):
            answer = viewer.get(path)
            csp = answer.headers["content-security-policy"]
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp
            assert answer.headers["x-frame-options"] == "DENY"
            assert answer.headers["referrer-policy"] == "no-referrer"
            assert answer.headers["cache-control"] == "no-store"
            assert "<script>" not in answer.text and not re.search(r"\son[a-z]+=", answer.text)
        assert viewer.get("/console/static/console.js").status_code == 200


def test_the_device_api_still_answers_json(console: ConsoleServer) -> None:
    answer = httpx.post(f"{console.url}/v1/enroll", json={"code": "x"}, timeout=10)
    assert answer.status_code == 400 and answer.json()["code"] == "malformed"
