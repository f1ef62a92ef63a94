"""A total and its parts by section: one quantity stated once for the whole report (its summary
or overview section) and, under the same name, once in each of several other sections — each
section's own share of the work (节约资金 6.84 亿元 for the year, 节约资金 5.12 亿元 under 工程建设
and 1.72 亿元 under 政府采购).  The sections' values add up to the whole's: a sum the layout
states, not one fact stated twice with two values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..evaluation.intervals import interval_of
from ..reading.mentions import Mention
from ..reading.relations import summable


def section_parts(said: Sequence[Mention], total: Mention,
                  same: Callable[[Mention, Mention], bool]) -> tuple[Mention, ...]:
    """The mentions that ``total`` is the sum of: of its quantity (``same``), its unit, kind and
    year, smaller than it, one value in each of at least two sections other than its own, and
    adding up to it within their printed precision; () when there are none.  A section that
    states two values of the name is left out (which of them is its share is not known), and
    mentions that only confirm (an old value, a growth's level) take no part."""
    t = total.fig
    if not summable(t) or total.old or total.level is not None or total.kind != "actual":
        return ()
    by_section: dict[tuple[str, ...], list[Mention]] = {}
    for m in said:
        f = m.fig
        if f.section == t.section or not f.section or m.old or m.level is not None or m.kind != "actual" \
                or f.unit != t.unit or not 0 < f.value < t.value \
                or (f.period or "")[:4] != (t.period or "")[:4] or not same(total, m):
            continue
        by_section.setdefault(f.section, []).append(m)
    parts = [ms[0] for ms in by_section.values() if len({m.fig.value for m in ms}) == 1]
    if len(parts) < 2 or len(parts) != len(by_section):
        return ()
    whole = interval_of(parts[0].fig)
    for m in parts[1:]:
        whole = whole + interval_of(m.fig)
    return tuple(parts) if whole.intersects(interval_of(t)) else ()
