"""The operands of a rate: the figures before it that could be its part and whole, the units that
may be divided (:func:`compatible`), the figures a name designates (:func:`all_named`,
:func:`populations`), the whole that makes a rate hold (:func:`choose_whole`) and the one pairing a
rate misses by a slip of the pen (:func:`near_miss`).  Shared by the rates (:mod:`.named_shares`,
:mod:`.counted_rates`, :mod:`.per_capita`), :mod:`.shares`, :mod:`.bases` and :mod:`.completions`."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import Interval, interval_of, longest_first, vocab
from ..evaluation.slips import slipped
from ..reading.relations import abbreviates, summable
from ..reading.textindex import TextIndex

HUNDRED = Decimal(100)


def compatible(a: Figure, b: Figure) -> bool:
    """Operands of one rate: the same unit, or two counts of one sort of entity (死亡 1,337 人，火化遗体
    1,318 具) — not a count of acts beside a count of things (检查 186 次，整改隐患 427 处)."""
    counts = vocab()["count_units"]
    if a.unit == b.unit:
        return True
    if not (a.unit in counts and b.unit in counts):
        return False
    acts, visits = vocab()["act_count_units"], vocab()["visit_count_units"]
    return not any(x.unit in acts and y.unit not in acts and y.unit not in visits for x, y in ((a, b), (b, a)))


def same_kind(a: Figure, b: Figure) -> bool:
    """Operands found by name far from the rate: the same unit (or unit family)."""
    from ..reading.relations import unit_family
    return a.unit == b.unit or unit_family(a.unit) == unit_family(b.unit) != a.unit


def _paragraph_start(idx: TextIndex, pos: int, limit: int = 400) -> int:
    nl = idx.text.rfind("\n", 0, pos)
    return max(nl + 1, pos - limit)


def clause_start(idx: TextIndex, pos: int) -> int:
    i = pos
    while i > 0 and idx.text[i - 1] not in "，,。；;：:\n" and pos - i < 30:
        i -= 1
    return i


def operands_before(idx: TextIndex, pos: int, start: int) -> list[Figure]:
    return [g for g in idx.figures_in(Span(start, pos)) if summable(g) and g.kind != "change"
            and g.change is None and g.bound is None and idx.restates(g) is None]


def all_named(idx: TextIndex, name: str, cands: list[Figure], shortened: bool = True) -> list[Figure]:
    """Candidates whose own label (the words just before them) names ``name``, or ``name`` without
    the 总 that says it is the whole (户籍总人口 of 全县户籍人口); else those whose label holds its
    two words the other way round (民政资金支出 of 支出各类民政资金); else, with ``shortened``, the
    one value whose label ``name`` shortens (:func:`_abbreviated`)."""
    bare = name.replace("总", "") if len(name.replace("总", "")) >= 4 else name
    return [g for g in cands if name in idx.label_before(g, 24) or bare in idx.label_before(g, 24)] or \
        [g for g in cands if _inverted(name, idx.label_before(g, 24))] or counted(idx, name, cands) or \
        (_abbreviated(idx, bare, cands) if shortened else [])


def _abbreviated(idx: TextIndex, name: str, cands: list[Figure]) -> list[Figure]:
    """Candidates whose label ``name`` shortens, its head and tail with words between left out
    (受理案件 of 受理劳动保障监察举报投诉案件, 引进人才 of 引进各类人才): one value only, else the
    short name does not say which.  A reading, never the pairing the text makes itself: a short
    name may leave out the very words that set another quantity apart."""
    found = [g for g in cands if abbreviates(name, idx.label_before(g, 24))]
    return found if len({g.value for g in found}) == 1 else []


def counted(idx: TextIndex, name: str, cands: list[Figure]) -> list[Figure]:
    """Counts written before the noun they count (全镇 14 个行政村集体经营性收入…: 行政村)."""
    counts = vocab()["count_units"]
    return [g for g in cands if len(name) >= 2 and g.unit in counts and idx.words_after(g, len(name) + 1).startswith(name)]


def _inverted(name: str, label: str) -> bool:
    """``label`` names ``name`` with its verb and object the other way round: a tail and a head of
    two characters at least, the tail first (资金支出 in 支出各类民政资金).

    >>> _inverted("民政资金支出", "全年累计支出各类民政资金"), _inverted("民政资金支出", "民政资金")
    (True, False)
    """
    for k in range(2, len(name) - 1):
        i = label.find(name[k:])
        if i >= 0 and label.find(name[:k], i + len(name) - k) >= 0:
            return True
    return False


def populations(idx: TextIndex, part: Figure) -> list[Figure]:
    """Figures the text labels as a population (常住人口 41.3 万人), anywhere: the whole of rates
    and per-capita ratios that do not name it (建档率, 每千人口医师数)."""
    words = vocab()["population_words"]
    return [g for g in idx.figures if g is not part and g.unit == "人" and g.kind != "change" and g.bound is None
            and any(w in idx.label_before(g, 16) for w in words)]


def share_name(s: str) -> str:
    """占一般公共预算收入的比重为 → 一般公共预算收入; 占游客总数的 → 游客; 占全年接待总量的 → 接待."""
    s = "".join(s.split("的")[0].split())
    for w in longest_first("whole_words"):
        if s.endswith(w) and len(s) > len(w):
            s = s[: -len(w)]
    for w in longest_first("subject_prefixes"):
        if len(w) >= 2 and s.startswith(w) and len(s) >= len(w) + 2:
            s = s[len(w):]  # 占全年接待总量的: the period or place is no part of the name (接待)
            break
    for w in longest_first("whole_words"):
        if s.startswith(w) and len(s) > len(w):
            s = s[len(w):]
    return s


def core_name(name: str) -> str:
    """A whole's name without a generic tail (检查机构数 → 检查机构)."""
    for w in longest_first("generic_tails"):
        if name.endswith(w) and len(name) > len(w) + 2:
            return name[: -len(w)]
    return name


