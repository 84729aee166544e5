"""Files uploaded through the console: copied to the server's own directory within a bound, named by a token."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from pathlib import Path

from starlette.datastructures import UploadFile

from desktop.errors import BaocaoError, InputError

COPY_PIECE = 1024 * 1024


def save_upload(upload: object, directory: Path, suffixes: tuple[str, ...], limit: int) -> Path:
    """Copy an uploaded file to ``directory`` (at most ``limit`` bytes, one of ``suffixes``); its path."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise InputError("Chưa chọn tệp.", "No file was chosen.", code="no_file")
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in suffixes:
        raise InputError(f"Tệp {upload.filename} không phải {', '.join(suffixes)}.",
                         f"The file {upload.filename} is not {', '.join(suffixes)}.", code="file_type")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=secrets.token_hex(8), suffix=suffix, dir=directory)
    written = 0
    try:
        with os.fdopen(fd, "wb") as out:
            upload.file.seek(0)
            while piece := upload.file.read(COPY_PIECE):
                written += len(piece)
                if written > limit:
                    raise InputError(f"Tệp {upload.filename} vượt giới hạn {limit:,} byte.",
                                     f"The file {upload.filename} exceeds the {limit:,}-byte limit.", code="too_large")
                out.write(piece)
        if written == 0:
            raise InputError(f"Tệp {upload.filename} rỗng.", f"The file {upload.filename} is empty.", code="empty")
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def staged(directory: Path, token: str, suffixes: tuple[str, ...]) -> Path:
    """A file kept by ``save_upload`` under ``directory``, by its name (no path may escape the directory)."""
    path = (directory / Path(token).name).resolve()
    if path.parent != directory.resolve() or path.suffix.lower() not in suffixes or not path.is_file():
        raise InputError("Tệp đã tải lên không còn; hãy tải lên lại.", "The uploaded file is gone; upload it again.",
                         code="not_found")
    return path


def discard(path: Path) -> None:
    """Remove a staged file."""
    shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)


def as_uploaded(exc: BaocaoError, path: Path, filename: str) -> BaocaoError:
    """The same refusal naming the file as the user uploaded it, not the server's copy."""
    def rename(text: str) -> str:
        return text.replace(str(path), filename).replace(path.name, filename)

    return InputError(rename(exc.message_vi), rename(exc.message_en), code=exc.code)
