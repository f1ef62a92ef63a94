"""Last year's tables carried into a draft (gongwen.generate.redraft.tables).

``fixtures/redraft-qingfeng-2023.txt`` is our own text with four tables: two years and a growth
rate with a 合计 row; a numbered list with a 合计 row and a 其中 row after it; years down the
first column; a plan table with a column of the report year.  The bundled samples carry one
table each (qingxi: 2021年1-11月 | 2022年1-11月 | 增减 with 合计; yunling: a 合计 column;
nanping: 当期结余 = 收入 − 支出), read from their .docx and .pdf.
"""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from gongwen.generate import redraft
from gongwen.generate.markup import Block

pytest.importorskip("gongwen.extract.figures.assemble", reason="drafting needs the figure extractor")

FIXTURE = Path(__file__).parent / "fixtures" / "redraft-qingfeng-2023.txt"
SAMPLES = Path(__file__).resolve().parents[1] / "gongwen" / "corpora" / "samples"
VALUES = {"s1": 3300, "s2": 1300, "s3": 390, "s4": 300, "s5": 220, "s6": 450, "s7": 330, "s8": 220,
          "s9": 160, "s10": 930, "s11": 300, "s12": 130, "s13": 160, "s14": 50, "s15": 70}


@pytest.fixture(scope="module")
def template() -> redraft.Template:
    return redraft.prepare(FIXTURE, 2024)


def _values(**v: float) -> dict[str, Decimal | None]:
    return {k: Decimal(str(x)) for k, x in v.items()}


def _tables(res: redraft.DraftResult) -> list[list[list[str]]]:
    """Every table block as rows of cell texts."""
    return [[["".join(i.text for i in cell) for cell in row] for row in b.rows]
            for b in res.blocks if b.kind == "table"]


@pytest.fixture(scope="module")
def filled(template: redraft.Template) -> redraft.DraftResult:
    return redraft.draft(template, values=_values(**VALUES), date="2024-12-10")


# -- slots ----------------------------------------------------------------------------------------

def test_table_numbers_are_slots_with_row_and_column_as_context(template: redraft.Template) -> None:
    got = [(s.id, s.literal, s.unit, s.context) for s in template.slots[1:5]]
    assert got == [
        ("s2", "1,260.0", "万元", "表格：低保金 × 2024年（万元）"),
        ("s3", "380.0", "万元", "表格：特困供养金 × 2024年（万元）"),
        ("s4", "300", "张", "表格：1 县级福利中心 × 床位数（张）"),
        ("s5", "210", "人", "表格：1 县级福利中心 × 入住人数（人）"),
    ]
    # last year's 2022 column, totals, growth rates and the 序号 column are not asked for
    assert len(template.slots) == 15
    assert not {"1,200.0", "1,640.0", "5.0", "750", "1", "2"} & {s.literal for s in template.slots[1:]}


def test_skeleton_offers_table_cells_in_document_order(template: redraft.Template) -> None:
    data = yaml.safe_load(redraft.skeleton(template))
    s2 = data["slots"][1]
    assert (s2["id"], s2["last"], s2["unit"], s2["value"]) == ("s2", 1260.0, "万元", None)
    assert s2["context"] == "表格：低保金 × 2024年（万元）"
    assert [s["id"] for s in data["slots"]] == [f"s{i}" for i in range(1, 16)]


# -- filling --------------------------------------------------------------------------------------

def test_year_columns_move_and_the_earlier_column_takes_last_years_values(filled: redraft.DraftResult) -> None:
    assert _tables(filled)[0] == [
        ["项目", "2023年", "2024年", "增长（%）"],
        ["低保金", "1,260.0", "1,300.0", "3.2"],  # 1300 / 1260 − 1 = 3.17 %
        ["特困供养金", "380.0", "390.0", "2.6"],
        ["合计", "1,640.0", "1,690.0", "3.0"],  # 1690 / 1640 − 1 = 3.05 % (half up from 3.048…)
    ]


def test_a_total_waits_for_every_part(template: redraft.Template) -> None:
    res = redraft.draft(template, values=_values(s2=1300))
    table = _tables(res)[0]
    assert table[1] == ["低保金", "1,260.0", "1,300.0", "3.2"]
    assert table[3] == ["合计", "1,640.0", "【待填】", "【待填】"]
    block = next(b for b in res.blocks if b.kind == "table")
    assert block.rows[3][2][0].placeholder and block.header_rows == 1


