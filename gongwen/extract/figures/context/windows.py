"""The context windows of a figure: its clause, sentence, paragraph and heading path.

:class:`ContextWindowMixin` gives the labeller (:class:`.labeller.Labeller`) the starts of a figure's
clause (back to the last comma-like punctuation, stepping over closed parentheses), sentence (back to
。！？ or the paragraph start) and paragraph, the ranges outside parentheses and the heading path, each
computed once.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

import regex

from ..grammar.numerals import thousands_comma

if TYPE_CHECKING:
    from ....model import Document, Heading

_PAREN_CHAR = regex.compile(r"[（()）]")
# the characters that end a clause
_CLAUSE_BREAK = "，,；;：:、。！？!?（(）)\n"
_BREAK_CHAR = re.compile("[" + re.escape(_CLAUSE_BREAK) + "]")
_PAREN_REACH = 2000  # a parenthetical aside is never longer than this


class ContextWindowMixin:
    """The context window methods of :class:`.labeller.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        doc: Document
        heading_starts: list[int]
        para_starts: list[int]
        sentence_starts: list[int]
        _paths: dict[int, tuple[Heading, ...]]
        _clause_cache: dict[int, int]
        _breaks: list[int] | None
        _outside_cache: dict[tuple[int, int], list[tuple[int, int]]]
        _paren_opens: list[int]
        _paren_closes: list[int]

    def section_path(self, o: int) -> tuple[Heading, ...]:
        """``Document.section_path`` with the path of each heading computed once."""
        i = bisect.bisect_right(self.heading_starts, o) - 1
        if i < 0:
            return ()
        if i not in self._paths:
            self._paths[i] = self.doc.section_path(self.heading_starts[i])
        return self._paths[i]

    def paragraph_start(self, o: int) -> int:
        i = bisect.bisect_right(self.para_starts, o) - 1
        return self.doc.paragraphs[i].span.start if i >= 0 else 0

    def sentence_start(self, o: int) -> int:
        i = bisect.bisect_right(self.sentence_starts, o) - 1
        return self.sentence_starts[i] if i >= 0 else 0

    def clause_start(self, o: int) -> int:
        """Back to the last clause punctuation, stepping over closed parentheses ("亲属(居委)接领")."""
        got = self._clause_cache.get(o)
        if got is None:
            got = self._clause_cache[o] = self._clause_start(o)
        return got

    def _clause_start(self, o: int) -> int:
        t = self.doc.text
        ss = self.sentence_start(o)
        if self._breaks is None:  # (the clause punctuation of the text, found once: the walk
            # back from o visits only these)
            self._breaks = [m.start() for m in _BREAK_CHAR.finditer(t)]
        breaks = self._breaks
        k = bisect.bisect_left(breaks, o) - 1
        while k >= 0 and breaks[k] >= ss:
            i = breaks[k]
            if t[i] in "）)":
                depth, j = 1, i - 1
                while j >= ss and depth:
                    if t[j] in "）)":
                        depth += 1
                    elif t[j] in "（(":
                        depth -= 1
                    j -= 1
                if depth == 0 and j >= ss and t[j] not in _CLAUSE_BREAK:
                    k = bisect.bisect_right(breaks, j) - 1  # on from before the parenthesis
                    continue
                return i + 1
            if not thousands_comma(t, i):  # 3,215户 is one number
                return i + 1
            k -= 1
        return ss

    def outside_parens(self, a: int, b: int) -> list[tuple[int, int]]:
        """Sub-ranges of [a, b) not inside parentheses that close before b."""
        got = self._outside_cache.get((a, b))
        if got is None:
            got = self._outside_cache[(a, b)] = self._outside_parens(a, b)
        return got

    def _outside_parens(self, a: int, b: int) -> list[tuple[int, int]]:
        opens, closes = self._paren_opens, self._paren_closes
        i = bisect.bisect_left(opens, a)
        if i >= len(opens) or opens[i] >= b:
            return [(a, b)] if a < b else []
        out: list[tuple[int, int]] = []
        seg = a
        while i < len(opens) and opens[i] < b:
            o, c = opens[i], closes[i]
            if o > seg:
                out.append((seg, o))
            if c < 0 or c >= b:
                # still inside an open parenthesis at b: the part from its opening is ours
                out.append((o + 1, b))
                return out
            seg = c + 1
            i = bisect.bisect_right(opens, c)  # parentheses nested inside this one
        if seg < b:
            out.append((seg, b))
        return out

    def in_open_paren(self, o: int) -> bool:
        """Whether ``o`` stands inside a parenthesis opened earlier in its sentence."""
        ss = self.sentence_start(o)
        i = bisect.bisect_left(self._paren_opens, o) - 1
        while i >= 0 and self._paren_opens[i] >= ss:
            c = self._paren_closes[i]
            if c < 0 or c >= o:
                return True
            i -= 1
            if o - self._paren_opens[i + 1] > _PAREN_REACH:
                break
        return False


def _paren_pairs(text: str) -> tuple[list[int], list[int]]:
    """Positions of opening parentheses and of their closing partners (-1 when unclosed).

    >>> _paren_pairs("a（b(c)d）e(")
    ([1, 3, 9], [7, 5, -1])
    """
    opens: list[int] = []
    closes: list[int] = []
    stack: list[int] = []
    for m in _PAREN_CHAR.finditer(text):
        if m.group() in "（(":
            stack.append(len(opens))
            opens.append(m.start())
            closes.append(-1)
        elif stack:
            closes[stack.pop()] = m.start()
    return opens, closes
