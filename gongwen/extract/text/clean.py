"""Cleaning: raw reader lines → one canonical text with an offset map back to the raw text.

Every stage works on :class:`~gongwen.extract.text.chars.Chars` (characters with their raw indices
and bold flags), so the canonical text is built from ``(char, source_index)`` pairs and never
edited in place (pdfplumber's ``TextMap`` habit).  The stages:

1. for text dumps, page numbers left in the text removed (:mod:`gongwen.extract.text.footers`)
   and fake bold repaired (:mod:`gongwen.extract.text.dedupe`);
2. re-joining hard-wrapped lines into paragraphs, also across page breaks
   (:mod:`gongwen.extract.text.paragraphs`);
3. removing spurious spaces next to CJK characters and folding full-width forms
   (:mod:`gongwen.extract.text.normalise`);
4. the title split off the body's first words, a letterhead above it, a repeated title
   (:mod:`gongwen.extract.text.titlesplit`).
"""

from __future__ import annotations

import regex

from ..._frozen import replace
from ..readers.raw import RawDocument, RawLine
from .chars import BLANK, Chars, concat, cut, strip
from .dedupe import repair_fake_bold
from .footers import find_footers
from .normalise import normalise
from .paragraphs import Para, paragraphs, without, wrap_width
from .tables import mark_text_tables
from .titlesplit import indent_test, split_repeat, split_title
from .webpage import field_values, page_lines


def _line_chars(line: RawLine, start: int) -> Chars:
    if not line.text.strip():
        return BLANK  # blank lines carry nothing (and are never edited in place)
    return Chars(line.text, list(range(start, start + len(line.text))), list(line.bold))


def _normalise_row(c: Chars, cells: list[tuple[int, int]] | None) -> tuple[Chars, list[tuple[int, int]]]:
    """Normalise a table row cell by cell; cells stay separated by a tab."""
    if not cells:
        cells = [(0, len(c.text))]
    parts: list[Chars] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for k, (a, b) in enumerate(cells):
        cell = normalise(strip(Chars(c.text[a:b], c.src[a:b], c.bold[a:b])))
        if k:
            tab_src = c.src[a - 1] if a > 0 else (c.src[0] if c.src else -1)
            parts.append(Chars("\t", [tab_src], [False]))
            pos += 1
        parts.append(cell)
        spans.append((pos, pos + len(cell.text)))
        pos += len(cell.text)
    return concat(parts), spans


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


def _marked_tables(doc: RawDocument, footers: dict[int, list[tuple[int, int]]]) -> RawDocument:
    """The document with its text tables marked, page footers left out of the reading: a footer line
    counts as blank, and a footer glued into a row ("— 3 —志愿服务活动 场 8460 9000") as spaces."""
    whole = {i for i, r in footers.items() if r == [(0, len(doc.lines[i].text))]}
    glued = {i: r for i, r in footers.items() if i not in whole}
    if not glued:
        return mark_text_tables(doc, blank=whole)
    masked = replace(doc, lines=[replace(ln, text=_blanked(ln.text, glued[i])) if i in glued else ln
                                 for i, ln in enumerate(doc.lines)])
    marked = mark_text_tables(masked, blank=whole)
    return replace(doc, lines=[replace(m, text=o.text) if i in glued and m.text == masked.lines[i].text else m
                               for i, (m, o) in enumerate(zip(marked.lines, doc.lines))])


def _blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with the characters in ``ranges`` turned into spaces (offsets kept)."""
    chars = list(text)
    for a, b in ranges:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _cells_after_cut(doc: RawDocument, footers: dict[int, list[tuple[int, int]]]) -> RawDocument:
    """Table rows' cells moved to where they stand once a glued footer is cut from their line."""
    def moved(x: int, ranges: list[tuple[int, int]]) -> int:
        return x - sum(min(b, x) - a for a, b in ranges if a < x)
    rows = {i for i in footers if doc.lines[i].kind == "table_row" and doc.lines[i].cells}
    if not rows:
        return doc
    return replace(doc, lines=[replace(ln, cells=[(moved(a, footers[i]), moved(b, footers[i])) for a, b in ln.cells or ()])
                               if i in rows else ln for i, ln in enumerate(doc.lines)])


def clean(doc: RawDocument) -> list[Para]:
    """Turn a reader's lines into normalised paragraphs (the canonical text, paragraph-wise)."""
    footers: dict[int, list[tuple[int, int]]] = {}
    if doc.format == "text":
        footers = find_footers([ln.text for ln in doc.lines])
        doc = _marked_tables(doc, footers)
    starts = doc.line_starts()
    lines_chars = [_line_chars(ln, st) for ln, st in zip(doc.lines, starts)]
    for i, ranges in footers.items():
        # page numbers left in a dump: gone from the text, wherever they stood in the line
        lines_chars[i] = cut(lines_chars[i], ranges) if lines_chars[i].text else lines_chars[i]
    doc = _cells_after_cut(doc, footers)
    if doc.format == "text" and doc.path.lower().endswith((".md", ".markdown")):
        doc, lines_chars = _markdown(doc, lines_chars)
    if doc.format == "text":
        prose = [k for k, ln in enumerate(doc.lines) if ln.kind != "table_row"]
        for k, fixed in zip(prose, repair_fake_bold([lines_chars[k] for k in prose])):
            lines_chars[k] = fixed
    lines_chars = [strip(c) if ln.kind != "table_row" else c for ln, c in zip(doc.lines, lines_chars)]
    # a web page's information fields and chrome around the report
    meta, chrome = page_lines([c.text if ln.kind == "text" else None for ln, c in zip(doc.lines, lines_chars)])
    for i in chrome:
        lines_chars[i] = BLANK
    # table rows say nothing about a wrap width either (short cells read as cut lines)
    rows = {i for i, ln in enumerate(doc.lines) if ln.kind == "table_row"}
    if doc.format == "docx" and wrap_width(without(lines_chars, set(meta) | rows)) is not None:
        # a DOCX converted from a PDF, one paragraph per visual line: join like a text dump
        doc = replace(doc, lines=[replace(ln, para_end=None) if ln.kind == "text" else ln for ln in doc.lines])
    paras = paragraphs(doc, lines_chars, meta, chrome)
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
        out = split_repeat(split_title(out, indent_test(doc), known), known)
    return out
