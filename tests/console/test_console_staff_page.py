"""Tài khoản: an admin lists, adds and disables console accounts through the page, against a real server;
every form checks its CSRF token, other roles are refused, each action is in the audit log."""

from __future__ import annotations

import re
from contextlib import closing

from tests.console.console_server import ConsoleServer, csrf_of

NEW_PASSWORD = "mật khẩu mới của Lan 2026"


def _users(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-user="([^"]+)" data-disabled="([^"]+)"', html))


def test_other_roles_cannot_see_or_change_accounts(console: ConsoleServer) -> None:
    for name in ("viewer", "officer"):
        with closing(console.login(name)) as client:
            assert client.get("/console/users").status_code == 403
            assert "/console/users" not in client.get("/console/period").text
            token = csrf_of(client.get("/console/schedule").text)
            form = {"csrf": token, "name": f"tu-{name}", "role": "admin", "password": NEW_PASSWORD,
                    "repeat": NEW_PASSWORD}
            assert client.post("/console/users", data=form).status_code == 403
            assert client.post("/console/users/disable", data={"csrf": token, "name": "admin"}).status_code == 403
    assert "tu-viewer" not in console.admin("user", "list") and "tu-officer" not in console.admin("user", "list")
    console.login("admin").close()  # still usable


def test_an_admin_adds_an_account_that_can_log_in_then_disables_it(console: ConsoleServer) -> None:
    with closing(console.login("admin")) as admin:
        page = admin.get("/console/users")
        assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
        assert _users(page.text) == {"admin": "no", "officer": "no", "viewer": "no"}
        token = csrf_of(page.text)
        form = {"name": "lan.nguyen", "role": "officer", "password": NEW_PASSWORD, "repeat": NEW_PASSWORD}
        for bad in ({**form}, {**form, "csrf": "forged"}):
            assert admin.post("/console/users", data=bad).status_code == 403
        assert admin.post("/console/users", data={**form, "csrf": token, "repeat": "khác hẳn 2026!"}
                          ).status_code == 400
        assert admin.post("/console/users", data={**form, "csrf": token, "password": "ngắn", "repeat": "ngắn"}
                          ).status_code == 400
        assert "lan.nguyen" not in _users(admin.get("/console/users").text)

        answer = admin.post("/console/users", data={**form, "csrf": token})
        assert answer.status_code == 303 and answer.headers["location"] == "/console/users?saved=added"
        assert _users(admin.get("/console/users").text)["lan.nguyen"] == "no"
        assert admin.post("/console/users", data={**form, "csrf": token}).status_code == 400  # already there

        lan = console.login("lan.nguyen", NEW_PASSWORD)
        assert lan.get("/console/period").status_code == 200
        assert admin.post("/console/users/disable", data={"csrf": token, "name": "admin"}).status_code == 400
        answer = admin.post("/console/users/disable", data={"csrf": token, "name": "lan.nguyen"})
        assert answer.status_code == 303
        assert _users(admin.get("/console/users").text)["lan.nguyen"] == "yes"
        assert lan.get("/console/period").status_code == 303  # the session ends at its next request
        lan.close()

        audit = admin.get("/console/audit").text
        assert "Thêm tài khoản" in audit and "lan.nguyen, Chuyên viên" in audit and "Khoá tài khoản" in audit
        assert NEW_PASSWORD not in audit
        admin.get("/console/lang/en?next=/console/users")
        english = admin.get("/console/users").text
        assert "<h1>Accounts</h1>" in english and "Officer" in english and "disabled" in english
    listed = console.admin("user", "list")
    assert "lan.nguyen\tofficer" in listed
