"""gongwen: a toolkit for Chinese official work reports (工作总结, 工作计划).

Three jobs: turn past reports into datasets (:func:`read`, :func:`extract`), check that a
report's figures add up (:func:`check`), and draft next year's report (:func:`render`).
Heavy modules load lazily so ``import gongwen`` is cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import DataError, GongwenError, OutputError, ReadError, TemplateError
from .figure import Extraction, Figure
from .model import Document, Heading, Paragraph, Span

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "Document",
    "Extraction",
    "Figure",
    "Finding",
    "GongwenError",
    "Heading",
    "OutputError",
    "Paragraph",
    "ReadError",
    "Report",
    "Span",
    "TemplateError",
    "check",
    "extract",
    "read",
    "render",
]

_LAZY = {
    "read": "gongwen.extract.pipeline:read",
    "extract": "gongwen.extract.pipeline:extract",
    "check": "gongwen.check:check",
    "Finding": "gongwen.check:Finding",
    "Report": "gongwen.check:Report",
    "render": "gongwen.generate:render",
}

if TYPE_CHECKING:  # pragma: no cover
    from .extract.pipeline import extract, read


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'gongwen' has no attribute {name!r}")
    mod, attr = target.split(":")
    value = getattr(importlib.import_module(mod), attr)
    globals()[name] = value
    return value
