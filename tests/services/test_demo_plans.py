"""The demo commune of Đồng Tháp reports on Đồng Tháp's plans, never on another province's."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import select

from desktop.models.plan import Plan
from desktop.models.store import Store
from desktop.services import documents


def test_the_demo_commune_has_only_its_provinces_plans(demo_store: Store, tmp_path: Path) -> None:
    with demo_store.session() as session:
        plans = {plan.code: plan.issuer for plan in session.scalars(select(Plan))}
    assert plans and "594/KH-UBND" not in plans
    assert all("AN GIANG" not in issuer.upper() for issuer in plans.values())
    out = documents.export_pdf(demo_store, "2026Q3", tmp_path / "bao-cao.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "594/KH-UBND" not in text and "An Giang" not in text
    assert "3256/QĐ-UBND" in text
