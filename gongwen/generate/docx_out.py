"""Write blocks as a GB/T 9704-2012 .docx through python-docx.

python-docx's blank document is US Letter, maps East Asian text to a Japanese theme font and
never writes ``w:eastAsia`` from ``font.name``.  So this module sets the page explicitly, writes
every font slot of its own paragraph styles (``GW Title``, ``GW Body``, ``GW Heading 1``–``4``,
``GW Signature``, ``GW Date``, ``GW Table``, ``GW Page Number``), removes theme font references from all
styles, switches ``themeFontLang`` to zh-CN and marks runs holding curly quotes or dashes as
East Asian (``w:hint``).  With a reference document the bureau's styles of those names, page
setup and footers are kept, and so is its letterhead (红头, 文号, the red rule) at the top of
the body; the rest of its body is replaced.  The profile's settings override the reference's
styles; properties the profile does not set stay as the bureau defined them.

A draft's blocks may also hold a table (a ruled table of the text block's width, cells in
``GW Table``: 4号, single spacing, centred; header rows repeat), a 附件说明 (one line under the
body, 附件： two characters in, item numbers aligned, names wrapping to their first character;
§7.3.4) and a 附注 (the line below the date, two characters in; §7.3.6).
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import IO, Any

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from ..errors import OutputError
from .docx_styles import (
    PAGE_STYLE,
    STYLE_NAMES,
    element,
    fix_fonts_everywhere,
    replace_child,
    setup_styles,
)
from .layout import closing_indents, title_lines
from .markup import Block
from .profile import Profile

EAST_ASIAN_PUNCT = set("“”‘’—…·％")
_ROW_TWIPS = 454  # rows at least 8 mm high


def _setup_page(document: DocxDocument, prof: Profile) -> None:
    pg = prof.page
    for sec in document.sections:
        sec.page_width, sec.page_height = Mm(float(pg["width"])), Mm(float(pg["height"]))
        sec.top_margin, sec.bottom_margin = Mm(float(pg["top"])), Mm(float(pg["bottom"]))
        sec.left_margin, sec.right_margin = Mm(float(pg["left"])), Mm(float(pg["right"]))
        sec.footer_distance = Mm(float(pg["footer"]))
        sec.header_distance = Mm(15)
        sec.different_first_page_header_footer = False
        grid = sec._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = element("w:docGrid")
            sec._sectPr.append(grid)
        for a in list(grid.attrib):
            del grid.attrib[a]
        grid.set(qn("w:linePitch"), str(prof.line_twips))


def _page_number_paragraph(paragraph: Paragraph, prof: Profile, odd: bool) -> None:
    """「— N —」 with a PAGE field: odd pages right, even pages left, one character in."""
    p = paragraph._p
    for child in list(p):
        p.remove(child)
    paragraph.style = PAGE_STYLE
    ppr = p.get_or_add_pPr()
    one_char = str(int(prof.sizes["page_number"] * 20))
    if odd:
        replace_child(ppr, element("w:ind", w_right=one_char))
        replace_child(ppr, element("w:jc", w_val="right"))
    else:
        replace_child(ppr, element("w:ind", w_left=one_char))
        replace_child(ppr, element("w:jc", w_val="left"))
    font, half = prof.fonts["page_number"], str(int(prof.sizes["page_number"] * 2))

    def run(*children: Any) -> None:
        r = element("w:r")
        rpr = element("w:rPr")
        rpr.append(element("w:rFonts", w_ascii=font, w_hAnsi=font, w_eastAsia=font, w_cs=font, w_hint="eastAsia"))
        rpr.append(element("w:sz", w_val=half))
        rpr.append(element("w:szCs", w_val=half))
        r.append(rpr)
        for c in children:
            r.append(c)
        p.append(r)

    def text(s: str) -> Any:
        t = element("w:t")
        t.text = s
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return t

    run(text("\u2014 "))
    run(element("w:fldChar", w_fldCharType="begin"))
    instr = element("w:instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run(instr)
    run(element("w:fldChar", w_fldCharType="separate"))
    run(text("1"))
    run(element("w:fldChar", w_fldCharType="end"))
    run(text(" \u2014"))


def _setup_footers(document: DocxDocument, prof: Profile) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    for sec in document.sections:
        for footer, odd in ((sec.footer, True), (sec.even_page_footer, False)):
            footer.is_linked_to_previous = False
            paras = footer.paragraphs
            _page_number_paragraph(paras[0], prof, odd)
            for extra in paras[1:]:
                extra._p.getparent().remove(extra._p)


def _add_runs(paragraph: Paragraph, block: Block, prof: Profile, text_prefix: str = "") -> None:
    pieces = [(text_prefix, False)] if text_prefix else []
    pieces += [(i.text, i.placeholder) for i in block.inlines]
    for text, ph in pieces:
        run = paragraph.add_run(text)
        if EAST_ASIAN_PUNCT.intersection(text):
            rpr = run._r.get_or_add_rPr()
            rpr.insert(0, element("w:rFonts", w_hint="eastAsia"))
        if ph:
            rpr = run._r.get_or_add_rPr()
            rpr.append(element("w:highlight", w_val=prof.highlight))


def _tidy_package(document: DocxDocument, title: str | None, author: str | None) -> None:
    """Drop python-docx template leftovers and name the document.

    ``stylesWithEffects.xml`` is a Word 2010 copy of the styles that still points at theme
    fonts, and the template's thumbnail shows an unrelated page; neither belongs in a 公文.
    """
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rid)
    pkg_rels = part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            pkg_rels.pop(rid)
    core = document.core_properties
    if title:
        core.title = title
    if author:
        core.author = author
        core.last_modified_by = author
    core.comments = ""
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    core.created = core.modified = now
    core.revision = 1


_DOC_NUMBER = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")


def _is_red(val: str | None) -> bool:
    """A red text or rule colour (FF0000, C00000, E60012 …)."""
    if not val or not re.fullmatch(r"[0-9A-Fa-f]{6}", val):
        return val == "red"
    r, g, b = (int(val[i:i + 2], 16) for i in (0, 2, 4))
    return r >= 0xB0 and g < 0x60 and b < 0x60


def _letterhead_part(el: Any) -> bool:
    """Part of a letterhead: red text (红头), a document number (文号), or a rule (a bordered
    paragraph or a drawn line)."""
    if any(_is_red(c.get(qn("w:val"))) for c in el.iter(qn("w:color"))):
        return True
    text = "".join(t.text or "" for t in el.iter(qn("w:t")))
    if _DOC_NUMBER.search(text):
        return True
    return any(next(el.iter(qn(tag)), None) is not None for tag in ("w:pBdr", "w:drawing", "w:pict"))


def _clear_body(document: DocxDocument) -> int:
    """Remove the body but keep a letterhead at its top (红头, 文号, the red rule); returns how
    many of the reference's elements were kept."""
    body = document.element.body
    children = [c for c in body if c.tag != qn("w:sectPr")]
    keep = 0
    for i, child in enumerate(children):
        if _letterhead_part(child):
            keep = i + 1
        elif "".join(t.text or "" for t in child.iter(qn("w:t"))).strip():
            break  # the first paragraph of ordinary text ends the letterhead
    for child in children[keep:]:
        body.remove(child)
    return keep


