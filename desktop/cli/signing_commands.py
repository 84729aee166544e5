"""``baocao pdf sign|verify|send|resend|images|tokens``, ``baocao trust add|list|remove``: digital signatures.

The token's PIN (or the PKCS#12 file's password) comes from BAOCAO_TOKEN_PIN or a prompt that does not
echo; it is never an argument.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import context
from desktop.cli.prompts import secret
from desktop.errors import InputError
from desktop.i18n import tr
from desktop.models.store import Store
from desktop.signing import PIN_ENV

if TYPE_CHECKING:  # the signing stack (pyHanko, python-pkcs11) is imported when a command needs it
    from desktop.signing.keys import KeySource
    from desktop.signing.pades import Role

ROLES = ("signer", "agency")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``pdf`` and ``trust``."""
    pdf = sub.add_parser("pdf", help="digital signatures on PDF files (Nghị định 30/2020)")
    pdf_sub = pdf.add_subparsers(dest="pdf_command", required=True)
    sign = pdf_sub.add_parser("sign", help="sign a PDF (for example one signed on another PC) as signer or agency")
    sign.add_argument("file", type=Path)
    sign.add_argument("--as", dest="role", choices=ROLES, required=True)
    sign.add_argument("--out", type=Path, required=True)
    sign.add_argument("--appendix-number", help="separate appendix: the document's số/ký hiệu (agency only)")
    sign.add_argument("--lt", action="store_true", help="embed revocation data (PAdES B-LT; needs the CA online)")
    add_key_arguments(sign)
    sign.set_defaults(func=cmd_sign)
    verify = pdf_sub.add_parser("verify", help="check every signature of a PDF; exit 0 only if all are valid")
    verify.add_argument("file", type=Path)
    verify.add_argument("--roots", type=Path, action="append", default=[],
                        help="PEM file of roots to trust besides the store's (repeatable)")
    verify.add_argument("--no-store", action="store_true", help="do not open the store; trust only --roots")
    verify.set_defaults(func=cmd_verify)
    send = pdf_sub.add_parser("send", help="queue a digitally signed report PDF (e.g. signed on another PC) for the "
                              "province; it follows the report's bundle on the next sync or export")
    send.add_argument("file", type=Path)
    send.set_defaults(func=cmd_send)
    resend = pdf_sub.add_parser("resend", help="send again, now, a signed document the province refused (its id as "
                                "«baocao outbox» lists it), as the sync panel's «Gửi lại văn bản ký số» does")
    resend.add_argument("document_id")
    resend.set_defaults(func=cmd_resend)
    images = pdf_sub.add_parser("images", help="choose the signature and seal images (transparent PNG)")
    images.add_argument("--signature", type=Path)
    images.add_argument("--seal", type=Path)
    images.set_defaults(func=cmd_images)
    tokens = pdf_sub.add_parser("tokens", help="list the tokens and certificates a PKCS#11 library sees")
    tokens.add_argument("--pkcs11-lib", help="the token's PKCS#11 library (default: the one in settings)")
    tokens.set_defaults(func=cmd_tokens)
    trust = sub.add_parser("trust", help="root certificates signatures are checked against")
    trust_sub = trust.add_subparsers(dest="trust_command", required=True)
    add = trust_sub.add_parser("add", help="trust the certificates of a PEM file")
    add.add_argument("file", type=Path)
    add.set_defaults(func=cmd_trust_add)
    listing = trust_sub.add_parser("list", help="list trusted roots")
    listing.set_defaults(func=cmd_trust_list)
    remove = trust_sub.add_parser("remove", help="stop trusting a local root (by fingerprint)")
    remove.add_argument("fingerprint")
    remove.set_defaults(func=cmd_trust_remove)
    for parser in (sign, verify, send, resend, images, tokens, add, listing, remove):
        context.add_common(parser)


