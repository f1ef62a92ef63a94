"""Word classes the labeller reads categories and measures by: the head nouns of
``data/heads.yaml`` (categories, counted things, populations, action verbs) and the endings that
say a phrase names a rate, an amount or a count.  Shared by :mod:`.labeller` (programs and 分别
lists), :mod:`.scope` and its evidence modules (scopes) and :mod:`.metrics` (what a figure measures).
"""

from __future__ import annotations

from typing import Any

import regex

from ...._data import package_yaml, rx

# quotation marks around a name (“一肩挑”比例)
_QUOTES = regex.compile(r"[“”‘’\"'《》〈〉「」]")

# head nouns (data/heads.yaml): of categories, of counted things kept whole, of populations
_HEADS = package_yaml("gongwen.extract", "data/heads.yaml")

def _in_order(words: Any) -> str:
    """One list of a data file as an alternation in its written order (where two items fit at one
    place the first wins); an item may carry a pattern, as in the head lists.

    >>> _in_order(["今年以来", "今年", "站(?!点)"])
    '今年以来|今年|站(?!点)'
    """
    return "|".join(map(str, words))


def _heads(key: str, end: bool = True) -> Any:
    """One list of heads.yaml as an alternation, longest first, ending the text when ``end``."""
    words = sorted(map(str, _HEADS[key]), key=len, reverse=True)
    return regex.compile("(?:" + "|".join(words) + ")" + ("$" if end else ""))

_CATEGORY_END = _heads("category_ends", end=False)

_CATEGORY_HEAD = _heads("category_heads")

_THING_HEAD = _heads("thing_heads")

_PEOPLE_HEAD = _heads("people_heads")

_MONEY_NOUN = regex.compile(r"(?<=[\p{Han}]{2})(?:" + _in_order(_HEADS["money_ends"]) + ")$")

_RATE_NOUN = regex.compile("(?:" + _in_order(_HEADS["rate_ends"]) + ")$")

_COUNT_NOUN = rx("(?:" + _in_order(_HEADS["count_ends"]) + ")$")

# what a clause opens on when it goes on about what the clause before it counts (死亡7人, 增长11.3%)
_CONTINUES = _heads("continuations", end=False)
