"""Digital signatures on the report PDF (Nghị định 30/2020): PAdES with pyHanko, keys on a PKCS#11 token.

``tokens`` finds the token's library, tokens and certificates; ``keys`` opens a signer on a token or a
PKCS#12 file; ``appearance`` draws the decree's signature and seal; ``pades`` signs (incremental updates);
``verify`` checks every signature; ``trust`` keeps the roots signatures are checked against.
"""
