"""``baocao-server``: the province's admin commands and the server itself.

    baocao-server [--data-dir DIR] [--db URL] init
    baocao-server serve [--host 127.0.0.1] [--port 8750] [--exit-with-parent]
    baocao-server agency add CODE NAME [--parent NAME] [--kind commune] [--phone "0277 3851 234"]
    baocao-server agency phone CODE "0277 3851 234"   ("" removes it)
    baocao-server enroll-code AGENCY [--days 7] [--replaces all|KEY_ID]
    baocao-server device list [AGENCY] | device revoke KEY_ID --reason "…"
    baocao-server schedule set PERIOD --deadline DD/MM/YYYY [--plan CODE] | schedule clear PERIOD | schedule list
    baocao-server plan import FILE (.xlsx, .xls, .docx or PDF)
    baocao-server import FILE [--out RECEIPT]
    baocao-server documents recheck
    baocao-server summary --period 2026Q4 --out FILE.xlsx
    baocao-server fingerprints
    baocao-server province set [--name "Đồng Tháp"] [--phone …] [--public-url https://…] | province show
    baocao-server user add NAME --role admin|officer|viewer   (password: BAOCAO_CONSOLE_PASSWORD or a prompt)
    baocao-server user list
    baocao-server user disable NAME

The passphrase that protects the province keys comes from ``BAOCAO_SERVER_PASSPHRASE`` or a prompt.
Every refusal is printed on one line in the user's language, with a non-zero exit status.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from desktop.domain.officer_words import counted
from desktop.errors import BaocaoError, InputError
from desktop.i18n import current_language, tr
from desktop.sync.atomic_file import atomic_output
from desktop.sync.bundle_container import MAGIC as BUNDLE_MAGIC
from desktop.sync.device_keys import ProvinceKeys
from desktop.sync.encrypted_export import decrypt_file
from desktop.sync.receipt import verify_receipt
from server import trust_roots
from server.admin_commands import register as register_admin_commands
from server.config import Settings
from server.db import Database
from server.devices import list_devices
from server.document_commands import register as register_document_commands
from server.enrollment import AGENCY_KINDS, REPLACES_ALL, add_agency, issue_code, set_agency_phone
from server.intake import Intake, IntakeResult, recipient_ids
from server.keys import create_keys, describe, load_keys, load_public_keys
from server.plans import import_plan
from server.problems import ApiError
from server.province_commands import register as register_province_commands

DEFAULT_PORT = 8750


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``baocao-server`` console script."""
    args = _parser().parse_args(argv)
    settings = Settings.from_env(args.data_dir, args.db)
    # Everything the server writes is the province's data (database, WAL, bundles, uploads, logs): private
    # to its user whatever umask it was started with. SQLite creates its files with the umask's mode.
    previous = os.umask(0o077)
    try:
        return int(args.run(args, settings) or 0)
    except ApiError as exc:
        print(exc.message(), file=sys.stderr)
        return 4
    except BaocaoError as exc:
        print(exc.message(), file=sys.stderr)
        return exc.exit_code
    finally:
        os.umask(previous)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="baocao-server", description="baocao province server")
    parser.add_argument("--data-dir", help="server data directory (BAOCAO_SERVER_DATA_DIR)")
    parser.add_argument("--db", help="database URL (BAOCAO_SERVER_DB); default SQLite in the data directory")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init", help="create the province keys and the database").set_defaults(run=_init)
    commands.add_parser("fingerprints", help="show the province key fingerprints").set_defaults(run=_fingerprints)
    serve = commands.add_parser("serve", help="run the sync server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--exit-with-parent", action="store_true",
                       help="stop when standard input closes (a parent that starts the server and may die)")
    serve.set_defaults(run=_serve)
    agency = commands.add_parser("agency", help="agencies").add_subparsers(dest="agency_command", required=True)
    add = agency.add_parser("add", help="register an agency")
    add.add_argument("code")
    add.add_argument("name")
    add.add_argument("--parent", default="")
    add.add_argument("--kind", default="commune", choices=AGENCY_KINDS)
    add.add_argument("--phone", default="", help="the number the Sở calls to remind the agency")
    add.set_defaults(run=_agency_add)
    phone = agency.add_parser("phone", help="set an agency's phone number (\"\" removes it)")
    phone.add_argument("code")
    phone.add_argument("phone")
    phone.set_defaults(run=_agency_phone)
    code = commands.add_parser(
        "enroll-code", help=tr("cấp mã đăng ký một lần cho một máy của cơ quan", "issue a one-time enrollment code"),
        description=tr("Cấp mã đăng ký một lần cho một máy của cơ quan AGENCY. Thay máy hỏng hoặc mất: dùng "
                       "--replaces all; khi máy mới đăng ký bằng mã này, mọi máy khác đang dùng của cơ quan bị thu "
                       "hồi (Sở không nhận gì từ máy cũ nữa). Trên máy mới: baocao enroll, rồi baocao "
                       "restore-history để lấy lại các báo cáo cũ.",
                       "Issue a one-time enrollment code for a PC of AGENCY. Replacing a broken or lost PC: use "
                       "--replaces all; when the new PC enrolls with this code, every other active PC of the agency "
                       "is revoked (the province takes nothing from the old one any more). On the new PC: baocao "
                       "enroll, then baocao restore-history to bring back the past reports."))
    code.add_argument("agency", help=tr("mã cơ quan, ví dụ DT-MYHIEP", "agency code, e.g. DT-MYHIEP"))
    code.add_argument("--days", type=int, default=7, help=tr("số ngày mã còn hiệu lực (mặc định 7)",
                                                             "days the code stays valid (default 7)"))
    code.add_argument("--replaces", metavar="all|KEY_ID",
                      help=tr("thay máy: khi máy mới đăng ký, thu hồi mọi máy khác của cơ quan (all) hoặc một máy "
                              "(KEY_ID, xem device list)",
                              "replacing a PC: when the new one enrolls, revoke the agency's other devices (all) "
                              "or one (KEY_ID, see device list)"))
    code.set_defaults(run=_enroll_code)
    register_admin_commands(commands)
    plan = commands.add_parser("plan", help="plans").add_subparsers(dest="plan_command", required=True)
    plan_import = plan.add_parser("import", help="publish a plan file (.xlsx, .xls, .docx, PDF)")
    plan_import.add_argument("file", type=Path)
    plan_import.set_defaults(run=_plan_import)
    usb = commands.add_parser("import", help="import an encrypted export (.bcx) or a bundle (.bcb)")
    usb.add_argument("file", type=Path)
    usb.add_argument("--out", type=Path, help="receipt file (default: FILE with suffix .bcr)")
    usb.set_defaults(run=_import)
    summary = commands.add_parser("summary", help="write the province workbook for a period")
    summary.add_argument("--period", required=True)
    summary.add_argument("--out", type=Path, required=True)
    summary.set_defaults(run=_summary)
    trust_roots.register(commands, _database)
    register_province_commands(commands, _database)
    register_document_commands(commands, _database, _passphrase)
    from server.console.user_commands import add_user_commands

    add_user_commands(commands, _database)
    return parser


