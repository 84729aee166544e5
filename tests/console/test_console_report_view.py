"""One agency's report in the console, as a province officer checks it against the Quyết định: the plan's own
task keys, the place and date in words, the indicators' values, verdicts and the commune's explanations."""

from __future__ import annotations

import re
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from desktop.domain.report_snapshot import ReportSnapshot
from desktop.sync.sync_run import RECEIPTED, run_sync
from tests.console.console_server import ConsoleServer
from tests.e2e.file_outbox import FileOutbox

AGENCY = "DT-MYHIEP"
EXPLANATION = "Thiếu máy quét tại bộ phận một cửa, đã đề nghị cấp bổ sung."


def _as_the_plan_numbers_it(snapshot: ReportSnapshot) -> ReportSnapshot:
    """Plan keys as 3256/QĐ-UBND numbers its tasks (III.12, IV.15, VIII.28), no place of its own, an explanation."""
    tasks = tuple(replace(t, key=key, section=key.split(".")[0])
                  for t, key in zip(snapshot.tasks, ("III.12", "III.13", "IV.15", "VIII.28"), strict=True))
    indicators = (replace(snapshot.indicators[0], numerator=45.0, denominator=50.0, note=EXPLANATION),
                  *snapshot.indicators[1:])
    agency = replace(snapshot.agency, name="Ủy ban nhân dân xã Mỹ Hiệp", place="")
    return replace(snapshot, agency=agency, tasks=tasks, indicators=indicators,
                   document=replace(snapshot.document, date="2026-12-03"))


def test_the_report_view_shows_plan_keys_the_date_in_words_and_explanations(console: ConsoleServer,
                                                                             tmp_path: Path) -> None:
    device = console.enroll(AGENCY)
    outbox = FileOutbox(tmp_path / "outbox")
    outbox.add(*device.bundle(tasks=4, edit=_as_the_plan_numbers_it))
    with device.client() as client:
        assert run_sync(client, outbox).with_outcome(RECEIPTED)
    with closing(console.login("officer")) as officer:
        page = officer.get(f"/console/reports/{AGENCY}/2026Q4").text
    assert '<em id="dated">Mỹ Hiệp, ngày 03 tháng 12 năm 2026</em>' in page, page[-4000:]
    tasks = re.search(r'<table class="grid" id="tasks">.*?</table>', page, re.S)
    assert tasks is not None
    assert re.findall(r"<tr><td>([IVX]+\.\d+)</td>", tasks.group(0)) == ["III.12", "III.13", "IV.15", "VIII.28"]
    assert "Thiếu nhân lực" in tasks.group(0), "the task's difficulties are shown"
    indicators = re.search(r'<table class="grid" id="indicators">.*?</table>', page, re.S)
    assert indicators is not None
    assert "45/50 (90%)" in indicators.group(0) and "Chưa đạt" in indicators.group(0)
    assert EXPLANATION in indicators.group(0), indicators.group(0)
