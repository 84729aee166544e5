"""One count of what stands between a report and its signature, the same on every screen.

The home screen counted the items not answered yet as errors («16 lỗi») while the editor said «0 lỗi, …; 16
mục chưa nhập» for the same report: the newcomer could not tell whether anything was wrong. Both now read
this tally: items not answered, errors in what was entered, warnings.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.validation import ValidationResult


@dataclass(frozen=True)
class IssueTally:
    """Items not answered yet, errors and warnings about what was entered."""

    unanswered: int
    errors: int
    warnings: int

    @property
    def signable(self) -> bool:
        """Whether the report may be signed: every item answered and no error."""
        return not self.unanswered and not self.errors


def tally(result: ValidationResult) -> IssueTally:
    """The tally of a full validation (the one signing runs, unanswered items included)."""
    entered = result.entered_only()
    return IssueTally(result.unanswered(), len(entered.errors), len(entered.warnings))
