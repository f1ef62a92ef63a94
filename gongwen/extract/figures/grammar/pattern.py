"""The quantity pattern: the regular expression a quantity literal matches (a number, its
magnitude, unit, hedges and the other end of a range), the hedge and per-head words right before
it (:func:`_tail`), and :class:`_Match`, the two read as one match by group name.  Its words come
from ``units.yaml`` and ``hedges.yaml`` (:mod:`.units`); :mod:`.numbers` reads what a match is.
"""

from __future__ import annotations

import regex

from ...._data import group_numbers, rx
from .units import RATE_SUFFIX, TABLES, alternation

# -- the quantity pattern -------------------------------------------------------------------
_CN_DIGITS = "零〇一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
_CN_ALL = _CN_DIGITS + "十百千万亿拾佰仟萬億"
_FINANCIAL = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾")
_AR = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
_CN = rf"(?:[{_CN_DIGITS}十拾][{_CN_ALL}]*(?:点[{_CN_DIGITS}]+[万亿萬億]*)?)"
_NUM_LB = r"(?<![0-9A-Za-z.:_/])(?<![0-9],)"
_CN_LB = rf"(?<![第每{_CN_ALL}])"
_MAG_UNITS = [a for a in TABLES.units if any(a.startswith(m) and len(a) > len(m) for m in TABLES.magnitudes)]
# a place-value word that is the start of a unit (千米, 千克, 千伏安) is the unit, not a magnitude
_MAG = (rf"(?!(?:{alternation(_MAG_UNITS)}))(?:{alternation(TABLES.magnitudes)})" if _MAG_UNITS
        else alternation(TABLES.magnitudes))
# 日(?=内|以内…): a duration, not a date
_BOUNDED = "".join(f"|{regex.escape(a)}(?={alternation(w)})" for a, w in TABLES.bounded.items())
_UNIT = rf"(?:(?:{alternation([u for u in TABLES.units if u not in TABLES.bounded] + list(TABLES.conditions) + ['周年'])}{_BOUNDED})(?:{RATE_SUFFIX})?)"
_PRE = alternation(TABLES.prefix_hedges)
_MAG_ONLY = alternation(list(TABLES.magnitude_hedges) + list(TABLES.prefix_hedges))
_PC = alternation(TABLES.per_prefixes)
_INF = alternation(TABLES.infix_hedges)
_SUF = alternation(TABLES.suffix_hedges)
_CONN = r"(?:[-—–~〜]|至|到)"
_S = r"[ \t]*"
_Q_RE = regex.compile(
    rf"(?=[0-9{_CN_DIGITS}十拾百千万亿])"
    rf"(?:(?P<lo>{_NUM_LB}{_AR}|{_CN_LB}{_CN}){_S}(?P<lomag>{_MAG})?(?P<lounit>{_UNIT})?"
    rf"{_S}(?P<conn>{_CONN}){_S}(?=[0-9{_CN_DIGITS}十]))?"
    rf"(?:(?<=百分之)(?P<pct>{_CN}|{_AR})|{_NUM_LB}(?P<ar>{_AR})|{_CN_LB}(?P<cn>{_CN})"
    rf"|(?:(?<=(?:{_MAG_ONLY}))|(?=(?:千万|百万|万|千|百|亿)[余多]))(?P<imag>千万|百万|万|千|百|亿))"
    rf"{_S}(?P<inf>{_INF})?(?P<mag>{_MAG})?(?P<inf2>{_INF})?{_S}"
    rf"(?P<unit>{_UNIT})?(?P<suf>{_SUF})?"
)
# the quantity pattern's groups by number (_G.unit; see group_numbers)
_G = group_numbers(_Q_RE)
_Q_GROUPS: dict[str, int] = dict(_Q_RE.groupindex)
# hedge and per-capita words right before a number (不低于, 每人每月, 每人每月不低于 …)
_TAIL_RE = rx(rf"(?P<pre>{_PRE})?(?P<pc>{_PC})?(?P<pre2>{_PRE})?{_S}(?P<pct0>百分之)?\Z")
_TAIL_LEN = 16
_TAIL_LAST = frozenset(w[-1] for w in (*TABLES.prefix_hedges, *TABLES.per_prefixes, "百分之", " ", "\t"))
# where a non-empty tail can start (every part of it is optional, so elsewhere it is empty)
_TAIL_FIRST = frozenset(w[0] for w in (*TABLES.prefix_hedges, *TABLES.per_prefixes, "百分之", " ", "\t") if w)
_NO_TAIL: dict[str, str | None] = dict.fromkeys(_TAIL_RE.groupindex)
_TAIL_GROUPS = frozenset(("pre", "pc", "pre2"))


class _Match(dict[str, str | None]):
    """The main match plus the hedge/per-capita words found right before it: every group by
    name (a dict, so the twenty-odd look-ups per quantity stay in C; a main-match group is
    fetched on its first look-up, the pattern has twenty) and its position."""

    def __init__(self, m: regex.Match[str], t: regex.Match[str] | None) -> None:
        super().__init__(t.groupdict() if t is not None else _NO_TAIL)
        self.m, self.t = m, t

    def __missing__(self, g: str) -> str | None:
        v = self[g] = self.m.group(_Q_GROUPS[g])
        return v

    def start(self, g: str) -> int:
        if g in _TAIL_GROUPS:
            return self.t.start(g) if self.t is not None else -1
        return self.m.start(_Q_GROUPS[g])

    def end(self, g: str) -> int:
        if g in _TAIL_GROUPS:
            return self.t.end(g) if self.t is not None else -1
        return self.m.end(_Q_GROUPS[g])


def _tail(work: str, st: int) -> regex.Match[str] | None:
    """``_TAIL_RE.search(work, st - _TAIL_LEN, st)``, tried only where a non-empty tail can
    start (a search tries the three word lists at all sixteen positions)."""
    for p in range(max(0, st - _TAIL_LEN), st):
        if work[p] in _TAIL_FIRST:
            t = _TAIL_RE.match(work, p, st)
            if t is not None:
                return t
    return _TAIL_RE.match(work, st, st)
