"""A file-based OutboxPort for the sync tests (the app's own outbox lives in the encrypted store).

One directory: ``<id>.bundle`` (the signed bundle), ``<id>.state.json`` (upload state, written
atomically after every chunk so that a killed process resumes), ``<id>.receipt`` and
``<id>.attention.json`` once settled. Everything survives the process, like the real outbox.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from desktop.sync.upload import BundleToSend, UploadState


class FileOutbox:
    """Bundles waiting in a directory; what ``run_sync`` needs, nothing more."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.saved_states: list[UploadState] = []

    def add(self, bundle_id: str, data: bytes) -> BundleToSend:
        """Queue a bundle."""
        (self.root / f"{bundle_id}.bundle").write_bytes(data)
        return self._bundle(bundle_id)

    def pending(self) -> list[BundleToSend]:
        return [self._bundle(path.name.removesuffix(".bundle")) for path in sorted(self.root.glob("*.bundle"))
                if not self._settled(path.name.removesuffix(".bundle"))]

    def upload_state(self, bundle_id: str) -> UploadState | None:
        path = self.root / f"{bundle_id}.state.json"
        if not path.exists():
            return None
        data = json.loads(path.read_text())
        return UploadState(data["url"], data["offset"])

    def save_upload_state(self, bundle_id: str, state: UploadState) -> None:
        self.saved_states.append(state)
        _write_atomic(self.root / f"{bundle_id}.state.json",
                      json.dumps({"url": state.url, "offset": state.offset}).encode())

    def mark_receipted(self, bundle_id: str, receipt: bytes) -> None:
        _write_atomic(self.root / f"{bundle_id}.receipt", receipt)

    def mark_needs_attention(self, bundle_id: str, code: str, message_vi: str, message_en: str,
                             receipt: bytes | None = None) -> None:
        _write_atomic(self.root / f"{bundle_id}.attention.json",
                      json.dumps({"code": code, "vi": message_vi, "en": message_en}, ensure_ascii=False).encode())

    def receipt(self, bundle_id: str) -> bytes | None:
        """The stored receipt of a bundle, if any."""
        path = self.root / f"{bundle_id}.receipt"
        return path.read_bytes() if path.exists() else None

    def attention(self, bundle_id: str) -> dict[str, str] | None:
        """Why a bundle needs attention, if it does."""
        path = self.root / f"{bundle_id}.attention.json"
        return json.loads(path.read_text()) if path.exists() else None

    def _settled(self, bundle_id: str) -> bool:
        return (self.root / f"{bundle_id}.receipt").exists() or (self.root / f"{bundle_id}.attention.json").exists()

    def _bundle(self, bundle_id: str) -> BundleToSend:
        path = self.root / f"{bundle_id}.bundle"
        data = path.read_bytes()
        return BundleToSend(bundle_id, hashlib.sha256(data).hexdigest(), len(data), lambda: path.open("rb"))


def _write_atomic(path: Path, data: bytes) -> None:
    temp = path.with_suffix(path.suffix + ".tmp")
    with temp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)
