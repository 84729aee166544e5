"""English for the console's province settings, enrollment letter, consolidation warnings and roles
(merged into ``i18n.EN``)."""

from __future__ import annotations

EN: dict[str, str] = {
    "Cài đặt": "Settings",
    "Đã lưu cài đặt.": "Settings saved.",
    "Chưa đặt tên tỉnh: báo cáo tổng hợp của Sở chưa tạo được.":
        "The province's name is not set: the Department's consolidated report cannot be made.",
    "Chưa có địa chỉ máy chủ mà các xã kết nối được: thư cấp mã đăng ký sẽ báo thiếu địa chỉ.":
        "No server address the communes can reach is set: enrollment letters will say the address is missing.",
    "Tên tỉnh (ví dụ: Đồng Tháp)": "Province name (e.g. Đồng Tháp)",
    "Tên Sở": "Department's name",
    "Số điện thoại của Sở (in trên thư cấp mã đăng ký)":
        "The Department's phone number (printed on enrollment letters)",
    "Địa chỉ máy chủ cho các xã (https://…)": "Server address for the communes (https://…)",
    "Cũng đặt được bằng lệnh: baocao-server province set --name … --phone … --public-url …":
        "Also set with the command: baocao-server province set --name … --phone … --public-url …",
    "Cũng đặt được bằng lệnh: baocao-server province set --name … --phone … --public-url … --signer-name …":
        "Also set with the command: baocao-server province set --name … --phone … --public-url … --signer-name …",
    "Văn bản của Sở (Nghị định 30/2020)": "The Department's documents (Decree 30/2020)",
    "Ký hiệu của Sở (Số: …/BC-SKHCN)": "The Department's symbol (No. …/BC-SKHCN)",
    "Đơn vị soạn thảo (Số: …/SKHCN-VP; Lưu: VT, VP)": "Drafting unit (No. …/SKHCN-VP; «Lưu: VT, VP»)",
    "Chức vụ người ký": "Signer's title",
    "GIÁM ĐỐC": "DIRECTOR",
    "PHÓ GIÁM ĐỐC": "DEPUTY DIRECTOR",
    "KT. GIÁM ĐỐC": "FOR THE DIRECTOR",
    "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC": "DEPUTY DIRECTOR (signing for the Director)",
    "Họ và tên người ký": "Signer's full name",
    "Số văn bản để trống cho văn thư ghi khi phát hành.":
        "The document number is left blank for the records clerk to write when the document is issued.",
    "Số": "No.",
    "Nơi nhận": "Recipients",
    "- Như trên;": "- As above;",
    "(chưa đặt tên người ký — Cài đặt)": "(signer's name not set — Settings)",
    "Chưa đặt địa chỉ máy chủ cho các xã: thư này không ghi được địa chỉ. Quản trị viên đặt tại Cài đặt.":
        "No server address for the communes is set: this letter cannot give one. An administrator sets it in "
        "Settings.",
    "Địa chỉ máy chủ đã đặt chỉ dùng được trên chính máy chủ: các xã không kết nối được. Quản trị viên sửa tại "
    "Cài đặt.":
        "The server address set works only on the server itself: no commune can reach it. An administrator "
        "changes it in Settings.",
    "(chưa đặt tên tỉnh)": "(province name not set)",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": "SOCIALIST REPUBLIC OF VIET NAM",
    "Độc lập - Tự do - Hạnh phúc": "Independence - Freedom - Happiness",
    "THƯ CẤP MÃ ĐĂNG KÝ": "ENROLLMENT LETTER",
    "Kính gửi": "To",
    "Sở cấp cho quý cơ quan mã đăng ký máy tính để gửi báo cáo hằng quý:":
        "The Department issues your agency this code to enroll the computer that sends the quarterly reports:",
    "giờ Việt Nam": "Vietnam time",
    "Nhập mã này trong ứng dụng báo cáo: thẻ «Đồng bộ», ô «Mã đăng ký», rồi bấm «Đăng ký với Sở»; hoặc bằng dòng "
    "lệnh: baocao enroll.":
        "Type this code in the reporting app: the «Đồng bộ» (Sync) tab, the «Mã đăng ký» (Enrollment code) box, "
        "then press «Đăng ký với Sở» (Enroll with the Department); or on the command line: baocao enroll.",
    "(địa chỉ này các xã không kết nối được)": "(no commune can reach this address)",
    "chưa đặt — hãy hỏi Sở trước khi cài đặt": "not set — ask the Department before installing",
    "Khi cài đặt, hãy gọi điện cho Sở để đối chiếu các mã kiểm tra dưới đây trước khi bấm Đồng ý.":
        "When installing, phone the Department to compare the check codes below before you press Accept.",
    "Số điện thoại của Sở": "The Department's phone number",
    "chưa đặt": "not set",
    "Mã kiểm tra khóa ký của Sở (ký biên nhận)": "Check code of the Department's signing key (receipts)",
    "Mã kiểm tra khóa nhận tệp mã hóa": "Check code of the key for encrypted files",
    "Mã kiểm tra khóa nhận tệp mã hóa (lai)": "Check code of the key for encrypted files (hybrid)",
    "Đọc to và so từng nhóm 4 ký tự; chỉ cần một nhóm khác là phải dừng, không bấm Đồng ý.":
        "Read each group of 4 characters aloud and compare; if any group differs, stop and do not press Accept.",
    "Chưa đặt tên tỉnh: báo cáo tổng hợp chưa tạo được (thiếu «UBND tỉnh …» và nơi gửi).":
        "The province's name is not set: the consolidated report cannot be made (it would lack «UBND tỉnh …» "
        "and its addressee).",
    "Đặt tên tỉnh tại trang Cài đặt": "Set the province's name on the Settings page",
    "Hãy nhờ quản trị viên đặt tên tỉnh tại trang Cài đặt.":
        "Ask an administrator to set the province's name on the Settings page.",
    "hoặc bằng lệnh": "or with the command",
    "Mới nhận {0}/{1} báo cáo: báo cáo tổng hợp sẽ chỉ ghi là chưa có báo cáo nào và liệt kê các cơ quan chưa gửi.":
        "{0} of {1} reports received: the consolidated report will only say that no report is in yet and list "
        "the agencies that have not sent one.",
    "Mới nhận {0}/{1} báo cáo: các số liệu chỉ tính các báo cáo đã nhận; các cơ quan chưa gửi được liệt kê.":
        "{0} of {1} reports received: the figures count only the reports received; the agencies that have not "
        "sent one are listed.",
    "Mới nhận {0}/{1} báo cáo. Vẫn tạo báo cáo tổng hợp?":
        "{0} of {1} reports received. Make the consolidated report anyway?",
}
