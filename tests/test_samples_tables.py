"""The sample generator's tables: a table wider than the page wraps its cells instead of letting
their text overrun the column rules (the PDF reader then mixed neighbouring cells and lost their
figures), and a table that fits is laid out as before.

The table below is invented for the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_samples, sample_source

ROOT = Path(__file__).resolve().parents[1]

WIDE = """---
title: 某区示范片区2031年工作总结
issuer: 某区示范片区管理委员会
date: 2032年1月9日
k: 2
---
一、总体情况
各片区任务完成情况如下。
| 承担单位名称 | 年度计划任务数（项） | 实际完成任务数（项） | 任务完成比率（%） | 财政拨付资金（万元） |
| 东坡湾示范片区综合服务中心 | 1250 | 1187 | 95.0 | 3468.25 |
| 西岭口生态修复工程指挥部 | 860 | 903 | 105.0 | 12876.40 |
| 合计 | 2110 | 2090 | 99.1 | 16344.65 |
二、下步打算
继续推进各片区建设。
"""

NARROW_ROWS = [["类别", "数量（个）"], ["甲类", "12"], ["乙类", "30"]]


gen = make_samples()


@pytest.fixture(scope="module")
def wide(tmp_path_factory: pytest.TempPathFactory):
    src, sample = sample_source(tmp_path_factory, gen, "wide-table", WIDE)
    return src.parent, sample, gen.layout(sample)


def _rows(pages) -> list:
    return [ln for page in pages for ln in page if ln.kind == "table_row"]


def test_wide_table_cells_wrap_within_their_columns(wide) -> None:
    _, sample, pages = wide
    rows = _rows(pages)
    assert [ln.cells for ln in rows] == sample.blocks[2].rows
    assert sum(rows[0].widths) == pytest.approx(gen.TEXT_W)
    for ln in rows:
        for cell, lines, w in zip(ln.cells, ln.cell_lines, ln.widths):
            assert "".join(lines) == cell
            assert all(gen.text_width(x, ln.size) <= w for x in lines), (cell, lines, w)
    header = rows[0]
    assert len(header.cell_lines[1]) == 2 and header.cell_lines[1][1].endswith("（项）")  # a unit whole
    assert header.height == gen.ROW_HEIGHT + gen.CELL_PITCH
    assert rows[2].cell_lines[4] == ["12876.40"]  # a number is never broken


def test_wide_table_reads_back_from_the_pdf_cell_by_cell(wide) -> None:
    import gongwen

    folder, sample, pages = wide
    pdf = folder / "wide-table.pdf"
    gen.write_pdf(sample, pages, pdf)
    text = gongwen.read(pdf).text
    for row in sample.blocks[2].rows:
        assert "\t".join(row) in text.splitlines(), row


def test_table_that_fits_keeps_one_line_a_cell() -> None:
    rows = gen.table_lines(NARROW_ROWS)
    assert [ln.cell_lines for ln in rows] == [[[c] for c in r] for r in NARROW_ROWS]
    assert {ln.height for ln in rows} == {gen.ROW_HEIGHT}
    assert {ln.size for ln in rows} == {gen.TABLE_SIZE}
