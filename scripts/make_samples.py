#!/usr/bin/env python3
"""Build the bundled sample corpus (PDF, DOCX, text dump) from the hand-written sources.

Each source ``gongwen/corpora/samples/src/<name>.gw`` is a UTF-8 file:

* a front matter between two ``---`` lines with ``key: value`` pairs (``title``, ``issuer``,
  ``date`` as ``2022年12月8日``, ``k`` = how many times fake bold is over-printed, ``formats``,
  ``series`` + ``series_format``, ``bureau``, ``roles``, ``docx_bold`` = ``runs`` or ``style``;
  ``anomaly`` may repeat);
* then one line per paragraph (blank lines are ignored).  ``**…**`` marks bold, ``{{…}}`` a
  word that the typesetting letter-spaced (it comes out as ``留 守 儿 童`` in a text dump), and
  consecutive lines starting with ``|`` form a table (first row = column headers).

For every source the script writes ``<out>/<name>/<name>.pdf|.docx|.txt`` (the formats listed
in ``formats``), copies one file per year of each series into ``<out>/series/``, and writes
``<out>/manifest.json``.  The output is deterministic: the PDF uses reportlab's ``invariant``
mode and no compression, the DOCX has fixed core properties and zip timestamps, and the
text dump's irregularities come from a random generator seeded with the sample name.

Usage: ``python scripts/make_samples.py [--src DIR] [--out DIR]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import re
import shutil
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "gongwen" / "corpora" / "samples"

CJK_FONT = "STSong-Light"
LATIN_FONT = "Times-Roman"
BODY_SIZE = 16.0
TITLE_SIZE = 22.0
TABLE_SIZE = 12.0
CHARS_PER_LINE = 28
PAGE_W, PAGE_H = 595.2756, 841.8898
TEXT_W = CHARS_PER_LINE * BODY_SIZE
LEFT = (PAGE_W - TEXT_W) / 2
TOP = PAGE_H - 100.0
BOTTOM = 95.0
PITCH = 27.5
LETTER_SPACE = 7.0
# Sub-point offsets of the over-printed copies of a fake-bold glyph (first k are used).
BOLD_OFFSETS = [(0.0, 0.0), (0.3, 0.0), (0.0, 0.3), (0.3, 0.3)]

NO_LINE_START = set("，。、；：？！）》」』”’％%…—,.;:")
NO_LINE_END = set("（《「『“‘(")
MARKER = re.compile(
    r"^(（[一二三四五六七八九十]+）|（\d+）|[一二三四五六七八九十]+、|\d+[、.．]|第[一二三四五六七八九十]+、?|"
    r"[一二三四五六七八九十]+是)")
INLINE = re.compile(r"\*\*(.+?)\*\*|\{\{(.+?)\}\}")
BOLD_STYLES = ("line", "run", "char")


@dataclass
class Seg:
    """A stretch of text with one style."""

    text: str
    bold: bool = False
    spaced: bool = False


@dataclass
class Para:
    """A paragraph: styled segments."""

    segs: list[Seg]


@dataclass
class Table:
    """A table: rows of cell texts; the first row holds the column headers."""

    rows: list[list[str]]


@dataclass
class Sample:
    """One parsed source file."""

    name: str
    meta: dict[str, str]
    anomalies: list[str]
    blocks: list[Para | Table]

    @property
    def k(self) -> int:
        return int(self.meta["k"])

    @property
    def formats(self) -> list[str]:
        return [f.strip() for f in self.meta.get("formats", "pdf,docx,txt").split(",")]

    @property
    def iso_date(self) -> str:
        m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", self.meta["date"])
        if not m:
            raise ValueError(f"{self.name}: date {self.meta['date']!r} is not like 2022年12月8日")
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()


def parse_inline(text: str) -> list[Seg]:
    """Split a paragraph line into segments on ``**bold**`` and ``{{spaced}}`` markup."""
    segs: list[Seg] = []
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            segs.append(Seg(text[pos:m.start()]))
        segs.append(Seg(m[1], bold=True) if m[1] is not None else Seg(m[2], spaced=True))
        pos = m.end()
    if pos < len(text):
        segs.append(Seg(text[pos:]))
    return segs


def parse_source(path: Path) -> Sample:
    """Read one ``.gw`` source file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError(f"{path}: missing front matter")
    end = lines.index("---", 1)
    meta: dict[str, str] = {}
    anomalies: list[str] = []
    for ln in lines[1:end]:
        key, _, value = ln.partition(":")
        if key.strip() == "anomaly":
            anomalies.append(value.strip())
        else:
            meta[key.strip()] = value.strip()
    for key in ("title", "issuer", "date", "k"):
        if key not in meta:
            raise ValueError(f"{path}: front matter lacks {key!r}")
    blocks: list[Para | Table] = []
    for ln in lines[end + 1:]:
        ln = ln.strip()
        if not ln:
            continue
        if ln.startswith("|"):
            row = [c.strip() for c in ln.strip("|").split("|")]
            if blocks and isinstance(blocks[-1], Table):
                blocks[-1].rows.append(row)
            else:
                blocks.append(Table([row]))
        else:
            blocks.append(Para(parse_inline(ln)))
    return Sample(path.stem, meta, anomalies, blocks)


