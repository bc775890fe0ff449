"""The house rules a newcomer relies on: a public API, modules and functions short enough to read.

Sizes are counted from the source (ast), so a module or function that grows past the bound fails
here with its name, and the fix is to split it, or to add it below with the reason it must be long.
"""
from __future__ import annotations

import ast
from pathlib import Path

import parley
from conftest import ROOT

PACKAGE = ROOT / "parley"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
# module or function -> why it is longer than the bound (empty: none is)
LONG_MODULES: dict[str, str] = {}
LONG_FUNCTIONS: dict[str, str] = {}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_public_api_is_named_and_loads():
    assert {"Pipeline", "Document", "Event", "Store", "read_inputs"} <= set(parley.__all__)
    for name in parley.__all__:
        assert getattr(parley, name) is not None, name


def test_no_module_is_too_long_to_read():
    long = {str(p.relative_to(ROOT)): n for p in modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert set(long) <= set(LONG_MODULES), f"over {MAX_MODULE_LINES} lines: {long}"


def test_no_function_is_too_long_to_read():
    long = {}
    for p in modules():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long[f"{p.relative_to(ROOT)}::{node.name}"] = n
    assert set(long) <= set(LONG_FUNCTIONS), f"over {MAX_FUNCTION_LINES} lines: {long}"


def test_every_package_says_what_it_owns():
    """Each stage's package opens with a docstring: the first thing a newcomer reads there."""
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{init.relative_to(ROOT)} has no docstring"
