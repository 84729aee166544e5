"""A value the field refused, listed with the report's issues as the error it is.

The officer typed «150» in a percent: the field refused it and kept the text, but the issue list still read the
stored value and said «chưa có tỷ lệ hoàn thành; hãy nhập tỷ lệ», counted «0 lỗi», and the true reason («150%
nằm ngoài 0–100…») was only in a hover tooltip. A refusal now stands in the list (and the form's messages) in
place of what the stored value would say about that field, and counts as an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.domain.validation import ValidationResult
from desktop.domain.validation_issues import CORRECT, ERROR, Issue, ItemName

REFUSED_CODE = "input.refused"


TITLE_SHOWN = 60  # as long as validation's messages name an item


def refused_issue(name: ItemName, ref: str, field: str, reason_vi: str, reason_en: str) -> Issue:
    """The error for a value ``field`` of the item ``ref`` refused, in the item's name like every issue."""
    title = " ".join(name.title.split())
    name = replace(name, title=title if len(title) <= TITLE_SHOWN else title[:TITLE_SHOWN - 1] + "…")
    return Issue(severity=ERROR, principle=CORRECT, code=REFUSED_CODE, item_kind=name.kind, item_key=ref,
                 field=field, message_vi=f"{name.vi()}: {reason_vi}", message_en=f"{name.en()}: {reason_en}")


def with_refused(result: ValidationResult, refused: Sequence[Issue]) -> ValidationResult:
    """``result`` with each refusal in place of the issues about its field (those describe the stored value,
    not what the officer typed and sees)."""
    if not refused:
        return result
    fields = {(i.item_kind, i.item_key, i.field) for i in refused}
    kept = tuple(i for i in result.issues if (i.item_kind, i.item_key, i.field) not in fields)
    return ValidationResult(tuple(refused) + kept)
