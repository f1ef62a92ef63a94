"""Headings and the section tree.

Heading levels come from the marker families (一、 → （一） → 1、 → 第一/一是 …) in the order in
which each document opens them: a family already open is a sibling at its level, a new family
nests below the current heading.  Bold is a cue, not a requirement (some level-1 headings are
plain); a bold lead that opens a paragraph with a marker is a *run-in* heading; a bold lead
without a marker (or, in a text without bold, a short lead sentence) is a heading only where its
siblings are too, else emphasis.  Numbering irregularities (1、2、3、4、3、4、; 第三 → 第五) are kept
as :class:`~gongwen.model.OutlineAnomaly` records for the checker.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import regex

from ..._data import cn_number, package_yaml, rx
from ..._frozen import quick_init
from ...model import Heading, OutlineAnomaly, Paragraph, Span
from .title import opens_body


@dataclass(frozen=True)
class Family:
    name: str
    pattern: Any  # compiled regex
    numeral: str
    rank: int
    bold_only: bool
    plain_run_in: bool = False


@dataclass(frozen=True)
class MarkerRules:
    families: tuple[Family, ...]
    title_strip: str
    run_in_end: str
    max_title: int
    simple_ordinals: str
    plain_run_in_end: str = "。：:"
    plain_run_in_max: int = 20
    bold_lead_end: str = "。：:"
    bold_lead_max: int = 20
    plain_title_end: Any = None  # compiled: a standard section title ending a run-in lead (存在的问题)


@lru_cache(maxsize=1)
def rules() -> MarkerRules:
    """The marker families, loaded once from ``data/markers.yaml``."""
    data = package_yaml("gongwen.extract", "data/markers.yaml")
    fams = tuple(
        Family(f["name"], rx(f["pattern"]), f["numeral"], int(f["rank"]), bool(f.get("bold_only")),
               bool(f.get("plain_run_in")))
        for f in data["families"]
    )
    return MarkerRules(fams, data["title_strip"], data["run_in_end"], int(data["max_title"]), data["simple_ordinals"],
                       data["plain_run_in_end"], int(data["plain_run_in_max"]), data["bold_lead_end"],
                       int(data["bold_lead_max"]),
                       regex.compile("(?:" + "|".join(sorted(data.get("plain_title_ends") or ["(?!)"], key=len, reverse=True))
                                     + ")(?![。：:，,；;、）)])"))


# An unmarked bold lead's family: no number, levels from the parent heading.
BOLD_LEAD = Family("bold-lead", None, "none", 99, True)
# an unmarked line that is a standard part title alone ("2027年工作安排" after 一、…七、): a part of the report
PART = Family("part", None, "none", 0, False)


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def ordinal(num: str, numeral: str) -> int:
    """The value of a marker's ordinal.

    >>> ordinal("十二", "cn"), ordinal("3", "arabic"), ordinal("④", "circled")
    (12, 3, 4)
    """
    if numeral == "arabic":
        return int(num)
    if numeral == "circled":
        return _CIRCLED.index(num) + 1
    simple = rules().simple_ordinals
    if num in simple:
        return simple.index(num) + 1
    return int(cn_number(num, "normal"))


@quick_init
@dataclass(frozen=True)
class MarkerMatch:
    family: Family
    number: int
    end: int  # end of the marker inside the matched string


def match_marker(s: str, *, bold: bool = False) -> MarkerMatch | None:
    """The marker at the start of ``s``, if any (bold-only families need ``bold``)."""
    if not _any_marker().match(s):
        return None  # most paragraphs: one match instead of one per family
    for fam in rules().families:
        if fam.bold_only and not bold:
            continue
        m = fam.pattern.match(s)
        if m:
            try:
                return MarkerMatch(fam, ordinal(m.group("num"), fam.numeral), m.end())
            except (ValueError, KeyError):
                continue
    return None


@lru_cache(maxsize=1)
def _run_in_end() -> Any:
    """A class of the characters that end a run-in lead (built once, not per paragraph)."""
    return regex.compile(rf"[{regex.escape(rules().run_in_end)}]")


@lru_cache(maxsize=1)
def _any_marker() -> Any:
    """Every family's pattern in one alternation: it matches exactly where one of them does."""
    return regex.compile("|".join(f"(?:{fam.pattern.pattern})" for fam in rules().families if fam.pattern))


