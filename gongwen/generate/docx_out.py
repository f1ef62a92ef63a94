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
from xml.sax.saxutils import escape

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from ..errors import OutputError
from .layout import closing_indents, title_lines
from .markup import Block
from .profile import Profile

EAST_ASIAN_PUNCT = set("“”‘’—…·％")
STYLE_NAMES = {
    "title": "GW Title", "p": "GW Body", "h1": "GW Heading 1", "h2": "GW Heading 2",
    "h3": "GW Heading 3", "h4": "GW Heading 4", "signature": "GW Signature", "date": "GW Date",
    "table": "GW Table", "attachment": "GW Body", "note": "GW Body",
}
_TABLE_PT = 14  # 4号 in table cells (common practice; GB/T 9704 leaves tables to the issuer)
_ROW_TWIPS = 454  # rows at least 8 mm high
PAGE_STYLE = "GW Page Number"
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _el(tag: str, **attrs: str) -> Any:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k.replace("_", ":", 1)), v)
    return e


def _replace(parent: Any, child: Any) -> Any:
    """Put ``child`` into ``parent`` replacing any element of the same tag (schema order kept)."""
    old = parent.find(child.tag)
    if old is not None:
        old.addprevious(child)
        parent.remove(old)
    else:
        parent.append(child)
    return child


def _rpr(font: str, latin: str, size_pt: float, bold: bool, tracking: int = 0) -> Any:
    rpr = _el("w:rPr")
    rpr.append(_el("w:rFonts", w_ascii=latin, w_hAnsi=latin, w_eastAsia=font, w_cs=latin))
    if bold:
        rpr.append(_el("w:b"))
        rpr.append(_el("w:bCs"))
    if tracking:
        rpr.append(_el("w:spacing", w_val=str(tracking)))
    half = str(round(size_pt * 2))
    rpr.append(_el("w:sz", w_val=half))
    rpr.append(_el("w:szCs", w_val=half))
    return rpr


def _ppr(prof: Profile, *, jc: str, first_line: int, line: int | None = None, keep_next: bool = False,
         no_autospace: bool = False) -> Any:
    ppr = _el("w:pPr")
    if keep_next:
        ppr.append(_el("w:keepNext"))
    ppr.append(_el("w:widowControl", w_val="0"))  # full 22-line pages: no orphan shuffling
    ppr.append(_el("w:overflowPunct", w_val="0"))
    if no_autospace:
        # The closing block is placed by character counts (digits half a character): the extra
        # space Word and LibreOffice put between Chinese and digits would push the date a whole
        # character left of where GB/T 9704 puts it.
        ppr.append(_el("w:autoSpaceDE", w_val="0"))
        ppr.append(_el("w:autoSpaceDN", w_val="0"))
    ppr.append(_el("w:spacing", w_before="0", w_after="0", w_line=str(line or prof.line_twips), w_lineRule="exact"))
    ppr.append(_el("w:ind", w_firstLine=str(first_line)))
    ppr.append(_el("w:jc", w_val=jc))
    return ppr


def _merge_style(el: Any, ppr: Any, rpr: Any) -> None:
    """A reference's own style with the profile's settings on top: every property the profile
    sets replaces the reference's, the rest of the reference's properties stay."""
    for tag, ours in (("w:pPr", ppr), ("w:rPr", rpr)):
        theirs = el.find(qn(tag))
        if theirs is None:
            el.append(ours)
            continue
        for child in list(ours):
            _replace(theirs, child)


def _style(document: DocxDocument, name: str, ppr: Any, rpr: Any, keep: bool) -> None:
    """Create (or redefine) a paragraph style with explicit pPr/rPr; with ``keep`` (a reference
    document's style of that name) the profile's properties are merged into it."""
    styles = document.styles
    try:
        st = styles[name]
        if keep:
            _merge_style(st.element, ppr, rpr)
            return
    except KeyError:
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    el = st.element
    for tag in ("w:pPr", "w:rPr"):
        old = el.find(qn(tag))
        if old is not None:
            el.remove(old)
    based = el.find(qn("w:basedOn"))
    if based is not None:
        el.remove(based)
    el.append(ppr)
    el.append(rpr)
    st.quick_style = True