def plain_text(sample: Sample) -> str:
    """The body without markup: paragraphs and table rows (cells joined by tabs), one a line."""
    out = []
    for b in sample.blocks:
        if isinstance(b, Para):
            out.append("".join(s.text for s in b.segs))
        else:
            out.extend("\t".join(r) for r in b.rows)
    return "\n".join(out)


# ---------------------------------------------------------------------------------- layout

def is_latin(ch: str) -> bool:
    return ord(ch) < 0x2000


def char_width(ch: str, size: float = BODY_SIZE) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if is_latin(ch):
        return stringWidth(ch, LATIN_FONT, size)
    return size


@dataclass
class Line:
    """One physical line of the laid-out page."""

    kind: str  # "title", "body", "sig", "table_row", "gap"
    segs: list[Seg] = field(default_factory=list)
    first: bool = False  # first line of a paragraph (indented)
    cells: list[str] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    header: bool = False
    height: float = PITCH
    cell_lines: list[list[str]] = field(default_factory=list)  # a table row's cells, wrapped
    size: float = TABLE_SIZE  # a table row's type size


def wrap(segs: list[Seg], indent: float) -> list[list[Seg]]:
    """Greedy line breaking with simple kinsoku (no closing punctuation at a line start)."""
    chars = [(ch, s.bold, s.spaced) for s in segs for ch in s.text]
    lines: list[list[tuple[str, bool, bool]]] = []
    cur: list[tuple[str, bool, bool]] = []
    used = indent
    for ch, bold, spaced in chars:
        w = char_width(ch) + (LETTER_SPACE if spaced else 0.0)
        if cur and used + w > TEXT_W + 0.01 and ch not in NO_LINE_START:
            carry: list[tuple[str, bool, bool]] = []
            while cur and cur[-1][0] in NO_LINE_END:
                carry.insert(0, cur.pop())
            lines.append(cur)
            cur, used = carry, sum(char_width(c[0]) for c in carry)
        cur.append((ch, bold, spaced))
        used += w
    if cur:
        lines.append(cur)
    out = []
    for ln in lines:
        segs_out: list[Seg] = []
        for ch, bold, spaced in ln:
            if segs_out and segs_out[-1].bold == bold and segs_out[-1].spaced == spaced:
                segs_out[-1].text += ch
            else:
                segs_out.append(Seg(ch, bold, spaced))
        out.append(segs_out)
    return out


def text_width(text: str, size: float = TABLE_SIZE) -> float:
    """Width of a run of text: Latin glyphs by their metrics, every other glyph one em."""
    return sum(char_width(ch, size) for ch in text)


CELL_PAD = 10.0  # a cell's inner margins, left and right together
CELL_PITCH = 15.0  # line pitch of a wrapped cell
ROW_HEIGHT = 24.0  # a row of one line
BRACKET_TOKEN = re.compile(r"（[^（）]{1,6}）|\([^()]{1,6}\)|[\x00-\u1fff]+|.", re.S)