@quick_init
@dataclass(frozen=True)
class _Candidate:
    start: int
    marker_end: int
    title_start: int
    title_end: int
    family: Family
    number: int
    run_in: bool
    bold: bool


def _bold_runs(p: Paragraph, text: str) -> list[tuple[int, int]]:
    """Bold stretches, bridging a gap of one or two plain letters with no punctuation.

    Word processors split runs and lose formatting on a character or two ("三继续推进…组织" +
    "联合" + "执法工作："); a heading lead is not cut by that.
    """
    out: list[tuple[int, int]] = []
    for b in p.bold:
        if out and b.start - out[-1][1] <= 2 and rx(r"\p{Han}*").fullmatch(text[out[-1][1]:b.start]):
            out[-1] = (out[-1][0], b.end)
        else:
            out.append((b.start, b.end))
    return out


def _title_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    strip = rules().title_strip
    while a < b and text[a] in strip:
        a += 1
    while b > a and text[b - 1] in strip:
        b -= 1
    return a, b


def _candidates(text: str, p: Paragraph, plain: bool = False,
                gaps: frozenset[int] = frozenset()) -> tuple[list[_Candidate], MarkerMatch | None]:
    """Heading candidates in one paragraph, plus the paragraph's opening marker (for lists).

    ``plain``: the document has no bold at all, so a marked lead ending in 。/： is a run-in
    heading without being bold (families with ``plain_run_in``).  ``gaps``: positions a space
    of the source stood before (see :func:`find_headings`).
    """
    r = rules()
    s, e = p.span.start, p.span.end
    ptext = text[s:e]
    runs = _bold_runs(p, text)
    lead_end = s
    for a, b in runs:
        if a <= lead_end < b or a == lead_end:
            lead_end = max(lead_end, b)
    lead_bold = lead_end > s
    out: list[_Candidate] = []
    opening = match_marker(ptext, bold=lead_bold)
    if opening is not None:
        m_end = s + opening.end
        body = text[m_end:e]
        whole_bold = lead_end >= e
        inner_end = _run_in_end().search(body.rstrip(r.title_strip))
        if whole_bold and inner_end is not None:
            # a bold paragraph holding several run-in leads ("第三做好…工作：一开展…")
            out.extend(_run_ins(text, s, lead_end, first=True))
        elif len(body) <= r.max_title and (whole_bold or not rx(r"[。！？!?；;]").search(body.rstrip("：:"))
                                           or (_titled_line(body) and _only_gap(gaps, m_end, e) < 0)) \
                and body.strip():
            ta, tb = _title_bounds(text, m_end, e)
            if tb > ta:
                out.append(_Candidate(s, m_end, ta, tb, opening.family, opening.number, False, lead_bold))
        elif lead_end > m_end + 1:
            out.extend(_run_ins(text, s, lead_end, first=True))
        elif plain and opening.family.plain_run_in:
            # "一、坚持移动优先，主流舆论阵地持续壮大（一）新闻生产量质齐升。…" opening a line: each lead
            # may end at the next marker, as inside a run-in body
            out.extend(_chained_run_ins(text, s, e, gaps))
    if plain:
        # a web page that runs its whole body into one paragraph: "…。二、社会保险覆盖面持续扩大。…"
        for m in _AFTER_SENTENCE.finditer(text, s + 1, e):
            a = m.end()
            if out and a < out[-1].title_end:
                continue
            out.extend(_chained_run_ins(text, a, e, gaps))
    # mid-paragraph run-in leads: bold runs that start with a marker after punctuation
    for a, b in runs:
        if a <= s or (out and a < out[-1].title_end) or (a < lead_end and lead_bold):
            continue
        if text[a - 1] not in "。！？；;：:，,、）)":
            continue
        out.extend(_run_ins(text, a, b, first=True))
    return out, opening


