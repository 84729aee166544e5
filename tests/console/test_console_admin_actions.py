"""Admin actions through the console's forms, against a real server: revoking a device, setting a deadline;
each refused to a viewer and written to the audit log."""

from __future__ import annotations

from contextlib import closing

from tests.console.console_server import ConsoleServer, csrf_of


def test_revoking_a_device(console: ConsoleServer) -> None:
    device = console.enroll("XA-THUHOI")
    key_id = next(line for line in console.admin("device", "list", "XA-THUHOI").splitlines() if "XA-THUHOI" in line
                  ).split("\t")[1]
    with closing(console.login("viewer")) as viewer:
        token = csrf_of(viewer.get("/console/agencies").text)
        assert viewer.post("/console/devices/revoke", data={"csrf": token, "key_id": key_id, "reason": "x"}
                           ).status_code == 403
    with closing(console.login("admin")) as admin:
        page = admin.get("/console/agencies").text
        assert f'data-key="{key_id}"' in page
        answer = admin.post("/console/devices/revoke", data={"csrf": csrf_of(page), "key_id": key_id,
                                                              "reason": "Máy bị mất"})
        assert answer.status_code == 303
        assert "đã thu hồi" in admin.get("/console/agencies").text
        assert "Máy bị mất" in console.admin("device", "list", "XA-THUHOI")
        assert "admin" in admin.get("/console/audit").text
    with device.client() as client:
        try:
            client.pull_assignments(None)
        except Exception as exc:  # the revoked key is refused by the device API
            assert "revoked" in str(exc).lower() or "thu hồi" in str(exc).lower()
        else:
            raise AssertionError("a revoked device was served")


def test_setting_a_deadline(console: ConsoleServer) -> None:
    with closing(console.login("officer")) as officer:
        token = csrf_of(officer.get("/console/schedule").text)
        assert officer.post("/console/schedule", data={"csrf": token, "period": "2027Q2", "deadline": "10/06/2027"}
                            ).status_code == 403
    with closing(console.login("admin")) as admin:
        token = csrf_of(admin.get("/console/schedule").text)
        answer = admin.post("/console/schedule", data={"csrf": token, "period": "2027Q2", "deadline": "10/06/2027"})
        assert answer.status_code == 303
        page = admin.get("/console/schedule").text
        assert "2027Q2" in page and "10/06/2027" in page
        bad = admin.post("/console/schedule", data={"csrf": token, "period": "2027Q2", "deadline": "31/02/2027"})
        assert bad.status_code == 400 and 'id="error"' in bad.text
    assert "10/06/2027" in console.admin("schedule", "list")


def test_an_overlong_plan_number_is_refused_by_the_cli_and_the_console_alike(console: ConsoleServer) -> None:
    number = "594/KH-UBND " + "x" * 150  # cut to the first 100 characters it would name no published plan
    said = console.cli("schedule", "set", "2027Q3", "--deadline", "10/10/2027", "--plan", number, check=False)
    assert said.returncode != 0 and "The plan number is longer than 100 characters" in said.stderr, said
    with closing(console.login("admin")) as admin:
        token = csrf_of(admin.get("/console/schedule").text)
        answer = admin.post("/console/schedule", data={"csrf": token, "period": "2027Q3", "deadline": "10/10/2027",
                                                       "plan": number})
        assert answer.status_code == 400 and "Số hiệu kế hoạch dài quá 100 ký tự" in answer.text
    assert "2027Q3" not in console.admin("schedule", "list"), "nothing was set, not even under a cut number"


def test_the_schedule_commands_name_the_period_as_read(console: ConsoleServer) -> None:
    """`baocao-server schedule` said «Deadline for 2031Q2»; it names the period as the Lịch báo cáo page does."""
    said = console.cli("schedule", "set", "2031Q2", "--deadline", "10/06/2031").stdout
    assert said.strip() == "Deadline for Q2/2031: before 10/06/2031.", said
    said = console.cli("schedule", "clear", "2031Q2").stdout
    assert said.startswith("Removed the deadline for Q2/2031;"), said
    said = console.cli("schedule", "clear", "2031Q2", check=False).stdout
    assert said.strip() == "No deadline was set for Q2/2031.", said
