"""``baocao enroll``, ``baocao sync``, ``baocao outbox``, ``baocao export`` and ``baocao receipt import``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import context
from desktop.domain.officer_words import counted
from desktop.i18n import current_language, tr
from desktop.models.store import Store

OUTCOME_LABELS = {
    "receipted": ("Sở đã nhận, có biên nhận", "received by the province, receipt kept"),
    "already_received": ("Sở đã có (qua USB), đã lấy biên nhận", "already at the province (USB); receipt kept"),
    "needs_attention": ("bị từ chối, cần xem lại", "refused, needs attention"),
    "deferred": ("chưa gửi được, sẽ thử lại", "not sent yet, will retry"),
    "cancelled": ("đã hủy", "cancelled"),
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sync and USB-transfer commands."""
    enroll = sub.add_parser("enroll", help="enroll this PC with the province server (one-time code)")
    enroll.add_argument("--server", required=True, help="https://… address of the province server")
    enroll.add_argument("--code", help="deprecated (visible to other users in the process list): the code is "
                        "asked for, or read from BAOCAO_ENROLL_CODE")
    enroll.add_argument("--proxy", help="proxy URL (default: the system's)")
    enroll.add_argument("--ca-file", help="extra CA certificate file for the province's TLS")
    enroll.set_defaults(func=cmd_enroll)
    sync = sub.add_parser("sync", help="pull assignments and send every signed report waiting in the outbox")
    sync.set_defaults(func=cmd_sync)
    outbox = sub.add_parser("outbox", help="list the signed reports and what the province answered")
    outbox.set_defaults(func=cmd_outbox)
    export = sub.add_parser("export", help="write the signed report encrypted for the province (USB, e-mail)")
    export.add_argument("--period", help=context.PERIOD_HELP)
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--signed-document", action="store_true",
                        help="the digitally signed PDF queued for the report, instead of the report's bundle")
    export.set_defaults(func=cmd_export)
    receipt = sub.add_parser("receipt", help="receipts from the province")
    receipt_sub = receipt.add_subparsers(dest="receipt_command", required=True)
    take = receipt_sub.add_parser("import", help="record a receipt file brought back from the province")
    take.add_argument("file", type=Path)
    take.set_defaults(func=cmd_receipt_import)
    for parser in (enroll, sync, outbox, export, take):
        context.add_common(parser)


def cmd_enroll(args: argparse.Namespace) -> int:
    """Enroll and show the fingerprints to check by phone."""
    from desktop.cli.prompts import secret
    from desktop.services.identity import device_identity, require_province
    from desktop.services.sync import enroll, save_sync_settings
    from desktop.sync.device_keys import short_fingerprint
    from desktop.sync.server_url import check_server_url

    check_server_url(args.server)  # a wrong address is told before the code is asked for
    if args.code is not None:
        print(tr("Cảnh báo: mã ghi trên dòng lệnh (--code) người khác trên máy có thể thấy; lần sau hãy để chương "
                 "trình hỏi mã hoặc đặt biến BAOCAO_ENROLL_CODE.",
                 "Warning: a code given with --code is visible to other users of this PC; next time let the "
                 "program ask for it or set BAOCAO_ENROLL_CODE."), file=sys.stderr)
    code = args.code if args.code is not None else secret("BAOCAO_ENROLL_CODE", "Mã đăng ký một lần của Sở",
                                                          "The province's one-time enrollment code")

    def run(store: Store) -> int:
        save_sync_settings(store, args.server, args.proxy, args.ca_file)
        enrolled = enroll(store, args.server, code)
        profile = enrolled.profile
        if enrolled.revoked is not None and enrolled.advice is not None:
            print(tr(f"{enrolled.revoked[0]}\nĐã tạo khóa mới cho máy này và đăng ký khóa mới với Sở; khóa cũ vẫn bị "
                     f"thu hồi. {enrolled.advice[0]}",
                     f"{enrolled.revoked[1]}\nA new key was made for this PC and enrolled with the province; the "
                     f"old key stays revoked. {enrolled.advice[1]}"))
        if enrolled.replaced:
            names = ", ".join(f"«{name}»" for name in enrolled.replaced)
            print(tr(f"Sở đã thu hồi máy cũ của cơ quan: {names}; từ nay Sở chỉ nhận báo cáo từ máy này.",
                     f"The province revoked {counted(len(enrolled.replaced), 'old PC')} of the agency: {names}; "
                     "from now on it takes reports from this PC."))
        if enrolled.missing_history:  # only then is there anything to restore
            print(_history_hint(enrolled.missing_history))
        with store.session() as session:
            identity = device_identity(session)
            province = require_province(session)
        print(tr(f"Đã đăng ký: {profile.name} ({profile.code}).", f"Enrolled: {profile.name} ({profile.code})."))
        print(tr(f"Dấu vân tay khóa của máy (đọc cho Sở khi kiểm tra): {identity.fingerprint}",
                 f"This PC's key fingerprint (read it to the province to check): {identity.fingerprint}"))
        print(tr("Dấu vân tay khóa của Sở (gọi điện cho Sở, so từng nhóm; khác là phải dừng):",
                 "The province's key fingerprints (phone the province and compare each group; stop if any differs):"))
        for label, public in ((tr("ký biên nhận", "receipt signing"), province.signing),
                              (tr("nhận tệp mã hóa", "encrypted files"), province.x25519),
                              (tr("nhận tệp mã hóa (lai)", "encrypted files (hybrid)"), province.mlkem768x25519)):
            print(f"  {label}: {short_fingerprint(public)}")  # as `baocao-server fingerprints` and the letter
        return 0

    return context.with_store(args, run)


