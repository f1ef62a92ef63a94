"""The program of a part of an aggregate (vocab ``aggregate: NOUN``, ``breakdown_cues``).  Invented text.

A total over kinds of work (an investment, a road network's length) is broken down by kind; a
kind is often a program of its own elsewhere (港航水运, 农村公路, 水库除险加固), but in the
breakdown it is the aggregate's part: the figure keeps the aggregate's program.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _figures(issuer: str, body: str) -> dict[str, tuple[str | None, str | None]]:
    text = f"{issuer}2024年工作总结\n{body}\n{issuer}\n2024年12月20日"
    return {f.as_written: (f.program, f.scope) for f in extract(document_from_text(text)).figures}


def test_the_kinds_after_a_breakdown_cue_are_parts_of_the_aggregate() -> None:
    f = _figures("青禾县交通运输局", "一、交通建设提速\n全县交通固定资产投资完成42.6亿元，同比增长5.1%。"
                 "其中，公路建设完成35.2亿元，港航水运3.3亿元，综合客运枢纽2.1亿元。")
    assert [f[w][0] for w in ("42.6亿元", "35.2亿元", "3.3亿元", "2.1亿元")] == ["交通固定资产投资"] * 4


def test_a_distributed_list_of_kinds_keeps_the_aggregate() -> None:
    f = _figures("青禾县交通运输局", "一、路网持续完善\n年底全县公路总里程达到3,212公里。按行政等级分，"
                 "高速公路、普通国省干线、农村公路分别为96公里、418公里、2,698公里。全年新改建农村公路126公里。")
    assert [f[w][0] for w in ("96公里", "418公里", "2,698公里")] == ["公路里程"] * 3
    assert f["126公里"][0] == "农村公路建设"  # a sentence of its own, no breakdown: the kind's program


def test_a_part_in_another_unit_keeps_its_program() -> None:
    f = _figures("青禾县统计局", "一、经济运行总体平稳\n全县固定资产投资同比增长4.2%。分领域看，工业投资增长9.3%，"
                 "房地产开发投资下降6.4%；新开工重点项目46个。")
    assert f["46个"][0] == "重点项目建设"  # (no part of a percentage)


def test_an_aggregate_of_its_own_is_a_part_where_a_breakdown_names_it_one() -> None:
    """房地产开发投资 is a total a report may state on its own; after 分领域看 that follows the
    固定资产投资 it is one of that investment's areas (as five of six bulletin writers label it),
    also past a 其中 inside an earlier area; a sentence of its own, or a total measuring another
    noun (一般公共预算收入 after 固定资产投资…，其中…), keeps its program."""
    f = _figures("青禾县统计局", "一、经济运行总体平稳\n全县固定资产投资同比增长4.2%。分领域看，工业投资增长9.3%，"
                 "其中技术改造投资增长12.1%；房地产开发投资下降6.4%。\n二、房地产\n全年完成房地产开发投资18.6亿元。")
    assert f["6.4%"][0] == "固定资产投资"
    assert f["18.6亿元"][0] == "房地产开发投资"
    f = _figures("青禾镇人民政府", "一、经济发展\n全年完成固定资产投资14.2亿元，其中重点项目完成投资9.7亿元；"
                 "一般公共预算收入1.74亿元。")
    assert f["1.74亿元"][0] == "一般公共预算收入"


def test_the_rows_of_a_table_of_an_aggregate_are_its_kinds() -> None:
    body = ("一、水利投资保持高位\n全年完成水利投资5.2亿元。各类项目投资完成情况如下：\n"
            "| 项目类别 | 计划投资（万元） | 完成投资（万元） |\n| --- | --- | --- |\n"
            "| 病险水库除险加固 | 9600 | 9800 |\n| 河道治理 | 15200 | 14100 |\n| 合计 | 24800 | 23900 |")
    f = _figures("青禾县水利局", body)
    assert f["9800"] == ("水利建设投资", "病险水库除险加固")
    assert f["14100"] == ("水利建设投资", "河道治理")


def test_taxes_stated_alone_are_their_own_program_and_a_part_of_revenue_after_it() -> None:
    f = _figures("青禾县石桥街道办事处", "一、经济发展\n全年完成辖区税收6.42亿元，同比增长5.8%。")
    assert [f[w][0] for w in ("6.42亿元", "5.8%")] == ["税收收入"] * 2
    f = _figures("青禾县统计局", "一、财政\n全县一般公共预算收入8.36亿元，增长3.1%，其中税收收入6.02亿元。"
                 "一般公共预算支出21.4亿元。\n其中，民生支出17.2亿元。")
    assert f["6.02亿元"][0] == "一般公共预算收入"
    assert f["17.2亿元"][0] == "一般公共预算支出"  # (the cue opens a paragraph: the whole ends the one before)


def test_a_breakdown_by_a_criterion_written_its_own_way_is_a_breakdown() -> None:
    """从投资投向看 is no word of the cue list, but a criterion between 从 and 看 (vocab
    ``breakdown_criteria``): the kinds after it are the investment's parts."""
    f = _figures("青禾县水利局", "一、水利投资较快增长\n全年完成水利投资4.8亿元，同比增长6.5%。从投资投向看，"
                 "农村供水工程1.3亿元、防洪工程1.5亿元、水土保持0.4亿元。")
    assert [f[w][0] for w in ("4.8亿元", "1.3亿元", "1.5亿元", "0.4亿元")] == ["水利建设投资"] * 4
