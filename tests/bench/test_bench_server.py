"""Server intake budget: signed bundles verified, stored once and receipted per second (≥ 300/s), memory flat.

The intake is the one every commit and USB import goes through (``server.intake.Intake.take``): hash,
manifest, signature, payload hashes, report schema, chain check, file, rows and a signed receipt in one
SQLite (WAL) transaction. Two worker threads feed it, as uvicorn's thread pool does. Short mode takes
300 bundles of 100 agencies; BAOCAO_BENCH_FULL=1 takes 3,000. Run with -s to see the figures.

This machine is shared and its speed varies by a fifth from run to run, so the same process first
measures bare ``verify_bundle`` on the same files (no database, no file placed, no receipt) and the
intake is also given as a share of that rate. Only the statuses and the memory growth are asserted:
a slow machine must not fail CI, the printout says whether the target was met.
"""

from __future__ import annotations

import base64
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.sync.bundle import verify_bundle
from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes
from server.config import Settings
from server.db import Database
from server.enrollment import add_agency, enroll, issue_code
from server.intake import Intake
from tests.bench.conftest import scale
from tests.server.bundles import RECIPIENT, agency_bundle

AGENCIES = 100
TARGET_PER_SECOND = 300


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _prepare(tmp_path: Path, count: int) -> tuple[Intake, list[Path], dict[str, bytes]]:
    settings = Settings.from_env(tmp_path / "server")
    settings.ensure_dirs()
    db = Database(settings.db_url)
    db.create_schema()
    keys = [Ed25519PrivateKey.generate() for _ in range(AGENCIES)]
    for number, key in enumerate(keys):
        code = f"XA-{number:03d}"
        add_agency(db, code, f"UBND xã {number}")
        enroll(db, issue_code(db, code), base64.b64encode(ed25519_public_bytes(key)).decode(), "bench",
               now=time.time())
    paths, previous = [], [None] * AGENCIES
    for index in range(count):
        agency, round_ = index % AGENCIES, index // AGENCIES + 1
        built = agency_bundle(keys[agency], f"XA-{agency:03d}", revision=round_,
                              supersedes=round_ - 1 or None, sequence=round_, previous_hash=previous[agency],
                              tasks=30)
        previous[agency] = built.sha256
        path = tmp_path / "in" / f"{index:05d}.bcb"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(built.data)
        paths.append(path)
    public = {f"XA-{number:03d}": ed25519_public_bytes(key) for number, key in enumerate(keys)}
    intake = Intake(db, settings.bundles_dir, ProvinceKeys.generate().signing, recipients=frozenset({RECIPIENT}))
    return intake, paths, public


def _verify_rate(paths: list[Path], public: dict[str, bytes]) -> float:
    """Bundles per second through bare ``verify_bundle``, on one thread: the floor of any intake."""
    started = time.perf_counter()
    for path in paths:
        verify_bundle(path, key_for_agency=public.get)
    return len(paths) / (time.perf_counter() - started)


def test_server_intake_rate_and_memory(benchmark, tmp_path: Path) -> None:
    count = scale(300, 3000)
    intake, paths, public = _prepare(tmp_path, count)
    verify_rate = _verify_rate(paths, public)
    by_agency: dict[int, list[Path]] = {}
    for index, path in enumerate(paths):
        by_agency.setdefault(index % AGENCIES, []).append(path)
    rss: list[int] = []

    def take_all() -> list[str]:
        def one_agency(items: list[Path]) -> list[str]:
            statuses = [intake.take(path, source="network").status for path in items]
            rss.append(_rss_kib())
            return statuses

        with ThreadPoolExecutor(max_workers=2) as pool:
            return [s for chunk in pool.map(one_agency, by_agency.values()) for s in chunk]

    before = _rss_kib()
    started = time.perf_counter()
    statuses = benchmark.pedantic(take_all, rounds=1, iterations=1)
    elapsed = time.perf_counter() - started
    rate = count / elapsed
    growth = (max(rss) - before) / 1024
    benchmark.extra_info.update(bundles=count, per_second=round(rate), verify_per_second=round(verify_rate),
                                rss_growth_mib=round(growth, 1))
    print(f"\nbare verify_bundle, same files, same process: {verify_rate:.0f}/s")
    print(f"server intake: {count} bundles in {elapsed:.2f} s = {rate:.0f}/s ({rate / verify_rate:.0%} of bare "
          f"verification); RSS {before / 1024:.0f} MiB before, peak growth {growth:.1f} MiB")
    print(f"target {TARGET_PER_SECOND}/s: {'met' if rate >= TARGET_PER_SECOND else 'NOT met'} on this run")
    assert statuses == ["accepted"] * count
    assert growth < 64