def _titled_line(body: str) -> bool:
    """A marked line that is one short phrase closed by 。 ("（二）民生保障扎实有效。" on a line of
    its own): a heading whose writer ended it as a sentence, not a sentence (no clause marks,
    figures or further sentence)."""
    t = body.strip()
    return len(t) <= rules().plain_run_in_max and t.endswith("。") \
        and not rx(r"[，,、；;：:！？!?（(\d。]").search(t[:-1])


def _chained_run_ins(text: str, pos: int, e: int, gaps: frozenset[int] = frozenset()) -> list[_Candidate]:
    """The plain run-in headings from ``pos`` on ("如下:一、2023年工作开展情况(一)产业发展提质增效。…"):
    a lead may end at the next marker, which may open the next heading."""
    out: list[_Candidate] = []
    while pos < e:
        mm = match_marker(text[pos:e])
        if mm is None or not mm.family.plain_run_in:
            break
        nxt = _NEXT_MARKER.search(text, pos + mm.end, min(e, pos + mm.end + rules().plain_run_in_max + 1))
        c = _plain_run_in(text, pos, pos + mm.end, nxt.start() if nxt else e, mm, open_end=nxt is not None,
                          gaps=gaps)
        if c is None:
            break
        out.append(c)
        pos = nxt.start() if nxt else e
    return out


# what a glued heading's title never holds, nor the first character after it
_GLUE_STOP = regex.compile(r"[\p{P}\d\s]")
# a colon between two digits writes a time of day or a ratio (7:30-11:30、14:00), no lead's end
_AFTER_SENTENCE = regex.compile(r"(?:[。！？!?]|(?<!\d)[：:]|[：:](?!\d))\s*")
_NEXT_MARKER = regex.compile(r"[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、是]")  # 一是 opens a list under a heading


def _plain_run_in(text: str, s: int, m_end: int, e: int, opening: MarkerMatch,
                  open_end: bool = False, gaps: frozenset[int] = frozenset()) -> _Candidate | None:
    """"（一）粮食生产稳定。夏粮…" without bold: the lead up to 。/： is the heading's title when it
    is short, holds no clause punctuation or figures, and more text follows.  ``open_end``: the
    lead runs up to ``e``, where the next marker starts.  A web page that ran its heading line
    into the text ("…。二、存在的问题一年来，…") ends it at a standard section title, else at the
    line break it kept as a space — where that is the paragraph's only space the cleaner removed
    between two Chinese characters (``gaps``), before any 。/： further on ("一、网格管理提质
    全街道共…。")."""
    r = rules()
    limit = min(e, m_end + r.plain_run_in_max + 1)
    cut = next((i for i in range(m_end, limit) if text[i] in r.plain_run_in_end), -1)
    if cut < 0 and open_end and e - m_end <= r.plain_run_in_max:
        cut = e
    gap = _only_gap(gaps, m_end, e)
    if 4 <= gap - m_end <= (cut if cut >= 0 else limit) - m_end:
        got = _plain_lead(text, s, m_end, e, gap, opening, open_end)
        if got is not None:
            return got
    title_end = r.plain_title_end.match(text, m_end, limit) if r.plain_title_end is not None else None
    if title_end is not None and opens_body(text, title_end.end()):
        cut = title_end.end()  # "三、2024年工作打算2024年，将…：" ends before the body's 2024年
    got = _plain_lead(text, s, m_end, e, cut, opening, open_end)
    if got is None:
        space = next((i for i in range(m_end + 2, limit) if text[i] in " 　" and not text[i + 1].isspace()), -1)
        got = _plain_lead(text, s, m_end, e, title_end.end() if title_end is not None else space, opening, open_end)
    return got


