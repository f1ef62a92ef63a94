"""The matching copy of a text: full-width characters folded and the spans that cannot hold a
quantity blanked, one character for one, so every offset of a match is the text's own.

Dates and periods (:func:`.periods.find_periods`), clock minutes (8时30分), document numbers (民发〔2020〕69号), titles in
《》, ordinals (第3号, 第二次), figure and table numbers, phone numbers, the fixed words of
``units.yaml`` (十三五, 一肩挑) and quoted slogans that open on a numeral are masked.

>>> prepare("１，２３４人，见表3，民发〔2020〕69号").replace("\\x00", "_")
'1,234人，见__，民发_________'
"""

from __future__ import annotations

import re

import regex

from .periods import PeriodMention, find_periods
from .units import TABLES, alternation

__all__ = ["prepare"]

# -- input folding (1:1, so offsets are kept) -----------------------------------------------
_FOLD: dict[int, str] = {0xFF10 + i: chr(0x30 + i) for i in range(10)}
_FOLD |= {0xFF21 + i: chr(0x41 + i) for i in range(26)} | {0xFF41 + i: chr(0x61 + i) for i in range(26)}
_FOLD |= {ord("％"): "%", ord("℅"): "%", ord("．"): ".", ord("／"): "/", ord("～"): "~",
          ord("－"): "-", ord("﹪"): "%", ord("−"): "-"}
# a plain character class: the standard library scans it about ten times faster than ``regex``
_NEEDS_FOLD = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD)) + "]")
_FW_COMMA = regex.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")

# -- masks: spans that cannot hold a quantity ---------------------------------------------
_FIXED_FIRST = "".join(sorted({w[0] for w in TABLES.fixed_words}))
_MASK_RE = regex.compile(
    rf"(?=[《〔\[［【(（第图表附0-9电热零〇一二两三四五六七八九十{regex.escape(_FIXED_FIRST)}])"
    r"(?:《[^》\n]{0,100}》"                                                 # titles
    r"|[〔\[［【(（]\s*(?:19|20)[0-9]{2}\s*[〕\]］】)）]\s*(?:第\s*)?[0-9]+\s*号"  # 民发〔2020〕69号
    r"|第\s*[0-9零〇一二两三四五六七八九十百千]+"                              # 第3号, 第二次, 第一
    r"|(?:图|表|附件|附表)\s*[0-9]+"                                         # 图1, 表3
    r"|(?<![0-9])0[0-9]{2,3}\s*[-—－]\s*[0-9]{7,8}(?![0-9])"                  # 0817-1234567
    r"|(?<![0-9])1[3-9][0-9]{9}(?![0-9])"                                    # mobile numbers
    r"|[0-9]{3,6}(?=[\p{Han}]{0,8}热线)|(?:电话|热线)[:：]?\s*[0-9][0-9\-—]{2,}+"  # 12345热线
    # …unless a counter follows: 受理呼救电话 48216 次 counts calls
    r"(?!\s*(?:万|亿)?(?:" + alternation(TABLES.call_counters) + r"))"
    r"|(?<![0-9])(?:" + alternation(TABLES.fixed_words) + r")(?![0-9])"
    # the minutes of a clock time or of a duration in hours (8时30分, 1小时20分): no score in 分
    r"|(?<=[0-9]\s*(?:小时|时|点)\s*)[0-9]{1,2}\s*分(?![贝钟])"
    # a quoted slogan that opens on a numeral names something: “三个责任人”, “15分钟就业服务圈”
    r"|(?<=[“\"「『])[0-9零〇一二两三四五六七八九十百]+[^”\"」』\n，。；、0-9]{1,10}(?=[”\"」』]))"
)


def _mask(work: str, year: int | None, periods: list[PeriodMention] | None = None) -> str:
    """Blank out (same length) the spans that cannot hold a quantity."""
    cuts = [(m.start(), m.end()) for m in _MASK_RE.finditer(work)]
    if periods is None:
        periods = find_periods(work, year=year)
    cuts += [(p.span.start, p.span.end) for p in periods]
    if not cuts:
        return work
    cuts.sort()
    parts, pos = [], 0
    for s, e in cuts:
        if e <= pos:
            continue
        s = max(s, pos)
        parts.append(work[pos:s])
        parts.append("\x00" * (e - s))
        pos = e
    parts.append(work[pos:])
    return "".join(parts)


def prepare(text: str, year: int | None = None, periods: list[PeriodMention] | None = None) -> str:
    """The matching copy of ``text``: full-width folded, non-quantity spans blanked, same length."""
    work = text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text
    if "，" in text and _FW_COMMA.search(text):
        chars = list(work)
        for m in _FW_COMMA.finditer(text):
            chars[m.start()] = ","
        work = "".join(chars)
    return _mask(work, year, periods)
