"""Last year's document as a template: which figures are slots, and which words change with them.

A *slot* is a statistic of last year (an ``actual`` or ``standard`` figure of the report year,
outside the plan sections) whose number is replaced by this year's value.  An *edit* is any
other stretch of last year's text that is rewritten: a comparison (由A提高到B, 提高了D, 增长r%,
分别增加a%、b%), a year that moves with the report, or a stale change that no longer holds.
Everything else is kept character for character.  The decisions are data
(``data/redraft.yaml``); this module only finds spans.
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
_YEAR = re.compile(r"(?<![\d.])(19|20)\d{2}(?![\d.])")
_YEAR_AT = re.compile(r"(19|20)\d{2}(?![\d.])")  # a year opening a name after its number (1.2020年…)
_DAY_DATE = re.compile(r"^年\d{1,2}月\d{1,2}日")
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

    >>> number_of("共计每人每月807元", Span(2, 10))
    (Span(start=6, end=9), '807', Decimal('807'))
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


def _years(period: str | None) -> list[int]:
    return [int(y) for y in re.findall(r"\d{4}", period or "")]


def in_plan(doc: Document, offset: int) -> bool:
    """Is the offset in a plan section (下一步工作计划 …)?"""
    cue = re.compile(rules()["plan_heading"])
    return any(cue.search(h.title) for h in doc.section_path(offset))


def is_slot(f: Figure, doc: Document, last_year: int) -> bool:
    """A statistic of last year's report year: actual or standard (or the new level of a stated
    change), stated in running text, not a range bound, not in a plan section, and not dated
    before the report year (自2019年10月1日起, "十三五"期间: facts that stay)."""
    if f.source != "text" or f.range_id is not None or f.unit == "个百分点":
        return False
    if f.kind not in rules()["slot_kinds"] and not (f.kind == "change" and f.previous is not None):
        return False
    years = _years(f.period)
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

def _verb_in(text: str, lo: int, hi: int) -> tuple[Span, int, int] | None:
    """The last change verb in ``text[lo:hi]``: its span, family index and sign (+1 up, −1 down)."""
    best: tuple[int, int, int, int] | None = None
    for k, (up, down) in enumerate(rules()["verb_pairs"]):
        for sign, w in ((1, up), (-1, down)):
            i = text.rfind(w, lo, hi)
            # the verb ending last, the longest of those: 减少 (not its 少) in 分别减少68对
            if i >= 0 and (best is None or (i + len(w), len(w)) > (best[0] + best[1], best[1])):
                best = (i, len(w), k, sign)
    if best is None:
        return None
    return Span(best[0], best[0] + best[1]), best[2], best[3]


def _pair(doc: Document, s: Slot) -> Edit | None:
    """由现行A提高到B around slot ``s``: A becomes last year's value, the verb follows the sign."""
    f = s.figure
    if f.previous_span is None or f.previous_span.end > s.number.start:
        return None
    t = doc.text
    prev = number_of(t, f.previous_span)
    if prev is None or prev[2] == 0:
        return None
    verb = _verb_in(t, f.previous_span.end, f.span.start)
    if verb is None:
        return None
    r = rules()
    sent = sentence_of(doc, f.span.start)
    lo = max(sent.start, f.previous_span.start - 6)
    start = max((t.rfind(w, lo, f.previous_span.start) for w in r["from_words"]), default=-1)
    start = start if start >= 0 else f.previous_span.start
    return Edit(Span(start, s.number.end), "pair", (s.id,), params={
        "prev": prev[0], "prev_scale": (f.previous / prev[2]) if f.previous else s.scale,
        "verb": verb[0], "family": verb[1], "figure_start": f.span.start})


def _after(ext: Extraction, doc: Document, s: Slot) -> Edit | None:
    """A difference or growth stated right after a pair or a re-stated figure: …，比原标准每人提高了
    168元 / 增长14.9%; not against another base (比上年末, 比年初: ``other_base``)."""
    t = doc.text
    sent = sentence_of(doc, s.figure.span.start)
    nxt = next((g for g in sorted(ext.figures, key=lambda x: x.span.start)
                if s.figure.span.end <= g.span.start < sent.end), None)
    if nxt is None or nxt.previous is not None:
        return None
    verb = _verb_in(t, s.figure.span.end, nxt.span.start)
    if verb is None or t[verb[0].end:nxt.span.start].strip().startswith(tuple(rules()["to_words"])):
        return None
    if re.search(rules()["other_base"], t[s.figure.span.end:verb[0].start]):
        return None  # 比上年末增加7,215人: not last year's figure, so not computed from it
    num = number_of(t, nxt.span)
    if num is None:
        return None
    is_rate = nxt.unit == "%" and s.figure.unit != "%"
    same = nxt.unit == s.figure.unit or nxt.unit == s.figure.unit.split("/")[0] or (
        nxt.change_unit is not None and nxt.change_unit == s.figure.unit)
    if not (is_rate or same):
        return None
    return Edit(Span(verb[0].start, num[0].end), "growth" if is_rate else "delta", (s.id,), params={
        "family": verb[1], "verb_end": verb[0].end, "number": num[0], "decimals": _decimals(num[1]),
        "scale": (nxt.value / num[2]) if num[2] else Decimal(1), "figure": nxt})


