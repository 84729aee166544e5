"""Bundle budgets: size of a 300-task report bundle; encryption throughput and flat memory for a big file.

Short mode encrypts a 20 MB attachment; BAOCAO_BENCH_FULL=1 uses 200 MB. Figures are printed (-s) and
stored in the benchmark's extra_info.
"""

from __future__ import annotations

import hashlib
import os
import time
import tracemalloc
from pathlib import Path

from desktop.domain.report_snapshot import AttachmentRef
from desktop.sync.bundle import BundleFile, report_json, save_bundle, verify_bundle
from desktop.sync.device_keys import ProvinceKeys, ed25519_public_bytes, load_device_key
from desktop.sync.encrypted_export import decrypt_path, encrypt_path
from tests.bench.conftest import scale
from tests.sync.conftest import DEVICE_SEED, build, bundle_fields
from tests.sync.report_factory import make_snapshot

BUNDLE_BUDGET = 32 * 1024
MIB = 1024 * 1024


def test_report_bundle_without_attachments_fits_the_budget(benchmark) -> None:
    key = load_device_key(DEVICE_SEED)
    snapshot = make_snapshot(300, 50)
    data = benchmark.pedantic(build, args=(snapshot, key), rounds=1, iterations=1)
    raw = len(report_json(snapshot))
    benchmark.extra_info.update(bundle_bytes=len(data), report_json_bytes=raw)
    print(f"\nbundle of 300 tasks + 50 indicators: {len(data):,} B (report JSON {raw:,} B before deflate)")
    assert len(data) <= BUNDLE_BUDGET


def _big_file(path: Path, size: int) -> str:
    block = os.urandom(MIB)
    digest = hashlib.sha256()
    with open(path, "wb") as handle:
        for _ in range(size // MIB):
            handle.write(block)
            digest.update(block)
    return digest.hexdigest()


def _timed(fn, *args, **kwargs) -> tuple[float, int]:
    tracemalloc.start()
    start = time.perf_counter()
    fn(*args, **kwargs)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


def test_big_attachment_bundle_encrypt_decrypt_throughput_and_flat_memory(benchmark, tmp_path: Path) -> None:
    size = scale(20, 200) * MIB
    evidence = tmp_path / "evidence.pdf"
    sha = _big_file(evidence, size)
    key = load_device_key(DEVICE_SEED)
    snapshot = make_snapshot(300, 50, attachments=(AttachmentRef("ban-do.pdf", sha, size, "application/pdf"),))
    bundle = tmp_path / "report.bcb"
    with open(evidence, "rb") as stream:
        t_make, m_make = _timed(save_bundle, bundle, report_json(snapshot),
                                [BundleFile(sha, size, "application/pdf", stream)], **bundle_fields(snapshot, key))
    t_verify, m_verify = _timed(verify_bundle, bundle, key_for_agency=lambda _a: ed25519_public_bytes(key))
    province = ProvinceKeys.generate()
    kid, public = province.public().recipient()
    sealed, opened = tmp_path / "report.bcx", tmp_path / "opened.bcb"
    t_enc, m_enc = _timed(encrypt_path, bundle, sealed, public, recipient_key_id=kid)
    t_dec, m_dec = benchmark.pedantic(_timed, args=(decrypt_path, sealed, opened, province.hpke_private_key),
                                      rounds=1, iterations=1)
    assert opened.stat().st_size == bundle.stat().st_size
    mb = size / MIB
    figures = {name: (round(mb / t, 1), round(m / 1024)) for name, t, m in (
        ("make", t_make, m_make), ("verify", t_verify, m_verify), ("encrypt", t_enc, m_enc),
        ("decrypt", t_dec, m_dec))}
    benchmark.extra_info.update({f"{k}_mb_s": v[0] for k, v in figures.items()})
    benchmark.extra_info.update({f"{k}_peak_kib": v[1] for k, v in figures.items()})
    print(f"\n{mb:.0f} MB attachment: " + "; ".join(f"{k} {v[0]} MB/s, peak {v[1]} KiB" for k, v in figures.items()))
    assert all(peak < 4 * MIB // 1024 for _speed, peak in figures.values())
