"""Paragraph styles and fonts of a GB/T 9704 .docx, written into every slot python-docx leaves out.

python-docx maps East Asian text to a Japanese theme font and never writes ``w:eastAsia`` from
``font.name``: these helpers write each font slot of gongwen's own paragraph styles (``GW Title``,
``GW Body``, ``GW Heading 1``–``4`` …), merge them into a bureau's styles of the same names, remove
theme font references from all styles and the font table, and switch ``themeFontLang`` to zh-CN.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .profile import Profile

STYLE_NAMES = {
    "title": "GW Title", "p": "GW Body", "h1": "GW Heading 1", "h2": "GW Heading 2",
    "h3": "GW Heading 3", "h4": "GW Heading 4", "signature": "GW Signature", "date": "GW Date",
    "table": "GW Table", "attachment": "GW Body", "note": "GW Body",
}
TABLE_PT = 14  # 4号 in table cells (common practice; GB/T 9704 leaves tables to the issuer)
PAGE_STYLE = "GW Page Number"
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def element(tag: str, **attrs: str) -> Any:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k.replace("_", ":", 1)), v)
    return e


def replace_child(parent: Any, child: Any) -> Any:
    """Put ``child`` into ``parent`` replacing any element of the same tag (schema order kept)."""
    old = parent.find(child.tag)
    if old is not None:
        old.addprevious(child)
        parent.remove(old)
    else:
        parent.append(child)
    return child


def _rpr(font: str, latin: str, size_pt: float, bold: bool, tracking: int = 0) -> Any:
    rpr = element("w:rPr")
    rpr.append(element("w:rFonts", w_ascii=latin, w_hAnsi=latin, w_eastAsia=font, w_cs=latin))
    if bold:
        rpr.append(element("w:b"))
        rpr.append(element("w:bCs"))
    if tracking:
        rpr.append(element("w:spacing", w_val=str(tracking)))
    half = str(round(size_pt * 2))
    rpr.append(element("w:sz", w_val=half))
    rpr.append(element("w:szCs", w_val=half))
    return rpr


def _ppr(prof: Profile, *, jc: str, first_line: int, line: int | None = None, keep_next: bool = False,
         no_autospace: bool = False) -> Any:
    ppr = element("w:pPr")
    if keep_next:
        ppr.append(element("w:keepNext"))
    ppr.append(element("w:widowControl", w_val="0"))  # full 22-line pages: no orphan shuffling
    ppr.append(element("w:overflowPunct", w_val="0"))
    if no_autospace:
        # The closing block is placed by character counts (digits half a character): the extra
        # space Word and LibreOffice put between Chinese and digits would push the date a whole
        # character left of where GB/T 9704 puts it.
        ppr.append(element("w:autoSpaceDE", w_val="0"))
        ppr.append(element("w:autoSpaceDN", w_val="0"))
    ppr.append(element("w:spacing", w_before="0", w_after="0", w_line=str(line or prof.line_twips), w_lineRule="exact"))
    ppr.append(element("w:ind", w_firstLine=str(first_line)))
    ppr.append(element("w:jc", w_val=jc))
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
            replace_child(theirs, child)


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


def setup_styles(document: DocxDocument, prof: Profile, keep_existing: bool) -> None:
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
    defs["table"] = (table_ppr, _rpr(f["body"], f["latin"], float(TABLE_PT), False))
    for kind, (ppr, rpr) in defs.items():
        _style(document, STYLE_NAMES[kind], ppr, rpr, keep_existing)
    pn = float(sz["page_number"])
    pn_ppr = element("w:pPr")
    pn_ppr.append(element("w:spacing", w_before="0", w_after="0", w_line=str(int(pn * 20)), w_lineRule="exact"))
    pn_rpr = element("w:rPr")
    pn_font = f["page_number"]
    pn_rpr.append(element("w:rFonts", w_ascii=pn_font, w_hAnsi=pn_font, w_eastAsia=pn_font, w_cs=pn_font, w_hint="eastAsia"))
    pn_rpr.append(element("w:sz", w_val=str(int(pn * 2))))
    pn_rpr.append(element("w:szCs", w_val=str(int(pn * 2))))
    _style(document, PAGE_STYLE, pn_ppr, pn_rpr, keep_existing)


def fix_fonts_everywhere(document: DocxDocument, prof: Profile) -> None:
    """Explicit document defaults, no theme font references, zh-CN East Asian language."""
    styles_el = document.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = element("w:docDefaults")
        styles_el.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = element("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = _rpr(prof.fonts["body"], prof.fonts["latin"], float(prof.sizes["body"]), False)
    rpr.append(element("w:lang", w_val="en-US", w_eastAsia="zh-CN", w_bidi="ar-SA"))
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
        lang = element("w:themeFontLang")
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
