"""``baocao-server device …`` and ``baocao-server schedule …``: the province's devices and deadlines.

    baocao-server device list [AGENCY]
    baocao-server device revoke KEY_ID --reason "…"
    baocao-server schedule set PERIOD --deadline DD/MM/YYYY [--plan CODE]
    baocao-server schedule clear PERIOD [--plan CODE]
    baocao-server schedule list
"""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from desktop.i18n import tr
from server.config import Settings
from server.db import Database
from server.devices import REPLACED_BY, format_moment, list_devices, revoke_device
from server.schedule import clear_deadline, list_entries, set_deadline


def register(commands: Any) -> None:
    """Add the ``device`` and ``schedule`` commands to the CLI's subparsers."""
    device = commands.add_parser("device", help="enrolled devices").add_subparsers(dest="device_command",
                                                                                   required=True)
    listing = device.add_parser("list", help="list devices (of one agency)")
    listing.add_argument("agency", nargs="?")
    listing.set_defaults(run=_device_list)
    revoke = device.add_parser("revoke", help="revoke a device key (lost, stolen, replaced)")
    revoke.add_argument("key_id")
    revoke.add_argument("--reason", required=True)
    revoke.set_defaults(run=_device_revoke)
    schedule = commands.add_parser("schedule", help="reporting deadlines").add_subparsers(dest="schedule_command",
                                                                                         required=True)
    setting = schedule.add_parser("set", help="set a deadline: PERIOD 2027Q1 (one period) or Q1 (every year)")
    setting.add_argument("period")
    setting.add_argument("--deadline", required=True, help="DD/MM/YYYY (DD/MM for Q1..Q4)")
    setting.add_argument("--plan", default="", help="only for this plan's number")
    setting.set_defaults(run=_schedule_set)
    clearing = schedule.add_parser("clear", help="remove a deadline: the plan's default applies again")
    clearing.add_argument("period")
    clearing.add_argument("--plan", default="", help="only for this plan's number")
    clearing.set_defaults(run=_schedule_clear)
    schedule.add_parser("list", help="list the deadlines set").set_defaults(run=_schedule_list)


def _database(settings: Settings) -> Database:
    settings.ensure_dirs()
    db = Database(settings.db_url)
    db.create_schema()
    return db


def _device_list(args: argparse.Namespace, settings: Settings) -> int:
    devices = list_devices(_database(settings), args.agency)
    if not devices:
        print(tr("Chưa có thiết bị nào.", "No devices."))
    for d in devices:
        by_vi, by_en = ("mã thay máy", "replacement code") if d.revoked_by == REPLACED_BY else (d.revoked_by,) * 2
        state = (tr(f"thu hồi {format_moment(d.revoked_at)} ({by_vi}): {d.revoke_reason}",
                    f"revoked {format_moment(d.revoked_at)} ({by_en}): {d.revoke_reason}")
                 if d.revoked_at is not None else tr("đang dùng", "active"))
        print(f"{d.agency_code}\t{d.key_id}\t{d.name}\t{format_moment(d.enrolled_at)}\t{state}")
    return 0


def _device_revoke(args: argparse.Namespace, settings: Settings) -> int:
    done = revoke_device(_database(settings), args.key_id, args.reason, f"cli:{getpass.getuser()}")
    assert done.revoked_at is not None
    print(tr(f"Đã thu hồi {done.key_id} ({done.agency_code}) lúc {format_moment(done.revoked_at)}.",
             f"Revoked {done.key_id} ({done.agency_code}) at {format_moment(done.revoked_at)}."))
    return 0


def _schedule_set(args: argparse.Namespace, settings: Settings) -> int:
    from server.console.schedule_labels import period_text  # the console package imports this module

    entry = set_deadline(_database(settings), args.period, args.deadline, plan_code=args.plan,
                         actor=f"cli:{getpass.getuser()}")
    scope = tr(f" (kế hoạch {entry.plan_code})", f" (plan {entry.plan_code})") if entry.plan_code else ""
    print(tr(f"Hạn báo cáo {period_text(entry.period, 'vi')}{scope}: trước ngày {entry.label}.",
             f"Deadline for {period_text(entry.period, 'en')}{scope}: before {entry.label}."))
    return 0


def _schedule_clear(args: argparse.Namespace, settings: Settings) -> int:
    from server.console.schedule_labels import period_text

    period = args.period.strip().upper()
    scope = tr(f" (kế hoạch {args.plan})", f" (plan {args.plan})") if args.plan else ""
    named_vi, named_en = period_text(period, "vi"), period_text(period, "en")
    if not clear_deadline(_database(settings), period, plan_code=args.plan, actor=f"cli:{getpass.getuser()}"):
        print(tr(f"Chưa đặt hạn báo cáo {named_vi}{scope}.", f"No deadline was set for {named_en}{scope}."))
        return 1
    print(tr(f"Đã bỏ hạn báo cáo {named_vi}{scope}; các máy sẽ dùng hạn mặc định sau lần đồng bộ tới.",
             f"Removed the deadline for {named_en}{scope}; the PCs use the default after their next sync."))
    return 0


def _schedule_list(_args: argparse.Namespace, settings: Settings) -> int:
    for entry in list_entries(_database(settings)):
        print(f"{entry.period}\t{entry.plan_code or '-'}\t{entry.label}")
    return 0