def _passphrase(confirm: bool = False) -> str:
    from_env = os.environ.get("BAOCAO_SERVER_PASSPHRASE")
    if from_env:
        return from_env
    first = getpass.getpass(tr("Mật khẩu máy chủ: ", "Server passphrase: "))
    if confirm and getpass.getpass(tr("Nhập lại mật khẩu: ", "Repeat the passphrase: ")) != first:
        raise InputError("Hai lần nhập mật khẩu không khớp.", "The passphrases do not match.", code="passphrase")
    return first


def _database(settings: Settings) -> Database:
    settings.ensure_dirs()
    db = Database(settings.db_url)
    db.create_schema()
    return db


def _init(_args: argparse.Namespace, settings: Settings) -> int:
    settings.ensure_dirs()
    keys = create_keys(settings.keys_path, _passphrase(confirm=True))
    _database(settings).dispose()
    print(tr(f"Đã tạo khoá của tỉnh và cơ sở dữ liệu trong {settings.data_dir}.",
             f"Province keys and database created in {settings.data_dir}."))
    print(describe(keys.public()))
    return 0


def _fingerprints(_args: argparse.Namespace, settings: Settings) -> int:
    print(describe(load_public_keys(settings.keys_path)))
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from server.app import create_app

    app = create_app(settings, load_keys(settings.keys_path, _passphrase()))
    server = uvicorn.Server(uvicorn.Config(app, host=args.host, port=args.port, log_level="info",
                                           timeout_keep_alive=30))
    if args.exit_with_parent:
        threading.Thread(target=_stop_when_input_closes, args=(server,), name="parent-watch", daemon=True).start()
    server.run()
    return 0


def _stop_when_input_closes(server: Any) -> None:
    """The parent holds our standard input open; the system closes it when the parent ends, however it ends
    (the demo app killed or crashed must not leave a server running on the PC)."""
    with contextlib.suppress(OSError, ValueError):
        while sys.stdin.buffer.read(4096):
            pass
    server.should_exit = True


def _agency_add(args: argparse.Namespace, settings: Settings) -> int:
    add_agency(_database(settings), args.code, args.name, parent_name=args.parent, kind=args.kind, phone=args.phone)
    print(tr(f"Đã thêm cơ quan {args.code}.", f"Agency {args.code} added."))
    return 0


