"""``baocao self-test``: proves that this installation — above all a frozen build — is whole.

Each check exercises one part the way the app uses it (the encrypted store and its migrations, the PDF
with its bundled font, a signed bundle, a plan workbook, the main window, the compiled translations), in
its own folder of a temporary directory that is deleted afterwards. Checks are isolated: one failing
check is reported and the next one still runs. A part that is missing from the build is a failed check
that names the missing module, never a traceback.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop.errors import BaocaoError, InputError
from desktop.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.domain.report_snapshot import ReportSnapshot
    from desktop.models.store import Store

# Sample data only: the self-test never reads the user's store unless asked to (``--store``), and then a copy.
SELF_TEST_USER = "tự-kiểm-tra"
SELF_TEST_PASSPHRASE = "mật khẩu tự kiểm tra"
PLAINTEXT_MARK = "Dòng thử: mã hóa kho dữ liệu"
ATTACHMENT_SIZE = 600 * 1024  # three chunks, so the chunked path is exercised
MAX_DETAIL = 300


class CheckFailed(BaocaoError):
    """A check ran but its result is wrong."""

    code = "self_test_failed"


@dataclass(frozen=True)
class Check:
    """One part of the app to prove: a short key, its Vietnamese and English name, what runs it in a work folder."""

    key: str
    name_vi: str
    name_en: str
    run: Callable[[Path], object]

    @property
    def name(self) -> str:
        """The name in the user's language."""
        return tr(self.name_vi, self.name_en)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check; ``detail`` says what failed, in the user's language."""

    check: Check
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        """One line for the terminal: ✓ or ✗, the check's name and, on failure, why."""
        if self.ok:
            return f"✓ {self.check.name}"
        return f"✗ {self.check.name}: {self.detail}"


def run_checks(checks: Sequence[Check], on_result: Callable[[CheckResult], None] | None = None) -> list[CheckResult]:
    """Run every check in its own folder of one temporary directory, deleted at the end."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = []
    with tempfile.TemporaryDirectory(prefix="baocao-self-test-") as tmp:
        for index, check in enumerate(checks):
            workdir = Path(tmp) / f"{index:02d}"
            workdir.mkdir()
            result = _run_one(check, workdir)
            results.append(result)
            if on_result is not None:
                on_result(result)
    return results


def run_self_test(checks: Sequence[Check], out: TextIO) -> int:
    """Print one line per check and a summary; 0 when every check passed, else 1."""
    results = run_checks(checks, on_result=lambda r: print(r.line(), file=out, flush=True))
    failed = [r.check.name for r in results if not r.ok]
    passed = len(results) - len(failed)
    if not failed:
        print(tr(f"Tự kiểm tra: đạt cả {passed} mục.", f"Self-test: all {passed} checks passed."), file=out)
        return 0
    names = ", ".join(failed)
    print(tr(f"Tự kiểm tra: {passed}/{len(results)} mục đạt; lỗi: {names}.",
             f"Self-test: {passed}/{len(results)} checks passed; failed: {names}."), file=out)
    return 1


def standard_checks(old_store: Path | None = None, user: str = "admin", passphrase: str | None = None,
                    only: Sequence[str] = ()) -> list[Check]:
    """The checks ``baocao self-test`` runs (those named in ``only``, if given); with ``old_store``, also
    the upgrade of a copy of that store."""
    checks = [
        Check("version", "Phiên bản", "Version", check_version),
        Check("store", "Kho dữ liệu mã hóa (SQLCipher, tệp đính kèm)", "Encrypted store (SQLCipher, attachments)",
              check_store),
        Check("pdf", "Xuất PDF (phông chữ tiếng Việt)", "PDF output (Vietnamese font)", check_pdf),
        Check("bundle", "Gói báo cáo ký số (tạo và kiểm tra)", "Signed report bundle (make and verify)", check_bundle),
        Check("plan", "Đọc bảng kế hoạch (Excel)", "Plan workbook (Excel)", check_plan_workbook),
        Check("window", "Cửa sổ chính (Qt)", "Main window (Qt)", check_main_window),
        Check("translations", "Bản dịch giao diện", "Interface translations", check_translations),
        Check("help", "Hướng dẫn sử dụng (F1)", "User guide (F1)", check_help),
    ]
    if old_store is not None:
        checks.append(Check("upgrade", "Nâng cấp kho dữ liệu cũ", "Upgrade of an existing store",
                            lambda workdir: check_store_upgrade(workdir, old_store, user, passphrase or "")))
    if not only:
        return checks
    unknown = sorted(set(only) - {c.key for c in checks})
    if unknown:
        keys = ", ".join(c.key for c in checks)
        raise InputError(f"Không có mục tự kiểm tra {', '.join(unknown)} (có: {keys}).",
                         f"No self-test check named {', '.join(unknown)} (known: {keys}).", code="unknown_check")
    return [c for c in checks if c.key in only]


def _run_one(check: Check, workdir: Path) -> CheckResult:
    started = time.perf_counter()
    try:
        check.run(workdir)
    except Exception as exc:  # every failure becomes a line; the next check still runs
        return CheckResult(check, False, describe_failure(exc), time.perf_counter() - started)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return CheckResult(check, True, "", time.perf_counter() - started)


def describe_failure(exc: BaseException) -> str:
    """Why a check failed, in one line in the user's language."""
    if isinstance(exc, BaocaoError):
        return exc.message()
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        return tr(f"thiếu mô-đun {exc.name} trong bản cài đặt này",
                  f"module {exc.name} is missing from this installation")
    if isinstance(exc, ImportError):
        return tr(f"không nạp được {exc.name or 'một mô-đun'}: {_short(exc)}",
                  f"cannot import {exc.name or 'a module'}: {_short(exc)}")
    return f"{type(exc).__name__}: {_short(exc)}"


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 1] + "…"


