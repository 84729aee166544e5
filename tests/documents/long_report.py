"""A report whose results run long: the 305-page case of issue 16 (327 tasks, 77 indicators, every tenth result
7,600 characters), scaled down as asked. Each long result is numbered sentences, so a test can tell that
every piece of a row cut across pages arrived, in order."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.report_snapshot import ReportSnapshot
from tests.sync.report_factory import make_snapshot

LONG_RESULT_CHARS = 7_600


def long_result(chars: int = LONG_RESULT_CHARS) -> str:
    """Numbered sentences ("Nội dung 1: …") up to about ``chars`` characters."""
    sentences: list[str] = []
    total = 0
    while total < chars:
        sentence = (f"Nội dung {len(sentences) + 1}: đã rà soát hồ sơ, cập nhật cơ sở dữ liệu và tập huấn cán bộ "
                    f"tại các ấp.")
        sentences.append(sentence)
        total += len(sentence) + 1
    return " ".join(sentences)


def long_report(tasks: int = 327, indicators: int = 77, every: int = 10,
                chars: int = LONG_RESULT_CHARS) -> ReportSnapshot:
    """``make_snapshot`` with every ``every``-th task's result ``chars`` long."""
    base = make_snapshot(tasks=tasks, indicators=indicators)
    text = long_result(chars)
    return replace(base, tasks=tuple(replace(task, result=text) if n % every == 0 else task
                                     for n, task in enumerate(base.tasks)))
