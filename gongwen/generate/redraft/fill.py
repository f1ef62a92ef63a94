"""Fill a template with this year's values: last year's paragraphs, new numbers, rewritten comparisons.

Every paragraph of last year's document becomes one block (title, headings at their level,
body, signature, date); inside it, each edit's span is replaced and everything else is kept.
An unfilled value stays as a highlighted 【待填】 (no digits, so nothing reads it as a figure),
and so does every comparison that depends on it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..markup import Block, Inline
from ..phrasing import chinese_ordinal, fixed, plain, terms
from .slots import Edit, Slot, Template, rules
from .tables import DraftTable, cell_texts

Piece = tuple[str, bool]  # text, placeholder


@dataclass
class Filled:
    """A filled draft: its blocks, the slots still empty, and the figures it states."""

    blocks: list[Block]
    missing: list[Slot] = field(default_factory=list)
    stale: int = 0  # stated changes that became placeholders
    figures: list[Figure] = field(default_factory=list)

    @property
    def placeholders(self) -> list[str]:
        return [i.text for b in self.blocks for i in b.all_inlines if i.placeholder]


def _hole() -> Piece:
    return (str(rules()["placeholder"]), True)


def written(value: Decimal, slot: Slot) -> str:
    """A new value in the slot's own style: digits as given, or Chinese numerals (六宗 → 七宗).

    Integers up to 99 keep Chinese numerals when last year wrote them so; anything else is
    written in Arabic digits with no separators and trailing zeros trimmed.
    """
    if slot.chinese and value == value.to_integral_value() and 0 < value < 100:
        return chinese_ordinal(int(value))
    return like(plain(value), slot.literal)


def grouped(number: str) -> str:
    """Thousands separators in a plain number's integer part.

    >>> grouped("3215"), grouped("2718.4"), grouped("-12345.67"), grouped("985.3")
    ('3,215', '2,718.4', '-12,345.67', '985.3')
    """
    sign = "-" if number.startswith("-") else ""
    whole, dot, frac = number.lstrip("-").partition(".")
    return sign + f"{int(whole):,}" + dot + frac


def like(number: str, literal: str) -> str:
    """A plain number written like last year's literal: with separators when it had them."""
    return grouped(number) if "," in literal else number


