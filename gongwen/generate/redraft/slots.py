"""Last year's document as a template: which figures are slots, and which words change with them.

A *slot* is a statistic of last year (an ``actual`` or ``standard`` figure of the report year,
outside the plan sections) whose number is replaced by this year's value.  An *edit* is any
other stretch of last year's text that is rewritten: a comparison (由A提高到B, 提高了D, 增长r%,
分别增加a%、b%), a year that moves with the report, or a stale change that no longer holds.
Everything else is kept character for character.  The decisions are data
(``data/redraft.yaml``); this module finds the slots and puts the template together, and
:mod:`.edits` finds the edits.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from ..._data import cn_number
from ...figure import Extraction, Figure
from ...model import Document, Span
from ..phrasing import _table
from .annex import Annex
from .annex import find as find_annex

if TYPE_CHECKING:
    from .tables import DraftTable

_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")  # 3,215 is one number
_CHINESE = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_SENTENCE_END = "。；！？"


@functools.cache
def rules() -> dict[str, Any]:
    """The ``redraft.yaml`` table."""
    return _table("redraft.yaml")


@dataclass(frozen=True)
class Slot:
    """A statistic of last year to be replaced by this year's value.

    ``number`` spans the digits alone (hedges such as 近/多 and the unit stay as written);
    ``unit`` is what follows the number in the text (万元, 元/人/年, 户); ``last`` is last
    year's value in that unit and ``scale`` converts it to the figure's base unit.
    """

    id: str
    figure: Figure
    number: Span
    literal: str
    scale: Decimal
    unit: str
    last: Decimal
    context: str

    @property
    def chinese(self) -> bool:
        """Written in Chinese numerals (六宗, 三个): small new values are written the same way."""
        return not self.literal[:1].isdigit()


@dataclass(frozen=True)
class Edit:
    """A stretch of last year's text rewritten in the draft.

    ``op`` says how: ``value`` (a slot's number), ``restate`` (a slot whose sentence states no
    comparison, re-stated as 由上年的A增加到B), ``pair`` (由A…到B around a slot), ``delta``
    and ``growth`` (a stated difference or rate after a pair or a re-stated figure),
    ``respective`` (分别增加a%、b% / 分别减少a对和增加b对), ``list`` (分别为A1、A2 → 分别由B1、B2…到A1、A2,
    :mod:`.lists`),
    ``year`` (a year moved with the report; ``text`` holds the new one) or ``stale`` (a stated
    change whose base is unknown: it becomes a placeholder).
    """

    span: Span
    op: str
    slots: tuple[str, ...] = ()
    text: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Template:
    """Last year's document with its slots and edits, ready to be filled for ``year``.

    ``tables`` are last year's tables cell by cell (:mod:`.tables`); ``annex`` its 附件说明 and
    附注 (:mod:`.annex`).
    """

    extraction: Extraction
    last_year: int
    year: int
    slots: tuple[Slot, ...]
    edits: tuple[Edit, ...]
    tables: tuple[DraftTable, ...] = ()
    annex: Annex = field(default_factory=Annex)

    @property
    def document(self) -> Document:
        return self.extraction.document

    @property
    def delta(self) -> int:
        return self.year - self.last_year

    def slot(self, sid: str) -> Slot:
        return self._by_id[sid]

    @functools.cached_property
    def _by_id(self) -> dict[str, Slot]:
        return {s.id: s for s in self.slots}


def number_of(text: str, span: Span) -> tuple[Span, str, Decimal] | None:
    """The number literal inside a figure's text: its span, as written and its value.

    >>> number_of("共计每人每月915元", Span(2, 10))
    (Span(start=6, end=9), '915', Decimal('915'))
    >>> number_of("站点三个", Span(2, 4))[1:]
    ('三', Decimal('3'))
    >>> number_of("共3,215户", Span(1, 7))
    (Span(start=1, end=6), '3,215', Decimal('3215'))
    """
    s = text[span.start:span.end]
    m = _ARABIC.search(s) or _CHINESE.search(s)
    if m is None:
        return None
    lit = m.group(0)
    try:
        val = Decimal(lit.replace(",", "")) if lit[0].isdigit() else cn_number(lit)
    except (InvalidOperation, ValueError, ArithmeticError):
        return None
    return Span(span.start + m.start(), span.start + m.end()), lit, val


def sentence_of(doc: Document, offset: int) -> Span:
    """The sentence (cut at 。；！？ within the paragraph) around an offset."""
    p = doc.paragraph_at(offset)
    lo, hi = (p.span.start, p.span.end) if p else (0, len(doc.text))
    a = max((doc.text.rfind(c, lo, offset) for c in _SENTENCE_END), default=-1)
    start = a + 1 if a >= lo else lo
    ends = [i for i in (doc.text.find(c, offset, hi) for c in _SENTENCE_END) if i >= 0]
    return Span(start, min(ends) + 1 if ends else hi)


def period_years(period: str | None) -> list[int]:
    return [int(y) for y in re.findall(r"\d{4}", period or "")]


def in_plan(doc: Document, offset: int) -> bool:
    """Is the offset in a plan section (下一步工作计划 …)?"""
    cue = re.compile(rules()["plan_heading"])
    return any(cue.search(h.title) for h in doc.section_path(offset))


def is_slot(f: Figure, doc: Document, last_year: int) -> bool:
    """A statistic of last year's report year: actual or standard (or the new level of a stated
    change), stated in running text, not a range bound, not in a plan section, and not dated
    before the report year (自2019年7月1日起, "十三五"期间: facts that stay)."""
    if f.source != "text" or f.range_id is not None or f.unit == "个百分点":
        return False
    if f.kind not in rules()["slot_kinds"] and not (f.kind == "change" and f.previous is not None):
        return False
    years = period_years(f.period)
    if years and years[0] != last_year:
        return False
    return not in_plan(doc, f.span.start)


def _context(doc: Document, f: Figure) -> str:
    """The figure's sentence with the figure marked ⟦…⟧, at most about 90 characters."""
    s = sentence_of(doc, f.span.start)
    t = doc.text
    before, after = t[s.start:f.span.start], t[f.span.end:s.end]
    if len(before) > 50:
        before = "…" + before[-50:]
    if len(after) > 36:
        after = after[:36] + "…"
    return f"{before}⟦{t[f.span.start:f.span.end]}⟧{after}"


