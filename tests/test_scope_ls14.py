"""Scopes the text states by the shape of what it writes, not by a word of its own (wave 14,
engineer LS): the terms of a structure ratio after a word naming its parts in order are those
parts' shares.  Invented sentences.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _figures(issuer: str, body: str) -> list[tuple[str, str | None]]:
    text = f"{issuer}2024年工作总结\n{body}\n{issuer}\n2024年12月20日"
    return [(f.as_written, f.scope) for f in extract(document_from_text(text)).figures]


def test_the_terms_of_a_structure_ratio_are_its_parts_shares() -> None:
    # 三次产业 names 第一产业, 第二产业, 第三产业 in order: each term is one part's share of the whole
    got = _figures("青禾县统计局", "全年全县实现地区生产总值186.3亿元，增长5.2%。"
                   "三次产业结构由上年的12.1:40.6:47.3调整为11.8:40.1:48.1。")
    assert got[-3:] == [("11.8", "第一产业"), ("40.1", "第二产业"), ("48.1", "第三产业")]
    got = _figures("青禾县统计局", "二三产业结构为41.5∶58.5，服务业占比继续提高。")
    assert [s for _, s in got] == ["第二产业", "第三产业"]


def test_a_ratio_whose_terms_do_not_match_the_parts_keeps_the_whole() -> None:
    # two terms after a word of three parts: which part each is cannot be told
    got = _figures("青禾县统计局", "全县三次产业结构为45.1∶54.9。")
    assert [s for _, s in got] == ["全县", "全县"]


def _scope(issuer: str, body: str, written: str) -> str | None:
    return dict(_figures(issuer, body))[written]


def test_a_level_written_with_its_alternative_is_one_level() -> None:
    # 乡镇(街道), 村（社区）, 县（市、区）级: the parentheses are part of the level's name
    body = ("全县建成乡镇(街道)便民服务站12个、村(社区)便民服务点208个。全年举办县（市、区）级比赛41场次。"
            "全区共建成97个村（社区）老年食堂。")
    assert _scope("青禾县民政局", body, "12个") == "乡镇(街道)"
    assert _scope("青禾县民政局", body, "208个") == "村(社区)"
    assert _scope("青禾县民政局", body, "41场次") == "县（市、区）级"
    assert _scope("青禾县民政局", body, "97个") == "村（社区）"


def test_a_level_that_is_counted_or_measured_by_qualifies_nothing() -> None:
    # the level is what is counted, the unit of measure, or who acts within a time limit
    body = ("全县11个乡镇（街道）全部完成改造。以乡镇（街道）为单位统计，达标率达到96%。"
            "对困难群众，镇（街道）须在48小时内完成审核。")
    assert _scope("青禾县民政局", body, "11个") == "全县"
    assert _scope("青禾县民政局", body, "96%") == "全县"
    assert _scope("青禾县民政局", body, "48小时") != "镇（街道）"


def test_a_grade_in_parentheses_inside_a_name_stays_in_it() -> None:
    # 小（1）型 is a grade of reservoir, not an aside: the category as written
    body = "全县共有水库37座，其中中型水库2座、小（一）型水库9座、小（2）型水库26座。全县小型水库12座全部落实管护责任。"
    got = dict(_figures("青禾县水利局", body))
    assert got["9座"] == "小（一）型水库" and got["26座"] == "小（2）型水库" and got["12座"] == "小型水库"


def test_a_table_rows_words_in_parentheses_that_are_no_unit_name_the_row() -> None:
    # 杂粮（含薯类）, 油菜籽（折油）: the row's category as written; a unit in parentheses is no part of a name
    body = ("全年主要农作物生产情况见下表。\n"
            "品种\t播种面积\t产量（万吨）\n"
            "杂粮（含薯类）\t12.4\t31.6\n"
            "油菜籽（折油）\t3.1\t1.2\n"
            "水稻（万吨）\t20.5\t14.2\n")
    got = dict(_figures("青禾县农业农村局", body))
    assert got["31.6"] == "杂粮（含薯类）" and got["1.2"] == "油菜籽（折油）" and got["14.2"] != "水稻（万吨）"


def test_a_budgets_revenue_is_the_jurisdictions_not_a_category() -> None:
    # 政府性基金预算 and 国有资本经营预算 are budgets of the whole jurisdiction (the figure's program),
    # no category of what is counted: the revenue and spending of each are the jurisdiction's
    body = ("全区政府性基金预算收入9.62亿元，同比下降8.4%；政府性基金预算支出15.31亿元。"
            "国有资本经营预算收入0.27亿元，国有资本经营预算支出0.19亿元。")
    got = _figures("青禾区财政局", body)
    assert [s for _, s in got] == ["全区"] * 5


def test_money_named_by_two_levels_is_of_both() -> None:
    # 中央和省级资金: the money of both levels, not of 省级 alone; a single level's money is named as
    # written, its noun with it (wave 17: 省级资金, as the writers name it, not the bare 省级)
    body = "全年争取中央和省级资金2.46亿元，占完成投资的41.3%。省级资金860万元。"
    got = dict(_figures("青禾县水利局", body))
    assert got["2.46亿元"] == "中央和省级资金" and got["41.3%"] == "中央和省级资金" and got["860万元"] == "省级资金"
