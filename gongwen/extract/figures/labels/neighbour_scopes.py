"""The scope a figure takes from the figures around it, after each was labelled on its own.

A share right after a part is that part's; so is the second of a count pair or a clause with no
subject of its own that goes on about the figure before it, and a later clause of a sentence
that opens on a counted subject; the terms of a structure written as a ratio are its parts'.
All functions change the records of :func:`..assemble.find_figures` in place.
"""

from __future__ import annotations

from typing import Any

from ...._data import rx
from ..grammar.context_units import _STRUCTURE, _STRUCTURE_NUM
from ..words.heads import _CONTINUES
from ..words.metric_rules import unit_kind
from .labeller import Labeller


def share_scopes(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """A share stated in its own clause right after a figure ("其中高技能人才5,940人，占技能人才总量的
    28.4%") is the share of that figure's part: it takes that figure's scope (in place)."""
    for k, f in enumerate(records):
        if f["kind"] != "share" or k == 0:
            continue
        cs = lab.clause_start(f["span"].start)
        g = records[k - 1]
        if text.startswith("占", cs) and g["text_span"].start == f["text_span"].start \
                and not text[g["span"].end:cs].strip("，,、 ") and g["scope"]:
            f["scope"] = g["scope"]

def structure_scopes(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """The shares of a structure written as a ratio after a word naming its parts in order
    ("三次产业结构调整为13.3:39.2:47.5", vocabulary ``compounds``: 三次产业 → 第一产业, 第二产业,
    第三产业) are the shares of those parts, one to a term (in place): the ratio states no share of
    the whole jurisdiction. A ratio with as many terms as the word has parts only."""
    if "结构" not in text or lab.v.compound_re is None:
        return
    at = {r["span"].start: r for r in records}
    for m in _STRUCTURE.finditer(text):
        named = [c for c in lab.v.compound_re.finditer(text, max(0, m.start() - 12), m.start())
                 if c.end() == m.start()]
        if not named:
            continue
        parts = lab.v.compounds[named[-1].group()]
        nums = list(_STRUCTURE_NUM.finditer(text, m.start("nums"), m.end("nums")))
        if len(nums) != len(parts) or not all(n.start() in at for n in nums):
            continue
        for n, part in zip(nums, parts):
            at[n.start()]["scope"] = part

def carried_scopes(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """A figure that goes on about the figure right before it counts within that figure's scope, and
    takes it when its own is the whole jurisdiction (in place): the second of a count pair
    ("城乡低保对象5716户9824人": the same people in its own unit) and a clause with no subject of
    its own ("出口318.4亿元，增长9.6%", "发生事故6起、死亡4人")."""
    for k, f in enumerate(records):
        if k == 0:
            continue
        g = records[k - 1]
        if g["text_span"].start != f["text_span"].start or not g["scope"] or g["scope"] == lab.whole:
            continue
        a = f["span"].start
        # (a bare number after a 、 in another unit counts the same item: "农村低保2,200户、3,800人",
        # "学前教育阶段3,000人次、150万元" — whatever its clause's context said)
        if g["change"] is None and f["change"] is None and g["span"].end < a and g["unit"] != f["unit"] \
                and text[g["span"].end:a].strip() == "、":
            f["scope"] = g["scope"]
            continue
        if f["scope"] != lab.whole:
            continue
        if g["change"] is None and f["change"] is None and g["span"].end <= a and not text[g["span"].end:a].strip():
            f["scope"] = g["scope"]  # (a pair: nothing between the two)
            continue
        cs = lab.clause_start(a)
        if _CONTINUES.match(text, cs) and g["span"].end <= cs and not text[g["span"].end:cs].strip("，,、 "):
            f["scope"] = g["scope"]
    _sentence_subjects(text, records, lab)


def _sentence_subjects(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """A sentence that opens on a counted subject doing what its first clause measures ("全市28家
    国有企业实现营业收入12.6亿元，…；实现利润总额3,150万元，…") is about that subject to its
    end: a figure of a later clause that names no category of its own (the whole jurisdiction's)
    takes the subject's (in place).  The subject is a count whose next figure, in its own clause,
    took its category, and no part list (其中, 分别) or clause opening on a count of its own
    ("…，203个行政村全部明确…": a new subject) comes between."""
    k = 0
    while k < len(records) - 1:
        h, g = records[k], records[k + 1]
        same = [r for r in records[k:] if r["text_span"].start == h["text_span"].start]
        k += max(1, len(same))
        cs = lab.clause_start(h["span"].start)
        # (a run-in heading's title may open the clause: "三、国企改革纵深推进全市28家国有企业…")
        cs = max([hd.span.end for hd in lab.doc.headings if cs <= hd.span.end <= h["span"].start], default=cs)
        if unit_kind(h["unit"]) != "count" or h["change"] is not None or not h["scope"] or h["scope"] == lab.whole \
                or g["text_span"].start != h["text_span"].start or g["scope"] != h["scope"] \
                or lab.clause_start(g["span"].start) != lab.clause_start(h["span"].start) \
                or text[cs:h["span"].start].strip("全市县区镇乡街道共有现 "):
            continue
        for r in same[2:]:
            if "其中" in text[h["span"].end:r["span"].start] or "分别" in text[h["span"].end:r["span"].start] \
                    or _NEW_SUBJECT.match(text, lab.clause_start(r["span"].start)):
                break
            if r["scope"] == lab.whole:
                r["scope"] = h["scope"]

# a clause opening on a number (after its place at most): a count of a new subject ("203个行政村…"),
# not a date ("6月末资产总额…")
_NEW_SUBJECT = rx(r"\s*(?:全\p{Han}{1,2})?\d+(?:\.\d+)?(?![\d.]|\s*[年月日季])")
