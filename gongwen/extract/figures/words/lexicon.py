"""Longest-match word lookup over a fixed vocabulary, without a giant regex alternation.

A vocabulary of a few thousand names (programs, categories, indicators of every bureau) as one
``regex`` alternation costs a quarter of a second per page to scan; a dictionary of the words'
prefixes, a match grown one character at a time, finds the same leftmost-longest matches in a
few milliseconds.
:class:`Lexicon` offers the few pattern methods the labeller uses (``finditer``, ``search``,
``match``, ``fullmatch``, ``sub``) with the semantics of an alternation sorted longest first, but
for one thing: a two-character word is not read where a longer word starts on its second
character (成交 of 完成交通固定资产投资: 交通固定资产投资 is read, as a reader segments it; with ~60
bureau files, short words of one field cut across another's longer ones).

>>> lx = Lexicon(["低保", "城乡低保", "低保金"])
>>> [(m.start(), m.group()) for m in lx.finditer("城乡低保和低保金")]
[(0, '城乡低保'), (5, '低保金')]
>>> lx.sub("", "发放城乡低保资金"), lx.fullmatch("低保") is not None, lx.match("保低") is None
('发放资金', True, True)
>>> [m.group() for m in Lexicon(["成交", "交通固定资产投资"]).finditer("完成交通固定资产投资")]
['交通固定资产投资']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import compress
from operator import add
from typing import NamedTuple


class Hit(NamedTuple):
    """A match-like result: ``start()``, ``end()`` and ``group()`` as in ``re`` (a named tuple,
    not a frozen dataclass: a document makes hundreds, and a tuple is built five times faster)."""

    s: int
    e: int
    text: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self, _: int = 0) -> str:
        return self.text


class Lexicon:
    """A set of words matched leftmost-longest, as a length-sorted alternation would."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        self._short: set[str] = {w for w in self.words if len(w) == 1}
        self._firsts = frozenset(w[0] for w in self.words)  # a text without one holds no word
        # every prefix of two or more characters of a longer word -> whether it is a word itself:
        # a match grows one character at a time and stops where no word goes on (after two or
        # three characters, mostly), instead of trying every word under a head
        self._prefixes: dict[str, bool] = {}
        for w in self.words:
            for k in range(2, len(w)):
                self._prefixes.setdefault(w[:k], False)
        self._prefixes.update((w, True) for w in self.words if len(w) > 1)
        self._tails = frozenset(w[-2:] for w in self.words if len(w) > 1)

    def __bool__(self) -> bool:
        return bool(self.words)

    def _at(self, text: str, i: int, end: int) -> str | None:
        """The longest word starting at ``i`` and ending by ``end``."""
        prefixes = self._prefixes
        best = 0
        j = i + 2
        while j <= end:
            is_word = prefixes.get(text[i:j])
            if is_word is None:
                break
            if is_word:
                best = j
            j += 1
        if best:
            return text[i:best]
        if self._short and i < end and text[i] in self._short:
            return text[i]
        return None

    def may_end(self, text: str) -> bool:
        """Whether a word could end ``text``: False when none of the words is a suffix of it (then
        no match of :meth:`finditer` ends at its end), a look-up of its last two characters.

        >>> lx = Lexicon(["低保", "城乡低保"])
        >>> lx.may_end("发放城乡低保"), lx.may_end("低保资金")
        (True, False)
        """
        return text[-2:] in self._tails or (bool(self._short) and text[-1:] in self._short)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Hit]:
        end = len(text) if endpos is None else min(endpos, len(text))
        prefixes, short = self._prefixes, self._short
        i = pos
        while i < end:  # inlined _at: this loop is the labeller's hottest
            best = 0
            j = i + 2
            while j <= end:
                is_word = prefixes.get(text[i:j])
                if is_word is None:
                    break
                if is_word:
                    best = j
                j += 1
            if best and not self._straddles(text, i, best, end):
                yield Hit(i, best, text[i:best])
                i = best
            elif best:
                i += 1
            elif short and text[i] in short:
                yield Hit(i, i + 1, text[i])
                i += 1
            else:
                i += 1

    def _straddles(self, text: str, i: int, j: int, end: int) -> bool:
        """Whether the two-character word ``text[i:j]`` is cut across a longer word starting on its
        second character (成交 of 完成交通固定资产投资, where 交通固定资产投资 is the word): the
        longer one is read, as a reader segments the text.  A longer word is a word (职工医保 of
        职工医保统筹基金 stays, though 医保统筹基金 starts inside it)."""
        return j - i == 2 and (w := self._at(text, i + 1, end)) is not None and len(w) > 2

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Hit | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0) -> Hit | None:
        w = self._at(text, pos, len(text)) if pos < len(text) else None
        return Hit(pos, pos + len(w), w) if w is not None else None

    def fullmatch(self, text: str) -> Hit | None:
        return Hit(0, len(text), text) if text in self.words else None

    def sub(self, repl: str | Callable[[Hit], str], text: str) -> str:
        if self._firsts.isdisjoint(text):
            return text  # (the labeller drops the jurisdiction from every phrase: mostly none there)
        out: list[str] = []
        last = 0
        for m in self.finditer(text):
            out.append(text[last:m.start()])
            out.append(repl(m) if callable(repl) else repl)
            last = m.end()
        out.append(text[last:])
        return "".join(out)


