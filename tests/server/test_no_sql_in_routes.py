"""Route handlers call the services the CLI uses and never touch the database themselves (issue 18: "the same
services as the CLI — no SQL in route handlers"): no route module of the device API or the console imports
SQLAlchemy, opens a session or a connection, or runs a statement (a model class may still name the type of
what a service returns)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ROUTE_MODULES = sorted([*(REPO / "server" / "routers").glob("*.py"),
                        *(REPO / "server" / "console" / "routes").glob("*.py")])
FORBIDDEN_IMPORTS = ("sqlalchemy",)
DATABASE_METHODS = {"execute", "scalars", "scalar", "query", "transaction", "reading", "connection"}
STATEMENTS = {"select", "insert", "update", "delete", "text"}


def _offences(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(FORBIDDEN_IMPORTS):
            found.append(f"line {node.lineno}: from {node.module} import …")
        elif isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names
                      if a.name.startswith(FORBIDDEN_IMPORTS)]
        elif isinstance(node, ast.Call):
            method = isinstance(node.func, ast.Attribute) and node.func.attr in DATABASE_METHODS
            statement = isinstance(node.func, ast.Name) and node.func.id in STATEMENTS
            if method or statement:
                found.append(f"line {node.lineno}: {ast.unparse(node.func)}(…)")
    return found


def test_there_are_route_modules_to_check() -> None:
    assert len(ROUTE_MODULES) >= 10


@pytest.mark.parametrize("module", ROUTE_MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_route_module_touches_the_database(module: Path) -> None:
    assert _offences(ast.parse(module.read_text(encoding="utf-8"))) == []


def test_the_check_sees_a_query_in_a_handler() -> None:
    handler = ("from sqlalchemy import select\n"
               "def h(db):\n    with db.transaction() as s:\n        s.scalars(select(1))\n")
    assert len(_offences(ast.parse(handler))) == 4
