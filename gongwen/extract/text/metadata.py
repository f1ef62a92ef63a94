"""Document metadata from the text: title, signature block (issuer, date), year and kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import regex

from ..._data import cn_number
from ...model import Heading, Metadata, Paragraph

_DATE = regex.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_CN_DATE = regex.compile(r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,3})月(?P<d>[一二三四五六七八九十]{1,3})日")
_ISSUER_END = regex.compile(r"(?:局|委员会|委|办公室|办|政府|厅|部|中心|院|所|站|会|公司|处|科|队|街道|镇|乡)$")
_PUNCT = regex.compile(r"[。，、；：！？,;:!?]")
_TITLE_WORDS = regex.compile(r"总结|计划|要点|报告|安排|打算|思路")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def _iso_date(text: str) -> str | None:
    m = _DATE.fullmatch(text) or _DATE.search(text)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        m = _CN_DATE.fullmatch(text) or _CN_DATE.search(text)
        if not m:
            return None
        y = int("".join(_CN_DIGITS[c] for c in m["y"]))
        mo, d = int(cn_number(m["m"], "normal")), int(cn_number(m["d"], "normal"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def find_metadata(text: str, paragraphs: Sequence[Paragraph], headings: Sequence[Heading],
                  title_cues: Sequence[bool], pages: int | None = None) -> tuple[Metadata, list[Paragraph]]:
    """Title, issuer, date, year and kind; returns the metadata and paragraphs re-labelled
    (``title``, ``signature``, ``date``).  ``title_cues`` flags paragraphs laid out as a title
    (centred, or set apart by the cleaner)."""
    paras = list(paragraphs)
    head_starts = {h.span.start for h in headings}
    title: str | None = None
    issuer: str | None = None
    date: str | None = None

    body = [i for i, p in enumerate(paras) if p.kind == "body"]
    # -- title: the first paragraph, short, unpunctuated, not a heading, centred or titled --------
    if len(body) >= 2:
        i = body[0]
        t = text[paras[i].span.start:paras[i].span.end]
        if paras[i].span.start not in head_starts and len(t) <= 60 and not _PUNCT.search(t.rstrip("：:")) \
                and (title_cues[i] or _TITLE_WORDS.search(t)) and not _DATE.fullmatch(t):
            title = t
            paras[i] = replace(paras[i], kind="title")
    # -- signature block: a date line at the end, an issuer line before it ------------------------
    tail = [i for i in body if paras[i].kind == "body"][-3:]
    for i in reversed(tail):
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
        m = regex.fullmatch(r"(?P<who>[^\d。，；：]{2,40}?)\s*(?P<d>\d{4}年\d{1,2}月\d{1,2}日)", t)
        if m and _ISSUER_END.search(m["who"]) and date is None:
            issuer, date = m["who"], _iso_date(m["d"])
            paras[i] = replace(paras[i], kind="signature")
            break
    # -- year and kind -------------------------------------------------------------------------------
    year: int | None = None
    if title:
        ym = regex.search(r"(\d{4})年", title)
        if ym:
            year = int(ym.group(1))
    kind = _kind(title or "", text)
    if year is None and date:
        y, mo = int(date[:4]), int(date[5:7])
        year = y - 1 if (kind in ("summary", "summary-plan") and mo <= 2) else y
        if kind == "plan" and mo >= 10:
            year = y + 1
    if year is None:
        years = Counter(int(y) for y in regex.findall(r"(?<!\d)(20\d\d)年", text))
        if years:
            year = years.most_common(1)[0][0]
    return Metadata(title=title, issuer=issuer, date=date, year=year, kind=kind, pages=pages), paras


def _kind(title: str, text: str) -> str | None:
    if title:
        if "总结" in title and regex.search(r"计划|打算|思路|安排", title):
            return "summary-plan"
        if "总结" in title:
            return "half-year-summary" if "半年" in title else "summary"
        if regex.search(r"计划|要点|安排", title):
            return "plan"
    head = text[:400]
    if regex.search(r"上半年.{0,12}(?:总结|工作情况)", head):
        return "half-year-summary"
    if regex.search(r"总结如下|工作总结|工作完成情况|主要成效|工作开展情况", text[:3000]):
        return "summary"
    if regex.search(r"工作计划|工作要点|工作安排", head):
        return "plan"
    return None
