"""The appendices of the three reference plans (shared/seeds), row by row as the documents lay them out.

Each sheet is a sequence of rows as printed: section rows, task rows, rows that continue a task
split across a page, and the header repeated at the top of a new page. Texts are the documents'
own (line wraps of the PDF joined), including their typos ("của của"). sample_plans writes them as
workbooks; the tests and the demo use those workbooks.

Seed 003's text stops after the heading of section VIII of Phụ lục 2; its one task (28) is
completed from section III.8 "Bảo đảm kinh phí" of the same plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Column roles (the labels a sheet gives them vary).
STT, TITLE, RESULT, DEADLINE, LEAD, COORDINATORS = "stt", "title", "result", "deadline", "lead", "coordinators"


@dataclass(frozen=True)
class SectionRow:
    """A roman-numeral section row."""

    code: str
    title: str


@dataclass(frozen=True)
class TaskRow:
    """A task's first row: its number and cells by role."""

    stt: str
    title: str
    lead: str
    coordinators: str
    deadline: str
    result: str


@dataclass(frozen=True)
class ContinuationRow:
    """A row with an empty STT that continues the task above (split by a page break)."""

    cells: dict[str, str]


@dataclass(frozen=True)
class RepeatedHeader:
    """The header row printed again at the top of a page."""