def _respective(ext: Extraction, doc: Document, slots: list[Slot]) -> list[Edit]:
    """救助人次、救助金额、救助水平比上年同期分别增加a%、b%、c% (or 分别减少68对和增加21对): one
    change per slot named before 分别, a growth rate or a difference in the slot's own unit."""
    t = doc.text
    out = []
    figs = sorted(ext.figures, key=lambda x: x.span.start)
    for word in rules()["respectively"]:
        for m in re.finditer(re.escape(word), t):
            sent = sentence_of(doc, m.start())
            before = [s for s in slots if sent.start <= s.figure.span.start < m.start()]
            changes = [g for g in figs if m.end() <= g.span.start < sent.end and (
                g.unit == "%" or g.change is not None)]
            if len(changes) < 2 or len(changes) != len(before) or not all(
                    g.unit == "%" and s.figure.unit != "%" or g.unit == s.figure.unit
                    for g, s in zip(changes, before)):
                continue
            verb = _verb_in(t, m.end(), changes[0].span.start)
            if verb is None:
                continue
            nums = [number_of(t, g.span) for g in changes]
            if any(n is None for n in nums):
                continue
            out.append(Edit(Span(verb[0].start, changes[-1].span.end), "respective",
                            tuple(s.id for s in before), params={
                                "family": verb[1], "decimals": max(_decimals(n[1]) for n in nums if n),
                                "figures": tuple(changes), "numbers": tuple(n[0] for n in nums if n)}))
    return out


def _restate(ext: Extraction, doc: Document, s: Slot, slots: list[Slot]) -> Edit | None:
    """A statistic whose clause states no comparison for it: re-stated against last year.

    全县低保对象6154户 → 全县低保对象由上年的A增加到B; a level (标准, 水平, rates) 由A提高到B; a
    figure of part of the year (1-11月, 截至11月底) 由上年同期的A….  Also an item of a breakdown
    (（其中城镇特困由上年的63人减少到60人、…）) and a figure that a later clause compares (…，比上年
    同期提高了D / 分别增长a%、b%: that comparison is rewritten from the numbers too).  Not for a
    hedged figure (50多家), a figure in a 分别 list (:mod:`.lists`), a clause that already
    compares, or a figure followed by its noun (11间乡镇敬老院); ``next`` when the next slot's
    figure follows at once (6154户11160人, 440人次共41.57万元).
    """
    f = s.figure
    r = rules()["restate"]
    t = doc.text
    if f.kind not in ("actual", "standard") or f.previous is not None or f.approx or f.source != "text" \
            or t[:f.span.start].endswith(tuple(r["not_after"])):
        return None
    p = doc.paragraph_at(f.span.start)
    hi = p.span.end if p else len(t)
    nxt = next((x for x in slots if x.figure.span.start == f.span.end
                or (x.figure.span.start > f.span.end and t[f.span.end:x.figure.span.start] in r["lead_words"])),
               None)
    if not (f.span.end >= hi or t[f.span.end] in r["ends"] or nxt is not None):
        return None
    sent = sentence_of(doc, f.span.start)
    a = max((t.rfind(c, sent.start, f.span.start) for c in "，,；;：:"), default=-1)
    clause_lo = a + 1 if a >= sent.start else sent.start
    ends = [i for i in (t.find(c, f.span.end, sent.end) for c in "，,；;。") if i >= 0]
    clause_hi = min(ends) if ends else sent.end
    # Only the figure's own clause decides: a comparison in a later clause (…，比上年增长x%) is
    # rewritten from the numbers, so the figure states its base beside it.
    around = t[clause_lo:f.span.start] + " " + t[f.span.end:clause_hi]
    cues = re.compile(r["cues"])
    verbs = [w for pair in rules()["verb_pairs"] for w in pair if len(w) > 1]
    if cues.search(around) or any(w in around for w in verbs) or any(
            w in t[clause_lo:f.span.start] for w in rules()["respectively"]):
        return None
    start = f.span.start
    lead = next((w for w in r["lead_words"] if t.endswith(w, clause_lo, f.span.start)), None)
    if lead:
        start -= len(lead)
    level = f.kind == "standard" or bool(re.search(r["level"], (f.metric or "") + f.unit))
    return Edit(Span(start, f.span.end), "restate", (s.id,), params={
        "figure": f.span, "level": level, "next": nxt.id if nxt else None, "partial": partial_year(f)})


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


