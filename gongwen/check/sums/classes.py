"""A whole stated once and each class of it stated apart under the whole's own name: 全县参保
48.6 万人 in the opening, then 职工参保 6.3 万人 in one sentence and 城乡居民参保 42.3 万人 in the next.
The classes are those of a known set that partitions a whole (vocab exhaustive_sets: 职工 and 城乡
居民, 城镇 and 农村, 公办 and 民办 …); a figure named by every member of one set, each in front of
the whole's name, for the whole's unit, period and kind, is one of its classes.  Found by name, so
the sum is kept only when it holds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...figure import Figure
from ..evaluation.intervals import longest_first, vocab
from ..reading.mentions import clean, content, core
from ..reading.relations import Candidate, summable
from ..reading.textindex import TextIndex

_CJK = re.compile(r"[\u4e00-\u9fff]")


def classes_apart(idx: TextIndex) -> Iterator[Candidate]:
    """Every whole whose classes, each named by a member of one exhaustive set put before the
    whole's name, the text states apart: their sum (read: ``confirm_only``)."""
    pool = [f for f in idx.figures if summable(f) and f.kind == "actual" and f.change is None and f.range_id is None]
    by_name: dict[str, list[Figure]] = {}
    for f in pool:
        by_name.setdefault(_name(idx, f), []).append(f)
    for name, wholes in by_name.items():
        if len(_CJK.findall(name)) < 4:
            continue
        for whole in wholes:
            for members in vocab()["exhaustive_sets"]:
                found = [_member(aliases, name, whole, by_name) for aliases in members]
                parts = [x for x in found if x is not None]
                if len(parts) == len(members) and len({id(p) for p, _ in parts}) == len(parts):
                    yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(p for p, _ in parts),
                                    trigger=name, explicit=False, exhaustive=True,
                                    params={"labels": [a for _, a in parts], "confirm_only": True})
                    break


def _member(aliases: list[str], name: str, whole: Figure, by_name: dict[str, list[Figure]]) -> tuple[Figure, str] | None:
    """The one figure of the whole's unit and period named by an alias of a class put before
    ``name`` (职工 + 基本医疗保险参保), with that alias; None when there is none, or several of
    different values (which one is the class's is not said)."""
    found = [(f, a) for a in aliases for f in by_name.get(a + name, ())
             if f is not whole and f.unit == whole.unit and f.period == whole.period]
    if not found or len({f.value for f, _ in found}) > 1:
        return None
    return found[0]


def _name(idx: TextIndex, f: Figure) -> str:
    """What a figure's words name, without whose and when it is (全县, 全年), the verbs of reporting,
    the closing verb (达到, 为), a generic tail (人数) or 总 (医保基金总收入 names 医保基金收入, of which
    职工医保基金收入 is a class).

    >>> from decimal import Decimal
    >>> from gongwen.model import Span
    >>> text = "全县农机合作社社员总数达到1200人，"
    >>> f = Figure(Decimal(1200), "人", span=Span(13, 18))
    >>> _name(TextIndex(text, [f]), f)
    '农机合作社社员'
    """
    name = content(clean(idx.label_before(f, 24)))
    for w in longest_first("subject_prefixes"):
        if name.startswith(w) and len(name) > len(w) + 1:
            name = name[len(w):]
    cut = True
    while cut:
        cut = False
        for w in longest_first("subject_suffixes"):
            if name.endswith(w) and len(name) > len(w) + 1 and not any(name.endswith(b) for b in vocab()["suffix_bound_words"]):
                name, cut = name[: -len(w)], True
                break
    return core(name).replace("总", "")
