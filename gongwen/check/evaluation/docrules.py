"""Document-level rules: bounds, counts, cumulative periods, scale
slips, heading numbering and period coherence.

These rules look at single figures, at pairs matched by their labels, or at the document's
structure, rather than at relations stated inside one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from ...figure import Figure
from ...model import Document, Span
from ..reading.relations import Candidate, summable
from ..reading.textindex import TextIndex, find_all
from .findings import Finding
from .intervals import Interval, hedge_kind, interval_of, vocab
from .verdicts import ivs, lit, make

HUNDRED = Decimal(100)


# -- bounds -------------------------------------------------------------------------------------

def bounded_rates(idx: TextIndex) -> Iterator[Finding]:
    """Shares and coverage rates lie in [0, 100] %; "100% 以上" can only mean exactly 100 %."""
    v = vocab()
    for f in idx.figures:
        if f.unit != "%":
            continue
        before = idx.text[max(0, f.span.start - 16):f.span.start] + idx.words_after(f, 8)
        label = before
        if not any(w in label for w in v["bounded_rate_words"]) or any(w in label for w in v["unbounded_rate_words"]):
            continue
        if f.change is not None or f.previous is not None and f.unit != "%":
            continue
        iv = interval_of(f)
        unit = Interval(Decimal(0), HUNDRED)
        word = next(w for w in v["bounded_rate_words"] if w in label)
        c = Candidate(code="GW109", kind="bound", whole=(f,), parts=(), trigger=word, explicit=False)
        kind = hedge_kind(f)
        if not iv.intersects(unit):
            pure = any(w in label for w in v["pure_share_words"])
            msg = f"{word}为比率类指标，应在 0–100% 之间，文中为 {lit(f)}"
            yield make(c, idx, "inconsistent", "error" if pure and kind is None else "warning", msg, [f],
                       "0–100%", lit(f), [ivs("stated", iv)])
        elif kind in ("at_least", "more_than") and iv.lo is not None and iv.lo >= HUNDRED:
            msg = (f"“{word}”为比率类指标，上限为 100%；“{lit(f)}{f.approx or ''}”实际只能为 100%"
                   f"（如统计口径不同，例如含外地遗体火化，请注明）")
            yield make(c, idx, "inconsistent", "warning", msg, [f], "≤100%", f"{lit(f)}{f.approx or ''}",
                       [ivs("stated", iv)])
        else:
            yield make(c, idx, "consistent", "info", f"{word} {lit(f)} 在 0–100% 之间", [f], "0–100%", lit(f))


def count_integers(idx: TextIndex) -> Iterator[Finding]:
    """Counts of people, households, cases are whole numbers."""
    per = vocab()["per_unit_words"]
    for f in idx.figures:
        if f.unit not in vocab()["count_units"] or hedge_kind(f) is not None:
            continue
        before = idx.clause_before(f)
        if "/" in f.unit_as_written or any(w in before + (f.metric or "") for w in per):
            continue  # 每千人口床位 6.96 张, 平均班额 49.6 人: a ratio, not a count
        if re.search(vocab()["rate_word_end"], before.rstrip()):
            continue  # 百万公里责任事故率 0.032 次: a rate per a measure, counted in its unit
        if idx.text.startswith(tuple(vocab()["counted_measures"]), f.span.end):
            continue  # 5523.5 个治疗量: a measure the unit classifies, counted in fractions
        if f.value != f.value.to_integral_value():
            c = Candidate(code="GW118", kind="bound", whole=(f,), parts=(), trigger=f.unit)
            msg = f"{lit(f)} 是计数（{f.unit}），应为整数"
            yield make(c, idx, "inconsistent", "warning" if "万" in f.as_written else "error", msg, [f],
                       "整数", lit(f))


def ocr_unsure(idx: TextIndex) -> Iterator[Finding]:
    """A figure read from a scan whose digits the recogniser was unsure of: verify against the scan."""
    low = _ocr_low_confidence()
    for f in idx.figures:
        if f.ocr_confidence is not None and f.ocr_confidence < low:
            c = Candidate(code="GW127", kind="bound", whole=(f,), parts=(), trigger="OCR")
            msg = f"{lit(f)} 是从扫描件识别的，数字识别把握不足（{f.ocr_confidence:.2f}），请对照扫描件核实"
            yield make(c, idx, "not_checkable", "warning", msg, [f], None, lit(f))


def _ocr_low_confidence() -> float:
    from ..._data import package_yaml

    return float(package_yaml("gongwen.extract", "data/ocr.yaml").get("low_confidence", 0.9))


# -- cumulative periods and scale slips ------------------------------------------------------

_CUM = re.compile(r"^(\d{4}-\d{2})/(\d{4}-\d{2})$")


def cumulative(idx: TextIndex) -> Iterator[Finding]:
    """1-10 月 X and 1-11 月 Y of the same program, scope and metric: Y ≥ X."""
    groups: dict[tuple[str | None, str | None, str | None, str, str], list[Figure]] = {}
    for f in idx.figures:
        m = _CUM.match(f.stated_period or "")
        if not m or not f.metric or not summable(f) or f.value < 0:
            continue
        groups.setdefault((f.program, f.scope, f.metric, f.unit, m.group(1)), []).append(f)
    for key, figs in groups.items():
        figs = sorted(figs, key=lambda f: (f.period or ""))
        for a, b in pairwise(figs):
            if a.period == b.period:
                continue
            c = Candidate(code="GW113", kind="monotone", whole=(b,), parts=(a,), trigger="累计", explicit=False)
            ok = interval_of(a).le(interval_of(b))
            msg = (f"{key[2]}：{a.period} 累计 {lit(a)}，{b.period} 累计 {lit(b)}"
                   + ("，累计数未随期间减少" if ok else "，较长期间的累计数反而更小"))
            yield make(c, idx, "consistent" if ok else "inconsistent", "info" if ok else "warning", msg, [b, a],
                       f"≥{lit(a)}", lit(b))


def scale_slips(idx: TextIndex, subjects: dict[int, str]) -> Iterator[Finding]:
    """The same amount printed once in 万元 and once in 元 (same digits, factor 10^4)."""
    money = [f for f in idx.figures if f.unit == "元" and f.value > 0]
    k = Decimal(10000)
    by_value: dict[Decimal, list[Figure]] = {}
    for f in money:
        by_value.setdefault(f.value, []).append(f)
    pairs = [(a, b) for a in money for b in by_value.get(a.value * k, [])]
    for a, b in pairs:
        if len("".join(ch for ch in a.as_written if ch.isdigit())) < 3:
            continue
        same_label = (a.program and a.program == b.program and a.metric == b.metric) or \
            (subjects.get(id(a)) and subjects.get(id(a)) == subjects.get(id(b)))
        if not same_label:
            continue
        c = Candidate(code="GW116", kind="scale", whole=(a,), parts=(b,), trigger="万", explicit=False)
        msg = f"{lit(a)} 与 {lit(b)} 数字相同而相差 10000 倍，疑为“万元”与“元”混写"
        yield make(c, idx, "inconsistent", "warning", msg, [b, a], lit(a), lit(b))


# -- structure and periods -----------------------------------------------------------------------

def heading_numbering(doc: Document, idx: TextIndex) -> Iterator[Finding]:
    """Numbering gaps and repeats among sibling headings (1、2、3、4、3、4、; 第一 第二 第三 第五),
    as recorded by the outline builder in ``Document.anomalies``."""
    for a in doc.anomalies:
        if 0 <= a.heading < len(doc.headings) and a.kind != "restart":
            if a.kind == "gap" and _missing_inline(doc, a.heading, a.expected):
                continue  # the skipped markers stand inside a paragraph: run-in headings, no gap
            if _mid_sentence(doc, a.heading):
                continue  # …高温日数居\n3、历史同期第二位: a page counter run into a sentence, no heading
            if a.kind in ("repeat", "out_of_order") and _restarted(doc, a.heading, a.found):
                continue  # a new parent run into a paragraph (…。三、2024年工作打算 …): a restart
            yield _heading_finding(doc, idx, a.heading, a.kind, a.expected, a.found, a.message)


_CN_NUMERALS = "一二三四五六七八九十"


def _mid_sentence(doc: Document, i: int) -> bool:
    """The text before a heading's marker breaks off in a sentence — it ends in a character, not
    in a stop, a colon or a heading's own title (…今年高温日数居 / 3、历史同期第二位): the marker
    is a page counter a site viewer ran into the text (1、 2、 3、 at each page's start), and what
    follows it goes on with that sentence; a heading starts after a finished one, or after a title
    line that opens with a marker and holds no stop (a heading the outline did not take: 二、工作打算)."""
    from ...extract.text.outline import _any_marker

    h = doc.headings[i]
    before = doc.text[:h.span.start].rstrip()
    if "\n" not in before or not ("\u4e00" <= before[-1] <= "\u9fff" or before[-1].isdigit()):
        return False  # (the document's title line before its first heading is no sentence)
    line = before[before.rfind("\n") + 1:].lstrip()
    if _any_marker().match(line) and "。" not in line:
        return False  # a title line the outline did not take, no sentence broken off
    return not any(p.span.end >= len(before) for p in doc.headings[:i])


_PARENT_MARKER = re.compile(r"(?:^|[。；;\n\s])[一二三四五六七八九十]+、")


def _restarted(doc: Document, i: int, found: int) -> bool:
    """A higher-level marker (三、) between this heading and its previous sibling, inside a paragraph
    or a line the outline did not take for a heading: its numbering restarts there, so the heading
    is in order when it is the first, or when the markers before its number follow that parent
    (…二、坚持扩面提质（一）参保扩面。…（二）基金征缴: 1 after 二、, then 2)."""
    h = doc.headings[i]
    prev = next((p for p in reversed(doc.headings[:i]) if p.level == h.level and p.family == h.family), None)
    if prev is None or h.family == "cn-comma":
        return False
    between = doc.text[prev.span.end:h.span.start]
    parents = list(_PARENT_MARKER.finditer(between))
    if not parents:
        return False
    after = between[parents[-1].end():]
    return all(any(w in after for w in _markers(h.marker, k)) for k in range(1, found))


def _markers(marker: str, k: int) -> set[str]:
    """The marker of sibling number ``k`` of a heading's marker, in either bracket width, and as a
    converter garbles a numeral of one stroke (（一） printed (-): vocab ``numeral_lookalikes``).

    >>> sorted(_markers("（二）", 3)), sorted(_markers("3.", 1)), "(-)" in _markers("（二）", 1)
    (['(三)', '（三）'], ['1.'], True)
    """
    m = re.search(r"[一二三四五六七八九十]+|\d+", marker)
    if m is None or not 1 <= k <= 10:
        return set()
    num = str(k) if m.group(0).isdigit() else _CN_NUMERALS[k - 1]
    out = set()
    for n in (num, *vocab()["numeral_lookalikes"].get(num, ())):
        want = marker[:m.start()] + n + marker[m.end():]
        out |= {want, want.replace("(", "（").replace(")", "）") if "(" in want else
                want.replace("（", "(").replace("）", ")")}
    return out


def _missing_inline(doc: Document, i: int, expected: int) -> bool:
    """The marker a gap says is missing (一、 before 二、) is in the text before the heading, in
    its section: the outline missed a heading run into a paragraph, the document has no gap.  Its
    section starts after the last heading above it whose family ranks above its own (一、 above
    （一）): a （二） the outline opened first, its 一、 run into a paragraph, is no parent of the
    二、 after it, though the outline nests 二、 below it."""
    h = doc.headings[i]
    rank = _family_ranks()
    parent = max((p.span.end for p in doc.headings[:i] if p.level < h.level
                  and rank.get(p.family, 99) < rank.get(h.family, 99)), default=0)
    return any(w in doc.text[parent:h.span.start] for w in _markers(h.marker, expected))


@lru_cache(maxsize=1)
def _family_ranks() -> dict[str, int]:
    """The conventional rank of each marker family (一、 1, （一） 2, 1、 3 …: data/markers.yaml)."""
    from ...extract.text.outline import rules

    return {f.name: f.rank for f in rules().families}


def _heading_finding(doc: Document, idx: TextIndex, i: int, kind: str, expected: int, found: int,
                     note: str) -> Finding:
    h = doc.headings[i]
    c = Candidate(code="GW120", kind="numbering", whole=(), parts=(), trigger=h.marker, explicit=False,
                  cue=h.span)
    what = {"gap": "跳号", "repeat": "重复", "restart": "重新编号", "out_of_order": "顺序颠倒"}.get(kind, kind)
    msg = f"标题“{h.marker}{h.title[:20]}”序号{what}：此处应为第 {expected} 项，实为第 {found} 项"
    if note and note not in msg:
        msg += f"（{note}）"
    f = make(c, idx, "inconsistent", "warning", msg, [], str(expected), str(found))
    return Finding(code=f.code, severity=f.severity, status=f.status, message=f.message, spans=(h.span,),
                   expected=f.expected, actual=f.actual, relation=f.relation,
                   section=tuple(x.title for x in doc.section_path(h.span.start)),
                   sentence=Span(h.span.start, h.span.end))


def period_coherence(doc: Document, idx: TextIndex) -> Iterator[Finding]:
    """上半年 summing up an annual summary; a figure's period after the signature date."""
    v = vocab()
    text = doc.text
    md = doc.metadata
    title = md.title or ""
    annual = (md.kind in v["annual_kinds"] or _late_in_year(md.date)) and not _partial_year(md.date, md.year)
    if annual and not any(w in title for w in v["half_year_words"]):
        for w in v["half_year_words"]:
            for pos in find_all(text, w):
                sent = idx.sentence_of(pos)
                clause = text[pos + len(w): min(sent.end, pos + len(w) + 14)]
                clause = clause.split("，")[0]
                if not any(fr in clause for fr in v["summary_frames"]):
                    continue
                c = Candidate(code="GW121", kind="period", whole=(), parts=(), trigger=w, explicit=False,
                              cue=Span(pos, pos + len(w)))
                period = f"{md.year} 年" if md.year else "全年"
                msg = (f"本文为{period}工作总结（落款 {md.date or '未注明'}），此处却以“{w}”概括各项工作，"
                       f"疑为沿用旧稿，请改为与全文一致的期间")
                f = make(c, idx, "inconsistent", "warning", msg, [], "全年", w)
                yield Finding(code=f.code, severity=f.severity, status=f.status, message=f.message,
                              spans=(Span(pos, pos + len(w)),), expected=f.expected, actual=f.actual,
                              relation=f.relation, section=tuple(x.title for x in doc.section_path(pos)),
                              sentence=sent)
    if md.date:
        yield from _future_periods(doc, idx, md.date)


def _partial_year(date: str | None, year: int | None) -> bool:
    """Signed before September of the year it reports on: a quarter or half-year report."""
    m = re.match(r"^(\d{4})-(\d{2})", date or "")
    return bool(m) and year is not None and int(m.group(1)) == year and int(m.group(2)) < 9  # type: ignore[union-attr]


def _late_in_year(date: str | None) -> bool:
    m = re.match(r"^\d{4}-(\d{2})", date or "")
    return bool(m) and int(m.group(1)) >= 9  # type: ignore[union-attr]


def _period_end(period: str) -> str | None:
    """The last day-precision prefix a period reaches (2020-01/2020-11 → 2020-11)."""
    if not period or period.endswith(".."):
        return None
    end = period.split("/")[-1]
    return end if re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", end) else None


def _future_periods(doc: Document, idx: TextIndex, date: str) -> Iterator[Finding]:
    v = vocab()
    # a plan (2026 年工作计划, signed in December 2025) speaks of the period it plans throughout
    planned = _period_end(doc.metadata.period or "") if doc.metadata.kind == "plan" else None
    for f in idx.figures:
        end = _period_end(f.stated_period or "")
        if end is None or not end or end <= date[: len(end)]:
            continue
        start = (f.stated_period or "").split("/")[0]
        if "/" in (f.stated_period or "") and start[:4] != end[:4] and start <= date[: len(start)]:
            continue  # a span of years under way at signing (“十五五” 2026/2030): not after the date
        if planned and end[:len(planned)] <= planned:
            continue
        if any(any(w in s for w in v["plan_section_words"]) for s in f.section):
            continue
        sent = idx.sentence_of(f.span.start)
        if any(w in idx.text[sent.start:f.span.end] for w in v["future_words"]):
            continue
        c = Candidate(code="GW121", kind="period", whole=(f,), parts=(), trigger=f.period or "", explicit=False)
        msg = f"{lit(f)} 所属期间 {f.period} 晚于文档落款日期 {date}，请核实时点"
        yield make(c, idx, "inconsistent", "warning", msg, [f], f"≤{date}", f.period)



_DECREASE_TIMES = re.compile(r"(减少|下降|降低|缩小|缩减)了?(?:[一两二三四五六七八九十]|\d+(?:\.\d+)?)倍")


def multiple_wording(idx: TextIndex) -> Iterator[Finding]:
    """A decrease stated in 倍 (减少一倍, 降低2倍) is impossible as written."""
    for m in _DECREASE_TIMES.finditer(idx.text):
        span = Span(m.start(), m.end())
        c = Candidate(code="GW111", kind="multiple", whole=(), parts=(), trigger=m.group(0), explicit=False, cue=span)
        msg = f"“{m.group(0)}”：减少不能用倍数表示（减少一倍即减为零），请改为“减少 x%”或“减少到原来的几分之几”"
        f = make(c, idx, "inconsistent", "warning", msg, [], "减少 x%", m.group(0))
        yield Finding(code=f.code, severity=f.severity, status=f.status, message=f.message, spans=(span,),
                      expected=f.expected, actual=f.actual, relation=f.relation,
                      sentence=idx.sentence_of(m.start()))


_BAD_GROUPS = re.compile(r"(?<![\d.,，])\d{1,3}(?:,\d{3})*,(?:\d{1,2}|\d{4,})(?:\.\d+)?(?![\d,])")


def number_format(idx: TextIndex) -> Iterator[Finding]:
    """A thousands separator must group exactly three digits (3,42 户 or 1,18.359 are typos)."""
    for m in _BAD_GROUPS.finditer(idx.text):
        nxt = idx.text[m.end():m.end() + 1]
        if not nxt or nxt.isascii() and not nxt.isspace():
            continue  # "1,2" in a Latin list, or a number in an English phrase
        span = Span(m.start(), m.end())
        c = Candidate(code="GW119", kind="format", whole=(), parts=(), trigger=",", explicit=False, cue=span)
        msg = f"“{m.group(0)}”的千分位分组不是三位数字，疑为漏写或多写了数字"
        f = make(c, idx, "inconsistent", "warning", msg, [], "每组三位", m.group(0))
        yield Finding(code=f.code, severity=f.severity, status=f.status, message=f.message, spans=(span,),
                      expected=f.expected, actual=f.actual, relation=f.relation,
                      section=next((x.section for x in idx.figures_in(idx.sentence_of(m.start()))), ()),
                      sentence=idx.sentence_of(m.start()))
