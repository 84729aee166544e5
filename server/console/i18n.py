"""The console's one string catalogue: Vietnamese source text → English.

Templates and routes write ``_("Vietnamese text")``; in English the catalogue's entry is shown (a
missing entry shows the Vietnamese text, and a test fails). The language is the ``baocao_lang``
cookie, Vietnamese unless it says "en".
"""

from __future__ import annotations

from collections.abc import Callable

from server.console.i18n_province import EN as _PROVINCE_EN

LANG_COOKIE = "baocao_lang"
LANGUAGES = ("vi", "en")

EN: dict[str, str] = {
    **_PROVINCE_EN,
    "Cổng quản trị báo cáo": "Reporting console",
    "Sở Khoa học và Công nghệ": "Department of Science and Technology",
    "Đăng nhập": "Log in",
    "Đăng xuất": "Log out",
    "Tên đăng nhập": "User name",
    "Mật khẩu": "Password",
    "Kỳ báo cáo": "Reporting period",
    "Báo cáo": "Report",
    "Chỉ tiêu": "Indicators",
    "Nhiệm vụ": "Tasks",
    "Cơ quan": "Agencies",
    "Kế hoạch": "Plans",
    "Lịch báo cáo": "Reporting calendar",
    "Nhập từ USB": "Import from USB",
    "Tổng hợp": "Consolidation",
    "Nhật ký": "Audit log",
    "Xem": "Show",
    "In": "Print",
    "Lọc": "Filter",
    "Tất cả": "All",
    "Trạng thái": "Status",
    "Mã": "Code",
    "Tên cơ quan": "Agency name",
    "Loại": "Kind",
    "Lần": "Revision",
    "Nhận lúc": "Received",
    "Lần đồng bộ gần nhất": "Last sync seen",
    "Thiết bị": "Devices",
    "chưa gửi": "not sent",
    "đã gửi đúng hạn": "sent on time",
    "trễ hạn": "late",
    "bị từ chối": "rejected",
    "đang chờ": "in progress",
    "Tỷ lệ báo cáo": "Reporting rate",
    "Tỷ lệ đúng hạn": "On-time rate",
    "Hạn nộp": "Deadline",
    "Số cơ quan": "Agencies",
    "Danh sách cơ quan cần nhắc": "Agencies to remind",
    "In danh sách cần nhắc": "Print the reminder list",
    "Không có cơ quan nào.": "No agencies.",
    "Các lần gửi": "Revisions",
    "Thay đổi so với lần trước": "Changes from the previous revision",
    "Không có thay đổi.": "No changes.",
    "Tải PDF": "Download PDF",
    "Tải biên nhận": "Download the receipt",
    "Minh chứng": "Evidence",
    "Tải về": "Download",
    "Nội dung": "Content",
    "Trước": "Before",
    "Sau": "After",
    "Tóm tắt": "Summary",
    "Khó khăn, vướng mắc": "Difficulties",
    "Đề xuất, kiến nghị": "Proposals",
    "Tiến độ": "Percent done",
    "Kết quả": "Result",
    "Vai trò": "Role",
    "Chủ trì": "Lead",
    "Phối hợp": "Coordinator",
    "Đơn vị tính": "Unit",
    "Chỉ tiêu giao": "Target",
    "Giá trị": "Value",
    "Khó khăn": "Difficulties",
    "Đánh giá": "Assessment",
    "Ghi chú, giải trình": "Notes, explanation",
    "Kết quả thực hiện các chỉ tiêu": "Indicator results",
    "Đạt": "Met",
    "Chưa đạt": "Not met",
    "không có chỉ tiêu": "no target",
    "Không có chỉ tiêu": "No target",
    "Số cơ quan báo cáo": "Agencies reporting",
    "Số cơ quan đạt": "Agencies meeting it",
    "Bình quân": "Mean",
    "Ghi chú của cơ quan phối hợp": "Coordinators' notes",
    "Cơ quan chủ trì chưa báo cáo ({0}): {1}": "Leads not reported yet ({0}): {1}",
    "Cơ quan chủ trì: {0} — không báo cáo qua hệ thống.": "Lead: {0} — does not report through the system.",
    "trang": "page",
    "dòng": "row",
    "Thêm cơ quan": "Add an agency",
    "Tên": "Name",
    "Trực thuộc": "Parent",
    "Điện thoại": "Phone",
    "Thêm": "Add",
    "Cấp mã đăng ký": "Issue an enrollment code",
    "Số ngày hiệu lực": "Days valid",
    "Thư cấp mã đăng ký": "Enrollment letter",
    "Mã đăng ký": "Enrollment code",
    "Địa chỉ máy chủ": "Server address",
    "Hết hạn": "Expires",
    "In thư": "Print the letter",
    "Mã chỉ dùng được một lần, cho một máy.": "The code works once, for one computer.",
    "Tải lên tệp kế hoạch (Excel, Word hoặc PDF)": "Upload a plan file (Excel, Word or PDF)",
    "Tệp": "File",
    "Đọc thử": "Preview",
    "Xem trước kế hoạch": "Plan preview",
    "Cảnh báo": "Warnings",
    "Không có cảnh báo.": "No warnings.",
    "Công bố": "Publish",
    "Đã công bố": "Published",
    "Các phiên bản đã công bố": "Published versions",
    "Số hiệu": "Number",
    "Tiêu đề": "Title",
    "Ngày công bố": "Published on",
    "Kế hoạch đã có, không đổi.": "This plan is already published; nothing changed.",
    "Đã công bố kế hoạch.": "The plan is published.",
    "Hãy tải lên tệp Word (.docx) hoặc Excel (.xlsx) gốc của kế hoạch: bảng nhiệm vụ và chỉ tiêu trong đó đọc "
    "được chính xác. Bản PDF chỉ đọc được khi có lớp chữ (không phải bản scan) và bảng kẻ ô rõ ràng.":
        "Upload the plan's original Word (.docx) or Excel (.xlsx) file: its task and indicator tables are read "
        "exactly. A PDF can only be read when it has a text layer (not a scan) and clearly ruled tables.",
    "Đã công bố Kế hoạch {number} ({tasks} nhiệm vụ, {indicators} chỉ tiêu) cho {agencies} cơ quan.":
        "Plan {number} ({tasks} tasks, {indicators} indicators) is published to {agencies} agencies.",
    "Kế hoạch {number} đã được công bố với đúng nội dung này; không có gì thay đổi.":
        "Plan {number} is already published with exactly this content; nothing changed.",
    "Công bố Kế hoạch {number} ({tasks} nhiệm vụ, {indicators} chỉ tiêu) cho {agencies} cơ quan?":
        "Publish plan {number} ({tasks} tasks, {indicators} indicators) to {agencies} agencies?",
    "Công bố Kế hoạch {number} ({tasks} nhiệm vụ, {indicators} chỉ tiêu)? Chưa có cơ quan nào; cơ quan thêm sau "
    "sẽ nhận kế hoạch khi đồng bộ.":
        "Publish plan {number} ({tasks} tasks, {indicators} indicators)? There is no agency yet; agencies added "
        "later receive the plan when they sync.",
    "Đã công bố Kế hoạch {number} ({tasks} nhiệm vụ, {indicators} chỉ tiêu). Chưa có cơ quan nào; cơ quan thêm "
    "sau sẽ nhận kế hoạch khi đồng bộ.":
        "Plan {number} ({tasks} tasks, {indicators} indicators) is published. There is no agency yet; agencies "
        "added later receive the plan when they sync.",
    "Chưa công bố kế hoạch nào.": "No plan is published yet.",
    "Phiên bản đã công bố ngày": "Published version of",
    "chỉ xem, không sửa được": "read-only",
    "Thời hạn hoàn thành": "Completion deadline",
    "Không có phiên bản kế hoạch này.": "There is no such plan version.",
    "Hạn nộp báo cáo theo kỳ": "Deadlines per period",
    "Kỳ": "Period",
    "Kỳ số liệu": "Data window",
    "Nộp trước ngày": "Due before",
    "Tải lên tệp xuất mã hoá (.bcx)": "Upload an encrypted export (.bcx)",
    "Nhập": "Import",
    "Tải biên nhận (.bcr)": "Download the receipt (.bcr)",
    "Kết quả nhập": "Import result",
    "Bảng tổng hợp (.xlsx)": "Summary workbook (.xlsx)",
    "Báo cáo tổng hợp của Sở (PDF)": "The Department's consolidated report (PDF)",
    "Báo cáo tổng hợp của Sở (.docx)": "The Department's consolidated report (.docx)",
    "Tạo": "Generate",
    "Không có quyền thực hiện thao tác này.": "You are not allowed to do this.",
    "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Hãy tải lại trang.":
        "The session has expired or the form is not valid. Reload the page.",
    "Đăng nhập quá nhiều lần. Hãy thử lại sau.": "Too many login attempts. Try again later.",
    "Lỗi": "Error",
    "Quay lại": "Back",
    "Thời gian": "Time",
    "Người thực hiện": "Who",
    "Thao tác": "Action",
    "Chi tiết": "Detail",
    "Thu hồi": "Revoke",
    "Đã thu hồi thiết bị.": "The device was revoked.",
    "đã thu hồi": "revoked",
    "Thu hồi thiết bị này? Máy này sẽ không gửi báo cáo được nữa.":
        "Revoke this device? That computer will no longer be able to send reports.",
    "Lý do": "Reason",
    "Đặt hạn nộp": "Set a deadline",
    "Hạn do Sở đặt": "Deadlines set by the Department",
    "Hạn đang áp dụng": "Deadlines in force",
    "Tài khoản": "Accounts",
    "Thêm tài khoản": "Add an account",
    "Đã thêm tài khoản.": "Account added.",
    "Đã khoá tài khoản.": "Account disabled.",
    "Người xem": "Viewer",
    "Chuyên viên": "Officer",
    "Quản trị viên": "Administrator",
    "đã khoá": "disabled",
    "hoạt động": "active",
    "Khoá": "Disable",
    "Mở khoá": "Enable",
    "(tài khoản của bạn)": "(your account)",
    "Vai trò mới": "New role",
    "Đổi vai trò": "Change role",
    "Đặt lại mật khẩu": "Reset a password",
    "Mật khẩu mới": "New password",
    "Đã mở khoá tài khoản.": "Account enabled.",
    "Đã đổi vai trò.": "Role changed.",
    "Đã đặt lại mật khẩu.": "Password reset.",
    "Đổi vai trò, đặt lại mật khẩu hay khoá tài khoản đều đăng xuất tài khoản đó khỏi mọi máy.":
        "Changing a role, resetting a password or disabling an account logs that account out everywhere.",
    "ít nhất 10 ký tự": "at least 10 characters",
    "Nhập lại mật khẩu": "Repeat the password",
    "Kế hoạch (để trống: mọi kế hoạch)": "Plan (empty: every plan)",
    "Lưu": "Save",
    "Đã lưu hạn nộp.": "The deadline is saved.",
    # Enrollment state (server/console/agencies.py) and «chưa cài đặt» on the dashboard
    "Cài đặt": "Installed",
    "đã cài đặt": "installed",
    "máy": "devices",
    "chưa cài đặt": "not installed",
    "Mã chờ dùng: cấp {issued}, hết hạn {expires}": "Code waiting: issued {issued}, expires {expires}",
    "Mã cấp {issued} đã dùng cho máy «{device}»": "Code issued {issued} was used by device «{device}»",
    "Mã cấp {issued} bị khoá vì nhập sai nhiều lần": "Code issued {issued} is locked after too many wrong tries",
    "Mã cấp {issued} đã hết hạn {expires}, chưa dùng": "Code issued {issued} expired {expires}, unused",
    "Cơ quan này còn {count} mã chưa dùng (mã gần nhất hết hạn {expires}). Cấp mã mới không huỷ mã cũ: mỗi mã "
    "vẫn cài được một máy đến khi hết hạn. Cấp thêm một mã?":
        "Unused codes this agency still holds: {count} (the latest expires {expires}). A new code does not cancel "
        "the old ones: each can still install one device until it expires. Issue another code?",
    "Mỗi mã đăng ký cài được một máy, một lần, trước khi hết hạn (giờ Việt Nam). Cấp mã mới không huỷ mã cũ còn "
    "hạn.": "Each enrollment code installs one device, once, before it expires (Vietnam time). A new code does not "
            "cancel old codes still valid.",
    "chưa có báo cáo": "no report yet",
    "Chưa có kế hoạch hay báo cáo nào trong kỳ.": "No plan is published and no report came in for this period.",
    "Đã thêm cơ quan {name} ({code}).": "Agency {name} ({code}) added.",
    "Đã xoá hạn nộp; hạn theo kế hoạch áp dụng lại.": "The deadline is removed; the plan's deadline applies again.",
    "Đổi hạn": "Change",
    "Xoá": "Remove",
    "Xoá hạn này? Hạn theo kế hoạch sẽ áp dụng lại.": "Remove this deadline? The plan's deadline will apply again.",
    "Sở chưa đặt hạn nào; hạn theo kế hoạch áp dụng.":
        "The department has set no deadline; the plan's deadlines apply.",
    "Nộp trước ngày (ngày/tháng/năm; với «hằng năm»: ngày/tháng)":
        "Due before (day/month/year; for «every year»: day/month)",
    "Đặt lại hạn cho cùng một kỳ sẽ thay hạn cũ.": "Setting a deadline again for the same period replaces the old one.",
    # Which period opens, the plan's early deadline (server/console/period_choice.py)
    "Kỳ đang tổng hợp": "Period being consolidated",
    "hạn nộp đã qua; trang này mở kỳ này cho đến khi kỳ số liệu của kỳ sau bắt đầu":
        "its deadline has passed; this page opens on it until the next period's data window starts",
    "Hạn nộp rơi trước ngày cuối của kỳ số liệu. Đây là lựa chọn của kế hoạch, không phải lỗi: Quyết định "
    "3256/QĐ-UBND (mục III.9) đặt hạn Quý I trước ngày 20/02, Quý II trước ngày 20/05, Quý III trước ngày 20/9 "
    "và Quý IV, gồm cả số liệu cả năm, trước ngày 01/12 hằng năm; kỳ số liệu theo Nghị định 09/2019/NĐ-CP là từ "
    "ngày 15 tháng trước quý đến ngày 14 tháng cuối quý.":
        "The deadline falls before the last day of the data window. The plan chose it, it is not a mistake: "
        "Decision 3256/QĐ-UBND (section III.9) sets Q1 before 20/02, Q2 before 20/05, Q3 before 20/9 and Q4, with "
        "the full-year figures, before 01/12 every year; by Decree 09/2019/NĐ-CP a data window runs from the 15th "
        "of the month before the quarter to the 14th of its last month.",
    "Mở": "Open",
    "Biểu đồ giá trị so với chỉ tiêu giao": "Values against the target",
    "Ký lúc": "Signed",
    "Nguồn": "Source",
    "mạng": "network",
    "Tỉnh": "Province",
    "Xã, phường": "Commune",
    "Sở, ngành": "Department",
    "Khác": "Other",
    # Digital signatures on the report PDF (server/summary_data.py, signed_state)
    "Đã ký số": "Digitally signed",
    "Đủ (người ký, cơ quan)": "Complete (signer, agency)",
    "Chưa đủ chữ ký": "Not all signatures",
    "Không hợp lệ": "Not valid",
    "Chứng thư không tin cậy": "Certificate not trusted",
}


def translator(language: str) -> Callable[[str], str]:
    """``_`` for templates: the English entry in English, the Vietnamese text itself otherwise."""
    if language == "en":
        return lambda text: EN.get(text, text)
    return lambda text: text


def language_of(cookie: str | None) -> str:
    """The page language from the cookie's value."""
    return "en" if cookie == "en" else "vi"