def _only_gap(gaps: frozenset[int], a: int, e: int) -> int:
    """The one position of ``(a, e)`` a removed space stood before, else -1: a page that kept a
    heading's line break as a space has one there; a text with stray spaces all through its
    sentences (a converted PDF) has many, none of them a heading's end."""
    if not gaps:
        return -1
    inside = [i for i in range(a + 1, e) if i in gaps]
    return inside[0] if len(inside) == 1 else -1


def _plain_lead(text: str, s: int, m_end: int, e: int, cut: int, opening: MarkerMatch,
                open_end: bool) -> _Candidate | None:
    """The run-in heading whose lead ends at ``cut``, or None when the lead is no title."""
    if cut < 0 or (not open_end and not text[cut + 1:e].strip()):
        return None
    lead = text[m_end:cut]
    # a heading may pair two phrases with a comma ("推进乡村建设,改善农村人居环境"); a sentence
    # has figures or more clauses
    # (a short lead may pair two nouns with 、: "事故起数、死亡人数“双下降”")
    if rx(r"[；;！？!?（(]").search(lead) or len(rx(r"[，,]").findall(lead)) > 1 \
            or (("、" in lead) and (len(lead) > 16 or lead.count("、") > 1)) \
            or _has_figure(lead):
        return None
    ta, tb = _title_bounds(text, m_end, cut)
    if tb - ta < 2:
        return None
    return _Candidate(s, m_end, ta, tb, opening.family, opening.number, True, False)


@lru_cache(maxsize=1)
def _figure_pattern() -> Any:
    """A figure in a lead: digits with a unit of the unit table (or %), a year aside — not a name
    that holds digits (12345热线, 5G网络)."""
    units = package_yaml("gongwen.extract", "data/units.yaml")
    words = {a for u in units["units"].values() for a in u["aliases"]} | set(units["magnitudes"]) | {"%", "％", "‰"}
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"\d(?:[\d.,，]*\d)?\s*(?:{alt})")


def _has_figure(lead: str) -> bool:
    """Whether a run-in lead states a figure ("新增就业1200人"): a sentence, not a heading."""
    return bool(_figure_pattern().search(rx(r"\d{4}年").sub("", lead)))


def _bold_lead(text: str, p: Paragraph) -> _Candidate | None:
    """An unmarked bold lead ("**粮食生产稳定。**夏粮…"): short, ending in 。/：, plain text after.

    Whether it is a heading depends on its siblings (:func:`find_headings`).
    """
    r = rules()
    s, e = p.span.start, p.span.end
    runs = _bold_runs(p, text)
    if not runs or runs[0][0] != s:
        return None
    b = runs[0][1]
    if text[b - 1] in r.bold_lead_end:
        cut = b - 1
    elif b < e and text[b] in r.bold_lead_end:
        cut = b
    else:
        return None
    if not text[cut + 1:e].strip() or match_marker(text[s:e], bold=True) is not None:
        return None
    ta, tb = _title_bounds(text, s, cut)
    # (its length in words: the quotation marks around a named campaign — 新时代“枫桥经验” — add none)
    if not 2 <= tb - ta - len(_QUOTES.findall(text, ta, tb)) <= r.bold_lead_max \
            or rx(r"[。！？!?；;]").search(text, ta, tb):
        return None
    return _Candidate(s, s, ta, tb, BOLD_LEAD, 0, True, True)


_QUOTES = regex.compile("[“”‘’\"'《》「」]")


