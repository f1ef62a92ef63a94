"""附件说明 and 附注 of last year's report, carried into the draft as their own blocks.

附件说明 (GB/T 9704 §7.3.4): a paragraph ``附件：1. 名称`` under the body, then one paragraph for
each further numbered item (``附件：名称`` for a single attachment).  附注 (§7.3.6): a bracketed
line ``（此件公开发布）`` below the 成文日期.  Readers see both as ordinary paragraphs (an item
``2. …`` can even pass for a heading), so they are found here by their form; the draft writes
the names (years moved like the body's) and the writers lay them out as the standard says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Document, Span

_HEAD = re.compile(r"^附\s*件\s*[：:]\s*")
_ITEM = re.compile(r"^(\d{1,2})\s*[.．、]\s*")
_NOTE = re.compile(r"^(?:[（(].+[）)]|附\s*注\s*[：:].+)$")
_TRAILING = "。；;，,、 \u3000"


@dataclass(frozen=True)
class Annex:
    """The attachment names (``items``), the 附注 lines (``notes``) and the paragraphs they fill."""

    items: tuple[Span, ...] = ()
    notes: tuple[Span, ...] = ()
    paragraphs: frozenset[int] = frozenset()

    def covers(self, offset: int) -> bool:
        """Is ``offset`` inside an attachment name or a note?"""
        return any(s.start <= offset < s.end for s in (*self.items, *self.notes))


def _name(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return Span(start, end)


def _numbered(text: str, start: int, end: int, k: int) -> list[Span]:
    """Item ``k``'s name from ``start``, and the items after it when a reader ran them into one
    paragraph (附件：1.甲表2.乙表): each next number, after a non-digit, opens the next name."""
    out: list[Span] = []
    while True:
        nxt = re.compile(rf"(?<![\d.]){k + 1}\s*[.．、](?!\d)").search(text, start, end)
        if nxt is None:
            out.append(_name(text, start, end))
            return out
        out.append(_name(text, start, nxt.start()))
        start, k = nxt.end(), k + 1
        while start < end and text[start] in " \u3000":
            start += 1


def find(doc: Document) -> Annex:
    """The 附件说明 after the body and the 附注 after the date, if the report has them."""
    return find_in(doc.text, [(p.span, p.kind) for p in doc.paragraphs])


def find_in(text: str, paras: list[tuple[Span, str]]) -> Annex:
    """:func:`find` on a text and its paragraphs (span, kind).

    >>> t = "正文。\\n附件：1.甲表\\n2.乙表。\\n某局\\n2020年1月2日\\n（此件公开发布）"
    >>> a = find_in(t, [(Span(0, 3), "body"), (Span(4, 11), "body"), (Span(12, 17), "heading"),
    ...                 (Span(18, 20), "signature"), (Span(21, 30), "date"), (Span(31, 39), "body")])
    >>> [t[s.start:s.end] for s in a.items], [t[s.start:s.end] for s in a.notes]
    (['甲表', '乙表'], ['（此件公开发布）'])
    >>> t = "附件：1.2021年甲表2.乙表"
    >>> [t[s.start:s.end] for s in find_in(t, [(Span(0, len(t)), "body")]).items]
    ['2021年甲表', '乙表']
    """
    items: list[Span] = []
    used: set[int] = set()
    head = next((i for i, (sp, kind) in enumerate(paras) if kind in ("body", "heading")
                 and _HEAD.match(text[sp.start:sp.end])), None)
    if head is not None:
        sp = paras[head][0]
        m = _HEAD.match(text[sp.start:sp.end])
        assert m is not None
        first = sp.start + m.end()
        num = _ITEM.match(text[first:sp.end])
        used.add(sp.start)
        if num is None or num.group(1) != "1":
            items.append(_name(text, first, sp.end))
        else:
            items += _numbered(text, first + num.end(), sp.end, 1)
            for q, kind in paras[head + 1:]:
                nxt = _ITEM.match(text[q.start:q.end])
                if kind not in ("body", "heading") or nxt is None or int(nxt.group(1)) != len(items) + 1:
                    break
                items += _numbered(text, q.start + nxt.end(), q.end, len(items) + 1)
                used.add(q.start)
    notes: list[Span] = []
    date = next((i for i, (_, kind) in enumerate(paras) if kind == "date"), None)
    for q, kind in paras[date + 1:] if date is not None else ():
        if kind == "body" and _NOTE.match(text[q.start:q.end].strip()):
            notes.append(q)
            used.add(q.start)
    return Annex(tuple(items), tuple(notes), frozenset(used))