def add_key_arguments(parser: argparse.ArgumentParser) -> None:
    """``--pkcs11-lib``/``--token``/``--cert`` or ``--p12``."""
    parser.add_argument("--pkcs11-lib", help="the token's PKCS#11 library (default: the one in settings)")
    parser.add_argument("--token", help="the token's label (default: the only token plugged in)")
    parser.add_argument("--cert", help="the certificate's label or name (default: the only one on the token)")
    parser.add_argument("--p12", type=Path, help="a PKCS#12 (.p12/.pfx) key file instead of a token")


def key_source(store: Store, args: argparse.Namespace) -> tuple[KeySource, str]:
    """The key the arguments name, and its PIN or password (BAOCAO_TOKEN_PIN, else a prompt)."""
    from desktop.services.digital_signing import load_settings
    from desktop.signing.keys import FileKey, TokenKey

    if args.p12 is not None:
        return FileKey(args.p12), secret(PIN_ENV, "Mật khẩu tệp khóa", "Key file password")
    library = args.pkcs11_lib or load_settings(store).pkcs11_library
    if not library:
        raise InputError("Chưa chọn thư viện PKCS#11 của token: dùng --pkcs11-lib hoặc chọn trong Cài đặt.",
                         "No PKCS#11 library chosen for the token: use --pkcs11-lib or choose it in Settings.",
                         code="no_library")
    return TokenKey(library, args.token, args.cert), secret(PIN_ENV, "Mã PIN của token", "Token PIN")


def warn_signer_name(store: Store, role: Role, key: KeySource, pin: str) -> None:
    """On stderr, before signing: the report prints another signer's name than the certificate's holder (a
    warning only, as in the window; a script goes on)."""
    from desktop.services.digital_signing import key_signer_name_warning

    mismatch = key_signer_name_warning(store, role, key, pin)
    if mismatch is not None:
        print(mismatch.notice(), file=sys.stderr)


def print_signed(result: object) -> None:
    """One line saying what was signed."""
    out, signer, issuer = (getattr(result, name) for name in ("out", "signer", "issuer"))
    print(tr(f"Đã ký số: {out} — {signer} (do {issuer} cấp)", f"Signed: {out} — {signer} (issued by {issuer})"))
    queued = getattr(result, "queued", None)
    if queued:
        print(tr(f"Văn bản ký số chờ gửi Sở (theo gói báo cáo): {queued}",
                 f"Signed document waiting to go to the province (after the report's bundle): {queued}"))


def cmd_send(args: argparse.Namespace) -> int:
    """Queue a signed PDF of one of this PC's bundles."""
    from desktop.domain.officer_words import period_words
    from desktop.services.signed_documents import queue_signed_document

    def run(store: Store) -> int:
        queued = queue_signed_document(store, args.file)
        period_vi, period_en = period_words(queued.period)
        print(tr(f"Văn bản ký số {queued.document_id} (báo cáo {period_vi} lần {queued.revision}) "
                 + ("đã vào hàng đợi gửi Sở." if queued.new else "đã có trong hàng đợi."),
                 f"Signed document {queued.document_id} (the {period_en} report, revision {queued.revision}) "
                 + ("queued for the province." if queued.new else "was already queued.")))
        return 0

    return context.with_store(args, run)


def cmd_resend(args: argparse.Namespace) -> int:
    """Queue the refused signed document again and sync now, as the sync panel does; the sync's exit code."""
    from desktop.cli.sync_commands import sync_and_tell
    from desktop.services.signed_documents import resend_document

    def run(store: Store) -> int:
        resend_document(store, args.document_id)
        print(tr(f"Gửi lại văn bản ký số {args.document_id}…", f"Sending signed document {args.document_id} again…"))
        return sync_and_tell(store)

    return context.with_store(args, run)


def cmd_sign(args: argparse.Namespace) -> int:
    """Sign a PDF file."""
    from desktop.services.digital_signing import sign_file
    from desktop.signing.pades import Role

    def run(store: Store) -> int:
        key, pin = key_source(store, args)
        warn_signer_name(store, Role(args.role), key, pin)
        print_signed(sign_file(store, args.file, args.out, Role(args.role), key, pin,
                               appendix_number=args.appendix_number, embed_revocation=args.lt))
        return 0

    return context.with_store(args, run)


