"""The parts of a breakdown by a criterion (从…看，按…分) named only by their kind measure what the
whole measures (invented text)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_parts_by_a_criterion_measure_the_whole_the_criterion_names() -> None:
    """"全年完成交通投资N亿元…。从投资投向看，A a亿元、B b亿元": each part is the whole's 投资 (the
    amount the criterion names, not the nearer 争取资金), never the part's own name."""
    f = _figures("全年完成交通投资9.62亿元，同比增长8.1%。积极争取上级资金，全年争取省级交通资金3.15亿元。"
                 "从投资投向看，国省干线改造4.28亿元、农村公路提质2.71亿元、客运站场0.63亿元。")
    whole = f["9.62亿元"].metric
    assert "投资" in whole
    for part in ("4.28亿元", "2.71亿元", "0.63亿元"):
        assert f[part].metric == whole


def test_a_count_by_type_measures_what_the_whole_counts() -> None:
    """"全年完成审计项目36个。按类型分，A 9个、B 14个": each part counts the whole's 审计项目,
    not 经济责任审计数."""
    f = _figures("全年完成审计项目36个。按类型分，预算执行审计9个、经济责任审计14个、专项审计调查13个。")
    whole = f["36个"].metric
    assert "审计项目" in whole
    for part in ("9个", "14个", "13个"):
        assert f[part].metric == whole


def test_a_part_elided_after_one_naming_its_measure_takes_that_measure() -> None:
    """"从领域看，A领域查出问题金额a亿元，B领域b亿元": B's amount is its 查出问题金额 too (its kind and
    the measure the part before names, not the bare 政府投资领域)."""
    f = _figures("全年查出问题金额4.12亿元。从领域看，财政收支领域查出问题金额1.86亿元，政府投资领域1.07亿元。")
    assert f["1.07亿元"].metric != "政府投资领域"
    assert f["1.07亿元"].metric.endswith("查出问题金额")


def test_a_part_naming_its_own_measure_keeps_it() -> None:
    """"分领域看，工业项目完成投资a亿元": the part names its measure itself; and a list of kinds
    whose amounts name their own income (物业租赁收入 a万元，其他收入 b万元) keep theirs."""
    f = _figures("全年完成投资12.6亿元。分领域看，工业项目完成投资5.1亿元，农业项目完成投资2.2亿元。"
                 "全村集体经济收入186万元。从收入来源看，物业租赁收入72万元，其他收入31万元。")
    assert f["5.1亿元"].metric.endswith("完成投资")
    assert f["72万元"].metric.endswith("物业租赁收入") or f["72万元"].metric == "租赁收入"
    assert f["31万元"].metric.endswith("其他收入") or f["31万元"].metric == "收入"