def _agency_phone(args: argparse.Namespace, settings: Settings) -> int:
    set_agency_phone(_database(settings), args.code, args.phone)
    print(tr(f"Đã ghi số điện thoại của {args.code}.", f"Phone number of {args.code} saved."))
    return 0


def _enroll_code(args: argparse.Namespace, settings: Settings) -> int:
    db = _database(settings)
    print(issue_code(db, args.agency, days=args.days, replaces=args.replaces))
    if args.replaces:  # said on stderr: scripts read the code alone from stdout
        doomed = [d for d in list_devices(db, args.agency)
                  if d.revoked_at is None and args.replaces in (REPLACES_ALL, d.key_id)]
        names = ", ".join(f"«{d.name}» ({d.key_id})" for d in doomed)
        print(tr(f"Khi máy mới đăng ký bằng mã này, Sở sẽ thu hồi {len(doomed)} máy đang dùng của {args.agency}: "
                 f"{names}.", f"When the new PC enrolls with this code, the province revokes "
                 f"{counted(len(doomed), 'active device')} of {args.agency}: {names}.") if doomed else
              tr(f"{args.agency} không có máy nào đang dùng để thu hồi.",
                 f"{args.agency} has no active device to revoke."), file=sys.stderr)
    return 0


def _plan_import(args: argparse.Namespace, settings: Settings) -> int:
    number, tasks, indicators, new = import_plan(_database(settings), args.file)
    print(tr(f"Kế hoạch {number}: {tasks} nhiệm vụ, {indicators} chỉ tiêu" + ("" if new else " (đã có, không đổi)"),
             f"Plan {number}: {tasks} tasks, {indicators} indicators" + ("" if new else " (already published)")))
    return 0


IMPORT_STATUSES_VI = {"accepted": "Đã nhận", "superseded": "Đã nhận (đã có lần mới hơn)",
                      "duplicate": "Đã có từ trước", "rejected": "Từ chối"}


def _import(args: argparse.Namespace, settings: Settings) -> int:
    keys = load_keys(settings.keys_path, _passphrase())
    result = import_file(settings, keys, args.file)
    out = args.out or args.file.with_suffix(".bcr")
    with atomic_output(out) as handle:
        handle.write(result.receipt)
    receipt = verify_receipt(result.receipt, keys.public().signing)
    reason = receipt.message_en if current_language() == "en" else receipt.message_vi
    print(tr(f"{IMPORT_STATUSES_VI.get(result.status, result.status)}: {reason} Biên nhận ghi tại {out}",
             f"{result.status}: {reason} Receipt written to {out}"))
    return 0 if result.status != "rejected" else 4


def import_file(settings: Settings, keys: ProvinceKeys, path: Path) -> IntakeResult:
    """Take an encrypted export (or a plain bundle) from USB or e-mail through the same intake as uploads."""
    db = _database(settings)
    intake = Intake(db, settings.bundles_dir, keys.signing, recipients=recipient_ids(keys))
    try:
        with open(path, "rb") as source:
            is_plain = source.read(len(BUNDLE_MAGIC)) == BUNDLE_MAGIC
            source.seek(0)
            # The intake hashes a file once and stores it by hard link: it takes the server's own copy,
            # never a file on a stick that could change (or be changed through the link) afterwards.
            fd, temp = tempfile.mkstemp(prefix="import-", suffix=".bcb", dir=settings.uploads_dir)
            try:
                with os.fdopen(fd, "wb") as plain:
                    if is_plain:
                        _copy_plain(source, plain, settings.max_bundle_bytes)
                    else:
                        decrypt_file(source, plain, keys.hpke_private_key, max_length=settings.max_bundle_bytes)
                    plain.flush()
                    os.fsync(plain.fileno())
                return intake.take(Path(temp), source="usb")
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temp)
    except FileNotFoundError as exc:
        raise InputError(f"Không tìm thấy tệp {path}.", f"File {path} not found.", code="not_found") from exc
    finally:
        db.dispose()


def _copy_plain(source: BinaryIO, target: BinaryIO, limit: int) -> None:
    size = os.fstat(source.fileno()).st_size
    if size > limit:
        raise InputError(f"Tệp {size:,} byte vượt giới hạn {limit:,} byte.",
                         f"The file of {size:,} bytes exceeds the {limit:,}-byte limit.", code="too_large")
    shutil.copyfileobj(source, target, 1024 * 1024)


def _summary(args: argparse.Namespace, settings: Settings) -> int:
    from server.summary import write_summary

    counts = write_summary(_database(settings), args.period, args.out)
    print(tr(f"Đã ghi {args.out}: {counts[0]}/{counts[1]} cơ quan đã báo cáo.",
             f"Wrote {args.out}: {counts[0]} of {counts[1]} agencies reported."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
