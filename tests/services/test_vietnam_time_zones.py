"""On a PC whose zone is far from Vietnam's, every date with legal meaning still follows Vietnam time: the
period being reported, the days left before its deadline, the document's date and its number (which restarts
on 1 January in Vietnam), as the PDF prints them. The app runs in a child process under TZ with its clock
stopped at an instant where the PC's calendar day is not Vietnam's (tests/frozen_clock.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

CHILD = """
import tests.frozen_clock
import json, subprocess, sys
from datetime import date
from pathlib import Path
from sqlalchemy import select
from desktop.models.report import Report
from desktop.services import documents, periods
from desktop.services.demo import setup_demo
from tests.conftest import FAST_KDF, PASSPHRASE

data = Path(sys.argv[1])
demo = setup_demo(data, PASSPHRASE, kdf=FAST_KDF)
store = demo.store
# The demo signs last quarter on its last day on time; the officer signs the current report now, on Vietnam's day.
from desktop.services.signing import approve_and_sign
from tests.views.flow_helpers import answer_errors_in_store
answer_errors_in_store(store, demo.period_code)
approve_and_sign(store, demo.period_code)
with store.session() as session:
    view = periods.period_view(session, demo.period_code)
    signed = [(r.period_code, r.revision, r.document_number, r.document_date.isoformat())
              for r in session.scalars(select(Report).where(Report.status != "draft"))]
pdf = documents.export_pdf(store, sorted(signed)[-1][0], data.parent / "r.pdf")
text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout
print(json.dumps({"local_today": date.today().isoformat(), "period": demo.period_code, "days_left": view.days_left,
                  "signed": sorted(signed), "pdf": " ".join(text.split())}))
store.close()
"""


def _run(data: Path, zone: str, instant: str) -> dict[str, Any]:
    env = {**os.environ, "TZ": zone, "BAOCAO_FROZEN_UTC": instant, "PYTHONPATH": str(REPO)}
    env.pop("BAOCAO_PASSPHRASE", None)
    done = subprocess.run([sys.executable, "-c", CHILD, str(data)], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow(seconds=45)
def test_los_angeles_a_day_behind_vietnam_across_the_new_year(tmp_path: Path) -> None:
    data = tmp_path / "data"
    # 20/11/2026 10:00 in Vietnam is still 19/11 in Los Angeles: Q4 2026 is open and gets signed on the 20th.
    autumn = _run(data, "America/Los_Angeles", "2026-11-20T03:00:00+00:00")
    assert autumn["local_today"] == "2026-11-19"
    assert autumn["period"] == "2026Q4" and autumn["days_left"] == 10  # on time until 30/11, Vietnam's day
    assert autumn["signed"] == [["2026Q3", 1, 1, "2026-09-19"], ["2026Q4", 1, 2, "2026-11-20"]]
    assert "ngày 20 tháng 11 năm 2026" in autumn["pdf"] and "Số: 02/BC-UBND" in autumn["pdf"]
    # 01/01/2027 02:00 in Vietnam is 31/12/2026 in Los Angeles: Q4 2026's deadline has passed, Q1 2027 is
    # open, and Q1 is signed on Vietnam's new year's day: its number starts again at 01.
    new_year = _run(data, "America/Los_Angeles", "2026-12-31T19:00:00+00:00")
    assert new_year["local_today"] == "2026-12-31"
    assert new_year["period"] == "2027Q1"
    assert new_year["signed"] == [["2026Q3", 1, 1, "2026-09-19"], ["2026Q4", 1, 2, "2026-11-20"],
                                  ["2027Q1", 1, 1, "2027-01-01"]]
    assert "ngày 01 tháng 01 năm 2027" in new_year["pdf"] and "Số: 01/BC-UBND" in new_year["pdf"]


def test_kiritimati_a_day_ahead_of_vietnam_before_the_deadline(tmp_path: Path) -> None:
    # 30/11/2026 20:00 in Vietnam is already 01/12 03:00 on Kiritimati (UTC+14): the report is still on time.
    seen = _run(tmp_path / "data", "Pacific/Kiritimati", "2026-11-30T13:00:00+00:00")
    assert seen["local_today"] == "2026-12-01"
    assert seen["period"] == "2026Q4" and seen["days_left"] == 0  # the last day on time, not overdue
    assert seen["signed"] == [["2026Q3", 1, 1, "2026-09-19"], ["2026Q4", 1, 2, "2026-11-30"]]
    assert "ngày 30 tháng 11 năm 2026" in seen["pdf"]
