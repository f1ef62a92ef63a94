"""Reports copied from a web page: the page's information fields and chrome around the report.

A report published on a government site and saved as text (or DOCX, or printed to PDF) often
starts with the page's information bar and ends with its buttons::

    标题：某县民政局2023年工作总结
    发布日期：2024-01-15  来源：某县民政局  浏览次数：356
    【字体：大 中 小】【打印】【关闭】

Field lines (``label：value``, labels in ``data/web_page.yaml``) at the top and bottom of the
document become paragraphs of kind ``meta``; their values give the metadata (title, issuer,
dates).  Chrome lines (buttons, font sizes, view counts, breadcrumbs) are dropped.  The
functions here only classify lines and read values; the cleaner and the metadata stage act.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ..._data import package_yaml, rx
from .title import has_title_word

_SEP = regex.compile(r"[\s\u3000|｜【】\[\]]+")
_PUNCT = regex.compile(r"[，。；！？,;!?]")
_BRACKETED = regex.compile(r"(?:[【\[][^】\]]+[】\]]\s*)+")
_SYMBOLS = regex.compile(r"[\p{P}\p{S}\s]+")  # "+" of a folded menu, "|", "——"
_SEGMENT_PUNCT = regex.compile(r"[，。；：！？,;:!?《》“”\"]")
_LEAD = regex.compile(r"[\s\u3000|｜【】\[\]\-·•]+")  # cell pipes, brackets, a list bullet before the first label
_DATE_VALUE = regex.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")


@dataclass(frozen=True)
class _Rules:
    role: dict[str, str]  # label -> role (title, issuer, written, published, other, chrome)
    label: Any  # a field's label (its characters perhaps spaced out), then ：/:
    weak: frozenset[str]
    not_offices: frozenset[str]
    not_office_ends: tuple[str, ...]
    chrome_words: frozenset[str]
    roots: frozenset[str]
    separator: Any  # one breadcrumb separator, repeated or not
    root_separator: Any  # the same, with those that count after a root only
    segment_max: int
    free_lines: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    d = package_yaml("gongwen.extract", "data/web_page.yaml")
    role = {label: r for r, labels in d["fields"].items() for label in labels}
    # "索 引 号：": a page's information table may space a label's characters out
    alt = "|".join(r"[ \u3000]*".join(map(regex.escape, x)) for x in sorted(role, key=len, reverse=True))
    bc = d["breadcrumb"]

    def seps(chars: list[str]) -> Any:
        return regex.compile(r"\s*(?:" + "|".join(regex.escape(c) for c in chars) + r")+\s*")

    return _Rules(role, regex.compile(rf"(?P<label>{alt})[ \u3000]*[：:]"), frozenset(d["weak"]),
                  frozenset(d["not_offices"]), tuple(d["not_office_ends"]), frozenset(d["chrome_words"]),
                  frozenset(bc["roots"]), seps(bc["separators"]), seps(bc["separators"] + bc["after_root"]),
                  int(bc["segment_max"]), int(d["free_lines"]))


@dataclass(frozen=True)
class Field:
    label: str
    role: str
    value: str


def _tokens(line: str) -> list[str]:
    return [t for t in _SEP.split(line) if t]


def fields(line: str) -> list[Field] | None:
    """The fields of a field line, or None when ``line`` is not one.

    A field line starts with a label; every other token belongs to a field's value or is a
    chrome word.  Cell pipes around a value and spaces inside a label are no part of either.

    >>> [(f.role, f.value) for f in fields("发布日期：2024-01-15 10:23  来源：某县民政局  浏览次数：356")]
    [('published', '2024-01-15 10:23'), ('issuer', '某县民政局'), ('chrome', '356')]
    >>> [(f.label, f.value) for f in fields("索 引 号: | 0012/2024-00012 | 发文机关: | 某县水利局 |")]
    [('索引号', '0012/2024-00012'), ('发文机关', '某县水利局')]
    >>> fields("全年发放低保金1.2亿元。") is None
    True
    """
    r = _rules()
    lead = _LEAD.match(line)
    m = r.label.match(line, lead.end() if lead else 0)
    out: list[Field] = []
    while m is not None:
        # "2024-01-15来源：…": a value may run into the next label
        nxt = r.label.search(line, m.end())
        label = rx(r"[ \u3000]").sub("", m["label"])
        out.append(Field(label, r.role[label], " ".join(_tokens(line[m.end():nxt.start() if nxt else len(line)]))))
        m = nxt
    return out or None


def is_breadcrumb(line: str) -> bool:
    """A breadcrumb: short segments joined by separators, a line going on from one, or a root.

    >>> is_breadcrumb("首页 > 政务公开 > 规划计划"), is_breadcrumb(">政务公开>重点工作"), is_breadcrumb("首页")
    (True, True, True)
    >>> is_breadcrumb("某县信息公开专栏 >> 水利局 >> 基础平台"), is_breadcrumb("增速 > 全市平均")
    (True, False)
    """
    r = _rules()
    s = line.strip()
    if s in r.roots:
        return True
    root = next((x for x in r.roots if s.startswith(x)), None)
    parts = (r.root_separator if root else r.separator).split(s)
    if len(parts) < 2 or any(len(p) > r.segment_max or _SEGMENT_PUNCT.search(p) for p in parts):
        return False
    if parts[0] == "":  # ">政务公开>重点工作": the breadcrumb of the line above goes on
        parts = parts[1:]
    elif not root and len(parts) < 3:
        return False
    return all(parts)


def is_chrome(line: str) -> bool:
    """A line of page chrome: buttons, font sizes, view counts, a breadcrumb, symbols only.

    >>> is_chrome("【字体：大 中 小】【打印本页】【关闭窗口】"), is_chrome("首页 > 政务公开 > 规划计划"), is_chrome("+")
    (True, True, True)
    >>> is_chrome("关闭")  # one word alone may be prose (a heading, a wrapped line)
    False
    """
    r = _rules()
    s = line.strip()
    if not s:
        return False
    if is_breadcrumb(s) or _SYMBOLS.fullmatch(s):
        return True
    fs = fields(s)
    if fs is not None:
        return all(f.role == "chrome" or (not f.value and f.label in r.chrome_words) for f in fs)
    toks = _tokens(s)
    if not all(t in r.chrome_words for t in toks):
        return False
    return len(toks) >= 2 or bool(_BRACKETED.fullmatch(s))


def _title_like(line: str) -> bool:
    return 0 < len(line) <= 60 and not _PUNCT.search(line)


def _walk(texts: Sequence[str | None], order: Iterable[int], chrome: set[int]) -> Iterator[tuple[int, str, Any]]:
    """The lines in ``order`` that are neither blank nor chrome (those go into ``chrome``), with
    their fields (None for a body line), up to the first missing line."""
    for i in order:
        t = texts[i]
        if t is None:
            return
        s = t.strip()
        if not s:
            continue
        if is_chrome(s):
            chrome.add(i)
            continue
        yield i, s, fields(s)


def page_lines(texts: Sequence[str | None]) -> tuple[set[int], set[int]]:
    """The field lines and the chrome lines at the top and bottom of a document.

    At the top: a block of field, chrome and blank lines, with at most ``free_lines``
    title-like lines among them (kept as body); it must hold a field line.  A title-like line
    above one that names a report is the name of the page's column (法定主动公开内容): chrome.
    At the bottom: field and chrome lines after the last body line.  Field lines with only weak
    labels (日期, 时间 …) count when the block has another field line.
    """
    r = _rules()
    meta: list[int] = []
    weak_meta: list[int] = []
    chrome: set[int] = set()
    free: list[tuple[int, str]] = []
    for i, s, fs in _walk(texts, range(len(texts)), chrome):
        if fs is not None:
            (weak_meta if all(f.label in r.weak for f in fs) and not _dated(fs) else meta).append(i)
            continue
        if len(free) < r.free_lines and _title_like(s):
            free.append((i, s))
            continue
        break
    if meta:
        named = next((k for k, (_i, s) in enumerate(free) if has_title_word(s)), 0)
        chrome.update(i for i, _s in free[:named])
    top = set(meta) | (set(weak_meta) if meta else set())
    for i, _s, fs in _walk(texts, range(len(texts) - 1, -1, -1), chrome):
        if fs is None or (all(f.label in r.weak for f in fs) and not top):
            break
        top.add(i)
    return top, chrome


def _dated(fs: list[Field]) -> bool:
    """A date field whose value is a date alone ("时间：2024-01-15 10:23"): never prose."""
    return fs[0].role in ("published", "written") and bool(_DATE_VALUE.fullmatch(fs[0].value))


def names_site(value: str) -> bool:
    """An issuer field's value that names the site or a paper, not an office (本站, 某区政府门户网站).

    >>> names_site("本站"), names_site("某区政府门户网站"), names_site("某县水利局")
    (True, True, False)
    """
    r = _rules()
    return value in r.not_offices or value.endswith(r.not_office_ends)


def field_values(lines: Iterable[str]) -> dict[str, str]:
    """The first non-empty value of each role among field lines (title, issuer, written …).

    An issuer field naming the site rather than an office (来源：本站) gives no issuer.
    """
    out: dict[str, str] = {}
    for line in lines:
        for f in fields(line) or ():
            if f.value and f.role not in out and not (f.role in ("issuer", "office") and names_site(f.value)):
                out[f.role] = f.value
    return out