def cell_tokens(text: str) -> list[str]:
    """The pieces a cell may be broken between: a short bracket (（万元）), a run of Latin letters
    and digits (a number is never broken), one CJK character; closing punctuation stays with the
    piece before it and opening punctuation with the piece after it, as in body lines."""
    toks: list[str] = []
    for m in BRACKET_TOKEN.finditer(text):
        t = m[0]
        if toks and (t[0] in NO_LINE_START or toks[-1][-1] in NO_LINE_END):
            toks[-1] += t
        else:
            toks.append(t)
    return toks


def wrap_cell(text: str, width: float, size: float = TABLE_SIZE) -> list[str]:
    """Break a cell's text into lines no wider than ``width`` (less its margins) at the allowed
    points; a piece wider than the cell gets a line of its own, and a text that fits between the
    cell's rules stays on one line even where it eats into the margins."""
    if text_width(text, size) <= width + 0.01:
        return [text]
    lines: list[str] = []
    for tok in cell_tokens(text):
        if lines and text_width(lines[-1] + tok, size) <= width - CELL_PAD + 0.01:
            lines[-1] += tok
        else:
            lines.append(tok)
    return lines or [""]


def column_widths(rows: list[list[str]]) -> list[float]:
    """Column widths filling the text width: proportional to each column's longest cell when every
    cell fits on one line (its margins may narrow); else each column keeps at least its widest unbreakable piece
    (a number, a bracketed unit) and gives up the rest in proportion, its cells wrapping — a
    typesetter's table, never one whose text overruns its cells or the page."""
    ncol = max(len(r) for r in rows)
    need = [0.0] * ncol
    least = [0.0] * ncol
    for r in rows:
        for i, c in enumerate(r):
            need[i] = max(need[i], text_width(c) + CELL_PAD)
            least[i] = max([least[i]] + [text_width(t) + CELL_PAD for t in cell_tokens(c)])
    scale = TEXT_W / sum(need)
    if all(n * scale >= n - CELL_PAD for n in need):  # at worst the margins narrow
        return [n * scale for n in need]
    spare = max(TEXT_W - sum(least), 0.0)
    give = sum(n - m for n, m in zip(need, least)) or 1.0
    widths = [m + (n - m) * spare / give for n, m in zip(need, least)]
    return [w * TEXT_W / sum(widths) for w in widths]


def table_lines(rows: list[list[str]]) -> list[Line]:
    """The laid-out rows of a table: cells wrapped to their column, rows as tall as their
    tallest cell, and the type shrunk only when a column's unbreakable piece is wider than it."""
    widths = column_widths(rows)
    size = TABLE_SIZE
    for r in rows:
        for c, w in zip(r, widths):
            for t in cell_tokens(c):
                if text_width(t) + CELL_PAD > w + 0.01:
                    size = min(size, TABLE_SIZE * (w - CELL_PAD) / text_width(t))
    out: list[Line] = []
    for i, r in enumerate(rows):
        wrapped = [wrap_cell(c, w, size) for c, w in zip(r, widths)]
        height = ROW_HEIGHT + (max(len(x) for x in wrapped) - 1) * CELL_PITCH
        out.append(Line("table_row", cells=r, widths=widths, header=i == 0, height=height,
                        cell_lines=wrapped, size=size))
    return out


