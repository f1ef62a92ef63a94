"""A bureau's own Word file as --reference-docx: its letterhead (红头, 文号, red rule) stays."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from gongwen.generate import redraft, render

EXAMPLE = Path("gongwen/generate/data/example-summary.yaml").resolve()
LAST = Path(__file__).parent / "fixtures" / "redraft-qingshan-2024.txt"


def _bureau(path: Path) -> Path:
    """A letterhead template as bureaus keep them: red name, document number, a red rule, and
    a sample body that must not survive."""
    d = docx.Document()
    red = d.add_paragraph()
    run = red.add_run("青山县民政局文件")
    run.font.color.rgb = RGBColor(0xFF, 0x00, 0x00)
    run.font.size = Pt(40)
    d.add_paragraph("")
    d.add_paragraph("青民〔2025〕12号")
    rule = d.add_paragraph()
    ppr = rule._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "12"), ("w:space", "1"), ("w:color", "FF0000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)
    d.add_paragraph("这里是模板里的示例正文，应被替换。")
    d.add_paragraph("示例第二段。")
    d.save(path)
    return path


def _body(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_render_keeps_the_letterhead_above_the_title(tmp_path: Path) -> None:
    ref = _bureau(tmp_path / "bureau.docx")
    out = render(EXAMPLE, reference_docx=ref, output=tmp_path / "r.docx", check=False)
    paras = _body(out.path)
    assert paras[:4] == ["青山县民政局文件", "", "青民〔2025〕12号", ""]
    assert paras[4:6] == ["", ""] and paras[6].startswith("青山县民政局")  # title two lines below the rule
    xml = zipfile.ZipFile(out.path).read("word/document.xml").decode()
    assert 'w:color w:val="FF0000"' in xml and "<w:pBdr>" in xml
    assert "示例正文" not in xml and "示例第二段" not in xml


def test_draft_takes_a_reference_too(tmp_path: Path) -> None:
    ref = _bureau(tmp_path / "bureau.docx")
    res = redraft.draft(redraft.prepare(LAST, 2025), reference_docx=ref)
    out = tmp_path / "d.docx"
    out.write_bytes(res.docx_bytes())
    paras = _body(out)
    assert paras[0] == "青山县民政局文件" and paras[2] == "青民〔2025〕12号"
    assert "青山县民政局2025年工作总结" in paras and "示例正文" not in "".join(paras)


def test_without_a_letterhead_nothing_of_the_reference_body_stays(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("普通正文，不是红头。")
    d.save(tmp_path / "plain.docx")
    out = render(EXAMPLE, reference_docx=tmp_path / "plain.docx", output=tmp_path / "r.docx", check=False)
    assert _body(out.path)[0].startswith("青山县民政局")
