"""XML-level checks of a generated .docx against the GB/T 9704 checklist (generate-docx-rules §5).

Parts are read back with zipfile + lxml; zip bytes differ between saves, so nothing compares
bytes.  Item ids (A1, B4 …) refer to the checklist.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst
from lxml import etree

from gongwen.generate import compose
from gongwen.generate.layout import closing_indents, width

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
EXAMPLE = "gongwen/generate/data/example-summary.yaml"


def q(tag: str) -> str:
    return f"{{{W}}}{tag.split(':')[1]}"


class Docx:
    """The parts of a .docx and a resolver for paragraph/run properties through styles."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = self.zip.namelist()
        self.document = self.xml("word/document.xml")
        self.styles = self.xml("word/styles.xml")
        self.settings = self.xml("word/settings.xml")
        self.style_by_id = {s.get(q("w:styleId")): s for s in self.styles.iter(q("w:style"))}
        rels = self.xml("word/_rels/document.xml.rels")
        self.rels = {r.get("Id"): r.get("Target") for r in rels}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def raw(self, name: str) -> str:
        return self.zip.read(name).decode("utf-8")

    @property
    def paragraphs(self) -> list[etree._Element]:
        return self.document.findall(".//w:body/w:p", NS)

    @staticmethod
    def text(p: etree._Element) -> str:
        return "".join(t.text or "" for t in p.iter(q("w:t")))

    def style_chain(self, p: etree._Element) -> list[etree._Element]:
        chain = []
        ps = p.find("w:pPr/w:pStyle", NS)
        sid = ps.get(q("w:val")) if ps is not None else None
        if sid is None:
            sid = next((k for k, s in self.style_by_id.items() if s.get(q("w:default")) == "1"
                        and s.get(q("w:type")) == "paragraph"), None)
        while sid is not None and sid in self.style_by_id:
            st = self.style_by_id[sid]
            chain.append(st)
            b = st.find("w:basedOn", NS)
            sid = b.get(q("w:val")) if b is not None else None
        return chain

    def ppr(self, p: etree._Element, tag: str) -> etree._Element | None:
        """A paragraph property: direct formatting first, then the style chain."""
        el = p.find(f"w:pPr/w:{tag}", NS)
        if el is not None:
            return el
        for st in self.style_chain(p):
            el = st.find(f"w:pPr/w:{tag}", NS)
            if el is not None:
                return el
        return self.styles.find(f"w:docDefaults/w:pPrDefault/w:pPr/w:{tag}", NS)

    def rpr(self, p: etree._Element, r: etree._Element | None, tag: str, attr: str | None = None) -> str | None:
        """A run property value resolved run → paragraph style chain → docDefaults."""
        cands = []
        if r is not None:
            cands.append(r.find(f"w:rPr/w:{tag}", NS))
        cands += [st.find(f"w:rPr/w:{tag}", NS) for st in self.style_chain(p)]
        cands.append(self.styles.find(f"w:docDefaults/w:rPrDefault/w:rPr/w:{tag}", NS))
        for el in cands:
            if el is None:
                continue
            if attr is None:
                val = el.get(q("w:val"))
                return "1" if val in (None, "1", "true", "on") else "0"
            v = el.get(q(f"w:{attr}"))
            if v is not None:
                return v
        return None

    def footers(self) -> dict[str, etree._Element]:
        sect = self.document.find(".//w:body/w:sectPr", NS)
        out = {}
        for ref in sect.findall("w:footerReference", NS):
            out[ref.get(q("w:type"))] = self.xml("word/" + self.rels[ref.get(f"{{{NS['w'].replace('wordprocessingml/2006/main', 'officeDocument/2006/relationships')}}}id")])
        return out


def _data_hostile() -> dict:
    programs = {}
    for i in range(100):
        programs[f"项目{i}"] = {"name": f"第{i}项 A&B <试点>", "人数": {
            "label": "服务对象", "unit": "人", "value": 100 + i, "previous": 90 + i, "period": "2025-11"}}
    return {
        "issuer": "青山县民政局&<测试>",
        "title": "青山县民政局关于2025年城乡最低生活保障和特困人员救助供养及《养老服务条例》贯彻落实情况的总结",
        "year": 2025, "date": "2025-12-20", "kind": "summary", "scope": "全县",
        "intro": ["含有 & < > 字符的段落：R&D <b>不是标签</b> 5 > 3。", "落实“十四五”规划——稳中求进……"],
        "sections": [{"title": "空的部分"}, {"title": "另一个空的部分", "sections": [{"title": "空的小节"}]}],
        "problems": [], "programs": programs,
    }