def _plain_text_lead(text: str, p: Paragraph) -> _Candidate | None:
    """An unmarked lead sentence of a text without bold ("巡护管护体系持续完善。深化…"): a paragraph's first
    sentence, short, one phrase (no comma, no figure), ending in 。 with the paragraph going on after it.
    Whether it is a heading depends on its siblings, as for bold leads (:func:`find_headings`)."""
    r = rules()
    s, e = p.span.start, p.span.end
    m = rx(r"[。！？!?；;，,、：:]").search(text, s, min(e, s + r.bold_lead_max + 2))
    if m is None or text[m.start()] != "。" or not text[m.end():e].strip() \
            or match_marker(text[s:e], bold=False) is not None or _has_figure(text[s:m.start()]):
        return None
    ta, tb = _title_bounds(text, s, m.start())
    if not 4 <= tb - ta - len(_QUOTES.findall(text, ta, tb)) <= r.bold_lead_max:
        return None
    return _Candidate(s, s, ta, tb, BOLD_LEAD, 0, True, False)


def _run_ins(text: str, a: int, b: int, *, first: bool) -> list[_Candidate]:
    """Split a bold lead into run-in headings at run-in end punctuation (。：；)."""
    r = rules()
    out: list[_Candidate] = []
    pos = a
    while pos < b:
        m = match_marker(text[pos:b], bold=True)
        if m is None:
            break
        m_end = pos + m.end
        cut = b
        for i in range(m_end, b):
            if text[i] in r.run_in_end:
                cut = i
                break
        ta, tb = _title_bounds(text, m_end, cut)
        if tb - ta >= 2 and tb - ta <= r.max_title:
            out.append(_Candidate(pos, m_end, ta, tb, m.family, m.number, True, True))
        pos = cut + 1
    return out


def _part_heading(text: str, p: Paragraph) -> _Candidate | None:
    """An unmarked paragraph that is a standard section title alone (markers.yaml
    ``plain_title_ends``: "2027年工作安排", "存在的问题"): the heading of a part of the report."""
    r = rules()
    ta, tb = _title_bounds(text, p.span.start, p.span.end)
    if r.plain_title_end is None or tb <= ta or not r.plain_title_end.fullmatch(text, ta, tb):
        return None
    return _Candidate(p.span.start, p.span.start, ta, tb, PART, 0, False, bool(p.bold))


def _styled_heading(text: str, p: Paragraph, level: int) -> _Candidate | None:
    """A paragraph the file itself marks as a heading (DOCX "Heading N" or w:outlineLvl) whose
    number, if any, is Word's automatic numbering rather than literal text."""
    s, e = p.span.start, p.span.end
    body = text[s:e]
    if not body.strip() or len(body) > rules().max_title or rx(r"[。！？!?；;]").search(body.rstrip("：:。")):
        return None
    ta, tb = _title_bounds(text, s, e)
    fam = Family(f"outline-{level}", None, "none", level, False)
    return _Candidate(s, s, ta, tb, fam, 0, False, bool(p.bold))


