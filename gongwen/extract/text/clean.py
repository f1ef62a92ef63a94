"""Cleaning: raw reader lines → one canonical text with an offset map back to the raw text.

Every stage works on :class:`~gongwen.extract.text.dedupe.Chars` (characters with their raw indices
and bold flags), so the canonical text is built from ``(char, source_index)`` pairs and never
edited in place (pdfplumber's ``TextMap`` habit).  The stages:

1. for text dumps, page numbers left in the text removed (:mod:`gongwen.extract.text.footers`)
   and fake bold repaired (:mod:`gongwen.extract.text.dedupe`);
2. re-joining hard-wrapped lines into paragraphs (also across page breaks);
3. removing spurious spaces next to CJK characters and folding full-width forms
   (:mod:`gongwen.extract.text.normalise`);
4. the title split off the body's first words, a letterhead above it, a repeated title.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, replace

import regex

from ..readers.raw import RawDocument, RawLine
from .dedupe import Chars, repair_fake_bold
from .footers import find_footers
from .normalise import SPACES, normalise
from .tables import mark_text_tables
from .title import forwarded, letterhead_end, looks_like_title, max_title, title_end
from .webpage import field_values, page_lines

_SENTENCE_END = "。！？!?"
_CLAUSE_END = _SENTENCE_END + "；;：:"

# A line that opens with a heading or list marker (used to decide paragraph breaks only; the
# outline stage decides what is really a heading).
_INLINE_ITEM = regex.compile(r"^[一二三四五六七八九十]{1,3}是")
_MARKER_START = regex.compile(
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


_BLANK = Chars("", [], [])


def _line_chars(line: RawLine, start: int) -> Chars:
    if not line.text.strip():
        return _BLANK  # blank lines carry nothing (and are never edited in place)
    return Chars(line.text, list(range(start, start + len(line.text))), list(line.bold))


def _cut(c: Chars, ranges: Sequence[tuple[int, int]]) -> Chars:
    """``c`` without the characters in ``ranges`` (sorted, disjoint): nothing else moves."""
    keep: list[Chars] = []
    pos = 0
    for a, b in ranges:
        keep.append(Chars(c.text[pos:a], c.src[pos:a], c.bold[pos:a]))
        pos = b
    keep.append(Chars(c.text[pos:], c.src[pos:], c.bold[pos:]))
    return _concat(keep)


def _strip(c: Chars) -> Chars:
    t = c.text
    if not t or (t[0] not in SPACES and t[-1] not in SPACES):
        return c  # nothing to strip (most lines): Chars are never edited in place, so share it
    a, b = 0, len(t)
    while a < b and t[a] in SPACES:
        a += 1
    while b > a and t[b - 1] in SPACES:
        b -= 1
    return Chars(t[a:b], c.src[a:b], c.bold[a:b])


def _concat(parts: Iterable[Chars]) -> Chars:
    t: list[str] = []
    s: list[int] = []
    b: list[bool] = []
    for p in parts:
        t.append(p.text)
        s.extend(p.src)
        b.extend(p.bold)
    return Chars("".join(t), s, b)


# -- line joining -----------------------------------------------------------------------------
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
    geoms: list[_Geom] = []
    boxed = [ln.boxes for ln in lines if ln.boxes]
    if boxed:
        by_page: dict[int | None, list[tuple[float, float, float]]] = {}
        for ln in lines:
            if ln.boxes:
                widths = [b[2] - b[0] for b in ln.boxes if b[2] > b[0]]
                cw = statistics.median(widths) if widths else 10.0
                by_page.setdefault(ln.page, []).append((ln.boxes[0][0], ln.boxes[-1][2], cw))
        edges = {}
        for page, items in by_page.items():
            lefts = sorted(x0 for x0, _, _ in items)
            rights = sorted(x1 for _, x1, _ in items)
            edges[page] = (lefts[len(lefts) // 10], rights[int(len(rights) * 0.9)] if rights else 0.0)
        for ln in lines:
            if not ln.boxes:
                geoms.append(_Geom(full=False, indented=False))
                continue
            left, right = edges[ln.page]
            widths = [b[2] - b[0] for b in ln.boxes if b[2] > b[0]]
            cw = max(statistics.median(widths) if widths else 10.0, 6.0)
            geoms.append(_Geom(full=ln.boxes[-1][2] >= right - 1.6 * cw,
                               indented=ln.boxes[0][0] >= left + 1.5 * cw))
        if sum(g.indented for g in geoms) >= 3:
            for g, ln in zip(geoms, lines):
                g.trusted = bool(ln.boxes)
        return geoms
    all_w = [display_width(t.text) if t.text else 0.0 for t in texts]
    opened = _open_lines(texts, all_w)
    wrap = _wrap_width(texts, all_w, opened)
    if wrap is None:
        return [_Geom(False, False) for _ in texts]
    limit, floor = 0.75 * wrap, _wrap_floor(opened)
    for t, w in zip(texts, all_w):
        geoms.append(_Geom(full=bool(t.text) and w >= limit, indented=False, short=w < floor))
    return geoms


_OPEN_END = _CLAUSE_END + "，,、）)”"  # a line ending otherwise stops mid-sentence
# a run-in heading's title ended on the line and its paragraph began after it
_RUN_IN_GOES_ON = regex.compile(r"[。！？]\p{Han}{2,}$")
_CELL_GAP = regex.compile(r"\t|\S {2,}\S")  # cells of a text table (tabs, or runs of spaces)


def _open_lines(texts: Sequence[Chars], widths: Sequence[float]) -> list[tuple[Chars, float]]:
    """The lines (with their widths) that stop mid-sentence: no closing punctuation, 8+ wide."""
    return [(t, w) for t, w in zip(texts, widths) if w >= 8 and t.text[-1] not in _OPEN_END]


def _wrap_width(texts: Sequence[Chars], widths: Sequence[float] | None = None,
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
           if not _MARKER_START.match(t.text) and not (("\t" in t.text or "  " in t.text) and _CELL_GAP.search(t.text))]
    if n == 0 or len(mid) < 3 or len(mid) < 0.25 * n:
        return None
    return float(statistics.median(mid))


def _wrap_floor(opened: list[tuple[Chars, float]]) -> float:
    """The width below which a line clearly stops short of the margin: the tenth percentile of
    the lines that stop mid-sentence (``opened``, see :func:`_open_lines`), less half a character
    (digits and spaces make a tool's full lines uneven)."""
    mid = sorted(w for _, w in opened)
    return mid[len(mid) // 10] - 0.5 if mid else 0.0


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
        return _bold_cut(prev, nxt) or (_starts_bold(nxt) and pg.full and not _MARKER_START.match(nxt.text)
                                        and not _complete_lead(nxt))
    if ng.indented:
        return False
    if pg.trusted and ng.trusted:
        # laid-out text with first-line indents: a full line continues, whatever it ends with
        return pg.full and not (_MARKER_START.match(nxt.text) and _starts_bold(nxt))
    if last in _SENTENCE_END:
        return False
    if (last.isdigit() or last == "." and prev.text[-2:-1].isdigit()) and nxt.text[:1].isdigit() \
            and not _MARKER_START.match(nxt.text) and not pg.trusted:
        return True  # a number cut by the wrap ("参保人数达到312.4" + "6万人"): prose never ends a line on one
    if _MARKER_START.match(prev.text) and _RUN_IN_GOES_ON.search(prev.text) and not _MARKER_START.match(nxt.text):
        # a run-in heading whose title ended on the line and whose paragraph began after it
        # ("（一）养老扩容。年末全县共有养老机构"): the sentence goes on, whatever the line's width
        return True
    if not pg.full:
        return False
    if pg.short and _MARKER_START.match(prev.text) and last not in _CLAUSE_END + "，,、":
        # a marked line that stops short of the margin is a heading, however long
        # ("一、坚持兜底保障，困难群众基本生活得到有效保障" above its first paragraph)
        return False
    if _MARKER_START.match(prev.text) and _MARKER_START.match(nxt.text) and last not in "，,、；;：:":
        # a marked line followed by a marked line: a heading and its first subheading
        # ("二、坚持扩面提质，社会保险覆盖面持续扩大" + "（一）参保扩面。截至…"), not one wrapped sentence
        return False
    if _MARKER_START.match(nxt.text) and (last in _CLAUSE_END or _starts_bold(nxt)):
        # "…；" + "二是…" continues an inline list of 一是/二是 items; other markers start anew
        return bool(last in "；;" and _INLINE_ITEM.match(nxt.text) and not _starts_bold(nxt))
    return True


def _without(lines_chars: list[Chars], drop: Set[int]) -> list[Chars]:
    """The lines with those in ``drop`` blank (field lines say nothing about the wrap width)."""
    return [_BLANK if i in drop else c for i, c in enumerate(lines_chars)] if drop else lines_chars


def _paragraphs(doc: RawDocument, lines_chars: list[Chars], meta: Set[int] = frozenset(),
                breaks: Set[int] = frozenset()) -> list[Para]:
    """The paragraphs of the lines; ``meta`` lines are paragraphs of their own, and a paragraph
    never runs across a line of ``breaks`` (a web page's chrome, blank by now)."""
    paras: list[Para] = []
    geoms = _geometry(doc.lines, _without(lines_chars, meta))
    cur: list[Chars] = []
    cur_geom: _Geom | None = None
    first: RawLine | None = None
    forced = False  # the next line continues the paragraph whatever the layout says

    def flush() -> None:
        nonlocal cur, first
        if cur and first is not None:
            paras.append(Para(_join_wrapped(cur), page=first.page, title_cue=first.centered,
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
    if not prev.text or not _all_bold(prev) or prev.text[-1] in _CLAUSE_END + "，,、" \
            or display_width(prev.text) < 20:
        return False  # a short bold line is a complete heading, not a cut line
    return _starts_bold(nxt) and not _all_bold(nxt) and not _MARKER_START.match(nxt.text) \
        and not _complete_lead(nxt)


def _complete_lead(c: Chars) -> bool:
    """Whether ``c`` opens with a whole bold lead of its own ("低保提标扩面。…"): a full-width bold
    heading line before it is complete, not cut ("（一）织密兜底保障网，困难群众…保障" + that lead)."""
    k = 0
    while k < len(c.text) and (c.bold[k] or c.text[k] in SPACES):
        k += 1
    lead = c.text[:k].rstrip()
    return len(lead) > 3 and lead[-1] in "。：:！!"


def _join_wrapped(parts: list[Chars]) -> Chars:
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
    return _concat(out)


def _normalise_row(c: Chars, cells: list[tuple[int, int]] | None) -> tuple[Chars, list[tuple[int, int]]]:
    """Normalise a table row cell by cell; cells stay separated by a tab."""
    if not cells:
        cells = [(0, len(c.text))]
    parts: list[Chars] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for k, (a, b) in enumerate(cells):
        cell = normalise(_strip(Chars(c.text[a:b], c.src[a:b], c.bold[a:b])))
        if k:
            tab_src = c.src[a - 1] if a > 0 else (c.src[0] if c.src else -1)
            parts.append(Chars("\t", [tab_src], [False]))
            pos += 1
        parts.append(cell)
        spans.append((pos, pos + len(cell.text)))
        pos += len(cell.text)
    return _concat(parts), spans


_MD_HEADING = regex.compile(r"^(#{1,6})[ \t]+")
_MD_BOLD = regex.compile(r"\*\*(.+?)\*\*|__(.+?)__")


def _markdown(doc: RawDocument, lines_chars: list[Chars]) -> tuple[RawDocument, list[Chars]]:
    """Markdown markup is not the author's words: ``# 标题`` gives an outline level and
    ``**粗体**`` bold; the markers are dropped (the offset map still points into the file)."""
    lines = list(doc.lines)
    out: list[Chars] = []
    for k, c in enumerate(lines_chars):
        m = _MD_HEADING.match(c.text)
        if m:
            n = m.end()
            c = Chars(c.text[n:], c.src[n:], c.bold[n:])
            lines[k] = replace(lines[k], outline_level=len(m.group(1)), para_end=True)
        if "**" in c.text or "__" in c.text:
            t, s, b = [], [], []
            pos = 0
            for bm in _MD_BOLD.finditer(c.text):
                g = 1 if bm.group(1) is not None else 2
                t.append(c.text[pos:bm.start()])
                s.extend(c.src[pos:bm.start()])
                b.extend(c.bold[pos:bm.start()])
                a, e = bm.start(g), bm.end(g)
                t.append(c.text[a:e])
                s.extend(c.src[a:e])
                b.extend([True] * (e - a))
                pos = bm.end()
            t.append(c.text[pos:])
            s.extend(c.src[pos:])
            b.extend(c.bold[pos:])
            c = Chars("".join(t), s, b)
        out.append(c)
    return replace(doc, lines=lines), out


# -- the title ------------------------------------------------------------------------------------
def _split_at(c: Chars, k: int) -> tuple[Chars, Chars]:
    return Chars(c.text[:k], c.src[:k], c.bold[:k]), _strip(Chars(c.text[k:], c.src[k:], c.bold[k:]))


def _split_title(paras: list[Para], indented: Callable[[Para], bool], known: str | None = None) -> list[Para]:
    """The report title as a paragraph of its own, when a dump ran it into the body's first
    words or wrapped it over two lines (see :mod:`gongwen.extract.text.title`).

    ``known`` is the title a web page's 标题： field gives: a first paragraph starting with it
    is cut after it, whatever its words.
    """
    k = next((i for i, p in enumerate(paras) if p.kind == "body"), None)
    if k is None or paras[k].outline_level is not None or _MARKER_START.match(paras[k].chars.text):
        return paras
    p = paras[k]
    t = p.chars.text
    lh = letterhead_end(t)
    if lh is not None:
        # a letterhead (某县民政局文件 某民发〔2024〕3号) run into the title: a paragraph of its own
        head, rest = _split_at(p.chars, lh)
        return paras[:k] + [replace(p, chars=head)] + _split_title([Para(rest, page=p.page)] + paras[k + 1:], indented, known)
    fw = forwarded(t)
    if fw is not None and not known:
        return _split_forwarded(paras, k, *fw)
    if known and len(t) > len(known) and t.startswith(known):
        head, rest = _split_at(p.chars, len(known))
        return paras[:k] + [replace(p, chars=head, title_cue=True), Para(rest, page=p.page)] + paras[k + 1:]
    end = title_end(t)
    q = paras[k + 1] if k + 1 < len(paras) and paras[k + 1].kind == "body" else None
    if end is not None and (end < len(t) or q is None or not _JOIN_START.match(q.chars.text)):
        if end == len(t):
            return paras  # the title is a paragraph already
        head, rest = _split_at(p.chars, end)
        return paras[:k] + [replace(p, chars=head, title_cue=True), Para(rest, page=p.page)] + paras[k + 1:]
    if q is None or not looks_like_title(t) or indented(q) or _MARKER_START.match(q.chars.text):
        return paras
    u = q.chars.text
    end = title_end(t + u)
    if end is not None and end > len(t):
        # "某县民政局2022年" + "工作总结及2023年工作思路…": one title, perhaps run into the body
        head, rest = _split_at(q.chars, end - len(t))
        out = [replace(p, chars=_join_wrapped([p.chars, head]), title_cue=True)]
        if rest.text:
            out.append(Para(rest, page=q.page))
        return paras[:k] + out + paras[k + 2:]
    if end is None and title_end(u) is None and len(t) + len(u) <= max_title() and not _TITLE_STOP.search(u) \
            and k + 2 < len(paras) and (indented(paras[k + 2]) or _MARKER_START.match(paras[k + 2].chars.text)):
        # two short title lines, then a line break before an indented or numbered body
        return paras[:k] + [replace(p, chars=_join_wrapped([p.chars, q.chars]), title_cue=True)] + paras[k + 2:]
    return paras


def _split_forwarded(paras: list[Para], k: int, end: int, titles: list[str]) -> list[Para]:
    """A notice forwarding a report: its title, and the forwarded report's title further down,
    each a paragraph of its own (a dump may run either into the text after it)."""
    out = paras[:k]
    p = paras[k]
    if end < len(p.chars.text):
        head, rest = _split_at(p.chars, end)
        out += [replace(p, chars=head, title_cue=True), Para(rest, page=p.page)]
    else:
        out.append(replace(p, title_cue=True))
    for j in range(k + 1, min(len(paras), k + 12)):
        q = paras[j]
        t = q.chars.text
        title = next((x for x in titles if t.startswith(x)), None) if q.kind == "body" else None
        if title is None:
            continue
        if len(t) > len(title):
            head, rest = _split_at(q.chars, len(title))
            return out + paras[k + 1:j] + [replace(q, chars=head, title_cue=True), Para(rest, page=q.page)] + paras[j + 1:]
        return out + paras[k + 1:j] + [replace(q, title_cue=True)] + paras[j + 1:]
    return out + paras[k + 1:]


def _split_repeat(paras: list[Para], known: str | None) -> list[Para]:
    """A web page repeats its title above the report, sometimes run into the body's first words
    ("某县民政局2024年工作计划2024年，我局…"): the repeat is cut off too (metadata marks it)."""
    body = [i for i, p in enumerate(paras) if p.kind == "body"][:2]
    if len(body) < 2:
        return paras
    t = known or paras[body[0]].chars.text
    if not (known or paras[body[0]].title_cue or title_end(t) == len(t)):
        return paras
    k = body[1]
    u = paras[k].chars.text
    if len(u) <= len(t) or not u.startswith(t):
        return paras
    head, rest = _split_at(paras[k].chars, len(t))
    return paras[:k] + [replace(paras[k], chars=head), Para(rest, page=paras[k].page)] + paras[k + 1:]


_JOIN_START = regex.compile(r"^(?:以及|和|及|暨|与|并)")
_TITLE_STOP = regex.compile(r"[，。；：！？,;:!?〔〕【】（）()\d]")


def _indent_test(doc: RawDocument) -> Callable[[Para], bool]:
    """Whether a paragraph's first line is indented in the raw text (text dumps only)."""
    if doc.format != "text":
        return lambda p: False
    raw = doc.raw

    def indented(p: Para) -> bool:
        if not p.chars.src:
            return False
        i = p.chars.src[0]
        line_start = raw.rfind("\n", 0, i) + 1
        return i > line_start and not raw[line_start:i].strip(SPACES)

    return indented


def clean(doc: RawDocument) -> list[Para]:
    """Turn a reader's lines into normalised paragraphs (the canonical text, paragraph-wise)."""
    footers: dict[int, list[tuple[int, int]]] = {}
    if doc.format == "text":
        footers = find_footers([ln.text for ln in doc.lines])
        doc = mark_text_tables(doc, blank={i for i, r in footers.items() if r == [(0, len(doc.lines[i].text))]})
    starts = doc.line_starts()
    lines_chars = [_line_chars(ln, st) for ln, st in zip(doc.lines, starts)]
    for i, ranges in footers.items():
        # page numbers left in a dump: gone from the text, wherever they stood in the line
        lines_chars[i] = _cut(lines_chars[i], ranges) if lines_chars[i].text else lines_chars[i]
    if doc.format == "text" and doc.path.lower().endswith((".md", ".markdown")):
        doc, lines_chars = _markdown(doc, lines_chars)
    if doc.format == "text":
        prose = [k for k, ln in enumerate(doc.lines) if ln.kind != "table_row"]
        for k, fixed in zip(prose, repair_fake_bold([lines_chars[k] for k in prose])):
            lines_chars[k] = fixed
    lines_chars = [_strip(c) if ln.kind != "table_row" else c for ln, c in zip(doc.lines, lines_chars)]
    # a web page's information fields and chrome around the report
    meta, chrome = page_lines([c.text if ln.kind == "text" else None for ln, c in zip(doc.lines, lines_chars)])
    for i in chrome:
        lines_chars[i] = _BLANK
    # table rows say nothing about a wrap width either (short cells read as cut lines)
    rows = {i for i, ln in enumerate(doc.lines) if ln.kind == "table_row"}
    if doc.format == "docx" and _wrap_width(_without(lines_chars, set(meta) | rows)) is not None:
        # a DOCX converted from a PDF, one paragraph per visual line: join like a text dump
        doc = replace(doc, lines=[replace(ln, para_end=None) if ln.kind == "text" else ln for ln in doc.lines])
    paras = _paragraphs(doc, lines_chars, meta, chrome)
    out: list[Para] = []
    for p in paras:
        if p.kind == "table_row":
            row, spans = _normalise_row(p.chars, p.cells)
            p.chars, p.cells = row, spans
            out.append(p)
            continue
        p.chars = normalise(p.chars)
        if p.chars.text:
            out.append(p)
    known = field_values(p.chars.text for p in out if p.kind == "meta").get("title")
    if doc.format in ("text", "pdf") or known:
        out = _split_repeat(_split_title(out, _indent_test(doc), known), known)
    return out
