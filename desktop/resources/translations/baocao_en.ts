<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
    <context>
        <name>DataWindow</name>
        <message>
            <location filename="../../views/data_window.py" />
            <source>Số liệu báo cáo tính từ ngày {0} đến ngày {1} (kỳ lấy số liệu của tỉnh).</source>
            <translation>The report's figures cover {0} to {1} (the province's data period).</translation>
        </message>
        <message>
            <location filename="../../views/data_window.py" />
            <source>Chưa đến kỳ số liệu (bắt đầu {0}): có thể soạn trước, chưa nên ký.</source>
            <translation>The data period has not started (it starts {0}): you can draft the report, but do not sign it yet.</translation>
        </message>
        <message>
            <location filename="../../views/data_window.py" />
            <source>Sở yêu cầu gửi trước khi kỳ số liệu kết thúc; số liệu từ ngày ký đến ngày {0} là số ước thực hiện.</source>
            <translation>The province asks for the report before the data period ends; figures from the day it is signed to {0} are estimates.</translation>
        </message>
    </context>
    <context>
        <name>IssueCounts</name>
        <message numerus="yes">
            <location filename="../../views/issue_counts.py" />
            <source>%n mục chưa nhập</source>
            <translation>
                <numerusform>%n item not answered</numerusform>
                <numerusform>%n items not answered</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/issue_counts.py" />
            <source>%n lỗi</source>
            <translation>
                <numerusform>%n error</numerusform>
                <numerusform>%n errors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/issue_counts.py" />
            <source>, %n cảnh báo</source>
            <translation>
                <numerusform>, %n warning</numerusform>
                <numerusform>, %n warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/issue_counts.py" />
            <source>%n mục chưa nhập, </source>
            <translation>
                <numerusform>%n item not answered yet, </numerusform>
                <numerusform>%n items not answered yet, </numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/issue_counts.py" />
            <source>chưa nhập hết thì chưa ký được</source>
            <translation>it cannot be signed until every item is answered</translation>
        </message>
        <message>
            <location filename="../../views/issue_counts.py" />
            <source>còn lỗi thì chưa ký được</source>
            <translation>it cannot be signed while errors remain</translation>
        </message>
    </context>
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../views/about_dialog.py" line="75" />
            <source>Giới thiệu baocao</source>
            <translation>About baocao</translation>
        </message>
        <message>
            <location filename="../../views/about_dialog.py" line="88" />
            <source>Thành phần</source>
            <translation>Component</translation>
        </message>
        <message>
            <location filename="../../views/about_dialog.py" line="88" />
            <source>Phiên bản</source>
            <translation>Version</translation>
        </message>
        <message>
            <location filename="../../views/about_dialog.py" line="88" />
            <source>Dùng để</source>
            <translation>Used for</translation>
        </message>
        <message>
            <location filename="../../views/about_dialog.py" line="88" />
            <source>Giấy phép</source>
            <translation>Licence</translation>
        </message>
        <message>
            <location filename="../../views/about_dialog.py" line="89" />
            <source>Báo cáo nhiệm vụ, chỉ tiêu hằng quý của xã, phường gửi Sở Khoa học và Công nghệ.</source>
            <translation>Quarterly task and indicator reports of communes and wards to the provincial Department of Science and Technology.</translation>
        </message>
        <message>
            <location filename="../../views/about_dialog.py" line="90" />
            <source>Phần mềm mã nguồn mở, giấy phép MIT.</source>
            <translation>Open-source software under the MIT licence.</translation>
        </message>
        <message>
            <location filename="../../views/about_dialog.py" line="91" />
            <source>Qt và PySide6 được dùng theo giấy phép LGPL phiên bản 3: người dùng có quyền thay các thư viện này bằng bản khác; mã nguồn của chúng có tại</source>
            <translation>Qt and PySide6 are used under the LGPL version 3: users may replace these libraries with other versions; their source code is at</translation>
        </message>
        <message>
            <location filename="../../views/about_dialog.py" line="93" />
            <source>Các thành phần chính</source>
            <translation>Main components</translation>
        </message>
    </context>
    <context>
        <name>AutoSync</name>
        <message>
            <location filename="../../views/auto_sync.py" line="82" />
            <location filename="../../views/auto_sync.py" line="134" />
            <source>Tự động đồng bộ</source>
            <translation>Automatic sync</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/auto_sync.py" line="102" />
            <source>Sở đã nhận %Ln báo cáo; biên nhận đã lưu.</source>
            <translation>
                <numerusform>The province received %Ln report; receipt kept.</numerusform>
                <numerusform>The province received %Ln reports; receipts kept.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/auto_sync.py" line="104" />
            <source>%Ln báo cáo bị Sở từ chối, cần xem lại (mục Đồng bộ).</source>
            <translation>
                <numerusform>%Ln report refused by the province, needs attention (Sync tab).</numerusform>
                <numerusform>%Ln reports refused by the province, need attention (Sync tab).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/auto_sync.py" line="140" />
            <source>Tự động đồng bộ: tắt. Chờ gửi: {0}; cần xem lại: {1}.</source>
            <translation>Automatic sync: off. Waiting to send: {0}; needing attention: {1}.</translation>
        </message>
        <message>
            <location filename="../../views/auto_sync.py" line="143" />
            <source>chưa có</source>
            <translation>none yet</translation>
        </message>
        <message>
            <location filename="../../views/auto_sync.py" line="144" />
            <source>đang đồng bộ</source>
            <translation>syncing now</translation>
        </message>
        <message>
            <location filename="../../views/auto_sync.py" line="145" />
            <source>Đồng bộ thành công gần nhất: {0}. Lần thử tới: {1}. Chờ gửi: {2}; cần xem lại: {3}.</source>
            <translation>Last successful sync: {0}. Next try: {1}. Waiting to send: {2}; needing attention: {3}.</translation>
        </message>
        <message>
            <location filename="../../views/auto_sync.py" line="148" />
            <source>Chưa kết nối được với Sở ({0} lần).</source>
            <translation>The province could not be reached ({0} tries).</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <location filename="../../views/dashboard_view.py" line="81" />
            <source>Đang tải tổng quan…</source>
            <translation>Loading the overview…</translation>
        </message>
        <message>
            <location filename="../../views/dashboard_view.py" line="84" />
            <source>Tổng quan</source>
            <translation>Overview</translation>
        </message>
        <message>
            <location filename="../../views/dashboard_view.py" line="109" />
            <source>Chưa sẵn sàng</source>
            <translation>Not ready yet</translation>
        </message>
        <message>
            <location filename="../../views/dashboard_view.py" line="146" />
            <source>Nhiệm vụ quá hạn ({0})</source>
            <translation>Overdue tasks ({0})</translation>
        </message>
        <message>
            <location filename="../../views/dashboard_view.py" />
            <source>chủ trì</source>
            <translation>leads it</translation>
        </message>
        <message>
            <location filename="../../views/dashboard_view.py" />
            <source>phối hợp</source>
            <translation>takes part</translation>
        </message>
        <message>
            <location filename="../../views/dashboard_view.py" />
            <source>{0} — {1} (hạn {2}; đơn vị mình {3}; cần ghi lý do và thời gian dự kiến hoàn thành mới)</source>
            <translation>{0} — {1} (due {2}; this agency {3}; write the reason and the new expected date)</translation>
        </message>
    </context>
    <context>
        <name>DigitalSignDialog</name>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="50" />
            <source>Ký số báo cáo</source>
            <translation>Digitally sign the report</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="50" />
            <source>Ký số tệp PDF</source>
            <translation>Digitally sign a PDF file</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="60" />
            <source>&amp;Ký số</source>
            <translation>&amp;Sign digitally</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="70" />
            <source>Văn bản</source>
            <translation>Document</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="74" />
            <source>Người ký (ảnh chữ ký)</source>
            <translation>Signer (signature image)</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="75" />
            <source>Cơ quan — văn thư (ảnh con dấu)</source>
            <translation>Agency — clerk (seal image)</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="76" />
            <source>Ký với tư cách:</source>
            <translation>Sign as:</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="80" />
            <source>Tệp PDF cần ký:</source>
            <translation>PDF file to sign:</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="81" />
            <source>Phụ lục riêng (chữ ký cơ quan ở góc trên bên phải, không ảnh)</source>
            <translation>Separate appendix (agency signature at the top right, no image)</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="85" />
            <source>Số, ký hiệu văn bản, ví dụ 05/BC-UBND</source>
            <translation>Document number and symbol, e.g. 05/BC-UBND</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="87" />
            <source>Số, ký hiệu:</source>
            <translation>Number, symbol:</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="90" />
            <source>Lưu tệp đã ký:</source>
            <translation>Save the signed file:</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="94" />
            <source>Chứng thư số</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="96" />
            <source>Token (USB ký số)</source>
            <translation>Token (USB signing key)</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="98" />
            <source>Tệp khóa PKCS#12 (.p12, .pfx)</source>
            <translation>PKCS#12 key file (.p12, .pfx)</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="108" />
            <source>Đọc &amp;token</source>
            <translation>Read &amp;token</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="117" />
            <source>Token:</source>
            <translation>Token:</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="120" />
            <source>Chứng thư:</source>
            <translation>Certificate:</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="123" />
            <source>Tệp khóa:</source>
            <translation>Key file:</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="127" />
            <source>Mã PIN / mật khẩu:</source>
            <translation>PIN / password:</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="132" />
            <source>Ảnh theo Nghị định 30/2020 (chọn một lần, lưu mã hóa)</source>
            <translation>Images per Decree 30/2020 (chosen once, kept encrypted)</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="135" />
            <source>Ảnh chữ ký (PNG xanh, nền trong suốt):</source>
            <translation>Signature image (blue PNG, transparent):</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="136" />
            <source>Ảnh con dấu (PNG đỏ, nền trong suốt):</source>
            <translation>Seal image (red PNG, transparent):</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="138" />
            <source>Chọn ảnh…</source>
            <translation>Choose image…</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="152" />
            <source>Chọn…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="161" />
            <source>Tệp PDF cần ký</source>
            <translation>PDF file to sign</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="161" />
            <location filename="../../views/digital_sign_dialog.py" line="168" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="168" />
            <source>Lưu tệp đã ký</source>
            <translation>Save the signed file</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="173" />
            <source>Tệp khóa PKCS#12</source>
            <translation>PKCS#12 key file</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="174" />
            <source>Tệp khóa (*.p12 *.pfx);;Mọi tệp (*)</source>
            <translation>Key files (*.p12 *.pfx);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="180" />
            <source>Chọn ảnh</source>
            <translation>Choose an image</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="180" />
            <source>Ảnh PNG (*.png)</source>
            <translation>PNG images (*.png)</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="194" />
            <source>đã chọn</source>
            <translation>chosen</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="194" />
            <source>chưa chọn</source>
            <translation>not chosen</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="201" />
            <source>Đang đọc token…</source>
            <translation>Reading the token…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/digital_sign_dialog.py" line="215" />
            <source>Thấy %Ln token.</source>
            <translation>
                <numerusform>%Ln token found.</numerusform>
                <numerusform>%Ln tokens found.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="216" />
            <source>Không thấy token nào: hãy cắm token vào máy.</source>
            <translation>No token found: plug the token in.</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="224" />
            <source>{0} — do {1} cấp, hết hạn {2}</source>
            <translation>{0} — issued by {1}, expires {2}</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="240" />
            <source>Hãy chọn tệp cần ký và nơi lưu tệp đã ký.</source>
            <translation>Choose the file to sign and where to save the signed file.</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="290" />
            <source>Tệp «{0}» đã có (có thể là bản đã ký). Ghi đè lên tệp ấy?</source>
            <translation>The file «{0}» already exists (it may be a signed copy). Write over it?</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="350" />
            <source>Bước tiếp: văn thư ký số của cơ quan trên tệp này.</source>
            <translation>Next: the clerk adds the agency's digital signature to this file.</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="256" />
            <source>Đang ký…</source>
            <translation>Signing…</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="263" />
            <source>Đã ký số: {0} — {1} (do {2} cấp).</source>
            <translation>Signed: {0} — {1} (issued by {2}).</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="265" />
            <source>Văn bản ký số sẽ được gửi Sở (theo gói báo cáo) ở lần đồng bộ tới.</source>
            <translation>The signed document will go to the province (after the report's bundle) at the next sync.</translation>
        </message>
        <message>
            <location filename="../../views/digital_sign_dialog.py" line="285" />
            <source>Báo cáo in tên người ký «{0}» (thông tin cơ quan), nhưng chứng thư chọn là của «{1}». Chữ ký số là của người giữ chứng thư. Vẫn ký? (Nếu người ký đã đổi, sửa tên trong thông tin cơ quan rồi xuất lại PDF.)</source>
            <translation>The report prints «{0}» as the signer (agency details), but the certificate chosen is «{1}»'s. A digital signature is the certificate holder's. Sign anyway? (If the signer has changed, correct the name in the agency details and export the PDF again.)</translation>
        </message>
    </context>
    <context>
        <name>EvidencePanel</name>
        <message>
            <location filename="../../views/evidence_panel.py" line="1" />
            <source>Lần đã ký: minh chứng chỉ xem được.</source>
            <translation>Signed revision: the evidence can only be viewed.</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="45" />
            <source>Minh chứng</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="49" />
            <source>Tệp</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="49" />
            <source>Loại</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="49" />
            <source>Dung lượng</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="54" />
            <source>Đính &amp;kèm…</source>
            <translation>&amp;Attach…</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="56" />
            <source>&amp;Lưu bản sao và mở…</source>
            <translation>&amp;Save a copy and open…</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="58" />
            <source>&amp;Gỡ bỏ</source>
            <translation>Rem&amp;ove</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="60" />
            <source>Kéo thả tệp vào đây để đính kèm.</source>
            <translation>Drop files here to attach them.</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="76" />
            <source>mục {0}</source>
            <translation>item {0}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/evidence_panel.py" />
            <source>Minh chứng (%Ln tệp)</source>
            <translation>
                <numerusform>Evidence (%Ln file)</numerusform>
                <numerusform>Evidence (%Ln files)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="102" />
            <source>Chọn tệp minh chứng</source>
            <translation>Choose evidence files</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="122" />
            <source>Đang đính kèm {0}</source>
            <translation>Attaching {0}</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="133" />
            <source>Đính kèm minh chứng</source>
            <translation>Attach evidence</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="172" />
            <location filename="../../views/evidence_panel.py" line="178" />
            <source>Lưu bản sao minh chứng</source>
            <translation>Save a copy of the evidence</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="188" />
            <location filename="../../views/evidence_panel.py" line="200" />
            <source>Gỡ minh chứng</source>
            <translation>Remove evidence</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="189" />
            <source>Gỡ tệp «{0}» khỏi báo cáo?</source>
            <translation>Remove «{0}» from the report?</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="158" />
            <source>Tệp có thể chạy chương trình</source>
            <translation>File that can run a program</translation>
        </message>
        <message>
            <location filename="../../views/evidence_panel.py" line="159" />
            <source>«{0}» là chương trình hoặc tập lệnh: mở nó có thể chạy mã độc trên máy này. Vẫn lưu bản sao và mở?</source>
            <translation>«{0}» is a program or script: opening it may run malicious code on this PC. Save a copy and open it anyway?</translation>
        </message>
    </context>
    <context>
        <name>ExportDone</name>
        <message>
            <location filename="../../views/export_done.py" line="14" />
            <source>Đã xuất tệp</source>
            <translation>File exported</translation>
        </message>
        <message>
            <location filename="../../views/export_done.py" line="15" />
            <source>Đã xuất {0}</source>
            <translation>Exported {0}</translation>
        </message>
        <message>
            <location filename="../../views/export_done.py" line="18" />
            <source>&amp;Mở thư mục</source>
            <translation>&amp;Open folder</translation>
        </message>
        <message>
            <location filename="../../views/export_done.py" line="21" />
            <source>Đó&amp;ng</source>
            <translation>&amp;Close</translation>
        </message>
    </context>
    <context>
        <name>HelpWindow</name>
        <message>
            <location filename="../../views/help_window.py" line="50" />
            <source>Hướng dẫn sử dụng</source>
            <translation>User guide</translation>
        </message>
        <message>
            <location filename="../../views/help_window.py" line="54" />
            <source>Mục lục</source>
            <translation>Contents</translation>
        </message>
    </context>
    <context>
        <name>ItemForm</name>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="82" />
            <source>Dùng lại câu trả lời quý trước</source>
            <translation>Reuse last quarter's answer</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="94" />
            <source>◀ Mục trước</source>
            <translation>◀ Previous item</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="96" />
            <source>Ctrl+PgUp hoặc Alt+↑</source>
            <translation>Ctrl+PgUp or Alt+↑</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="97" />
            <source>Mục sau ▶</source>
            <translation>Next item ▶</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="99" />
            <source>Ctrl+PgDown hoặc Alt+↓</source>
            <translation>Ctrl+PgDown or Alt+↓</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="218" />
            <source>Lý do không thực hiện, khó khăn</source>
            <translation>Reason not done, difficulties</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="225" />
            <source>Kết quả dự kiến / sản phẩm: {0}</source>
            <translation>Expected result / output: {0}</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="227" />
            <source>chủ trì</source>
            <translation>lead</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="227" />
            <source>phối hợp</source>
            <translation>coordinator</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="228" />
            <source>Chủ trì: {0}
Phối hợp: {1}
Đơn vị mình: {2}</source>
            <translation>Lead: {0}
Coordinators: {1}
This agency: {2}</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="233" />
            <source>Nhóm: {0}</source>
            <translation>Group: {0}</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="235" />
            <source>theo dõi, chủ trì</source>
            <translation>monitors and leads</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="235" />
            <source>báo cáo số liệu của đơn vị</source>
            <translation>reports the agency's own figure</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="236" />
            <source>Đơn vị mình: {0}</source>
            <translation>This agency: {0}</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="238" />
            <source>Mục tiêu {0}: {1}</source>
            <translation>Target {0}: {1}</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="238" />
            <source>Chưa có mục tiêu.</source>
            <translation>No target yet.</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="244" />
            <source>Thời hạn: {0}</source>
            <translation>Deadline: {0}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/report_editor/item_form.py" line="250" />
            <source>hạn {0}, còn %Ln ngày</source>
            <translation>
                <numerusform>due {0}, %Ln day left</numerusform>
                <numerusform>due {0}, %Ln days left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/report_editor/item_form.py" line="251" />
            <source>hạn {0}, đã quá %Ln ngày</source>
            <translation>
                <numerusform>due {0}, %Ln day overdue</numerusform>
                <numerusform>due {0}, %Ln days overdue</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="255" />
            <source>Quý trước: chưa có câu trả lời.</source>
            <translation>Last quarter: no answer.</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="269" />
            <source>Quý trước: {0}</source>
            <translation>Last quarter: {0}</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="289" />
            <source>Tỷ lệ: {0}%</source>
            <translation>Rate: {0}%</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="368" />
            <source>Tỷ lệ: —</source>
            <translation>Rate: —</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="290" />
            <source>Giá trị: {0}</source>
            <translation>Value: {0}</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="294" />
            <source>đạt mục tiêu {0}</source>
            <translation>meets the target {0}</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" line="294" />
            <source>chưa đạt mục tiêu {0}</source>
            <translation>short of the target {0}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/report_editor/item_form.py" line="261" />
            <source>còn %Ln ngày</source>
            <translation>
                <numerusform>%Ln day left</numerusform>
                <numerusform>%Ln days left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/report_editor/item_form.py" line="261" />
            <source>đã quá %Ln ngày</source>
            <translation>
                <numerusform>%Ln day overdue</numerusform>
                <numerusform>%Ln days overdue</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_form.py" />
            <source>trước khi kỳ báo cáo này kết thúc ({0})</source>
            <translation>before this report's period ends ({0})</translation>
        </message>
    </context>
    <context>
        <name>ItemList</name>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="63" />
            <source>Tìm (không cần dấu)…</source>
            <translation>Search (accents optional)…</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="67" />
            <source>Mọi mục</source>
            <translation>All items</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="67" />
            <source>Tôi chủ trì</source>
            <translation>I lead</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="68" />
            <source>Tôi phối hợp</source>
            <translation>I coordinate</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="68" />
            <source>Chưa nhập</source>
            <translation>Not answered</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="69" />
            <source>Có lỗi hoặc cảnh báo</source>
            <translation>With errors or warnings</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="69" />
            <source>Quá hạn</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="74" />
            <source>Mục</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="74" />
            <source>Trạng thái</source>
            <translation>State</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="107" />
            <source>Mọi kế hoạch</source>
            <translation>All plans</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="158" />
            <source>Nhiệm vụ</source>
            <translation>Tasks</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/item_list.py" line="163" />
            <source>Chỉ tiêu</source>
            <translation>Indicators</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../views/main_window.py" line="1" />
            <source>Cơ quan &amp;báo cáo…</source>
            <translation>Reporting a&amp;gency…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="1" />
            <source>Chưa khai báo cơ quan báo cáo: hãy khai báo ở Công cụ › Cơ quan báo cáo… (hoặc đăng ký với Sở ở thẻ Đồng bộ).</source>
            <translation>No reporting agency yet: declare it under Tools › Reporting agency… (or enroll with the province in the Sync tab).</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="1" />
            <source>Cơ quan báo cáo: {0}.</source>
            <translation>Reporting agency: {0}.</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="1" />
            <source>Đã nhập Kế hoạch {0}: {1} nhiệm vụ, {2} chỉ tiêu.</source>
            <translation>Imported plan {0}: {1} tasks, {2} indicators.</translation>
        </message>
        <message>
            <source>baocao — Báo cáo nhiệm vụ, chỉ tiêu</source>
            <translation type="vanished">baocao — Task and indicator reports</translation>
        </message>
        <message>
            <source>&amp;Tổng quan</source>
            <translation type="vanished">&amp;Overview</translation>
        </message>
        <message>
            <source>&amp;Kế hoạch</source>
            <translation type="vanished">&amp;Plans</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="66" />
            <location filename="../../views/main_window.py" line="132" />
            <source>&amp;Báo cáo</source>
            <translation>&amp;Report</translation>
        </message>
        <message>
            <source>Đồng &amp;bộ</source>
            <translation type="vanished">&amp;Sync</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="85" />
            <source>Dữ liệu được mã hóa và tự động lưu sau mỗi thay đổi.</source>
            <translation>Data is encrypted and saved after every change.</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="100" />
            <source>&amp;Tệp</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="101" />
            <source>Xuất &amp;PDF…</source>
            <translation>Export &amp;PDF…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="102" />
            <source>Xuất &amp;Excel…</source>
            <translation>Export &amp;Excel…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="106" />
            <source>Xuất &amp;Word…</source>
            <translation>Export &amp;Word…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="103" />
            <source>Xuất tệp &amp;mã hóa gửi Sở…</source>
            <translation>Export en&amp;crypted file for the province…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="108" />
            <source>&amp;Nhập số liệu từ Excel…</source>
            <translation>&amp;Import figures from Excel…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="110" />
            <source>Xem trước và &amp;in…</source>
            <translation>Print pre&amp;view…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="112" />
            <source>&amp;Khóa</source>
            <translation>&amp;Lock</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="113" />
            <source>T&amp;hoát</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="120" />
            <source>&amp;Sửa</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="121" />
            <source>&amp;Hoàn tác</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="124" />
            <source>&amp;Làm lại</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="130" />
            <source>&amp;Tìm nhiệm vụ</source>
            <translation>&amp;Find task</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" />
            <source>Mục s&amp;au</source>
            <translation>Ne&amp;xt item</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" />
            <source>Mục &amp;trước</source>
            <translation>Pre&amp;vious item</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="133" />
            <source>&amp;Kiểm tra</source>
            <translation>&amp;Check</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="134" />
            <source>&amp;Phê duyệt và ký…</source>
            <translation>&amp;Approve and sign…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="136" />
            <source>&amp;Mở lần sửa đổi mới…</source>
            <translation>&amp;New revision…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="141" />
            <source>&amp;Xem</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="146" />
            <source>&amp;Công cụ</source>
            <translation>&amp;Tools</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="147" />
            <source>&amp;Cài đặt…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="150" />
            <source>T&amp;rợ giúp</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="151" />
            <source>&amp;Hướng dẫn sử dụng</source>
            <translation>&amp;User guide</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="153" />
            <source>&amp;Giới thiệu…</source>
            <translation>&amp;About…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="171" />
            <source>Mở báo cáo</source>
            <translation>Open report</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="207" />
            <source>Phê duyệt và ký</source>
            <translation>Approve and sign</translation>
        </message>
        <message>
            <source>Đã ký lần {0}; bản báo cáo đang chờ gửi Sở.</source>
            <translation type="vanished">Revision {0} signed; the report waits to be sent to the province.</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="232" />
            <source>Mở lần sửa đổi mới</source>
            <translation>New revision</translation>
        </message>
        <message>
            <source>Lý do sửa đổi báo cáo đã ký:</source>
            <translation type="vanished">Why the signed report is revised:</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="246" />
            <source>Xuất PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="298" />
            <source>Đã xuất {0}</source>
            <translation>Exported {0}</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="397" />
            <source>Đã nhập số liệu từ {0}: thay đổi {1} nhiệm vụ, {2} chỉ tiêu.</source>
            <translation>Took the figures of {0}: {1} task(s) and {2} indicator(s) changed.</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="254" />
            <source>Đang xuất PDF</source>
            <translation>Exporting PDF</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="259" />
            <source>Xuất Excel</source>
            <translation>Export Excel</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="265" />
            <source>Đang xuất Excel</source>
            <translation>Exporting Excel</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="280" />
            <source>Xuất Word</source>
            <translation>Export Word</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="286" />
            <source>Đang xuất Word</source>
            <translation>Exporting Word</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="285" />
            <source>Xuất tệp mã hóa</source>
            <translation>Export encrypted file</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="293" />
            <source>Đang xuất tệp mã hóa</source>
            <translation>Exporting the encrypted file</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="304" />
            <source>Nhập số liệu từ Excel</source>
            <translation>Import figures from Excel</translation>
        </message>
        <message>
            <source>Đang nhập số liệu</source>
            <translation type="vanished">Importing figures</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="138" />
            <source>Ký &amp;số tệp PDF…</source>
            <translation>Sign a PDF &amp;digitally…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="148" />
            <source>Nhập kế hoạch của &amp;tỉnh…</source>
            <translation>Import the province's pla&amp;n…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="56" />
            <source>Báo cáo nhiệm vụ, chỉ tiêu</source>
            <translation>Task and indicator reports</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="61" />
            <source>Tổng quan</source>
            <translation>Overview</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="62" />
            <source>Kế hoạch</source>
            <translation>Plans</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="63" />
            <source>Báo cáo</source>
            <translation>Report</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="64" />
            <source>Đồng bộ</source>
            <translation>Sync</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="140" />
            <source>Mở lần sửa đổi mới từ &amp;bản của Sở…</source>
            <translation>New revision from the &amp;province's copy…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="155" />
            <source>&amp;Sao lưu dữ liệu…</source>
            <translation>&amp;Back up the data…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="156" />
            <source>Khôi phục &amp;lịch sử báo cáo từ Sở…</source>
            <translation>Restore the report &amp;history from the province…</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="345" />
            <source>Đã sao lưu (vẫn mã hóa) vào {0}</source>
            <translation>Backed up (still encrypted) to {0}</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="220" />
            <source>Đã ký lần {0}. Báo cáo sẽ tự gửi Sở ở lần đồng bộ tới (hoặc bấm Đồng bộ ngay).</source>
            <translation>Revision {0} signed. The report will be sent to the province at the next sync (or press Sync now).</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="306" />
            <source>Đã mở lần sửa đổi {0}.</source>
            <translation>Revision {0} opened.</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="293" />
            <source>Tệp mã hóa gửi Sở (*.bcx)</source>
            <translation>Encrypted file for the province (*.bcx)</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" line="390" />
            <source>Báo cáo kỳ {0} đã được phê duyệt và ký; ở đây ký số tệp PDF của lần đã ký (người ký trước, cơ quan sau).</source>
            <translation>The {0} report is already approved and signed; here you sign the PDF of the signed revision digitally (the signer first, then the agency).</translation>
        </message>
        <message>
            <source>Nhập &amp;biên nhận của Sở…</source>
            <translation>Import the province's &amp;receipt…</translation>
        </message>
        <message>
            <source>Việc tiếp theo: chép tệp này vào USB và mang lên Sở (chỉ Sở mở được tệp). Sở nhận xong sẽ trả lại một tệp biên nhận (.bcr); khi nhận lại tệp biên nhận, dùng «Tệp › Nhập biên nhận của Sở…» (hoặc nút ở mục Đồng bộ) để ghi nhận.</source>
            <translation>Next: copy this file to a USB stick and take it to the province (only the province can open it). Once it is taken in, the province gives back a receipt file (.bcr); when you have it, use «File › Import the province's receipt…» (or the button in the Sync tab) to record it.</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" />
            <source>Báo cáo {0}</source>
            <translation>Report {0}</translation>
        </message>
        <message>
            <location filename="../../views/main_window.py" />
            <source>Mở báo cáo kỳ k&amp;hác…</source>
            <translation>Open an&amp;other period's report…</translation>
        </message>
    </context>
    <context>
        <name>NarrativePanel</name>
        <message>
            <source>Tình hình và &amp;kết quả chung</source>
            <translation type="vanished">&amp;Summary of results</translation>
        </message>
        <message>
            <location filename="../../views/narrative_panel.py" line="41" />
            <source>Khó khăn, &amp;vướng mắc</source>
            <translation>&amp;Difficulties</translation>
        </message>
        <message>
            <source>Đề &amp;xuất, kiến nghị</source>
            <translation type="vanished">&amp;Proposals</translation>
        </message>
        <message>
            <location filename="../../views/narrative_panel.py" line="82" />
            <source>Không lưu được</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <location filename="../../views/narrative_panel.py" line="40" />
            <source>Tình hình và kết &amp;quả chung</source>
            <translation>S&amp;ummary of results</translation>
        </message>
        <message>
            <location filename="../../views/narrative_panel.py" line="41" />
            <source>Đề x&amp;uất, kiến nghị</source>
            <translation>&amp;Proposals</translation>
        </message>
    </context>
    <context>
        <name>PeriodCardView</name>
        <message numerus="yes">
            <location filename="../../views/period_card.py" />
            <source>: đã ký ngày {0}, muộn %n ngày</source>
            <translation>
                <numerusform>: signed on {0}, %n day late</numerusform>
                <numerusform>: signed on {0}, %n days late</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" />
            <source>: đã ký đúng hạn ngày {0}</source>
            <translation>: signed on time on {0}</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" />
            <source>, chờ gửi Sở</source>
            <translation>, waiting to be sent to the province</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="42" />
            <source>Tình trạng:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="42" />
            <source>Kiểm tra:</source>
            <translation>Checks:</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="43" />
            <source>Gửi Sở:</source>
            <translation>Sent to province:</translation>
        </message>
        <message numerus="yes">
            <source>Hạn nộp trước ngày {0}: còn %n ngày</source>
            <translation type="vanished">
                <numerusform>Due before {0}: %n day left</numerusform>
                <numerusform>Due before {0}: %n days left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Hạn nộp trước ngày {0}: đã quá hạn %n ngày</source>
            <translation type="vanished">
                <numerusform>Due before {0}: %n day late</numerusform>
                <numerusform>Due before {0}: %n days late</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="66" />
            <source>Chưa có báo cáo kỳ này</source>
            <translation>No report for this period yet</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="69" />
            <source>Đã nhập {0}/{1} mục</source>
            <translation>{0}/{1} items filled</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="71" />
            <source>{0} lỗi, {1} cảnh báo</source>
            <translation>{0} errors, {1} warnings</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="74" />
            <source>Mở báo cáo &amp;quá hạn</source>
            <translation>Open the &amp;late report</translation>
        </message>
        <message>
            <source>Mở &amp;báo cáo</source>
            <translation type="vanished">Open &amp;report</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="75" />
            <source>Mở báo cáo &amp;kỳ sau</source>
            <translation>Open &amp;next period</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="79" />
            <source>Chưa bắt đầu</source>
            <translation>Not started</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="79" />
            <source>Đang soạn</source>
            <translation>Draft</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="80" />
            <source>Đã phê duyệt</source>
            <translation>Approved</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="80" />
            <source>Đã ký</source>
            <translation>Signed</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="80" />
            <source>Đã gửi</source>
            <translation>Sent</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="81" />
            <source>Sở đã nhận</source>
            <translation>Received by the province</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="83" />
            <source>{0} (lần {1})</source>
            <translation>{0} (revision {1})</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="87" />
            <source>Chưa có gì để gửi</source>
            <translation>Nothing to send yet</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="159" />
            <source>Lần {0} đã ký: {1}</source>
            <translation>Signed revision {0}: {1}</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="89" />
            <source>Sở đã nhận lúc {0}</source>
            <translation>Received by the province at {0}</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="90" />
            <source>Chờ gửi</source>
            <translation>Waiting to be sent</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="90" />
            <source>Đang gửi</source>
            <translation>Sending</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="90" />
            <source>Chờ biên nhận</source>
            <translation>Waiting for the receipt</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="91" />
            <source>Cần xử lý</source>
            <translation>Needs attention</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="74" />
            <source>&amp;Mở báo cáo</source>
            <translation>&amp;Open report</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="64" />
            <source>Hạn nộp trước ngày {0} (ngày cuối {1})</source>
            <translation>Due before {0} (last day {1})</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/period_card.py" line="69" />
            <source>: còn %n ngày</source>
            <translation>
                <numerusform>: %n day left</numerusform>
                <numerusform>: %n days left</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="71" />
            <source>: hôm nay là ngày cuối</source>
            <translation>: today is the last day</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/period_card.py" line="73" />
            <source>: đã quá hạn %n ngày</source>
            <translation>
                <numerusform>: %n day overdue</numerusform>
                <numerusform>: %n days overdue</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="89" />
            <source>Mở báo cá&amp;o kỳ trước</source>
            <translation>Open the &amp;previous report</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="94" />
            <source>Cần làm bây giờ</source>
            <translation>To do now</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="116" />
            <source>Sở công nhận đủ chữ ký số (người ký và cơ quan)</source>
            <translation>The province recognises both digital signatures (signer and agency)</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="117" />
            <source>Sở công nhận chữ ký của người ký; chưa có chữ ký số của cơ quan</source>
            <translation>The province recognises the signer's signature; the agency's digital signature is still missing</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="118" />
            <source>Sở không công nhận: chứng thư không thuộc gốc Sở tin cậy (xem mục Đồng bộ)</source>
            <translation>Not recognised by the province: the certificate does not chain to a root it trusts (see Sync)</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="119" />
            <source>Sở không công nhận: chữ ký số không hợp lệ (xem mục Đồng bộ)</source>
            <translation>Not recognised by the province: the digital signature is not valid (see Sync)</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="120" />
            <source>Tệp PDF đã ký chờ gửi Sở</source>
            <translation>Signed PDF waiting to go to the province</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" line="41" />
            <source>Ký số:</source>
            <translation>Digital signature:</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" />
            <source>Cần gửi Sở</source>
            <translation>To send to the province</translation>
        </message>
        <message>
            <location filename="../../views/period_card.py" />
            <source>Có thể soạn trước</source>
            <translation>Can be drafted now</translation>
        </message>
    </context>
    <context>
        <name>Pkcs11SettingsWidget</name>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="22" />
            <source>— chọn loại token —</source>
            <translation>— choose the token type —</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="30" />
            <source>Đường dẫn thư viện PKCS#11 (.dll / .so)</source>
            <translation>PKCS#11 library path (.dll / .so)</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="31" />
            <source>Chọn tệp…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="39" />
            <source>Không bắt buộc: http://… máy chủ dấu thời gian (RFC 3161)</source>
            <translation>Optional: http://… timestamp server (RFC 3161)</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="42" />
            <source>Loại token:</source>
            <translation>Token type:</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="43" />
            <source>Thư viện PKCS#11:</source>
            <translation>PKCS#11 library:</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="44" />
            <source>Máy chủ dấu thời gian:</source>
            <translation>Timestamp server:</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="52" />
            <source>Thư viện PKCS#11 của token</source>
            <translation>The token's PKCS#11 library</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="53" />
            <source>Thư viện (*.dll *.so *.dylib);;Mọi tệp (*)</source>
            <translation>Libraries (*.dll *.so *.dylib);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="62" />
            <source>Đọc &amp;token</source>
            <translation>Read &amp;token</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="76" />
            <source>Đang đọc token…</source>
            <translation>Reading the token…</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="81" />
            <source>Đọc token</source>
            <translation>Read token</translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="88" />
            <source>không có chứng thư</source>
            <translation>no certificate</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/pkcs11_settings.py" line="90" />
            <source>Thấy %Ln token.</source>
            <translation>
                <numerusform>%Ln token found.</numerusform>
                <numerusform>%Ln tokens found.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/pkcs11_settings.py" line="91" />
            <source>Không thấy token nào: hãy cắm token vào máy.</source>
            <translation>No token found: plug the token in.</translation>
        </message>
        <message>
            <source>Chứng thư gốc:</source>
            <translation>Root certificates:</translation>
        </message>
    </context>
    <context>
        <name>PlanBrowser</name>
        <message>
            <location filename="../../views/plan_browser.py" line="1" />
            <source>Máy này chưa khai báo cơ quan báo cáo: đây là toàn bộ các kế hoạch đã nhập, chỉ để đọc. Khai báo cơ quan để biết việc nào của mình và lập báo cáo.</source>
            <translation>No reporting agency is declared on this PC: these are all the imported plans, read-only. Declare the agency to see which items are yours and to write the report.</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="1" />
            <source>&amp;Khai báo cơ quan báo cáo…</source>
            <translation>&amp;Declare the reporting agency…</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="44" />
            <source>Tìm (không cần dấu): chuyen doi so…</source>
            <translation>Search (accents optional): chuyen doi so…</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="47" />
            <source>Mọi vai trò</source>
            <translation>Any role</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="48" />
            <source>Tôi chủ trì</source>
            <translation>I lead</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="49" />
            <source>Tôi phối hợp / báo cáo số liệu</source>
            <translation>I coordinate / report figures</translation>
        </message>
        <message>
            <source>Mọi cơ quan báo cáo số liệu của đơn vị mình cho từng chỉ tiêu; Sở tổng hợp.</source>
            <translation>Every agency reports its own figures for each indicator; the Department sums them up.</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="52" />
            <source>Mọi loại thời hạn</source>
            <translation>Any deadline kind</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="56" />
            <source>Chỉ &amp;quá hạn</source>
            <translation>&amp;Overdue only</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="58" />
            <source>Mục</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="58" />
            <source>Nhiệm vụ</source>
            <translation>Task</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="59" />
            <source>Vai trò</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="59" />
            <source>Chủ trì</source>
            <translation>Lead</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="60" />
            <source>Thời hạn</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="60" />
            <source>Tình trạng</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>&amp;Tìm:</source>
            <translation type="vanished">Sea&amp;rch:</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="98" />
            <source>Mọi phần</source>
            <translation>All sections</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="115" />
            <source>{0} / {1} nhiệm vụ</source>
            <translation>{0} / {1} tasks</translation>
        </message>
        <message>
            <location filename="../../views/plan_browser.py" line="72" />
            <source>Tì&amp;m:</source>
            <translation>&amp;Search:</translation>
        </message>
        <message>
            <source>STT</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Chỉ tiêu</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Đơn vị tính</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Mục tiêu</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Lĩnh vực</source>
            <translation>Area</translation>
        </message>
        <message>
            <source>Chỉ tiêu: {0} / {1}</source>
            <translation>Indicators: {0} / {1}</translation>
        </message>
    </context>
    <context>
        <name>PlanImportDialog</name>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Số</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Nhiệm vụ</source>
            <translation>Task</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Chủ trì</source>
            <translation>Lead</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Phối hợp</source>
            <translation>Coordinating</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Thời hạn</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>STT</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Chỉ tiêu</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Đơn vị tính</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Mục tiêu</source>
            <translation>Targets</translation>
        </message>
        <message>
            <source>Kết quả / sản phẩm</source>
            <translation>Result / product</translation>
        </message>
        <message>
            <source>Nhóm</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Cơ quan chủ trì theo dõi, đánh giá</source>
            <translation>Monitoring and assessing agency</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Không có cảnh báo.</source>
            <translation>No warnings.</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Nhiệm vụ (%1)</source>
            <translation>Tasks (%1)</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Chỉ tiêu (%1)</source>
            <translation>Indicators (%1)</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>nhiệm vụ</source>
            <translation>task</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>chỉ tiêu</source>
            <translation>indicator</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>tên nhiệm vụ</source>
            <translation>task title</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>chủ trì</source>
            <translation>lead</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>phối hợp</source>
            <translation>coordinating</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>thời hạn</source>
            <translation>deadline</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>kết quả</source>
            <translation>expected result</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>tên chỉ tiêu</source>
            <translation>indicator name</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>đơn vị tính</source>
            <translation>unit</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>mục tiêu</source>
            <translation>targets</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="1" />
            <source>Không đọc được tệp %1; chưa lưu gì.</source>
            <translation>Could not read %1; nothing was stored.</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="43" />
            <source>Nhập kế hoạch: %1</source>
            <translation>Import plan: %1</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="44" />
            <source>Đang đọc %1…</source>
            <translation>Reading %1…</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="51" />
            <source>&amp;Nhập</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="54" />
            <source>&amp;Hủy</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="59" />
            <source>Thay đổi so với bản đã lưu:</source>
            <translation>Changes from the stored version:</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="61" />
            <source>Cảnh báo:</source>
            <translation>Warnings:</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="66" />
            <source>Đang đọc kế hoạch</source>
            <translation>Reading the plan</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="74" />
            <source>Kế hoạch %1</source>
            <translation>Plan %1</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="78" />
            <source>Ngày ban hành: %1</source>
            <translation>Issued on: %1</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="79" />
            <source>Đọc được %1 phần, %2 nhiệm vụ, %3 chỉ tiêu.</source>
            <translation>Read %1 sections, %2 tasks, %3 indicators.</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="84" />
            <source>Kế hoạch mới: thêm %1 nhiệm vụ, %2 chỉ tiêu.</source>
            <translation>New plan: %1 tasks, %2 indicators added.</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="86" />
            <source>Không có gì thay đổi so với bản đã lưu.</source>
            <translation>Nothing changed from the stored version.</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="88" />
            <source>Thêm %1 %2: %3</source>
            <translation>Added %1 %2: %3</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="88" />
            <source>Bỏ %1 %2: %3</source>
            <translation>Removed %1 %2: %3</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="89" />
            <source>Sửa %1, %2: «%3» → «%4»</source>
            <translation>Changed %1, %2: «%3» → «%4»</translation>
        </message>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="109" />
            <source>Đang lưu kế hoạch</source>
            <translation>Storing the plan</translation>
        </message>
    </context>
    <context>
        <name>PrintPreview</name>
        <message>
            <location filename="../../views/print_preview.py" line="68" />
            <source>Xem trước khi in — {0}</source>
            <translation>Print preview — {0}</translation>
        </message>
    </context>
    <context>
        <name>ReopenDialog</name>
        <message>
            <location filename="../../views/reopen_dialog.py" line="44" />
            <source>Lý do dài quá {0} ký tự; hãy viết ngắn lại.</source>
            <translation>The reason is longer than {0} characters; make it shorter.</translation>
        </message>
        <message>
            <location filename="../../views/reopen_dialog.py" line="17" />
            <source>Mở lần sửa đổi mới</source>
            <translation>New revision</translation>
        </message>
        <message>
            <location filename="../../views/reopen_dialog.py" line="18" />
            <source>&amp;Lý do sửa đổi báo cáo đã ký:</source>
            <translation>&amp;Reason for revising the signed report:</translation>
        </message>
        <message>
            <location filename="../../views/reopen_dialog.py" line="38" />
            <source>Hãy ghi lý do sửa đổi: lý do được lưu cùng lần sửa đổi và gửi Sở.</source>
            <translation>Please give the reason: it is kept with the revision and sent to the province.</translation>
        </message>
    </context>
    <context>
        <name>ReportDelegate</name>
        <message>
            <source>«{0}» không phải là một số (ví dụ: 1.250 hoặc 99,5).</source>
            <translation type="vanished">«{0}» is not a number (e.g. 1,250 or 99.5).</translation>
        </message>
    </context>
    <context>
        <name>ReportEditor</name>
        <message>
            <location filename="../../views/report_editor/editor.py" line="1" />
            <source>Chưa lưu được ô đang nhập: hãy sửa theo lý do hiện ở ô rồi làm lại.</source>
            <translation>The field being typed in could not be saved: correct it as its message says, then try again.</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="1" />
            <source>Kéo sang phải để đọc tên mục dài hơn.</source>
            <translation>Drag to the right to read longer item names.</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="1" />
            <source>Lần này đã ký: danh sách chỉ để xem. Bấm vào một dòng để đến mục đó.</source>
            <translation>This revision is signed: the list is for reading. Click a line to go to its item.</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="58" />
            <source>Sửa «{0}» mục {1}</source>
            <translation>Edit «{0}» of item {1}</translation>
        </message>
        <message>
            <source>&amp;Nhiệm vụ</source>
            <translation type="vanished">&amp;Tasks</translation>
        </message>
        <message>
            <source>C&amp;hỉ tiêu</source>
            <translation type="vanished">&amp;Indicators</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="108" />
            <source>Từng &amp;mục</source>
            <translation>One ite&amp;m at a time</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="110" />
            <source>&amp;Nhiệm vụ (bảng)</source>
            <translation>Tas&amp;ks (table)</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="110" />
            <source>C&amp;hỉ tiêu (bảng)</source>
            <translation>&amp;Indicators (table)</translation>
        </message>
        <message>
            <source>Phần chun&amp;g</source>
            <translation type="vanished">&amp;General</translation>
        </message>
        <message>
            <source>Sửa đổi (mở &amp;lần mới)…</source>
            <translation type="vanished">Revise (open a &amp;new revision)…</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="200" />
            <source>&lt;b&gt;Báo cáo {0}&lt;/b&gt; — {1} — lần {2}</source>
            <translation>&lt;b&gt;Report {0}&lt;/b&gt; — {1} — revision {2}</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="214" />
            <source>Lần {0} đã ký nên chỉ xem được. Muốn sửa, hãy mở lần sửa đổi mới (cần ghi lý do).</source>
            <translation>Revision {0} is signed and read-only. To change it, open a new revision (a reason is required).</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="232" />
            <source>Không lưu được</source>
            <translation>Could not save</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="251" />
            <source>Đã lưu.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="273" />
            <source>Kiểm tra báo cáo</source>
            <translation>Check the report</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="282" />
            <source>Không kiểm tra được báo cáo.</source>
            <translation>The report could not be checked.</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="299" />
            <source>{0} lỗi, {1} cảnh báo</source>
            <translation>{0} errors, {1} warnings</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="114" />
            <source>&amp;Phần chung</source>
            <translation>&amp;General</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="126" />
            <source>Sử&amp;a đổi (mở lần mới)…</source>
            <translation>Revise (open a &amp;new revision)…</translation>
        </message>
        <message>
            <source>Mở báo cáo</source>
            <translation>Open report</translation>
        </message>
        <message>
            <source>Đang mở báo cáo…</source>
            <translation>Opening the report…</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" />
            <source>Đang mở báo cáo… Chờ một chút rồi nhập.</source>
            <translation>Opening the report… Wait a moment before typing.</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="142" />
            <source>Bấm vào một dòng (hoặc chọn rồi Enter) để đến mục cần sửa.</source>
            <translation>Click a line (or select it and press Enter) to go to the item to fix.</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="143" />
            <source>Bấm vào một dòng (hoặc chọn rồi Enter) để đến mục cần sửa. Lỗi đứng trước cảnh báo; còn lỗi thì chưa ký được.</source>
            <translation>Click a line (or select it and press Enter) to go to the item to fix. Errors come before warnings; the report cannot be signed while errors remain.</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" line="406" />
            <source>— (chọn một nhiệm vụ hoặc chỉ tiêu)</source>
            <translation>— (choose a task or an indicator)</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" />
            <source>Chọn kỳ để mở báo cáo của kỳ đó (những gì đang gõ được lưu trước).</source>
            <translation>Choose a period to open its report (what you are typing is saved first).</translation>
        </message>
        <message>
            <location filename="../../views/report_editor/editor.py" />
            <source>Kỳ bá&amp;o cáo:</source>
            <translation>Reporting &amp;quarter:</translation>
        </message>
    </context>
    <context>
        <name>ReportModels</name>
        <message>
            <source>Báo cáo số liệu</source>
            <translation>Reports its figures</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="57" />
            <location filename="../../views/report_models.py" line="75" />
            <source>Kế hoạch</source>
            <translation>Plan</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="54" />
            <source>Mục</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="55" />
            <source>Nhiệm vụ</source>
            <translation>Task</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="56" />
            <source>Vai trò</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="57" />
            <source>Thời hạn</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="58" />
            <source>Tình trạng</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="59" />
            <source>Tỷ lệ (%)</source>
            <translation>Percent (%)</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="60" />
            <source>Kết quả thực hiện</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="61" />
            <source>Khó khăn, vướng mắc</source>
            <translation>Difficulties</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="62" />
            <source>Đề xuất, kiến nghị</source>
            <translation>Proposals</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="63" />
            <location filename="../../views/report_models.py" line="80" />
            <source>Lý do không áp dụng</source>
            <translation>Reason not applicable</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="64" />
            <location filename="../../views/report_models.py" line="81" />
            <source>Minh chứng</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="71" />
            <source>STT</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="72" />
            <source>Chỉ tiêu</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="73" />
            <source>Đơn vị</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="74" />
            <source>Mục tiêu</source>
            <translation>Target</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="75" />
            <source>Tử số</source>
            <translation>Numerator</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="76" />
            <source>Mẫu số</source>
            <translation>Denominator</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="77" />
            <source>Giá trị</source>
            <translation>Value</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="78" />
            <source>Cấp độ</source>
            <translation>Level</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="79" />
            <source>Ghi chú, giải trình</source>
            <translation>Note, explanation</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="228" />
            <source>Chủ trì</source>
            <translation>Lead</translation>
        </message>
        <message>
            <location filename="../../views/report_models.py" line="228" />
            <source>Phối hợp</source>
            <translation>Coordinator</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../views/settings_dialog.py" line="75" />
            <source>Cài đặt</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../views/settings_dialog.py" line="84" />
            <source> phút</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../views/settings_dialog.py" line="85" />
            <source>Không tự khóa</source>
            <translation>Never lock</translation>
        </message>
        <message>
            <location filename="../../views/settings_dialog.py" line="91" />
            <source>Theo hệ thống</source>
            <translation>System default</translation>
        </message>
        <message>
            <location filename="../../views/settings_dialog.py" line="96" />
            <source>&amp;Ngôn ngữ:</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <location filename="../../views/settings_dialog.py" line="81" />
            <source>&amp;Tự khóa sau:</source>
            <translation>Lock &amp;after:</translation>
        </message>
        <message>
            <location filename="../../views/settings_dialog.py" line="97" />
            <source>&amp;Cỡ chữ:</source>
            <translation>&amp;Font size:</translation>
        </message>
        <message>
            <location filename="../../views/settings_dialog.py" line="101" />
            <source>Đổi ngôn ngữ có hiệu lực ngay sau khi bấm «Đồng ý».</source>
            <translation>A new language takes effect as soon as you press OK.</translation>
        </message>
        <message>
            <location filename="../../views/settings_dialog.py" line="111" />
            <source>Ký số (token USB)</source>
            <translation>Digital signing (USB token)</translation>
        </message>
        <message>
            <location filename="../../views/settings_dialog.py" line="95" />
            <source>Tắt</source>
            <translation>Off</translation>
        </message>
        <message>
            <location filename="../../views/settings_dialog.py" line="96" />
            <source>Tự động đồng &amp;bộ mỗi:</source>
            <translation>Automatic s&amp;ync every:</translation>
        </message>
    </context>
    <context>
        <name>SignDialog</name>
        <message>
            <location filename="../../views/sign_dialog.py" />
            <source>Chưa ký được: còn {0}.</source>
            <translation>Cannot sign yet: {0} left.</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" />
            <source>Lỗi đầu: {0}</source>
            <translation>First error: {0}</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" />
            <source>Mục đầu chưa nhập: {0}</source>
            <translation>First item not answered: {0}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/sign_dialog.py" />
            <source>Báo cáo hợp lệ (%n cảnh báo). Bấm «Ký» để phê duyệt và ký.</source>
            <translation>
                <numerusform>The report is valid (%n warning). Press «Sign» to approve and sign.</numerusform>
                <numerusform>The report is valid (%n warnings). Press «Sign» to approve and sign.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="47" />
            <source>Phê duyệt và ký báo cáo</source>
            <translation>Approve and sign the report</translation>
        </message>
        <message>
            <source>Những thay đổi so với lần ký trước ({0} thay đổi). Sau khi ký, lần này bị khóa và được xếp vào hàng đợi gửi Sở.</source>
            <translation type="vanished">Changes since the last signed revision ({0}). Once signed, this revision is frozen and queued for the province.</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="57" />
            <source>Mục</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="57" />
            <source>Nội dung</source>
            <translation>Content</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="57" />
            <source>Trường</source>
            <translation>Field</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="57" />
            <source>Trước</source>
            <translation>Before</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="58" />
            <source>Sau</source>
            <translation>After</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="71" />
            <source>Chưa ký được: còn {0} lỗi. Lỗi đầu: {1}</source>
            <translation>Cannot sign yet: {0} errors remain. First: {1}</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="75" />
            <source>Báo cáo hợp lệ ({0} cảnh báo). Bấm «Ký» để phê duyệt và ký.</source>
            <translation>The report is valid ({0} warnings). Press «Sign» to approve and sign.</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="82" />
            <source>&amp;Ký</source>
            <translation>&amp;Sign</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="85" />
            <source>Ký &amp;số…</source>
            <translation>Sign &amp;digitally…</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="115" />
            <source>Ký trước kỳ số liệu</source>
            <translation>Signing before the data window</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="118" />
            <source>&amp;Vẫn ký</source>
            <translation>&amp;Sign anyway</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="120" />
            <source>&amp;Chưa ký</source>
            <translation>&amp;Not yet</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="51" />
            <source>Đây là lần ký đầu tiên của báo cáo này: dưới đây là toàn bộ nội dung sẽ được ký: {0}.</source>
            <translation>This is the first signing of this report: below is everything that will be signed: {0}.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/sign_dialog.py" />
            <source>%Ln ô</source>
            <translation>
                <numerusform>%Ln field</numerusform>
                <numerusform>%Ln fields</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/sign_dialog.py" />
            <source>(%Ln mục)</source>
            <translation>
                <numerusform>(%Ln item)</numerusform>
                <numerusform>(%Ln items)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="54" />
            <source>Những thay đổi so với lần ký trước (lần {0}): {1} đã thay đổi.</source>
            <translation>Changes since the last signed revision (revision {0}): {1} changed.</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="56" />
            <source>Sau khi ký, lần này bị khóa và được xếp vào hàng đợi gửi Sở.</source>
            <translation>Once signed, this revision is frozen and queued for the province.</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="60" />
            <source>«Ký» là phê duyệt: khóa nội dung lần này bằng khóa của máy đã đăng ký và gửi Sở; báo cáo nào cũng phải «Ký». «Ký số…» là việc thêm, khi cơ quan dùng chữ ký số: ký tệp PDF của báo cáo bằng chứng thư số (USB token) của người ký và của cơ quan.</source>
            <translation>«Sign» is the approval: it freezes this revision with the enrolled PC's key and sends it to the province; every report must be signed this way. «Sign digitally…» is an extra step for agencies that use digital signatures: it signs the report's PDF with the signer's and the agency's certificates (USB token).</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="95" />
            <source>Ký tệp PDF của báo cáo bằng chứng thư số (USB token)</source>
            <translation>Sign the report's PDF with a digital certificate (USB token)</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="120" />
            <source>Phê duyệt và ký báo cáo này? Sau khi ký không sửa được nữa (muốn sửa phải mở lần mới), và bản đã ký sẽ được gửi Sở.</source>
            <translation>Approve and sign this report? Once signed it can no longer be edited (a change needs a new revision), and the signed copy will be sent to the province.</translation>
        </message>
        <message>
            <location filename="../../views/sign_dialog.py" line="124" />
            <source>&amp;Xem lại</source>
            <translation>&amp;Review</translation>
        </message>
        <message>
            <source>Xác nhận ký</source>
            <translation>Confirm signing</translation>
        </message>
    </context>
    <context>
        <name>SyncPanel</name>
        <message>
            <location filename="../../views/sync_panel.py" line="75" />
            <source>để trống: dùng proxy của hệ thống</source>
            <translation>empty: use the system proxy</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="77" />
            <source>&amp;Lưu cài đặt</source>
            <translation>&amp;Save settings</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="80" />
            <source>mã một lần do Sở cấp</source>
            <translation>one-time code from the province</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="81" />
            <source>Đăng &amp;ký với Sở</source>
            <translation>Enro&amp;ll with the province</translation>
        </message>
        <message>
            <source>Đồng &amp;bộ ngay</source>
            <translation type="vanished">Sync &amp;now</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="86" />
            <source>&amp;Dừng</source>
            <translation>St&amp;op</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="97" />
            <location filename="../../views/sync_panel.py" line="99" />
            <source>Kỳ</source>
            <translation>Period</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="97" />
            <location filename="../../views/sync_panel.py" line="99" />
            <source>Lần</source>
            <translation>Revision</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="97" />
            <source>Kết quả</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="99" />
            <source>Trạng thái</source>
            <translation>State</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="100" />
            <source>Sở nhận lúc</source>
            <translation>Received at</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="201" />
            <location filename="../../views/sync_panel.py" line="203" />
            <location filename="../../views/sync_panel.py" line="301" />
            <source>Sở đã nhận</source>
            <translation>Received by the province</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="201" />
            <source>Sở từ chối</source>
            <translation>Refused by the province</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="201" />
            <source>Chờ gửi</source>
            <translation>Waiting to be sent</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="202" />
            <source>Đang gửi</source>
            <translation>Sending</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="202" />
            <source>Chờ biên nhận</source>
            <translation>Waiting for the receipt</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="203" />
            <source>Cần xử lý</source>
            <translation>Needs attention</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="239" />
            <source>Đang kết nối với Sở…</source>
            <translation>Connecting to the province…</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="262" />
            <source>Đang dừng…</source>
            <translation>Stopping…</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="271" />
            <source>Đang gửi gói {0}/{1}: {2} / {3}</source>
            <translation>Sending bundle {0}/{1}: {2} / {3}</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="275" />
            <source>Đang hỏi Sở đã nhận những gói nào ({0} gói chờ gửi)…</source>
            <translation>Asking the province which bundles it already has ({0} waiting)…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/sync_panel.py" line="288" />
            <source>Đồng bộ xong: %Ln gói gửi đi, Sở đã nhận {0}.</source>
            <translation>
                <numerusform>Sync finished: %Ln bundle sent, {0} received by the province.</numerusform>
                <numerusform>Sync finished: %Ln bundles sent, {0} received by the province.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="291" />
            <source>Có nhiệm vụ mới từ Sở: {0}.</source>
            <translation>New assignments from the province: {0}.</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="301" />
            <source>Sở đã có từ trước</source>
            <translation>Already received by the province</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="302" />
            <source>Sở từ chối: cần xử lý</source>
            <translation>Refused by the province: needs attention</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="302" />
            <source>Chưa gửi được, sẽ thử lại</source>
            <translation>Not sent yet; will try again</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="303" />
            <source>Đã dừng</source>
            <translation>Stopped</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="98" />
            <location filename="../../views/sync_panel.py" line="100" />
            <source>Ghi chú</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="101" />
            <source>Kết quả lần đồng bộ vừa rồi</source>
            <translation>Outcome of the last sync</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="104" />
            <source>Máy chủ của Sở</source>
            <translation>Province server</translation>
        </message>
        <message>
            <source>Địa &amp;chỉ:</source>
            <translation type="vanished">&amp;Address:</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="106" />
            <source>&amp;Proxy:</source>
            <translation>&amp;Proxy:</translation>
        </message>
        <message>
            <source>Tệp &amp;CA:</source>
            <translation type="vanished">&amp;CA file:</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="113" />
            <source>&amp;Mã đăng ký:</source>
            <translation>Enrollment co&amp;de:</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="129" />
            <source>Biên nhận của Sở</source>
            <translation>Receipts from the province</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="216" />
            <source>Đã lưu cài đặt.</source>
            <translation>Settings saved.</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="224" />
            <source>Đăng ký với Sở</source>
            <translation>Enroll with the province</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="229" />
            <source>Đã đăng ký.</source>
            <translation>Enrolled.</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="159" />
            <location filename="../../views/sync_panel.py" line="252" />
            <source>Đồng bộ với Sở</source>
            <translation>Sync with the province</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="211" />
            <source>Ký số: hợp lệ</source>
            <translation>Signed: valid</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="211" />
            <source>Ký số: KHÔNG hợp lệ</source>
            <translation>Signed: NOT valid</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="212" />
            <source>Ký số: chứng thư không được Sở tin cậy</source>
            <translation>Signed: certificate not trusted by the province</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="213" />
            <source>Văn bản ký số: %1</source>
            <translation>Signed document: %1</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="106" />
            <source>Địa c&amp;hỉ:</source>
            <translation>&amp;Address:</translation>
        </message>
        <message>
            <source>Tệp C&amp;A:</source>
            <translation type="vanished">&amp;CA file:</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="83" />
            <source>Đồng bộ &amp;ngay</source>
            <translation>Sync &amp;now</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="324" />
            <source>Mở lần sửa đổi mới của kỳ {0} từ bản Sở đang giữ…</source>
            <translation>Open a new revision of {0} from the province's copy…</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="227" />
            <source>không cần: máy này đã đăng ký</source>
            <translation>not needed: this PC is enrolled</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="228" />
            <source>Máy này đã đăng ký với Sở, báo cáo cho {0} ({1}).
Gọi điện cho Sở để đối chiếu các mã này trước khi dùng (khác là phải dừng):
Mã kiểm tra khóa ký của Sở (ký biên nhận): {2}
Mã kiểm tra khóa nhận tệp mã hóa: {3}
Mã kiểm tra khóa nhận tệp mã hóa (lai): {4}</source>
            <translation>This PC is enrolled with the province, reporting for {0} ({1}).
Phone the province to compare these codes before use (stop if any differs):
Check code of the province's signing key (receipts): {2}
Check code of the key for encrypted files: {3}
Check code of the key for encrypted files (hybrid): {4}</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="128" />
            <source>để trống: dùng chứng thư HTTPS của hệ thống</source>
            <translation>leave empty: use the system's HTTPS certificates</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="129" />
            <source>Tệp chứng thư (PEM) của CA đã cấp chứng thư HTTPS cho máy chủ của Sở, chỉ khi Sở dặn dùng. Đây không phải chứng thư gốc để kiểm tra chữ ký số: chứng thư gốc ký số ở «Cài đặt › Ký số (token USB)».</source>
            <translation>The certificate file (PEM) of the CA that issued the province server's HTTPS certificate, only when the province tells you to use one. It is not a root for checking digital signatures: those are in «Settings › Digital signature (USB token)».</translation>
        </message>
        <message>
            <location filename="../../views/sync_panel.py" line="133" />
            <source>CA kết nối HTTPS (tệp P&amp;EM):</source>
            <translation>HTTPS connection &amp;CA (PEM file):</translation>
        </message>
        <message>
            <source>Nhập b&amp;iên nhận của Sở…</source>
            <translation>Import the province's rece&amp;ipt…</translation>
        </message>
        <message>
            <source>Tệp biên nhận (.bcr) Sở trả lại khi nhận tệp mã hóa gửi bằng USB</source>
            <translation>The receipt file (.bcr) the province gives back for an encrypted file brought on USB</translation>
        </message>
        <message>
            <source>mã đăng ký mới do Sở cấp</source>
            <translation>new enrollment code from the province</translation>
        </message>
        <message>
            <source>Nhập mã đăng ký mới của Sở rồi bấm «Đăng ký với Sở»: máy sẽ tạo khóa mới và đăng ký lại.</source>
            <translation>Type the province's new enrollment code and press «Enroll with the province»: the PC makes a new key and enrolls again.</translation>
        </message>
        <message>
            <source>Đã đăng ký lại với khóa mới; khóa cũ của máy vẫn bị Sở thu hồi.</source>
            <translation>Enrolled again with a new key; the PC's old key stays revoked.</translation>
        </message>
        <message>
            <source>Sở đã thu hồi máy cũ của cơ quan: {0}; từ nay Sở chỉ nhận báo cáo từ máy này.</source>
            <translation>The province revoked the agency's old PC(s): {0}; from now on it takes reports from this PC only.</translation>
        </message>
        <message>
            <source>Sở có {0} báo cáo cũ của cơ quan mà máy này chưa có: việc tiếp theo là «Công cụ › Khôi phục lịch sử báo cáo từ Sở…».</source>
            <translation>The province holds {0} past report(s) of the agency that this PC lacks: next, use «Tools › Restore the report history from the province…».</translation>
        </message>
        <message>
            <source>Sở có {0} báo cáo cũ của cơ quan mà máy này chưa có; hãy khôi phục lịch sử (menu Công cụ › «Khôi phục lịch sử báo cáo từ Sở…»).</source>
            <translation>The province holds {0} past report(s) of the agency this PC lacks; restore the history (Tools › «Restore the report history from the province…»).</translation>
        </message>
    </context>
    <context>
        <name>UnlockWindow</name>
        <message>
            <source>baocao — Mở khóa dữ liệu</source>
            <translation type="vanished">baocao — Unlock your data</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="61" />
            <source>Báo cáo nhiệm vụ, chỉ tiêu hằng quý</source>
            <translation>Quarterly task and indicator reports</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="83" />
            <source>&amp;Mở khóa</source>
            <translation>&amp;Unlock</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="86" />
            <source>&amp;Quên mật khẩu? Dùng khóa khôi phục</source>
            <translation>&amp;Forgot the passphrase? Use the recovery key</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="91" />
            <location filename="../../views/unlock_window.py" line="119" />
            <location filename="../../views/unlock_window.py" line="144" />
            <source>&amp;Người dùng:</source>
            <translation>U&amp;ser:</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="91" />
            <location filename="../../views/unlock_window.py" line="119" />
            <source>Mật &amp;khẩu:</source>
            <translation>&amp;Passphrase:</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="106" />
            <source>Lần đầu sử dụng: đặt mật khẩu để mã hóa dữ liệu trên máy này. Mật khẩu cần ít nhất 8 ký tự.</source>
            <translation>First use: choose a passphrase to encrypt the data on this PC. It needs at least 8 characters.</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="113" />
            <source>Nạp &amp;dữ liệu mẫu (xã Mỹ Hiệp) để dùng thử</source>
            <translation>Load the &amp;demo data (Mỹ Hiệp commune) to try it out</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="114" />
            <source>&amp;Tạo kho dữ liệu</source>
            <translation>&amp;Create the data store</translation>
        </message>
        <message>
            <source>&amp;Nhập lại mật khẩu:</source>
            <translation type="vanished">&amp;Repeat the passphrase:</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="130" />
            <source>Nhập khóa khôi phục đã in khi tạo kho, rồi đặt mật khẩu mới.</source>
            <translation>Enter the recovery key printed when the store was created, then choose a new passphrase.</translation>
        </message>
        <message>
            <source>Đặt &amp;mật khẩu mới</source>
            <translation type="vanished">Set a &amp;new passphrase</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="139" />
            <source>&amp;Quay lại</source>
            <translation>&amp;Back</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="142" />
            <source>&amp;Khóa khôi phục:</source>
            <translation>&amp;Recovery key:</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="144" />
            <source>Mật khẩu &amp;mới:</source>
            <translation>&amp;New passphrase:</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="146" />
            <source>Nhập &amp;lại:</source>
            <translation>Re&amp;peat:</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="159" />
            <source>Đây là KHÓA KHÔI PHỤC. Hãy in hoặc chép lại và cất giữ cẩn thận: nó chỉ hiện một lần và là cách duy nhất mở dữ liệu khi quên mật khẩu.</source>
            <translation>This is the RECOVERY KEY. Print or copy it and keep it safe: it is shown only once and is the only way to open the data if the passphrase is forgotten.</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="170" />
            <source>&amp;Chép vào bộ nhớ tạm</source>
            <translation>&amp;Copy to the clipboard</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="172" />
            <source>Tôi đã &amp;lưu khóa khôi phục ở nơi an toàn</source>
            <translation>I have &amp;kept the recovery key in a safe place</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="174" />
            <source>&amp;Tiếp tục</source>
            <translation>Co&amp;ntinue</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="202" />
            <source>; những gì đã nhập đều đã được lưu.</source>
            <translation>; everything you entered has been saved.</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" />
            <source>; một ô đang nhập có giá trị không hợp lệ nên chưa được lưu.</source>
            <translation>; a field you were typing in holds a value that was refused, so it was not saved.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../views/unlock_window.py" />
            <source>Ứng dụng đã tự khóa sau %Ln phút không dùng. Nhập lại mật khẩu để tiếp tục</source>
            <translation>
                <numerusform>The application locked itself after %Ln minute without use. Enter the passphrase again to continue</numerusform>
                <numerusform>The application locked itself after %Ln minutes without use. Enter the passphrase again to continue</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="215" />
            <source>Đang mở khóa…</source>
            <translation>Unlocking…</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="259" />
            <location filename="../../views/unlock_window.py" line="290" />
            <source>Hai mật khẩu không giống nhau.</source>
            <translation>The two passphrases differ.</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="243" />
            <source>Hãy nhập mật khẩu.</source>
            <translation>Please enter the passphrase.</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="53" />
            <source>Mở khóa dữ liệu</source>
            <translation>Unlock your data</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="121" />
            <source>Nhập &amp;lại mật khẩu:</source>
            <translation>&amp;Repeat the passphrase:</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="138" />
            <source>Đặ&amp;t mật khẩu mới</source>
            <translation>Se&amp;t a new passphrase</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="91" />
            <source>Khôi phục từ &amp;tệp sao lưu…</source>
            <translation>Restore from a &amp;backup file…</translation>
        </message>
        <message>
            <location filename="../../views/unlock_window.py" line="124" />
            <source>Máy mới? Khôi phục từ tệp &amp;sao lưu…</source>
            <translation>New PC? Restore from a &amp;backup file…</translation>
        </message>
    </context>
    <context>
        <name>Worker</name>
        <message>
            <location filename="../../views/worker.py" line="119" />
            <source>&amp;Hủy</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <location filename="../../views/worker.py" line="222" />
            <source>Lỗi không mong đợi ({0}).</source>
            <translation>Unexpected error ({0}).</translation>
        </message>
    </context>
    <context>
        <name>parent</name>
        <message>
            <location filename="../../views/plan_import_dialog.py" line="121" />
            <source>Nhập kế hoạch của tỉnh</source>
            <translation>Import the province's plan</translation>
        </message>
    </context>
    <context>
        <name>BackupActions</name>
        <message>
            <location filename="../../views/agency_history/backup_actions.py" line="23" />
            <source>Sao lưu dữ liệu</source>
            <translation>Back up the data</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/backup_actions.py" line="25" />
            <source>Tệp sao lưu baocao (*.zip)</source>
            <translation>baocao backup file (*.zip)</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/backup_actions.py" line="36" />
            <source>Đang sao lưu dữ liệu</source>
            <translation>Backing up the data</translation>
        </message>
    </context>
    <context>
        <name>ProvinceHistoryActions</name>
        <message>
            <location filename="../../views/agency_history/province_actions.py" line="39" />
            <source>Đang khôi phục lịch sử báo cáo từ Sở</source>
            <translation>Restoring the report history from the province</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/province_actions.py" line="43" />
            <source>Đã khôi phục {0} lần báo cáo từ Sở ({1} đã có sẵn trên máy), {2} tệp minh chứng.</source>
            <translation>Restored {0} report revision(s) from the province ({1} already on this PC), {2} evidence file(s).</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/province_actions.py" line="48" />
            <source>{0} dòng không có trong kế hoạch trên máy này nên không chép.</source>
            <translation>{0} row(s) are not in this PC's plans and were not copied.</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/province_actions.py" line="50" />
            <source>Khôi phục lịch sử báo cáo</source>
            <translation>Restore the report history</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/province_actions.py" line="56" />
            <source>Mở lần sửa đổi mới từ bản của Sở</source>
            <translation>New revision from the province's copy</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/province_actions.py" line="67" />
            <source>Đã mở lần {0} của kỳ {1} từ bản Sở đang giữ; sửa, ký rồi gửi lại.</source>
            <translation>Opened revision {0} of {1} from the province's copy; edit, sign and send it.</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/province_actions.py" line="73" />
            <source>Đang lấy bản của Sở</source>
            <translation>Fetching the province's copy</translation>
        </message>
    </context>
    <context>
        <name>RestoreBackupDialog</name>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="50" />
            <source>Khôi phục từ tệp sao lưu</source>
            <translation>Restore from a backup file</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="53" />
            <source>&amp;Chọn tệp…</source>
            <translation>&amp;Choose file…</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="57" />
            <source>Dùng &amp;khóa khôi phục (quên mật khẩu cũ)</source>
            <translation>Use the recovery &amp;key (old passphrase forgotten)</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="60" />
            <source>&amp;Mật khẩu lúc sao lưu:</source>
            <translation>&amp;Passphrase at backup time:</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="76" />
            <source>&amp;Tệp sao lưu:</source>
            <translation>Backup &amp;file:</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="79" />
            <source>&amp;Người dùng:</source>
            <translation>&amp;User:</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="84" />
            <source>Mật khẩu &amp;mới:</source>
            <translation>&amp;New passphrase:</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="86" />
            <source>Nhập &amp;lại mật khẩu mới:</source>
            <translation>Re&amp;peat the new passphrase:</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="91" />
            <source>Tệp sao lưu vẫn được mã hóa; cần mật khẩu lúc sao lưu hoặc khóa khôi phục đã in.</source>
            <translation>The backup file stays encrypted: it needs the passphrase used when it was made, or the printed recovery key.</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="95" />
            <source>Máy này đã có kho dữ liệu: kho hiện có được giữ lại bên cạnh, không bị xóa.</source>
            <translation>This PC already has a store: it is kept beside the restored one, not deleted.</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="105" />
            <source>Khóa khôi &amp;phục:</source>
            <translation>&amp;Recovery key:</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="112" />
            <source>Chọn tệp sao lưu</source>
            <translation>Choose the backup file</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="113" />
            <source>Tệp sao lưu baocao (*.zip);;Mọi tệp (*)</source>
            <translation>baocao backup file (*.zip);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="120" />
            <source>Hãy chọn tệp sao lưu.</source>
            <translation>Choose the backup file.</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="122" />
            <source>Hãy nhập khóa khôi phục.</source>
            <translation>Please enter the recovery key.</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="122" />
            <source>Hãy nhập mật khẩu.</source>
            <translation>Please enter the passphrase.</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="124" />
            <source>Mật khẩu mới cần ít nhất 8 ký tự.</source>
            <translation>The new passphrase needs at least 8 characters.</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="126" />
            <source>Hai mật khẩu không giống nhau.</source>
            <translation>The two passphrases differ.</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="157" />
            <source>Đang khôi phục dữ liệu</source>
            <translation>Restoring the data</translation>
        </message>
        <message>
            <location filename="../../views/agency_history/restore_backup_dialog.py" line="166" />
            <source>Đã hủy; không thay đổi gì.</source>
            <translation>Cancelled; nothing was changed.</translation>
        </message>
    </context>
    <context>
        <name>CheckReport</name>
        <message numerus="yes">
            <location filename="../../views/check_action.py" />
            <source>Kiểm tra xong: không có lỗi, %n cảnh báo (vẫn ký được).</source>
            <translation>
                <numerusform>Check done: no errors, %n warning (it can still be signed).</numerusform>
                <numerusform>Check done: no errors, %n warnings (it can still be signed).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../views/check_action.py" line="51" />
            <source>Không kiểm tra được báo cáo. Hãy thử lại (F5).</source>
            <translation>The report could not be checked. Try again (F5).</translation>
        </message>
        <message>
            <location filename="../../views/check_action.py" line="18" />
            <source>Kiểm tra xong: không có lỗi, không có cảnh báo.</source>
            <translation>Check done: no errors, no warnings.</translation>
        </message>
        <message>
            <location filename="../../views/check_action.py" line="20" />
            <source>Kiểm tra xong: không có lỗi, {0} cảnh báo (vẫn ký được).</source>
            <translation>Check done: no errors, {0} warning(s) (it can still be signed).</translation>
        </message>
        <message>
            <location filename="../../views/check_action.py" line="22" />
            <source>Kiểm tra xong: {0} lỗi, {1} cảnh báo. Còn lỗi thì chưa ký được.</source>
            <translation>Check done: {0} error(s), {1} warning(s). It cannot be signed while errors remain.</translation>
        </message>
        <message>
            <location filename="../../views/check_action.py" line="29" />
            <source>Chưa mở báo cáo nào để kiểm tra.</source>
            <translation>No report is open to check.</translation>
        </message>
        <message>
            <location filename="../../views/check_action.py" line="32" />
            <source>Đang kiểm tra báo cáo…</source>
            <translation>Checking the report…</translation>
        </message>
        <message>
            <location filename="../../views/check_action.py" />
            <source>Kiểm tra xong: {0}; {1}.</source>
            <translation>Check done: {0}; {1}.</translation>
        </message>
    </context>
    <context>
        <name>IndicatorHints</name>
        <message>
            <location filename="../../views/indicator_hints.py" line="19" />
            <source>Tử số: phần đã đạt (ví dụ số hồ sơ giải quyết trực tuyến).</source>
            <translation>Numerator: the part achieved (e.g. the number of applications handled online).</translation>
        </message>
        <message>
            <location filename="../../views/indicator_hints.py" line="20" />
            <source>Mẫu số: tổng số (ví dụ tổng số hồ sơ). Tỷ lệ = Tử số / Mẫu số.</source>
            <translation>Denominator: the total (e.g. all applications). Rate = numerator / denominator.</translation>
        </message>
        <message>
            <location filename="../../views/indicator_hints.py" line="21" />
            <source>Giá trị: con số của chỉ tiêu đếm được (số lượng). Với chỉ tiêu tỷ lệ, ô này tự hiện tỷ lệ tính từ Tử số và Mẫu số.</source>
            <translation>Value: the figure of a counted indicator (a quantity). For a rate indicator this cell shows the rate computed from the numerator and denominator.</translation>
        </message>
        <message>
            <location filename="../../views/indicator_hints.py" line="23" />
            <source>Cấp độ: chỉ dùng cho chỉ tiêu đo bằng mức (ví dụ «Mức độ chuyển đổi số»): ghi số mức, như 3 hoặc «Mức 3»; các chỉ tiêu khác để trống.</source>
            <translation>Level: only for indicators measured in levels (e.g. «Digital transformation level»): write the level number, such as 3 or «Mức 3»; leave it empty for other indicators.</translation>
        </message>
    </context>
    <context>
        <name>NextStep</name>
        <message>
            <location filename="../../views/next_step_text.py" line="25" />
            <source>Báo cáo {0} đã gửi và Sở đã nhận. Chưa có việc cần làm.</source>
            <translation>The {0} report was sent and the province received it. Nothing to do now.</translation>
        </message>
        <message>
            <location filename="../../views/next_step_text.py" line="27" />
            <source>Việc cần làm ngay: báo cáo {0} đã quá hạn; hãy hoàn thành, ký và gửi Sở.</source>
            <translation>To do now: the {0} report is overdue; complete it, sign it and send it to the province.</translation>
        </message>
        <message>
            <location filename="../../views/next_step_text.py" line="30" />
            <source>Việc cần làm bây giờ: hoàn thành, ký và gửi báo cáo {0}, hạn nộp trước ngày {1}; số liệu tính từ ngày {2} đến ngày {3}.</source>
            <translation>To do now: complete, sign and send the {0} report, due before {1}; figures from {2} to {3}.</translation>
        </message>
        <message>
            <location filename="../../views/next_step_text.py" line="34" />
            <source>Kỳ số liệu chưa bắt đầu: có thể soạn trước, nhưng nên ký khi đã có đủ số liệu.</source>
            <translation>The data period has not started yet: you can draft now, but sign once all the figures are in.</translation>
        </message>
        <message>
            <location filename="../../views/next_step_text.py" line="37" />
            <source>Việc cần làm bây giờ: báo cáo {0} đã ký, đang chờ gửi Sở. Ứng dụng tự gửi khi có kết nối (mục Đồng bộ); không có mạng thì dùng Tệp → Xuất tệp mã hóa gửi Sở.</source>
            <translation>To do now: the {0} report is signed and waiting to be sent. The app sends it by itself when connected (Sync tab); without a network use File → Export encrypted file for the province.</translation>
        </message>
        <message>
            <source>Việc cần làm bây giờ: báo cáo {0} đã ký, nhưng máy này đã bị Sở thu hồi nên Sở không nhận gì gửi từ máy này, kể cả tệp USB. Hãy xin Sở mã đăng ký mới và đăng ký lại ở mục Đồng bộ, rồi mở lần sửa đổi mới và ký lại.</source>
            <translation>To do now: the {0} report is signed, but the province revoked this PC, so it takes nothing sent from it, USB files included. Ask the province for a new enrollment code and enroll again in the Sync tab, then open a new revision and sign it again.</translation>
        </message>
    </context>
    <context>
        <name>TrustRootsRow</name>
        <message>
            <source>Thêm chứng thư &amp;gốc…</source>
            <translation>Add a &amp;root certificate…</translation>
        </message>
        <message>
            <source>Chưa có chứng thư gốc nào: đồng bộ với Sở, hoặc thêm tệp Sở gửi (.pem).</source>
            <translation>No root certificate yet: sync with the province, or add the file it sent (.pem).</translation>
        </message>
        <message>
            <source>Chứng thư gốc tin cậy: %1 (thêm trên máy này: %2).</source>
            <translation>Trusted root certificates: %1 (added on this PC: %2).</translation>
        </message>
        <message>
            <source>Chứng thư gốc tin cậy</source>
            <translation>Trusted root certificate</translation>
        </message>
        <message>
            <source>Chứng thư (*.pem *.crt *.cer);;Mọi tệp (*)</source>
            <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
        </message>
        <message>
            <source>Đã thêm: %1.</source>
            <translation>Added: %1.</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDetail</name>
        <message>
            <location filename="../../views/receipt_detail.py" line="26" />
            <source>&amp;Gửi lại văn bản ký số</source>
            <translation>Send the signed document a&amp;gain</translation>
        </message>
        <message>
            <location filename="../../views/receipt_detail.py" line="49" />
            <source>Việc cần làm: đọc lý do Sở từ chối ở trên, mở báo cáo kỳ {0}, sửa theo lý do đó rồi ký lần sửa đổi mới và đồng bộ lại.</source>
            <translation>What to do: read the province's reason above, open the {0} report, correct it accordingly, sign a new revision and sync again.</translation>
        </message>
        <message>
            <location filename="../../views/receipt_detail.py" line="52" />
            <source>Việc cần làm: chứng thư ký số không thuộc các chứng thư gốc Sở tin cậy. Đề nghị Sở thêm chứng thư gốc của nhà cung cấp chứng thư số đã cấp chứng thư này; khi Sở đã thêm, lần đồng bộ sau tự gửi lại văn bản, hoặc bấm «Gửi lại văn bản ký số».</source>
            <translation>What to do: the signing certificate does not chain to a root the province trusts. Ask the province to add the root of the certification authority that issued it; once it has, the next sync sends the document again by itself, or press «Send the signed document again».</translation>
        </message>
        <message>
            <location filename="../../views/receipt_detail.py" line="55" />
            <source>Việc cần làm: tệp PDF đã ký không được Sở công nhận. Xuất lại PDF của báo cáo kỳ {0}, ký số lại («Ký số tệp PDF…») rồi đồng bộ; không sửa tệp sau khi đã ký.</source>
            <translation>What to do: the province does not recognise the signed PDF. Export the {0} report's PDF again, sign it digitally again («Sign a PDF digitally…») and sync; do not change the file after signing.</translation>
        </message>
    </context>
    <context>
        <name>AgencyDialog</name>
        <message>
            <location filename="../../views/agency_dialog.py" line="1" />
            <source>Cơ quan báo cáo</source>
            <translation>Reporting agency</translation>
        </message>
        <message>
            <location filename="../../views/agency_dialog.py" line="1" />
            <source>Chọn hoặc gõ tên cơ quan (UBND xã, phường) báo cáo từ máy này. Khi máy đăng ký với Sở, tên và mã do Sở cấp sẽ thay tên này; các báo cáo đã nhập vẫn được giữ.</source>
            <translation>Pick or type the name of the agency (commune or ward People's Committee) that reports from this PC. When the PC enrolls with the province, the name and code the province gives replace it; the reports already entered are kept.</translation>
        </message>
        <message>
            <location filename="../../views/agency_dialog.py" line="1" />
            <source>Ví dụ: Ủy ban nhân dân xã Mỹ Hiệp</source>
            <translation>E.g. Ủy ban nhân dân xã Mỹ Hiệp</translation>
        </message>
        <message>
            <source>Gõ tên cơ quan (UBND xã, phường) báo cáo từ máy này. Khi máy đăng ký với Sở, tên và mã do Sở cấp sẽ thay tên này; các báo cáo đã nhập vẫn được giữ.</source>
            <translation>Type the name of the agency (commune or ward People's Committee) that reports from this PC. When the PC enrolls with the province, the name and code the province gives replace it; the reports already entered are kept.</translation>
        </message>
        <message>
            <source>In trên báo cáo: «%1»</source>
            <translation>Printed on the report as «%1»</translation>
        </message>
        <message>
            <location filename="../../views/agency_dialog.py" line="1" />
            <source>Mỹ Hiệp (in ở dòng «…, ngày … tháng … năm …»)</source>
            <translation>Mỹ Hiệp (printed in the «…, ngày … tháng … năm …» line)</translation>
        </message>
        <message>
            <location filename="../../views/agency_dialog.py" line="1" />
            <source>Cơ quan báo cáo do Sở khai báo khi đăng ký máy này: «%1». Muốn đổi, hãy liên hệ Sở.</source>
            <translation>The reporting agency was set by the province when this PC enrolled: «%1». To change it, contact the province.</translation>
        </message>
        <message>
            <location filename="../../views/agency_dialog.py" line="1" />
            <source>&amp;Tên cơ quan:</source>
            <translation>Agency &amp;name:</translation>
        </message>
        <message>
            <location filename="../../views/agency_dialog.py" line="1" />
            <source>Địa &amp;danh:</source>
            <translation>&amp;Place:</translation>
        </message>
        <message>
            <location filename="../../views/agency_dialog.py" line="1" />
            <source>&amp;Lưu</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <location filename="../../views/agency_dialog.py" line="1" />
            <source>&amp;Hủy</source>
            <translation>&amp;Cancel</translation>
        </message>
    </context>
    <context>
        <name>ReceiptImport</name>
        <message>
            <source>Nhập biên nhận của Sở</source>
            <translation>Import the province's receipt</translation>
        </message>
        <message>
            <source>Biên nhận của Sở (*.bcr);;Mọi tệp (*)</source>
            <translation>Province receipts (*.bcr);;All files (*)</translation>
        </message>
        <message>
            <source>Đã ghi nhận biên nhận của Sở.</source>
            <translation>The province's receipt is recorded.</translation>
        </message>
        <message>
            <source>Hãy sửa báo cáo theo lý do trên, ký lại và gửi lần sửa đổi mới (xem mục Đồng bộ).</source>
            <translation>Correct the report as the reason above says, sign it again and send the new revision (see the Sync tab).</translation>
        </message>
        <message>
            <source>Biên nhận của Sở</source>
            <translation>Province receipt</translation>
        </message>
    </context>
<context>
    <name>TableSearch</name>
    <message>
        <source>Tìm trong bảng (không cần dấu)…</source>
        <translation>Find in the table (no accents needed)…</translation>
    </message>
</context>
</TS>
