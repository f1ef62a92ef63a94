"""Relations the text states apart: the two counts of a rate that holds are a part and its whole
(参考 3,102 人，本科上线 1,946 人，本科上线率 62.7%: 1,946 ≤ 3,102); a growth rate and the change
it rates stated in two places (全年发生事故 3 起，同比下降 40% … 较上年减少 2 起).

Every pairing here is inferred (through a relation already verified, or across sentences), so
every candidate is kept only when it holds (``confirm_only``): a pairing that fails says nothing,
unless the text makes it (a change and its rate side by side, one level of their subject) and
one misprint explains the miss.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..evaluation.findings import Finding
from ..evaluation.intervals import NotCheckable, interval_of, vocab
from ..reading.relations import Candidate, fact_kind, summable
from ..reading.textindex import SPACES, TextIndex
from .changes import previous_figure
from .comparisons import _NOT_NEW, _as_change, _level

_RATE_CODES = ("GW107", "GW123")  # 占…的 x%, and a named rate (覆盖率, 就业率): a part over its whole


def rate_parts(cand: Candidate, found: list[Finding]) -> Iterator[Candidate]:
    """The part and whole of a share that holds, as a subset: a rate of at most 100 % over two
    counts or amounts of one unit says the first is counted within the second.  Never for a
    completion (超额完成 is more than the plan) nor a rate read as its complement (未达标率)."""
    if cand.kind != "share" or cand.code not in _RATE_CODES or len(cand.parts) != 2:
        return
    if cand.params.get("complement") or not cand.params.get("complete") or cand.params.get("factor", 100) != 100:
        return
    # a rate that holds, or one misstated whose pairing the text makes certain (an error: no reading
    # makes it true — 整改率 98.4% over 3,547 of 3,618 处): its counts are still a part and its whole
    if not any(f.status == "consistent" or f.severity == "error" for f in found):
        return
    rate = cand.whole[0]
    part, whole = cand.parts
    if rate.unit != "%" or rate.value > 100 or part.unit != whole.unit or not (summable(part) and summable(whole)):
        return
    if part is whole or part.span == whole.span:
        return
    yield Candidate(code="GW108", kind="subset", whole=(whole,), parts=(part,), trigger=cand.trigger,
                    explicit=False, exhaustive=False,
                    params={"labels": [""], "confirm_only": True, "of_rate": rate})


# -- a growth rate and the change it rates, stated apart ------------------------------------------

def changes_apart(idx: TextIndex) -> Iterator[Candidate]:
    """较上年增加 d，增长 r% whose level is not in the sentence, or whose rate and change stand in
    two sentences: last year is still X − d, so r = d ÷ (X − d) (GW124, as
    :func:`gongwen.check.growth.comparisons.comparisons` checks it within one sentence).

    - the change and its rate in one sentence that names its subject before 较 but no level
      (抚恤补助资金较上年增加 318.5 万元，增长 8.8%): the level is the nearest earlier figure of the
      paragraph whose clause names that subject (抚恤补助资金 3926.7 万元); when it is the only one,
      the pairing is the text's own (``anchored``) and a miss one misprint explains is reported;
    - a rate stated with its level (全年发生事故 3 起，同比下降 40%) and the change stated with the
      same level elsewhere (发生事故 3 起，较上年减少 2 起): the level equal in both; a change with
      no level of its own takes the rate's when it is the one change and the one rate of its unit
      and year left unpaired.

    Found by pairing across sentences, so kept only when it holds (``confirm_only``)."""
    rates: list[tuple[Figure, Figure]] = []  # (level, rate) of sentences without a change
    deltas: list[tuple[Figure | None, Figure]] = []  # (level or None, change) of sentences without a rate
    for sent in idx.sentences:
        figs = [_as_change(idx, f) for f in idx.figures_in(sent)]
        ds = [f for f in figs if f.kind == "change" and f.unit not in _RATE_UNITS and _level(f)]
        rs = [f for f in figs if f.kind == "change" and f.unit == "%" and f.previous is None]
        if ds and rs:
            yield from _subject_level(idx, sent, figs, ds, rs)
        elif rs:
            rates += _paired(idx, sent, figs, rs, by_unit=False)
        elif ds:
            deltas += _paired(idx, sent, figs, ds, by_unit=True) or [(None, d) for d in ds]
    for level, d in deltas:
        fits = [(lv, r) for lv, r in rates if lv.unit == d.unit and _year(lv) == _year(d)]
        if level is not None:
            fits = [(lv, r) for lv, r in fits if interval_of(lv).intersects(interval_of(level))]
        elif sum(1 for lv, e in deltas if lv is None and e.unit == d.unit and _year(e) == _year(d)) != 1:
            continue
        if len(fits) != 1:
            continue
        lv, r = fits[0]
        if level is not None and _restated_level(idx, level, lv) and _yearly(idx, d) and _yearly(idx, r):
            # 全年发生生产安全事故 14 起、死亡 11 人，较上年分别减少 4 起、3 人 and, elsewhere, 全年共发生
            # 生产安全事故 14 起、死亡 11 人，同比分别下降 22.2% 和 21.4%: one level named and stated
            # twice, changed against last year in both: the words pair the change and its rate
            yield Candidate(code="GW124", kind="implied", whole=(level,), parts=(d, r), trigger="较上年",
                            explicit=True, params={"sign": 1 if r.value >= 0 else -1})
            continue
        yield _implied(level or lv, d, r)


_RATE_UNITS = ("%", "个百分点", "‰", "倍")
_COMPARE = ("较", "比", "同比")


def _year(f: Figure) -> str:
    return (f.period or "")[:4]


def _restated_level(idx: TextIndex, a: Figure, b: Figure) -> bool:
    """Two mentions of one level: the same printed value, unit and year, and labels that share a
    word (生产安全事故 14 起 in both), neither a part in brackets nor a change."""
    return a is not b and a.unit == b.unit and _year(a) == _year(b) and a.value == b.value \
        and a.as_written == b.as_written and _shares_word(idx.label_before(a, 16), idx.label_before(b, 16))


def _yearly(idx: TextIndex, f: Figure) -> bool:
    """A change or rate whose clause compares with last year (较上年, 同比; not 较年初, 环比)."""
    clause = idx.back_to(f.span.start, "。；;，,", 40)
    v = vocab()
    return any(w in clause for w in v["last_year_words"]) and not any(w in clause for w in v["other_base_words"])


def _implied(x: Figure, d: Figure, r: Figure, anchored: bool = False) -> Candidate:
    return Candidate(code="GW124", kind="implied", whole=(x,), parts=(d, r), trigger="较上年", explicit=False,
                     params={"sign": 1 if r.value >= 0 else -1, "confirm_only": True, "anchored": anchored})


def _levels(idx: TextIndex, figs: list[Figure], before: int) -> list[Figure]:
    """The levels a sentence states before ``before``, not those in brackets (the items of a
    breakdown: 发生事故 3 起（其中道路运输事故 2 起、…）)."""
    return [f for f in figs if f.span.end <= before and f.kind != "change" and fact_kind(idx, f) not in _NOT_NEW
            and _level(f) and f.previous is None and idx.group_at(f.span.start) is None]


def _paired(idx: TextIndex, sent: Span, figs: list[Figure], items: list[Figure],
            by_unit: bool) -> list[tuple[Figure, Figure]]:
    """Each change (rate) of a sentence with the level it changes: in order, one level per item
    (分别 lists), or the one level of the sentence; changes pair with levels of their unit."""
    cue = max((idx.text.rfind(w, sent.start, items[0].span.start) for w in _COMPARE), default=-1)
    levels = _levels(idx, figs, cue if cue >= 0 else items[0].span.start)
    out: list[tuple[Figure, Figure]] = []
    for unit in dict.fromkeys(f.unit for f in items) if by_unit else [None]:
        its = [f for f in items if unit is None or f.unit == unit]
        lvs = [f for f in levels if unit is None or f.unit == unit]
        if len(lvs) == len(its):
            out += [(lv, f) for lv, f in zip(lvs, its) if _year(lv) == _year(f)]
        elif len(its) == 1 and lvs:
            out.append((lvs[-1], its[0]))
    return out


def _subject_level(idx: TextIndex, sent: Span, figs: list[Figure], ds: list[Figure],
                   rs: list[Figure]) -> Iterator[Candidate]:
    """A change and its rate whose sentence names the subject but states no level (抚恤补助资金较
    上年增加 318.5 万元，增长 8.8%): the nearest earlier figure of its unit and year in the
    paragraph whose label holds that subject."""
    if len(ds) != 1 or figs.index(ds[0]) + 1 >= len(figs) or figs[figs.index(ds[0]) + 1] not in rs:
        return
    d = ds[0]
    r = figs[figs.index(d) + 1]  # the rate right after the change it rates
    cue = max((idx.text.rfind(w, sent.start, d.span.start) for w in _COMPARE), default=-1)
    if cue < 0 or _levels(idx, figs, d.span.start):
        return
    subject = idx.text[sent.start:cue].strip(SPACES)
    if len(subject) < 2 or any(ch.isdigit() for ch in subject):
        return
    para = idx.text.rfind("\n", 0, sent.start) + 1
    earlier = [f for f in idx.figures_in(Span(para, sent.start)) if f.unit == d.unit and _year(f) == _year(d)
               and f.kind == "actual" and f.previous is None and _level(f)
               and subject in idx.label_before(f, 30)]
    # the change and its rate are one comparison by the text; when the paragraph names one level
    # of that subject, the three are paired for certain: a misprint of one is reported
    if earlier:
        yield _implied(earlier[-1], d, r, anchored=len(earlier) == 1)


# -- a growth rate whose level's old value is stated with the level elsewhere ---------------------

def growths_apart(idx: TextIndex) -> Iterator[Candidate]:
    """全年完成水利投资 10.23 亿元，同比增长 11.8% in the opening, and 实际完成投资 10.23 亿元，较上年
    的 9.15 亿元实现较大幅度增长 in a section (or 事故起数由上年的 18 起下降到 14 起 before 全年发生
    事故 14 起，同比下降 22.2%): the rate's level stated again with its old value, so the rate is
    (new − old) ÷ old over that statement.  The level is equal in both, of one unit and year, and
    the two labels share a word; found by search, so kept only when it holds."""
    rates: list[tuple[Figure, Figure]] = []  # (level, rate) of sentences with a rate and no change
    olds: list[tuple[Figure, Figure]] = []  # (level, its old value) stated without a rate
    for sent in idx.sentences:
        figs = [_as_change(idx, f) for f in idx.figures_in(sent)]
        ds = [f for f in figs if f.kind == "change" and f.unit not in _RATE_UNITS and _level(f)]
        rs = [f for f in figs if f.kind == "change" and f.unit == "%" and f.previous is None]
        if rs and not ds:
            rates += _paired(idx, sent, figs, rs, by_unit=False)
        elif not rs and not ds:
            olds += _old_values(idx, sent, figs)
    for level, r in rates:
        label = idx.label_before(level, 16)
        hits = [(x, o) for x, o in olds if x is not level and x.unit == level.unit and _year(x) == _year(level)
                and interval_of(x).intersects(interval_of(level)) and _shares_word(label, _words_before(idx, x))
                and _grows(x, o, r)]
        if len({(x.value, o.value) for x, o in hits}) == 1:
            x, o = hits[-1]
            yield Candidate(code="GW105", kind="growth", whole=(x,), parts=(o, replace(r, value=abs(r.value))),
                            trigger="较上年", explicit=False,
                            params={"sign": 1 if r.value >= 0 else -1, "unit": "%", "confirm_only": True})


def _old_values(idx: TextIndex, sent: Span, figs: list[Figure]) -> list[tuple[Figure, Figure]]:
    """The levels of a sentence with the old value it states for them: 由上年的 18 起下降到 14 起
    (the figure's own), or 10.23 亿元，较上年的 9.15 亿元 (the one figure right after 较/比)."""
    out = [(f, old) for f in figs if (old := previous_figure(idx, f)) is not None and _level(f)]
    levels = _levels(idx, figs, sent.end)
    for a, b in zip(levels, levels[1:]):
        gap = idx.text[a.span.end:b.span.start].strip(SPACES + "，,")
        if a.unit == b.unit and gap.startswith(_COMPARE[:2]) and len(gap) <= 6:
            out.append((a, b))
    return out


def _words_before(idx: TextIndex, x: Figure) -> str:
    """The words of a level's sentence before it, its old value's figure included (全县受理信访事项
    由上年的 1,250 件下降到)."""
    return idx.text[max(idx.sentence_of(x.span.start).start, x.span.start - 30):x.span.start]


def _shares_word(a: str, b: str) -> bool:
    return any(a[i:i + 2] in b for i in range(len(a) - 1))


def _grows(new: Figure, old: Figure, r: Figure) -> bool:
    try:
        comp = ((interval_of(new) - interval_of(old)) / interval_of(old)).scale(Decimal(100))
    except NotCheckable:
        return False
    return comp.intersects(interval_of(r))