@pytest.fixture(scope="module")
def example() -> Docx:
    return Docx(compose(EXAMPLE).docx_bytes())


@pytest.fixture(scope="module")
def hostile_result():
    return compose(_data_hostile())


@pytest.fixture(scope="module")
def hostile(hostile_result) -> Docx:
    return Docx(hostile_result.docx_bytes())


@pytest.fixture(scope="module", params=["example", "hostile"])
def doc(request, example, hostile) -> Docx:
    return example if request.param == "example" else hostile


def _kind(d: Docx, p: etree._Element) -> str:
    ps = p.find("w:pPr/w:pStyle", NS)
    sid = ps.get(q("w:val")) if ps is not None else ""
    name = d.style_by_id[sid].find("w:name", NS).get(q("w:val")) if sid in d.style_by_id else ""
    return name


# -- A. page and section ------------------------------------------------------------------
def test_a1_a2_a3_page_margins_and_text_block(doc: Docx) -> None:
    sect = doc.document.find(".//w:body/w:sectPr", NS)
    sz = sect.find("w:pgSz", NS)
    w, h = int(sz.get(q("w:w"))), int(sz.get(q("w:h")))
    assert abs(w - 11906) <= 2 and abs(h - 16838) <= 2 and sz.get(q("w:orient")) in (None, "portrait")
    m = sect.find("w:pgMar", NS)
    top, left = int(m.get(q("w:top"))), int(m.get(q("w:left")))
    right, bottom = int(m.get(q("w:right"))), int(m.get(q("w:bottom")))
    assert abs(top - 2098) <= 57 and abs(left - 1587) <= 57
    assert abs(w - left - right - 8845) <= 57  # 156 mm
    assert abs(h - top - bottom - 12756) <= 57  # 225 mm
    grid = sect.find("w:docGrid", NS)
    assert grid is None or int(grid.get(q("w:linePitch"))) <= 579  # A6
    footer = int(m.get(q("w:footer")))
    assert 1134 <= footer <= 1700  # E5