def build(blocks: list[Block], prof: Profile, reference: str | Path | None = None,
          issuer: str | None = None, autospace: bool = False) -> DocxDocument:
    """A python-docx Document holding the blocks, laid out per the profile.

    ``autospace``: place the closing block for LibreOffice, which spaces Chinese from digits
    whatever the .docx says (the PDF route); Word honours the styles' ``w:autoSpaceDN="0"``.
    """
    if reference is not None:
        try:
            document = docx.Document(str(reference))
        except Exception as e:  # python-docx raises several types for a bad package
            raise OutputError(f"cannot open the reference document: {e}", reference) from e
        letterhead = _clear_body(document)
        has_footer = any(s._sectPr.find(qn("w:footerReference")) is not None for s in document.sections)
    else:
        document = docx.Document()
        _clear_body(document)
        has_footer = False
        letterhead = 0
    title_block = next((b for b in blocks if b.kind == "title"), None)
    _tidy_package(document, title_block.text if title_block else None, issuer if reference is None else None)
    fix_fonts_everywhere(document, prof)
    setup_styles(document, prof, keep_existing=reference is not None)
    if reference is None:
        _setup_page(document, prof)
    if not has_footer:
        _setup_footers(document, prof)
    styles = document.styles
    kinds = [b.kind for b in blocks]
    ends = [i for i, k in enumerate(kinds) if k in ("signature", "date")]
    body_blocks = blocks[:ends[0]] if ends else blocks
    tail = [b for b in blocks[ends[-1] + 1:] if b.kind not in ("signature", "date")] if ends else []
    closing = {b.kind: b for b in blocks if b.kind in ("signature", "date")}
    last_body = None
    for _ in range(2 if letterhead else 0):  # the title sits two lines below the red rule (§7.3.1)
        document.add_paragraph(style=styles[STYLE_NAMES["p"]])
    for k, b in enumerate(body_blocks):
        if b.kind == "table":
            if last_body is not None:  # the lead-in (单位：万元) stays with its table
                last_body.paragraph_format.keep_with_next = True
            _add_table(document, b, prof)
            continue
        if b.kind == "attachment" and (k == 0 or body_blocks[k - 1].kind != "attachment"):
            document.add_paragraph(style=styles[STYLE_NAMES["p"]])  # 附件说明: one line under the body
        para = document.add_paragraph(style=styles[STYLE_NAMES[b.kind]])
        if b.kind == "title":
            lines = title_lines("".join(i.text for i in b.inlines), prof.title_chars_per_line, issuer)
            for k, line in enumerate(lines):
                run = para.add_run(line)
                if EAST_ASIAN_PUNCT.intersection(line):
                    run._r.get_or_add_rPr().insert(0, element("w:rFonts", w_hint="eastAsia"))
                if k < len(lines) - 1:
                    run.add_break()
            document.add_paragraph(style=styles[STYLE_NAMES["p"]])  # one blank line after the title
            continue
        if b.kind == "attachment":
            first = k == 0 or body_blocks[k - 1].kind != "attachment"
            _attachment_layout(para, b, prof, first)
            _add_runs(para, b, prof, (_ATTACH if first else "") + b.marker)
        else:
            _add_runs(para, b, prof, b.marker)
        last_body = para
    if closing:
        if last_body is not None:
            last_body.paragraph_format.keep_with_next = True
        blank = document.add_paragraph(style=styles[STYLE_NAMES["p"]])
        blank.paragraph_format.keep_with_next = True
        sig: Block | None = closing.get("signature")
        date: Block | None = closing.get("date")
        r_s, r_d = closing_indents(sig.text if sig else "", date.text if date else "", autospace)
        for cb, indent in ((sig, r_s), (date, r_d)):
            if cb is None:
                continue
            para = document.add_paragraph(style=styles[STYLE_NAMES[cb.kind]])
            ppr = para._p.get_or_add_pPr()
            replace_child(ppr, element("w:ind", w_right=str(int(indent * Fraction(prof.char_twips))), w_firstLine="0"))
            _add_runs(para, cb, prof)
    for b in tail:  # 附注 (§7.3.6: the line below the date, two characters in), then anything after
        if b.kind == "table":
            _add_table(document, b, prof)
            continue
        para = document.add_paragraph(style=styles[STYLE_NAMES[b.kind]])
        if b.kind == "note":
            replace_child(para._p.get_or_add_pPr(), element("w:jc", w_val="left"))
        _add_runs(para, b, prof, b.marker)
    return document


