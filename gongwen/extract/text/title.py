"""Where a report's title ends, when a dump runs it into the body or wraps it over two lines.

A text dump (or a PDF's lines) may give the title and the body's first words as one line
("某县农业农村局2023年工作总结2023年，我局…"), or the title as two lines ("某县民政局2022年" +
"工作总结及2023年工作思路").  The title ends at a title word (``data/titles.yaml``) that is not
followed by a join (及, 和, 的 …) leading to a further part.  The functions here only find the
end; the cleaner cuts the characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ..._data import package_yaml


@dataclass(frozen=True)
class _Rules:
    ends: Any  # one pattern for every title word, group "weak" for weak ones
    joins: Any
    cues: Any
    openers: Any
    forbidden: Any
    max: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    d = package_yaml("gongwen.extract", "data/titles.yaml")
    strong = sorted(d["ends"]["strong"], key=len, reverse=True)
    weak = sorted(d["ends"]["weak"], key=len, reverse=True)
    ends = regex.compile("(?:" + "|".join(map(regex.escape, strong)) + ")|(?P<weak>"
                         + "|".join(map(regex.escape, weak)) + ")")
    joins = regex.compile("(?:" + "|".join(map(regex.escape, sorted(d["joins"], key=len, reverse=True))) + ")")
    return _Rules(ends, joins, regex.compile(d["cues"]), regex.compile(d["openers"]),
                  regex.compile("[" + regex.escape(d["forbidden"]) + "]"), int(d["max"]))


def max_title() -> int:
    return _rules().max


def looks_like_title(text: str) -> bool:
    """Short, unpunctuated, and naming a period or an office (a wrapped title's first line).

    >>> looks_like_title("某县民政局2022年"), looks_like_title("全年新增就业3260人，")
    (True, False)
    """
    r = _rules()
    return 0 < len(text) <= r.max and not r.forbidden.search(text) and bool(r.cues.search(text))


def title_end(text: str) -> int | None:
    """The end of the report title that opens ``text``, or None when no title opens it.

    The title ends at a title word not followed by a join; a weak title word (情况, 安排 …)
    ends it only at the end of ``text`` or before the opening of a body sentence.

    >>> t = "某县农业农村局2023年工作总结及2024年工作计划2023年，我局扎实推进各项工作。"
    >>> t[:title_end(t)]
    '某县农业农村局2023年工作总结及2024年工作计划'
    >>> title_end("2023年全县经济运行情况良好，主要指标稳中有进。") is None
    True
    >>> title_end("某县民政局2022年工作总结")
    14
    """
    r = _rules()
    head = text[: r.max + 4]
    stop = r.forbidden.search(head)
    limit = min(stop.start() if stop else len(head), r.max)
    for m in r.ends.finditer(head, 0, limit):
        end = m.end()
        rest = text[end:]
        if r.joins.match(rest):
            continue  # "…工作总结及…", "…情况的报告": the title goes on
        if rest and r.forbidden.match(rest):
            return None  # "…工作情况，": the words of a sentence
        if m.group("weak") is not None and rest and not r.openers.match(rest):
            continue  # "情况良好": prose, not a title
        return end if r.cues.search(text, 0, end) else None
    return None
