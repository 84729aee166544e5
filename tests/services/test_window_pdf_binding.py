"""The PDF the window saves (laid out in a child process) names the signed bundle, as the CLI's does: without
that line, a PDF signed digitally from the window could never follow its report to the province."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from desktop.models.store import Store
from desktop.services.snapshots import signed_bundle_sha256
from desktop.views import pdf_process


def test_the_window_s_pdf_of_a_signed_report_names_its_bundle(demo_store: Store, tmp_path: Path) -> None:
    bundle = signed_bundle_sha256(demo_store, "2026Q3")
    assert bundle, "the demo's Q3 2026 is signed"
    out = pdf_process.export_pdf(demo_store, "2026Q3", tmp_path / "q3.pdf")
    with pdfplumber.open(out) as pdf:
        assert f"baocao-bundle-sha256:{bundle}" in pdf.metadata["Keywords"]


def test_a_draft_s_pdf_names_no_bundle(demo_store: Store, tmp_path: Path) -> None:
    out = pdf_process.export_pdf(demo_store, "2026Q4", tmp_path / "q4.pdf")
    with pdfplumber.open(out) as pdf:
        assert "baocao-bundle-sha256" not in pdf.metadata.get("Keywords", "")
