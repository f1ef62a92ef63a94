"""What kind of quantity a figure is: ``actual | target | standard | condition | change |
completion | share``.

The cues are data (``data/kinds.yaml``); this module decides from the figure's clause, its
sentence, the words right after it and its heading path:

>>> from types import SimpleNamespace as NS
>>> ctx = lambda clause, sentence="", unit="人", heads=(), after="": figure_kind(NS(clause=clause,
...     before=sentence + clause, unit=unit, delta=False, headings=heads, bound=None, after=after))
>>> ctx("完成年度目标6,000人的", unit="%"), ctx("占一般公共预算支出的", unit="%")
('completion', 'share')
>>> ctx("力争全年城镇新增就业"), ctx("每人每月", unit="元"), ctx("全年新增就业")
('target', 'standard', 'actual')
>>> ctx("对急难型救助对象做到", unit="小时", heads=("2024年工作计划",)), ctx("人均", unit="元")
('condition', 'actual')
>>> ctx("较上年同期增加", sentence="完成年度目标任务6400人的38.0%，")
'change'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import regex

from ...._data import rx
from ..grammar.units import load_yaml

_THOUSANDS = regex.compile(r"(?<=\d),(?=\d{3})")


def _no_thousands(text: str) -> str:
    """``text`` without thousands commas (6,000 → 6000); most clauses have no comma to look for."""
    return _THOUSANDS.sub("", text) if "," in text else text

Kind = Literal["actual", "target", "standard", "condition", "change", "completion", "share"]
KINDS: tuple[Kind, ...] = ("actual", "target", "standard", "condition", "change", "completion", "share")
_PART_UNITS = ("%", "‰")
_BOUND_UNITS = ("%", "‰", "倍", "个月", "年")


@dataclass(frozen=True)
class _Cues:
    completion: Any
    share: Any
    share_after: Any
    structure: Any
    target: Any
    target_clause: Any
    target_after: Any
    plan_heading: Any
    review_heading: Any
    present: Any
    present_list: Any
    change: Any
    change_after_level: Any
    stated_base: Any
    plan_change_base: Any
    own_base: Any
    whole_count: Any
    counted_after: Any
    condition_units: frozenset[str]
    condition_result: Any
    duration_limit: Any
    duration_limit_after: Any
    condition_each: Any
    condition_bound: Any
    rate_floor: Any
    rule_after: Any
    condition_rule: Any
    standard: Any
    standard_stated: Any
    rate_by_rule: Any
    policy_rate: Any
    raised_to: Any
    average: Any
    column_target: Any
    column_actual: Any
    column_completion: Any
    base_before: Any
    base_after: Any
    base_target: Any
    actual: Any


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    d = load_yaml("kinds.yaml")
    return _Cues(
        **{k: rx(d[k]) for k in (
            "completion", "share", "share_after", "structure", "target", "target_clause", "target_after", "plan_heading",
            "review_heading", "present", "present_list", "change", "change_after_level", "stated_base", "plan_change_base", "own_base", "whole_count", "counted_after", "condition_result", "duration_limit",
            "duration_limit_after", "condition_each",
            "condition_bound", "rate_floor", "rule_after", "condition_rule", "standard", "standard_stated", "rate_by_rule", "policy_rate", "raised_to", "average",
            "column_target", "column_actual", "column_completion", "base_before", "base_after", "base_target",
            "actual")},
        condition_units=frozenset(d["condition_units"]),
    )


_UNIT_IN_BRACKETS = regex.compile(r"[（(][^（）()]{0,10}[)）]")


def column_kind(header: str) -> str | None:
    """What a table column's cells are by its header: "2025年目标", "计划投资（万元）" → target,
    "2024年完成", "完成投资" → actual, "完成率（%）" → completion."""
    c, h = _cues(), _UNIT_IN_BRACKETS.sub("", header).strip()
    if c.column_completion.search(h):
        return "completion"
    return "target" if c.column_target.search(h) else "actual" if c.column_actual.search(h) else None


@lru_cache(maxsize=1024)  # asked for every figure under the heading: a few dozen titles per document
def is_plan_heading(title: str) -> bool:
    """Whether a heading makes its section a plan (下一步工作打算, 2024年工作计划)."""
    return bool(_cues().plan_heading.search(title))


@lru_cache(maxsize=1024)
def is_review_heading(title: str) -> bool:
    """Whether a heading looks back or states the present (2023年工作基础, 存在的问题)."""
    return bool(_cues().review_heading.search(title)) and not is_plan_heading(title)


_NUMBER_BEFORE = regex.compile(r"\d[^\d，,；;。]{0,2}$")


def _names_standard(c: _Cues, clause: str) -> bool:
    """Whether a standard's word governs the number at the end of ``clause``: no other number
    stands between them ("一季度按每人每月90元标准发放补贴" names the 90元, not the 补贴), unless
    it is the old value of a raise ("补助标准由每人每年92元提高到")."""
    for m in reversed(list(c.standard.finditer(clause))):
        if _NUMBER_BEFORE.search(clause, 0, m.start()):
            continue  # "90元标准": the word of the number before it
        between = clause[m.end():]
        return not rx(r"\d").search(between) or bool(c.raised_to.search(between))
    return False


def _completion_base(c: _Cues, clause: str, after: str) -> bool:
    """Whether the number is the amount a completion is measured against: 完成年度计划投资162.4亿元的
    103.8%, 完成市下达100户任务的126%, 完成年度任务（400户）的117%, 仅占计划发行额6.3亿元的71.4%."""
    m, n = c.base_before.search(clause), c.base_after.match(after)
    return m is not None and n is not None and bool(c.base_target.search(clause[m.start():] + after[:n.end()]))


def completion_base(clause: str, after: str) -> bool:
    """Whether a number whose clause ends in ``clause`` and goes on with ``after`` is the whole a
    completion rate is measured against (完成县定任务3.4万人的98.5%, 完成收储任务（2万吨）的91.5%).

    >>> completion_base("完成县定任务", "的98.5%"), completion_base("为正常保有量", "的104.1%")
    (True, False)
    """
    return _completion_base(_cues(), _no_thousands(clause), after)


def _rule_threshold(c: _Cues, ctx: Any, clause: str) -> bool:
    """A threshold set by a rule, whatever section it stands in: a time limit (24小时内), a
    minimum each unit must meet (每个村至少配备1名), a floor on a rate (不低于30%)."""
    if ctx.unit in c.condition_units:
        # (a time no limit word marks is a time spent, a result: "全年开放306天")
        return not c.condition_result.search(clause) and bool(
            c.duration_limit.search(clause) or c.duration_limit_after.match(getattr(ctx, "after", "")))
    if ctx.unit not in _BOUND_UNITS or not c.condition_bound.search(clause):
        return False
    # "投诉按期办结率不低于98%": the level a rate is to reach, unless a rule is named after it
    return not c.rate_floor.search(clause) or bool(c.rule_after.match(getattr(ctx, "after", "")))


_CLAUSE_END = regex.compile(r"[，,；;：:]")


def _states_present(c: _Cues, clause: str, before: str) -> bool:
    """Whether the figure states what exists now: its clause says so (目前, 现有, 共有 …), or the
    present clause of its sentence lists it — as an item after 、 ("现有敬老院5所、床位320张"), or
    in the 其中 clauses that follow it ("共有水厂6座，其中县城2座、乡镇4座").

    >>> c = _cues()
    >>> _states_present(c, "其中乡镇", "全县共有水厂6座，其中乡镇")
    True
    >>> _states_present(c, "新建", "全县共有水厂6座，新建")
    False
    """
    if any(_names_next(clause[m.end():]) for m in c.present.finditer(clause)):
        return True
    cues = list(c.present.finditer(before))
    if not cues:
        return False
    rest = before[cues[-1].end():]
    later = _CLAUSE_END.split(rest)[1:]
    # (in the figure's own clause, a cue names the number right after it or an item of its 、-list)
    return all(c.present_list.match(part) for part in later) if later else _names_next(rest)


def _names_next(between: str) -> bool:
    """Whether a cue of the present names the number after ``between`` (the text from the cue to the
    number): no other number stands between them, save the items of a 、-list (现有敬老院5所、床位 …) —
    "在已建成9个的基础上新建" names the 9, not what is built after it."""
    return not _DIGIT.search(between.split("、")[-1])


_DIGIT = rx(r"\d")


def states_fact(clause: str, before: str, after: str) -> bool:
    """Whether a plan's figure states a fact of now, not a goal: what exists (现有, 已有 …, and the items
    and 其中 parts of such a count) or the units the plan acts on, counted after the whole jurisdiction
    (对全县486个机关事业单位…).

    >>> states_fact("在现有委员工作室", "在现有委员工作室", "个的基础上"), states_fact("对全县", "对全县", "个机关事业单位")
    (True, True)
    >>> states_fact("新建委员工作室", "在现有委员工作室10个的基础上，新建委员工作室", "个")
    False
    """
    c = _cues()
    clause, before = _no_thousands(clause), _no_thousands(before)
    return _states_present(c, clause, before) or bool(c.whole_count.search(clause) and c.counted_after.match(after))


def names_present(text: str) -> bool:
    """Whether ``text`` (a figure's sentence up to it) says what exists now (kinds.yaml present:
    现有, 共有, 目前 …) — in a part-year report, a level stated so is the level at its last month.

    >>> names_present("全县现有应急避难场所41处，其中室内"), names_present("上半年新建")
    (True, False)
    """
    return bool(_cues().present.search(text))


def _stated_change(c: _Cues, ctx: Any, clause: str) -> bool:
    """Whether the figure is a change between two levels its sentence states (``stated_base``)."""
    if not (ctx.delta or ctx.unit == "个百分点" or c.change.search(clause)):
        return False
    return bool(c.stated_base.search(_no_thousands(ctx.before))) or _own_base(c, clause)


def _own_base(c: _Cues, clause: str) -> bool:
    """Whether the figure's own clause names the old value it changes from (较2024年的3.68亿元增长)."""
    return bool(c.own_base.search(clause))