def choose_whole(f: Figure, parts: list[Figure], wholes: list[Figure]) -> Figure | None:
    """The whole that makes the rate hold; else the only candidate (so a wrong rate is reported),
    or the one the rate misses by a slip of the pen; else none (ambiguous)."""
    stated = interval_of(f)
    for w in reversed(wholes):
        if any(_fits(p, w, stated, False) for p in parts):
            return w
    if len(_by_value(wholes)) == 1:  # one candidate, or one fact stated twice (5.26 万户 … 52600 户)
        return wholes[-1]
    near = near_miss(f, [(p, w) for p in parts for w in wholes])
    return near[1] if near is not None else None


def _fits(part: Figure, whole: Figure, stated, complement: bool) -> bool:
    comp = _rate(part, whole, HUNDRED, complement)
    return comp is not None and comp.intersects(stated)


def _rate(part: Figure, whole: Figure, factor: Decimal, complement: bool = False) -> Interval | None:
    try:
        comp = (interval_of(part) / interval_of(whole)).scale(factor)
    except Exception:
        return None
    return (-comp).shift(factor) if complement else comp


def near_miss(f: Figure, pairs: Iterable[tuple[Figure, Figure]], factor: Decimal = HUNDRED,
              complement: bool = False) -> tuple[Figure, Figure] | None:
    """The one pairing (part, whole) the stated rate misses by a slip of the pen (:func:`slipped`):
    no pairing makes the rate hold, so the text means this one and printed a digit wrong.  None
    when no pairing or more than one comes that close."""
    near = []
    for p, w in dict.fromkeys(pairs):
        comp = _rate(p, w, factor, complement)
        if comp is not None and slipped(f, comp):
            near.append((p, w))
    # pairings of equal values are one pairing: a fact stated twice (the opening summary's 5.26 万户
    # and the section's 52600 户) does not make the pairing ambiguous; the nearer mention is taken
    return near[-1] if len(_by_value(near)) == 1 else None


def _by_value(items: Iterable[Figure | tuple[Figure, ...]]) -> set[tuple[tuple[Decimal, str], ...]]:
    """The distinct values among candidates (a figure or a pairing of figures): two mentions of one
    fact are one candidate.

    >>> from decimal import Decimal as D
    >>> len(_by_value([Figure(D(52600), "户"), Figure(D(52600), "户"), Figure(D(7845), "户")]))
    2
    """
    out = set()
    for it in items:
        figs = it if isinstance(it, tuple) else (it,)
        out.add(tuple((g.value, g.unit) for g in figs))
    return out