def test_a4_a5_even_odd_footers_with_page_field(doc: Docx) -> None:
    assert doc.settings.find("w:evenAndOddHeaders", NS) is not None
    sect = doc.document.find(".//w:body/w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is None
    footers = doc.footers()
    assert set(footers) >= {"default", "even"}
    for f in footers.values():
        instr = "".join(t.text or "" for t in f.iter(q("w:instrText")))
        simple = [e.get(q("w:instr")) for e in f.iter(q("w:fldSimple"))]
        assert "PAGE" in instr or any("PAGE" in s for s in simple)


# -- B. fonts and styles ------------------------------------------------------------------
CJK = re.compile(r"[\u4e00-\u9fff]")
THEME_ATTRS = ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme")


def test_b1_explicit_east_asian_fonts_no_theme_refs(doc: Docx) -> None:
    for p in doc.paragraphs:
        for r in p.findall("w:r", NS):
            if CJK.search("".join(t.text or "" for t in r.iter(q("w:t")))):
                ea = doc.rpr(p, r, "rFonts", "eastAsia")
                assert ea and not ea.startswith("+"), doc.text(p)
    used = {s for p in doc.paragraphs for s in [p.find("w:pPr/w:pStyle", NS)] if s is not None}
    used_ids = {s.get(q("w:val")) for s in used}
    for sid in used_ids:
        for st in doc.style_chain(doc.paragraphs[0]) + [doc.style_by_id[sid]]:
            for rf in st.iter(q("w:rFonts")):
                assert not any(rf.get(q(f"w:{a}")) for a in THEME_ATTRS)
    for rf in doc.document.iter(q("w:rFonts")):
        assert not any(rf.get(q(f"w:{a}")) for a in THEME_ATTRS)
    dd = doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert dd.get(q("w:eastAsia")) and not any(dd.get(q(f"w:{a}")) for a in THEME_ATTRS)


def test_b2_no_foreign_default_fonts(doc: Docx) -> None:
    bad = ("MS Mincho", "ＭＳ 明朝", "MS Gothic", "ＭＳ ゴシック", "等线", "Calibri", "Cambria")
    parts = ["word/styles.xml", "word/document.xml"] + [n for n in doc.names if n.startswith("word/footer")]
    for name in parts:
        raw = doc.raw(name)
        for font in bad:
            assert font not in raw, (name, font)


def test_b3_zh_cn_language(doc: Docx) -> None:
    tfl = doc.settings.find("w:themeFontLang", NS)
    assert tfl.get(q("w:eastAsia")) == "zh-CN"
    lang = doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(q("w:eastAsia")) == "zh-CN"


def _paras_of(doc: Docx, style: str) -> list[etree._Element]:
    return [p for p in doc.paragraphs if _kind(doc, p) == style]


def test_b4_body_paragraphs(doc: Docx) -> None:
    body = [p for p in _paras_of(doc, "GW Body") if doc.text(p)]
    assert body
    for p in body:
        assert doc.rpr(p, None, "rFonts", "eastAsia") in {"仿宋_GB2312", "仿宋", "FangSong", "方正仿宋_GBK"}
        assert doc.rpr(p, None, "sz", "val") == "32"
        assert doc.rpr(p, None, "b") in (None, "0")
        assert doc.rpr(p, None, "color", "val") in (None, "000000")


def test_b5_title(doc: Docx) -> None:
    (title,) = _paras_of(doc, "GW Title")
    assert doc.paragraphs[0] is title
    assert doc.rpr(title, None, "rFonts", "eastAsia") in {"方正小标宋简体", "方正小标宋_GBK"}
    assert doc.rpr(title, None, "sz", "val") == "44"
    assert doc.ppr(title, "jc").get(q("w:val")) == "center"
    assert doc.rpr(title, None, "b") in (None, "0")
    ind = doc.ppr(title, "ind")
    assert ind is None or ind.get(q("w:firstLine")) in (None, "0")


HEADING_RULES = [
    (re.compile(r"^[一二三四五六七八九十百零]+、"), {"黑体", "SimHei"}, "0"),
    (re.compile(r"^（[一二三四五六七八九十百零]+）"), {"楷体_GB2312", "楷体", "KaiTi"}, "0"),
    (re.compile(r"^\d+\.(?!\d)"), {"仿宋_GB2312", "仿宋", "FangSong"}, "1"),
    (re.compile(r"^（\d+）"), {"仿宋_GB2312", "仿宋", "FangSong"}, "0"),
]


def test_b6_to_b9_heading_fonts(doc: Docx) -> None:
    seen = set()
    for p in doc.paragraphs:
        if not _kind(doc, p).startswith("GW Heading"):
            continue
        t = doc.text(p)
        for i, (rx, fonts, bold) in enumerate(HEADING_RULES):
            if rx.match(t):
                seen.add(i)
                assert doc.rpr(p, None, "rFonts", "eastAsia") in fonts, t
                assert doc.rpr(p, None, "sz", "val") == "32"
                assert (doc.rpr(p, None, "b") or "0") == bold, t
                break
        else:
            pytest.fail(f"heading without a GB/T 9704 marker: {t!r}")
        assert not re.match(r"^（[一二三四五六七八九十]+）、|^\d+、|^\d+．", t)
    assert {0, 1} <= seen


def test_b6_b7_b8_b9_all_levels_in_a_deep_document() -> None:
    data = {"issuer": "青山县民政局", "year": 2025, "kind": "plan", "date": "2025-01-10",
            "sections": [{"title": "甲", "paragraphs": ["正文。"], "sections": [
                {"title": "乙", "sections": [{"title": "丙", "sections": [{"title": "丁", "paragraphs": ["正文。"]}]}]}]}]}
    d = Docx(compose(data).docx_bytes())
    texts = [d.text(p) for p in d.paragraphs if _kind(d, p).startswith("GW Heading")]
    assert texts == ["一、甲", "（一）乙", "1.丙", "（1）丁"]
    test_b6_to_b9_heading_fonts(d)


def test_b11_east_asian_hint_on_curly_quotes_and_dashes(doc: Docx) -> None:
    found = 0
    for p in doc.document.iter(q("w:p")):
        for r in p.findall("w:r", NS):
            t = "".join(x.text or "" for x in r.iter(q("w:t")))
            if set(t) & set("“”‘’—…·％"):
                found += 1
                rf = r.find("w:rPr/w:rFonts", NS)
                assert rf is not None and rf.get(q("w:hint")) == "eastAsia", t
    assert found


def test_b13_literal_markers_no_numbering(doc: Docx) -> None:
    assert not list(doc.document.iter(q("w:numPr")))
    for st in doc.styles.iter(q("w:style")):
        name = st.find("w:name", NS).get(q("w:val"))
        if name.startswith("GW "):
            assert st.find("w:pPr/w:numPr", NS) is None


# -- C. paragraph geometry ----------------------------------------------------------------
def test_c1_c2_c3_indent_alignment_spacing(doc: Docx) -> None:
    checked = 0
    for p in doc.paragraphs:
        kind = _kind(doc, p)
        if kind != "GW Body" and not kind.startswith("GW Heading"):
            continue
        ind = doc.ppr(p, "ind")
        assert ind.get(q("w:firstLine")) == "640" or ind.get(q("w:firstLineChars")) == "200"
        assert ind.get(q("w:left")) in (None, "0") and ind.get(q("w:hanging")) is None
        sp = doc.ppr(p, "spacing")
        assert sp.get(q("w:lineRule")) == "exact" and 560 <= int(sp.get(q("w:line"))) <= 579
        assert sp.get(q("w:before")) in ("0", None) and sp.get(q("w:after")) in ("0", None)
        if kind == "GW Body":
            assert doc.ppr(p, "jc").get(q("w:val")) == "both"
        checked += 1
    assert checked > 5


# -- D. closing block ---------------------------------------------------------------------
DATE = re.compile(r"^\d{4}年(1[0-2]|[1-9])月(3[01]|[12]\d|[1-9])日$")


def test_d1_d2_signature_and_date(doc: Docx) -> None:
    ps = doc.paragraphs
    sig = [p for p in ps if _kind(doc, p) == "GW Signature"]
    date = [p for p in ps if _kind(doc, p) == "GW Date"]
    assert len(sig) == 1 and len(date) == 1
    s_txt, d_txt = doc.text(sig[0]), doc.text(date[0])
    assert DATE.match(d_txt)
    i = ps.index(sig[0])
    assert ps[i + 1] is date[0]
    assert doc.text(ps[i - 1]) == "" and doc.text(ps[i - 2]) != ""  # exactly one blank line
    r_s, r_d = closing_indents(s_txt, d_txt)
    for p, r in ((sig[0], r_s), (date[0], r_d)):
        assert doc.ppr(p, "jc").get(q("w:val")) == "right"
        assert int(doc.ppr(p, "ind").get(q("w:right"))) == int(r * 320)
    # the date starts 2 characters right of the signature's first character (or keeps 2 from the edge)
    s_w, d_w = width(s_txt), width(d_txt)
    if s_w - d_w >= 2:
        assert (r_s, r_d) == (2, s_w - d_w)
    else:
        assert (r_s, r_d) == (4 + d_w - s_w, 2)
    assert ps[ps.index(sig[0]) - 2].find("w:pPr/w:keepNext", NS) is not None  # D6


def test_closing_indent_rule_examples() -> None:
    assert closing_indents("青山县民政局", "2025年12月20日") == (Fraction(5), Fraction(2))
    assert closing_indents("青山县人民政府办公室综合科", "2025年1月5日") == (Fraction(2), Fraction(7))


# -- E. footer and page number ------------------------------------------------------------
def test_e1_to_e4_page_numbers(doc: Docx) -> None:
    footers = doc.footers()
    for typ, jc, side in (("default", "right", "right"), ("even", "left", "left")):
        f = footers[typ]
        (p,) = f.findall("w:p", NS)
        assert p.find("w:pPr/w:jc", NS).get(q("w:val")) == jc
        assert p.find("w:pPr/w:ind", NS).get(q(f"w:{side}")) in ("280", "320")
        visible = "".join(t.text or "" for t in p.iter(q("w:t")))
        assert re.fullmatch("\u2014 \\d+ \u2014", visible), visible
        assert "-" not in visible and "－" not in visible
        assert p.find(".//w:fldChar", NS) is not None
        assert "PAGE" in "".join(t.text for t in p.iter(q("w:instrText")))
        for fs in p.iter(q("w:fldSimple")):
            assert fs.getparent().tag == q("w:p")
        for r in p.findall("w:r", NS):
            rf = r.find("w:rPr/w:rFonts", NS)
            assert {rf.get(q(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia")} <= {"宋体", "SimSun"}
            assert rf.get(q("w:hint")) == "eastAsia"
            assert r.find("w:rPr/w:sz", NS).get(q("w:val")) == "28"


# -- F. text-level content ----------------------------------------------------------------
def _all_text(doc: Docx) -> list[str]:
    return [doc.text(p) for p in doc.paragraphs]


def test_f1_to_f7_number_and_date_usage(doc: Docx) -> None:
    year = 2025
    for t in _all_text(doc):
        assert not re.search("[\uff10-\uff19％]", t), t  # F1
        assert not re.search(r"\d{4}\.\d{1,2}\.\d{1,2}|(?<!\d)\d{2}年|年0\d月|月0\d日|二〇", t), t  # F2
        assert not re.search(r"增长-|负增长|减少\d+倍|降低\d+倍", t), t  # F3
        assert not re.search(r"\d+(\.\d+)?～\d+(\.\d+)?%|\d+～\d+[万亿]", t), t  # F4
        assert not re.search(r"\d+[十百千][万亿]|\d+亿\d+万", t), t  # F5
        assert not re.search(r"\d,\d{3}", t), t  # F6
        assert not re.search("今年|去年|明年", t), t  # F7
        for y in re.findall(r"(?<!\d)(\d{4})年", t):
            assert int(y) in (year - 1, year, year + 1), t
    rates = [t for t in _all_text(doc) if "覆盖率" in t]
    for t in rates:  # F3: a rate's change is in percentage points
        assert "个百分点" in t


def test_f10_xml_special_characters_intact(hostile: Docx, hostile_result) -> None:
    texts = _all_text(hostile)
    assert "含有 & < > 字符的段落：R&D <b>不是标签</b> 5 > 3。" in texts
    assert any("第7项 A&B <试点>" in t for t in texts)
    sig = [hostile.text(p) for p in hostile.paragraphs if _kind(hostile, p) == "GW Signature"]
    assert sig == ["青山县民政局&<测试>"]
    assert "R&D <b>" in hostile_result.text and r"R&D \<b\>" in hostile_result.markdown


# -- stress: long title, empty sections, 100 programs -------------------------------------
def test_long_title_breaks_into_short_lines(hostile: Docx) -> None:
    title = hostile.paragraphs[0]
    lines = "".join((t.text or "") if t.tag == q("w:t") else "\n" for t in title.iter(q("w:t"), q("w:br"))).split("\n")
    assert len(lines) >= 2
    assert all(width(x) <= 20 for x in lines)
    joined = "".join(lines)
    assert joined.startswith("青山县民政局关于2025年")
    for x in lines:  # never broken inside 《》
        assert x.count("《") == x.count("》")


def test_empty_sections_and_hundred_programs(hostile_result) -> None:
    heads = [b.text for b in hostile_result.blocks if b.kind.startswith("h")]
    assert heads[:4] == ["一、工作完成情况", "（一）空的部分", "（二）另一个空的部分", "1.空的小节"]
    assert "（一百零二）第99项 A&B <试点>" in heads
    assert len(hostile_result.figures) == 100
    assert hostile_result.figures[-1].value == Decimal(199) and hostile_result.figures[-1].previous == Decimal(189)


# -- property: hostile text arrives intact ----------------------------------------------------

_TEXT = hst.text(alphabet=hst.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
    lambda s: s.strip() and "\u2028" not in s and "\u2029" not in s and "\x85" not in s)


@settings(max_examples=40, deadline=None)
@given(paras=hst.lists(_TEXT, min_size=1, max_size=4), issuer=_TEXT)
def test_property_any_text_survives_the_docx(paras: list[str], issuer: str) -> None:
    from gongwen.generate.schema import clean

    data = {"issuer": issuer, "year": 2025, "date": "2025-12-20", "intro": paras, "programs": {}}
    d = Docx(compose(data).docx_bytes())
    texts = [d.text(p) for p in d.paragraphs]
    for p in paras:
        if clean(p):
            assert clean(p) in texts
    assert clean(issuer) in texts


def test_control_characters_are_dropped() -> None:
    d = Docx(compose({"issuer": "青山县\x00民政局\x1f", "year": 2025, "intro": ["a\x0bb\tc"], "programs": {}}).docx_bytes())
    texts = [d.text(p) for p in d.paragraphs]
    assert "青山县民政局" in texts and "ab c" in texts


def test_c6_c8_b12_kinsoku_blank_lines_latin_font(example: Docx) -> None:
    ps = example.paragraphs
    blanks = [i for i, p in enumerate(ps) if not example.text(p)]
    # C8: one blank after the title and one before the signature, nowhere else
    sig = next(i for i, p in enumerate(ps) if _kind(example, p) == "GW Signature")
    assert blanks == [1, sig - 1]
    for p in ps:
        if _kind(example, p) == "GW Body" and example.text(p):
            assert example.ppr(p, "overflowPunct").get(q("w:val")) == "0"  # C6
            kinsoku = example.ppr(p, "kinsoku")
            assert kinsoku is None or kinsoku.get(q("w:val")) not in ("0", "false")
            assert example.rpr(p, None, "rFonts", "ascii") == "Times New Roman"  # B12
            assert example.rpr(p, None, "rFonts", "hAnsi") == "Times New Roman"