def scan_all(text: str, lexicons: list[Lexicon]) -> list[list[Hit]]:
    """``[list(lx.finditer(text)) for lx in lexicons]`` in one pass over ``text``.

    Each lexicon keeps its own leftmost-longest, non-overlapping matches; the pass grows each
    position's match once for all of them (the labeller scans every document with four
    vocabularies), through the merged prefixes of their words.

    >>> a, b = Lexicon(["城乡低保", "低保"]), Lexicon(["城乡", "低保金"])
    >>> [[h.group() for h in hits] for hits in scan_all("城乡低保金", [a, b])]
    [['城乡低保'], ['城乡', '低保金']]
    """
    prefixes = _merged(tuple(lexicons))
    heads = _heads(tuple(lexicons))
    shorts = [(k, lx._short) for k, lx in enumerate(lexicons) if lx._short]  # one-character words are rare
    out: list[list[Hit]] = [[] for _ in lexicons]
    free = [0] * len(lexicons)
    n = len(text)
    # only the positions where a word can start (about one in six) are looked at
    # (the text's two-character pairs made and looked up in C: no bytecode per position)
    at = list(compress(range(n), map(heads.__contains__, map(add, text, text[1:]))))
    ones: set[int] = set()  # where a one-character word stands
    for c in frozenset().union(*(short for _, short in shorts)):
        j = text.find(c)
        while j >= 0:
            ones.add(j)
            j = text.find(c, j + 1)
    if ones:
        at = sorted(ones.union(at))
    # every lexicon's longest word at each position, then the leftmost-longest of them that no
    # longer word cuts across (Lexicon._straddles)
    cands: list[list[tuple[int, int]]] = [[] for _ in lexicons]
    for i in at:
        found: list[tuple[int, tuple[int, ...]]] = []  # (end, lexicons) of every word at i, shortest first
        j = i + 2
        while j <= n:
            ks = prefixes.get(text[i:j])
            if ks is None:
                break
            if ks:
                found.append((j, ks))
            j += 1
        done = 0
        for j, ks in reversed(found):  # longest first
            for k in ks:
                if not (done >> k) & 1:
                    cands[k].append((i, j))
                    done |= 1 << k
        if i not in ones:
            continue
        for k, short in shorts:
            if not (done >> k) & 1 and text[i] in short:
                cands[k].append((i, i + 1))
    for k, cs in enumerate(cands):
        for x, (i, j) in enumerate(cs):
            if free[k] > i:
                continue
            if j - i == 2 and x + 1 < len(cs) and cs[x + 1][0] == i + 1 and cs[x + 1][1] - i > 3:
                continue  # a longer word starts on this two-character one's second (Lexicon._straddles)
            out[k].append(Hit(i, j, text[i:j]))
            free[k] = j
    return out


@lru_cache(maxsize=32)  # one set per bureau vocabulary (labels.load_vocab keeps 18 variants)
def _merged(lexicons: tuple[Lexicon, ...]) -> dict[str, tuple[int, ...]]:
    """Every prefix of two or more characters of every lexicon's words, with the indices of the
    lexicons that hold it as a word (empty for a prefix only), built once per set of lexicons:
    the vocabularies live as long as the process."""
    merged: dict[str, tuple[int, ...]] = {}
    for k, lx in enumerate(lexicons):
        for w, is_word in lx._prefixes.items():
            ks = merged.setdefault(w, ())
            if is_word:
                merged[w] = (*ks, k)
    return merged


@lru_cache(maxsize=32)
def _heads(lexicons: tuple[Lexicon, ...]) -> frozenset[str]:
    """The first two characters of every word of the lexicons: the two-character keys of
    :func:`_merged`, as a set a fifth of its size (looked up at every position of a text)."""
    return frozenset(w[:2] for w in _merged(lexicons))