_ATTACH = "附件："


def _marker_twips(marker: str, prof: Profile) -> int:
    """Width of an item number (1. 12.) in the Latin font: digits half a character, the point
    and a space a quarter."""
    return int(sum(Fraction(1, 4) if c in ". " else Fraction(1, 2) for c in marker) * prof.char_twips)


def _attachment_layout(para: Paragraph, b: Block, prof: Profile, first: bool) -> None:
    """附件说明 (GB/T 9704 §7.3.4): 附件： two characters in, every item's number under the first's,
    and a name that wraps back to its own first character."""
    cw = prof.char_twips
    mark = _marker_twips(b.marker, prof)
    left = 5 * cw + mark  # 2 characters of indent + 附件： (3) + the number
    hang = 3 * cw + mark if first else mark
    ppr = para._p.get_or_add_pPr()
    replace_child(ppr, element("w:autoSpaceDE", w_val="0"))
    replace_child(ppr, element("w:autoSpaceDN", w_val="0"))
    replace_child(ppr, element("w:ind", w_left=str(left), w_hanging=str(hang)))
    replace_child(ppr, element("w:jc", w_val="left"))


def _text_width_twips(document: DocxDocument, prof: Profile) -> int:
    """The text block's width (a reference document's own page, else the profile's)."""
    sec = document.sections[-1]
    if sec.page_width is not None and sec.left_margin is not None and sec.right_margin is not None:
        return int((sec.page_width - sec.left_margin - sec.right_margin) / 635)  # EMU → twips
    pg = prof.page
    return int((pg["width"] - pg["left"] - pg["right"]) * 1440 / Decimal("25.4"))


