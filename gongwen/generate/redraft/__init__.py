"""Drafting from last year's document: keep its words, update its figures.

``prepare(last, year)`` reads last year's report and finds its slots and edits
(:mod:`.slots`); ``skeleton`` writes the values file to fill (:mod:`.values`); ``draft`` fills
it and returns blocks for the GB/T 9704 writers (:mod:`.fill`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...figure import Extraction
from ..markup import Block
from ..output import BlockOutput
from ..profile import load_profile
from . import values
from .fill import Filled, fill
from .slots import Slot, Template, analyse
from .values import read, skeleton


def prepare(last: str | Path | Extraction, year: int | None = None) -> Template:
    """Last year's report (a path or an extraction) analysed for the report of ``year``."""
    if not isinstance(last, Extraction):
        from ..draft import extract_last_year

        last = extract_last_year(last)
    return analyse(last, year)


@dataclass
class DraftResult(BlockOutput):
    """A filled draft; the same surface as a render result for the writers and the checker."""

    template: Template
    filled: Filled
    profile: str = "default"
    reference_docx: str | None = None
    path: Path | None = None
    findings: list[Any] = field(default_factory=list)
    check_note: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def blocks(self) -> list[Block]:
        return self.filled.blocks

    @property
    def missing(self) -> list[Slot]:
        return self.filled.missing

    @property
    def figures(self) -> list[Any]:
        return self.filled.figures

    @property
    def issuer(self) -> str | None:
        return self.template.document.metadata.issuer


def draft(template: Template, data: str | Path | dict[str, Any] | None = None, *,
          values: dict[str, Decimal | None] | None = None, date: str | None = None,
          profile: str = "default", reference_docx: str | Path | None = None,
          keep_sentences: bool = False) -> DraftResult:
    """Fill the template from a values file (or a mapping of slot values); nothing is written.

    A filled statistic whose sentence states no comparison is re-stated against last year
    (全县低保对象由上年的6154户增加到6280户); ``keep_sentences`` keeps last year's words instead.
    """
    vals: dict[str, Decimal | None] = dict(values or {})
    if data is not None:
        got, got_date = read(data, template)
        vals.update(got)
        date = date or got_date
    load_profile(profile)
    return DraftResult(template, fill(template, vals, date, keep_sentences=keep_sentences), profile,
                       str(reference_docx) if reference_docx else None)


__all__ = ["DraftResult", "Template", "draft", "prepare", "skeleton", "values"]
