"""Document metadata from the text: title, signature block (issuer, date), year and kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ..._data import cn_number, package_yaml, rx
from ..._frozen import replace
from ...model import Heading, Metadata, Paragraph
from .title import (
    body_office,
    dateline,
    forwarded,
    has_title_word,
    letterhead,
    letterhead_mark,
    names_office,
    title_office,
)
from .webpage import field_values

_DATE = regex.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_ISO_DATE = regex.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
# A paragraph holding a date only (with a time or in brackets): a web page's date after its title.
_DATE_ONLY = regex.compile(r"[（(]?(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
                           r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?[)）]?")
_CN_DATE = regex.compile(r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,3})月(?P<d>[一二三四五六七八九十]{1,3})日")
_PUNCT = regex.compile(r"[。，、；：！？,;:!?]")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def _iso_date(text: str) -> str | None:
    m = _DATE.search(text) or _ISO_DATE.search(text)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        m = _CN_DATE.search(text)
        if not m:
            return None
        y = int("".join(_CN_DIGITS[c] for c in m["y"]))
        mo, d = int(cn_number(m["m"], "normal")), int(cn_number(m["d"], "normal"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def find_metadata(text: str, paragraphs: Sequence[Paragraph], headings: Sequence[Heading],
                  title_cues: Sequence[bool], pages: int | None = None, *,
                  date: str | None = None) -> tuple[Metadata, list[Paragraph]]:
    """Title, issuer, date, year and kind; returns the metadata and paragraphs re-labelled
    (``title``, ``signature``, ``date``).  ``title_cues`` flags paragraphs laid out as a title
    (centred, or set apart by the cleaner); ``date`` is a date known from outside (ISO: a saved
    page's publication or crawl date): the last evidence of the report's year, never the
    report's own date (the day 截至目前 means), which only the text states."""
    known_date = date
    paras = list(paragraphs)
    head_starts = {h.span.start for h in headings}
    title: str | None = None
    issuer: str | None = None
    date = None  # the date the text states (the argument is kept as known_date)

    # -- letterhead: the office's mark and the document number above the title -------------------
    doc_number, mark = _letterhead(text, paras, head_starts)
    body = [i for i, p in enumerate(paras) if p.kind == "body"]
    # -- title: the first paragraph, short, unpunctuated, not a heading, centred or titled --------
    if len(body) >= 2:
        i = body[0]
        t = text[paras[i].span.start:paras[i].span.end]
        if paras[i].span.start not in head_starts and len(t) <= 60 and not _PUNCT.search(t.rstrip("：:")) \
                and (title_cues[i] or has_title_word(t)) and not _DATE.fullmatch(t):
            title = t
            paras[i] = replace(paras[i], kind="title")
            own = _own_title(text, paras, body, head_starts)
            if own is not None:
                paras[i] = replace(paras[i], kind="meta")
                title = text[paras[own].span.start:paras[own].span.end]
                paras[own] = replace(paras[own], kind="title")
    # -- a notice forwarding a report: the report's own title is the document's -------------------
    fw = forwarded(title) if title else None
    inner = next((j for j in body[1:12] if fw and text[paras[j].span.start:paras[j].span.end] in fw[1]), None)
    if inner is not None:
        paras[body[0]] = replace(paras[body[0]], kind="meta")
        title = text[paras[inner].span.start:paras[inner].span.end]
        paras[inner] = replace(paras[inner], kind="title")
        # the notice is signed above the report: its office and date
        k = body.index(inner)
        date_i, who_i = body[k - 1], body[k - 2] if k >= 2 else None
        d = text[paras[date_i].span.start:paras[date_i].span.end].strip()
        if _DATE.fullmatch(d) or _CN_DATE.fullmatch(d):
            date = _iso_date(d)
            paras[date_i] = replace(paras[date_i], kind="date")
            w = text[paras[who_i].span.start:paras[who_i].span.end].strip() if who_i is not None else ""
            if who_i is not None and _names_office(w) and paras[who_i].span.start not in head_starts:
                issuer = w
                paras[who_i] = replace(paras[who_i], kind="signature")
    # -- a speech: the subtitle under its title gives the date delivered and the speaker's office -
    if title is not None and date is None:
        after = [j for j in body if paras[j].kind == "body" and paras[j].span.start > paras[body[0]].span.start][:2]
        dl = dateline(text[paras[after[0]].span.start:paras[after[0]].span.end]) if after else None
        if dl is not None:
            date = _iso_date(dl[0])
            who = dl[1] or (text[paras[after[1]].span.start:paras[after[1]].span.end].strip() if len(after) > 1 else "")
            if _names_office(who):
                issuer = who
    # -- a web page: its information fields, and teasers repeating the title -----------------------
    fields = field_values(text[p.span.start:p.span.end] for p in paras if p.kind == "meta")
    if fields.get("title"):
        title = fields["title"]
    if title is not None:
        # a web page (or a plain-text copy) may give the number right under the title
        number_under = _number_under_title(text, paras)
        doc_number = doc_number or number_under
    if doc_number is None and fields.get("number"):
        doc_number = (letterhead(fields["number"]) or (None, None))[1]
    posted = _repeats_of_title(text, paras, title)
    # -- signature block: a date line at the end, an issuer line before it ------------------------
    tail = [i for i in body if paras[i].kind == "body"][-3:]
    for i in reversed(tail if date is None else []):
        t = text[paras[i].span.start:paras[i].span.end].strip()
        if (_DATE.fullmatch(t) or _CN_DATE.fullmatch(t)) and date is None:
            date = _iso_date(t)
            paras[i] = replace(paras[i], kind="date")
            j = body.index(i) - 1
            if j >= 0:
                k = body[j]
                s = text[paras[k].span.start:paras[k].span.end].strip()
                if len(s) <= 40 and not _PUNCT.search(s) and paras[k].span.start not in head_starts:
                    issuer = s
                    paras[k] = replace(paras[k], kind="signature")
            break
        m = rx(r"(?P<who>[^\d。，；：]{2,40}?)\s*(?P<d>\d{4}年\d{1,2}月\d{1,2}日)").fullmatch(t)
        if m and names_office(m["who"]) and date is None:
            issuer, date = m["who"], _iso_date(m["d"])
            paras[i] = replace(paras[i], kind="signature")
            break
    if issuer is None and mark is not None:
        issuer = mark  # the letterhead's office (某县民政局文件 → 某县民政局)
    if issuer is None:
        # the page's 发文机关/发布机构 as written; a 来源 that names an office; the office the
        # title opens with (a 街道's or 镇's report: its figures' scope is the whole 街道, 镇)
        office, source = fields.get("office"), fields.get("issuer")
        issuer = office if office and _plain_name(office) else source if source and _names_office(source) \
            else title_office(title) if title else None
    if issuer is None:
        # no signature, field or title names it: the office the body's first sentence is about
        first = next((j for j in body if paras[j].kind == "body"), None)
        if first is not None:
            issuer = body_office(rx(r"[。！？]").split(text[paras[first].span.start:paras[first].span.end], maxsplit=1)[0])
    date_is_field = date is None
    if date is None:
        date = next(filter(None, (_iso_date(v) for v in (fields.get("written"), fields.get("published"), posted)
                                  if v)), None)
    # -- year, kind and period ---------------------------------------------------------------------
    ty = title_year(title) if title else None
    year = ty[0] if ty else None
    masked = bool(title and not ty and _MASKED_YEAR.search(title))
    if masked and date is not None and date_is_field:
        date = None  # a copy of a report whose year it withholds (20xx年…总结): the page's date is the copy's
    base = _base_kind(title) if title else None
    reviews = package_yaml("gongwen.extract", "data/titles.yaml").get("reviews_previous_year") or ()
    if year is not None and title and any(w in title for w in reviews):
        year, base = year - 1, "summary-plan"  # 2023年政府工作报告: 2022's work, 2023's plans
    if base is None:
        base = _kind_from_text(text)
    head = title or text[:400]
    months = _months(head, anywhere=not title)
    if year is None and date and not masked:
        year = _year_of_date(date, base)
    if year is None and not masked:
        # a body that opens on its year ("2022年，是…", "2023年以来，…") is about that year
        opening = next((text[p.span.start:p.span.end] for p in paras if p.kind == "body"), "")
        m = _OPENING_YEAR.match(opening)
        if m:
            year = int(m.group(1))
    if year is None and not masked:
        year = _most_named_year(text)
    if year is None and known_date and not masked:
        year = _year_of_date(known_date, base)
    kind, period = _kind_and_period(base, months, year)
    return Metadata(title=title, issuer=issuer, date=date, year=year, kind=kind, period=period, pages=pages,
                    doc_number=doc_number), paras


def _most_named_year(text: str) -> int | None:
    """The year a text without title, date or opening year names most; a year named as the base its
    figures are compared with ("是2018年全年投放量的1.58倍", "比2018年增长") is a past year, and counts
    for the year after it.

    >>> _most_named_year("今年上半年新增贷款476.68亿元，是2018年全年投放量的1.58倍。"), _most_named_year("无年份")
    (2019, None)
    """
    years = Counter(int(m[2]) + (1 if m[1] else 0) for m in _NAMED_YEAR.finditer(text))
    return years.most_common(1)[0][0] if years else None


_NAMED_YEAR = rx(r"(比|较|是|于|同)?(?<!\d)(20\d\d)年")


# a year a template or a 范文 page withholds: 20xx年, 20XX年, XX年, **年, ××年
_MASKED_YEAR = regex.compile(r"(?<!\d)(?:19|20|二〇)?(?:[xX×＊*_＿]{2}|[xX×＊*_＿]{4})\s*年")


def _own_title(text: str, paras: list[Paragraph], body: list[int], head_starts: set[int]) -> int | None:
    """The report's own title further down, when the first title-like line is a page's header.

    A page may open with its section's name or a short header that names the kind of report
    but not its year ("某局半年工作总结"), then the report's own title right above its text.
    The own title is a later line before the first heading that holds a title word, names a year
    (or withholds it: 20xx年), is no sentence (no punctuation, no closing 。) and is followed by
    the body's first paragraph (longer, punctuated).  Returns its paragraph index.
    """
    first = text[paras[body[0]].span.start:paras[body[0]].span.end]
    if title_year(first) or _MASKED_YEAR.search(first):
        return None
    for k, j in enumerate(body[1:8], start=1):
        if paras[j].span.start in head_starts:
            return None
        t = text[paras[j].span.start:paras[j].span.end].strip()
        if len(t) > 60 or _PUNCT.search(t) or t.endswith("。") or not has_title_word(t) \
                or not (title_year(t) or _MASKED_YEAR.search(t)) or k + 1 >= len(body):
            continue
        nxt = paras[body[k + 1]]
        if nxt.span.start not in head_starts and _PUNCT.search(text, nxt.span.start, nxt.span.end):
            return j
    return None


def _year_of_date(date: str, base: str | None) -> int:
    """The year a report dated ``date`` (ISO) is about: a summary dated in January or February
    reviews the year before, a plan dated from October on plans the next.

    >>> _year_of_date("2024-01-15", "summary"), _year_of_date("2023-11-20", "plan"), _year_of_date("2023-06-30", None)
    (2023, 2024, 2023)
    """
    y, mo = int(date[:4]), int(date[5:7])
    if base in ("summary", "summary-plan", "half-year") and mo <= 2:
        return y - 1
    return y + 1 if base == "plan" and mo >= 10 else y


def _letterhead(text: str, paras: list[Paragraph], head_starts: set[int]) -> tuple[str | None, str | None]:
    """The document number and the office's mark of a letterhead (版头) above the title: the
    first body paragraphs that are the mark (某县民政局文件, or the office alone right above the
    number) and the number.  Both become paragraphs of kind ``meta`` (``paras`` is changed)."""
    body = [i for i, p in enumerate(paras) if p.kind == "body"][:3]
    lines = [text[paras[i].span.start:paras[i].span.end].strip() for i in body]
    found = [letterhead(t) for t in lines]
    at = next((k for k, f in enumerate(found) if f), None)
    if at is None or at > 1 or any(paras[i].span.start in head_starts for i in body[:at + 1]):
        return None, None
    mark, number = found[at] or (None, "")
    if at == 1:  # the office's mark (or the office alone) right above the number
        w = lines[0].removesuffix(letterhead_mark())
        if not (_plain_name(w) and names_office(w)):
            return None, None
        mark = w
    for i in body[:at + 1]:
        paras[i] = replace(paras[i], kind="meta")
    return number, mark


def _number_under_title(text: str, paras: list[Paragraph]) -> str | None:
    """The document number standing alone under the title: the first paragraph of the text
    after the title and a web page's fields (made kind ``meta``)."""
    first = next((i for i, p in enumerate(paras) if p.kind == "body"), None)
    found = letterhead(text[paras[first].span.start:paras[first].span.end]) if first is not None else None
    if found is None or first is None or found[0] is not None:
        return None
    paras[first] = replace(paras[first], kind="meta")
    return found[1]


def _plain_name(s: str) -> bool:
    return len(s) <= 40 and not _PUNCT.search(s)


def _names_office(s: str) -> bool:
    """A 来源 value that names an office (not 本站, 原创, a newspaper)."""
    return _plain_name(s) and names_office(s)


def _repeats_of_title(text: str, paras: list[Paragraph], title: str | None) -> str | None:
    """Mark what repeats the title after it as ``meta``; return a date found there.

    Right after the title (or the page's field lines) a web page may repeat the title, or a
    teaser cut from it ("某县民政局2023年工…", or at least half of it), and give its date
    ("2024-01-15"): none of it is the report's text.  The first paragraph equal to a title given only by a 标题： field
    becomes the title paragraph.
    """
    has_title = any(p.kind == "title" for p in paras)
    date: str | None = None
    for i, p in enumerate(paras):
        if p.kind in ("meta", "title"):
            continue
        if p.kind != "body":
            break
        t = text[p.span.start:p.span.end].strip()
        if _DATE_ONLY.fullmatch(t):
            date = date or t
            paras[i] = replace(p, kind="meta")
            continue
        if not title:
            break
        if t == title and not has_title:
            paras[i] = replace(p, kind="title")
            has_title = True
            continue
        cut = t.rstrip("…. ")
        if t == title or (title.startswith(cut) and (cut != t or 2 * len(cut) >= len(title)) and len(cut) >= 4):
            paras[i] = replace(p, kind="meta")
            continue
        break
    return date


# -- report kind and period ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _KindRules:
    summary: Any  # pattern of summary words
    plan: Any  # pattern of plan words
    periods: Any  # pattern of period words (longest first)
    months: dict[str, tuple[int, int]]
    month_range: Any
    month: Any


@lru_cache(maxsize=1)
def _kind_rules() -> _KindRules:
    d = package_yaml("gongwen.extract", "data/titles.yaml")

    def alternation(words: Iterable[str]) -> Any:
        return regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)))

    months = {w: (int(v[0]), int(v[1])) for w, v in d["periods"].items()}
    return _KindRules(alternation(d["kinds"]["summary"]), alternation(d["kinds"]["plan"]), alternation(months),
                      months, rx(d["month_range"]), rx(d["month"]))


