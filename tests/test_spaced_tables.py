"""Tables written with one space between cells (web texts and dumps): read cell by cell, each
cell labelled by its row (scope) and its column (metric, unit); prose with single spaces is no
table (invented text).
"""

from __future__ import annotations

import pytest

from gongwen.extract.pipeline import document_from_text, extract


def _cells(text: str) -> list[tuple[str, str, str, str]]:
    figs = extract(document_from_text("一、主要工作\n" + text)).figures
    return [(str(f.value), f.unit, f.scope or "", f.metric) for f in figs if f.source == "table"]


SPACED = [
    ("web-text-table",
     "各片区申请核准情况如下：\n片区 申请份数(份) 核准份数(份) 核准率(%)\n东片区 1,436 1,402 97.6\n"
     "西片区 2,958 2,871 97.1\n合计 4,394 4,273 97.2\n各片区核准进度平稳。\n",
     [("1436", "份", "东片区", "申请份数"), ("1402", "份", "东片区", "核准份数"),
      ("97.6", "%", "东片区", "核准率"), ("2958", "份", "西片区", "申请份数"),
      ("2871", "份", "西片区", "核准份数"), ("97.1", "%", "西片区", "核准率")]),
    ("dump-with-dash-and-header-noun",
     "表2 分品种剂次统计\n品种 计划剂次 完成剂次 完成率（%）\n甲型制剂 3,260 3,201 98.2\n"
     "乙型制剂 — 1,845 —\n各品种按计划推进。\n",
     [("3260", "剂次", "甲型制剂", "计划剂次"), ("3201", "剂次", "甲型制剂", "完成剂次"),
      ("98.2", "%", "甲型制剂", "完成率"), ("1845", "剂次", "乙型制剂", "完成剂次")]),
]


@pytest.mark.parametrize("text,want", [r[1:] for r in SPACED], ids=[r[0] for r in SPACED])
def test_a_one_space_table_is_read_by_row_and_column(text: str, want: list[tuple[str, str, str, str]]) -> None:
    got = _cells(text)
    assert got[:len(want)] == want
    assert len(got) >= len(want)


PROSE = [
    # a header-looking line of words, but the lines after it are prose, not numbers
    ("words-then-prose", "重点 难点 堵点\n全年新建公园 12 个，新增绿地 36 公顷。\n"),
    # rows of numbers without a header line of as many words
    ("rows-without-header", "东片区 1,436 1,402\n西片区 2,958 2,871\n"),
    # only one row under the header
    ("one-row", "片区 申请份数(份) 核准份数(份)\n东片区 1,436 1,402\n"),
]


@pytest.mark.parametrize("text", [r[1] for r in PROSE], ids=[r[0] for r in PROSE])
def test_prose_with_single_spaces_is_no_table(text: str) -> None:
    assert _cells(text) == []
