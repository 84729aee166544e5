"""What must never ship in a built app folder: test files, caches, key material.

``python installers/bundle_hygiene.py DIR`` prints each offending path and exits 1, or exits 0 when the
folder is clean. The build script runs it on every build.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

TEST_DIRS = {"tests", "testing_data"}
CACHE_DIRS = {"__pycache__", ".pytest_cache", ".hypothesis", ".benchmarks", ".mypy_cache", ".ruff_cache"}
TEST_FILE = re.compile(r"^(test_.*\.py|.*_test\.py|conftest\.py)$")
STORE_FILE = re.compile(r"^(keyslots\.json|baocao\.db(-wal|-shm|-journal)?)$")
KEY_SUFFIXES = {".key", ".p12", ".pfx", ".jks", ".keystore"}
PEM_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----")
SCAN_LIMIT = 8 * 1024 * 1024


def find_forbidden(root: Path) -> list[str]:
    """Every path under ``root`` (relative, with the reason) that must not ship."""
    found = []
    for path in sorted(root.rglob("*")):
        reason = _reason(path)
        if reason:
            found.append(f"{path.relative_to(root)}: {reason}")
    return found


def _reason(path: Path) -> str | None:
    name = path.name
    if path.is_dir():
        if name in TEST_DIRS:
            return "test folder"
        if name in CACHE_DIRS:
            return "cache folder"
        return None
    if TEST_FILE.match(name):
        return "test file"
    if STORE_FILE.match(name):
        return "a store's file (user data or its key slots)"
    if path.suffix.lower() in KEY_SUFFIXES:
        return "key file"
    return _pem_reason(path)


def _pem_reason(path: Path) -> str | None:
    """PEM files may ship only if they hold certificates alone (a CA bundle); any other block is a key."""
    is_pem = path.suffix.lower() in {".pem", ".crt", ".cer"}
    if not is_pem and path.stat().st_size > SCAN_LIMIT:
        return None
    with path.open("rb") as handle:
        head = handle.read(SCAN_LIMIT)
    if not is_pem and b"\0" in head[:8192]:
        return None  # a binary: libraries quote PEM labels as strings, which is not key material
    labels = {m.group(1).decode() for m in PEM_BLOCK.finditer(head)}
    if labels - {"CERTIFICATE", "TRUSTED CERTIFICATE"}:
        return f"PEM with {', '.join(sorted(labels))}"
    if is_pem and not labels:
        return "PEM file that holds no certificate"
    return None


def main(argv: list[str]) -> int:
    """Print what must not ship; exit 1 if anything was found."""
    if len(argv) != 2 or not Path(argv[1]).is_dir():
        print("usage: bundle_hygiene.py APP_FOLDER", file=sys.stderr)
        return 2
    found = find_forbidden(Path(argv[1]))
    for line in found:
        print(f"must not ship: {line}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
