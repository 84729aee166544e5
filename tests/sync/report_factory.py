"""Report snapshots with realistic Vietnamese text, of any size, for bundle, document and bench tests.

``make_snapshot(tasks=300, indicators=50)`` gives a commune's quarterly report in the shape the
reporting services build: tasks from a provincial digital-government plan with short progress notes,
indicators with ratio, count, level and text values. Everything is deterministic for a given size.
"""

from __future__ import annotations

from desktop.domain.report_snapshot import (
    AgencyInfo,
    AttachmentRef,
    DocumentInfo,
    IndicatorEntry,
    PeriodInfo,
    ReportSnapshot,
    TaskEntry,
)

AGENCY = AgencyInfo(code="XA-TANHOA", name="ỦY BAN NHÂN DÂN XÃ TÂN HÒA", parent_name="TỈNH ĐỒNG THÁP",
                    place="Tân Hòa", signer_name="Nguyễn Văn Thành")
PERIOD = PeriodInfo(code="2026Q4", label="Quý IV năm 2026", data_start="2026-09-15", data_end="2026-11-30",
                    deadline="2026-12-01", figures="year")
SECTIONS = (("I", "Hoàn thiện thể chế, chính sách"), ("II", "Phát triển hạ tầng số"),
            ("III", "Phát triển dữ liệu số"), ("IV", "Nền tảng và ứng dụng Chính phủ số"),
            ("V", "Bảo đảm an toàn thông tin mạng"))
TITLES = ("Rà soát, cập nhật danh mục thủ tục hành chính thực hiện trực tuyến toàn trình",
          "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực",
          "Triển khai nền tảng họp trực tuyến đến cấp xã",
          "Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
          "Kết nối, chia sẻ dữ liệu dân cư với cơ sở dữ liệu chuyên ngành",
          "Bảo đảm an toàn thông tin cho hệ thống thông tin cấp xã")
RESULTS = ("Đã hoàn thành 100% hồ sơ trong quý.", "Đạt 85%, tiếp tục triển khai trong quý tới.",
           "Đã tổ chức 3 lớp tập huấn cho 120 lượt người.", "Đang phối hợp với Sở KH&CN để triển khai.")
STATUSES = ("done", "in_progress", "done_late", "not_started")
INDICATOR_NAMES = ("Tỷ lệ hồ sơ giải quyết thủ tục hành chính trực tuyến toàn trình",
                   "Tỷ lệ văn bản điện tử có ký số", "Số cuộc họp trực tuyến được tổ chức",
                   "Mức độ bảo đảm an toàn hệ thống thông tin", "Ghi chú tình hình triển khai")


def make_snapshot(tasks: int = 3, indicators: int = 2, *, revision: int = 1, supersedes: int | None = None,
                  attachments: tuple[AttachmentRef, ...] = (), agency: AgencyInfo = AGENCY,
                  period: PeriodInfo = PERIOD) -> ReportSnapshot:
    """A signed-ready report with ``tasks`` tasks and ``indicators`` indicators; the first task carries
    ``attachments``."""
    task_entries = tuple(_task(i, attachments if i == 0 else ()) for i in range(tasks))
    indicator_entries = tuple(_indicator(i) for i in range(indicators))
    return ReportSnapshot(
        agency=agency, period=period,
        document=DocumentInfo(number=152, symbol="BC-UBND", date="2026-11-28",
                              subject="Báo cáo kết quả thực hiện Kế hoạch chuyển đổi số quý IV năm 2026",
                              addressee="Sở Khoa học và Công nghệ tỉnh Đồng Tháp",
                              recipients=("Như trên", "Sở Khoa học và Công nghệ", "Lưu: VT")),
        revision=revision, supersedes=supersedes,
        revision_reason="Bổ sung số liệu chỉ tiêu" if supersedes else None, status="signed",
        summary="Trong quý, UBND xã đã triển khai đầy đủ các nhiệm vụ được giao.",
        difficulties="Hạ tầng mạng tại một số ấp còn yếu.", proposals="Đề nghị hỗ trợ thiết bị ký số.",
        tasks=task_entries, indicators=indicator_entries,
        plans=({"code": "3256/QĐ-UBND", "issued_on": "2025-12-31", "title": "Kế hoạch phát triển Chính phủ số"},))


def _task(i: int, attachments: tuple[AttachmentRef, ...]) -> TaskEntry:
    section, section_title = SECTIONS[i % len(SECTIONS)]
    status = STATUSES[i % len(STATUSES)]
    return TaskEntry(key=f"{section}.{i // len(SECTIONS) + 1}", section=section, section_title=section_title,
                     title=TITLES[i % len(TITLES)], role="lead" if i % 3 else "coordinator",
                     plan="3256/QĐ-UBND", deadline_text="Quý IV/2026", due="2026-12-31",
                     expected_result="Báo cáo kết quả", status=status,
                     percent={"done": 100.0, "in_progress": 60.0, "done_late": 100.0}.get(status, 0.0),
                     result=f"{RESULTS[i % len(RESULTS)]} Đã xử lý {i * 37 % 900 + 12} hồ sơ, đạt "
                            f"{i * 13 % 41 + 60}% kế hoạch năm.", difficulties="Thiếu nhân lực" if i % 7 == 0 else None,
                     attachments=attachments)


def _indicator(i: int) -> IndicatorEntry:
    kind = ("ratio", "ratio", "count", "level", "text")[i % 5]
    values: dict[str, object] = {
        "ratio": {"numerator": 170.0 + i, "denominator": 200.0, "target_value": 100.0},
        "count": {"value": float(12 + i)},
        "level": {"level": "Cấp độ 3"},
        "text": {"note": "Đã triển khai theo kế hoạch"},
    }[kind]
    return IndicatorEntry(key=f"CT.{i + 1}", group="Chính phủ số", name=INDICATOR_NAMES[i % 5],
                          unit={"ratio": "%", "count": "cuộc", "level": "cấp độ", "text": ""}[kind], kind=kind,
                          plan="3256/QĐ-UBND", target_text="100%" if kind == "ratio" else None,
                          **values)  # type: ignore[arg-type]
