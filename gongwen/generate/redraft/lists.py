"""分别 lists of statistics: 分别为A1、A2 becomes 分别由上年的B1、B2增加到A1、A2.

A sentence that names several items and then gives one figure for each after 分别 (集中供养和
分散供养特困人员分别为1,326人、4,871人; 高龄津贴分别为每人每月50元、100元和300元) states no
comparison for them.  The draft re-states the whole list against last year in the form the
extractor reads as a change per item (分别由A1、A2提高到B1、B2); when the figures carry their own
labels (分别为集中养育每人每月1,850元、社会散居每人每月1,380元) each item is re-stated after its
label (集中养育由每人每月1,850元提高到每人每月1,900元、社会散居由…).  Words are data
(``data/redraft.yaml``, ``list``); :func:`.fill._list` writes the edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...figure import Extraction
from ...model import Span
from .slots import Edit, Slot, partial_year, rules, sentence_of


@dataclass(frozen=True)
class Item:
    """One figure of a 分别 list: the separator and the label before it, and its slot."""

    sep: Span
    label: Span
    slot: str


def find(ext: Extraction, slots: list[Slot]) -> list[Edit]:
    """Every 分别 list whose figures are all slots, as ``list`` edits."""
    doc = ext.document
    t = doc.text
    conf = rules()["list"]
    restate = rules()["restate"]
    sep = re.compile(conf["separators"])
    out: list[Edit] = []
    for word in rules()["respectively"]:
        for m in re.finditer(re.escape(word), t):
            sent = sentence_of(doc, m.start())
            ends = [i for i in (t.find(c, m.end(), sent.end) for c in conf["clause_ends"]) if i >= 0]
            clause_end = min(ends) if ends else sent.end
            members = [s for s in slots if m.end() <= s.figure.span.start < clause_end]
            if len(members) < 2:
                continue
            copula = next((w for w in conf["copulas"] if t.startswith(w, m.end())), "")
            pos = m.end() + len(copula)
            items: list[Item] = []
            for s in members:
                f = s.figure
                if f.kind not in ("actual", "standard") or f.previous is not None or f.approx:
                    break
                gap = t[pos:f.span.start]
                g = sep.match(gap) if items else None
                cut = pos + (g.end() if g else 0)
                items.append(Item(Span(pos, cut), Span(cut, f.span.start), s.id))
                pos = f.span.end
            else:
                tail = t[pos:clause_end].strip()
                if tail and not tail.startswith(tuple(conf["after"])):
                    continue
                labelled = any(it.label.end > it.label.start for it in items)
                if labelled and not all(it.label.end > it.label.start for it in items):
                    continue  # some items named and some not: the names would be misread
                first = next(s for s in members if s.id == items[0].slot).figure
                level = first.kind == "standard" or bool(re.search(restate["level"], (first.metric or "") + first.unit))
                start = m.start() if labelled else m.end()
                out.append(Edit(Span(start, pos), "list", tuple(it.slot for it in items), params={
                    "items": tuple(items), "labelled": labelled, "level": level, "partial": partial_year(first),
                    "copula": Span(m.end(), m.end() + len(copula))}))
    return out