_YEAR = regex.compile(r"(?P<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年度?")


# a title opening on its year without 年: the year, then no digit, date or span mark
_BARE_YEAR = regex.compile(r"\s*(?P<y>(?:19|20)\d\d)(?=[^\d年度.．\-－—–~～/／至到、，,])")
_OPENING_YEAR = regex.compile(r"\s*(20\d\d)年(?:度)?(?:[，,]|以来|是|上半年|前三季度|一季度|[1１]\s*[-—至]\s*\d{1,2}月)")


def title_year(title: str) -> tuple[int, int] | None:
    """The first year a title names and where its mention ends; a title may also open on its year
    without 年 (a page's "2023老干部局上半年工作总结", "2023XX团委…").

    >>> title_year("某县民政局二〇二三年上半年工作总结"), title_year("2023老干部局上半年工作总结")
    ((2023, 10), (2023, 4))
    """
    m = _YEAR.search(title) or _BARE_YEAR.match(title)
    if not m:
        return None
    y = m["y"]
    return int(y if y.isdigit() else "".join(_CN_DIGITS[c] for c in y)), m.end()


def _base_kind(title: str) -> str | None:
    r = _kind_rules()
    summary, plan = bool(r.summary.search(title)), bool(r.plan.search(title))
    return "summary-plan" if summary and plan else "summary" if summary else "plan" if plan else None


