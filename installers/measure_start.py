"""Start-up time of the built app against the source tree, in the same run and the same clean environment.

``python installers/measure_start.py APP_FOLDER`` runs each command from the frozen folder and with this
Python from the source tree, alternating, and prints the first (cold) run, the median of the others and
their ratio. "window" is ``self-test --only window``: process start to the main window built offscreen.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "--version": ["--version"],
    "window": ["self-test", "--only", "window"],
    "self-test": ["self-test"],
}


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What ``env -i`` would leave, plus what the app needs to run headless."""
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": os.environ.get("LANG", "C.UTF-8"),
           "QT_QPA_PLATFORM": "offscreen"}
    env.update(extra)
    return env


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time of one run, and its exit code."""
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False, timeout=600)
    return time.perf_counter() - started, done.returncode


def measure(app: Path, python: str, runs: int) -> list[str]:
    """One line per command: cold and median times of frozen and source runs and their ratios."""
    lines = [f"{'command':<10} {'frozen cold':>11} {'source cold':>11} {'ratio':>6}   "
             f"{'frozen med':>10} {'source med':>10} {'ratio':>6}"]
    with tempfile.TemporaryDirectory(prefix="baocao-start-") as tmp:
        home = Path(tmp)
        frozen_env = clean_env(home)
        source_env = clean_env(home, PYTHONPATH=str(ROOT))
        for label, args in COMMANDS.items():
            frozen: list[float] = []
            source: list[float] = []
            codes = set()
            for _ in range(runs):
                seconds, code = timed([str(app / "baocao-cli"), *args], frozen_env)
                frozen.append(seconds)
                codes.add(code)
                seconds, code = timed([python, "-m", "desktop", *args], source_env)
                source.append(seconds)
                codes.add(code)
            note = "" if codes == {0} else f"   (exit codes {sorted(codes)}: a check failed)"
            warm_f, warm_s = statistics.median(frozen[1:] or frozen), statistics.median(source[1:] or source)
            lines.append(f"{label:<10} {frozen[0]:>10.2f}s {source[0]:>10.2f}s {frozen[0] / source[0]:>6.2f}   "
                         f"{warm_f:>9.2f}s {warm_s:>9.2f}s {warm_f / warm_s:>6.2f}{note}")
    return lines


def main() -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("app", type=Path, help="the built app folder (holds baocao-cli)")
    parser.add_argument("--python", default=sys.executable, help="Python with the project's dependencies")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for line in measure(args.app, args.python, max(args.runs, 1)):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
