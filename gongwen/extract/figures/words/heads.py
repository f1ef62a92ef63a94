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

def _heads(key: str, end: bool = True) -> Any:
    """One list of heads.yaml as an alternation, longest first, ending the text when ``end``."""
    words = sorted(map(str, _HEADS[key]), key=len, reverse=True)
    return regex.compile("(?:" + "|".join(words) + ")" + ("$" if end else ""))

_CATEGORY_END = _heads("category_ends", end=False)

_CATEGORY_HEAD = _heads("category_heads")

_THING_HEAD = _heads("thing_heads")

_PEOPLE_HEAD = _heads("people_heads")

_MONEY_NOUN = regex.compile(r"(?<=[\p{Han}]{2})(?:资金|经费|投资|投入|收入|支出|产值|总值|额|增加值|结余|缺口|款|费|补助|奖补|工资)$")

_RATE_NOUN = regex.compile(r"(?:率|比例|比重|占比|水平|指数|系数|幅度|程度|强度|增速|增幅|降幅)$")

_COUNT_NOUN = rx(r"(?:人数|户数|人次|数|客运量|运量|流量|总量|存量)$")

# what a clause opens on when it goes on about what the clause before it counts (死亡7人, 增长11.3%)
_CONTINUES = _heads("continuations", end=False)