def _setup_styles(document: DocxDocument, prof: Profile, keep_existing: bool) -> None:
    f, sz, cw = prof.fonts, prof.sizes, prof.char_twips
    body = float(sz["body"])
    defs = {
        "title": (_ppr(prof, jc="center", first_line=0, keep_next=True),
                  _rpr(f["title"], f["latin"], float(sz["title"]), False)),
        "p": (_ppr(prof, jc="both", first_line=2 * cw), _rpr(f["body"], f["latin"], body, False, prof.tracking)),
        "signature": (_ppr(prof, jc="right", first_line=0, keep_next=True, no_autospace=True),
                      _rpr(f["body"], f["latin"], body, False)),
        "date": (_ppr(prof, jc="right", first_line=0, no_autospace=True), _rpr(f["body"], f["latin"], body, False)),
    }
    for lv in (1, 2, 3, 4):
        defs[f"h{lv}"] = (_ppr(prof, jc="both", first_line=2 * cw, keep_next=True),
                          _rpr(f[f"h{lv}"], f["latin"], body, prof.bold[f"h{lv}"], prof.tracking))
    # Table cells: single spacing (the 28.95 pt body pitch would not fit a row), centred.
    table_ppr = _ppr(prof, jc="center", first_line=0)
    table_ppr.find(qn("w:spacing")).set(qn("w:line"), "240")
    table_ppr.find(qn("w:spacing")).set(qn("w:lineRule"), "auto")
    defs["table"] = (table_ppr, _rpr(f["body"], f["latin"], float(_TABLE_PT), False))
    for kind, (ppr, rpr) in defs.items():
        _style(document, STYLE_NAMES[kind], ppr, rpr, keep_existing)
    pn = float(sz["page_number"])
    pn_ppr = _el("w:pPr")
    pn_ppr.append(_el("w:spacing", w_before="0", w_after="0", w_line=str(int(pn * 20)), w_lineRule="exact"))
    pn_rpr = _el("w:rPr")
    pn_font = f["page_number"]
    pn_rpr.append(_el("w:rFonts", w_ascii=pn_font, w_hAnsi=pn_font, w_eastAsia=pn_font, w_cs=pn_font, w_hint="eastAsia"))
    pn_rpr.append(_el("w:sz", w_val=str(int(pn * 2))))
    pn_rpr.append(_el("w:szCs", w_val=str(int(pn * 2))))
    _style(document, PAGE_STYLE, pn_ppr, pn_rpr, keep_existing)


