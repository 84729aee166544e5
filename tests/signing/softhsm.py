"""A real SoftHSM2 token for tests: its own SOFTHSM2_CONF and token folder, keys imported like a CA would."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.signing.pki import Issued

LIBRARY = "/usr/lib/softhsm/libsofthsm2.so"
PIN = "246810"
SO_PIN = "13579135"


def available() -> bool:
    """SoftHSM2 and pkcs11-tool are installed."""
    return Path(LIBRARY).is_file() and all(
        subprocess.run(["which", tool], capture_output=True, check=False).returncode == 0
        for tool in ("softhsm2-util", "pkcs11-tool"))


def configure(folder: Path) -> None:
    """Point SoftHSM2 (in this process and its children) at an empty token folder under ``folder``."""
    tokens = folder / "tokens"
    tokens.mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)


def add_token(folder: Path, label: str, issued: Issued, object_label: str) -> None:
    """A new token ``label`` holding ``issued``'s private key and certificate under ``object_label``, id 01."""
    run = _runner()
    run(["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", SO_PIN])
    key_file = folder / f"{label}.key.pem"
    cert_file = folder / f"{label}.cert.der"
    key_file.write_bytes(issued.key_pem())
    cert_file.write_bytes(issued.cert_der())
    run(["softhsm2-util", "--import", str(key_file), "--token", label, "--label", object_label, "--id", "01",
         "--pin", PIN])
    run(["pkcs11-tool", "--module", LIBRARY, "--token-label", label, "--login", "--pin", PIN, "--write-object",
         str(cert_file), "--type", "cert", "--id", "01", "--label", object_label])
    key_file.unlink()


def _runner():  # type: ignore[no-untyped-def]
    def run(args: list[str]) -> None:
        subprocess.run(args, check=True, capture_output=True, env=os.environ.copy())
    return run
