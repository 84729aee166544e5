"""``baocao restore-history`` (a new PC takes the agency's past quarters) and ``baocao revise-from-province``."""

from __future__ import annotations

import argparse

from desktop.cli import context
from desktop.i18n import tr
from desktop.models.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the commands that take the agency's history from the province."""
    restore = sub.add_parser("restore-history", help="after enrolling a new PC: rebuild the agency's past "
                             "quarters from the reports the province accepted (verified here)")
    restore.add_argument("--no-evidence", action="store_true",
                         help="bring back values, revisions and receipts only, not the evidence files")
    restore.set_defaults(func=cmd_restore_history)
    revise = sub.add_parser("revise-from-province", help="after a revision conflict: open the next revision "
                            "on top of the one the province holds")
    revise.add_argument("--period", required=True, help=context.PERIOD_FORMS)
    revise.add_argument("--reason", required=True, help="why the new revision is made")
    revise.set_defaults(func=cmd_revise_from_province)
    for parser in (restore, revise):
        context.add_common(parser)


def cmd_restore_history(args: argparse.Namespace) -> int:
    """Restore and say what came back."""
    from desktop.domain.officer_words import counted
    from desktop.services.sync import restore_from_province

    def run(store: Store) -> int:
        outcome = restore_from_province(store, evidence=not args.no_evidence)
        print(tr(f"Đã khôi phục {len(outcome.restored)} lần báo cáo từ Sở ({outcome.already_here} đã có sẵn trên máy), "
                 f"{outcome.evidence_files} tệp minh chứng.",
                 f"Restored {counted(len(outcome.restored), 'report revision')} from the province "
                 f"({outcome.already_here:,} already on this PC), {counted(outcome.evidence_files, 'evidence file')}."))
        for name in outcome.named():
            print(f"  {name}")
        if outcome.unmatched_rows:
            print(tr(f"{outcome.unmatched_rows} dòng không có trong kế hoạch trên máy này nên không chép.",
                     f"Not copied, as this PC's plans do not have them: {counted(outcome.unmatched_rows, 'row')}."))
        return 0

    return context.with_store(args, run)


def cmd_revise_from_province(args: argparse.Namespace) -> int:
    """Open revision N+1 from the province's copy."""
    from desktop.domain.periods import SHORT
    from desktop.services.periods import check_code
    from desktop.services.sync import continue_from_province

    def run(store: Store) -> int:
        period = check_code(args.period)
        revision = continue_from_province(store, period.code, args.reason)
        print(tr(f"Đã mở lần {revision} của kỳ {period.label('vi', SHORT)} từ bản Sở đang giữ; sửa, ký rồi gửi lại.",
                 f"Opened revision {revision} of {period.label('en', SHORT)} from the province's copy; edit, sign and "
                 "send it."))
        return 0

    return context.with_store(args, run)
