"""Evidence files (minh chứng) on a task or an indicator of the current report revision."""

from __future__ import annotations

import mimetypes
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from desktop.domain.file_kinds import can_run
from desktop.domain.text import nfc
from desktop.errors import Cancelled, InputError
from desktop.models.attachment import Attachment, copy_attachment, drop_attachment, store_attachment
from desktop.models.store import Store
from desktop.services.installation import installation_agency
from desktop.services.reports import find_assigned_indicator, find_assigned_task, latest_report, report_for_edit

OWNER_KINDS = ("task", "indicator", "report")


@dataclass(frozen=True)
class EvidenceInfo:
    """An evidence file as the list shows it."""

    id: int
    owner_kind: str
    owner_key: str
    name: str
    media_type: str
    size: int
    sha256: str


def _info(row: Attachment) -> EvidenceInfo:
    return EvidenceInfo(row.id, row.owner_kind, row.owner_key, row.name, row.media_type, row.size, row.sha256)


class _Cancellable:
    """A source file that stops being read once the user cancels."""

    def __init__(self, source: BinaryIO, cancelled: Callable[[], bool] | None) -> None:
        self.source, self.cancelled = source, cancelled

    def read(self, size: int = -1) -> bytes:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("Đã hủy đính kèm tệp.", "Attaching the file was cancelled.")
        return self.source.read(size)


def attach_evidence(store: Store, period_code: str, owner_kind: str, owner_ref: str, path: Path, *,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> EvidenceInfo:
    """Stream ``path`` into the store as evidence of a task or indicator; all or nothing."""
    if owner_kind not in OWNER_KINDS:
        raise InputError(f"Loại mục không hợp lệ: {owner_kind}", f"Invalid item kind: {owner_kind}", code="bad_kind")
    if can_run(path.name):
        # Evidence is opened by people on other PCs (the province): a program or script is never accepted.
        raise InputError(f"Không đính kèm được {path.name}: chương trình hoặc tập lệnh không phải minh chứng. "
                         "Hãy nén (zip) hoặc chuyển sang PDF nếu thật cần gửi.",
                         f"Cannot attach {path.name}: programs and scripts are not evidence. Zip it or convert "
                         "it to PDF if it truly must be sent.", code="executable")
    try:
        total = path.stat().st_size
        handle = open(path, "rb")  # noqa: SIM115 - closed below, wrapped for progress
    except OSError as exc:
        raise InputError(f"Không mở được tệp {path}: {exc.strerror}", f"Cannot open {path}: {exc.strerror}",
                         code="unreadable") from exc
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    with handle, store.session() as session:
        agency = installation_agency(session)
        if owner_kind == "task":
            find_assigned_task(session, agency, owner_ref)
        elif owner_kind == "indicator":
            find_assigned_indicator(session, agency, owner_ref)
        report = report_for_edit(session, agency, period_code)
        reader = _Cancellable(handle, cancelled)
        row = store_attachment(session, reader, name=nfc(path.name), media_type=media_type,  # type: ignore[arg-type]
                               report_id=report.id, owner_kind=owner_kind, owner_key=owner_ref,
                               progress=(lambda done: progress(done, total)) if progress else None)
        return _info(row)


def list_evidence(store: Store, period_code: str, owner_kind: str | None = None,
                  owner_ref: str | None = None) -> list[EvidenceInfo]:
    """Evidence of the newest revision, optionally of one item."""
    with store.session() as session:
        report = latest_report(session, installation_agency(session), period_code)
        if report is None:
            return []
        query = select(Attachment).where(Attachment.report_id == report.id).order_by(Attachment.id)
        if owner_kind is not None:
            query = query.where(Attachment.owner_kind == owner_kind)
        if owner_ref is not None:
            query = query.where(Attachment.owner_key == owner_ref)
        return [_info(row) for row in session.scalars(query)]


def remove_evidence(store: Store, period_code: str, evidence_id: int) -> None:
    """Remove one evidence file from an editable revision."""
    with store.session() as session:
        report = report_for_edit(session, installation_agency(session), period_code)
        row = session.get(Attachment, evidence_id)
        if row is None or row.report_id != report.id:
            raise InputError("Không tìm thấy tệp minh chứng.", "Evidence file not found.", code="no_evidence")
        drop_attachment(session, row)


def save_evidence_copy(store: Store, evidence_id: int, target: Path) -> Path:
    """Write a copy where the user chose (atomically); the only way evidence leaves the store."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".baocao-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, store.session() as session:
            row = session.get(Attachment, evidence_id)
            if row is None:
                raise InputError("Không tìm thấy tệp minh chứng.", "Evidence file not found.", code="no_evidence")
            copy_attachment(session, row, out)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def item_kind(store: Store, ref: str) -> str:
    """Whether ``ref`` (the workbook's "Mã", e.g. "3256/QĐ-UBND::II.3") names a task or an indicator of this
    agency; refused with the ref named if it is neither."""
    ref = nfc(ref)
    with store.session() as session:
        agency = installation_agency(session)
        for kind, find in (("task", find_assigned_task), ("indicator", find_assigned_indicator)):
            try:
                find(session, agency, ref)
            except InputError:
                continue
            return kind
    raise InputError(f"Không có nhiệm vụ hay chỉ tiêu mã «{ref}» giao cho đơn vị.",
                     f"No task or indicator «{ref}» is assigned to this agency.", code="no_item")


def remove_evidence_named(store: Store, period_code: str, ref: str, name: str) -> EvidenceInfo:
    """Remove the evidence file called ``name`` from the item ``ref``; refused if there is none."""
    kind = item_kind(store, ref)
    wanted = nfc(name)
    for info in list_evidence(store, period_code, kind, nfc(ref)):
        if info.name == wanted:
            remove_evidence(store, period_code, info.id)
            return info
    raise InputError(f"Mục «{ref}» không có tệp minh chứng «{name}».", f"Item «{ref}» has no evidence «{name}».",
                     code="no_evidence")
