"""The server app in-process (ASGI) for tests that need unusual settings or thousands of generated requests."""

from __future__ import annotations

import base64
import time
import warnings
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI

from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes
from server.app import create_app
from server.config import Settings
from server.enrollment import add_agency, enroll, issue_code

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

__all__ = ["TestClient", "fuzz_app"]


def fuzz_app(directory: Path, settings: Settings | None = None) -> tuple[FastAPI, Ed25519PrivateKey]:
    """An in-process app with agency XA-FUZZ and its enrolled device key."""
    app = create_app(settings or Settings.from_env(directory), ProvinceKeys.generate())
    db = app.state.baocao.db
    add_agency(db, "XA-FUZZ", "UBND xã Fuzz")
    key = Ed25519PrivateKey.generate()
    enroll(db, issue_code(db, "XA-FUZZ"), base64.b64encode(ed25519_public_bytes(key)).decode(), "fuzz",
           now=time.time())
    return app, key
