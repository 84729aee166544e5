"""``baocao-server province …``: the province's name, the Sở's name and phone, and the public address.

    baocao-server province set [--name "Đồng Tháp"] [--department "Sở …"] [--phone "0277 …"]
                               [--public-url https://baocao.example.gov.vn] [--symbol SKHCN]
                               [--drafting-unit VP] [--signer-title "Phó Giám đốc"] [--signer-name "Nguyễn Văn A"]
    baocao-server province show
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from typing import Any

from desktop.i18n import tr
from server.config import Settings
from server.db import Database
from server.province import ProvinceSettings, province_settings, set_province


def register(commands: Any, database: Callable[[Settings], Database]) -> None:
    """Add the ``province`` commands to the CLI's subparsers."""
    province = commands.add_parser("province", help="the province's name, phone and public address")
    actions = province.add_subparsers(dest="province_command", required=True)
    setting = actions.add_parser("set", help="set what is given (an empty value clears it)")
    setting.add_argument("--name", help='province name, e.g. "Đồng Tháp" (shown in the consolidated report)')
    setting.add_argument("--department", help='issuing department, default "Sở Khoa học và Công nghệ"')
    setting.add_argument("--phone", help="the department's phone number, printed on the enrollment letter")
    setting.add_argument("--public-url", help="the address communes reach this server at (https://…)")
    setting.add_argument("--symbol", help='the symbol in document numbers, default "SKHCN" (…/BC-SKHCN)')
    setting.add_argument("--drafting-unit", help='the drafting unit, default "VP" (…/SKHCN-VP, «Lưu: VT, VP»)')
    setting.add_argument("--signer-title", help='"Giám đốc" (default) or "Phó Giám đốc" (signs KT. GIÁM ĐỐC)')
    setting.add_argument("--signer-name", help="the signer's full name, printed under the signature")
    setting.set_defaults(run=lambda args, settings: _set(args, database(settings)))
    actions.add_parser("show", help="show the settings").set_defaults(
        run=lambda _args, settings: _show(province_settings(database(settings))))


def _set(args: argparse.Namespace, db: Database) -> int:
    done = set_province(db, actor=f"cli:{getpass.getuser()}", name=args.name, department=args.department,
                        phone=args.phone, public_url=args.public_url, symbol=args.symbol,
                        drafting_unit=args.drafting_unit, signer_title=args.signer_title, signer_name=args.signer_name)
    return _show(done)


def _show(settings: ProvinceSettings) -> int:
    unset = tr("(chưa đặt)", "(not set)")
    print(tr("Tỉnh", "Province") + f": {settings.name or unset}")
    print(tr("Sở", "Department") + f": {settings.department}")
    print(tr("Điện thoại của Sở", "Department's phone") + f": {settings.phone or unset}")
    print(tr("Địa chỉ máy chủ cho các xã", "Server address for the communes") + f": {settings.public_url or unset}")
    print(tr("Ký hiệu văn bản", "Document symbol") + f": …/BC-{settings.symbol}, …/{settings.symbol}-"
          f"{settings.drafting_unit}")
    signer = " / ".join(line for line in (settings.signer_authority, settings.signer_title) if line)
    print(tr("Người ký", "Signer") + f": {signer}, {settings.signer_name or unset}")
    if settings.public_url and settings.public_url_is_local:
        print(tr("Cảnh báo: địa chỉ này chỉ dùng được trên chính máy chủ; các xã không kết nối được.",
                 "Warning: this address works only on the server itself; no commune can reach it."))
    return 0