def layout(sample: Sample) -> list[list[Line]]:
    """Lay the sample out into pages of lines (shared by the PDF and the text dump)."""
    lines: list[Line] = []
    for t in wrap([Seg(sample.meta["title"])], 0.0) if len(sample.meta["title"]) <= 20 else \
            [[Seg(x)] for x in split_title(sample.meta["title"])]:
        lines.append(Line("title", t, height=PITCH * 1.4))
    lines.append(Line("gap", height=PITCH * 0.6))
    for b in sample.blocks:
        if isinstance(b, Para):
            for i, segs in enumerate(wrap(b.segs, 2 * BODY_SIZE)):
                lines.append(Line("body", segs, first=i == 0))
        else:
            lines.extend(table_lines(b.rows))
            lines.append(Line("gap", height=8.0))
    lines.append(Line("gap", height=PITCH))
    lines.append(Line("sig", [Seg(sample.meta["issuer"])]))
    lines.append(Line("sig", [Seg(sample.meta["date"])]))
    pages: list[list[Line]] = [[]]
    y = TOP
    for i, ln in enumerate(lines):
        need = ln.height
        if ln.kind == "table_row" and ln.header:  # keep a table on one page
            j = i
            while j + 1 < len(lines) and lines[j + 1].kind == "table_row" and not lines[j + 1].header:
                j += 1
            need = sum(x.height for x in lines[i:j + 1])
        if y - need < BOTTOM and pages[-1]:
            pages.append([])
            y = TOP
            if ln.kind == "gap":
                continue
        pages[-1].append(ln)
        y -= ln.height
    return pages


def split_title(title: str) -> list[str]:
    """Break a long title after 年 (the usual place) or in the middle."""
    i = title.find("年")
    if 4 <= i < len(title) - 4:
        return [title[: i + 1], title[i + 1:]]
    half = len(title) // 2
    return [title[:half], title[half:]]


# ------------------------------------------------------------------------------------- PDF

def _runs_by_font(text: str) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = LATIN_FONT if is_latin(ch) else CJK_FONT
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def _draw_text(c: Canvas, x: float, y: float, text: str, size: float, copies: int = 1) -> float:
    """Draw text (each copy at its sub-point offset); return the advance width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = 0.0
    for dx, dy in BOLD_OFFSETS[:copies]:
        xx = x
        for font, run in _runs_by_font(text):
            c.setFont(font, size)
            c.drawString(xx + dx, y + dy, run)
            xx += stringWidth(run, font, size)
        width = xx - x
    return width


def _draw_line(c: Canvas, ln: Line, y: float, k: int) -> None:

    if ln.kind == "title":
        text = "".join(s.text for s in ln.segs)
        w = len(text) * TITLE_SIZE
        _draw_text(c, (PAGE_W - w) / 2, y, text, TITLE_SIZE)
        return
    if ln.kind == "sig":
        text = ln.segs[0].text
        w = sum(char_width(ch) for ch in text)
        _draw_text(c, LEFT + TEXT_W - 2 * BODY_SIZE - w, y, text, BODY_SIZE)
        return
    if ln.kind == "table_row":
        x = LEFT
        top = y + (ln.height - ROW_HEIGHT) + PITCH * 0.5 + 2  # where the row above ends
        c.setLineWidth(0.6)
        if ln.header:
            c.line(LEFT, top, LEFT + TEXT_W, top)
        c.line(LEFT, top - ln.height, LEFT + TEXT_W, top - ln.height)
        for cell_lines, w in zip(ln.cell_lines or [[x] for x in ln.cells], ln.widths):
            c.line(x, top, x, top - ln.height)
            # a cell's lines centred in the row; a row of one line has its baseline 7.5 pt up
            below = (ln.height - ROW_HEIGHT) / CELL_PITCH + 1 - len(cell_lines)
            y0 = top - ln.height + 7.5 + (len(cell_lines) - 1 + below / 2) * CELL_PITCH
            for li, part in enumerate(cell_lines):
                tw = text_width(part, ln.size)
                _draw_text(c, x + (w - tw) / 2, y0 - li * CELL_PITCH, part, ln.size)
            x += w
        c.line(x, top, x, top - ln.height)
        return
    x = LEFT + (2 * BODY_SIZE if ln.first else 0.0)
    for s in ln.segs:
        if s.spaced:
            for ch in s.text:
                x += _draw_text(c, x, y, ch, BODY_SIZE, k if s.bold else 1) + LETTER_SPACE
        else:
            x += _draw_text(c, x, y, s.text, BODY_SIZE, k if s.bold else 1)


def write_pdf(sample: Sample, pages: list[list[Line]], path: Path) -> None:
    """Render the laid-out pages with fake bold over-printed k times."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=0)
    c.setTitle(sample.meta["title"])
    c.setAuthor(sample.meta["issuer"])
    for n, page in enumerate(pages, 1):
        y = TOP
        for ln in page:
            y -= ln.height
            if ln.kind != "gap":
                _draw_line(c, ln, y, sample.k)
        footer = f"— {n} —"
        w = sum(char_width(ch, 14.0) for ch in footer)
        _draw_text(c, (PAGE_W - w) / 2, 50.0, footer, 14.0)
        c.showPage()
    c.save()
    path.write_bytes(buf.getvalue())


