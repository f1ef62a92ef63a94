"""A rate's metric names the rate: what it is a share of, how it is qualified (invented text)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_a_share_named_by_part_and_whole_before_its_verb_keeps_both() -> None:
    """"A占B的比重保持在x%以上": the share of A in B, not the bare 比重 the clause's last word is
    (a target's clause, which the share reading of 占B的x% does not name)."""
    f = _figures("确保教育支出占财政总支出的比重保持在18%以上。"
                 "力争护理型床位占养老床位总数的比例达到65%以上。")
    assert f["18%"].metric == "教育支出占财政总支出比重"
    assert f["65%"].metric == "护理型床位占养老床位比例"


def test_a_bare_rate_noun_without_a_named_share_stays() -> None:
    """A clause whose 比重 names no part nor whole keeps its phrase: nothing is made up."""
    f = _figures("力争技改投资的比重达到25%以上。")
    assert "占" not in f["25%"].metric


def test_a_long_rate_name_keeps_what_the_rate_is_of() -> None:
    """"门诊费用政策范围内报销比例达到x%" runs past twelve characters: the rate keeps the words that say
    what it is the rate of, not the bare 报销比例 a cut at the known word leaves."""
    f = _figures("困难群众经多重保障后，门诊费用政策范围内报销比例达到88.6%。")
    assert f["88.6%"].metric == "门诊费用政策范围内报销比例"


def test_a_rate_after_a_program_name_stays_the_programs_rate() -> None:
    """After a program's whole name the program is the rate's label: 参保率, not the long run."""
    f = _figures("全面落实巩固城乡居民基本养老保险参保率稳定在96.5%。")
    assert f["96.5%"].metric == "参保率"


def test_a_value_named_by_the_target_noun_after_it_is_that_target() -> None:
    """"失业率控制在3.8%的年度调控目标以内": 3.8% is the year's target (年度调控目标), named by the noun
    after it; a bare 目标 after the value names no one's target and leaves the clause's indicator."""
    f = _figures("全年城镇调查失业率控制在3.8%的年度调控目标以内。"
                 "单位产值能耗下降2.7%，超额完成下降2.2%的约束性目标。"
                 "全年接待游客增长9%以上的目标。")
    assert f["3.8%"].metric == "年度调控目标"
    assert f["2.2%"].metric == "约束性目标"
    assert "目标" not in f["9%"].metric


def test_a_level_reached_by_the_growth_before_it_is_the_level_of_what_grew() -> None:
    """"X增长6%左右，达到41.5亿元": the clause of 41.5亿元 names nothing; it is the level of what grew
    (X), not the bare 金额; a per-head average after a growth keeps its own reading (村均…)."""
    f = _figures("全年全镇地区生产总值增长6%左右，达到41.5亿元。"
                 "全镇村级集体经营性收入增长12.5%，村均52万元。")
    assert f["41.5亿元"].metric == "地区生产总值"
    assert f["村均52万元"].metric != "村级集体经营性收入"


def test_an_adverb_before_the_verb_of_a_share_is_no_part_of_its_whole() -> None:
    """"…占财政收入的比重仍达21.5%": the whole is 财政收入 (占财政收入比重), 仍达 no part of its name."""
    f = _figures("全年非税收入占财政收入的比重仍达21.5%。")
    assert f["21.5%"].metric == "占财政收入比重"


def test_a_growth_rate_names_what_grew_when_its_clause_does_not() -> None:
    """"X较上年增加a万元，增长r%": the rate is X's growth (the change before it names X); "X由a元提高到b元，
    增幅r%": a bare 增幅 names no one's growth, the level's is meant."""
    f = _figures("全年优抚资金较上年增加206.4万元，增长7.5%。"
                 "城市低保标准由每人每月760元提高到800元，增幅5.3%。")
    assert f["7.5%"].metric == "优抚资金增速"
    assert f["5.3%"].metric.startswith("城市低保标准")


def test_a_percentage_of_the_work_to_be_done_is_its_completion_rate() -> None:
    """"完成X的Y%": the percentage is X's completion rate, named by what was to be done (not the bare
    比例 of a percentage nor the bare 完成率 of a completion with no target noun)."""
    f = _figures("截至11月底已完成土石方开挖量的72%，隧道主体尚未贯通。全县中小学校舍加固完成合同工程量的96.5%。")
    assert f["72%"].metric == "土石方开挖量完成率"
    assert f["96.5%"].metric == "合同工程量完成率"
