"""Characters with their raw-text indices and bold flags: what every cleaning stage works on.

The canonical text is built from ``(char, source_index)`` pairs and never edited in place
(pdfplumber's ``TextMap`` habit): a stage cuts, joins or drops characters, and each kept character
still says where in the raw text it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\f\v"  # what counts as white space in a line


@dataclass(slots=True)
class Chars:
    """A line as parallel arrays: characters, their raw-text indices and bold flags.

    The three have the same length (an internal invariant, checked by the tests rather than on
    every construction: this is the hottest object of the cleaner).
    """

    text: str
    src: list[int]
    bold: list[bool]


BLANK = Chars("", [], [])


def strip(c: Chars) -> Chars:
    t = c.text
    if not t or (t[0] not in SPACES and t[-1] not in SPACES):
        return c  # nothing to strip (most lines): Chars are never edited in place, so share it
    a, b = 0, len(t)
    while a < b and t[a] in SPACES:
        a += 1
    while b > a and t[b - 1] in SPACES:
        b -= 1
    return Chars(t[a:b], c.src[a:b], c.bold[a:b])


def concat(parts: Iterable[Chars]) -> Chars:
    t: list[str] = []
    s: list[int] = []
    b: list[bool] = []
    for p in parts:
        t.append(p.text)
        s.extend(p.src)
        b.extend(p.bold)
    return Chars("".join(t), s, b)


def cut(c: Chars, ranges: Sequence[tuple[int, int]]) -> Chars:
    """``c`` without the characters in ``ranges`` (sorted, disjoint): nothing else moves."""
    keep: list[Chars] = []
    pos = 0
    for a, b in ranges:
        keep.append(Chars(c.text[pos:a], c.src[pos:a], c.bold[pos:a]))
        pos = b
    keep.append(Chars(c.text[pos:], c.src[pos:], c.bold[pos:]))
    return concat(keep)


def split_at(c: Chars, k: int) -> tuple[Chars, Chars]:
    return Chars(c.text[:k], c.src[:k], c.bold[:k]), strip(Chars(c.text[k:], c.src[k:], c.bold[k:]))
