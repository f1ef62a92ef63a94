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
    office: Any
    openers: Any
    date_tail: Any
    not_start: Any
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
    return _Rules(ends, joins, regex.compile(d["cues"]), regex.compile(d["office"]), regex.compile(d["openers"]),
                  regex.compile(d["date_tail"]), regex.compile(d["not_title_start"]), regex.compile("[" + regex.escape(d["forbidden"]) + "]"),
                  int(d["max"]))


def max_title() -> int:
    return _rules().max


def looks_like_title(text: str) -> bool:
    """Short, unpunctuated, and naming a period or an office (a wrapped title's first line).

    >>> looks_like_title("某县民政局2022年"), looks_like_title("全年新增就业3260人，")
    (True, False)
    """
    r = _rules()
    return 0 < len(text) <= r.max and not r.forbidden.search(text) and bool(r.cues.search(text)) \
        and not r.not_start.match(text)


def has_title_word(text: str) -> bool:
    """Whether ``text`` holds a title word (总结, 计划, 情况, 汇报 …).

    >>> has_title_word("某县民政局2023年第三季度工作情况汇报"), has_title_word("一、主要工作")
    (True, False)
    """
    return bool(_rules().ends.search(text))


def title_end(text: str) -> int | None:
    """The end of the report title that opens ``text``, or None when no title opens it.

    The title ends at a title word followed neither by a join nor by another title word.
    Unless the title names an office and the word is a strong one (总结, 计划 …), what follows
    must open a body sentence (a year, 今年以来, 一、 …) or be nothing at all.

    >>> t = "某县农业农村局2023年工作总结及2024年工作计划2023年，我局扎实推进各项工作。"
    >>> t[:title_end(t)]
    '某县农业农村局2023年工作总结及2024年工作计划'
    >>> title_end("2023年全县经济运行情况良好，主要指标稳中有进。") is None
    True
    >>> title_end("现将我局2023年上半年工作总结如下。") is None
    True
    >>> title_end("某县民政局2022年工作总结")
    14
    >>> title_end("2023年民政工作总结2024-01-15")  # a web page's date run into the title
    11
    """
    r = _rules()
    if r.not_start.match(text):
        return None
    head = text[: r.max + 4]
    stop = r.forbidden.search(head)
    limit = min(stop.start() if stop else len(head), r.max)
    for m in r.ends.finditer(head, 0, limit):
        end = m.end()
        rest = text[end:]
        if r.joins.match(rest) or r.ends.match(rest):
            continue  # "…工作总结及…", "…情况的报告", "…工作情况汇报": the title goes on
        if not r.cues.search(text, 0, end):
            return None
        if not rest or r.openers.match(rest) or r.date_tail.fullmatch(rest):
            return end
        if r.forbidden.match(rest):
            return None  # "…工作情况，": the words of a sentence
        if m.group("weak") is None and r.office.search(text, 0, end):
            return end  # "某县民政局2023年工作总结县委、县政府…"
    return None


def opens_body(text: str, pos: int) -> bool:
    """Whether a body sentence opens at ``pos`` (2024年，…, 一年来, 今年 …: ``openers`` of titles.yaml)."""
    return _rules().openers.match(text, pos) is not None
