"""``baocao report …``: show, validate, approve, sign, reopen, pdf, xlsx, docx and fill, over the report services."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli import context, signing_commands
from desktop.errors import InputError
from desktop.i18n import current_language, tr
from desktop.models.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``report`` subcommands."""
    p = sub.add_parser("report", help="the quarter's report")
    report_sub = p.add_subparsers(dest="report_command", required=True)

    def command(name: str, func: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        parser = report_sub.add_parser(name, help=help_text)
        context.add_common(parser)
        parser.add_argument("--period", help=context.PERIOD_HELP)
        parser.set_defaults(func=func)
        return parser

    command("show", cmd_show, "show the report's items and values").add_argument("--json", action="store_true")
    command("validate", cmd_validate, "check the report (errors block approval)")
    command("approve", cmd_approve, "approve the report (refused while errors remain)")
    command("sign", cmd_sign, "approve, sign and queue the report for the province").add_argument(
        "--early", action="store_true", help="sign even though the period's data window has not started")
    command("history", cmd_history, "list the report's revisions")
    command("reopen", cmd_reopen, "open a new revision of a signed report").add_argument(
        "--reason", help="why (asked at a prompt when left out)")
    pdf = command("pdf", cmd_pdf, "write the report PDF (--sign: digitally signed)")
    pdf.add_argument("--out", type=Path, required=True)
    pdf.add_argument("--sign", choices=["signer", "agency"], help="sign it with a token or --p12 (ND 30)")
    signing_commands.add_key_arguments(pdf)
    command("xlsx", cmd_xlsx, "write the report workbook").add_argument("--out", type=Path, required=True)
    command("docx", cmd_docx, "write the report as a Word document to edit and print").add_argument(
        "--out", type=Path, required=True)
    fill = command("fill", cmd_fill, "take values from a filled report workbook (into the period it records)")
    fill.add_argument("file", type=Path)
    fill.add_argument("--force", action="store_true",
                      help="take a workbook written for another agency or period all the same")


def _period(store: Store, args: argparse.Namespace) -> str:
    from desktop.services.periods import check_code, current_period_code

    return check_code(args.period).code if args.period else current_period_code()


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def cmd_show(args: argparse.Namespace) -> int:
    """Print the report as a table or JSON, in the officer's words."""
    from desktop.domain.officer_words import REPORT_STATUSES, ROLES, words
    from desktop.domain.task_status import status_label
    from desktop.services.reports import open_report

    def run(store: Store) -> int:
        view = open_report(store, _period(store, args))
        if args.json:
            json.dump(_jsonable(view), sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
            return 0
        language = current_language()
        label = view.period.label_en if language == "en" else view.period.label_vi
        status = words(REPORT_STATUSES, view.status, language)
        print(f"{view.agency_name} — {label} — {tr('lần', 'revision')} {view.revision} ({status})")
        for t in view.tasks:
            done = status_label(t.status, language) if t.status else "-"
            print(f"  [{words(ROLES, t.role, language)}] {t.plan} {t.key}: {t.title[:70]} | {done} {t.percent or ''}")
        for i in view.indicators:
            print(f"  [{words(ROLES, i.role, language)}] {i.plan} {i.key}: {i.name[:70]} | "
                  f"{i.numerator or ''}/{i.denominator or ''} {i.value or ''} {i.level or ''}")
        return 0

    return context.with_store(args, run)


def cmd_validate(args: argparse.Namespace) -> int:
    """Print every issue; exit 1 when errors remain."""
    from desktop.domain.officer_words import counted
    from desktop.services.validation import validate

    def run(store: Store) -> int:
        result = validate(store, _period(store, args))
        lang = current_language()
        for issue in result.issues:
            label = tr("LỖI", "ERROR") if issue.severity == "error" else tr("CẢNH BÁO", "WARNING")
            print(f"{label} [{issue.principle}] {issue.message_en if lang == 'en' else issue.message_vi}")
        print(tr(f"{len(result.errors)} lỗi, {len(result.warnings)} cảnh báo.",
                 f"{counted(len(result.errors), 'error')}, {counted(len(result.warnings), 'warning')}."))
        return 1 if result.blocking else 0

    return context.with_store(args, run)


def cmd_approve(args: argparse.Namespace) -> int:
    """Approve."""
    from desktop.services.reports import approve_report

    def run(store: Store) -> int:
        approve_report(store, _period(store, args))
        print(tr("Đã phê duyệt báo cáo.", "Report approved."))
        return 0

    return context.with_store(args, run)


def _early_signing_agreed(store: Store, code: str, early: bool) -> None:
    """Before its data window opens a period is signed only with ``--early`` or a "c" at the terminal's question.

    A report that validation refuses gets that refusal instead (approve_and_sign names the first error).
    """
    from desktop.services.signing import early_signing_warning
    from desktop.services.validation import validate

    warning = early_signing_warning(code)
    if warning is None or early or validate(store, code).blocking:
        return
    if sys.stdin.isatty():
        print(warning.message(), file=sys.stderr)
        answer = input(tr("Vẫn ký? (c/K) ", "Sign all the same? (y/N) ")).strip().lower()
        if answer in ("c", "có", "co", "y", "yes"):
            return
        raise InputError("Chưa ký.", "Not signed.", code="early_signing")
    raise InputError(warning.notice("vi") + " Thêm --early để vẫn ký.",
                     warning.notice("en") + " Add --early to sign all the same.", code="early_signing")


def cmd_sign(args: argparse.Namespace) -> int:
    """Sign and queue (asking first when the period's data window has not started)."""
    from desktop.services.signing import approve_and_sign

    def run(store: Store) -> int:
        code = _period(store, args)
        _early_signing_agreed(store, code, args.early)
        signed = approve_and_sign(store, code)
        print(tr(f"Đã ký báo cáo lần {signed.revision} (số {signed.document_number:02d}); gói {signed.bundle_id} "
                 "chờ gửi về Sở.",
                 f"Report revision {signed.revision} signed (no. {signed.document_number:02d}); bundle "
                 f"{signed.bundle_id} queued for the province."))
        return 0

    return context.with_store(args, run)


def cmd_history(args: argparse.Namespace) -> int:
    """Every revision, oldest first."""
    from desktop.domain.officer_words import REPORT_STATUSES, words
    from desktop.services.reports import report_history

    def run(store: Store) -> int:
        for row in report_history(store, _period(store, args)):
            reason = f" — {row['reason']}" if row["reason"] else ""
            sent = {"on_time": tr(", gửi đúng hạn", ", sent on time"), "late": tr(", gửi trễ hạn", ", sent late"),
                    None: ""}[row["timeliness"]]
            status = words(REPORT_STATUSES, "refused" if row["refused"] else row["status"], current_language())
            print(f"{tr('Lần', 'Revision')} {row['revision']}: {status}{sent}{reason}")
        return 0

    return context.with_store(args, run)


def cmd_reopen(args: argparse.Namespace) -> int:
    """New revision."""
    from desktop.services.reports import reopen_report

    def run(store: Store) -> int:
        from desktop.services.signing import revoked_warning

        warning = revoked_warning(store)
        if warning is not None:  # before the reason is asked: the officer may not want to start at all
            print(tr(*warning), file=sys.stderr)
        revision = reopen_report(store, _period(store, args), _reason(args.reason))
        print(tr(f"Đã mở báo cáo sửa đổi lần {revision}.", f"Revision {revision} opened."))
        return 0

    return context.with_store(args, run)


def _reason(given: str | None) -> str:
    """``--reason``, else what the officer types at the prompt."""
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise InputError("Cần ghi lý do sửa đổi (--reason).", "A reason for the new revision is needed (--reason).",
                         code="reason_required")
    return input(tr("Lý do sửa đổi báo cáo đã ký: ", "Why the signed report is revised: "))


def cmd_pdf(args: argparse.Namespace) -> int:
    """Write the PDF."""
    from desktop.services.documents import export_pdf

    def run(store: Store) -> int:
        if args.sign:
            from desktop.services.digital_signing import sign_report
            from desktop.signing.pades import Role

            key, pin = signing_commands.key_source(store, args)
            signing_commands.warn_signer_name(store, Role(args.sign), key, pin)
            signing_commands.print_signed(sign_report(store, _period(store, args), args.out,
                                                      Role(args.sign), key, pin))
            return 0
        export_pdf(store, _period(store, args), args.out)
        print(tr("Đã ghi", "Written:"), args.out)
        return 0

    return context.with_store(args, run)


def cmd_xlsx(args: argparse.Namespace) -> int:
    """Write the workbook."""
    from desktop.services.documents import export_workbook

    def run(store: Store) -> int:
        export_workbook(store, _period(store, args), args.out)
        print(tr("Đã ghi", "Written:"), args.out)
        return 0

    return context.with_store(args, run)


def cmd_docx(args: argparse.Namespace) -> int:
    """Write the Word copy."""
    from desktop.services.documents import export_docx

    def run(store: Store) -> int:
        export_docx(store, _period(store, args), args.out)
        print(tr("Đã ghi", "Written:"), args.out)
        return 0

    return context.with_store(args, run)


def cmd_fill(args: argparse.Namespace) -> int:
    """Take values from a workbook, all or nothing."""
    from desktop.domain.officer_words import counted, period_words
    from desktop.services.documents import fill_from_workbook

    def run(store: Store) -> int:
        period = _period(store, args) if args.period else None
        result = fill_from_workbook(store, period, args.file, force=args.force)
        period_vi, period_en = period_words(result.period)
        print(tr(f"Đã lấy giá trị của {result.tasks} nhiệm vụ và {result.indicators} chỉ tiêu từ {args.file} "
                 f"vào báo cáo {period_vi}.",
                 f"Took the values of {counted(result.tasks, 'task')} and {counted(result.indicators, 'indicator')} "
                 f"from {args.file} into the {period_en} report."))
        return 0

    return context.with_store(args, run)