@lru_cache(maxsize=1)
def _text_kinds() -> dict[str, list[str]]:
    """The phrases a report's first lines announce its kind by (data/titles.yaml text_kinds)."""
    kinds: dict[str, list[str]] = package_yaml("gongwen.extract", "data/titles.yaml")["text_kinds"]
    return kinds


def _kind_from_text(text: str) -> str | None:
    """A report without a title: the kind its first lines announce."""
    head = text[:400]
    if rx(r"上半年.{0,12}(?:总结|工作情况)").search(head):
        return "summary"
    if rx("|".join(_text_kinds()["summary"])).search(text[:3000]):
        return "summary"
    cited = rx("(?:" + "|".join(_text_kinds()["cited"]) + r")\p{Han}{0,6}$")
    if any(not cited.search(head, max(0, m.start() - 8), m.start())
           for m in rx("|".join(_text_kinds()["plan"])).finditer(head)):
        return "plan"
    return None


def _months(text: str, *, anywhere: bool) -> tuple[int, int] | None:
    """The months a title's period covers, named right after its year ("2023年上半年…").

    ``anywhere`` (a report without a title, its first lines): the first period phrase that
    a summary or plan word follows closely ("现将上半年工作总结如下").
    """
    r = _kind_rules()
    if not anywhere:
        ty = title_year(text) if _YEAR.search(text) else None  # (a bare year: the period words anywhere)
        starts = [ty[1]] if ty else sorted([m.start() for m in r.periods.finditer(text)][:1]
                                           + [m.start() for m in r.month.finditer(text) if m["fen"]][:1])[:1]
    else:
        starts = [m.start() for m in rx(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年度?|(?=[上下前一二三四第\d半])").finditer(text)]
    for pos in starts:
        ty = _YEAR.match(text, pos)
        at = ty.end() if ty else pos
        months: tuple[int, int] | None = None
        m = r.periods.match(text, at)
        if m:
            months = r.months[m.group()]
        else:
            mr = r.month_range.match(text, at)
            one = r.month.match(text, at)
            if mr and 1 <= int(mr["a"]) <= int(mr["b"]) <= 12:
                months, m = (int(mr["a"]), int(mr["b"])), mr
            elif one and (ty or one["fen"]) and 1 <= int(one["m"]) <= 12:
                months, m = (int(one["m"]), int(one["m"])), one  # "2023年4月", "4月份": one month
        if months is None or m is None:
            continue
        if anywhere and not (r.summary.search(text, m.end(), m.end() + 12) or r.plan.search(text, m.end(), m.end() + 12)):
            continue
        return months
    return None


def _kind_and_period(base: str | None, months: tuple[int, int] | None, year: int | None) -> tuple[str | None, str | None]:
    """A summary of a half year or of quarters is a "half-year" or "quarter" report; the
    period is ISO 8601: the year, or its first and last month.

    >>> _kind_and_period("summary-plan", (1, 6), 2023)
    ('half-year', '2023-01/2023-06')
    >>> _kind_and_period("summary", (1, 9), 2023), _kind_and_period("plan", None, 2024)
    (('quarter', '2023-01/2023-09'), ('plan', '2024'))
    >>> _kind_and_period("summary", (4, 4), 2022)  # a month's summary (4月份工作小结)
    ('summary', '2022-04')
    """
    kind = base
    if months is not None and months != (1, 12) and base in ("summary", "summary-plan"):
        a, b = months
        if months in ((1, 6), (7, 12)):
            kind = "half-year"
        elif a % 3 == 1 and b % 3 == 0:
            kind = "quarter"
    if year is None:
        return kind, None
    if months is None or months == (1, 12):
        return kind, str(year)
    if months[0] == months[1]:
        return kind, f"{year:04d}-{months[0]:02d}"
    return kind, f"{year:04d}-{months[0]:02d}/{year:04d}-{months[1]:02d}"
