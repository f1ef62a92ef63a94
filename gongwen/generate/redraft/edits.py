"""The edits of last year's text around its slots: a comparison stated with a figure (由A提高到B,
提高了D, 增长r%), a 分别 list of changes, a figure restated elsewhere, the years that move with
the report, and changes that no longer hold.  The words of each edit are data
(``data/redraft.yaml``); this module only finds their spans.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ...figure import Extraction
from ...model import Document, Span
from .slots import Edit, Slot, in_plan, number_of, partial_year, period_years, rules, sentence_of

_YEAR = re.compile(r"(?<![\d.])(19|20)\d{2}(?![\d.])")
_YEAR_AT = re.compile(r"(19|20)\d{2}(?![\d.])")  # a year opening a name after its number (1.2020年…)
_DAY_DATE = re.compile(r"^年\d{1,2}月\d{1,2}日")


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


def pair_edit(doc: Document, s: Slot) -> Edit | None:
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


def after_edit(ext: Extraction, doc: Document, s: Slot) -> Edit | None:
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


def respective_edits(ext: Extraction, doc: Document, slots: list[Slot]) -> list[Edit]:
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


def restate_edit(ext: Extraction, doc: Document, s: Slot, slots: list[Slot]) -> Edit | None:
    """A statistic whose clause states no comparison for it: re-stated against last year.

    全县低保对象4826户 → 全县低保对象由上年的A增加到B; a level (标准, 水平, rates) 由A提高到B; a
    figure of part of the year (1-11月, 截至11月底) 由上年同期的A….  Also an item of a breakdown
    (（其中城镇特困由上年的48人减少到45人、…）) and a figure that a later clause compares (…，比上年
    同期提高了D / 分别增长a%、b%: that comparison is rewritten from the numbers too).  Not for a
    hedged figure (40多家), a figure in a 分别 list (:mod:`.lists`), a clause that already
    compares, or a figure followed by its noun (9间乡镇敬老院); ``next`` when the next slot's
    figure follows at once (4826户8719人, 365人次共38.64万元).
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
    slot's stated period in the same sentence (截至2020年9月30日 before a count), a
    comparison base (比2019年同期), and years from the report year on in plan sections.  Kept:
    earlier years (自2019年7月1日起), dated events (于2020年3月16日印发), citations 《…2020年…》
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
            slot_years.setdefault(sent.start, set()).update(period_years(f.period))
    # A period stated for a figure that is not updated stays with it (a fact of last year).
    fact_years: dict[int, set[int]] = {}
    slot_figs = {id(s.figure) for s in slots}
    for f in ext.figures:
        if id(f) not in slot_figs and f.period and not f.period_inferred and f.kind != "condition":
            fact_years.setdefault(sentence_of(doc, f.span.start).start, set()).update(period_years(f.period))
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
        years = period_years(f.period)
        if years and years[0] != last_year:
            continue
        if any(e.span.overlaps(f.span) for e in taken):
            continue
        num = number_of(doc.text, f.span)
        if num is not None:
            out.append(Edit(num[0], "stale"))
    return out