@dataclass(frozen=True)
class TaskSheet:
    """A task appendix: title rows, columns (role, label) in the sheet's order, and its rows."""

    name: str
    title_rows: tuple[str, ...]
    columns: tuple[tuple[str, str], ...]
    rows: tuple[SectionRow | TaskRow | ContinuationRow | RepeatedHeader, ...]


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator: STT, area (merged down over its indicators), name, targets per phase, agencies."""

    stt: str
    area: str
    name: str
    targets: tuple[str, str]
    monitoring: str
    ministries: str


@dataclass(frozen=True)
class IndicatorGroup:
    """A group row ("a", "Về Cung cấp dịch vụ số…") and its indicators."""

    code: str
    title: str
    indicators: tuple[IndicatorRow, ...]


@dataclass(frozen=True)
class IndicatorSheet:
    """An indicator appendix with a two-row header: "Giai đoạn" over its phases."""

    name: str
    title_rows: tuple[str, ...]
    phases: tuple[str, str]
    groups: tuple[IndicatorGroup, ...]


@dataclass(frozen=True)
class SamplePlan:
    """A reference plan as one workbook of one or more appendix sheets."""

    file_name: str
    sheets: tuple[TaskSheet | IndicatorSheet, ...] = field(default_factory=tuple)
    province: str = ""


_AG_COORD = "Các sở, ban, ngành\nUBND các huyện, thị xã, thành phố"
_AG_GUIDE = "Theo hướng dẫn của Bộ, ngành trung ương"
SKHCN = "Sở Khoa học và Công nghệ"

AN_GIANG_594 = SamplePlan("594-KH-UBND-An-Giang.xlsx", (TaskSheet(
    name="Phụ lục",
    title_rows=(
        "Phụ lục",
        "PHÂN CÔNG CƠ QUAN, ĐƠN VỊ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP CHUYỂN ĐỔI SỐ HOẠT ĐỘNG CHỈ ĐẠO, ĐIỀU HÀNH CỦA "
        "UBND TỈNH AN GIANG TRỰC TUYẾN VÀ DỰA TRÊN DỮ LIỆU GIAI ĐOẠN 2024 - 2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030",
        "(Ban hành kèm theo Kế hoạch số 594/KH-UBND ngày 19/5/2025 của UBND tỉnh An Giang)",
    ),
    columns=((STT, "TT"), (TITLE, "Nhiệm vụ"), (RESULT, "Kết quả thực hiện"), (DEADLINE, "Thời hạn hoàn\nthành"),
             (LEAD, "Cơ quan thực\nhiện"), (COORDINATORS, "Cơ quan phối\nhợp")),
    rows=(
        SectionRow("I", "XÂY DỰNG, HOÀN THIỆN THỂ CHẾ"),
        TaskRow("1", "Ban hành các chỉ số phục vụ công tác chỉ đạo, điều hành của Ủy ban nhân dân tỉnh, Chủ tịch Ủy "
                     "ban nhân dân tỉnh", SKHCN, _AG_COORD, "Trước ngày 30/5/2025",
                "Quyết định của Chủ tịch UBND tỉnh"),
        TaskRow("2", "Rà soát các chế độ báo cáo bảo đảm chỉ ban hành những chế độ báo cáo thật sự cần thiết; cắt giảm "
                     "các chế độ báo cáo đã được thay thế bằng dữ liệu số có sẵn từ các hệ thống thông tin, cơ sở dữ "
                     "liệu", "Văn phòng UBND tỉnh", _AG_COORD, "Quý II/2025", "Quyết định của Chủ tịch UBND tỉnh"),
        SectionRow("II", "XÂY DỰNG HỆ THỐNG THÔNG TIN PHỤC VỤ CHỈ ĐẠO, ĐIỀU HÀNH"),
        TaskRow("1", "Phát triển, hoàn thiện Hệ thống thông tin báo cáo, Hệ thống Quản lý văn bản và điều hành của "
                     "tỉnh",
                SKHCN, _AG_COORD, "Quý III/2025",
                "Triển khai, nâng cấp Hệ thống thông tin báo cáo, Hệ thống Quản lý văn bản và điều hành của tỉnh"),
        TaskRow("2", "Kết nối, chia sẻ thông tin, dữ liệu từ các hệ thống thông tin, cơ sở dữ liệu trên địa bàn tỉnh "
                     "với các hệ thống thông tin, cơ sở dữ liệu phục vụ chỉ đạo, điều hành của Chính phủ, Thủ tướng "
                     "Chính phủ", SKHCN, _AG_COORD, _AG_GUIDE,
                "Hệ thống thông tin, cơ sở dữ liệu trên địa bàn tỉnh kết nối, chia sẻ thông tin với các hệ thống "
                "thông"),
        RepeatedHeader(),
        ContinuationRow({RESULT: "tin, cơ sở dữ liệu phục vụ chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ"}),
        TaskRow("3", "Triển khai hệ thống quản lý văn bản và điều hành của tỉnh kết nối với Hệ thống theo dõi nhiệm vụ "
                     "Chính phủ, Thủ tướng Chính phủ", SKHCN, _AG_COORD, _AG_GUIDE,
                "Hệ thống quản lý văn bản và điều hành của tỉnh kết nối với Hệ thống theo dõi nhiệm vụ Chính phủ, "
                "Thủ tướng Chính phủ"),
        SectionRow("III", "PHÁT TRIỂN DỮ LIỆU SỐ, THÚC ĐẨY KẾT NỐI, CHIA SẺ PHỤC VỤ CHỈ ĐẠO, ĐIỀU HÀNH"),
        TaskRow("1", "Tổ chức tạo lập, kết nối, chia sẻ, tổng hợp, phân tích, đánh giá, giám sát chất lượng thông "
                     "tin, dữ liệu các chỉ số, nhóm chỉ số có liên quan của tỉnh tại Phụ lục II ban hành kèm theo "
                     "Quyết định số 1012/QĐ-TTg", "Các sở, ngành, địa\nphương", "Văn phòng UBND tỉnh", "Thường xuyên",
                "Thông tin, dữ liệu về các chỉ số, nhóm chỉ số"),
        TaskRow("2", "Phát triển, hoàn thiện các cơ sở dữ liệu chuyên ngành của tỉnh; kết nối, tích hợp, chia sẻ với "
                     "kho dữ liệu tổng hợp phục vụ công tác chỉ đạo, điều hành và phát triển kinh tế - xã hội của Ủy "
                     "ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh trên môi trường điện tử", "Các sở, ngành tỉnh",
                SKHCN, "Quý III/2025", "Xây dựng, hoàn thiện các cơ sở dữ liệu chuyên ngành của tỉnh"),
        SectionRow("IV", "XÂY DỰNG CÁC KỊCH BẢN CHỈ ĐẠO, ĐIỀU HÀNH TRỰC TUYẾN"),
        RepeatedHeader(),
        TaskRow("1", "Chủ động nghiên cứu, xây dựng kịch bản, đưa hoạt động chỉ đạo, điều hành của của Ủy ban nhân "
                     "dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh trên môi trường điện tử, dựa trên dữ liệu",
                "Sở Nông nghiệp và Môi trường\nSở Y tế;\nSở Xây dựng;", "Văn phòng UBND tỉnh;\n" + SKHCN,
                "Quý II/2025", "Kịch bản được xây dựng"),
        TaskRow("2", "Chuẩn bị hạ tầng, công nghệ, dữ liệu để sẵn sàng kết nối, chia sẻ dữ liệu phục vụ chỉ đạo, "
                     "điều hành trực tuyến của Chính phủ, Thủ tướng Chính phủ theo kịch bản khi có yêu cầu", SKHCN,
                "Các sở, ngành, địa\nphương", "Quý III/2025",
                "Hạ tầng, công nghệ sẵn sàng, đáp ứng kết nối, chia sẻ dữ liệu"),
        SectionRow("V", "BỒI DƯỠNG, PHÁT TRIỂN NHÂN LỰC"),
        TaskRow("1", "Triển khai xây dựng các chương trình đào tạo, tập huấn cơ bản, chuyên sâu về thu thập, quản trị, "
                     "phân tích dữ liệu, bảo đảm an toàn thông tin mạng gắn với hoạt động chỉ đạo, điều hành cho đội "
                     "ngũ cán bộ, công chức trên địa bàn tỉnh", SKHCN, "Các sở, ngành, địa\nphương", "Quý III/2025",
                "Tổ chức đào tạo, tập huấn cơ bản, chuyên sâu về thu thập, quản trị, phân tích dữ liệu, bảo đảm an "
                "toàn thông tin mạng"),
        SectionRow("VI", "BẢO ĐẢM AN TOÀN THÔNG TIN, AN NINH MẠNG"),
        TaskRow("1", "Rà soát, đánh giá và triển khai các giải pháp bảo đảm an toàn thông tin, an ninh mạng của các hệ "
                     "thống thông tin, cơ sở dữ liệu phục vụ công tác chỉ đạo, điều hành của Ủy ban nhân dân tỉnh, "
                     "Chủ tịch Ủy ban nhân dân tỉnh", "Công an tỉnh", "Các sở, ngành, địa\nphương", "Thường xuyên",
                "Đưa ra cảnh báo"),
    ),
),), province="An Giang")

_DT_VP = "Văn phòng UBND Tỉnh"
_DT_CHINH_PHU = "Hệ thống thông tin chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ"
_DT_HEADER = ((STT, "STT"), (TITLE, "Nhiệm vụ"), (LEAD, "Đơn vị chủ trì"), (COORDINATORS, "Đơn vị phối hợp"),
              (DEADLINE, "Thời gian hoàn thành"), (RESULT, "Kết quả"))

DONG_THAP_1012 = SamplePlan("KH-1012-Dong-Thap.xlsx", (TaskSheet(
    name="Phụ lục",
    title_rows=("Phụ lục", "CHI TIẾT CÁC NHIỆM VỤ, GIẢI PHÁP",
                "(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2025 của Ủy ban nhân dân Tỉnh)"),
    columns=_DT_HEADER,
    rows=(
        SectionRow("I", "XÂY DỰNG HOÀN THIỆN THỂ CHẾ"),
        TaskRow("1", "Ban hành các chỉ số phục vụ công tác chỉ đạo, điều hành của tỉnh Đồng Tháp trên môi trường điện "
                     "tử", _DT_VP, "Văn phòng Chính phủ; các sở, ban, ngành Tỉnh", "Quý II năm 2025",
                "Quyết định của Chủ tịch UBND Tỉnh"),
        TaskRow("2", "Rà soát các chế độ báo cáo bảo đảm chỉ ban hành những chế độ báo cáo thật sự cần thiết; cắt giảm "
                     "các chế độ báo cáo đã được thay thế bằng dữ liệu số có sẵn từ các hệ thống thông tin, cơ sở dữ "
                     "liệu", _DT_VP, "Các sở, ban, ngành Tỉnh", "Thường xuyên", "Văn bản rà soát"),
        SectionRow("II", "XÂY DỰNG, PHÁT TRIỂN CÁC HỆ THỐNG THÔNG TIN PHỤC VỤ CHỈ ĐẠO ĐIỀU HÀNH"),
        TaskRow("1", "Thực hiện rà soát, đơn giản hoá, tái cấu trúc quy trình giải quyết công việc, theo dõi, kiểm "
                     "tra, giám sát phục vụ công tác chỉ đạo, điều hành trên môi trường điện tử để tạo thuận lợi trong "
                     "việc thu thập, tạo lập dữ liệu số và kết nối, chia sẻ thông tin dữ liệu phục vụ chỉ đạo, điều "
                     "hành", _DT_VP, SKHCN, "Thường xuyên", "Văn bản rà soát"),
        TaskRow("2", "Tạo lập, tổng hợp, phân tích các nhóm chỉ số theo dõi giám sát về tình hình phát triển kinh tế - "
                     "xã hội tỉnh Đồng Tháp để cung cấp cho Hệ thống thông tin phục vụ chỉ đạo, điều hành của Chính "
                     "phủ, Thủ tướng Chính phủ.", _DT_VP, SKHCN, "Thường xuyên", ""),
        TaskRow("3", "Phối hợp với Văn phòng Chính phủ xây dựng cấu trúc, định dạng, thuộc tính các chỉ số để đảm bảo "
                     "kết nối, chia sẻ thông tin dữ liệu; sửa đổi, bổ sung khi có thay đổi. Chịu trách nhiệm về tính "
                     "đầy đủ, chính xác, kịp thời của thông tin, dữ liệu về các chỉ số và bảo đảm an toàn thông tin, "
                     "an ninh mạng.", _DT_VP, SKHCN, "Theo lộ trình của Văn phòng Chính phủ", ""),
        RepeatedHeader(),
        TaskRow("4", "Phát triển, hoàn thiện Hệ thống thông tin báo cáo, Kho dữ liệu dùng chung tỉnh Đồng Tháp hướng "
                     "tới hình thành Hệ thống thông tin chỉ đạo, điều hành tỉnh Đồng Tháp kết nối với " + _DT_CHINH_PHU
                + ".", SKHCN, _DT_VP, "Theo lộ trình của Văn phòng Chính phủ",
                "Hệ thống thông tin chỉ đạo, điều hành tỉnh Đồng Tháp kết nối với " + _DT_CHINH_PHU),
        SectionRow("III", "PHÁT TRIỂN DỮ LIỆU SỐ, THÚC ĐẨY KẾT NỐI, CHIA SẺ PHỤC VỤ CHỈ ĐẠO, ĐIỀU HÀNH"),
        TaskRow("1", "Thực hiện kết nối, tích hợp, chia sẻ 40 nhóm thông tin, dữ liệu trực tuyến thời gian thực hai "
                     "chiều giữa Kho dữ liệu tỉnh Đồng Tháp với Chính phủ và Bộ, ngành khi có yêu cầu.", SKHCN,
                "Văn phòng UBND Tỉnh; các sở, ban, ngành Tỉnh có liên quan", "Tháng 12 năm 2025",
                "Thông tin, dữ liệu về các chỉ số, nhóm chỉ số được chia sẻ với Hệ thống của Bộ, ngành"),
        TaskRow("2", "Kết nối, tích hợp, chia sẻ các thông tin, dữ liệu các nhóm chỉ số theo dõi giám sát về tình hình "
                     "phát triển kinh tế - xã hội của tỉnh Đồng Tháp từ Hệ thống thông tin báo cáo, Kho dữ liệu dùng "
                     "chung phục vụ công tác chỉ đạo, điều hành của Lãnh đạo UBND Tỉnh với " + _DT_CHINH_PHU
                + " theo hướng dẫn của Văn phòng Chính phủ", SKHCN, _DT_VP, "Tháng 12/2025",
                "Thông tin, dữ liệu trực tuyến về các chỉ số, nhóm chỉ số được kết nối, chia sẻ"),
        TaskRow("3", "Triển khai Phân hệ theo dõi nhiệm vụ tích hợp trên phần mềm quản lý văn bản và điều hành (idesk) "
                     "kết nối với Hệ thống theo dõi nhiệm vụ Chính phủ, Thủ tướng Chính phủ thông qua Trục liên thông "
                     "văn bản quốc gia.", SKHCN, _DT_VP, "Thường xuyên", "Kết quả kết nối giữa 02 hệ thống"),
        RepeatedHeader(),
        TaskRow("4", "Thực hiện khai thác, sử dụng theo yêu cầu của lãnh đạo Chính phủ đối với Hệ thống thông tin báo "
                     "cáo Chính phủ, " + _DT_CHINH_PHU, _DT_VP, "", "Thường xuyên",
                "Kết quả thực hiện nhiệm vụ trên Hệ thống của Chính phủ"),
        SectionRow("IV", "TRUYỀN THÔNG, BỒI DƯỠNG, PHÁT TRIỂN NHÂN LỰC"),
        TaskRow("1", "Đẩy mạnh thông tin, tuyên truyền, phổ biến về công tác hiện đại hóa phương thức chỉ đạo, điều "
                     "hành của Chính phủ, Thủ tướng Chính phủ, UBND Tỉnh", "Sở Văn hóa Thể thao và Du lịch", _DT_VP,
                "Thường xuyên", "Văn bản tuyên truyền"),
        TaskRow("2", "Tăng cường các hoạt động phối hợp, hợp tác với các tổ chức, doanh nghiệp trong nước, quốc tế "
                     "triển khai các hoạt động bồi dưỡng, nghiên cứu, phát triển về dữ liệu; ứng dụng, phân tích dữ "
                     "liệu phục vụ công tác chỉ đạo, điều hành; xây dựng chính sách, hỗ trợ ra quyết định dựa trên dữ "
                     "liệu", SKHCN, "Các sở, ban, ngành Tỉnh", "Thường xuyên",
                "Hoạt động bồi dưỡng, tập huấn; nghiên cứu, phát triển về dữ liệu, ứng dụng và phân tích dữ liệu "
                "phục vụ chỉ đạo, điều hành"),
        SectionRow("V", "ĐẢM BẢO AN TOÀN THÔNG TIN, AN NINH MẠNG"),
        TaskRow("1", "Triển khai các giải pháp bảo đảm an toàn thông tin, an ninh mạng các hệ thống thông tin, cơ sở "
                     "dữ liệu tỉnh Đồng Tháp kết nối tích hợp với các hệ thống thông tin phục vụ công tác chỉ đạo, "
                     "điều "
                     "hành của Chính phủ, Thủ tướng Chính phủ", "Công an Tỉnh", "", "Thường xuyên",
                "Văn bản triển khai, báo cáo kết quả thực hiện, lồng ghép vào các nội dung các báo cáo về an toàn "
                "thông tin"),
    ),
),), province="Đồng Tháp")

_KHCN = "Sở KH&CN"
_ALL = "Các sở, ban, ngành, địa phương"
_REPORT = "Báo cáo thực hiện"
_PERIOD = "Năm 2026 - 2030"
_WIDE = "VP UBND tỉnh, Sở Tài chính, Sở Tư pháp, Sở Nội vụ và các sở, ban, ngành, UBND xã, phường"
_TITLE_003 = "(Kèm theo Quyết định số 3256/QĐ-UBND ngày 31/12/2025 của Ủy ban nhân dân tỉnh)"


def _i(stt: str, area: str, name: str, t1: str, t2: str, monitoring: str, ministries: str) -> IndicatorRow:
    return IndicatorRow(stt, area, name, (t1, t2), monitoring, ministries)


_DVCTT, _VP, _CP, _CA, _BCA = "Dịch vụ công trực tuyến (DVCTT)", "Văn phòng UBND Tỉnh", "Văn phòng Chính phủ", \
    "Công an tỉnh", "Bộ Công an"
_HSO, _NT, _NL = "Xử lý hồ sơ điện tử", "Nền tảng dùng chung", "Nhân lực số"

INDICATORS_003 = IndicatorSheet(
    name="Phụ lục 1",
    title_rows=("Phụ lục 1", "Kịch bản chỉ tiêu phát triển Chương trình phát triển Chính phủ năm 2030 trên địa bàn "
                "tỉnh Đồng Tháp", _TITLE_003),
    phases=("2026 - 2027", "2028 - 2030"),
    groups=(
        IndicatorGroup("a", "Về Cung cấp dịch vụ số bao trùm, thông minh", (
            _i("1", _DVCTT, "Tỷ lệ DVCTT toàn trình trên tổng số thủ tục hành chính (TTHC) có đủ điều kiện.", "100%",
               "Duy trì 100%", _KHCN, _CP),
            _i("2", _DVCTT, "Tỷ lệ người dân doanh nghiệp đánh giá hài lòng khi sử dụng DVCTT.", "95%", "99%", _KHCN,
               "Bộ KH&CN"),
            _i("3", _DVCTT, "Tỷ lệ DVCTT thiết yếu được triển khai ở mức chủ động được AI hỗ trợ “ cá thể hóa”, thông "
               "báo hoặc gợi ý hành động theo các mốc sự kiện quan trọng trong cuộc đời.", "-", "50%", _KHCN,
               "Bộ KH&CN"),
            _i("4", "Cung cấp thông tin", "Tỷ lệ thông tin, giấy tờ, tài liệu trong các TTHC chỉ cung cấp một lần cho "
               "cơ quan hành chính nhà nước.", "100%", "100%", _VP, _CP),
            _i("5", "Dữ liệu số hóa", "Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa.", "100%", "Duy trì 100%", _VP,
               _CP),
            _i("6", "Dữ liệu số hóa", "Tỷ lệ thông tin, dữ liệu đã được số hóa trong giải quyết TTHC, dịch vụ công "
                                      "được "
               "khai thác, sử dụng lại.", "-", "80%", _VP, _CP),
            _i("7", "Dữ liệu mở", "Tỷ lệ cơ quan nhà nước cấp tỉnh cung cấp dữ liệu mở đúng chuẩn.", "-", "100%", _CA,
               _BCA),
        )),
        IndicatorGroup("b", "Về Quản lý, chỉ đạo, điều hành thông minh, an toàn dựa trên dữ liệu", (
            _i("8", _HSO, "Tỷ lệ hồ sơ công việc tại cấp tỉnh, cấp xã được xử lý trên môi trường điện tử và sử dụng "
                          "chữ "
               "ký số cá nhân.", "100%", "100%", _VP, _CP),
            _i("9", _HSO, "Tỷ lệ hồ sơ công việc tại cấp tỉnh, cấp xã được xử lý trên môi trường điện tử và sử dụng "
                          "chữ "
               "ký số cá nhân để giải quyết công việc.", "100%", "Duy trì 100%", _VP, _CP),
            _i("10", _NT, "Tỷ lệ các nền tảng số quốc gia, nền tảng số dùng chung được hoàn thành và đưa vào sử dụng "
               "thống nhất.", "100%", "100%", _KHCN, "Bộ KH&CN"),
            _i("11", _NT, "Tỷ lệ hệ thống thông tin được kết nối, chia sẻ dữ liệu qua dịch vụ chia sẻ dữ liệu.", "-",
               "100%", _CA, _BCA),
            _i("12", "Quản trị dữ liệu", "Mức độ trưởng thành về quản trị dữ liệu.", "Đạt cấp độ 3", "Đạt cấp độ 4, 5",
               _CA, _BCA),
            _i("13", "Ứng dụng AI", "Tỷ lệ cơ quan, tổ chức sử dụng ít nhất 01 ứng dụng AI để phục vụ công tác chỉ "
                                    "đạo, "
               "điều hành.", "-", "100%", _KHCN, "Bộ KH&CN"),
            _i("14", _NL, "Tỷ lệ đội ngũ lãnh đạo của từng cơ quan, tổ chức có chuyên môn, kinh nghiệm về khoa học, kỹ "
               "thuật, chuyển đổi số phù hợp với yêu cầu nhiệm vụ.", "-", "25%", "Sở Nội vụ", "Bộ Nội vụ"),
            _i("15", _NL, "Tỷ lệ cán bộ, công chức, viên chức được đào tạo kỹ năng số cơ bản.", "100%", "Duy trì 100%",
               "Sở Nội vụ", "Bộ Nội vụ"),
            _i("16", _NL, "Tỷ lệ cán bộ chuyên trách CNTT/CĐS được đào tạo đạt chứng chỉ quản trị dữ liệu cơ bản.",
               "50%", "100%", _CA, _BCA),
            _i("17", "An toàn thông tin", "Tỷ lệ hệ thống thông tin phải được phê duyệt hồ sơ đề xuất bảo đảm an ninh "
               "mạng theo cấp độ trước khi vận hành, sử dụng; đánh giá an ninh mạng định kỳ.", "100%", "100%", _CA,
               _BCA),
        )),
    ),
)


def _t(stt: str, title: str, lead: str, coordinators: str, result: str, deadline: str = _PERIOD) -> TaskRow:
    return TaskRow(stt, title, lead, coordinators, deadline, result)


_ALL_LEAD, _KHCN_CA = "Các sở, ban, ngành, địa phương", "Sở KH&CN; Công an tỉnh"
_RUN, _USE = "Hệ thống vận hành ổn định đáp ứng yêu cầu", "Hoàn thành, khai thác sử dụng"
_INFRA = "Hạ tầng số đáp ứng yêu cầu phát triển Chính phủ số, Chính quyền số"
_EDU = "Sở Giáo dục và Đào tạo;\nSở KH&CN"

TASKS_003 = TaskSheet(
    name="Phụ lục 2",
    title_rows=("Phụ lục 2", "Danh mục các nhiệm vụ, giải pháp trọng tâm", "thực hiện Chương trình phát triển Chính "
                "phủ số", _TITLE_003),
    columns=((STT, "TT"), (TITLE, "Nhiệm vụ, giải pháp"), (LEAD, "Cơ quan chủ trì"), (COORDINATORS, "Cơ quan phối hợp"),
             (RESULT, "Kết quả"), (DEADLINE, "Thời gian thực hiện")),
    rows=(
        SectionRow("I", "HOÀN THIỆN THỂ CHẾ"),
        _t("1", "Nghiên cứu, hoàn thiện thể chế, pháp luật cho xây dựng chính quyền số; quy định quản lý và phát triển "
                "chính quyền số nền tảng, hoạt động của các nền tảng số, dịch vụ số và giao dịch trực tuyến.", _KHCN,
           _WIDE, "Quyết định, Kế hoạch", "Tháng 12/2026"),
        _t("2", "Xây dựng, ban hành và cập nhật Khung kiến trúc Chính quyền số cấp tỉnh, đảm bảo phù hợp với Khung "
                "kiến "
                "trúc tổng thể quốc gia số và đáp ứng yêu cầu phát triển Chính phủ số dựa trên nền tảng trí tuệ nhân "
                "tạo (AI).", _KHCN, _WIDE, "Quyết định ban hành Khung kiến trúc số của tỉnh", "Tháng 01/2026"),
        _t("3", "Nghiên cứu, phối hợp rà soát, sửa đổi, ban hành các quy định, chính sách về dữ liệu số, dịch vụ dữ "
                "liệu "
                "để phát triển lành mạnh, an toàn, tuân thủ pháp luật.", _KHCN, "Các sở, ban, ngành có liên quan",
           _REPORT),
        _t("4", "Triển khai Bộ chỉ số và Khung hướng dẫn đánh giá mức độ trưởng thành về quản trị dữ liệu do Trung "
                "ương "
                "ban hành, làm cơ sở đề các cơ quan, đơn vị tự đánh giá và nâng cấp quy trình quản lý dữ", _KHCN,
           "Các sở, ban, ngành có liên quan", "Hướng dẫn Bộ chỉ số được ban hành",
           "Khi Khung hướng dẫn đánh giá được ban hành"),
        ContinuationRow({TITLE: "liệu của mình, hướng tới mục tiêu đạt cấp độ 5."}),
        SectionRow("II", "PHÁT TRIỂN DỮ LIỆU SỐ"),
        _t("5", "Xây dựng, cập nhật Chiến lược dữ liệu cấp tỉnh, bao gồm danh mục dữ liệu dùng chung và quy chế về "
                "chất "
                "lượng dữ liệu, bảo đảm phù hợp với Khung kiến trúc dữ liệu quốc gia và Từ điển dữ liệu dùng chung.",
           _KHCN, "Các sở, ban, ngành", "Chiến lược dữ liệu cấp tỉnh", "Năm 2026"),
        _t("6", "Tập trung số hóa dữ liệu, khai thác tái sử dụng dữ liệu để cắt giảm, đơn giản hóa thủ tục hành chính. "
                "Trọng tâm là các lĩnh vực Tư pháp (hồ sơ hộ tịch), Giáo dục, Y tế (hồ sơ sức khỏe cá nhân) và Đất "
                "đai.", "Sở Tư pháp; Sở GD&ĐT, Sở Y tế, Sở NN&MT", "VP UBND tỉnh; Công an tỉnh",
           "Dữ liệu các lĩnh vực tư pháp, giáo dục, y tế, đất đai được tạo lập, số hóa"),
        _t("7", "Thực hiện số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính. Các cơ sở dữ liệu chuyên ngành "
                "của "
                "tỉnh phải được xây dựng, nâng cấp, và phát triển để đảm bảo dữ liệu tuân thủ nguyên tắc “đúng, đủ, "
                "sạch, sống, thống nhất, dùng chung”, phục vụ kết nối, chia sẻ dữ liệu xuyên suốt.",
           "Các sở, ban, ngành, UBND các xã, phường", "VP UBND tỉnh; Công an tỉnh",
           "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"),
        _t("8", "Xây dựng, ban hành kế hoạch công bố dữ liệu mở cấp tỉnh, bao gồm danh mục dữ liệu mở ưu tiên, lộ "
                "trình "
                "công bố, phương thức truy cập, trách nhiệm cập nhật và tiêu chí đánh giá mức độ sử dụng, tái sử dụng "
                "dữ liệu mở.", "Các sở, ban, ngành", _KHCN_CA, "Kế hoạch/Báo cáo thực hiện", "Tháng 6/2026"),
        _t("9", "Đẩy mạnh cung cấp, kết nối chia sẻ dữ liệu giữa cơ quan nhà nước với tổ chức, doanh nghiệp và người "
                "dân.", "Các sở, ban, ngành, UBND các xã, phường", _KHCN, "Báo cáo kết quả thực hiện"),
        SectionRow("III", "PHÁT TRIỂN CÁC ỨNG DỤNG, NỀN TẢNG SỐ"),
        _t("10", "Phát triển, hoàn thiện Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) đáp ứng yêu cầu tích hợp, "
                 "chia sẻ dữ liệu số trong giai đoạn mới, kết nối chặt chẽ và liên thông đồng bộ với Nền tảng tích "
                 "hợp, "
                 "chia sẻ dữ liệu quốc gia (NDXP).", _KHCN, _ALL, _RUN),
        _t("11", "Phát triển, nâng cấp hệ thống thông tin giải quyết thủ tục hành chính của tỉnh bảo đảm đồng bộ, "
                 "thống "
                 "nhất theo mô hình Kiến trúc Hệ thống thông tin giải quyết thủ tục hành chính cấp bộ, cấp tỉnh.",
           _KHCN, _ALL, _RUN),
        _t("12", "Xây dựng và triển khai nền tảng dữ liệu lớn (Big Data Platform) cho phép thu thập, tích hợp, chuẩn "
                 "hóa "
                 "và phân tích dữ liệu từ các sở, ngành, lĩnh vực phục vụ ra quyết định điều hành.", _KHCN, _ALL,
           _USE),
        _t("13", "Phát triển và hoàn thiện Kho dữ liệu dùng chung của tỉnh.", _KHCN, _ALL, _USE),
        _t("14", "Tổ chức tập huấn, hướng dẫn sử dụng các nền tảng số quốc gia; tuyên truyền, phổ biến rộng rãi các "
                 "nền "
                 "tảng số quốc gia để các cơ quan, tổ chức, doanh", _KHCN, _ALL, "Khai thác sử dụng"),
        ContinuationRow({TITLE: "nghiệp, người dân biết và sử dụng."}),
        SectionRow("IV", "PHÁT TRIỂN HẠ TẦNG SỐ"),
        _t("15", "Triển khai xây dựng, phát triển hạ tầng số phục vụ Chính phủ số theo Quyết định số 1132/QĐ-TTg ngày "
                 "09 "
                 "tháng 10 năm 2024 của Thủ tướng Chính phủ phê duyệt Chiến lược hạ tầng số đến năm 2025 và định hướng "
                 "đến năm 2030.", _ALL_LEAD, _KHCN, _INFRA),
        _t("16", "Phát triển và mở rộng kết nối Mạng truyền số liệu chuyên dùng của Đảng và Nhà nước, đảm bảo bao phủ "
                 "đến 100% cấp xã phục vụ gửi nhận văn bản và xử lý hồ sơ Mật, Tối Mật, đảm bảo liên thông và đồng bộ "
                 "dữ liệu giữa các nền tảng dùng chung của quốc gia và địa phương.", _KHCN, _ALL, "Khai thác sử dụng"),
        _t("17", "Đẩy mạnh phát triển hạ tầng số cho người dân, phủ mạng cáp quang, mạng di động băng rộng đến tất cả "
                 "các khu vực dân sinh trên địa bàn; tăng nhanh tỷ lệ người dùng Internet, đặc biệt ở khu vực nông "
                 "thôn; nâng cao dung lượng kết nối và chất lượng dịch vụ mạng.", _ALL_LEAD, _KHCN, _INFRA),
        SectionRow("V", "BẢO ĐẢM AN NINH MẠNG"),
        _t("18", "Tạo niềm tin cho người dân trên môi trường số thông qua việc thực hiện đánh giá và dán nhãn tín "
                 "nhiệm "
                 "cho các trang, cổng thông tin điện tử, phần mềm ứng dụng và các hệ thống thông tin khác đáp",
           _ALL_LEAD, _KHCN_CA, _REPORT),
        ContinuationRow({TITLE: "ứng yêu cầu về an toàn thông tin mạng."}),
        _t("19", "Tổ chức triển khai phổ cập dịch vụ an toàn thông tin mạng cơ bản giúp người dân phòng, tránh và tự "
                 "bảo vệ mình trước những nguy cơ, rủi ro và sự cố mất an toàn thông tin mạng.", "Công an tỉnh", _ALL,
           _REPORT),
        SectionRow("VI", "NHÂN LỰC SỐ"),
        _t("20", "Bố trí nhân lực chuyên trách công nghệ thông tin, chuyển đổi số; triển khai thực chất, hiệu quả "
                 "phong "
                 "trào “Bình dân học vụ số” và hoạt động của các Tổ công nghệ số cộng đồng.", _ALL_LEAD, _KHCN_CA,
           _REPORT),
        _t("21", "Xây dựng và triển khai chương trình đào tạo, bồi dưỡng cho đội ngũ cán bộ cấp xã, phường, tập trung "
                 "vào kỹ năng vận hành các nền tảng dùng chung và kỹ năng hỗ trợ người dân sử dụng dịch vụ số.", _KHCN,
           _ALL, _REPORT),
        _t("22", "Tổ chức các chương trình đào tạo kỹ năng số cơ bản, kỹ năng số nâng cao, kỹ năng kỹ thuật cho các "
                 "đối "
                 "tượng là cán bộ lãnh đạo, cán bộ kỹ thuật, công nghệ thông tin và chuyên trách chuyển đổi số và công "
                 "chức, viên chức, người lao động trong cơ quan nhà nước, trong các doanh nghiệp. Đào tạo đạt chuẩn kỹ "
                 "năng số cho sinh viên, học sinh trong các trường đại học, cao đẳng, cơ sở giáo dục nghề nghiệp, giáo "
                 "dục phổ thông.", _EDU, _ALL, _REPORT),
        _t("23", "Rà soát, cập nhật khung năng lực, chuẩn kỹ năng công nghệ thông tin tích hợp kỹ năng số cho cán bộ, "
                 "công chức, viên chức nhà nước.", "Sở KH&CN;\nSở Nội vụ", _ALL, _REPORT, "Tháng 12/2026"),
        _t("24", "Tổ chức bồi dưỡng kiến thức, kỹ năng số, kỹ năng phân tích và xử lý dữ liệu, AI cho cán bộ, công "
                 "chức, viên chức hàng năm để sẵn sàng chuyển đổi môi trường làm việc sang môi trường số. Tổ chức các "
                 "chương trình đào tạo, bồi dưỡng hàng năm về kỹ năng số, phương pháp sư phạm và ứng dụng AI trong "
                 "giảng dạy cho đội ngũ giáo viên các cấp.", _EDU, _ALL, _REPORT, "Tháng 12/2026"),
        _t("25", "Xây dựng khung chương trình đào tạo về quản trị dữ liệu cho cán bộ chuyên trách về công nghệ thông "
                 "tin, chuyển đổi số của bộ, ngành, địa phương.", _KHCN, _ALL, _REPORT),
        _t("26", "Triển khai Nền tảng sát hạch trực tuyến đánh giá, đo lường kỹ năng số cho từng đối tượng lao động, "
                 "công chức, viên chức, sinh viên, học sinh phù hợp chuẩn kỹ năng số quốc gia.", _KHCN, _ALL, _REPORT),
        SectionRow("VII", "HỢP TÁC QUỐC TẾ"),
        _t("27", "Chủ động, tích cực tham gia hoạt động với các tổ chức quốc tế, các sáng kiến về phát triển chính "
                 "quyền số; Hợp tác với các tổ chức, doanh nghiệp nước ngoài trong việc thu", _KHCN, _ALL, _REPORT),
        ContinuationRow({TITLE: "hút nguồn lực, tri thức, chuyển giao công nghệ số phù hợp."}),
        SectionRow("VIII", "BẢO ĐẢM KINH PHÍ"),
        _t("28", "Bố trí kinh phí cho lĩnh vực khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số hằng năm trong "
                 "giai đoạn 2026 - 2030; đảm bảo tối thiểu đạt 03% GRDP vào năm 2030.", "Sở Tài chính", _ALL, _REPORT),
    ),
)

DONG_THAP_3256 = SamplePlan("3256-QD-UBND-Dong-Thap.xlsx", (INDICATORS_003, TASKS_003), province="Đồng Tháp")

SAMPLE_PLANS: tuple[SamplePlan, ...] = (AN_GIANG_594, DONG_THAP_1012, DONG_THAP_3256)