def fail(message_vi: str, message_en: str) -> CheckFailed:
    """The error a check raises when its result is wrong."""
    return CheckFailed(message_vi, message_en)


def sample_bytes(size: int) -> io.BytesIO:
    """Deterministic non-repeating bytes (so a chunking or ordering bug changes the hash)."""
    import hashlib

    blocks = (hashlib.sha256(n.to_bytes(8, "big")).digest() for n in range(-(-size // 32)))
    return io.BytesIO(b"".join(blocks)[:size])


def sample_snapshot() -> ReportSnapshot:
    """A small report with Vietnamese text in every part the PDF draws (header, tables, signature)."""
    from desktop.domain.report_snapshot import (
        AgencyInfo,
        DocumentInfo,
        IndicatorEntry,
        PeriodInfo,
        ReportSnapshot,
        TaskEntry,
    )

    return ReportSnapshot(
        agency=AgencyInfo(code="TU-KIEM-TRA", name="UBND xã Mỹ Hiệp", parent_name="UBND tỉnh Đồng Tháp",
                          place="Mỹ Hiệp", signer_name="Nguyễn Văn Thử"),
        period=PeriodInfo(code="2026Q4", label="Quý IV năm 2026", data_start="2025-12-01", data_end="2026-11-30",
                          deadline="2026-12-01", figures="year"),
        document=DocumentInfo(number=5, symbol="BC-UBND", date="2026-12-01",
                              subject="Kết quả thực hiện nhiệm vụ, chỉ tiêu Quý IV năm 2026",
                              addressee="Sở Khoa học và Công nghệ",
                              recipients=("Như trên", "Lưu: VT")),
        revision=1,
        summary="Xã đã triển khai đầy đủ các nhiệm vụ được giao; chuyển đổi số đạt kết quả tích cực.",
        difficulties="Đường truyền Internet chưa ổn định.",
        proposals="Đề nghị Sở hỗ trợ tập huấn.",
        tasks=(TaskEntry(key="I.1", section="I", section_title="Hoàn thiện thể chế",
                         title="Triển khai nền tảng số dùng chung", role="lead", deadline_text="Quý IV/2026",
                         due="2026-12-31", status="done", percent=100.0, result="Đã đưa vào sử dụng."),),
        indicators=(IndicatorEntry(key="1", group="Chính quyền số", name="Tỷ lệ hồ sơ trực tuyến toàn trình",
                                   unit="%", kind="ratio", target_text="80%", target_value=80.0,
                                   numerator=85.0, denominator=100.0),),
    )


def resources_dir() -> Path:
    """The resources shipped inside the ``desktop`` package (wheel, editable checkout or frozen app)."""
    from desktop.package_data import resources_dir as shipped

    return shipped()


def check_version(_workdir: Path) -> None:
    """The app knows its version (a frozen build carries the package metadata)."""
    from desktop import __version__

    if __version__.startswith("0.0.0"):
        raise fail("không rõ phiên bản (thiếu siêu dữ liệu của gói baocao)",
                   "the version is unknown (the baocao package metadata is missing)")


def check_store(workdir: Path) -> None:
    """Create an encrypted store (running every migration), write a row and an attachment, reopen, read back."""
    from desktop.models.attachment import Attachment, copy_attachment, store_attachment
    from desktop.models.audit import verify_chain
    from desktop.models.settings import get_setting, set_setting
    from desktop.models.store import Store

    data_dir = workdir / "store"
    payload = sample_bytes(ATTACHMENT_SIZE).getvalue()
    store = _new_store(data_dir)
    try:
        with store.session() as session:
            set_setting(session, "self_test.mark", PLAINTEXT_MARK)
            attachment_id = store_attachment(session, io.BytesIO(payload), name="minh-chứng.bin").id
    finally:
        store.close()
    _require_encrypted(data_dir)
    store = Store.open(data_dir, SELF_TEST_USER, SELF_TEST_PASSPHRASE)
    try:
        with store.session() as session:
            mark = get_setting(session, "self_test.mark")
            copy = io.BytesIO()
            copy_attachment(session, session.get_one(Attachment, attachment_id), copy)
            chain_ok = verify_chain(session).ok
    finally:
        store.close()
    if mark != PLAINTEXT_MARK or copy.getvalue() != payload:
        raise fail("dữ liệu đọc lại khác dữ liệu đã ghi", "the data read back differs from what was written")
    if not chain_ok:
        raise fail("chuỗi nhật ký kiểm tra không hợp lệ", "the audit chain does not verify")


def _require_encrypted(data_dir: Path) -> None:
    mark = PLAINTEXT_MARK.encode()
    for path in data_dir.iterdir():
        data = path.read_bytes()
        if data.startswith(b"SQLite format 3\0") or mark in data:
            raise fail(f"tệp {path.name} không được mã hóa", f"file {path.name} is not encrypted")


def check_pdf(workdir: Path) -> None:
    """Render the sample report; the PDF must be complete and embed its font (the bundled one if needed)."""
    from desktop.documents.report_pdf import write_report_pdf

    target = workdir / "bao-cao.pdf"
    write_report_pdf(sample_snapshot(), target)
    data = target.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise fail("tệp PDF không hoàn chỉnh", "the PDF file is incomplete")
    if b"/FontFile2" not in data:
        raise fail("PDF không nhúng phông chữ TrueType", "the PDF embeds no TrueType font")


def check_translations(_workdir: Path) -> None:
    """Every compiled translation (.qm) in resources/translations loads into a QTranslator."""
    from PySide6.QtCore import QTranslator

    _qt_app()
    folder = resources_dir() / "translations"
    files = sorted(folder.glob("*.qm"))
    if not files:
        raise fail(f"không có tệp bản dịch .qm trong {folder}", f"no .qm translation file in {folder}")
    for path in files:
        translator = QTranslator()
        if not translator.load(str(path)) or translator.isEmpty():
            raise fail(f"không nạp được bản dịch {path.name}", f"cannot load the translation {path.name}")


def check_help(_workdir: Path) -> None:
    """The user guide is shipped in both languages, page for page."""
    names = {language: sorted(path.name for path in (resources_dir() / "help" / language).glob("*.html"))
             for language in ("vi", "en")}
    if not names["vi"]:
        raise fail("không có trang hướng dẫn sử dụng nào", "no page of the user guide")
    if names["en"] != names["vi"]:
        raise fail("hướng dẫn tiếng Anh thiếu trang", "the English user guide misses pages")


def check_store_upgrade(workdir: Path, old_store: Path, user: str, passphrase: str) -> None:
    """Open a copy of an existing store (the original is never touched): it migrates to this build's schema."""
    from desktop.models import migrate
    from desktop.models.audit import verify_chain
    from desktop.models.store import Store
    from desktop.services.accounts import require_store

    require_store(old_store)
    copy = workdir / "store"
    shutil.copytree(old_store, copy)
    store = Store.open(copy, user, passphrase)
    try:
        with store.engine.connect() as conn:
            revision = migrate.current_revision(conn)
        with store.session() as session:
            chain_ok = verify_chain(session).ok
    finally:
        store.close()
    if revision != migrate.HEAD:
        raise fail(f"lược đồ {revision} chưa được nâng cấp lên {migrate.HEAD}",
                   f"schema {revision} was not upgraded to {migrate.HEAD}")
    if not chain_ok:
        raise fail("chuỗi nhật ký kiểm tra không hợp lệ sau khi nâng cấp",
                   "the audit chain does not verify after the upgrade")


def _qt_app() -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication(["baocao-self-test"])


def check_bundle(workdir: Path) -> None:
    """Sign a bundle with an attachment under a new device key, verify it as the province would, and see a
    bundle changed by one byte refused."""
    import dataclasses
    import hashlib
    import uuid
    from datetime import UTC, datetime

    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from desktop.domain.report_snapshot import AttachmentRef
    from desktop.sync import bundle, device_keys
    from desktop.sync.bundle_chain import ChainState

    evidence = sample_bytes(ATTACHMENT_SIZE).getvalue()
    digest = hashlib.sha256(evidence).hexdigest()
    ref = AttachmentRef(name="minh-chứng.pdf", sha256=digest, size=len(evidence), media_type="application/pdf")
    sample = sample_snapshot()
    snapshot = dataclasses.replace(sample, tasks=tuple(dataclasses.replace(t, attachments=(ref,))
                                                       for t in sample.tasks))
    device = device_keys.generate_device_key()
    public = device_keys.ed25519_public_bytes(device)
    recipient = device_keys.key_id("x25519", X25519PrivateKey.generate().public_key().public_bytes_raw())
    path = workdir / "bao-cao.bundle"
    info = bundle.save_bundle(
        path, bundle.report_json(snapshot), [bundle.BundleFile(digest, len(evidence), ref.media_type,
                                                               io.BytesIO(evidence))],
        agency_code=snapshot.agency.code, period=snapshot.period.code, revision=snapshot.revision, supersedes=None,
        sequence=1, previous_hash=None, created_at=datetime.now(UTC), recipient_key_id=recipient,
        bundle_id=uuid.uuid4().hex, signing_key=device)

    def enrolled(code: str) -> bytes | None:
        return public if code == snapshot.agency.code else None

    verified = bundle.verify_bundle(path, key_for_agency=enrolled, chain=ChainState())
    copy = io.BytesIO()
    verified.copy_attachment(digest, copy)
    if verified.bundle_hash != info.sha256 or verified.report != snapshot or copy.getvalue() != evidence:
        raise fail("gói đọc lại khác gói đã tạo", "the verified bundle differs from the one made")
    altered = bytearray(path.read_bytes())
    altered[len(altered) // 2] ^= 0x01
    try:
        bundle.verify_bundle(io.BytesIO(bytes(altered)), key_for_agency=enrolled)
    except BaocaoError:
        return
    raise fail("gói bị sửa một byte vẫn được chấp nhận", "a bundle with one byte changed was accepted")


def check_plan_workbook(workdir: Path) -> None:
    """Write the reference plans as workbooks (openpyxl) and read each back with the plan importer."""
    from desktop.documents.plan_workbook import parse_plan_workbook
    from desktop.documents.sample_plans import write_sample_plans

    paths = write_sample_plans(workdir / "plans")
    if not paths:
        raise fail("không có kế hoạch mẫu nào", "there is no sample plan")
    for path in paths:
        parsed = parse_plan_workbook(path)
        if not parsed.tasks and not parsed.indicators:
            raise fail(f"không đọc được nhiệm vụ hay chỉ tiêu nào từ {path.name}",
                       f"no task or indicator was read from {path.name}")


def check_main_window(workdir: Path) -> None:
    """The GUI entry imports (its views, Qt modules and icons are in the build) and its main window is built
    and shown offscreen on a new store."""
    from desktop.app import create_main_window

    app = _qt_app()
    store = _new_store(workdir / "store")
    try:
        window = create_main_window(store)
        window.show()
        app.processEvents()
        shown = window.isVisible()
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        store.close()
    if not shown:
        raise fail("cửa sổ chính không hiện lên", "the main window was not shown")


def _new_store(data_dir: Path) -> Store:
    from desktop.models.keyslots import KdfParams
    from desktop.models.store import Store

    # A cheap Argon2id cost: the same code path as the production cost, which only tunes its parameters.
    return Store.create(data_dir, SELF_TEST_USER, SELF_TEST_PASSPHRASE, KdfParams(8 * 1024, 1, 1))[0]