def _fix_fonts_everywhere(document: DocxDocument, prof: Profile) -> None:
    """Explicit document defaults, no theme font references, zh-CN East Asian language."""
    styles_el = document.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = _el("w:docDefaults")
        styles_el.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = _el("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = _rpr(prof.fonts["body"], prof.fonts["latin"], float(prof.sizes["body"]), False)
    rpr.append(_el("w:lang", w_val="en-US", w_eastAsia="zh-CN", w_bidi="ar-SA"))
    for old in list(rpr_default):
        rpr_default.remove(old)
    rpr_default.append(rpr)
    for rfonts in styles_el.iter(qn("w:rFonts")):
        had_theme = any(rfonts.get(qn(a)) is not None for a in _THEME_ATTRS)
        for a in _THEME_ATTRS:
            rfonts.attrib.pop(qn(a), None)
        if had_theme:  # a style that relied on the theme now names the body fonts
            for slot, font in (("w:ascii", prof.fonts["latin"]), ("w:hAnsi", prof.fonts["latin"]),
                               ("w:eastAsia", prof.fonts["body"]), ("w:cs", prof.fonts["latin"])):
                if rfonts.get(qn(slot)) is None:
                    rfonts.set(qn(slot), font)
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = _el("w:themeFontLang")
        settings.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    # The theme itself: Latin and East Asian faces of the profile instead of Calibri/ＭＳ 明朝, and
    # no per-script list (Jpan ＭＳ 明朝, Hang 맑은 고딕 …) beyond simplified Chinese.
    for part in document.part.package.iter_parts():
        if str(part.partname).startswith("/word/theme/") and hasattr(part, "_blob"):
            part._blob = _theme_fonts(part._blob.decode("utf-8"), prof).encode("utf-8")
    _font_table(document, prof)


def _theme_fonts(xml: str, prof: Profile) -> str:
    """The theme's major (headings) and minor (body) fonts set to the profile's faces."""
    f = prof.fonts
    xml = re.sub(r'\s*<a:font script="(?!Hans")[^"]*" typeface="[^"]*"/>', "", xml)

    def scheme(m: re.Match[str]) -> str:
        ea = f["h1"] if m.group(1) == "major" else f["body"]
        body = re.sub(r'<a:latin typeface="[^"]*"', f'<a:latin typeface="{f["latin"]}"', m.group(2))
        body = re.sub(r'<a:ea typeface="[^"]*"', f'<a:ea typeface="{ea}"', body)
        body = re.sub(r'<a:font script="Hans" typeface="[^"]*"', f'<a:font script="Hans" typeface="{ea}"', body)
        return f"<a:{m.group(1)}Font>{body}</a:{m.group(1)}Font>"

    return re.sub(r"<a:(major|minor)Font>(.*?)</a:\1Font>", scheme, xml, flags=re.S)


def _font_table(document: DocxDocument, prof: Profile) -> None:
    """The font table lists the profile's fonts and their fallback chains (w:altName: 仿宋_GB2312
    → 仿宋 → FangSong), nothing else: no ＭＳ 明朝 or Calibri left from python-docx's template."""
    from .fonts import font_table_entries

    part = next((p for p in document.part.package.iter_parts()
                 if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None or not hasattr(part, "_blob"):
        return
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    rows = []
    for name, alt, desc in font_table_entries(prof):
        inner = f'<w:altName w:val="{escape(alt)}"/>' if alt else ""
        inner += f'<w:charset w:val="{desc.get("charset", "86")}"/><w:family w:val="{desc.get("family", "auto")}"/>'
        inner += '<w:pitch w:val="variable"/>'
        rows.append(f'<w:font w:name="{escape(name)}">{inner}</w:font>')
    part._blob = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                  f'<w:fonts xmlns:w="{w}">' + "".join(rows) + "</w:fonts>").encode("utf-8")


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
            grid = _el("w:docGrid")
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
        _replace(ppr, _el("w:ind", w_right=one_char))
        _replace(ppr, _el("w:jc", w_val="right"))
    else:
        _replace(ppr, _el("w:ind", w_left=one_char))
        _replace(ppr, _el("w:jc", w_val="left"))
    font, half = prof.fonts["page_number"], str(int(prof.sizes["page_number"] * 2))

    def run(*children: Any) -> None:
        r = _el("w:r")
        rpr = _el("w:rPr")
        rpr.append(_el("w:rFonts", w_ascii=font, w_hAnsi=font, w_eastAsia=font, w_cs=font, w_hint="eastAsia"))
        rpr.append(_el("w:sz", w_val=half))
        rpr.append(_el("w:szCs", w_val=half))
        r.append(rpr)
        for c in children:
            r.append(c)
        p.append(r)

    def text(s: str) -> Any:
        t = _el("w:t")
        t.text = s
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return t

    run(text("\u2014 "))
    run(_el("w:fldChar", w_fldCharType="begin"))
    instr = _el("w:instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run(instr)
    run(_el("w:fldChar", w_fldCharType="separate"))
    run(text("1"))
    run(_el("w:fldChar", w_fldCharType="end"))
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
            rpr.insert(0, _el("w:rFonts", w_hint="eastAsia"))
        if ph:
            rpr = run._r.get_or_add_rPr()
            rpr.append(_el("w:highlight", w_val=prof.highlight))


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
    _fix_fonts_everywhere(document, prof)
    _setup_styles(document, prof, keep_existing=reference is not None)
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
                    run._r.get_or_add_rPr().insert(0, _el("w:rFonts", w_hint="eastAsia"))
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
            _replace(ppr, _el("w:ind", w_right=str(int(indent * Fraction(prof.char_twips))), w_firstLine="0"))
            _add_runs(para, cb, prof)
    for b in tail:  # 附注 (§7.3.6: the line below the date, two characters in), then anything after
        if b.kind == "table":
            _add_table(document, b, prof)
            continue
        para = document.add_paragraph(style=styles[STYLE_NAMES[b.kind]])
        if b.kind == "note":
            _replace(para._p.get_or_add_pPr(), _el("w:jc", w_val="left"))
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
    _replace(ppr, _el("w:autoSpaceDE", w_val="0"))
    _replace(ppr, _el("w:autoSpaceDN", w_val="0"))
    _replace(ppr, _el("w:ind", w_left=str(left), w_hanging=str(hang)))
    _replace(ppr, _el("w:jc", w_val="left"))


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
    borders = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{side}", w_val="single", w_sz="4", w_space="0", w_color="000000"))
    for k, el in enumerate((_el("w:tblW", w_w=str(sum(widths)), w_type="dxa"), _el("w:jc", w_val="center"),
                            borders, _el("w:tblLayout", w_type="fixed"))):
        tblpr.insert(k, el)
    for col, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(w))
    style = document.styles[STYLE_NAMES["table"]]
    for r, (row, cells) in enumerate(zip(table.rows, rows)):
        trpr = row._tr.get_or_add_trPr()
        trpr.append(_el("w:cantSplit"))
        trpr.append(_el("w:trHeight", w_val=str(_ROW_TWIPS), w_hRule="atLeast"))
        if r < b.header_rows:
            trpr.append(_el("w:tblHeader"))
        for c, (cell, inlines) in enumerate(zip(row.cells, cells)):
            tcpr = cell._tc.get_or_add_tcPr()
            _replace(tcpr, _el("w:tcW", w_w=str(widths[c]), w_type="dxa"))
            tcpr.append(_el("w:vAlign", w_val="center"))
            para = cell.paragraphs[0]
            para.style = style
            _add_runs(para, Block("p", tuple(inlines)), prof)
    return table


def write_docx(blocks: list[Block], prof: Profile, target: str | Path | IO[bytes],
               reference: str | Path | None = None, issuer: str | None = None) -> None:
    """Build and save to a path or a binary stream."""
    build(blocks, prof, reference, issuer).save(str(target) if isinstance(target, Path) else target)
