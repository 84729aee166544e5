"""``baocao plan parse`` (JSON on stdout, nothing stored) and ``baocao plan import`` (``--dry-run``: the
differences with the stored version, nothing stored), for .xlsx, .xls, .docx and PDF files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.cli import context
from desktop.documents.plan_model import warning_place
from desktop.i18n import tr
from desktop.services import plans


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``plan parse`` and ``plan import``."""
    p = sub.add_parser("plan", help="provincial plans (.xlsx, .xls, .docx, PDF)")
    plan_sub = p.add_subparsers(dest="plan_command", required=True)
    parse = plan_sub.add_parser("parse", help="print the plan of a file as JSON; stores nothing")
    context.add_common(parse)
    parse.add_argument("file", type=Path)
    parse.add_argument("--sheet")
    parse.set_defaults(func=cmd_parse)
    imp = plan_sub.add_parser("import", help="store the plan of a file")
    context.add_common(imp)
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet")
    imp.add_argument("--code", help="the plan's số ký hiệu (default: read from the workbook or its file name)")
    imp.add_argument("--dry-run", action="store_true", help="show what importing would change; store nothing")
    imp.set_defaults(func=cmd_import)


def cmd_parse(args: argparse.Namespace) -> int:
    """Print the parsed plan."""
    data = plans.parse_plan(args.file, args.sheet)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import and print what changed."""
    store = context.open_store(args)
    try:
        if args.dry_run:
            result = plans.preview_plan(store, args.file, sheet=args.sheet, code=args.code).changes
        else:
            result = plans.import_plan(store, args.file, sheet=args.sheet, code=args.code)
    finally:
        store.close()
    if args.dry_run:
        print(tr("Chạy thử, không lưu gì:", "Dry run, nothing stored:"))
    if result.created:
        print(tr(f"{'Sẽ nhập' if args.dry_run else 'Đã nhập'} kế hoạch {result.plan_code}: {len(result.added)} mục.",
                 f"{'Would import' if args.dry_run else 'Imported'} plan {result.plan_code}: "
                 f"{len(result.added)} items."))
    elif result.unchanged:
        print(tr(f"Kế hoạch {result.plan_code} không thay đổi.", f"Plan {result.plan_code} is unchanged."))
    else:
        print(tr(f"{'Sẽ cập nhật' if args.dry_run else 'Đã cập nhật'} kế hoạch {result.plan_code}:",
                 f"{'Would update' if args.dry_run else 'Updated'} plan {result.plan_code}:"))
        for label_vi, label_en, keys in (("thêm", "added", result.added), ("bỏ", "removed", result.removed),
                                         ("sửa", "changed", result.changed)):
            if keys:
                print(f"  {tr(label_vi, label_en)} ({len(keys)}): {', '.join(keys)}")
    for warning in result.warnings:
        print(tr("Cảnh báo", "Warning"), f"[{warning_place(warning)}]", warning["message"], file=sys.stderr)
    return 0