def find_headings(text: str, paragraphs: Sequence[Paragraph], level_hints: dict[int, int] | None = None, *,
                  gaps: frozenset[int] = frozenset()) -> tuple[list[Heading], list[OutlineAnomaly]]:
    """Detect headings, assign levels and record numbering anomalies.

    ``level_hints`` maps paragraph starts to the outline level the file declares (DOCX heading
    styles): such a paragraph without a literal marker is still a heading, and styled levels
    nest by their number.  Unmarked bold leads — in a text without any bold, short lead sentences
    (:func:`_plain_text_lead`) — are headings when at least two stand under the
    same parent heading, or one opens its parent's section where others do so: a first pass
    finds the parents, a second places the leads one level below them.  In a plain text, a
    marked paragraph that found no heading may hold one run into its text (:func:`_glued`).
    ``gaps``: positions of ``text`` that a space of the source stood before and
    the cleaner removed (a plain text file's; see :func:`_plain_run_in`).
    """
    plain = not any(p.bold for p in paragraphs)
    lead_of = _plain_text_lead if plain else _bold_lead
    leads = {c.start: c for p in paragraphs if p.kind in ("body", "heading") and (c := lead_of(text, p)) is not None}
    if len(leads) >= 2:
        heads, _ = _outline(text, paragraphs, level_hints or {}, {}, plain, gaps)
        starts = [h.span.start for h in heads]
        groups: dict[int, list[int]] = {}
        for start in leads:
            groups.setdefault(bisect.bisect_right(starts, start) - 1, []).append(start)
        kept = {k for g in groups.values() if len(g) >= 2 for k in g}
        if kept:
            # where the document heads its sections with bold leads, a lone lead opening a section
            # right under its heading is one too ("（四）加强监管" + "**规范执法行为。**…")
            order = {p.span.start: i for i, p in enumerate(paragraphs)}
            kept |= {g[0] for j, g in groups.items() if len(g) == 1 and j >= 0
                     and order.get(g[0], -1) == order.get(_paragraph_start(paragraphs, starts[j]), -2) + 1}
        leads = {k: leads[k] for k in kept}
    else:
        leads = {}
    if not plain:
        return _outline(text, paragraphs, level_hints or {}, leads, plain, gaps)
    heads, anomalies = _outline(text, paragraphs, level_hints or {}, leads, plain, gaps)
    glued = _glued(text, paragraphs, heads)
    return _outline(text, paragraphs, level_hints or {}, leads, plain, gaps, glued) if glued else (heads, anomalies)


def _glued(text: str, paragraphs: Sequence[Paragraph], heads: Sequence[Heading]) -> dict[int, _Candidate]:
    """Headings a plain text ran into their first sentence with nothing between
    ("二、服务效能持续提升全年共受理…"), by the length of their siblings' titles.

    Sibling headings of a Chinese report are parallel phrases of one length ("社区治理精细高效",
    "民生保障扎实有力"): when every heading of a family that stands on a line of its own has the
    same length (two at least), a paragraph opening with that family's marker, found no heading,
    whose lead of that length holds no punctuation or figure and is followed by more text, is one.
    """
    lengths: dict[str, set[int]] = {}
    count: dict[str, int] = {}
    for h in heads:
        if not h.run_in and h.marker:
            lengths.setdefault(h.family, set()).add(len(h.title))
            count[h.family] = count.get(h.family, 0) + 1
    starts = {h.span.start for h in heads}
    out: dict[int, _Candidate] = {}
    for p in paragraphs:
        s, e = p.span.start, p.span.end
        if p.kind != "body" or s in starts:
            continue
        mm = match_marker(text[s:e])
        if mm is None or not mm.family.plain_run_in or len(lengths.get(mm.family.name, ())) != 1 \
                or count[mm.family.name] < 2:
            continue
        (n,) = lengths[mm.family.name]
        a = s + mm.end
        if a + n >= e or _GLUE_STOP.search(text, a, a + n + 1):
            continue
        out[s] = _Candidate(s, a, a, a + n, mm.family, mm.number, True, False)
    return out


def _paragraph_start(paragraphs: Sequence[Paragraph], offset: int) -> int:
    """The start of the paragraph holding ``offset``."""
    i = bisect.bisect_right([p.span.start for p in paragraphs], offset) - 1
    return paragraphs[i].span.start if i >= 0 else -1


