"""A count named by the noun right after it, stated again in another sentence
(:func:`counted_nouns`): equal values are verified, unequal ones left unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from ...figure import Figure
from ..evaluation.findings import Finding
from ..evaluation.intervals import vocab
from ..evaluation.verdicts import lit, make, where_said
from ..reading.mentions import Mention, subject_of
from ..reading.relations import Candidate
from ..reading.textindex import TextIndex
from .moments import _year_end, same_year
from .naming import _CJK, _same_unit


def counted_nouns(idx: TextIndex, said: list[Mention]) -> Iterator[Finding]:
    """A count named by the noun right after it (街道下辖 9 个社区；实现 155 个行政村全覆盖；5 轮强降雨过程),
    the same count in another sentence, named by that noun after it or before it (乡镇卫生院 18 家 and
    实现全县 18 家乡镇卫生院全覆盖): the words before such a count are a verb (下辖, 实现, 经历), so the
    mention has no subject.  Equal values are verified; unequal ones are left unsaid — the noun alone
    does not tell all of them from some (16 个行政村 and 15 个行政村 covered)."""
    v = vocab()
    named: list[tuple[Mention, str, str]] = []
    for m in said:
        f = m.fig
        if f.unit not in v["count_units"] or f.kind != "actual" or m.old or m.level is not None or m.other \
                or m.within or f.previous is not None or f.range_id is not None \
                or any(w in idx.clause_before(f, 24) for w in v["new_words"]):
            continue
        after = _counted_noun(idx, f)
        named.append((m, after, "" if after else subject_of(idx, f)))
    for (a, na, ba), (b, nb, bb) in combinations(named, 2):
        fa, fb = a.fig, b.fig
        noun = na or ba
        if not (na or nb) or noun != (nb or bb) or len(_CJK.findall(noun)) < 2 or fa.value != fb.value \
                or not _same_unit(fa.unit, fb.unit) or not (same_year(fa, fb) or _year_end(fa, fb)) \
                or idx.sentence_of(fa.span.start) == idx.sentence_of(fb.span.start):
            continue
        c = Candidate(code="GW112", kind="same", whole=(fa,), parts=(fb,), trigger=noun, explicit=False)
        where_a, where_b = where_said(fa, fb)
        yield make(c, idx, "consistent", "info", f"“{noun}”在“{where_a}”与“{where_b}”两处均为 {lit(fa)}，一致",
                   [fb, fa], lit(fa), lit(fb))


def _counted_noun(idx: TextIndex, f: Figure) -> str:
    """The noun right after a count, up to a break, a figure or a word that goes on to say something
    of it (行政村全覆盖 → 行政村; 社区划分为综合网格 → 社区; vocabulary counted_noun_ends)."""
    end = f.span.end
    words = re.split(r"[\d，,。；;：:、（）()“”\s]", idx.text[end:end + 16], maxsplit=1)[0]
    for w in vocab()["counted_noun_ends"]:
        i = words.find(w, 1)
        if i > 0:
            words = words[:i]
    return words if _CJK.match(words) else ""
