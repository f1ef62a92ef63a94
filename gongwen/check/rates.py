"""Rates a report states with their operands: completion of a target, 占X的x%, X率 after its
two counts, and per-thousand or per-100,000 ratios.

Each yields a share-like :class:`Candidate` (``rate = part ÷ whole × factor``) evaluated by
:func:`gongwen.check.rules.eval_share`.  Operands named by the text (完成目标 T 的 x%; 占 X 的 x%
with X stated) are explicit; operands found by position (the two counts before 整改率) are
inferred: a pass verifies the rate, a failure is at most a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..figure import Figure
from ..model import Span
from .intervals import interval_of, vocab
from .relations import Candidate, summable
from .textindex import SPACES, TextIndex

HUNDRED = Decimal(100)


def stated_rates(idx: TextIndex) -> Iterator[Candidate]:
    """Every rate of a text whose operands it states."""
    for f in idx.figures:
        if f.unit == "%" and f.kind != "change" and f.change is None:
            c = completion(idx, f) or named_share(idx, f) or counted_rate(idx, f)
            if c is not None:
                yield c
        elif _per_factor(idx, f) is not None:
            c = per_ratio(idx, f)
            if c is not None:
                yield c


def _compatible(a: Figure, b: Figure) -> bool:
    """Operands of one rate: the same unit, or two counts (死亡 1,337 人，火化遗体 1,318 具)."""
    counts = vocab()["count_units"]
    return a.unit == b.unit or (a.unit in counts and b.unit in counts)


def _paragraph_start(idx: TextIndex, pos: int, limit: int = 400) -> int:
    nl = idx.text.rfind("\n", 0, pos)
    return max(nl + 1, pos - limit)


def _operands_before(idx: TextIndex, pos: int, start: int) -> list[Figure]:
    return [g for g in idx.figures_in(Span(start, pos)) if summable(g) and g.kind != "change"
            and g.change is None and g.bound is None]


# -- completion: 完成年度目标 4,800 人的 108.7% ----------------------------------------------------

def completion(idx: TextIndex, f: Figure) -> Candidate | None:
    text = idx.text
    head = text[max(0, f.span.start - 3):f.span.start].strip(SPACES)
    if not head.endswith("的"):
        return None
    sent = idx.sentence_of(f.span.start)
    before = _operands_before(idx, f.span.start, sent.start)
    if len(before) < 2:
        return None
    target = before[-1]
    gap = text[target.span.end:f.span.start].strip(SPACES)
    if gap != "的":
        return None
    cue = text[max(sent.start, target.span.start - 14):target.span.start]
    if not any(w in cue for w in vocab()["completion_cues"]) or "完成" not in cue:
        return None
    actual = next((g for g in reversed(before[:-1]) if _compatible(g, target)), None)
    if actual is None:
        return None
    return Candidate(code="GW122", kind="share", whole=(f,), parts=(actual, target), trigger="完成…的",
                     params={"complete": True, "rate": "completion"})


# -- 占 X 的 x% ------------------------------------------------------------------------------------

def named_share(idx: TextIndex, f: Figure) -> Candidate | None:
    """占耕地面积 467.2 万亩的 68.2% (the whole stated in the cue), or 占一般公共预算收入的比重为
    76.2% (the whole named: the figure the text labels with that name, before)."""
    text = idx.text
    sent = idx.sentence_of(f.span.start)
    lo = max(sent.start, f.span.start - 24)
    at = text.rfind("占", lo, f.span.start)
    if at < 0 or "比" in text[at + 1:at + 2]:
        return None
    before = _operands_before(idx, at, _paragraph_start(idx, at))
    if not before:
        return None
    part = before[-1]
    if len(text[part.span.end:at]) > 8:
        return None  # the part stands right before 占
    inside = [g for g in _operands_before(idx, f.span.start, at) if _compatible(g, part)]
    if inside:  # 占户籍总人口 36.8 万人的 22.7%
        return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, inside[-1]), trigger="占…的",
                         params={"complete": True})
    name = _share_name(text[at + 1:f.span.start])
    larger = [g for g in before[:-1] if _compatible(g, part) and g.value >= part.value]
    if name in vocab()["whole_words"] or len(name) < 2:  # 占总数的: the total just stated
        whole = next((g for g in reversed(larger) if g.span.start >= sent.start), None)
        if whole is None:
            return None
        return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, whole), trigger="占总数",
                         explicit=False, params={"complete": True})
    whole = _named(idx, name, larger)
    if whole is None:
        return None
    near = whole.span.start >= sent.start
    return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, whole), trigger=f"占{name}",
                     explicit=near, params={"complete": True})


def _share_name(s: str) -> str:
    """占一般公共预算收入的比重为 → 一般公共预算收入; 占游客总数的 → 游客."""
    s = s.split("的")[0].strip(SPACES)
    for w in sorted(vocab()["whole_words"], key=len, reverse=True):
        if s.endswith(w) and len(s) > len(w):
            s = s[: -len(w)]
    for w in sorted(vocab()["whole_words"], key=len, reverse=True):
        if s.startswith(w) and len(s) > len(w):
            s = s[len(w):]
    return s


def _named(idx: TextIndex, name: str, cands: list[Figure]) -> Figure | None:
    """The nearest candidate whose clause names ``name``."""
    for g in reversed(cands):
        if name in idx.clause_before(g, 40):
            return g
    return None


# -- X率 x% after its two counts -----------------------------------------------------------------

def counted_rate(idx: TextIndex, f: Figure) -> Candidate | None:
    """排查隐患 12856 件，已整改 12604 件，整改率 98.0%: part and whole stated just before."""
    text = idx.text
    label = idx.clause_before(f, 16)
    if "率" not in label and "面" not in label[-4:]:
        return None
    if any(w in label for w in vocab()["unbounded_rate_words"]) and "完成率" not in label:
        return None
    start = _paragraph_start(idx, f.span.start, 200)
    before = [g for g in _operands_before(idx, f.span.start, start) if g.unit not in ("%",)]
    if len(before) < 2:
        return None
    part = before[-1]
    if idx.sentence_of(part.span.start) != idx.sentence_of(f.span.start) and \
            text[part.span.end:f.span.start].count("。") > 0:
        return None
    wholes = [g for g in before[:-1] if _compatible(g, part) and g.value >= part.value]
    if not wholes:
        return None
    complement = any(w in idx.clause_before(part, 12) for w in vocab()["negative_words"]) and \
        not any(w in label for w in vocab()["negative_words"])
    stated = interval_of(f)
    for whole in reversed(wholes):
        if _fits(part, whole, stated, complement):
            return Candidate(code="GW123", kind="share", whole=(f,), parts=(part, whole), trigger=label[-6:],
                             explicit=False, params={"complete": True, "complement": complement})
    whole = wholes[-1]
    stem = label.split("率")[0][-2:] if "率" in label else ""
    if (whole is not before[-2] or idx.sentence_of(whole.span.start) != idx.sentence_of(f.span.start)
            or len(stem) < 2 or stem not in idx.clause_before(part, 16) or stem in idx.clause_before(whole, 16)):
        return None  # not designated (已整改 n 件，整改率): another pairing might be meant
    return Candidate(code="GW123", kind="share", whole=(f,), parts=(part, whole), trigger=label[-6:],
                     explicit=False, params={"complete": True, "complement": complement})


def _fits(part: Figure, whole: Figure, stated, complement: bool) -> bool:
    try:
        comp = (interval_of(part) / interval_of(whole)).scale(HUNDRED)
    except Exception:
        return False
    if complement:
        comp = (-comp).shift(HUNDRED)
    return comp.intersects(stated)


# -- per thousand, per 100,000 ---------------------------------------------------------------------

def _per_factor(idx: TextIndex, f: Figure) -> Decimal | None:
    for word, k in vocab()["per_factors"].items():
        if word in f.unit or word in f.unit_as_written or word in idx.clause_before(f, 24)[-20:]:
            return Decimal(k)
    return None


def per_ratio(idx: TextIndex, f: Figure) -> Candidate | None:
    """每千常住人口床位 6.96 张 = 床位 ÷ 常住人口 × 1000; 死亡率 8.32/10万 = 例 ÷ 人 × 10万."""
    k = _per_factor(idx, f)
    if k is None:
        return None
    start = _paragraph_start(idx, f.span.start, 600)
    before = _operands_before(idx, f.span.start, max(0, start - 300))
    stated = interval_of(f)
    persons = [g for g in before if g.unit == "人" and g.value >= 1000]
    base = f.unit.split("/")[0] if "/" in f.unit and not f.unit.startswith("1/") else f.unit
    counts = vocab()["count_units"]
    for whole in reversed(persons):
        for part in reversed(before):
            if part is whole or not (part.unit == base or (base not in counts and part.unit in counts)):
                continue
            try:
                comp = (interval_of(part) / interval_of(whole)).scale(k)
            except Exception:
                continue
            if comp.intersects(stated):
                return Candidate(code="GW106", kind="share", whole=(f,), parts=(part, whole), trigger="每千",
                                 explicit=False, params={"complete": True, "factor": str(k)})
    return None
