"""The FastAPI application: ``create_app(settings, keys)`` wires the store, the keys and the routes."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI

from desktop.sync.device_keys import ProvinceKeys
from server.auth import Authenticator
from server.body_limit import BodyLimit
from server.config import Settings
from server.console import install_console
from server.context import ServerContext
from server.db import Database
from server.intake import Intake, recipient_ids
from server.keys import load_keys
from server.plans import AssignmentPackages
from server.problems import install_handlers
from server.rate_limit import TokenBuckets
from server.routers import assignments, enroll, history, receipts, uploads
from server.upload_store import UploadStore

API_VERSION = "1.0.0"


def create_app(settings: Settings, keys: ProvinceKeys | None = None) -> FastAPI:
    """The server app; without ``keys`` they are unlocked with ``BAOCAO_SERVER_PASSPHRASE``."""
    if keys is None:
        keys = load_keys(settings.keys_path, os.environ.get("BAOCAO_SERVER_PASSPHRASE", ""))
    settings.ensure_dirs()
    db = Database(settings.db_url)
    db.create_schema()
    ctx = ServerContext(
        settings=settings, db=db, keys=keys,
        intake=Intake(db, settings.bundles_dir, keys.signing, recipients=recipient_ids(keys)),
        auth=Authenticator(db, TokenBuckets(settings.agency_rate), window=settings.clock_window_seconds),
        uploads=UploadStore(db, settings), packages=AssignmentPackages(db, keys.signing),
        enroll_failures=TokenBuckets(settings.enroll_failure_rate))
    app = FastAPI(title="baocao province server", version=API_VERSION, lifespan=_sweeping(ctx),
                  description="Sync protocol v1: enrollment, assignments, resumable bundle upload, receipts. "
                              "See docs/sync-protocol.md.")
    app.state.baocao = ctx
    install_handlers(app)
    for module in (enroll, assignments, uploads, receipts, history):
        app.include_router(module.router)
    install_console(app, ctx)
    app.add_middleware(BodyLimit, max_json=settings.max_json_bytes, max_chunk=settings.max_chunk_bytes,
                       forms_prefix="/console/", max_form=settings.max_bundle_bytes + 1024 * 1024)
    return app


def _sweeping(ctx: ServerContext) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """While the app runs, a thread removes expired uploads and their bytes every ``sweep_interval_seconds``."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()

        def sweep() -> None:
            while True:
                try:
                    ctx.uploads.sweep()
                except Exception:  # a failed sweep (disk, database busy) is tried again next time
                    logging.getLogger(__name__).exception("upload sweep failed")
                if stop.wait(ctx.settings.sweep_interval_seconds):
                    return

        thread = threading.Thread(target=sweep, name="upload-sweep", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()

    return lifespan
