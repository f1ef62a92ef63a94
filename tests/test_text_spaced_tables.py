"""One-space tables of web texts and dumps whose rows carry their own unit (a unit column, or a
count written with its unit): every cell becomes a figure in the row's unit. Invented sentences."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from gongwen.extract.pipeline import extract


def _figures(tmp_path: Path, body: str) -> list[tuple[Decimal, str]]:
    src = tmp_path / "r.txt"
    src.write_text("栖川县图书馆2026年工作总结\n一、主要指标\n" + body, encoding="utf-8")
    return [(Decimal(str(f.value)), f.unit) for f in extract(src).figures]


def test_a_unit_column_gives_each_row_its_unit(tmp_path: Path) -> None:
    figs = _figures(tmp_path, "全年主要指标如下：\n指标 单位 2026年 2025年 增减(%)\n"
                              "借阅册次 册次 48210 45120 6.8\n"
                              "读者活动 场 326 301 8.3\n"
                              "购书经费 万元 86.5 80.2 7.9\n")
    assert (Decimal("48210"), "册次") in figs and (Decimal("45120"), "册次") in figs
    assert (Decimal("326"), "场") in figs
    assert (Decimal("865000"), "元") in figs and (Decimal("802000"), "元") in figs
    assert (Decimal("7.9"), "%") in figs


def test_counts_written_with_their_unit_and_dashes(tmp_path: Path) -> None:
    figs = _figures(tmp_path, "表1 各类补贴发放情况\n项目 对象 金额（万元） 占比（%）\n"
                              "阅读推广补贴 312人 48.6 60.0\n"
                              "流动书车补贴 9个 24.3 30.0\n"
                              "其他 — 8.1 10.0\n"
                              "合计 — 81.0 100.0\n")
    assert (Decimal("486000"), "元") in figs and (Decimal("81000"), "元") in figs
    assert (Decimal("810000"), "元") in figs and (Decimal("100"), "%") in figs


def test_prose_lines_with_words_in_different_places_stay_prose(tmp_path: Path) -> None:
    # three short lines of spaced words and numbers, their word in a different column each time:
    # not a table, so nothing is read as a cell without a unit
    figs = _figures(tmp_path, "馆藏 统计 口径 说明\n古籍 善本 12 册\n期刊 45 合订 本\n地方 文献 8 件\n")
    assert (Decimal("12"), "") not in figs and (Decimal("45"), "") not in figs
