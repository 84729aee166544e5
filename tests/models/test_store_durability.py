"""A writer killed with SIGKILL mid-loop leaves a sound store holding every committed row."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models.plan import Plan
from desktop.models.store import Store
from tests.conftest import FAST_KDF, PASSPHRASE, REPO

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from desktop.models.keyslots import KdfParams
    from desktop.models.plan import Plan
    from desktop.models.store import Store
    store = Store.open(Path(sys.argv[1]), "admin", sys.argv[2])
    i = 0
    while True:
        with store.session() as session:
            session.add(Plan(code=f"KH-{i}", title="Kế hoạch số " + str(i) * 50))
        print(i, flush=True)  # printed only after the commit returned
        i += 1
""")


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_sigkill_mid_write_loses_no_committed_row(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    Store.create(data_dir, "admin", PASSPHRASE, FAST_KDF)[0].close()
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), PASSPHRASE], stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert child.stdout is not None
    committed: list[int] = []
    deadline = time.monotonic() + 60
    while len(committed) < 40 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        committed.append(int(line))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert len(committed) >= 40
    store = Store.open(data_dir, "admin", PASSPHRASE)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    with store.session() as session:
        codes = set(session.scalars(select(Plan.code)))
    store.close()
    assert {f"KH-{i}" for i in committed} <= codes