def cmd_sync(args: argparse.Namespace) -> int:
    """Sync once; exit 1 if a bundle needs attention."""
    return context.with_store(args, sync_and_tell)


def sync_and_tell(store: Store) -> int:
    """Sync once and say what came and what each item sent got; 1 if one needs attention or the sync stopped."""
    from desktop.services.sync import sync_now

    outcome = sync_now(store)
    if outcome.plans:
        print(tr(f"Đã nhận phân công mới: {', '.join(outcome.plans)}.",
                 f"New assignments received: {', '.join(outcome.plans)}."))
    elif outcome.assignments_changed:  # a new schedule or trust root: no task is new
        print(tr("Đã nhận phân công mới của Sở (hạn nộp, chứng thư); không có nhiệm vụ mới.",
                 "New assignments received from the province (deadlines, certificates); no new task."))
    english = current_language() == "en"
    for item in outcome.report.outcomes:
        message = item.message_en if english else item.message_vi
        print(f"{item.bundle_id}: {OUTCOME_LABELS.get(item.outcome, (item.outcome,) * 2)[english]}"
              + (f" — {message}" if message else ""))
    if outcome.report.stopped_by is not None:
        print(outcome.report.stopped_by.message())
    if not outcome.report.outcomes:
        print(tr("Không có báo cáo nào chờ gửi.", "No report is waiting to be sent."))
    if outcome.missing_history:
        print(_history_hint(outcome.missing_history))
    return 0 if outcome.report.complete and not outcome.report.with_outcome("needs_attention") else 1


def _history_hint(missing: int) -> str:
    """What to do when the province holds ``missing`` past reports of the agency that this PC lacks."""
    return tr(f"Sở có {missing} báo cáo cũ của cơ quan mà máy này chưa có; hãy khôi phục lịch sử "
              "(lệnh baocao restore-history, hoặc menu Công cụ › «Khôi phục lịch sử báo cáo từ Sở…»).",
              f"The province holds {counted(missing, 'past report')} of the agency this PC lacks; restore "
              "the history (command baocao restore-history, or Tools › «Restore the report history from the "
              "province…»).")


def cmd_outbox(args: argparse.Namespace) -> int:
    """One line per bundle, in the officer's words and Vietnam time."""
    from desktop.domain.officer_words import (
        OUTBOX_STATES,
        RECEIPT_STATUSES,
        ZONE,
        moment_words,
        parse_moment,
        period_words,
        words,
    )
    from desktop.services.sync import receipt_history

    def run(store: Store) -> int:
        english = current_language() == "en"
        language = "en" if english else "vi"
        rows = receipt_history(store)
        if rows:
            print(tr(f"Báo cáo đã ký và trả lời của Sở (thời gian theo {ZONE[0]}):",
                     f"Signed reports and the province's answers (times in {ZONE[1]}):"))
        for row in rows:
            message = (row.message_en if english else row.message_vi) or ""
            state = (words(RECEIPT_STATUSES, row.status, language) if row.state == "receipted" and row.status
                     else words(OUTBOX_STATES, row.state, language))
            moment = parse_moment(row.received_at)
            when = moment_words(moment)[english] if moment is not None else ""
            print(f"{period_words(row.period_code)[english]} {tr('lần', 'rev.')} {row.revision}  {state:<24} "
                  f"{when}  {row.bundle_id}  {message}".rstrip())
        if not rows:
            print(tr("Chưa có báo cáo nào đã ký.", "No signed report yet."))
        return 0

    return context.with_store(args, run)


def cmd_export(args: argparse.Namespace) -> int:
    """Seal the signed bundle for the province."""
    from desktop.services.periods import check_code, current_period_code
    from desktop.services.usb_transfer import export_encrypted

    def run(store: Store) -> int:
        period = check_code(args.period).code if args.period else current_period_code()
        export_encrypted(store, period, args.out, signed_document=args.signed_document)
        print(tr(f"Đã ghi tệp mã hóa gửi Sở: {args.out}", f"Encrypted file for the province written: {args.out}"))
        return 0

    return context.with_store(args, run)


def cmd_receipt_import(args: argparse.Namespace) -> int:
    """Record a receipt file."""
    from desktop.services.usb_transfer import import_receipt

    def run(store: Store) -> int:
        taken = import_receipt(store, args.file)
        print(tr("Đã ghi nhận biên nhận của Sở:", "Province receipt recorded:"), taken.message())
        return 0 if taken.status != "rejected" else 1

    return context.with_store(args, run)
