"""Digital signatures on the report PDF (Nghị định 30/2020): PAdES with pyHanko, keys on a PKCS#11 token.

``tokens`` finds the token's library, tokens and certificates; ``keys`` opens a signer on a token or a
PKCS#12 file; ``appearance`` draws the decree's signature and seal; ``pades`` signs (incremental updates);
``verify`` checks every signature; ``trust`` keeps the roots signatures are checked against.
"""

import logging

PIN_ENV = "BAOCAO_TOKEN_PIN"
"""Where scripts give the token's PIN (or the PKCS#12 password); never argv, never stored."""

# pyHanko logs an expected verdict (an untrusted chain, a digest mismatch) as a warning with a traceback;
# the verdict reaches the user through desktop.signing.verify, so those records go nowhere by default.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko").propagate = False