@functools.cache
def _verb_words() -> re.Pattern[str]:
    """Every change verb of ``verb_pairs``, longest first (removed from a list's separators)."""
    words = sorted({str(w) for pair in rules()["verb_pairs"] for w in pair}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _verb(family: int, sign: int) -> str:
    up, down = rules()["verb_pairs"][family]
    return str(up if sign >= 0 else down)


def _render(t: Template, e: Edit, values: dict[str, Decimal | None], keep: bool = False) -> list[Piece]:
    text = t.document.text
    if e.op == "year":
        return [(e.text, False)]
    if e.op == "stale":
        return [_hole()]
    vals = [values.get(sid) for sid in e.slots]
    slots = [t.slot(sid) for sid in e.slots]
    if e.op == "value":
        v = vals[0]
        return [(written(v, slots[0]), False)] if v is not None else [_hole()]
    if e.op == "restate":
        return _restate(t, e, slots[0], vals[0], values, keep)
    if e.op == "pair":
        return _pair(text, e, slots[0], vals[0])
    if e.op in ("delta", "growth"):
        return _after(text, e, slots[0], vals[0])
    if e.op == "respective":
        return _respective(text, e, slots, vals)
    if e.op == "list":
        return _list(text, e, slots, vals)
    raise AssertionError(e.op)


def _pair(text: str, e: Edit, s: Slot, v: Decimal | None) -> list[Piece]:
    """由现行A提高到B: A = last year's value in A's own scale; the verb by the sign of B − A."""
    p: Span = e.params["prev"]
    last_in_prev = s.last * s.scale / e.params["prev_scale"]
    verb: Span = e.params["verb"]
    head = text[e.span.start:p.start]
    new = [(written(v, s), False)] if v is not None else [_hole()]
    if v is not None and v == s.last:
        fig_head = text[e.params["figure_start"]:s.number.start]
        return [(str(rules()["steady"]) + fig_head, False), *new]
    mid = text[p.end:verb.start]
    tail = text[verb.end:s.number.start]
    word = text[verb.start:verb.end] if v is None else _verb(e.params["family"], 1 if v > s.last else -1)
    return [(head + like(plain(last_in_prev), text[p.start:p.end]) + mid + word + tail, False), *new]


def _restate(t: Template, e: Edit, s: Slot, v: Decimal | None, values: dict[str, Decimal | None],
             keep: bool) -> list[Piece]:
    """全县低保对象6154户 → 由上年的6154户增加到6280户 (a level: 由A提高到B; equal: 保持在B，与上年
    持平), in the sentence's own unit style; unfilled or ``keep``: last year's words, new number."""
    text = t.document.text
    fig: Span = e.params["figure"]
    head, tail = text[fig.start:s.number.start], text[s.number.end:fig.end]
    new = [(head, False), (written(v, s), False) if v is not None else _hole(), (tail, False)]
    if v is None or keep:
        return [(text[e.span.start:fig.start], False), *new]
    r = rules()["restate"]
    if not tail and not head:  # 站内救助113 (its unit read from the total): 由上年的113人次减少到107人次
        new[-1] = (s.unit, False)
        old = text[fig.start:fig.end] + s.unit
    else:
        old = text[fig.start:fig.end]
    if v == s.last:
        ends_clause = fig.end >= len(text) or text[fig.end] in "，,。；;"
        return [(r["steady"], False), *new, *([(r["steady_after"], False)] if ends_clause else [])]
    up, down = r["level_verbs" if e.params["level"] else "count_verbs"]
    start = r["from_level"] if e.params["level"] else r["from_partial"] if e.params["partial"] else r["from"]
    nxt = e.params["next"]
    joined = nxt is not None and any(x.op == "restate" and nxt in x.slots for x in t.edits) \
        and values.get(nxt) is not None
    return [(start + old + (up if v > s.last else down) + r["to"], False), *new,
            *([(r["joiner"], False)] if joined else [])]


def _after(text: str, e: Edit, s: Slot, v: Decimal | None) -> list[Piece]:
    """…，提高了D元 / 增长r%: D = |B − A| in the delta's scale, r from unrounded values."""
    num: Span = e.params["number"]
    verb_end = e.params["verb_end"]
    mid = text[verb_end:num.start]
    if v is None:
        return [(text[e.span.start:num.start], False), _hole()]
    diff = (v - s.last) * s.scale
    sign = 1 if diff >= 0 else -1
    if e.op == "delta":
        shown = like(plain(abs(diff) / e.params["scale"]), text[num.start:num.end])
    else:
        rate = abs(diff) / (s.last * s.scale) * 100
        shown = fixed(rate, max(1, e.params["decimals"]))
    return [(_verb(e.params["family"], sign) + mid + shown, False)]


def _respective(text: str, e: Edit, slots: list[Slot], vals: list[Decimal | None]) -> list[Piece]:
    """分别增加a%、b%、c% (or 分别减少68对和增加21对), each change from its slot; mixed signs (or a
    change still to fill) name each verb: 分别增长10.0%、下降6.3% / 分别【待填】%、下降6.3%.  The
    list keeps its separators (、 和) and each change its unit as written."""
    places = max(1, e.params["decimals"])
    figs: tuple[Figure, ...] = e.params["figures"]
    nums: tuple[Span, ...] = e.params["numbers"]
    changes: list[tuple[int, str] | None] = []
    for s, v, g, num in zip(slots, vals, figs, nums):
        if v is None:
            changes.append(None)
            continue
        diff = (v - s.last) * s.scale
        sign = 1 if diff >= 0 else -1
        if g.unit == "%" and s.figure.unit != "%":
            changes.append((sign, fixed(abs(diff) / (s.last * s.scale) * 100, places)))
        else:
            lit = text[num.start:num.end]
            scale = abs(g.value) / Decimal(lit.replace(",", "")) if lit[:1].isdigit() and Decimal(
                lit.replace(",", "")) else Decimal(1)
            changes.append((sign, like(plain(abs(diff) / scale), lit)))
    signs = {c[0] for c in changes if c is not None}
    fam = e.params["family"]
    out: list[Piece] = []
    # One verb for the list when every change has the same sign (or none is known yet).
    one_verb = len(signs) <= 1 and (all(c is not None for c in changes) or not signs)
    if one_verb:
        out.append((_verb(fam, next(iter(signs), 1)), False))
    for k, (c, g, num) in enumerate(zip(changes, figs, nums)):
        if k:
            out.append((_verb_words().sub("", text[figs[k - 1].span.end:g.span.start]) or "、", False))
        unit = text[num.end:g.span.end]
        if c is None:
            out.extend([_hole(), (unit, False)])
        else:
            out.append(((_verb(fam, c[0]) if not one_verb else "") + c[1] + unit, False))
    return out


def _list(text: str, e: Edit, slots: list[Slot], vals: list[Decimal | None]) -> list[Piece]:
    """分别为A1、A2 → 分别由上年的B1、B2增加到A1、A2 (mixed signs: 调整为; a level: 由B1、B2提高到);
    labelled items one by one (集中养育由…提高到…、社会散居由…); unfilled: last year's words."""
    items = e.params["items"]
    r = rules()["restate"]

    def new(s: Slot, v: Decimal | None) -> list[Piece]:
        f = s.figure.span
        return [(text[f.start:s.number.start], False), (written(v, s), False) if v is not None else _hole(),
                (text[s.number.end:f.end], False)]

    if any(v is None for v in vals):
        out: list[Piece] = [(text[e.span.start:items[0].label.end], False)]
        for k, (it, s, v) in enumerate(zip(items, slots, vals)):
            if k:
                out.append((text[it.sep.start:it.label.end], False))
            out.extend(new(s, v))
        return out
    start = r["from_level"] if e.params["level"] else r["from_partial"] if e.params["partial"] else r["from"]
    up, down = r["level_verbs" if e.params["level"] else "count_verbs"]

    def verb(pairs: list[tuple[Slot, Decimal]]) -> str:
        signs = {(v > s.last) - (v < s.last) for s, v in pairs}
        if signs == {0}:
            return str(r["steady"])
        if len(signs) > 1:
            return str(rules()["list"]["mixed"])
        return str(up if signs == {1} else down) + str(r["to"])

    pairs = [(s, v) for s, v in zip(slots, vals) if v is not None]
    if e.params["labelled"]:
        out = []
        for k, (it, (s, v)) in enumerate(zip(items, pairs)):
            f = s.figure.span
            w = verb([(s, v)])
            out.append((text[it.sep.start:it.label.end] if k else text[it.label.start:it.label.end], False))
            if w != r["steady"]:
                out.append((start + text[f.start:f.end] + w, False))
            else:
                out.append((w, False))
            out.extend(new(s, v))
        return out
    w = verb(pairs)
    old: list[Piece] = []
    fresh: list[Piece] = []
    for k, (it, (s, v)) in enumerate(zip(items, pairs)):
        f = s.figure.span
        sep = text[it.sep.start:it.sep.end] if k else ""
        old.append((sep + text[f.start:f.end], False))
        fresh.extend([(sep, False), *new(s, v)])
    if w == r["steady"]:
        return [(w, False), *fresh, (r["steady_after"], False)]
    return [(start, False), *old, (w, False), *fresh]


def _title(t: Template) -> str:
    """Last year's title with its years advanced, or the genre's default title."""
    md = t.document.metadata
    if md.title:
        import re

        return re.sub(r"(?<!\d)(19|20)\d{2}(?!\d)", lambda m: str(int(m.group(0)) + t.delta), md.title)
    kind = md.kind if md.kind in ("summary", "plan", "summary-plan") else "summary"
    return str(terms()["titles"][kind].format(issuer=md.issuer or "", year=t.year, next=t.year + 1))


def _pieces(t: Template, span: Span, values: dict[str, Decimal | None], keep: bool = False) -> list[Piece]:
    text = t.document.text
    out: list[Piece] = []
    pos = span.start
    for e in t.edits:
        if e.span.end <= span.start or e.span.start >= span.end:
            continue
        if e.span.start < pos:
            continue
        out.append((text[pos:e.span.start], False))
        out.extend(_render(t, e, values, keep))
        pos = e.span.end
    out.append((text[pos:span.end], False))
    return out


def _inlines(pieces: list[Piece]) -> tuple[Inline, ...]:
    merged: list[Inline] = []
    for text, ph in pieces:
        if not text:
            continue
        if merged and merged[-1].placeholder == ph and not ph:
            merged[-1] = Inline(merged[-1].text + text)
        else:
            merged.append(Inline(text, ph))
    return tuple(merged)


def fill(t: Template, values: dict[str, Decimal | None], date: str | None = None, *,
         keep_sentences: bool = False) -> Filled:
    """The draft's blocks with ``values`` (slot id → value in the slot's unit; None: unfilled).

    ``date`` is the new 成文日期 (ISO); without it last year's date moved by the year difference
    is shown as a placeholder to confirm.  A statistic whose sentence states no comparison is
    re-stated against last year (由上年的A增加到B) unless ``keep_sentences``.
    """
    from ..phrasing import date_text

    doc = t.document
    headings = {h.span.start: h for h in doc.headings if not h.run_in}
    blocks: list[Block] = []
    has_title = any(p.kind == "title" for p in doc.paragraphs)
    if not has_title:
        blocks.append(Block("title", (Inline(_title(t)),)))
    written: set[int] = set()
    for p in doc.paragraphs:
        if p.span.start in t.annex.paragraphs:
            continue  # placed below, where GB/T 9704 puts them
        if p.kind == "table_row":
            dt = next((x for x in t.tables if x.span.start <= p.span.start < x.span.end), None)
            if dt is not None:
                if dt.span.start not in written:
                    written.add(dt.span.start)
                    blocks.append(table_block(dt, values))
                continue
        if p.kind == "title":
            blocks.append(Block("title", (Inline(_title(t)),)))
            continue
        if p.kind == "date":
            if date:
                blocks.append(Block("date", (Inline(date_text(date)),)))
            else:
                md = doc.metadata.date
                guess = date_text(f"{int(md[:4]) + t.delta}{md[4:]}") if md else "【待填】"
                blocks.append(Block("date", (Inline(guess, True),)))
            continue
        inl = _inlines(_pieces(t, p.span, values, keep_sentences))
        if not inl:
            continue
        if p.kind == "signature":
            blocks.append(Block("signature", inl))
        elif p.kind == "heading" and p.span.start in headings:
            level = min(headings[p.span.start].level, 4)
            blocks.append(Block(f"h{level}", inl))  # type: ignore[arg-type]
        else:
            blocks.append(Block("p", inl))
    _place_annex(t, values, blocks)
    missing = [s for s in t.slots if values.get(s.id) is None]
    stale = sum(1 for e in t.edits if e.op == "stale")
    figures = [_figure(s, v) for s in t.slots if (v := values.get(s.id)) is not None]
    return Filled(blocks, missing, stale, figures)


def table_block(dt: DraftTable, values: dict[str, Decimal | None]) -> Block:
    """A carried table as a block: every cell's text, 【待填】 where a value is still missing."""
    hole = str(rules()["placeholder"])
    rows = tuple(tuple((Inline(x),) if x else () if x is not None else (Inline(hole, True),) for x in row)
                 for row in cell_texts(dt, values))
    return Block("table", (), rows=rows, header_rows=dt.header_rows)


def _place_annex(t: Template, values: dict[str, Decimal | None], blocks: list[Block]) -> None:
    """附件说明 right under the body (before the signature), 附注 right below the date."""
    items = t.annex.items
    names = [_inlines(_pieces(t, span, values)) for span in items]
    # 1. 2021年…, not 1.2021年… (which reads as a number); then every number alike
    gap = " " if any(n and n[0].text[:1].isdigit() for n in names) else ""
    annex = [Block("attachment", name, f"{k}.{gap}" if len(items) > 1 else "") for k, name in enumerate(names, 1)]
    closing = next((i for i, b in enumerate(blocks) if b.kind in ("signature", "date")), len(blocks))
    blocks[closing:closing] = annex
    notes = [Block("note", _inlines(_pieces(t, span, values))) for span in t.annex.notes]
    date = next((i + 1 for i, b in enumerate(blocks) if b.kind == "date"), len(blocks))
    blocks[date:date] = notes


def _figure(s: Slot, v: Decimal) -> Figure:
    """What the draft states for a filled slot (value in the base unit, last year as previous)."""
    f = s.figure
    return Figure(value=v * s.scale, unit=f.unit, program=f.program, scope=f.scope, metric=f.metric,
                  previous=s.last * s.scale, kind=f.kind, as_written=written(v, s) + s.unit,
                  unit_as_written=s.unit)
