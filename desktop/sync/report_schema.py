"""Strict validation of the report JSON (schema ``baocao.report/1``) before it becomes a ReportSnapshot.

``ReportSnapshot.from_dict`` is lenient by design (it ignores unknown keys); a bundle from outside
is not. The expected shape is read from the snapshot dataclasses' type hints, so the check follows
the schema as it grows: unknown keys, wrong types, non-finite numbers, unknown enumerations and
oversized texts or lists are refused with the path of the offending field. The checks are compiled
once per dataclass and build the snapshot in the same pass (what ``ReportSnapshot.from_dict`` would
build from the checked value), since the server runs them for every bundle it takes.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import types
import typing
from collections.abc import Callable
from typing import Any

from desktop.domain.report_snapshot import (
    INDICATOR_KINDS,
    ROLES,
    SCHEMA,
    TASK_STATUSES,
    IndicatorEntry,
    ReportSnapshot,
    TaskEntry,
)
from desktop.sync.bundle_errors import SchemaError
from desktop.sync.canonical import parse_strict_json

MAX_TEXT = 20_000
MAX_ITEMS = 10_000
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")


def parse_report(data: bytes) -> ReportSnapshot:
    """Parse and validate report JSON bytes; raises ``SchemaError`` naming the field at fault."""
    try:
        value = parse_strict_json(data)
    except ValueError as exc:
        raise SchemaError(f"report.json không phải JSON hợp lệ ({exc}).",
                          f"report.json is not valid JSON ({exc}).") from exc
    return validate_report(value)


def validate_report(value: Any) -> ReportSnapshot:
    """Check ``value`` against the snapshot schema and build the snapshot."""
    snapshot: ReportSnapshot = _object_builder(ReportSnapshot)(value, "", "report")
    if value.get("schema", SCHEMA) != SCHEMA:
        raise _error("report.schema", f"lược đồ {value['schema']!r} không được hỗ trợ",
                     f"schema {value['schema']!r} is not supported")
    for i, task in enumerate(value.get("tasks", ())):
        _enum(task, "role", ROLES, f"report.tasks[{i}]")
        _enum(task, "status", (*TASK_STATUSES, None), f"report.tasks[{i}]")
        percent = task.get("percent")
        if percent is not None and not 0 <= percent <= 100:
            raise _error(f"report.tasks[{i}].percent", "phải từ 0 đến 100", "must be between 0 and 100")
    for i, indicator in enumerate(value.get("indicators", ())):
        _enum(indicator, "kind", INDICATOR_KINDS, f"report.indicators[{i}]")
    for i, entry in enumerate((*value.get("tasks", ()), *value.get("indicators", ()))):
        for j, ref in enumerate(entry.get("attachments", ())):
            if not _HEX64.match(ref["sha256"]) or ref["size"] < 0:
                raise _error(f"report entry {i} attachments[{j}]", "mã băm hoặc kích thước sai",
                             "bad hash or size")
    return snapshot


def attachment_refs(snapshot: ReportSnapshot) -> dict[str, int]:
    """Every attachment the report names, as ``{sha256: size}``."""
    refs: dict[str, int] = {}
    entries: tuple[TaskEntry | IndicatorEntry, ...] = (*snapshot.tasks, *snapshot.indicators)
    for entry in entries:
        for ref in entry.attachments:
            if refs.setdefault(ref.sha256, ref.size) != ref.size:
                raise _error(f"attachment {ref.name}", "cùng mã băm nhưng khác kích thước",
                             "same hash with different sizes")
    return refs


Builder = Callable[[Any, str, str | int], Any]
"""Checks a JSON value found under ``key`` of the value at ``parent`` (a path) and returns what the
snapshot holds for it (tuples for lists). The path is only spelled out for an error message."""


@functools.cache
def _object_builder(cls: type) -> Builder:
    """Compile the checks for one dataclass once; validating a large report then costs little."""
    hints = typing.get_type_hints(cls)
    plan = [(f.name, f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
             *_nullable_builder(hints[f.name])) for f in dataclasses.fields(cls)]
    known = frozenset(name for name, *_rest in plan)

    def build(value: Any, parent: str, key: str | int) -> Any:
        here = _path(parent, key)
        if not isinstance(value, dict):
            raise _error(here, "phải là đối tượng JSON", "must be a JSON object")
        if not known.issuperset(value):
            unknown = sorted(set(value) - known)
            raise _error(here, f"trường lạ {unknown[:5]}", f"unknown fields {unknown[:5]}")
        given = {}
        for name, required, nullable, build_field in plan:
            if name in value:
                item = value[name]
                given[name] = None if item is None and nullable else build_field(item, here, name)
            elif required:
                raise _error(f"{here}.{name}", "thiếu trường bắt buộc", "required field missing")
        return cls(**given)

    return build


def _nullable_builder(hint: Any) -> tuple[bool, Builder]:
    """Whether ``hint`` allows None (``X | None``), and the builder of X."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union) and type(None) in args:
        return True, _builder(next(a for a in args if a is not type(None)))
    return False, _builder(hint)


@functools.cache
def _builder(hint: Any) -> Builder:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union) and type(None) in args:
        _nullable, inner = _nullable_builder(hint)
        return lambda value, parent, key: None if value is None else inner(value, parent, key)
    if dataclasses.is_dataclass(hint):
        return _object_builder(hint)  # type: ignore[arg-type]
    if origin is tuple:
        return _tuple_builder(_builder(args[0]))
    if origin is dict:
        return _str_map
    if hint in _SCALARS:
        return _SCALARS[hint]
    raise TypeError(f"report schema: unsupported type {hint!r}")


def _tuple_builder(item: Builder) -> Builder:
    def build(value: Any, parent: str, key: str | int) -> tuple[Any, ...]:
        here = _path(parent, key)
        if not isinstance(value, list) or len(value) > MAX_ITEMS:
            raise _error(here, f"phải là danh sách tối đa {MAX_ITEMS} phần tử", f"must be a list of ≤ {MAX_ITEMS}")
        return tuple([item(element, here, i) for i, element in enumerate(value)])

    return build


def _path(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def _str_map(value: Any, parent: str, key: str | int) -> dict[str, str]:
    if not isinstance(value, dict) or len(value) > 100 or not all(
            isinstance(k, str) and isinstance(v, str) and len(v) <= MAX_TEXT for k, v in value.items()):
        raise _error(_path(parent, key), "phải là bảng chuỗi → chuỗi", "must map strings to strings")
    return dict(value)


def _str(value: Any, parent: str, key: str | int) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise _error(_path(parent, key), f"phải là chuỗi tối đa {MAX_TEXT} ký tự",
                     f"must be a string of ≤ {MAX_TEXT} chars")
    return value


def _int(value: Any, parent: str, key: str | int) -> int:
    if type(value) is not int:
        raise _error(_path(parent, key), "phải là số nguyên", "must be an integer")
    return value


def _number(value: Any, parent: str, key: str | int) -> float:
    if type(value) not in (int, float) or not math.isfinite(value):
        raise _error(_path(parent, key), "phải là số", "must be a number")
    return value


_SCALARS: dict[type, Builder] = {str: _str, int: _int, float: _number}


def _enum(data: dict[str, Any], key: str, allowed: tuple[Any, ...], path: str) -> None:
    if data.get(key) not in allowed:
        raise _error(f"{path}.{key}", f"giá trị {str(data.get(key))[:40]!r} không hợp lệ",
                     f"value {str(data.get(key))[:40]!r} is not allowed")


def _error(path: str, vi: str, en: str) -> SchemaError:
    return SchemaError(f"{path}: {vi}.", f"{path}: {en}.")

