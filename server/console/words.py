"""The words the console shows for stored codes: the audit log's actions, who did them and what on, and the
staff roles. A code the console does not know is shown as it was stored (an older server's action)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.periods import Period, PeriodError

ROLE_LABELS = {"viewer": "Người xem", "officer": "Chuyên viên", "admin": "Quản trị viên"}
ROLE_LABELS_EN = {"viewer": "Viewer", "officer": "Officer", "admin": "Administrator"}

ACTIONS: dict[str, tuple[str, str]] = {
    "login": ("Đăng nhập", "Logged in"),
    "login_refused": ("Đăng nhập bị từ chối", "Login refused"),
    "logout": ("Đăng xuất", "Logged out"),
    "agency_add": ("Thêm cơ quan", "Added an agency"),
    "enroll_code": ("Cấp mã đăng ký", "Issued an enrollment code"),
    "device.revoke": ("Thu hồi thiết bị", "Revoked a device"),
    "plan_publish": ("Công bố kế hoạch", "Published a plan"),
    "plan_publish_unchanged": ("Công bố lại kế hoạch (không đổi)", "Published a plan again (unchanged)"),
    "schedule.set": ("Đặt hạn nộp", "Set a deadline"),
    "schedule.clear": ("Bỏ hạn nộp", "Removed a deadline"),
    "usb_import": ("Nhập báo cáo từ USB", "Imported a report from USB"),
    "device_enroll": ("Đăng ký máy của cơ quan", "Enrolled an agency's PC"),
    "report_receive": ("Nhận báo cáo", "Received a report"),
    "consolidated_report": ("Tạo báo cáo tổng hợp", "Generated the consolidated report"),
    "user_add": ("Thêm tài khoản", "Added an account"),
    "user_disable": ("Khoá tài khoản", "Disabled an account"),
    "user_enable": ("Mở khoá tài khoản", "Enabled an account"),
    "user_role": ("Đổi vai trò", "Changed a role"),
    "user_reset_password": ("Đặt lại mật khẩu", "Reset a password"),
    "province.set": ("Đổi cài đặt của tỉnh", "Changed the province's settings"),
}
_SETTINGS = {"name": ("tên tỉnh", "province name"), "department": ("tên Sở", "department's name"),
             "phone": ("số điện thoại", "phone number"), "public_url": ("địa chỉ máy chủ", "server address"),
             "symbol": ("ký hiệu của Sở", "department's symbol"),
             "drafting_unit": ("đơn vị soạn thảo", "drafting unit"),
             "signer_title": ("chức vụ người ký", "signer's title"), "signer_name": ("người ký", "signer's name")}
_USB = {"accepted": ("đã nhận", "accepted"), "duplicate": ("đã có", "already received"),
        "rejected": ("bị từ chối", "rejected")}
_FORMATS = {"pdf": "PDF", "docx": "Word (.docx)"}


@dataclass(frozen=True)
class AuditLine:
    """One audit log entry in words."""

    actor: str
    action: str
    detail: str


def role_label(role: str, lang: str) -> str:
    """«Quản trị viên» / «Administrator»; an unknown role as stored."""
    return (ROLE_LABELS_EN if lang == "en" else ROLE_LABELS).get(role, role)


def audit_line(actor: str, action: str, detail: str, lang: str) -> AuditLine:
    """The entry as an inspector reads it: «dòng lệnh (root)», «Tạo báo cáo tổng hợp», «Quý IV năm 2026, PDF»."""
    words = ACTIONS.get(action)
    return AuditLine(_actor(actor, lang), (words[1] if lang == "en" else words[0]) if words else action,
                     _detail(action, detail, lang))


def _actor(actor: str, lang: str) -> str:
    if actor == "cli" or actor.startswith("cli:"):
        who = actor[4:]
        return ("command line" if lang == "en" else "dòng lệnh") + (f" ({who})" if who else "")
    return actor


def _detail(action: str, detail: str, lang: str) -> str:
    words = detail.split()
    if action == "consolidated_report" and len(words) == 2:
        return f"{_period(words[0], lang)}, {_FORMATS.get(words[1], words[1])}"
    if action in ("user_add", "user_role") and len(words) == 2:
        return f"{words[0]}, {role_label(words[1], lang)}"
    if action == "usb_import" and len(words) == 2 and words[1] in _USB:
        return f"{words[0]}: {_USB[words[1]][lang == 'en']}"
    if action == "device_enroll" and len(words) == 2:
        return f"{words[0]}, {'device key' if lang == 'en' else 'khoá thiết bị'} {words[1]}"
    if action == "report_receive" and len(words) == 4:
        return _received(words, lang)
    if action.startswith("schedule.") and len(words) == 1:
        return _period(words[0], lang)
    if action == "province.set":
        return ", ".join(_SETTINGS[k][lang == "en"] if k in _SETTINGS else k for k in detail.split(", "))
    return detail


def _received(words: list[str], lang: str) -> str:
    """ "DT-MYHIEP, Quý IV năm 2026, lần 1, qua mạng"."""
    agency, period, revision, source = words
    if lang == "en":
        return f"{agency}, {_period(period, lang)}, revision {revision}, {_SOURCES.get(source, (source, source))[1]}"
    return f"{agency}, {_period(period, lang)}, lần {revision}, {_SOURCES.get(source, (source, source))[0]}"


_SOURCES = {"network": ("qua mạng", "over the network"), "usb": ("từ USB", "from USB")}


def _period(code: str, lang: str) -> str:
    if len(code) == 2 and code[0] == "Q" and code[1] in "1234":
        roman = ("I", "II", "III", "IV")[int(code[1]) - 1]
        return f"Q{code[1]} every year" if lang == "en" else f"Quý {roman} hằng năm"
    try:
        return Period.parse(code).label(lang)
    except PeriodError:
        return code
