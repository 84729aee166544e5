"""Server settings: where its data lives and the bounds it enforces, from arguments or the environment.

``BAOCAO_SERVER_DATA_DIR`` (or ``--data-dir``) holds the encrypted province keys, the SQLite database
(unless ``BAOCAO_SERVER_DB`` names another database URL, e.g. PostgreSQL), uploads in progress and the
stored bundles. ``BAOCAO_SERVER_PASSPHRASE`` unlocks the province keys without a prompt.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_DATA_DIR = Path("baocao-server-data")
MIB = 1024 * 1024


@dataclass(frozen=True)
class RateLimit:
    """A token bucket: ``burst`` requests at once, refilled at ``per_second``."""

    burst: float
    per_second: float


@dataclass(frozen=True)
class Settings:
    """Everything the server needs to start; immutable once the app is built."""

    data_dir: Path
    db_url: str
    max_bundle_bytes: int = 256 * MIB
    max_chunk_bytes: int = 8 * MIB
    max_json_bytes: int = 64 * 1024
    max_open_uploads: int = 64
    # Four of the largest bundles: an agency's unfinished uploads cannot fill the province's disk.
    max_open_upload_bytes: int = 1024 * MIB
    upload_ttl_seconds: int = 30 * 24 * 3600
    clock_window_seconds: int = 300
    enroll_code_days: int = 7
    enroll_code_max_failures: int = 5
    sweep_interval_seconds: int = 3600
    agency_rate: RateLimit = field(default_factory=lambda: RateLimit(burst=240, per_second=40))
    enroll_failure_rate: RateLimit = field(default_factory=lambda: RateLimit(burst=20, per_second=0.2))

    @property
    def keys_path(self) -> Path:
        """The province's private keys, wrapped under the server passphrase."""
        return self.data_dir / "province-keys.json"

    @property
    def uploads_dir(self) -> Path:
        """Partial uploads: one file per upload, appended chunk by chunk."""
        return self.data_dir / "uploads"

    @property
    def bundles_dir(self) -> Path:
        """Accepted bundles, one file per bundle named by its SHA-256."""
        return self.data_dir / "bundles"

    def with_changes(self, **changes: object) -> Settings:
        """A copy with some fields replaced (tests and the CLI)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, data_dir: Path | str | None = None, db_url: str | None = None) -> Settings:
        """Settings from arguments, else ``BAOCAO_SERVER_DATA_DIR`` / ``BAOCAO_SERVER_DB``, else defaults."""
        directory = Path(data_dir or os.environ.get("BAOCAO_SERVER_DATA_DIR") or DEFAULT_DATA_DIR).resolve()
        url = db_url or os.environ.get("BAOCAO_SERVER_DB") or f"sqlite:///{directory / 'server.sqlite3'}"
        # Shorter upload lifetimes and sweeps are for tests and small installations; both are bounded.
        ttl = _env_seconds("BAOCAO_SERVER_UPLOAD_TTL_SECONDS", cls.upload_ttl_seconds)
        sweep = _env_seconds("BAOCAO_SERVER_SWEEP_SECONDS", cls.sweep_interval_seconds)
        open_bytes = _env_bytes("BAOCAO_SERVER_MAX_OPEN_UPLOAD_BYTES", cls.max_open_upload_bytes)
        # A smaller chunk bound suits a reverse proxy with a small body limit (and lets tests reach it).
        chunk = _env_bytes("BAOCAO_SERVER_MAX_CHUNK_BYTES", cls.max_chunk_bytes)
        return cls(data_dir=directory, db_url=url, upload_ttl_seconds=ttl, sweep_interval_seconds=sweep,
                   max_open_upload_bytes=open_bytes, max_chunk_bytes=chunk)

    def ensure_dirs(self) -> None:
        """Create the data directories (private to the server's user)."""
        for path in (self.data_dir, self.uploads_dir, self.bundles_dir):
            path.mkdir(mode=0o700, parents=True, exist_ok=True)


def _env_seconds(name: str, default: int) -> int:
    text = os.environ.get(name, "").strip()
    return max(1, min(int(text), 365 * 86400)) if text.isdigit() else default


def _env_bytes(name: str, default: int) -> int:
    text = os.environ.get(name, "").strip()
    return max(1, min(int(text), 1024 * 1024 * MIB)) if text.isdigit() else default
