"""Periods and dates in report text, as ISO 8601 strings.

``find_periods`` recognises the time expressions of work reports — 2020年11月, 1-11月,
2020年1月至11月, 2020年1月起, 截止9月28日, 截至10月底, 前三季度, "十三五"期间, 2019年同期,
10月底前 — and gives each an ISO 8601 string and a kind.  Months and days without a year take
``year``; an unknown year is written ``XXXX`` (ISO 8601-2 unspecified digits).

>>> [(p.text, p.iso, p.kind) for p in find_periods("2021年1-9月发放救助金", year=2021)]
[('2021年1-9月', '2021-01/2021-09', 'interval')]
>>> [(p.iso, p.kind) for p in find_periods("截止9月28日，接待总数", year=2021)]
[('2021-09-28', 'date')]
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from typing import Literal

import regex

from ...._data import cn_number, group_numbers, rx
from ...._frozen import quick_init
from ....model import Span
from .units import alternation, load_yaml

__all__ = ["PeriodKind", "PeriodMention", "find_periods"]

PeriodKind = Literal["month", "interval", "open", "date", "year", "plan", "baseline", "deadline"]

_P = load_yaml("periods.yaml")
PLANS: dict[str, str] = {str(k): str(v) for k, v in _P["plans"].items()}
NAMED: dict[str, dict[str, object]] = {str(k): dict(v) for k, v in _P["named"].items()}


@quick_init
@dataclass(frozen=True)
class PeriodMention:
    """One time expression: its span, text, ISO 8601 value and kind."""

    span: Span
    text: str
    iso: str
    kind: PeriodKind


_S = r"[ \t\u3000]*"
_CN_DIGIT = "〇零○一二三四五六七八九"
_CN_YEAR_DIGITS = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0", "○": "0"}
_YEAR = rf"(?:(?:19|20)[0-9]{{2}}|[{_CN_DIGIT}]{{4}})"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CONN = r"(?:[-—–－~～〜]|至|到)"
_PART = r"(?:上旬|中旬|下旬|初|底|末)"
# 本年/当年 are left out on purpose: they refer to the year in context, not the report year
_REL_SHIFT = {"今年": 0, "去年": -1, "上年": -1, "明年": 1}
_REL = "|".join(_REL_SHIFT)


def _date(p: str) -> str:
    """One date expression with groups prefixed by ``p``: [Y年] [M月 [D日 | 旬/底]]."""
    return (
        rf"(?:(?:(?P<{p}y>{_YEAR}){_S}年|(?P<{p}rel>{_REL}))(?:(?P<{p}fy>度)|(?P<{p}ypart>底|末))?{_S})?"
        rf"(?:(?P<{p}m>{_MONTH}){_S}月份?{_S}"
        rf"(?:(?P<{p}d>{_DAY})(?:{_S}{_CONN}{_S}(?P<{p}d2>{_DAY}))?{_S}[日号]|(?P<{p}part>{_PART}))?)?"
    )


_AS_OF_WORDS = ("截至", "截止", "截至到", "截止到", "截止至")
_PREFIX = r"(?P<pre>截至到|截止到|截止至|截至|截止|自|从|至|到)?"
_SUFFIX = r"(?P<suf>以来|之前|以前|前|起|同期|期间|止)?"
_DATE_RE = regex.compile(
    rf"(?=[截自从至到今本当去上明0-9{_CN_DIGIT}十])(?=[^\n。，；]{{0,16}}?[年月日号])" + _PREFIX + _S
    + r"(?<![0-9.])(?:"
    # year + bare first month: 2020年1-11月, 1至10月份; or bare first year: 2016-2020年
    + rf"(?:(?:(?P<ay>{_YEAR}){_S}年|(?P<arel>{_REL})){_S})?(?P<an>{_MONTH}|{_YEAR}){_S}{_CONN}{_S}(?={_YEAR}{_S}年|{_MONTH}{_S}月)"
    + r"|" + _date("a") + rf"(?:{_S}{_CONN}{_S}(?=[0-9{_CN_DIGIT}十]))?"
    + r")"
    + rf"(?:(?<={_CONN}{_S})" + _date("b") + r")?"
    + _S + _SUFFIX
)
_PLAN_RE = regex.compile(
    r"(?<![一二三四五六七八九十百千万零两])"
    rf"[“\"「]?(?P<plan>{alternation(PLANS)})[”\"」]?(?P<tail>期间|时期|规划期|期)?(?![0-9一二三四五六七八九])"
)
# a numeral right before a word that could go on from it (5年内, 十一季度) makes it no period; a word that
# opens otherwise (前三季度) is one after a number too — "表1前三季度…情况", a table's caption — and is never
# read as the shorter word inside it (三季度)
_NUMERAL_BEFORE = "0-9一二三四五六七八九十两几数多"
_GOES_ON = tuple(w for w in NAMED if w[0] == "年" or w[0] in _NUMERAL_BEFORE)
_NAMED_RE = regex.compile(rf"(?P<named>(?<![{_NUMERAL_BEFORE}])(?:{alternation(_GOES_ON)})"
                          rf"|{alternation(w for w in NAMED if w not in _GOES_ON)})")
_BASELINE_BEFORE = rx(r"(?:比|较|同比|环比)\Z")
_FROM_BEFORE = rx(r"由\s*\Z")
_AS_OF_BEFORE = regex.compile(r"(?:截至到|截止到|截止至|截至|截止)\s*\Z")
_YEAR_BEFORE = regex.compile(rf"(?<![0-9])(?P<y>{_YEAR}){_S}年(?:度)?{_S}\Z")
_SINCE_RE = regex.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<suf>以来|年以来)")
# the groups of the patterns read at every match, by number (see group_numbers)
_DG, _PG, _NG, _YG = map(group_numbers, (_DATE_RE, _PLAN_RE, _NAMED_RE, _YEAR_BEFORE))
_DATE_NAMES, _DATE_NUMBERS = tuple(_DATE_RE.groupindex), tuple(_DATE_RE.groupindex.values())


def _cn_int(s: str) -> int:
    """An integer written in Arabic or Chinese digits (年: digit by digit; 月/日: cn2an)."""
    if s.isdigit() and s.isascii():
        return int(s)
    if len(s) == 4 and all(c in _CN_YEAR_DIGITS for c in s):
        return int("".join(_CN_YEAR_DIGITS[c] for c in s))
    return int(cn_number(s, "smart"))


def _ym(y: int | None, m: int) -> str:
    return f"{'XXXX' if y is None else y:}-{m:02d}"


def _last_day(y: int | None, m: int) -> int:
    return calendar.monthrange(y if y is not None else 2001, m)[1]


def _one(g: dict[str, str | None], p: str, year: int | None, end: bool) -> tuple[str, int | None, str]:
    """ISO of one date expression and its precision ("year" | "month" | "day")."""
    y = _year(g, p, year)
    if g.get(p + "m"):
        m = _cn_int(g[p + "m"])  # type: ignore[arg-type]
        if g.get(p + "d"):
            d = _cn_int(g[p + "d2"] if end and g.get(p + "d2") else g[p + "d"])  # type: ignore[arg-type]
            return f"{_ym(y, m)}-{d:02d}", y, "day"
        if g.get(p + "part") in ("底", "末"):
            # 截至11月底 keeps the printed precision: the month, not a day nobody wrote
            return _ym(y, m), y, "monthend"
        return _ym(y, m), y, "month"
    if g.get(p + "ypart") and y is not None:  # 2020年底: the year's last month
        return f"{y}-12", y, "monthend"
    if g.get(p + "y") or g.get(p + "rel"):
        return ("XXXX" if y is None else f"{y}"), y, "year"
    return "", y, ""


def _year(g: dict[str, str | None], p: str, year: int | None) -> int | None:
    """The year of a date expression: written, relative to the reference (去年), or the reference."""
    if g.get(p + "y"):
        return _cn_int(g[p + "y"])  # type: ignore[arg-type]
    rel = g.get(p + "rel")
    if rel and year is not None:
        return year + _REL_SHIFT[rel]
    return year


def _from_date_match(mt: regex.Match[str], year: int | None) -> tuple[str, PeriodKind] | None:
    g = dict(zip(_DATE_NAMES, mt.group(*_DATE_NUMBERS)))  # mt.groupdict(), read by number
    pre, suf = g.get("pre") or "", g.get("suf") or ""
    if g.get("an"):  # bare first element of a range: its level is the second element's
        if not (g.get("by") or g.get("bm")):
            return None
        if g.get("bm"):
            y = _year(g, "a", year) if (g.get("ay") or g.get("arel")) else (
                _cn_int(g["by"]) if g.get("by") else year)
            lo, hi = _cn_int(g["an"]), _cn_int(g["bm"])
            if not 1 <= lo <= hi <= 12:
                return None
            b = dict(g, by=str(y) if y is not None else None)
            hi_iso = _one(b, "b", year, True)[0]
            return f"{_ym(y, lo)}/{hi_iso}", "interval"
        return f"{_cn_int(g['an'])}/{_cn_int(g['by'])}", "interval"
    a_iso, ay, a_prec = _one(g, "a", year, False)
    if not a_iso:
        return None
    if g.get("ad2"):  # 10月16-18日
        return f"{a_iso}/{_one(g, 'a', year, True)[0]}", "interval"
    if g.get("bm") or g.get("by"):
        b = dict(g)
        if not b.get("by") and ay is not None:
            b["by"] = str(ay)
        return f"{a_iso}/{_one(b, 'b', year, True)[0]}", "interval"
    if suf in ("前", "之前", "以前"):
        if a_prec == "monthend":  # 11月底前, 2020年底前: the printed precision, a month
            y, m = ay, (_cn_int(g["am"]) if g.get("am") else 12)
            return _ym(y, m), "deadline"
        if a_prec == "month":
            y, m = ay, _cn_int(g["am"])
            return f"{_ym(y, m)}-{_last_day(y, m):02d}" if g.get("apart") else a_iso, "deadline"
        return a_iso, "deadline"
    if suf == "同期":
        return a_iso, "baseline"
    if suf in ("起", "以来") or (pre in ("自", "从") and suf != "止"):
        return f"{a_iso}/..", "open"
    if a_prec in ("day", "monthend") or (pre in _AS_OF_WORDS and a_prec == "month"):
        return a_iso, "date"
    if a_prec == "month":
        return a_iso, "month"
    return a_iso, "year"


def _from_named(word: str, year: int | None, date: str | None) -> tuple[str, PeriodKind] | None:
    spec = NAMED[word]
    kind: PeriodKind = spec["kind"]  # type: ignore[assignment]
    y = None if year is None else year + int(spec.get("shift", 0))  # type: ignore[call-overload]
    ys = "XXXX" if y is None else str(y)
    if spec.get("to_date"):
        if kind == "date":
            return (date, "date") if date else None
        if not date and y is not None:
            return ys, "year"  # 今年以来 in a report without a date: the year is all that is known
        start = _ym(y, int(spec["start"]))  # type: ignore[call-overload]
        if date is not None and start.endswith("-01") and date == f"{ys}-12":
            return ys, kind  # 今年以来 in a year's summary: its now is the year's close, so the whole year
        return f"{start}/{date or '..'}", kind
    if kind == "deadline":  # 年底前: the printed precision, a month
        return _ym(y, int(spec["end"])), kind  # type: ignore[call-overload]
    if "start" in spec:
        s, e = int(spec["start"]), int(spec["end"])  # type: ignore[call-overload]
        return (_ym(y, s) if s == e else f"{_ym(y, s)}/{_ym(y, e)}"), kind
    return ys, kind


def find_periods(text: str, *, year: int | None = None, date: str | None = None) -> list[PeriodMention]:
    """Every time expression in ``text``, left to right, non-overlapping (longest wins).

    ``year`` is the document year for months written without one; ``date`` (ISO) is the
    document date, used by 今年以来 and 截至目前.
    """
    cands: list[tuple[int, int, str, PeriodKind]] = []
    for mt in _PLAN_RE.finditer(text):
        cands.append((mt.start(), mt.end(), PLANS[mt[_PG.plan]], "plan"))
    for mt in _NAMED_RE.finditer(text):
        s = mt.start()
        spec = NAMED[mt[_NG.named]]
        if _unless(spec, "not_after", text, s) or _unless(spec, "not_before", text, mt.end()) \
                or _qualifies_plan(spec, text, s, mt.end()):
            continue  # 年初确定的任务, 年初预算: not a moment the figures stand at
        own = _YEAR_BEFORE.search(text, max(0, s - 8), s)
        if own and "start" in spec:  # 2023年上半年: the part of the year written
            s, r = own.start(), _from_named(mt[_NG.named], _cn_int(own[_YG.y]), date)
            pre = _AS_OF_BEFORE.search(text, max(0, s - 5), s)
            if pre is not None:  # 截至2025年秋季开学: one expression, not 截至2025年 and a named part
                s = pre.start()
        else:
            r = _from_named(mt[_NG.named], year, date)
        if r:
            iso, kind = r
            if (kind != "baseline" and (kind != "date" or "start" in spec)
                    and (_BASELINE_BEFORE.search(text, max(0, s - 2), s)
                         or (_FROM_BEFORE.search(text, max(0, s - 2), s) and text.startswith("的", mt.end())))):
                kind = "baseline"  # 增速比上半年加快…, 较年初, 由年初的: a comparison, not a reporting period
            cands.append((s, mt.end(), iso, kind))
    for mt in _SINCE_RE.finditer(text):
        cands.append((mt.start(), mt.end(), f"{mt['y']}/..", "open"))
    for mt in _DATE_RE.finditer(text):
        if mt.end() == mt.start() or not (mt[_DG.ay] or mt[_DG.am] or mt[_DG.an] or mt[_DG.arel]):
            continue
        # a bare year needs 年 right after it, not a count like 2020年度 … fine, but 2156人 no
        r = _from_date_match(mt, year)
        if r:
            s, e = mt.start(), mt.end()
            while e > s and text[e - 1] in " \t\u3000":
                e -= 1
            if mt[_DG.pre] in ("至", "到") and not _starts_clause(text, s):
                s = mt.start(_DG.pre) + len(mt[_DG.pre])  # "提高至2020年" is not an as-of
                s = _skip_space(text, s)
            iso, kind = r
            if _BASELINE_BEFORE.search(text, max(0, s - 2), s) or (
                    kind != "interval" and _FROM_BEFORE.search(text, max(0, s - 2), s) and text.startswith("的", e)):
                kind = "baseline"  # 比上年末, 较2019年, 由2023年的…: a comparison, not a reporting period
            cands.append((s, e, iso, kind))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[PeriodMention] = []
    last = -1
    for s, e, iso, kind in cands:
        if kind in ("month", "date") and _QUOTED_NAME_OPEN.search(text, max(0, s - 1), s) \
                and _QUOTED_NAME_CLOSE.match(text, e):
            continue  # “四月八”, “三月三”: a festival's name, not a time of the report
        if s >= last:
            out.append(PeriodMention(Span(s, e), text[s:e], iso, kind))
            last = e
    return out


_QUOTED_NAME_OPEN = regex.compile(r"[“\"「『‘]$")
_QUOTED_NAME_CLOSE = regex.compile(r"[^“”\"「」『』‘’\d，,。；;]{0,3}[”\"」』’]")


def _unless(spec: dict[str, object], key: str, text: str, i: int) -> bool:
    """Whether a named period's word stands right after (``not_before``) or right before
    (``not_after``) one of the words its periods.yaml entry lists under ``key``."""
    words = spec.get(key)
    if not words:
        return False
    if key == "not_before":
        return any(text.startswith(w, i) for w in words)  # type: ignore[attr-defined]
    return any(text.endswith(w, 0, i) for w in words)  # type: ignore[attr-defined]


def _qualifies_plan(spec: dict[str, object], text: str, s: int, e: int) -> bool:
    """Whether a named moment inside a clause qualifies a plan's noun phrase that follows it (占年初审计项目
    计划20个的135%: the plan made at the year's start, not a moment the figures stand at) — periods.yaml
    ``not_before_phrase``; a moment opening its clause (年初，…; 年初全县…) is not one."""
    words = spec.get("not_before_phrase")
    if not words or s == 0 or not _HAN_CHAR.match(text, s - 1):
        return False
    j = e
    while j < min(len(text), e + 8) and _HAN_CHAR.match(text, j):
        j += 1
        if any(text.startswith(w, j) for w in words):  # type: ignore[attr-defined]
            return True
    return False


_HAN_CHAR = regex.compile(r"\p{Han}")


def _starts_clause(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u3000":
        j -= 1
    return j < 0 or text[j] in "，,。；;：:（(\n、"


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\u3000":
        i += 1
    return i