def test_a_decrease_is_a_negative_change(template: redraft.Template) -> None:
    table = _tables(redraft.draft(template, values=_values(s2=1197, s3=380)))[0]
    assert table[1][3] == "-5.0" and table[3] == ["合计", "1,640.0", "1,577.0", "-3.8"]


def test_a_total_row_adds_the_rows_above_it_not_the_one_below(filled: redraft.DraftResult) -> None:
    assert _tables(filled)[1] == [
        ["序号", "类别", "床位数（张）", "入住人数（人）"],
        ["1", "县级福利中心", "300", "220"],
        ["2", "乡镇敬老院", "450", "330"],
        ["合计", "—", "750", "550"],
        ["其中", "护理型", "220", "160"],
    ]


def test_years_down_the_first_column_move_like_columns(filled: redraft.DraftResult) -> None:
    assert _tables(filled)[2] == [
        ["年份", "结婚登记（对）", "离婚登记（对）"],
        ["2022年", "980", "295"],
        ["2023年", "950", "288"],
        ["2024年", "930", "300"],
    ]


def test_a_plan_table_with_the_report_year_is_drafted(filled: redraft.DraftResult) -> None:
    assert _tables(filled)[3] == [
        ["指标", "2024年完成（张）", "2025年目标（张）"],
        ["新增养老床位", "130", "160"],
        ["新增护理床位", "50", "70"],
    ]


def test_thousands_separators_stay_in_the_text(template: redraft.Template, filled: redraft.DraftResult) -> None:
    assert "全县共有低保对象由上年同期的3,215户增加到3,300户" in filled.text
    assert "全县共有低保对象【待填】户" in redraft.draft(template).text  # not 【待填】,215户


def _one_table(tmp_path: Path, rows: list[str], lead: str = "全县主要指标如下。") -> list[list[str]]:
    """Draft a small report of our own words holding one table; the filled table's cells."""
    body = "\n".join(rows)
    src = tmp_path / "last.txt"
    src.write_text(f"青石县民政局2023年工作总结\n2023年，县民政局扎实推进各项工作，群众获得感持续增强，"
                   f"全年目标任务全面完成。\n一、主要工作\n{lead}\n{body}\n青石县民政局\n2023年12月1日\n",
                   encoding="utf-8")
    t = redraft.prepare(src, 2024)
    values = {s.id: s.last + 10 for s in t.slots if s.figure.source == "table"}
    return _tables(redraft.draft(t, values=values))[0]


def test_a_change_column_without_an_earlier_year_uses_last_years_value(tmp_path: Path) -> None:
    table = _one_table(tmp_path, ["项目      2023年（人）  比上年增长（%）",
                                  "城市低保  400           8.1",
                                  "农村低保  1,000         -2.0"])
    assert table[1:] == [["城市低保", "410", "2.5"], ["农村低保", "1,010", "1.0"]]


def test_a_total_that_does_not_add_up_is_asked_for(tmp_path: Path) -> None:
    table = _one_table(tmp_path, ["乡镇    低保户数（户）  低保人数（人）",
                                  "东关镇  120             230",
                                  "西岭乡  80              150",
                                  "合计    260             380"])
    # 120 + 80 ≠ 260 last year (other places count too): a slot, not a sum; 230 + 150 = 380 is one
    assert table[3] == ["合计", "270", "400"]


def test_a_table_of_earlier_years_is_kept_as_written(tmp_path: Path) -> None:
    table = _one_table(tmp_path, ["项目      2020年  2021年",
                                  "城市低保  300     320",
                                  "农村低保  900     950"])
    assert table == [["项目", "2020年", "2021年"], ["城市低保", "300", "320"], ["农村低保", "900", "950"]]


# -- the .docx ------------------------------------------------------------------------------------

def test_docx_table_is_a_real_ruled_table(filled: redraft.DraftResult, tmp_path: Path) -> None:
    out = tmp_path / "d.docx"
    out.write_bytes(filled.docx_bytes())
    z = zipfile.ZipFile(out)
    xml = z.read("word/document.xml").decode()
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)
    assert len(tables) == 4
    first = tables[0]
    cols = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', first)]
    assert len(cols) == 4 and sum(cols) <= 8845  # C7: the text block's width at most
    assert first.count("<w:tcW ") == 16 and 'w:tblBorders' in first and "<w:tblHeader/>" in first
    assert "1,690.0" in first and "2024年" in first
    styles = z.read("word/styles.xml").decode()
    table_style = re.search(r'<w:style [^>]*w:styleId="GWTable".*?</w:style>', styles, re.S)
    assert table_style is not None
    assert 'w:lineRule="auto"' in table_style.group(0) and 'w:line="579"' not in table_style.group(0)