# ------------------------------------------------------------------------------------ DOCX

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write_docx(sample: Sample, path: Path) -> None:
    """Write a DOCX with real bold runs and real tables, byte-stable."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(BODY_SIZE)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    for section in doc.sections:
        section.left_margin = section.right_margin = Pt(LEFT)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(sample.meta["title"])
    r.font.size = Pt(TITLE_SIZE)
    style_bold = sample.meta.get("docx_bold", "runs") == "style"
    if style_bold:
        from docx.enum.style import WD_STYLE_TYPE

        heading = doc.styles.add_style("GW Heading", WD_STYLE_TYPE.PARAGRAPH)
        heading.base_style = normal
        heading.font.bold = True
    for b in sample.blocks:
        if isinstance(b, Para):
            whole_bold = all(s.bold for s in b.segs)
            p = doc.add_paragraph(style="GW Heading" if style_bold and whole_bold else None)
            p.paragraph_format.first_line_indent = Pt(2 * BODY_SIZE)
            for s in b.segs:
                for piece in _docx_runs(s.text) if s.bold else [s.text]:
                    run = p.add_run(piece)
                    if s.bold and not (style_bold and whole_bold):
                        run.bold = True
        else:
            t = doc.add_table(rows=len(b.rows), cols=len(b.rows[0]))
            t.style = doc.styles["Table Grid"]
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for i, row in enumerate(b.rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
    doc.add_paragraph()
    for text in (sample.meta["issuer"], sample.meta["date"]):
        p = doc.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    when = dt.datetime.fromisoformat(sample.iso_date + "T09:00:00")
    cp = doc.core_properties
    cp.title, cp.author, cp.last_modified_by = sample.meta["title"], sample.meta["issuer"], sample.meta["issuer"]
    cp.created = cp.modified = when
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(restamp_zip(buf.getvalue()))


def _docx_runs(text: str) -> list[str]:
    """Split a bold stretch the way word processors do: the marker in a run of its own."""
    m = MARKER.match(text)
    return [m[0], text[m.end():]] if m and m.end() < len(text) else [text]


def restamp_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes so equal content gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


# ------------------------------------------------------------------------------- text dump

def _display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _space_numbers(text: str, rng: random.Random) -> str:
    """Insert the spaces a PDF-to-text tool puts between CJK and Latin/digit runs (mostly)."""
    out = []
    for i, ch in enumerate(text):
        if i and ch != " " and text[i - 1] != " ":
            a, b = text[i - 1], ch
            if ((_is_han(a) and b.isascii() and b.isalnum()) or (_is_han(b) and a.isascii() and a.isalnum())) \
                    and rng.random() < 0.8:
                out.append(" ")
        out.append(ch)
    return "".join(out)


def _runs(text: str, rng: random.Random) -> list[str]:
    """Split a bold stretch into the small runs a PDF producer emits (marker first)."""
    runs: list[str] = []
    m = MARKER.match(text)
    if m:
        runs.append(m[0])
        text = text[m.end():]
    while text:
        n = min(len(text), rng.randint(2, 5))
        runs.append(text[:n])
        text = text[n:]
    return runs


def _repeat_bold(text: str, k: int, style: str, rng: random.Random) -> str:
    """Repeat a bold stretch k times the way text dumps of fake bold do."""
    if style == "line":
        return text * k
    if style == "run":
        return "".join(r * k for r in _runs(text, rng))
    m = MARKER.match(text)
    head = m[0] if m else text[:1]
    rest = text[len(head):]
    return "".join(ch * k for ch in head) + rest * k


def write_dump(sample: Sample, pages: list[list[Line]], path: Path) -> None:
    """Write a text dump of the PDF with the artifacts of real dumps (see module doc)."""
    rng = random.Random(sample.name)
    k = sample.k
    bold_index = 0
    out: list[str] = []
    for pno, page in enumerate(pages):
        if pno:
            out.append("\n\n")  # page break: two more blank lines
        for ln in page:
            if ln.kind == "gap":
                continue
            if ln.kind == "table_row":
                cells = [c + " " * (max(14 - _display_width(c), 2) if i < len(ln.cells) - 1 else 0)
                         for i, c in enumerate(ln.cells)]
                out.append("".join(cells).rstrip() + "\n\n")
                continue
            parts = []
            for s in ln.segs:
                if s.spaced:
                    parts.append(" " + " ".join(s.text) + " ")
                elif s.bold:
                    style = BOLD_STYLES[(bold_index + len(sample.name)) % 3]
                    bold_index += 1
                    parts.append(_repeat_bold(s.text, k, style, rng))
                else:
                    parts.append(_space_numbers(s.text, rng))
            text = "".join(parts)
            if ln.first and not ln.segs[0].bold and text[:1].isdigit() and rng.random() < 0.5:
                text = " " + text
            out.append(text + "\n\n")
    path.write_text("".join(out), encoding="utf-8")


# ------------------------------------------------------------------------------------ main

def build(src: Path, out: Path) -> list[Path]:
    """Generate every sample under ``out``; return the files written."""
    written: list[Path] = []
    samples = [parse_source(p) for p in sorted(src.glob("*.gw"))]
    if not samples:
        raise SystemExit(f"no .gw sources in {src}")
    entries: list[dict[str, object]] = []
    series: dict[str, list[tuple[int, str, str]]] = {}  # issuer -> (year, name, file)
    for s in samples:
        d = out / s.name
        d.mkdir(parents=True, exist_ok=True)
        pages = layout(s)
        files: dict[str, str] = {}
        for fmt in s.formats:
            p = d / f"{s.name}.{fmt}"
            if fmt == "pdf":
                write_pdf(s, pages, p)
            elif fmt == "docx":
                write_docx(s, p)
            elif fmt == "txt":
                write_dump(s, pages, p)
            else:
                raise SystemExit(f"{s.name}: unknown format {fmt!r}")
            files[fmt] = p.relative_to(out).as_posix()
            written.append(p)
        year = int(s.meta.get("year", s.iso_date[:4]))
        entry: dict[str, object] = {
            "name": s.name, "title": s.meta["title"], "issuer": s.meta["issuer"], "date": s.iso_date,
            "year": year, "bureau": s.meta.get("bureau", ""), "k": s.k, "pages": len(pages),
            "files": files, "gold": f"{s.name}/{s.name}.gold",
            "roles": [r.strip() for r in s.meta.get("roles", "").split(",") if r.strip()],
            "anomalies": s.anomalies}
        if "series" in s.meta:
            fmt = s.meta["series_format"]
            if fmt not in files:
                raise SystemExit(f"{s.name}: series_format {fmt!r} is not among its formats")
            entry["series"] = {"name": s.meta["series"], "format": fmt}
            series.setdefault(s.meta["series"], []).append((year, s.name, f"series/{s.name}.{fmt}"))
        entries.append(entry)
    (out / "series").mkdir(parents=True, exist_ok=True)
    for members in series.values():
        for _, name, rel in members:
            target = out / rel
            shutil.copyfile(out / name / target.name, target)
            written.append(target)
    manifest = {
        "schema": "gongwen-samples", "version": 1, "samples": entries,
        "series": {issuer: [{"year": y, "name": n, "file": f} for y, n, f in sorted(members)]
                   for issuer, members in series.items()}}
    mpath = out / "manifest.json"
    mpath.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written.append(mpath)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=SAMPLES / "src")
    ap.add_argument("--out", type=Path, default=SAMPLES)
    args = ap.parse_args(argv)
    for p in build(args.src, args.out):
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
