"""Re-joining hard-wrapped lines into paragraphs (also across page breaks).

A reader gives lines; a paragraph is what the author wrote as one.  With glyph boxes (PDF) the
decision uses positions; for text dumps the wrap width found from the lines that stop mid-sentence;
for DOCX the paragraph marks, unless the file was converted from a PDF one visual line per
paragraph.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..._data import package_yaml, rx
from ..readers.raw import RawDocument, RawLine
from .chars import BLANK, SPACES, Chars, concat

SENTENCE_END = "。！？!?"
CLAUSE_END = SENTENCE_END + "；;：:"

# A line that opens with a heading or list marker (used to decide paragraph breaks only; the
# outline stage decides what is really a heading).
_INLINE_ITEM = regex.compile(r"^[一二三四五六七八九十]{1,3}是")
_URL_END = regex.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S*$")  # a line that ends in an address ("…&run=13")
MARKER_START = rx(
    r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．.](?!\d)"
    r"|第[一二三四五六七八九十]{1,3}(?:是|[、，,：:])?|[一二三四五六七八九十]{1,3}是|[①-⑳])")


def display_width(s: str) -> float:
    """Width in CJK character cells: ASCII (spaces included) counts 0.5, anything else 1.

    >>> display_width("2020 年")
    3.5
    """
    ascii_count = len(s.encode("ascii", "ignore"))
    return (len(s) - ascii_count) + 0.5 * ascii_count


@dataclass
class Para:
    """A paragraph under construction: characters plus what the reader told us about it."""

    chars: Chars
    kind: str = "body"  # "body" | "table_row" | "meta" (a web page's field line)
    page: int | None = None
    cells: list[tuple[int, int]] | None = None
    title_cue: bool = False  # laid out as a title: centred, or set apart by the title split
    outline_level: int | None = None


@dataclass
class _Geom:
    """Per-line layout facts used to decide whether a wrapped line continues."""

    full: bool
    indented: bool
    trusted: bool = False  # positions show first-line indents: trust layout over punctuation
    short: bool = False  # a line that stops clearly before the wrap width (hard-wrapped text only)


def _geometry(lines: Sequence[RawLine], texts: Sequence[Chars]) -> list[_Geom]:
    """Decide for each line whether it runs to the right margin and whether it is indented.

    With glyph boxes (PDF) this uses positions per page; otherwise display widths against the
    wrap width found by :func:`_wrap_width`.
    """
    if any(ln.boxes for ln in lines):
        return _box_geometry(lines, texts)
    geoms: list[_Geom] = []
    all_w = [display_width(t.text) if t.text else 0.0 for t in texts]
    opened = _open_lines(texts, all_w)
    wrap = wrap_width(texts, all_w, opened)
    if wrap is None:
        return [_Geom(False, False) for _ in texts]
    limit, floor = 0.75 * wrap, _wrap_floor(opened)
    for t, w in zip(texts, all_w):
        geoms.append(_Geom(full=bool(t.text) and w >= limit, indented=False, short=w < floor))
    return geoms


#: Marks a line may not end with (they go down with the next character) and marks a line may
#: not start with (they stay up with the previous one, or hang past the margin): the 避头尾 rules
#: that make a wrapped line stop short of the right margin, or run past it.
_NO_LINE_END = "“‘（(《〈【〔「『［"
_NO_LINE_START = "，。、；：！？”’）)》〉】〕」』］,.;:!?%％·…—"
_UNBROKEN = regex.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)*")  # a number or Latin word is never cut


def _margins(lines: Sequence[RawLine]) -> dict[int | None, tuple[float, float]]:
    """The body's left and right margins per page.

    The text block is the document's, the same on every page (GB/T 9704 sets one): the right
    margin is where most lines that stop on a character end (they were wrapped there), taken
    over the whole document — a page where several lines hang a comma past it, or whose lines
    stop short before digits, does not move it; a page whose own lines run a fifth wider (a
    landscape page) keeps its own edge.  A document with no such common end (a page or two of
    short lines) falls back to each page's lines (the 90th percentile of their ends); the left
    margin is the tenth percentile of the starts, per page.
    """
    body = [ln for ln in lines if ln.boxes and ln.kind == "text"]
    pages: dict[int | None, list[RawLine]] = {}
    for ln in body:
        pages.setdefault(ln.page, []).append(ln)
    stops = [ln.boxes[-1][2] for ln in body if ln.boxes and ln.text.rstrip()[-1:] not in _NO_LINE_START]
    ends = Counter(round(x * 2) / 2 for x in stops)  # to the half point
    common = None
    if ends:
        edge, n = ends.most_common(1)[0]
        all_ends = sorted(ln.boxes[-1][2] for ln in body if ln.boxes)
        if n >= 3 and n >= 0.2 * len(stops) and edge + 0.5 >= all_ends[len(all_ends) // 2]:
            common = max(x for x in stops if abs(x - edge) <= 0.25)
    out = {}
    for page, group in pages.items():
        lefts = sorted(ln.boxes[0][0] for ln in group if ln.boxes)
        rights = sorted(ln.boxes[-1][2] for ln in group if ln.boxes)
        left, own = lefts[len(lefts) // 10], rights[int(len(rights) * 0.9)]
        # (a fifth wider than the document's text block: another page size, not a hanging comma)
        right = own if common is None or own - left > 1.2 * (common - left) else common
        out[page] = (left, right)
    return out


def _first_unit(ln: RawLine) -> float:
    """The width of the first piece of ``ln`` a layout keeps whole: one character with the marks
    that may not part from it (an opening quote before, a comma after), or a number."""
    text, boxes = ln.text, ln.boxes
    if not boxes or not text.strip():
        return 0.0
    i = len(text) - len(text.lstrip())
    j = i
    while j < len(text) and text[j] in _NO_LINE_END:
        j += 1
    m = _UNBROKEN.match(text, j)
    j = m.end() if m else min(j + 1, len(text))
    while j < len(text) and text[j] in _NO_LINE_START:
        j += 1
    return boxes[j - 1][2] - boxes[i][0]


def _box_geometry(lines: Sequence[RawLine], texts: Sequence[Chars]) -> list[_Geom]:
    """Per line with glyph boxes (PDF): it runs to the right margin when it ends within about a
    character and a half of it, or when the first piece of the next line would not have fitted
    in the room left (a line holding digits, or one whose last character went down with a
    quote, stops well short of the margin); it is indented when it starts a character and a
    half in from the left margin.  The next line is the next one the cleaner kept (``texts``: a
    running head or footer between two pages is blank by now)."""
    margins = _margins(lines)
    geoms: list[_Geom] = []
    following: list[RawLine | None] = [None] * len(lines)
    nxt: RawLine | None = None
    for k in range(len(lines) - 1, -1, -1):
        following[k] = nxt
        if k < len(texts) and texts[k].text:
            nxt = lines[k]
    for k, ln in enumerate(lines):
        if not ln.boxes or ln.page not in margins:
            geoms.append(_Geom(full=False, indented=False))
            continue
        left, right = margins[ln.page]
        widths = [b[2] - b[0] for b in ln.boxes if b[2] > b[0]]
        cw = max(statistics.median(widths) if widths else 10.0, 6.0)
        end = ln.boxes[-1][2]
        nxt = following[k]
        room = right - end
        no_room = nxt is not None and nxt.kind == "text" and room > 0 and _first_unit(nxt) > room
        geoms.append(_Geom(full=end >= right - 1.6 * cw or no_room, indented=ln.boxes[0][0] >= left + 1.5 * cw))
    if sum(g.indented for g in geoms) >= 3:
        for g, ln in zip(geoms, lines):
            g.trusted = bool(ln.boxes)
    return geoms


_OPEN_END = CLAUSE_END + "，,、）)”"  # a line ending otherwise stops mid-sentence
# a run-in heading's title ended on the line and its paragraph began after it
_RUN_IN_GOES_ON = regex.compile(r"[。！？]\p{Han}{2,}$")
_CELL_GAP = regex.compile(r"\t|\S {2,}\S")  # cells of a text table (tabs, or runs of spaces)


def _open_lines(texts: Sequence[Chars], widths: Sequence[float]) -> list[tuple[Chars, float]]:
    """The lines (with their widths) that stop mid-sentence: no closing punctuation, 8+ wide."""
    return [(t, w) for t, w in zip(texts, widths) if w >= 8 and t.text[-1] not in _OPEN_END]


def wrap_width(texts: Sequence[Chars], widths: Sequence[float] | None = None,
                opened: list[tuple[Chars, float]] | None = None) -> float | None:
    """The wrap width of hard-wrapped text, or None when the lines are paragraphs.

    A hard-wrapped dump has many lines that stop mid-sentence (no closing punctuation): those
    are full lines by definition, and their median width is the wrap width.  A file whose
    lines end with punctuation is not hard-wrapped.  ``opened`` is :func:`_open_lines` of them,
    when the caller has it already.
    """
    if widths is None:
        widths = [display_width(t.text) if t.text else 0.0 for t in texts]
    if opened is None:
        opened = _open_lines(texts, widths)
    n = sum(1 for t in texts if t.text)
    # (a table row ends without punctuation too, but it is a row, not a wrapped line; its cell
    # gap needs a tab or two spaces, looked for first)
    mid = [w for t, w in opened
           if not MARKER_START.match(t.text) and not (("\t" in t.text or "  " in t.text) and _CELL_GAP.search(t.text))]
    if n == 0 or len(mid) < 3 or len(mid) < 0.25 * n:
        return None
    wrap = float(statistics.median(mid))
    # a line of prose several times that wide was never wrapped at it: the text is a web page's
    # paragraphs, one per line, and its short open lines are a table's rows of single-spaced
    # cells, a caption or a signature, not full lines of a hard wrap
    if any(w > _NEVER_WRAPPED * wrap and _PROSE.search(t.text) for t, w in zip(texts, widths)):
        return None
    return wrap


_NEVER_WRAPPED = 3.0  # a hard-wrapped dump's lines are the wrap width, a glued footer or bold repeat at most twice it
_PROSE = regex.compile(r"\p{Han}[，。；,;]")


# a marked line holding no clause punctuation: a heading's title ("（三）救援力量持续壮大")
_TITLE_LINE = regex.compile(MARKER_START.pattern + r"[^，,。；;：:、！？!?]*$")


def _wrap_floor(opened: list[tuple[Chars, float]]) -> float:
    """The width below which a line clearly stops short of the margin: the tenth percentile of
    the lines that stop mid-sentence (``opened``, see :func:`_open_lines`), less one and a half
    characters (digits, spaces and a comma kept off a line's start make full lines uneven).  A
    marked line without a clause mark is left out: it is a heading, which ends without
    punctuation too, and a dump of many short headings would otherwise set the floor at the
    longest of them, under which none of them is short."""
    mid = sorted(w for t, w in opened if not _TITLE_LINE.match(t.text)) or sorted(w for _, w in opened)
    return mid[len(mid) // 10] - 1.5 if mid else 0.0


def _all_bold(c: Chars) -> bool:
    if not c.text or (not c.bold[0] and c.text[0] not in SPACES):
        return False  # the common case: a plain line
    flags = [b for ch, b in zip(c.text, c.bold) if ch not in SPACES]
    return bool(flags) and all(flags)


def _starts_bold(c: Chars) -> bool:
    for ch, b in zip(c.text, c.bold):
        if ch not in SPACES:
            return b
    return False


def _continues(prev: Chars, pg: _Geom, nxt: Chars, ng: _Geom) -> bool:
    """Whether line ``nxt`` continues the paragraph that line ``prev`` ends."""
    last = prev.text[-1]
    if _all_bold(prev):
        # a bold heading wrapped onto the next line continues only into more bold text
        return _bold_cut(prev, nxt) or (_starts_bold(nxt) and pg.full and not MARKER_START.match(nxt.text)
                                        and not _complete_lead(nxt))
    if ng.indented:
        return False
    if pg.trusted and ng.trusted:
        # laid-out text with first-line indents: a full line continues, whatever it ends with
        return pg.full and not (MARKER_START.match(nxt.text) and _starts_bold(nxt))
    if last in SENTENCE_END:
        return False
    if (last.isdigit() or last == "." and prev.text[-2:-1].isdigit()) and nxt.text[:1].isdigit() \
            and not MARKER_START.match(nxt.text) and not pg.trusted and not _URL_END.search(prev.text):
        return True  # a number cut by the wrap ("参保人数达到312.4" + "6万人"): prose never ends a line on one
    if MARKER_START.match(prev.text) and _RUN_IN_GOES_ON.search(prev.text) and not MARKER_START.match(nxt.text):
        # a run-in heading whose title ended on the line and whose paragraph began after it
        # ("（一）养老扩容。年末全县共有养老机构"): the sentence goes on, whatever the line's width
        return True
    if _unclosed(prev.text) and not MARKER_START.match(nxt.text):
        # "…增值收益率1.60%（按" + "月均缴存余额…计算）": no paragraph ends inside a bracket it opened,
        # however short its last line (a dump wrapped by characters, digits counted whole)
        return True
    if (last in "，,、" or prev.text.endswith(_open_words())) and not pg.trusted and not MARKER_START.match(nxt.text):
        # a comma never ends a paragraph, nor a word that opens what follows (其中): a dump's line that
        # stops short on one ("…提取率70.2%。其中，" + "住房消费类提取33.58亿元") is a sentence going on,
        # however short the line
        return True
    if not pg.full:
        return False
    if pg.short and MARKER_START.match(prev.text) and last not in CLAUSE_END + "，,、":
        # a marked line that stops short of the margin is a heading, however long
        # ("一、坚持兜底保障，困难群众基本生活得到有效保障" above its first paragraph)
        return False
    if MARKER_START.match(prev.text) and MARKER_START.match(nxt.text) and last not in "，,、；;：:":
        # a marked line followed by a marked line: a heading and its first subheading
        # ("二、坚持扩面提质，社会保险覆盖面持续扩大" + "（一）参保扩面。截至…"), not one wrapped sentence
        return False
    if MARKER_START.match(nxt.text) and (last in CLAUSE_END or _starts_bold(nxt)):
        # "…；" + "二是…" continues an inline list of 一是/二是 items; other markers start anew
        return bool(last in "；;" and _INLINE_ITEM.match(nxt.text) and not _starts_bold(nxt))
    return True


@lru_cache(maxsize=1)
def _open_words() -> tuple[str, ...]:
    """The words a paragraph never ends on (``data/markers.yaml`` open_line_ends)."""
    return tuple(package_yaml("gongwen.extract", "data/markers.yaml").get("open_line_ends") or ())


def _unclosed(line: str) -> bool:
    """A line whose last bracket opens and is not closed on it ("…增值收益率1.60%（按")."""
    opened = max(line.rfind("（"), line.rfind("("))
    return opened >= 0 and opened > max(line.rfind("）"), line.rfind(")")) and not MARKER_START.match(line[opened:])


def without(lines_chars: list[Chars], drop: Set[int]) -> list[Chars]:
    """The lines with those in ``drop`` blank (field lines say nothing about the wrap width)."""
    return [BLANK if i in drop else c for i, c in enumerate(lines_chars)] if drop else lines_chars


def paragraphs(doc: RawDocument, lines_chars: list[Chars], meta: Set[int] = frozenset(),
                breaks: Set[int] = frozenset()) -> list[Para]:
    """The paragraphs of the lines; ``meta`` lines are paragraphs of their own, and a paragraph
    never runs across a line of ``breaks`` (a web page's chrome, blank by now)."""
    paras: list[Para] = []
    geoms = _geometry(doc.lines, without(lines_chars, meta))
    cur: list[Chars] = []
    cur_geom: _Geom | None = None
    first: RawLine | None = None
    forced = False  # the next line continues the paragraph whatever the layout says

    def flush() -> None:
        nonlocal cur, first
        if cur and first is not None:
            paras.append(Para(join_wrapped(cur), page=first.page, title_cue=first.centered,
                              outline_level=first.outline_level))
        cur, first = [], None

    for i, (ln, ch) in enumerate(zip(doc.lines, lines_chars)):
        if ln.kind == "table_row" or i in meta:
            flush()
            if ch.text:
                paras.append(Para(ch, kind="meta" if i in meta else "table_row", page=ln.page, cells=ln.cells))
            cur_geom = None
            continue
        if i in breaks:
            flush()  # a page title is never joined across the breadcrumb or buttons to the body
            cur_geom = None
            continue
        if not ch.text:
            continue  # blank lines are not reliable paragraph breaks in dumps
        if cur and cur_geom is not None and not forced and not _continues(cur[-1], cur_geom, ch, geoms[i]):
            flush()
        forced = False
        if not cur:
            first = ln
        cur.append(ch)
        cur_geom = geoms[i]
        if ln.para_end:
            if _bold_wraps_on(ch, lines_chars, doc.lines, i):
                forced = True
            else:
                flush()
                cur_geom = None
    flush()
    return paras


def _bold_wraps_on(ch: Chars, lines_chars: list[Chars], lines: Sequence[RawLine], i: int) -> bool:
    """A bold paragraph cut mid-phrase whose text goes on in bold in the next paragraph.

    DOCX files converted from PDF often end a paragraph at every visual line; a bold heading
    that wrapped ("…专项整治工作：一开展社会服务" + "机构整治工作，…") is one paragraph.
    """
    for j in range(i + 1, len(lines)):
        nxt = lines_chars[j]
        if not nxt.text:
            continue
        return lines[j].kind == "text" and _bold_cut(ch, nxt)
    return False


def _bold_cut(prev: Chars, nxt: Chars) -> bool:
    """``prev`` is a bold line cut mid-phrase and ``nxt`` goes on with the bold lead."""
    if not prev.text or not _all_bold(prev) or prev.text[-1] in CLAUSE_END + "，,、" \
            or display_width(prev.text) < 20:
        return False  # a short bold line is a complete heading, not a cut line
    return _starts_bold(nxt) and not _all_bold(nxt) and not MARKER_START.match(nxt.text) \
        and not _complete_lead(nxt)


def _complete_lead(c: Chars) -> bool:
    """Whether ``c`` opens with a whole bold lead of its own ("低保提标扩面。…"): a full-width bold
    heading line before it is complete, not cut ("（一）织密兜底保障网，困难群众…保障" + that lead)."""
    k = 0
    while k < len(c.text) and (c.bold[k] or c.text[k] in SPACES):
        k += 1
    lead = c.text[:k].rstrip()
    return len(lead) > 3 and lead[-1] in "。：:！!"


def join_wrapped(parts: list[Chars]) -> Chars:
    """Join wrapped lines; a space is kept only between two Latin letters (English wraps).

    The inserted space maps to the raw newline that separated the two lines.
    """
    out: list[Chars] = [parts[0]]
    for p in parts[1:]:
        prev = out[-1]
        if prev.text and p.text and prev.text[-1].isascii() and prev.text[-1].isalpha() \
                and p.text[0].isascii() and p.text[0].isalpha():
            out.append(Chars(" ", [prev.src[-1] + 1], [False]))
        out.append(p)
    return concat(out)
