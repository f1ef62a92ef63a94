"""Tables, 附件说明 and 附注 rendered from report data (issue 11): read back from the .docx."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest

from gongwen.cli import main
from gongwen.errors import DataError
from gongwen.generate import compose

DATA = {
    "issuer": "青禾县民政局", "year": 2025, "date": "2025-12-10", "kind": "summary",
    "intro": "2025年，县民政局各项工作稳步推进。",
    "sections": [{
        "title": "救助资金保障有力",
        "paragraphs": ["全县按月足额发放各类救助资金。"],
        "tables": [
            {"lead": "全年救助资金支出情况如下。", "unit": "万元", "columns": ["项目", "2024年", "2025年"],
             "rows": [["低保金", 1200, "1260.5"], ["特困供养金", 400, 380], ["合计", "sum", "sum"]]},
            {"columns": ["类别", "床位数（张）", "备注"], "separators": True,
             "rows": [["县级福利中心", 1300, "含护理型"], ["乡镇敬老院", 450, ""], ["合计", 1750, "—"]]},
        ]}],
    "problems": ["基层力量薄弱。"],
    "attachments": ["2025年青禾县救助资金明细表", "青禾县敬老院名录"],
    "notes": ["此件公开发布"],
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tables") / "report.docx"
    out.write_bytes(compose(copy.deepcopy(DATA)).docx_bytes())
    return out


def _cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_tables_carry_their_cells_and_computed_totals(rendered: Path) -> None:
    d = docx.Document(str(rendered))
    assert len(d.tables) == 2
    assert _cells(d.tables[0]) == [["项目", "2024年", "2025年"], ["低保金", "1200", "1260.5"],
                                   ["特困供养金", "400", "380"], ["合计", "1600", "1640.5"]]
    assert _cells(d.tables[1]) == [["类别", "床位数（张）", "备注"], ["县级福利中心", "1,300", "含护理型"],
                                   ["乡镇敬老院", "450", ""], ["合计", "1,750", "—"]]
    header = d.tables[0].rows[0]._tr
    assert header.find(".//{*}tblHeader") is not None  # the header row repeats on a new page
    assert d.tables[0]._tbl.find(".//{*}tblGrid") is not None  # C7: grid and widths present


def test_lead_and_unit_lines_stand_before_their_table(rendered: Path) -> None:
    d = docx.Document(str(rendered))
    body = d.element.body
    kinds = [(el.tag.split("}")[1], "".join(el.xpath(".//w:t/text()"))) for el in body
             if el.tag.endswith(("}p", "}tbl"))]
    k = next(i for i, (tag, _) in enumerate(kinds) if tag == "tbl")
    assert kinds[k - 2][1] == "全年救助资金支出情况如下。" and kinds[k - 1][1] == "单位：万元"


def test_attachments_under_the_body_and_the_note_below_the_date(rendered: Path) -> None:
    paras = [p for p in docx.Document(str(rendered)).paragraphs if p.text.strip()]
    texts = [p.text for p in paras]
    a = texts.index("附件：1. 2025年青禾县救助资金明细表")
    assert texts[a + 1] == "2. 青禾县敬老院名录"
    assert texts[a + 2:a + 4] == ["青禾县民政局", "2025年12月10日"]
    assert texts[-1] == "（此件公开发布）"
    ind = paras[a]._p.pPr.find("{*}ind")
    assert ind is not None and int(ind.get(f"{{{ind.nsmap['w']}}}hanging")) > 0  # names wrap to their first character


def test_rendered_tables_check_clean_and_extract(rendered: Path) -> None:
    pytest.importorskip("gongwen.extract.figures.assemble", reason="needs the extractor")
    from gongwen.check import check
    from gongwen.extract.pipeline import extract

    assert [f for f in check(rendered).findings if f.severity == "error"] == []
    got = {(f.value, f.period) for f in extract(rendered).figures if f.source == "table"}
    assert {(12605000, "2025"), (16405000, "2025"), (16000000, "2024")} <= got  # 万元 from the 单位 line


def test_text_and_markdown_show_the_table() -> None:
    res = compose(copy.deepcopy(DATA))
    assert "合计        1600    1640.5" in res.text
    assert "    合计" in res.markdown  # an indented block: read back as a table


def _bad(edit) -> str:
    data = copy.deepcopy(DATA)
    edit(data)
    with pytest.raises(DataError) as e:
        compose(data)
    return str(e.value)


@pytest.mark.parametrize("edit,message", [
    (lambda d: d["sections"][0]["tables"][0]["rows"].__setitem__(2, ["合计", 1600, 1650]),
     "sections[0].tables[0].rows[2][2]: 合计 is 1650 but the rows above add up to 1640.5; write `sum` to compute it"),
    (lambda d: d["sections"][0]["tables"][0]["rows"][0].append(5),
     "sections[0].tables[0].rows[0]: 4 cells but the table has 3 columns"),
    (lambda d: d["sections"][0]["tables"][0].update(colums=[]),
     "sections[0].tables[0].colums: unknown key; did you mean 'columns'?"),
    (lambda d: d.update(attachments=["1.明细表"]),
     "attachments[0]: starts with '1.'; write the name alone (the generator writes 附件： and the numbers)"),
    (lambda d: d.update(attachments=["明细表。"]),
     "attachments[0]: ends with '。'; an attachment name takes no punctuation after it (GB/T 9704 §7.3.4)"),
], ids=["total-does-not-add-up", "row-width", "misspelt-key", "hand-numbered", "punctuation"])
def test_bad_tables_are_one_line_errors(edit, message: str) -> None:
    assert _bad(edit) == f"<data>: {message}"


def test_cli_bad_table_exits_2(tmp_path: Path, capsys) -> None:
    import yaml

    data = copy.deepcopy(DATA)
    data["sections"][0]["tables"][0]["rows"][2] = ["合计", 1600, 1650]
    p = tmp_path / "d.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        main(["render", str(p), "-o", str(tmp_path / "o.docx")])
    err = capsys.readouterr().err
    assert e.value.code == 2 and len(err.strip().splitlines()) == 1 and "合计 is 1650" in err
