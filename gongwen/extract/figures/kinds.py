"""What kind of quantity a figure is: ``actual | target | standard | condition | change |
completion | share``.

The cues are data (``data/kinds.yaml``); this module decides from the figure's clause, its
sentence and its heading path:

>>> from types import SimpleNamespace as NS
>>> ctx = lambda clause, sentence="", unit="人", heads=(): figure_kind(NS(clause=clause,
...     before=sentence + clause, unit=unit, delta=False, headings=heads, bound=None))
>>> ctx("完成年度目标6,000人的", unit="%"), ctx("占一般公共预算支出的", unit="%")
('completion', 'share')
>>> ctx("力争全年城镇新增就业"), ctx("每人每月", unit="元"), ctx("全年新增就业")
('target', 'standard', 'actual')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import regex

from .units import load_yaml

_THOUSANDS = regex.compile(r"(?<=\d),(?=\d{3})")

Kind = Literal["actual", "target", "standard", "condition", "change", "completion", "share"]
KINDS: tuple[Kind, ...] = ("actual", "target", "standard", "condition", "change", "completion", "share")


@dataclass(frozen=True)
class _Cues:
    completion: Any
    share: Any
    target: Any
    target_clause: Any
    plan_heading: Any
    change: Any
    condition_units: frozenset[str]
    condition_rule: Any
    standard: Any


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    d = load_yaml("kinds.yaml")
    return _Cues(
        completion=regex.compile(d["completion"]),
        share=regex.compile(d["share"]),
        target=regex.compile(d["target"]),
        target_clause=regex.compile(d["target_clause"]),
        plan_heading=regex.compile(d["plan_heading"]),
        change=regex.compile(d["change"]),
        condition_units=frozenset(d["condition_units"]),
        condition_rule=regex.compile(d["condition_rule"]),
        standard=regex.compile(d["standard"]),
    )


def is_plan_heading(title: str) -> bool:
    """Whether a heading makes its section a plan (下一步工作打算, 2024年工作计划)."""
    return bool(_cues().plan_heading.search(title))


def figure_kind(ctx: Any) -> Kind:
    """The kind of one figure from its context.

    ``ctx`` has ``clause`` (the clause text before the number), ``before`` (the sentence text
    before the number), ``unit`` (base unit), ``delta`` (a stated change), ``headings`` (titles
    of the heading path, outermost first) and ``bound`` (the hedge's meaning or None).
    """
    c = _cues()
    pct = ctx.unit in ("%", "‰")
    clause = _THOUSANDS.sub("", ctx.clause)
    if pct and c.completion.search(clause):
        return "completion"
    if pct and c.share.search(clause):
        return "share"
    if c.target.search(ctx.before) or c.target_clause.search(clause) or any(is_plan_heading(h) for h in ctx.headings):
        return "target"
    if getattr(ctx, "plan_document", False) and not getattr(ctx, "past", False):
        return "target"  # a work plan states goals unless a figure is dated before its year
    if ctx.delta or ctx.unit == "个百分点" or c.change.search(clause):
        return "change"
    if ctx.unit in c.condition_units or (ctx.bound is not None and pct and c.condition_rule.search(clause)):
        return "condition"
    if "/" in ctx.unit or (ctx.unit == "元" and c.standard.search(clause)):
        return "standard"
    return "actual"
