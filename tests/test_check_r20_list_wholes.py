"""Session 20, part R: the whole a list breaks down is the figure its items' words measure, not the
nearest one (invented words) — 排查出…隐患 a，…；已整改 b。分行业看，…企业排查隐患 c、… (the items count what
was found: a); 受理…纠纷 a；调解成功 b。从纠纷类型看，…纠纷 c、… (a); 受理民事案件 a，审结 b。审结的民事
案件中，… (what the 的 says was done: b)."""

from __future__ import annotations

from checkfacts import checked, findings

SAFETY = """关于2025年柳湾县安全生产和矛盾化解工作情况的报告
一、主要工作成效
（一）隐患排查。全年检查企业1200家次，排查出各类事故隐患5210项，其中重大事故隐患9项；已整改5108项，整改率98.0%。分行业看，烟花爆竹企业排查隐患1380项、建材企业420项、食品企业2215项。
（二）矛盾化解。全年共受理各类矛盾纠纷2,650件，同比增长6.1%；调解成功2,598件，调解成功率98.0%。从纠纷类型看，土地承包纠纷806件、相邻关系纠纷611件、劳务纠纷375件。
（三）民事审判。全年受理民事案件5210件，审结4986件，涉案标的额12.4亿元。审结的民事案件中，买卖合同纠纷1604件、物业服务纠纷833件、机动车交通事故责任纠纷517件。
"""


def _lists() -> list[tuple[str, str, tuple[str, ...]]]:
    return [f for f in findings(checked(SAFETY), "GW108") if len(f[2]) >= 4]


def test_the_items_measure_names_the_whole_of_a_classified_list() -> None:
    got = _lists()
    assert ("consistent", "info", ("1380项", "2215项", "420项", "5210项")) in got
    assert not [f for f in got if "5108项" in f[2]]


def test_the_items_noun_names_the_whole_not_the_result_after_it() -> None:
    got = _lists()
    assert ("consistent", "info", ("2,650件", "375件", "611件", "806件")) in got
    assert not [f for f in got if "2,598件" in f[2]]


def test_what_the_list_head_says_was_done_names_the_whole() -> None:
    got = _lists()
    assert ("consistent", "info", ("1604件", "4986件", "517件", "833件")) in got
    assert not [f for f in got if "5210件" in f[2]]