def cmd_verify(args: argparse.Namespace) -> int:
    """Print every signature's verdict; 0 only when there is one and all are valid and trusted."""
    from desktop.services.digital_signing import verify_file

    def report(store: Store | None) -> int:
        checks = verify_file(store, args.file, args.roots)
        if not checks:
            print(tr(f"{args.file.name}: không có chữ ký số.", f"{args.file.name}: no digital signature."))
            return 1
        for check in checks:
            print(check.describe())
        return 0 if all(check.ok for check in checks) else 1

    return report(None) if args.no_store else context.with_store(args, report)


def cmd_images(args: argparse.Namespace) -> int:
    """Keep the images (encrypted in the store)."""
    from desktop.services.digital_signing import ImageKind, load_settings, set_image

    def run(store: Store) -> int:
        for kind, path in ((ImageKind.SIGNATURE, args.signature), (ImageKind.SEAL, args.seal)):
            if path is not None:
                set_image(store, kind, _read_image(path))
        settings = load_settings(store)
        print(tr(f"Ảnh chữ ký: {'có' if settings.has_signature_image else 'chưa có'}; "
                 f"ảnh con dấu: {'có' if settings.has_seal_image else 'chưa có'}.",
                 f"Signature image: {'set' if settings.has_signature_image else 'not set'}; "
                 f"seal image: {'set' if settings.has_seal_image else 'not set'}."))
        return 0

    return context.with_store(args, run)


def _read_image(path: Path) -> bytes:
    try:
        return path.read_bytes()[:5 << 20]
    except OSError as exc:
        raise InputError(f"Không đọc được ảnh {path}.", f"Cannot read the image {path}.", code="bad_image") from exc


def cmd_tokens(args: argparse.Namespace) -> int:
    """List tokens and the certificates on each."""
    from desktop.signing.tokens import list_certificates, list_tokens

    library = args.pkcs11_lib
    if not library:
        from desktop.services.digital_signing import load_settings

        store = context.open_store(args)
        try:
            library = load_settings(store).pkcs11_library
        finally:
            store.close()
    for token in list_tokens(library):
        print(f"{token.label}  ({token.manufacturer}, {token.serial})")
        for cert in list_certificates(library, token.label):
            print(tr(f"  - {cert.label}: {cert.subject}, do {cert.issuer} cấp, hết hạn {cert.not_after:%d/%m/%Y}",
                     f"  - {cert.label}: {cert.subject}, issued by {cert.issuer}, expires {cert.not_after:%d/%m/%Y}"))
    return 0


def cmd_trust_add(args: argparse.Namespace) -> int:
    """Trust a PEM file's certificates."""
    from desktop.signing.trust import add_local_roots

    def run(store: Store) -> int:
        added = add_local_roots(store, args.file)
        for root in added:
            print(tr(f"Đã tin cậy: {root.subject} ({root.fingerprint[:16]}…)",
                     f"Trusted: {root.subject} ({root.fingerprint[:16]}…)"))
        if not added:
            print(tr("Các chứng thư này đã được tin cậy.", "These certificates were already trusted."))
        return 0

    return context.with_store(args, run)


def cmd_trust_list(args: argparse.Namespace) -> int:
    """List the trusted roots."""
    from desktop.signing.trust import list_roots

    def run(store: Store) -> int:
        for root in list_roots(store):
            source = tr("tỉnh", "province") if root.source == "province" else tr("cục bộ", "local")
            print(f"{root.fingerprint}  [{source}]  {root.subject}  → {root.not_after[:10]}")
        return 0

    return context.with_store(args, run)


def cmd_trust_remove(args: argparse.Namespace) -> int:
    """Stop trusting a local root."""
    from desktop.signing.trust import remove_local_root

    def run(store: Store) -> int:
        root = remove_local_root(store, args.fingerprint)
        print(tr(f"Đã bỏ tin cậy: {root.subject}", f"No longer trusted: {root.subject}"))
        return 0

    return context.with_store(args, run)