def _add_table(document: DocxDocument, b: Block, prof: Profile) -> Any:
    """A carried table: full text width, ruled, columns as wide as their text asks, cells in the
    table style (4号, single spacing, centred); header rows repeat on a new page."""
    from .layout import width as text_width

    rows = [list(r) for r in b.rows]
    ncols = max(len(r) for r in rows)
    rows = [r + [()] * (ncols - len(r)) for r in rows]
    table = document.add_table(rows=len(rows), cols=ncols)
    total = _text_width_twips(document, prof)
    want: list[Fraction] = [max(Fraction(2), max(text_width("".join(i.text for i in r[c])) for r in rows) + 1)
                            for c in range(ncols)]
    widths = [int(total * w / sum(want)) for w in want]
    tbl = table._tbl
    tblpr = tbl.tblPr
    for child in list(tblpr):  # rebuilt in the schema's order: tblW, jc, tblBorders, tblLayout, tblLook
        if child.tag != qn("w:tblLook"):
            tblpr.remove(child)
    borders = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{side}", w_val="single", w_sz="4", w_space="0", w_color="000000"))
    for k, el in enumerate((element("w:tblW", w_w=str(sum(widths)), w_type="dxa"), element("w:jc", w_val="center"),
                            borders, element("w:tblLayout", w_type="fixed"))):
        tblpr.insert(k, el)
    for col, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(w))
    style = document.styles[STYLE_NAMES["table"]]
    for r, (row, cells) in enumerate(zip(table.rows, rows)):
        trpr = row._tr.get_or_add_trPr()
        trpr.append(element("w:cantSplit"))
        trpr.append(element("w:trHeight", w_val=str(_ROW_TWIPS), w_hRule="atLeast"))
        if r < b.header_rows:
            trpr.append(element("w:tblHeader"))
        for c, (cell, inlines) in enumerate(zip(row.cells, cells)):
            tcpr = cell._tc.get_or_add_tcPr()
            replace_child(tcpr, element("w:tcW", w_w=str(widths[c]), w_type="dxa"))
            tcpr.append(element("w:vAlign", w_val="center"))
            para = cell.paragraphs[0]
            para.style = style
            _add_runs(para, Block("p", tuple(inlines)), prof)
    return table


def write_docx(blocks: list[Block], prof: Profile, target: str | Path | IO[bytes],
               reference: str | Path | None = None, issuer: str | None = None) -> None:
    """Build and save to a path or a binary stream."""
    build(blocks, prof, reference, issuer).save(str(target) if isinstance(target, Path) else target)
