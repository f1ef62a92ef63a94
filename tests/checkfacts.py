"""Helpers shared by checker tests: check an invented report, and read one code's findings as data.

``findings(report, code, has)`` gives each finding of ``code`` as (status, severity, the
figures as written, sorted), only those with a figure written ``has`` (or for which ``has``
is true) when given, so a test asserts the verdict, its level and its operands at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gongwen.check import Report, check
from gongwen.extract.pipeline import document_from_text, extract


def checked(text: str) -> Report:
    """`gongwen check` of an invented report given as its whole text (title, headings, body)."""
    return check(extract(document_from_text(text + "\n")))


def findings(r: Report, code: str, has: str | Callable[[Any], bool] | None = None
             ) -> list[tuple[str, str, tuple[str, ...]]]:
    """(status, severity, figures as written) of each finding of ``code`` that has ``has``."""
    def wanted(f: Any) -> bool:
        if has is None:
            return True
        if isinstance(has, str):
            return any(g.as_written == has for g in f.figures)
        return any(has(g) for g in f.figures)
    return [(f.status, f.severity, tuple(sorted(g.as_written for g in f.figures)))
            for f in r.by_code(code) if wanted(f)]
