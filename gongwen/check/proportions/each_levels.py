"""Counts per item: 平均每家企业检查 1.6 次 after 检查企业 1,842 家次 and 1,126 家重点企业; 平均每个团队服务
签约居民 1037 人 after 团队 142 个 and 签约居民 14.73 万人; 专任教师人均参训 2.7 次 after 培训 14600 人次 and
专任教师 5312 人.

A level whose unit is a count (次, 人, 件, 个) says how many of one thing fall to each of another:
the words before it name what it is per (每家, 每个, 每名, or 人均 for 每人) — the denominator is a
count of that unit's family — and the level's unit names what is counted, the numerator: a count
in that unit or in the per-unit's own 次-unit (家次 of 每家…次, 人次 of 人均…次).  The text states
neither pairing, it is read: among the counts of the level's section before it (nearest first),
and those anywhere before it whose words the level's clause names (专职教练员 14 人 … 平均每名教练员
带训运动员 22 人 after 在训运动员 312 人 in another section), the pair that makes the level hold
confirms it; when none does, nothing is said.
"""

from __future__ import annotations

import re

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import NotCheckable, interval_of, vocab
from ..reading.relations import Candidate, fact_kind, summable, unit_family
from ..reading.textindex import TextIndex
from ..repeats.facts import _DATES, same_year


def _each() -> re.Pattern[str]:
    """平均每 + the unit a level is per (vocab average_cues)."""
    return re.compile(f"(?:{'|'.join(map(re.escape, vocab()['average_cues']))})每([\u4e00-\u9fff])")


def each_level(idx: TextIndex, fig: Figure) -> Candidate | None:
    """A count per item (module docstring), confirmed when a pair of counts before it holds; None
    for any other figure, or when no pair holds."""
    counts = vocab()["count_units"]
    units = fig.unit.split("/")
    if fig.kind != "actual" or fig.change is not None or fig.bound not in (None, "~") or units[0] not in counts \
            or len(units) > 2:
        return None
    per, cue, named = _per(idx, fig)
    if len(units) == 2:  # 人均参训 2.7 次/人: the unit says what it is per
        per = units[1] if cue else None
    if per is None:
        return None
    # 平均每团 5.4 人, 平均班额 46.2 人: a level per thing its noun names (团 of 出访团组 58 个, 班 of 教学班 30 个),
    # not per a counter: the count of those things divides, its label naming the noun
    noun = per if per not in counts and len(per) == 1 else None
    if per not in counts and noun is None:
        return None
    level = units[0]
    pool = [g for g in idx.figures_in(Span(0, fig.span.start)) if g is not fig and summable(g)
            and g.kind == "actual" and g.change is None and g.bound is None and same_year(g, fig)
            and fact_kind(idx, g) == "actual" and g.unit in counts]
    sections = own_sections(fig)
    near = sorted((g for g in pool if g.section in sections), key=lambda g: fig.span.start - g.span.start)
    far = [g for g in reversed(pool) if g.section not in sections and _names(idx, g, named)]
    fam = unit_family(per)

    def counts_per(g: Figure) -> bool:  # 1,126 家 for 每家; 人次 counts times, never the persons
        if noun is not None:
            return g.unit != level and not g.unit.endswith("次") and noun in idx.label_before(g, 12)
        return g.unit == per or unit_family(g.unit) == fam and not g.unit.endswith("次")
    # (persons per group may be counted as the visits the groups made: 312 人次 of 58 个团组)
    tops = (level, per + level, level + "次") if noun is not None else (level, per + level)
    dens = [g for g in near if counts_per(g)][:4] + [g for g in far if counts_per(g)][:2]
    nums = [g for g in near if g.unit in tops][:6] + [g for g in far if g.unit in tops][:2]
    pair = next(((a, n) for a in nums for n in dens if a is not n and _holds(fig, a, n)), None)
    if pair is None:
        return None
    return Candidate(code="GW106", kind="ratio", whole=(fig,), parts=pair, trigger=cue,
                     params={"complete": True, "confirm_only": True})


def own_sections(fig: Figure) -> set[tuple[str, ...]]:
    """The sections a level's operands are looked for in: its own and, under a sub-heading, its
    parent's (a level of 游客结构持续优化 divides its section's totals or its parent's)."""
    return {fig.section, fig.section[:-1]} if len(fig.section) >= 2 else {fig.section}


def _per(idx: TextIndex, fig: Figure) -> tuple[str | None, str, str]:
    """What a count level is per (its unit), its cue, and the words of its clause after the cue
    that name its operands (平均每名教练员带训运动员 → 名, 平均每名, 教练员带训运动员)."""
    clause = idx.clause_before(fig, 30)
    m = next(reversed(list(_each().finditer(clause))), None)  # the last 平均每 before the level
    if m is not None:
        return m.group(1), m.group(0), clause[m.end():]
    for cue, per in vocab()["cue_denominators"].items():
        at = clause.rfind(cue)
        if at >= 0:
            return per, cue, clause[:at] + clause[at + len(cue):]
    return None, "", ""


def _names(idx: TextIndex, g: Figure, words: str) -> bool:
    """A count far from the level whose own words end in three characters or more of the level's
    clause (在训运动员 312 人 of 带训运动员, 专职教练员 14 人 of 每名教练员)."""
    label = _DATES.sub("", idx.label_before(g, 16))
    return len(label) >= 3 and any(label.endswith(words[i:j]) for i in range(len(words))
                                   for j in range(i + 3, len(words) + 1))


def _holds(level: Figure, amount: Figure, count: Figure) -> bool:
    try:
        comp = interval_of(amount) / interval_of(count)
    except NotCheckable:
        return False
    return comp.intersects(interval_of(level))
