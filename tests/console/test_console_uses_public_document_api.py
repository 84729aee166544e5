"""The console builds its documents from the app's public document functions, never a private name
(``desktop.documents.report_pdf`` and ``report_docx`` may rename their internals freely)."""

from __future__ import annotations

import ast
from pathlib import Path

from server.console.web import HERE


def test_no_private_name_is_imported_from_the_desktop_documents() -> None:
    private = []
    for source in HERE.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop.documents"):
                private += [f"{Path(source).name}: {alias.name}" for alias in node.names if alias.name.startswith("_")]
    assert not private, private
