"""占 X 的 x%, the whole X stated before under other words: the name a share's cue gives its whole is
the writer's name for it, not the label it was stated under (占全血献血人次的 55.3% of 采集全血
62,480 人次; 占社区常住户数的 21.6% of 常住人口 5,120 户; 占总课时的 81.3% of 完成教学 1,860 课时).
When every reading by the full name has failed (:func:`gongwen.check.proportions.rates.percent_rate`),
the whole is the one earlier value in the part's unit whose clause shares a word of two characters
with the name (or, for a name that is the unit itself, 总课时, any earlier value in it) and that the
rate fits: a reading by a loose name, so kept only when it holds (``confirm_only``)."""

from __future__ import annotations

from ...figure import Figure
from ..evaluation.intervals import interval_of, longest_first, vocab
from ..reading.relations import Candidate, fact_kind
from ..reading.textindex import SPACES, TextIndex
from .operands import _by_value, _fits, operands_before, same_kind


def stem_named_share(idx: TextIndex, f: Figure) -> Candidate | None:
    """占全血献血人次的 55.3% after 采集全血 62,480 人次 (a word of the name, 全血, in the whole's
    clause), the part right before 占 in its sentence; the one earlier value the rate fits."""
    text = idx.text
    sent = idx.sentence_of(f.span.start)
    lo = max(sent.start, f.span.start - 24)
    found = [(text.rfind(w, lo, f.span.start), w) for w in vocab()["share_cues"]]
    at, cue = max(found, default=(-1, ""))
    if at < 0 or "比" in text[at + 1:at + 2]:
        return None
    raw = "".join(text[at + len(cue):f.span.start].split("的")[0].split())
    before = [g for g in operands_before(idx, at, sent.start) if g.unit != "%"]
    if not raw or not before:
        return None
    part = before[-1]
    gap = text[part.span.end:at]
    if len(gap.strip(SPACES)) > 8 or any(ch in gap for ch in "。；;") or fact_kind(idx, part) == "target":
        return None
    stems = _stems(raw, part.unit)
    if stems is None:
        return None
    stated = interval_of(f)
    cands = [g for g in operands_before(idx, part.span.start, 0)
             if g is not part and same_kind(g, part) and g.value > part.value and fact_kind(idx, g) != "target"
             and (not stems or any(s in idx.clause_before(g, 40) for s in stems))]
    fit = [g for g in cands if _fits(part, g, stated, False)]
    if len(_by_value(fit)) != 1:
        return None
    return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, fit[-1]), trigger=f"{cue}{raw}",
                     explicit=False, params={"complete": True, "confirm_only": True})


def _stems(name: str, unit: str) -> list[str] | None:
    """The words of two characters a share's name may share with its whole's clause: its two-character
    windows, the unit, the words that say it is a whole (总, 全部 …) and the place (全县) left out; an
    empty list for a name that is the unit itself (总课时), None for a name with no word of its own.

    >>> _stems("全血献血人次", "人次")
    ['全血', '血献', '献血']
    >>> _stems("总课时", "课时")
    []
    """
    core = name
    for w in longest_first("whole_words"):
        core = core.removesuffix(w) if len(core) > len(w) else core
    for w in longest_first("subject_prefixes"):
        if len(w) >= 2 and core.startswith(w):
            core = core[len(w):]
            break
    core = core.removeprefix("总")
    if unit and core.endswith(unit):
        core = core[: -len(unit)]
    for w in longest_first("generic_tails"):
        if core.endswith(w) and len(core) > len(w):
            core = core[: -len(w)]
            break
    if not core:
        return [] if unit and name.removeprefix("总").startswith(unit) else None
    stems = [core[i:i + 2] for i in range(len(core) - 1)]
    generic = set(vocab()["generic_name_words"]) | set(vocab()["whole_words"])
    stems = [s for s in stems if s not in generic and not any(ch in "的之与和及" for ch in s)]
    return list(dict.fromkeys(stems)) or None