# -- round trip on the bundled samples ----------------------------------------------------------

SOURCES = [f"{n}-2022/{n}-2022.{ext}" for n in ("qingxi", "yunling", "nanping") for ext in ("docx", "pdf")]
# what each sample's table looks like in the 2023 draft with every table value raised by a tenth
EXPECTED = {
    "qingxi": [["项目", "2022年1-11月", "2023年1-11月", "增减"],
               ["城乡低保金", "2,718.4", "2,990.2", "271.8"],
               ["特困供养金", "1,062.7", "1,169.0", "106.3"],
               ["临时救助金", "173.2", "190.5", "17.3"],
               ["合计", "3,954.3", "4,349.7", "395.4"]],
    "yunling": [["项目", "中央和省级", "市县配套", "合计"],
                ["城乡低保", "20,482", "6,578", "27,060"],
                ["特困供养", "6,765", "2,486", "9,251"],
                ["临时救助", "572", "176", "748"],
                ["养老服务", "2,046", "1,474", "3,520"]],
    "nanping": [["险种", "基金收入", "基金支出", "当期结余"],
                ["企业职工养老保险", "57,605", "54,686", "2,919"],
                ["城乡居民养老保险", "14,863", "13,735", "1,128"],
                ["失业保险", "3,753", "3,275", "478"],
                ["工伤保险", "2,360", "2,187", "173"]],
}


@pytest.mark.parametrize("source", SOURCES, ids=[s.split("/")[1] for s in SOURCES])
def test_sample_table_survives_extract_draft_extract(source: str, tmp_path: Path) -> None:
    from gongwen.check import check
    from gongwen.extract.pipeline import extract

    t = redraft.prepare(SAMPLES / source)
    places = {"qingxi": Decimal("0.1")}.get(source.split("-")[0], Decimal(1))
    values = {s.id: (s.last * Decimal("1.1")).quantize(places) for s in t.slots if s.figure.source == "table"}
    res = redraft.draft(t, values=values, date="2023-12-08")
    want = EXPECTED[source.split("-")[0]]
    assert _tables(res) == [want]
    for fmt in ("docx", "txt", "md"):
        out = tmp_path / f"draft.{fmt}"
        out.write_bytes(res.as_bytes(fmt))
        ext = extract(out)
        doc = ext.document
        assert [[doc.text[c.start:c.end] for c in row] for row in doc.tables[0].cells] == want, fmt
        got = {(f.value, f.unit) for f in ext.figures if f.source == "table"}
        for s in t.slots:
            if s.id in values:
                assert (values[s.id] * s.scale, s.figure.unit) in got, (fmt, s.context)
        if fmt != "md":  # the Markdown closing block is HTML the checker does not read as a date
            errors = [f for f in check(out).findings if f.severity == "error"]
            assert errors == [], (fmt, [f.message for f in errors])


def test_sample_table_year_column_is_read_back_as_the_new_year(tmp_path: Path) -> None:
    from gongwen.extract.pipeline import extract

    t = redraft.prepare(SAMPLES / "qingxi-2022" / "qingxi-2022.pdf")
    values = {s.id: s.last + 100 for s in t.slots if s.figure.source == "table"}
    out = tmp_path / "draft.docx"
    out.write_bytes(redraft.draft(t, values=values, date="2023-12-08").docx_bytes())
    figs = {f.as_written: f for f in extract(out).figures if f.source == "table"}
    assert figs["2,818.4"].period == "2023-01/2023-11" and figs["2,718.4"].period == "2022-01/2022-11"
    assert figs["4,254.3"].metric == "金额" and figs["300.0"].kind == "change"


def test_table_block_text_is_tab_separated() -> None:
    from gongwen.generate.markup import Inline

    b = Block("table", (), rows=(((Inline("甲"),), (Inline("1"),)), ((Inline("乙"),), (Inline("【待填】", True),))))
    assert b.text == "甲\t1\n乙\t【待填】" and [i.text for i in b.all_inlines] == ["甲", "1", "乙", "【待填】"]