_SEMI = rx(r"[；;]")


def figure_kind(ctx: Any) -> Kind:
    """The kind of one figure from its context.

    ``ctx`` has ``clause`` (the clause text before the number), ``before`` (the sentence text
    before the number), ``after`` (the clause text after it), ``unit`` (base unit), ``delta``
    (a stated change), ``headings`` (titles of the heading path, outermost first), ``bound``
    (the hedge's meaning or None) and optionally ``written`` (the figure as written), ``plan_document`` (the report is a work plan),
    ``past`` (the figure is dated before the report's year) and ``after_level`` (the figure
    follows a level of the same unit in its sentence).
    """
    c = _cues()
    pct = ctx.unit in _PART_UNITS
    clause = _no_thousands(ctx.clause)
    after = getattr(ctx, "after", "")
    if pct and c.completion.search(clause):
        return "completion"
    if _rule_threshold(c, ctx, clause):
        return "condition"
    review = any(is_review_heading(h) for h in ctx.headings) or _states_present(c, clause, ctx.before)
    past = getattr(ctx, "past", False)
    # a figure dated before the report's year is a result, unless its own clause names it a target
    plan = not review and not past and any(is_plan_heading(h) for h in ctx.headings)
    # …共计划投资8.64亿元，实际完成投资8.59亿元: the clause's own 实际 outweighs its sentence's goal verb
    # …力争突破52亿元，较上年的47.6亿元增长9.2%: a change whose own clause names its base is not the goal
    # a goal verb governs the clauses after it up to a semicolon (确保应防尽防；同时…完成统防统治面积 68.4 万亩次:
    # the ；-clause after it states what was done) — unless it opens a list (任务共三个，即 A…；B…；C…), whose
    # items the semicolons part
    before = _no_thousands(ctx.before)
    reach = _SEMI.split(before)[-1]
    opened = any(m.group().endswith(("即", "：", ":")) for m in c.target.finditer(before))
    goal = c.target.search(clause) or (c.target.search(before if opened else reach) and not c.actual.search(clause)
                                       and not (c.change.search(clause) and _own_base(c, clause)))
    if ((goal and not past) or c.target_clause.search(clause) or c.target_after.search(after)
            or _completion_base(c, clause, after)):
        return "target"
    if c.condition_each.search(clause):
        return "condition"  # 每个村至少配备1名: a rule, unless a goal is stated (力争每个…不少于2人)
    if c.standard_stated.search(clause) and ctx.unit.startswith("元"):
        return "standard"
    if pct and c.rate_by_rule.search(clause):
        return "standard"  # 按个人缴费额的60%给予补助: a rate a rule applies to its base
    if ctx.unit.startswith("元/") and (plan or getattr(ctx, "plan_document", False)) \
            and not c.average.search(clause + getattr(ctx, "written", "")):
        return "standard"  # a plan sets a standard (提高到每人每月910元) as policy, not as a goal to reach
    planned = plan or (getattr(ctx, "plan_document", False) and not past and not review)
    if planned and getattr(ctx, "plan_document", False) and ctx.unit not in _PART_UNITS \
            and c.whole_count.search(clause) and c.counted_after.match(after):
        # "对全县2315名特困人员…" in a work plan: the units it acts on, counted as they are in its year
        # (a summary's closing plan section keeps it the next year's target: its year is not the report's)
        return "actual"
    if planned and (_stated_change(c, ctx, clause)
                    or ((ctx.delta or ctx.unit == "个百分点") and c.plan_change_base.search(clause))):
        # "由每人每月700元提高到742元，增长6.0%": the difference of two stated levels; "比2026年增加35场":
        # the difference of the goal and the year before the plan's, a level its writer knows
        return "change"
    if planned:
        return "target"  # a work plan states goals unless a figure is dated before its year
    if pct and c.policy_rate.search(clause) and "." not in getattr(ctx, "written", "."):
        return "standard"  # 报销比例分别为45%: a rate set round by a rule (83.4% is one measured)
    if pct and (c.share.search(clause) or c.share_after.search(after) or c.structure.search(ctx.before)):
        return "share"
    if (ctx.delta or ctx.unit == "个百分点" or c.change.search(clause)
            or (getattr(ctx, "after_level", False) and c.change_after_level.search(clause))):
        return "change"
    if ctx.bound is not None and pct and c.condition_rule.search(clause):
        return "condition"
    written = getattr(ctx, "written", "")
    if _names_standard(c, clause):
        return "standard" if ctx.unit.startswith("元") else "actual"
    if ctx.unit.startswith("元/") and not c.average.search(clause + written):
        return "standard"
    return "actual"
