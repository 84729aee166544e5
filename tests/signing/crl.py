"""A CA's CRL distribution point on 127.0.0.1: serves the test CA's current CRL (DER) over HTTP and counts
the requests, so a test can tell that revocation data was fetched while signing and never while validating."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from tests.signing.pki import Issued

CRL_PATH = "/ca.crl"


class CrlServer:
    """The CA's CRL at ``url`` (``revoked`` serial numbers listed); ``online = False`` answers 503."""

    def __init__(self, ca: Issued) -> None:
        self.ca = ca
        self.revoked: set[int] = set()
        self.online = True
        self.requests = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests += 1
                if not server.online or self.path != CRL_PATH:
                    self.send_error(503 if not server.online else 404)
                    return
                body = server.crl_der()
                self.send_response(200)
                self.send_header("Content-Type", "application/pkix-crl")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        """The distribution point to put in the certificates this CA issues."""
        return f"http://127.0.0.1:{self.http.server_address[1]}{CRL_PATH}"

    def crl_der(self) -> bytes:
        """A CRL signed by the CA, valid for a week, listing ``revoked``."""
        now = datetime.now(UTC)
        builder = (x509.CertificateRevocationListBuilder().issuer_name(self.ca.cert.subject)
                   .last_update(now - timedelta(minutes=5)).next_update(now + timedelta(days=7))
                   .add_extension(x509.CRLNumber(1), critical=False)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.ca.key.public_key()),
                                  critical=False))
        for serial in sorted(self.revoked):
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(now - timedelta(hours=1))
                .build())
        return builder.sign(self.ca.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    def close(self) -> None:
        """Stop serving."""
        self.http.shutdown()
        self.http.server_close()
