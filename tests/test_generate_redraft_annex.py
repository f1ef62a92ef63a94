"""附件说明 and 附注 carried into a draft (gongwen.generate.redraft.annex) and laid out per GB/T 9704.

``fixtures/redraft-qingfeng-2023.txt`` (our own text) ends with a two-item attachment list (the
first name opens with the report year) and a 附注 below the date.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from gongwen.generate import redraft

pytest.importorskip("gongwen.extract.figures.assemble", reason="drafting needs the figure extractor")

FIXTURE = Path(__file__).parent / "fixtures" / "redraft-qingfeng-2023.txt"


@pytest.fixture(scope="module")
def template() -> redraft.Template:
    return redraft.prepare(FIXTURE, 2024)


@pytest.fixture(scope="module")
def result(template: redraft.Template) -> redraft.DraftResult:
    values = {s.id: s.last + 10 for s in template.slots}
    return redraft.draft(template, values=values, date="2024-12-10")


def test_attachment_names_and_note_are_found(template: redraft.Template) -> None:
    a = template.annex
    assert [template.document.slice(s) for s in a.items] == ["2023年青峰县救助资金明细表", "青峰县敬老院名录"]
    assert [template.document.slice(s) for s in a.notes] == ["（此件公开发布）"]


def test_text_draft_keeps_attachments_under_the_body_and_the_note_below_the_date(result: redraft.DraftResult) -> None:
    tail = result.text.rstrip("\n").split("\n")[-8:]
    assert tail == [
        "新增护理床位  50                70",
        "",
        "\u3000\u3000附件：1. 2024年青峰县救助资金明细表",  # a report period: moves with the year
        "\u3000\u3000\u3000\u3000\u30002. 青峰县敬老院名录",  # numbers aligned under the first
        "",
        "青峰县民政局",
        "2024年12月10日",
        "\u3000\u3000（此件公开发布）",
    ]


def test_markdown_draft_keeps_them_too(result: redraft.DraftResult) -> None:
    md = result.markdown
    assert "附件：1. 2024年青峰县救助资金明细表\n\n\u3000\u3000\u30002. 青峰县敬老院名录" in md
    assert md.rstrip().endswith("2024年12月10日</div>\n\n（此件公开发布）")


def _paragraphs(xml: str) -> list[tuple[str, str]]:
    """(pPr, text) of every body paragraph outside tables."""
    body = re.sub(r"<w:tbl>.*?</w:tbl>", "", xml, flags=re.S)
    out = []
    for p in re.findall(r"<w:p[ >].*?</w:p>|<w:p/>", body, re.S):
        ppr = (re.search(r"<w:pPr>.*?</w:pPr>", p, re.S) or re.search("", "")).group(0)
        out.append((ppr, "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))))
    return out


def test_docx_lays_out_the_attachment_list_and_note_per_gbt9704(result: redraft.DraftResult, tmp_path: Path) -> None:
    out = tmp_path / "d.docx"
    out.write_bytes(result.docx_bytes())
    paras = _paragraphs(zipfile.ZipFile(out).read("word/document.xml").decode())
    texts = [t for _, t in paras]
    k = texts.index("附件：1. 2024年青峰县救助资金明细表")
    assert texts[k - 1] == "" and texts[k - 2].startswith("2025年，县民政局将继续")  # one line under the body
    assert texts[k + 1:k + 6] == ["2. 青峰县敬老院名录", "", "青峰县民政局", "2024年12月10日", "（此件公开发布）"]
    # D4: 附件 two characters in (left − hanging = 640), the names wrap to their first character:
    # "1. " is 0.5 + 0.25 + 0.25 of a 16 pt character (320 twips)
    assert 'w:left="1920" w:hanging="1280"' in paras[k][0]
    assert 'w:left="1920" w:hanging="320"' in paras[k + 1][0]
    # D5: the note two characters in (the body style's first-line indent), set left
    assert 'w:jc w:val="left"' in paras[k + 5][0] and "GWBody" in paras[k + 5][0]


def test_a_single_attachment_has_no_number(tmp_path: Path) -> None:
    src = tmp_path / "last.txt"
    src.write_text("青石县民政局2023年工作总结\n2023年，县民政局扎实推进各项工作，群众获得感持续增强，全年目标任务全面完成。\n"
                   "附件：青石县2023年社会救助对象名册。\n青石县民政局\n2023年12月1日\n", encoding="utf-8")
    res = redraft.draft(redraft.prepare(src, 2024))
    assert "\u3000\u3000附件：青石县2024年社会救助对象名册\n\n青石县民政局" in res.text  # no full stop after a name


def test_figures_in_attachment_names_are_not_slots(template: redraft.Template) -> None:
    assert not any(template.annex.covers(s.number.start) for s in template.slots)


def test_a_drafted_text_is_read_back_with_its_attachments(result: redraft.DraftResult, tmp_path: Path) -> None:
    out = tmp_path / "d.txt"
    out.write_bytes(result.as_bytes("txt"))
    again = redraft.prepare(out, 2025)
    assert [again.document.slice(s) for s in again.annex.items] == ["2024年青峰县救助资金明细表", "青峰县敬老院名录"]
    assert [again.document.slice(s) for s in again.annex.notes] == ["（此件公开发布）"]
    assert len(again.tables) == 4


def test_a_drafted_docx_is_read_back_with_its_attachments(result: redraft.DraftResult, tmp_path: Path) -> None:
    out = tmp_path / "d.docx"
    out.write_bytes(result.docx_bytes())
    again = redraft.prepare(out, 2025)
    assert [again.document.slice(s) for s in again.annex.items] == ["2024年青峰县救助资金明细表", "青峰县敬老院名录"]