def _outline(text: str, paragraphs: Sequence[Paragraph], hints: dict[int, int], leads: dict[int, _Candidate],
             plain: bool, gaps: frozenset[int] = frozenset(),
             glued: dict[int, _Candidate] | None = None) -> tuple[list[Heading], list[OutlineAnomaly]]:
    stack: list[str] = []  # open families, outermost first
    heads: list[Heading] = []
    anomalies: list[OutlineAnomaly] = []
    # last number seen per (parent heading index, family), headings and list items alike
    last: dict[tuple[int, str], int] = {}
    lead_numbers: dict[int, int] = {}  # parent heading index -> bold leads under it so far
    # (level, index) of the headings still open, shallowest first: the most recent heading
    # shallower than a level is always among them (no backward scan over every heading)
    chain: list[tuple[int, int]] = []

    def parent_index(level: int) -> int:
        for lv, j in reversed(chain):
            if lv < level:
                return j
        return -1

    def add(h: Heading) -> None:
        while chain and chain[-1][0] >= h.level:
            chain.pop()
        chain.append((h.level, len(heads)))
        heads.append(h)

    for p in paragraphs:
        if p.kind not in ("body", "heading"):
            continue
        lead = leads.get(p.span.start)
        if lead is None and stack and stack[-1] == BOLD_LEAD.name:
            stack.pop()  # bold leads are leaves: whatever comes next is not below them
        cands, opening = _candidates(text, p, plain, gaps)
        if not cands and glued and p.span.start in glued:
            cands = [glued[p.span.start]]
        if not cands and lead is not None:
            if BOLD_LEAD.name in stack:
                del stack[stack.index(BOLD_LEAD.name) + 1:]
            else:
                stack.append(BOLD_LEAD.name)
            parent = parent_index(len(stack))
            lead_numbers[parent] = lead_numbers.get(parent, 0) + 1
            add(Heading(
                level=len(stack), marker="", title=text[lead.title_start:lead.title_end],
                span=Span(lead.start, lead.title_end), title_span=Span(lead.title_start, lead.title_end),
                family=BOLD_LEAD.name, number=lead_numbers[parent], run_in=True, bold=True))
            continue
        if not cands and p.span.start in hints:
            styled = _styled_heading(text, p, hints[p.span.start])
            if styled is not None:
                cands = [styled]
                # deeper styled levels close when a shallower one comes
                while stack and stack[-1].startswith("outline-") and int(stack[-1][8:]) > styled.family.rank:
                    stack.pop()
        if not cands and opening is None and lead is None and p.span.start not in hints and heads \
                and (part := _part_heading(text, p)) is not None:
            stack[:] = [PART.name]  # a part opens anew: what follows is within it
            add(Heading(level=1, marker="", title=text[part.title_start:part.title_end],
                        span=Span(part.start, part.title_end), title_span=Span(part.title_start, part.title_end),
                        family=PART.name, number=0, run_in=False, bold=part.bold))
            continue
        if not cands and opening is not None and stack:
            # a numbered list item that is not a heading still counts for numbering continuity
            level = stack.index(opening.family.name) + 1 if opening.family.name in stack else len(stack) + 1
            last[(parent_index(level), opening.family.name)] = opening.number
            continue
        for c in cands:
            fam = c.family.name
            if fam in stack:
                del stack[stack.index(fam) + 1 :]
            else:
                stack.append(fam)
            level = len(stack)
            key = (parent_index(level), fam)
            prev = last.get(key, 0)
            idx = len(heads)
            if c.family.numeral == "none":
                pass  # Word numbers these itself: nothing to check
            elif c.number != prev + 1:
                kind: Literal["gap", "repeat"] = "gap" if c.number > prev + 1 else "repeat"
                anomalies.append(OutlineAnomaly(
                    kind, idx, prev + 1, c.number,
                    f"编号不连续：期望 {prev + 1}，实为 {c.number}（{text[c.start:c.marker_end]}）"
                    if kind == "gap" else
                    f"编号重复或倒退：前一项为 {prev}，此处为 {c.number}（{text[c.start:c.marker_end]}）"))
            last[key] = c.number
            add(Heading(
                level=level,
                marker=text[c.start:c.marker_end],
                title=text[c.title_start:c.title_end],
                span=Span(c.start, c.title_end),
                title_span=Span(c.title_start, c.title_end),
                family=fam,
                number=c.number,
                run_in=c.run_in,
                bold=c.bold,
            ))
    return heads, anomalies
