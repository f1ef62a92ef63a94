"""Relation discovery: which figures the text says add up, differ, divide or repeat.

Explicit cues come first (bracketed breakdowns after a total, 其中 lists, 合计/共计, 由 A 提高至 B
提高了 D, 救助水平 … 元/人次 after 人次 and 金额, 分别增加 a%、b%、c%, 占…的 x%); each yields a
:class:`Candidate` that :mod:`gongwen.check.evaluation.rules` evaluates with interval arithmetic.  This
module holds the candidate and what every finder asks of a figure (can it be summed, is it a
target, its unit's family); the finders are by kind of cue: bracketed and 其中 breakdowns
:mod:`gongwen.check.sums.subsets`, classified and 分别 lists :mod:`gongwen.check.sums.classified`, stated
totals :mod:`gongwen.check.sums.totals`, changes :mod:`gongwen.check.growth.changes`, levels
:mod:`gongwen.check.proportions.levels`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import longest_first, vocab
from .textindex import TextIndex

PCT_UNITS = ("%", "个百分点", "‰")


@dataclass(frozen=True)
class Candidate:
    """A relation found in the text, not yet evaluated.

    ``whole`` and ``parts`` are the operands (their meaning depends on ``kind``); ``params``
    carries kind-specific facts (a stated count, a sign, part labels).
    """

    code: str
    kind: str
    whole: tuple[Figure, ...]
    parts: tuple[Figure, ...]
    trigger: str
    explicit: bool = True
    exhaustive: bool | None = None
    cue: Span | None = None
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.whole + self.parts


def is_ratio_unit(unit: str) -> bool:
    return "/" in unit


def summable(f: Figure) -> bool:
    """Figures that can be parts or totals of a sum (amounts and counts, not rates or levels:
    人均可支配收入 36591 元 is an average even in 元)."""
    if not f.unit or is_ratio_unit(f.unit) or f.unit in PCT_UNITS or f.range_id is not None:
        return False
    return not any(w in (f.metric or "") + f.as_written for w in vocab()["per_unit_words"])


def each_bound(idx: TextIndex, f: Figure) -> bool:
    """A bound the words say each member of a group keeps (其余各队人数均在 40 人以下, 均不足 5 家):
    no count of the group, whose total the bound leaves open — never a part of a sum."""
    return f.bound is not None and any(w in idx.label_before(f, 4) for w in vocab()["each_words"])


def fact_kind(idx: TextIndex, f: Figure) -> str | None:
    """A figure's kind, read as a target when the text names it one: right before it (完成年度计划
    6.2 亿元的 110.3%) or right after it (5.5% 的年度控制目标).  An actual and a target are never
    one fact, and a target is never the value a change is stated against."""
    if f.kind != "actual":
        return f.kind
    cues = vocab()["completion_cues"]
    after = idx.text[f.span.end:f.span.end + 8]
    if any(idx.label_before(f, 12).endswith(w) for w in cues) or (
            after.startswith("的") and any(w in after for w in cues)):
        return "target"
    return "target" if _set_before_actual(idx, f) else f.kind


def _set_before_actual(idx: TextIndex, f: Figure) -> bool:
    """Its sentence names a plan before ``f`` (vocab completion_cues) and the next clause states
    what was really done, in ``f``'s unit (vocab actual_contrast_cues: 制定年度检查计划，确定检查学堂
    280 所次，全年实际检查 316 所次): ``f`` is the value the plan set, not a result.  Without the
    plan named (发放消费券 1,200 万元，实际核销 1,158 万元) the value before is a result of its own."""
    sent = idx.sentence_of(f.span.start)
    if not any(w in idx.text[sent.start:f.span.start] for w in vocab()["completion_cues"]):
        return False
    nxt = next((g for g in idx.figures_in(Span(f.span.end, sent.end)) if g.span.start >= f.span.end), None)
    if nxt is None or nxt.unit != f.unit:
        return False
    clauses = re.split(r"[，,]", idx.text[f.span.end:nxt.span.start])
    return len(clauses) == 2 and not clauses[0].strip() \
        and any(w in clauses[1] for w in vocab()["actual_contrast_cues"])


def comparison_base(idx: TextIndex, f: Figure) -> bool:
    """The earlier value a change is stated against (其中新登记企业 1926 户，较上年的 1754 户增长
    9.8%; 来访 961 件次，较上年的 1108 件次下降 13.3%; 用户 48.6 万户，较年初的 47.3 万户增加 1.3
    万户; 比 2025 年末的 …): no part nor whole of this period's list.  较/比 (vocab
    ``comparison_leads``) before any earlier period the tables know (``table_previous_words``: 上年,
    同期, 年初, 上期 …) or a year, closed by 末/底/同期 and 的 at most.

    >>> from decimal import Decimal
    >>> from gongwen.model import Span as S
    >>> t = "用户48万户，较年初的47万户增加1万户，比上年增加2万户"
    >>> idx = TextIndex(t, [Figure(Decimal(47), "万户", span=S(11, 14)), Figure(Decimal(2), "万户", span=S(25, 28))])
    >>> [comparison_base(idx, g) for g in idx.figures]
    [True, False]
    """
    head = idx.text[max(0, f.span.start - 12):f.span.start]
    if any(head.endswith(w) or head.endswith(w + "的") for w in vocab()["comparison_bases"]):
        return True
    return bool(_earlier_base().search(head))


@functools.cache
def _earlier_base() -> re.Pattern[str]:
    """较/比 + an earlier period + 末/底/初/同期 + 的, ending where a figure starts."""
    leads = "|".join(map(re.escape, longest_first("comparison_leads")))
    periods = "|".join(map(re.escape, longest_first("table_previous_words")))
    return re.compile(rf"(?:{leads})(?:\d{{4}}年|{periods})(?:[末底初])?(?:同期)?的?$")


def unit_family(unit: str) -> str:
    for name, units in vocab()["unit_families"].items():
        if unit in units:
            return str(name)
    return unit


def abbreviates(name: str, label: str) -> bool:
    """``name`` is ``label``'s head and tail with words between left out (完成投资 of 完成交通固定资产
    投资, 检查机构 of 检查定点医药机构): two characters at least each side, the head before the tail."""
    if len(name) < 4:
        return False
    for k in range(2, len(name) - 1):
        i = label.find(name[:k])
        if i >= 0 and label.find(name[k:], i + k) > i:
            return True
    return False


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def han_pairs(words: str) -> set[str]:
    """The pairs of Han characters next to each other in some words: what two labels share when
    they name one thing in other words (建成社区食堂 and 新建社区食堂 share 社区, 区食, 食堂).

    >>> sorted(han_pairs("排查隐患3项"))
    ['排查', '查隐', '隐患']
    """
    return {run[k:k + 2] for run in _HAN_RUN.findall(words) for k in range(len(run) - 1)}
