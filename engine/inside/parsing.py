"""Parsing what a student types, one thread at a time.

Python 3.11 keeps the AST constructor's recursion depth in one process-wide place, so two page runs
parsing at once could fail with "SystemError: AST constructor recursion depth mismatch" (CPython
gh-106905); it happened once in a class of 100 (bench/load_test.py). A parse is short: they take turns.
"""

from __future__ import annotations

import ast
import threading

_ONE_AT_A_TIME = threading.Lock()


def parse_expression(text: str) -> ast.Expression:
    """`ast.parse(text, mode="eval")`, never beside another thread's parse."""
    with _ONE_AT_A_TIME:
        return ast.parse(text, mode="eval")
