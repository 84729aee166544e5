"""``baocao-server documents recheck``: judge again the signed documents refused because a certificate did
not chain to a trusted root, after the province added the root (``baocao-server trust add``).

Each document keeps its one record; its verdict and receipt are replaced (``DocumentIntake.rejudge``). The
agency's PC gets the new receipt at its next sync (it re-sends the refused document when the province's
roots change) or with the «Gửi lại» action of its sync panel.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desktop.i18n import tr
from server.config import Settings
from server.db import Database
from server.intake import Intake, recipient_ids
from server.keys import load_keys


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             database: Callable[[Settings], Database], passphrase: Callable[[], str]) -> None:
    """Register ``documents recheck``; ``database(settings)`` opens the db, ``passphrase()`` asks for it."""
    documents = commands.add_parser("documents", help="signed report PDFs received").add_subparsers(
        dest="documents_command", required=True)
    documents.add_parser("recheck", help="judge again the documents refused as untrusted (after trust add)"
                         ).set_defaults(run=lambda args, settings: recheck(settings, database, passphrase))


def recheck(settings: Settings, database: Callable[[Settings], Database], passphrase: Callable[[], str]) -> int:
    """Judge again every document refused as untrusted; print each one's new status; 0 always."""
    keys = load_keys(settings.keys_path, passphrase())
    db = database(settings)
    try:
        done = Intake(db, settings.bundles_dir, keys.signing, recipients=recipient_ids(keys)
                      ).recheck_documents(always=True)
    finally:
        db.dispose()
    for sha256, status, code in done:
        print(tr(f"{sha256[:16]}…: {'được công nhận' if status == 'accepted' else 'vẫn không được công nhận'}"
                 f"{f' ({code})' if code else ''}",
                 f"{sha256[:16]}…: {'now recognised' if status == 'accepted' else 'still not recognised'}"
                 f"{f' ({code})' if code else ''}"))
    accepted = sum(status == "accepted" for _sha, status, _code in done)
    print(tr(f"Đã xét lại {len(done)} văn bản ký số; {accepted} nay được công nhận.",
             f"{len(done)} signed documents re-checked; {accepted} now recognised."))
    return 0
