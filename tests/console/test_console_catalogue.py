"""The console's strings: every text a page or route shows through ``_()`` has its English entry."""

from __future__ import annotations

import re
from pathlib import Path

from server.console.i18n import EN, translator
from server.console.routes.agencies import KIND_LABELS
from server.console.routes.period import STATE_LABELS
from server.console.routes.staff import ROLE_LABELS
from server.console.web import FORBIDDEN, HERE, NO_SESSION

_CALL = re.compile(r'_\("([^"]+)"\)')


def _used() -> set[str]:
    texts: set[str] = set()
    for template in (HERE / "templates").glob("*.html"):
        texts |= set(_CALL.findall(template.read_text(encoding="utf-8")))
        texts |= {label for _href, label in re.findall(r'\("(/[a-z]+)", "([^"]+)"\)', template.read_text("utf-8"))}
    labels = set(STATE_LABELS.values()) | set(KIND_LABELS.values()) | set(ROLE_LABELS.values())
    return texts | labels | {FORBIDDEN, NO_SESSION}


def test_every_console_string_has_an_english_translation() -> None:
    missing = sorted(text for text in _used() if text not in EN)
    assert not missing, missing


def test_english_and_vietnamese_pages_differ_only_by_the_catalogue() -> None:
    english, vietnamese = translator("en"), translator("vi")
    assert english("Kỳ báo cáo") == "Reporting period" and vietnamese("Kỳ báo cáo") == "Kỳ báo cáo"
    assert all(value.strip() for value in EN.values())


def test_templates_have_no_inline_script_or_style() -> None:
    for template in Path(HERE / "templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "<script>" not in text and " style=" not in text and not re.search(r"\son[a-z]+=", text), template
