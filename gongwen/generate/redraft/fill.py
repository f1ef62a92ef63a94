"""Fill a template with this year's values: last year's paragraphs, new numbers, rewritten comparisons.

Every paragraph of last year's document becomes one block (title, headings at their level,
body, signature, date); inside it, each edit's span is replaced and everything else is kept.
An unfilled value stays as a highlighted 【待填】 (no digits, so nothing reads it as a figure),
and so does every comparison that depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..markup import Block, Inline
from ..phrasing import chinese_ordinal, fixed, plain, terms
from .slots import Edit, Slot, Template, rules

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
        return [i.text for b in self.blocks for i in b.inlines if i.placeholder]


def _hole() -> Piece:
    return (str(rules()["placeholder"]), True)


def written(value: Decimal, slot: Slot) -> str:
    """A new value in the slot's own style: digits as given, or Chinese numerals (六宗 → 七宗).

    Integers up to 99 keep Chinese numerals when last year wrote them so; anything else is
    written in Arabic digits with no separators and trailing zeros trimmed.
    """
    if slot.chinese and value == value.to_integral_value() and 0 < value < 100:
        return chinese_ordinal(int(value))
    return plain(value)


def _verb(family: int, sign: int) -> str:
    up, down = rules()["verb_pairs"][family]
    return str(up if sign >= 0 else down)


def _render(t: Template, e: Edit, values: dict[str, Decimal | None]) -> list[Piece]:
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
    if e.op == "pair":
        return _pair(text, e, slots[0], vals[0])
    if e.op in ("delta", "growth"):
        return _after(text, e, slots[0], vals[0])
    if e.op == "respective":
        return _respective(e, slots, vals)
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
    return [(head + plain(last_in_prev) + mid + word + tail, False), *new]


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
        shown = plain(abs(diff) / e.params["scale"])
    else:
        rate = abs(diff) / (s.last * s.scale) * 100
        shown = fixed(rate, max(1, e.params["decimals"]))
    return [(_verb(e.params["family"], sign) + mid + shown, False)]


def _respective(e: Edit, slots: list[Slot], vals: list[Decimal | None]) -> list[Piece]:
    """分别增加a%、b%、c%, each rate from its slot; mixed signs (or a rate still to fill) name
    each verb: 分别增长10.0%、下降6.3% / 分别【待填】%、下降6.3%."""
    places = max(1, e.params["decimals"])
    rates: list[tuple[int, str] | None] = []
    for s, v in zip(slots, vals):
        if v is None:
            rates.append(None)
            continue
        growth = (v - s.last) / s.last * 100
        rates.append((1 if growth >= 0 else -1, fixed(abs(growth), places)))
    signs = {r[0] for r in rates if r is not None}
    fam = e.params["family"]
    out: list[Piece] = []
    # One verb for the list when every rate has the same sign (or none is known yet).
    one_verb = len(signs) <= 1 and (all(r is not None for r in rates) or not signs)
    if one_verb:
        out.append((_verb(fam, next(iter(signs), 1)), False))
    for k, r in enumerate(rates):
        if k:
            out.append(("、", False))
        if r is None:
            out.append(_hole())
            out.append(("%", False))
        else:
            out.append(((_verb(fam, r[0]) if not one_verb else "") + r[1] + "%", False))
    return out


def _title(t: Template) -> str:
    """Last year's title with its years advanced, or the genre's default title."""
    md = t.document.metadata
    if md.title:
        import re

        return re.sub(r"(?<!\d)(19|20)\d{2}(?!\d)", lambda m: str(int(m.group(0)) + t.delta), md.title)
    kind = md.kind if md.kind in ("summary", "plan", "summary-plan") else "summary"
    return str(terms()["titles"][kind].format(issuer=md.issuer or "", year=t.year, next=t.year + 1))


def _pieces(t: Template, span: Span, values: dict[str, Decimal | None]) -> list[Piece]:
    text = t.document.text
    out: list[Piece] = []
    pos = span.start
    for e in t.edits:
        if e.span.end <= span.start or e.span.start >= span.end:
            continue
        if e.span.start < pos:
            continue
        out.append((text[pos:e.span.start], False))
        out.extend(_render(t, e, values))
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


def fill(t: Template, values: dict[str, Decimal | None], date: str | None = None) -> Filled:
    """The draft's blocks with ``values`` (slot id → value in the slot's unit; None: unfilled).

    ``date`` is the new 成文日期 (ISO); without it last year's date moved by the year difference
    is shown as a placeholder to confirm.
    """
    from ..phrasing import date_text

    doc = t.document
    headings = {h.span.start: h for h in doc.headings if not h.run_in}
    blocks: list[Block] = []
    has_title = any(p.kind == "title" for p in doc.paragraphs)
    if not has_title:
        blocks.append(Block("title", (Inline(_title(t)),)))
    for p in doc.paragraphs:
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
        inl = _inlines(_pieces(t, p.span, values))
        if not inl:
            continue
        if p.kind == "signature":
            blocks.append(Block("signature", inl))
        elif p.kind == "heading" and p.span.start in headings:
            level = min(headings[p.span.start].level, 4)
            blocks.append(Block(f"h{level}", inl))  # type: ignore[arg-type]
        else:
            blocks.append(Block("p", inl))
    missing = [s for s in t.slots if values.get(s.id) is None]
    stale = sum(1 for e in t.edits if e.op == "stale")
    figures = [_figure(s, v) for s in t.slots if (v := values.get(s.id)) is not None]
    return Filled(blocks, missing, stale, figures)


def _figure(s: Slot, v: Decimal) -> Figure:
    """What the draft states for a filled slot (value in the base unit, last year as previous)."""
    f = s.figure
    return Figure(value=v * s.scale, unit=f.unit, program=f.program, scope=f.scope, metric=f.metric,
                  previous=s.last * s.scale, kind=f.kind, as_written=written(v, s) + s.unit,
                  unit_as_written=s.unit)
