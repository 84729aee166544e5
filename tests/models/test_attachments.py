"""Evidence files are streamed in and out of the encrypted store, never held whole in memory."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.errors import IntegrityError
from desktop.models.attachment import CHUNK_SIZE, Attachment, copy_attachment, store_attachment
from desktop.models.store import Store
from tests.conftest import FAST_KDF, PASSPHRASE, REPO


def test_round_trip_small_and_chunk_boundaries(store: Store) -> None:
    for size in (0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE):
        body = os.urandom(size)
        with store.session() as session:
            att = store_attachment(session, io.BytesIO(body), name=f"tệp-{size}.bin")
        out = io.BytesIO()
        with store.session() as session:
            copy_attachment(session, session.get(Attachment, att.id), out)
        assert out.getvalue() == body
        assert att.sha256 == hashlib.sha256(body).hexdigest() and att.size == size


def test_a_corrupted_chunk_is_detected(store: Store) -> None:
    with store.session() as session:
        att = store_attachment(session, io.BytesIO(b"minh chung " * 1000), name="a.txt")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE attachment_chunk SET data = X'00' WHERE attachment_id = ?", (att.id,))
    with store.session() as session, pytest.raises(IntegrityError):
        copy_attachment(session, session.get(Attachment, att.id), io.BytesIO())


PROBE = textwrap.dedent("""
    import hashlib, resource, sys
    from pathlib import Path
    from desktop.models.attachment import Attachment, iter_attachment, store_attachment
    from desktop.models.store import Store

    def peak_mb():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    source = Path(sys.argv[3])
    store = Store.open(Path(sys.argv[1]), "admin", sys.argv[2])
    with store.session() as s:
        s.execute(__import__("sqlalchemy").text("SELECT 1"))
    base = peak_mb()
    with store.session() as s, open(source, "rb") as fh:
        att = store_attachment(s, fh, name="video.mp4")
    digest = hashlib.sha256()
    with store.session() as s:
        for block in iter_attachment(s, s.get(Attachment, att.id)):
            digest.update(block)
    print(att.size, digest.hexdigest(), round(peak_mb() - base, 1))
""")


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB is Linux's")
def test_200_mb_attachment_with_flat_memory(tmp_path: Path) -> None:
    size = 200 * 1024 * 1024
    source = tmp_path / "video.mp4"
    expected = hashlib.sha256()
    block = os.urandom(1024 * 1024)
    with open(source, "wb") as fh:
        for i in range(size // len(block)):
            chunk = i.to_bytes(4, "big") + block[4:]
            expected.update(chunk)
            fh.write(chunk)
    data_dir = tmp_path / "d"
    Store.create(data_dir, "admin", PASSPHRASE, FAST_KDF)[0].close()
    done = subprocess.run([sys.executable, "-c", PROBE, str(data_dir), PASSPHRASE, str(source)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
                          timeout=600, check=True)
    stored_size, digest, rise_mb = done.stdout.split()
    assert int(stored_size) == size
    assert digest == expected.hexdigest()
    assert float(rise_mb) < 50, f"peak memory rose by {rise_mb} MB"