def _decimals(literal: str) -> int:
    return len(literal.split(".", 1)[1]) if "." in literal else 0


# -- years --------------------------------------------------------------------------------------

def _frozen(text: str, i: int) -> bool:
    """Inside 《…》 or a document number's brackets (〔2020〕, [2020]) on the same line."""
    for pair in rules()["frozen_brackets"]:
        a, b = pair[0], pair[1]
        o, c = text.rfind(a, 0, i), text.rfind(b, 0, i)
        if o > c and text.find(b, i) >= 0 and "\n" not in text[o:i]:
            return True
    return False


def year_edits(ext: Extraction, slots: list[Slot], last_year: int, year: int,
               starts: tuple[int, ...] = ()) -> list[Edit]:
    """Years that move with the report.

    Moved: the report year written without a day (2020年以来, 2020年1-11月), the year of a
    slot's stated period in the same sentence (截至2020年10月31日 before a count), a
    comparison base (比2019年同期), and years from the report year on in plan sections.  Kept:
    earlier years (自2019年10月1日起), dated events (于2020年4月1日印发), citations 《…2020年…》
    and document numbers 〔2020〕, later years outside plans (确保2021年换届), and the stated period
    of a figure that is not updated (a target or change of last year stays a fact of last year).
    ``starts``: offsets where a name begins right after its number (附件：1.2020年…), so a year
    there is a year, not the decimals of 1.2020.
    """
    doc = ext.document
    t = doc.text
    delta = year - last_year
    cmp = re.compile(rules()["compare_year"])
    slot_years: dict[int, set[int]] = {}
    for s in slots:
        f = s.figure
        if f.period and not f.period_inferred:
            sent = sentence_of(doc, f.span.start)
            slot_years.setdefault(sent.start, set()).update(_years(f.period))
    # A period stated for a figure that is not updated stays with it (a fact of last year).
    fact_years: dict[int, set[int]] = {}
    slot_figs = {id(s.figure) for s in slots}
    for f in ext.figures:
        if id(f) not in slot_figs and f.period and not f.period_inferred and f.kind != "condition":
            fact_years.setdefault(sentence_of(doc, f.span.start).start, set()).update(_years(f.period))
    out = []
    found = [*_YEAR.finditer(t), *(m for i in starts if (m := _YEAR_AT.match(t, i)))]
    for m in sorted(found, key=lambda m: m.start()):
        y = int(m.group(0))
        if _frozen(t, m.start()):
            continue
        sent = sentence_of(doc, m.start())
        move = (
            bool(cmp.search(t[max(0, m.start() - 4):m.start()]))
            or (y >= last_year and in_plan(doc, m.start()))
            or y in slot_years.get(sent.start, set())
            or (y == last_year and y not in fact_years.get(sent.start, set())
                and not _DAY_DATE.match(t[m.end():m.end() + 7]))
        )
        if move:
            out.append(Edit(Span(m.start(), m.end()), "year", text=str(y + delta)))
    return out


def stale_changes(ext: Extraction, doc: Document, taken: list[Edit], last_year: int) -> list[Edit]:
    """Stated changes of last year that no rewrite covers (and not in a plan): to be re-stated."""
    out = []
    for f in ext.figures:
        if f.kind != "change" or f.previous is not None or in_plan(doc, f.span.start):
            continue
        years = _years(f.period)
        if years and years[0] != last_year:
            continue
        if any(e.span.overlaps(f.span) for e in taken):
            continue
        num = number_of(doc.text, f.span)
        if num is not None:
            out.append(Edit(num[0], "stale"))
    return out


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

    for s in slots:
        add(_pair(doc, s))
    from .lists import find as find_lists

    for e in find_lists(ext, [s for s in slots if not any(s.id in x.slots for x in edits)]):
        add(e)
    for s in slots:
        if not any(s.id in e.slots for e in edits):
            add(_restate(ext, doc, s, slots) or Edit(s.number, "value", (s.id,)))
    for e in _respective(ext, doc, slots):  # before _after: a 分别 list is not one figure's change
        add(e)
    for s in slots:
        if any(e.op in ("pair", "restate") and s.id in e.slots for e in edits):
            add(_after(ext, doc, s))
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
