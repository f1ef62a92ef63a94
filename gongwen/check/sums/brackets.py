"""Bracket breakdowns: a total followed by a bracket listing its parts (6154 户（城市 …、农村 …）),
with or without 其中.  Closed lists (:mod:`.closed_lists`) are sums (GW101); the rest are parts
that may not exceed their whole (GW108).  A 其中 list outside a bracket is :mod:`.subsets`'."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import vocab
from ..reading.relations import Candidate, summable, unit_family
from ..reading.textindex import OPEN, SPACES, Group, TextIndex, exhaustive_set
from .closed_lists import complementary, counted_kinds, names_rest


def _totals_before(idx: TextIndex, g: Group) -> list[Figure]:
    """Figures standing right before an opening bracket: 6154 户 11160 人（…."""
    text = idx.text
    out: list[Figure] = []
    pos = g.open
    for f in reversed(idx.figures):
        if f.span.end > pos:
            continue
        gap = text[f.span.end:pos]
        limit = 2 if out else 16
        if any(ch in "，,。；;：:、！？\n" or ch in OPEN or ch in "）)" for ch in gap) or len(gap.strip(SPACES)) > limit:
            break
        if not out and gap.strip(SPACES) and not _noun_after_measure(f, gap):
            break
        if not summable(f) or any(o.unit == f.unit for o in out):
            break
        out.append(f)
        pos = f.span.start
    return list(reversed(out))


def _persons_of(total: Figure, parts: list[Figure], cue: str | None) -> bool:
    """培训 2.35 万人次（参训 17420 人）: a bracket with no cue holding one count of the persons behind
    a count of person-times (vocab per_time_units) counts the same work another way — within it,
    and no mix of units."""
    return cue is None and len(parts) == 1 and parts[0].unit in vocab()["per_time_units"].get(total.unit, ())


def _noun_after_measure(f: Figure, gap: str) -> bool:
    """A noun after a count (6367 名建档立卡贫困户（…）) still lets the count head the bracket."""
    return f.unit in vocab()["count_units"] and not any(ch.isdigit() for ch in gap)


def _parts_for(total: Figure, inner: list[Figure], single_total: bool) -> tuple[list[Figure], bool]:
    """The inner figures that break ``total`` down, and whether units had to be matched by family."""
    same = [f for f in inner if f.unit == total.unit]
    others = [f for f in inner if f.unit != total.unit]
    fam = unit_family(total.unit)
    family = [f for f in others if (f.unit and unit_family(f.unit) == fam and f.unit != total.unit)]
    unitless = [f for f in inner if not f.unit]
    if single_total:
        parts = sorted(same + family + unitless, key=lambda f: f.span.start)
        return parts, bool(family or unitless)
    return same, False


def bracket_breakdowns(idx: TextIndex) -> Iterator[Candidate]:
    """A total followed by a bracket listing its parts (with or without 其中)."""
    subset_cues = vocab()["subset_cues"]
    for g in idx.groups:
        comparison = vocab()["comparison_words"]
        inner = [f for f in idx.direct_figures(g) if (f.unit == "" or summable(f)) and f.change is None
                 and not any(w in idx.category_of(f) for w in comparison) and idx.restates(f) is None]
        if not inner:
            continue
        totals = _totals_before(idx, g)
        if not totals:
            continue
        head = idx.text[g.open + 1:g.close].lstrip(SPACES)
        cue = next((c for c in subset_cues if head.startswith(c)), None)
        etc = _ends_with_etc(idx, g)
        for t in totals:
            parts, mixed = _parts_for(t, inner, len(totals) == 1)
            if not parts:
                continue
            parts = [p if p.unit else replace(p, unit=t.unit) for p in parts]
            labels = [idx.category_of(p) for p in parts]
            # （其中城区 …、农村 …）: categories that split a whole as a rule but may leave a class out,
            # under a cue saying they are some of it — as a 其中 list (subset_lists)
            paired = exhaustive_set(labels, "open_sets") and not etc and cue is not None \
                and not names_rest(idx, parts, inner)
            # a total named as the sum (各项补贴合计 14.24 万元（…）) is the sum of what its bracket lists
            summed = any(w in idx.label_before(t, 12) for w in vocab()["total_cues"])
            exhaustive = (exhaustive_set(labels) or complementary(labels) or names_rest(idx, parts, inner)
                          or counted_kinds(idx, t, parts)
                          or summed and cue is None) and not etc
            # 86 所（城区学校 31 所、农村学校 52 所）: a bracket with no cue lists what the total holds, but
            # only categories that exhaust it (公办/民办) or the rest (其他) close it; else its items are
            # within the total, verified as its sum when they add up and a miss reported when a
            # misprint of one figure explains it, as under a cue
            paired = paired or cue is None and not exhaustive and not etc and len(parts) > 1
            kind = "subset" if (cue or paired) and not exhaustive else "sum"
            if len(parts) == 1 and not exhaustive:
                kind = "subset"
            yield Candidate(
                code="GW101" if kind == "sum" else "GW108", kind=kind, whole=(t,), parts=tuple(parts),
                trigger=f"（{cue or ''}…）" if cue else "（…）", exhaustive=exhaustive,
                cue=Span(g.open, g.close + 1),
                params={"labels": labels, "mixed_units": mixed, "bracket": True, "subset_cue": cue,
                        "disjoint": paired, "per_time": _persons_of(t, parts, cue)})
            if paired:
                yield Candidate(code="GW101", kind="sum", whole=(t,), parts=tuple(parts), trigger=f"（{cue or ''}…）",
                                explicit=False, exhaustive=True, cue=Span(g.open, g.close + 1),
                                params={"labels": labels, "mixed_units": mixed, "bracket": True, "subset_cue": cue,
                                        "confirm_only": True, "anchored": True})


def _ends_with_etc(idx: TextIndex, g: Group) -> bool:
    tail = idx.text[max(g.open, g.close - 3):g.close].strip(SPACES)
    return any(tail.endswith(w) for w in vocab()["etc_words"])
