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

from ..._data import package_yaml, rx


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
    office_end: Any
    opening_office: Any
    clause_office: Any
    forward: Any
    forward_split: Any
    qualifier: Any
    dateline: Any


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    d = package_yaml("gongwen.extract", "data/titles.yaml")
    strong = sorted(d["ends"]["strong"], key=len, reverse=True)
    weak = sorted(d["ends"]["weak"], key=len, reverse=True)
    ends = regex.compile("(?:" + "|".join(map(regex.escape, strong)) + ")|(?P<weak>"
                         + "|".join(map(regex.escape, weak)) + ")")
    joins = regex.compile("(?:" + "|".join(map(regex.escape, sorted(d["joins"], key=len, reverse=True))) + ")")
    office_end = "(?:" + "|".join(map(regex.escape, sorted(d["office_ends"], key=len, reverse=True))) + ")"
    opening = regex.compile(rf"(?P<who>[^\d\s，。、；：！？（）()《》“”\"]{{1,30}}?{office_end})(?={d['office_follow']})")
    # an office that opens a clause and acts: a Han character follows, not a list or a particle
    clause_office = regex.compile(rf"(?![{regex.escape(d['clause_office_not_start'])}])"
                                  rf"(?P<who>[\p{{Han}}]{{2,16}}?{office_end})(?=[\p{{Han}}])(?![的、和与及是])")
    return _Rules(ends, joins, regex.compile(d["cues"]), regex.compile(d["office"]), regex.compile(d["openers"]),
                  regex.compile(d["date_tail"]), regex.compile(d["not_title_start"]), regex.compile("[" + regex.escape(d["forbidden"]) + "]"),
                  int(d["max"]), regex.compile(office_end + "$"), opening, clause_office, regex.compile(d["forward"]),
                  regex.compile(d["forward_split"]), regex.compile(d["qualifier"]), regex.compile(d["dateline"]))


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


def names_office(text: str) -> bool:
    """Whether ``text`` ends like the name of an office (局, 委员会, 街道, 镇 …).

    >>> names_office("某县民政局"), names_office("某区政府门户网站"[:3])
    (True, False)
    """
    return bool(_rules().office_end.search(text))


def title_office(title: str) -> str | None:
    """The office a title opens with: its name, then a year, a period, 关于 or 工作.

    >>> title_office("某区市场监督管理局2023年工作总结"), title_office("某街道关于上半年工作情况的报告")
    ('某区市场监督管理局', '某街道')
    >>> title_office("2023年工作总结和2024年工作思路") is None
    True
    """
    m = _rules().opening_office.match(title)
    return m["who"] if m and len(m["who"]) >= 2 else None


def body_office(sentence: str) -> str | None:
    """The office a report's first sentence is about, when a clause opens on its name and goes
    on to say what it did: "今年以来，在县委、县政府的坚强领导下，中都街道深入贯彻…" → 中都街道
    (a clause that opens on 在… or names several offices is no subject; 我局 names none).

    >>> body_office("今年以来，在县委、县政府的坚强领导下，中都街道深入贯彻落实…")
    '中都街道'
    >>> body_office("2023年，我局坚持以人民为中心…") is None
    True
    """
    for clause in rx(r"[，,]").split(sentence)[:4]:
        m = _rules().clause_office.match(clause.strip())
        if m:
            return m["who"]
    return None


def forwarded(text: str) -> tuple[int, list[str]] | None:
    """A notice forwarding reports: where its title ends and the forwarded titles, the whole
    inner part first, then each report it names.

    >>> forwarded("某市卫健委关于印发2023年工作总结和2024年工作要点的通知各科室：…")
    (31, ['2023年工作总结和2024年工作要点', '2023年工作总结', '2024年工作要点'])
    >>> forwarded("某县民政局关于2023年工作情况的报告") is None
    True
    """
    r = _rules()
    m = r.forward.match(text)
    if m is None:
        return None
    inner = m["inner"]
    parts = [p.strip("《》 ") for p in r.forward_split.split(inner)]
    titles = [inner.replace("《", "").replace("》", "")] + (parts if len(parts) > 1 else [])
    return m.end(), [t for t in titles if t and has_title_word(t)]


def dateline(text: str) -> tuple[str, str] | None:
    """A speech's subtitle opening ``text``: the date as written and the office after it ("" if none).

    >>> dateline("——2024年1月6日在某县第十七届人民代表大会第二次会议上某县发展和改革局各位代表：受…")
    ('2024年1月6日', '某县发展和改革局')
    """
    m = _rules().dateline.match(text)
    return (m["date"], m["who"]) if m else None


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
    >>> t = "某县2023年计划执行情况与2024年计划(草案)报告(书面)——2024年1月6日在某县人民代表大会上"
    >>> t[:title_end(t)]
    '某县2023年计划执行情况与2024年计划(草案)报告(书面)'
    """
    r = _rules()
    if r.not_start.match(text):
        return None
    head = text[: r.max + 4]
    stop = r.forbidden.search(head)
    limit = min(stop.start() if stop else len(head), r.max)
    for m in r.ends.finditer(head, 0, limit):
        end = m.end()
        q = r.qualifier.match(text, end)
        if q:
            end = q.end()  # "…计划(草案)": the mark belongs to the title
        rest = text[end:]
        if r.joins.match(rest) or r.ends.match(rest):
            continue  # "…工作总结及…", "…情况的报告", "…工作情况汇报": the title goes on
        if not r.cues.search(text, 0, end):
            return None
        if not rest or r.openers.match(rest) or r.date_tail.fullmatch(rest) or r.dateline.match(rest):
            return end
        if r.forbidden.match(rest):
            return None  # "…工作情况，": the words of a sentence
        if m.group("weak") is None and r.office.search(text, 0, end):
            return end  # "某县民政局2023年工作总结县委、县政府…"
    return None


def opens_body(text: str, pos: int) -> bool:
    """Whether a body sentence opens at ``pos`` (2024年，…, 一年来, 今年 …: ``openers`` of titles.yaml)."""
    return _rules().openers.match(text, pos) is not None


@lru_cache(maxsize=1)
def _letterhead_rules() -> tuple[Any, str]:
    d = package_yaml("gongwen.extract", "data/titles.yaml")
    return regex.compile(d["letterhead"]), d["letterhead_mark"]


def letterhead(line: str) -> tuple[str | None, str] | None:
    """The office's mark (or None) and the document number a line of a letterhead consists of
    (a signer after the number dropped, spaces removed), or None for any other line.

    >>> letterhead("青民发〔2024〕3号"), letterhead("某县民政局文件 某民发〔2024〕3号 签发人：李明")
    ((None, '青民发〔2024〕3号'), ('某县民政局', '某民发〔2024〕3号'))
    >>> letterhead("依据青民发〔2024〕3号文件，…") is None
    True
    """
    m = _letterhead_rules()[0].fullmatch(line.strip())
    return (m["mark"], rx(r"\s+").sub("", m["number"])) if m else None


def letterhead_end(text: str) -> int | None:
    """The end of a letterhead (mark and number, no signer) that a dump ran into the title:
    ``"某县民政局文件某民发〔2024〕3号某县民政局2023年工作总结…"`` → 18.

    >>> letterhead_end("某县民政局文件某民发〔2024〕3号某县民政局2023年工作总结"), letterhead_end("某县民政局2023年工作总结")
    (18, None)
    """
    m = _letterhead_rules()[0].match(text)
    return m.end() if m and "签" not in m[0] and m.end() < len(text) else None


def letterhead_mark() -> str:
    """The word that ends an office's mark (某县民政局文件)."""
    return str(_letterhead_rules()[1])
