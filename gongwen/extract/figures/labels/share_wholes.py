"""The whole a share is of, when its clause names only its part or nothing.

"全县在编人员42人，其中具有财会专业背景的13人，占31.0%" states a share whose whole the clause
does not name: 31.0 % is 13 of 42, so it is the share of 在编人员 (占在编人员比重), not a bare
占比 nor the part's own 占比. The whole is read from the numbers the text gives, as a reader checks
them: the part is a figure before the share in its sentence, the whole a figure of the same unit
before the part in its paragraph, and the part over the whole is the share as printed (within the
rounding its last digit allows). A share the arithmetic ties to no stated whole keeps its name.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ..words.heads import _RATE_NOUN
from .labeller import Labeller

__all__ = ["share_whole_metrics"]

# units a part or a whole is never stated in (a share of a share is no part of a whole)
_RATE_UNITS = frozenset({"%", "‰", "个百分点", "个千分点"})
# kinds of figure that are no amount a share is of
_NOT_AMOUNTS = frozenset({"share", "completion"})
# the slack of a share the text hedges (约占, 占…以上): a point either way
_HEDGED = Decimal(1)


def _amount(r: dict[str, Any]) -> bool:
    """Whether a record states an amount a share may be of or a part of: a level, in a unit of its
    own, that states no change."""
    return r["change"] is None and r["unit"] not in _RATE_UNITS and r["kind"] not in _NOT_AMOUNTS \
        and r["value"] is not None and r["value"] > 0


def _slack(r: dict[str, Any]) -> Decimal:
    """How far a share may be from the quotient of its part and whole: half its last printed digit
    (31.0 % is anything from 30.95 % to 31.05 %), a point when the text hedges it."""
    if r["approx"] or r["bound"]:
        return _HEDGED
    return max(Decimal(r["quantum"]) / 2, Decimal("0.005")) + Decimal("0.0001")


def _before(records: list[dict[str, Any]], i: int, start: int) -> Iterator[dict[str, Any]]:
    """The records before ``records[i]`` that start at or after ``start``, nearest first."""
    for j in range(i - 1, -1, -1):
        if records[j]["span"].start < start:
            return
        yield records[j]


def share_whole_metrics(records: list[dict[str, Any]], lab: Labeller) -> None:
    """A share named only by its part or by nothing (…占比) whose part and whole the text states is
    named by its whole: 占{whole's metric}比重 (in place; see the module docstring)."""
    generic = lab.generic_metrics()
    for k, r in enumerate(records):
        metric = r["metric"] or ""
        if r["kind"] != "share" or r["unit"] != "%" or r["change"] is not None or not metric.endswith("占比"):
            continue
        a = r["span"].start
        para = lab.para_starts[bisect.bisect_right(lab.para_starts, a) - 1] if lab.para_starts else 0
        sentence = r["text_span"].start
        share, slack = Decimal(r["value"]), _slack(r)
        for i in range(k - 1, -1, -1):
            part = records[i]
            if part["span"].start < sentence:
                break
            if not _amount(part):
                continue
            whole = next((w for w in _before(records, i, para) if w["unit"] == part["unit"] and _amount(w)
                          and w["value"] > part["value"]
                          and abs(Decimal(part["value"]) * 100 / Decimal(w["value"]) - share) <= slack), None)
            if whole is None:
                continue
            name = lab.bare_metric(whole["metric"], whole["program"], whole["scope"]) if whole["metric"] else ""
            if name and name not in generic and not _RATE_NOUN.search(name):
                r["metric"] = f"{metric.removesuffix('占比')}占{name}比重"
            break