def find_slots(ext: Extraction, last_year: int) -> list[Slot]:
    """Slots in document order, numbered s1, s2, …"""
    doc = ext.document
    out: list[Slot] = []
    for f in sorted(ext.figures, key=lambda x: x.span.start):
        if not is_slot(f, doc, last_year):
            continue
        num = number_of(doc.text, f.span)
        if num is None or num[2] == 0:
            continue
        span, lit, val = num
        scale = f.value / val
        unit = re.sub(r"\s+", "", doc.text[span.end:f.span.end]) or f.unit
        out.append(Slot(f"s{len(out) + 1}", f, span, lit, scale, unit, val, _context(doc, f)))
    return out


# -- comparisons --------------------------------------------------------------------------------

def partial_year(f: Figure) -> bool:
    """Is the figure's period part of its year (1-11月, 截至11月底, 11月)?  Then last year's
    value is 上年同期's.

    >>> from gongwen.figure import Figure
    >>> [partial_year(Figure(value=Decimal(1), unit="人", period=p)) for p in ("2020", "2020-11", None)]
    [False, True, False]
    """
    p = f.period or ""
    if not re.match(r"^\d{4}-", p):
        return False
    return not re.search(r"-12(-31)?$", p)


def analyse(ext: Extraction, year: int | None = None) -> Template:
    """Slots and edits of last year's report, to draft the report of ``year`` (default: next)."""
    from ...errors import DataError

    doc = ext.document
    last = doc.metadata.year
    if last is None:
        raise DataError("last year's report does not say its year; pass --year", doc.source.path)
    year = last + 1 if year is None else year
    if year <= last:
        raise DataError(f"--year {year} is not after the report's own year {last}", doc.source.path)
    annex = find_annex(doc)
    slots = [s for s in find_slots(ext, last) if not annex.covers(s.number.start)]
    tables, slots = _with_tables(ext, slots, last, year)
    edits: list[Edit] = []

    def add(e: Edit | None) -> None:
        if e is not None and not any(e.span.overlaps(x.span) for x in edits):
            edits.append(e)

    from .edits import after_edit, pair_edit, respective_edits, restate_edit, stale_changes, year_edits
    from .lists import find as find_lists

    for s in slots:
        add(pair_edit(doc, s))

    for e in find_lists(ext, [s for s in slots if not any(s.id in x.slots for x in edits)]):
        add(e)
    for s in slots:
        if not any(s.id in e.slots for e in edits):
            add(restate_edit(ext, doc, s, slots) or Edit(s.number, "value", (s.id,)))
    for e in respective_edits(ext, doc, slots):  # before after_edit: a 分别 list is not one figure's change
        add(e)
    for s in slots:
        if any(e.op in ("pair", "restate") and s.id in e.slots for e in edits):
            add(after_edit(ext, doc, s))
    for e in stale_changes(ext, doc, edits, last):
        if not annex.covers(e.span.start):
            add(e)
    for e in year_edits(ext, [s for s in slots if s.figure.source == "text"], last, year,
                        tuple(s.start for s in annex.items)):
        add(e)
    # A table is written cell by cell (.tables): no edit of the text reaches into it.
    edits = [e for e in edits if not any(t.span.overlaps(e.span) for t in doc.tables)]
    edits.sort(key=lambda e: e.span.start)
    return Template(ext, last, year, tuple(slots), tuple(edits), tuple(tables), annex)


def _with_tables(ext: Extraction, text_slots: list[Slot], last: int,
                 year: int) -> tuple[list[DraftTable], list[Slot]]:
    """Last year's tables for the draft, and every slot (text and table) numbered s1, s2, …
    in document order."""
    from .tables import Cell, carry

    doc = ext.document
    figures = [f for f in ext.figures if f.source == "table"]
    tables: list[DraftTable] = []
    slots = [s for s in text_slots if not any(t.span.overlaps(s.number) for t in doc.tables)]
    for t in doc.tables:
        dt, got = carry(doc, t, [f for f in figures if t.span.overlaps(f.span)], last, year)
        prefix = f"t{len(tables)}."
        got = [replace(s, id=prefix + s.id) for s in got]
        dt = replace(dt, rows=tuple(tuple(replace(c, slot=prefix + c.slot) if c.op == "slot" else c for c in row)
                                    for row in dt.rows))
        tables.append(dt)
        slots += got
    slots.sort(key=lambda s: s.number.start)
    new = {s.id: f"s{i}" for i, s in enumerate(slots, 1)}

    def renamed(c: Cell) -> Cell:
        return replace(c, slot=new[c.slot]) if c.op == "slot" else c

    tables = [replace(dt, rows=tuple(tuple(renamed(c) for c in row) for row in dt.rows)) for dt in tables]
    return tables, [replace(s, id=new[s.id]) for s in slots]
