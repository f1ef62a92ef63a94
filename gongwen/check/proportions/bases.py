"""Rates whose whole the text names as their basis: 参保 21.47 万人，参保率为 98.6%（以应参保人数
21.77 万人计）; 以剔除重复参保后的应参保人数 458.5 万人为基数计算，全市参保率由上年的 95.8% 提高到
96.2% after 参保人数 441.04 万人.

The basis (以/按 … N … 计/计算/为基数: vocab ``basis_cues``) is the whole the writer divided by;
the part is the nearest figure before the rate that the rate's name names (参保 of 参保率).  With
the basis named by its cue and the part in the rate's own sentence the pairing is the text's own,
and a miss is a warning; otherwise the part's pairing is read, so the rate is verified when it
holds and reported only when one misprint explains a miss (``confirm_only``, ``anchored``).
"""

from __future__ import annotations

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import longest_first, vocab
from ..reading.relations import PCT_UNITS, Candidate, is_ratio_unit, summable
from ..reading.textindex import SPACES, TextIndex
from .counted_rates import _rate_name
from .operands import _paragraph_start, compatible, operands_before

_CLAUSE_OPEN = "，,。；;：:（(）)\n"


def basis_rate(idx: TextIndex, f: Figure, cued: bool = True) -> Candidate | None:
    """A rate with the basis its sentence names, over the part its name names, if any; a basis
    no cue names (a bracket's one figure) only with ``cued`` False, after the other readings."""
    name = _rate_name(idx.clause_before(f, 24))
    stem = name
    for w in longest_first("rate_words"):
        stem = stem.removesuffix(w)
    if len(stem) < 2:
        return None
    found = _basis(idx, f)
    if found is None:
        return None
    whole, named = found
    if named != cued:
        return None
    start = _paragraph_start(idx, f.span.start)
    parts = [g for g in operands_before(idx, f.span.start, start) if g is not whole and compatible(g, whole)
             and g.value <= whole.value and stem[-2:] in idx.label_before(g, 24)]
    if not parts:
        return None
    # the basis the cue names and the part the rate's name names in the rate's own sentence: the
    # text's own pairing, so a miss is told (a warning); a part found further back is read only
    sent = idx.sentence_of(f.span.start)
    told = named and parts[-1].span.start >= sent.start
    return Candidate(code="GW123", kind="share", whole=(f,), parts=(parts[-1], whole), trigger=name[-12:],
                     explicit=False, params={"complete": True, "confirm_only": not told, "anchored": named})


def _basis(idx: TextIndex, f: Figure) -> tuple[Figure, bool] | None:
    """The figure of the rate's sentence named as the basis: in a bracket right after the rate
    （以 X N 计）, or in a clause before it (以 X N 为基数计算，…率); a count or amount.  With
    whether the cue says so: a bracket right after the rate that names one figure and nothing
    after it (健康管理率 72.3%（全区 65 岁以上常住老年人口 9.50 万人）) is its basis too, uncued."""
    sent = idx.sentence_of(f.span.start)
    cues = vocab()["basis_cues"]
    after = [g for g in idx.figures_in(Span(f.span.end, sent.end)) if _base(g)][:1]
    before = [g for g in idx.figures_in(Span(sent.start, f.span.start)) if _base(g)]
    for g in after + before[::-1]:
        if g in after and idx.text[f.span.end:g.span.start].strip(SPACES)[:1] not in "（(":
            continue
        k = g.span.start
        while k > sent.start and idx.text[k - 1] not in _CLAUSE_OPEN:
            k -= 1
        opened = idx.text[k:g.span.start].strip(SPACES)
        closed = idx.text[g.span.end:g.span.end + 6].strip(SPACES)
        if opened.startswith(tuple(cues["open"])) and closed.startswith(tuple(cues["close"])):
            return g, True
        if g in after and closed[:1] in "）)" and len(idx.figures_in(Span(f.span.end, g.span.start))) == 0 \
                and not any(w in opened for w in vocab()["subset_cues"]):
            return g, False  # the bracket's one figure, no 其中
    return None


def _base(g: Figure) -> bool:
    """A figure a rate can be taken over: a count or amount, also an average one (增值收益率 1.60%
    （按月均缴存余额 321.60 亿元计算）: a level the writer divided by), never a rate or a range."""
    return summable(g) or bool(g.unit) and not is_ratio_unit(g.unit) and g.unit not in PCT_UNITS \
        and g.range_id is None
