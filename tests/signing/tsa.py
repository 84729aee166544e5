"""An RFC 3161 timestamp server on 127.0.0.1, in-process, answering with pyHanko's DummyTimeStamper
(signed by the test CA's TSA certificate): the HTTP path a configured timestamp server takes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import keys, tsp, x509
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from tests.signing.pki import Issued


@contextmanager
def timestamp_server(tsa: Issued, ca: Issued) -> Iterator[str]:
    """Serve timestamps at the yielded URL until the block ends."""
    chain = SimpleCertificateStore.from_certs([x509.Certificate.load(ca.cert_der())])
    stamper = DummyTimeStamper(x509.Certificate.load(tsa.cert_der()), keys.PrivateKeyInfo.load(
        tsa.key.private_bytes(*_der_pkcs8())), certs_to_embed=chain)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(min(int(self.headers.get("Content-Length", "0")), 1 << 16))
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()


def _der_pkcs8():  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives import serialization

    return serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
