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

from ..._data import package_yaml

_SEP = regex.compile(r"[\s\u3000|｜【】\[\]]+")
_PUNCT = regex.compile(r"[，。；！？,;!?]")
_BRACKETED = regex.compile(r"(?:[【\[][^】\]]+[】\]]\s*)+")


@dataclass(frozen=True)
class _Rules:
    role: dict[str, str]  # label -> role (title, issuer, written, published, other, chrome)
    label: Any  # a token that starts a field: label, then ：/:
    weak: frozenset[str]
    not_offices: frozenset[str]
    chrome_words: frozenset[str]
    breadcrumb: Any
    free_lines: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    d = package_yaml("gongwen.extract", "data/web_page.yaml")
    role = {label: r for r, labels in d["fields"].items() for label in labels}
    alt = "|".join(regex.escape(x) for x in sorted(role, key=len, reverse=True))
    return _Rules(role, regex.compile(rf"(?P<label>{alt})\s*[：:]"), frozenset(d["weak"]),
                  frozenset(d["not_offices"]), frozenset(d["chrome_words"]), regex.compile(d["breadcrumb"]), int(d["free_lines"]))


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
    chrome word.

    >>> [(f.role, f.value) for f in fields("发布日期：2024-01-15 10:23  来源：某县民政局  浏览次数：356")]
    [('published', '2024-01-15 10:23'), ('issuer', '某县民政局'), ('chrome', '356')]
    >>> fields("全年发放低保金1.2亿元。") is None
    True
    """
    r = _rules()
    out: list[tuple[str, list[str]]] = []
    for tok in _tokens(line):
        pos = 0
        while True:
            m = r.label.search(tok, pos)
            if m is None or (m.start() > pos and not out):
                break
            if m.start() > pos:  # "2024-01-15来源：…": the value ran into the next label
                out[-1][1].append(tok[pos:m.start()])
            out.append((m["label"], []))
            pos = m.end()
        rest = tok[pos:]
        if not rest:
            continue
        if not out:
            return None  # text before any label: not a field line
        out[-1][1].append(rest)
    if not out:
        return None
    return [Field(label, r.role[label], " ".join(v)) for label, v in out]


def is_chrome(line: str) -> bool:
    """A line of page chrome: buttons, font sizes, view counts, a breadcrumb.

    >>> is_chrome("【字体：大 中 小】【打印本页】【关闭窗口】"), is_chrome("首页 > 政务公开 > 规划计划")
    (True, True)
    >>> is_chrome("关闭")  # one word alone may be prose (a heading, a wrapped line)
    False
    """
    r = _rules()
    s = line.strip()
    if not s:
        return False
    if r.breadcrumb.match(s):
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
    title-like lines among them (kept as body); it must hold a field line.  At the bottom:
    field and chrome lines after the last body line.  Field lines with only weak labels (日期,
    时间 …) count when the block has another field line.
    """
    r = _rules()
    meta: list[int] = []
    weak_meta: list[int] = []
    chrome: set[int] = set()
    free = 0
    for i, s, fs in _walk(texts, range(len(texts)), chrome):
        if fs is not None:
            (weak_meta if all(f.label in r.weak for f in fs) else meta).append(i)
            continue
        if free < r.free_lines and _title_like(s):
            free += 1
            continue
        break
    top = set(meta) | (set(weak_meta) if meta else set())
    for i, _s, fs in _walk(texts, range(len(texts) - 1, -1, -1), chrome):
        if fs is None or (all(f.label in r.weak for f in fs) and not top):
            break
        top.add(i)
    return top, chrome


def field_values(lines: Iterable[str]) -> dict[str, str]:
    """The first non-empty value of each role among field lines (title, issuer, written …).

    An issuer field naming the site rather than an office (来源：本站) gives no issuer.
    """
    r = _rules()
    out: dict[str, str] = {}
    for line in lines:
        for f in fields(line) or ():
            if f.value and f.role not in out and not (f.role == "issuer" and f.value in r.not_offices):
                out[f.role] = f.value
    return out
