"""Periods of whole figures: what a figure's own words date, what it inherits, what it never does.

Each case is a short invented report; the families come from issue 9 (development corpus and real
pages).  ``period_inferred`` is asserted wherever the rule says whether the period was stated.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure


def _figures(text: str) -> dict[str, Figure]:
    return {f.as_written: f for f in extract(document_from_text(text)).figures}


SUMMARY = "青禾县民政局2023年工作总结\n一、主要成效\n{}\n青禾县民政局\n2023年12月20日"
HALF = "青禾县水务局2024年上半年工作总结\n一、上半年工作进展\n{}\n青禾县水务局\n2024年7月5日"


def test_an_old_value_is_dated_by_its_comparison() -> None:
    """较上年的18件、12人: the old values are last year's; 较去年同期的 is the same months a year back."""
    f = _figures(SUMMARY.format("全年受理投诉15件、回访9人，较上年的18件、12人分别减少3件、3人。"))
    assert (f["18件"].period, f["12人"].period, f["15件"].period) == ("2022", "2022", "2023")
    g = _figures(HALF.format("1-6月完成水利投资8.2亿元，较去年同期的7.1亿元增长15.5%。"))
    assert (g["7.1亿元"].period, g["8.2亿元"].period) == ("2023-01/2023-06", "2024-01/2024-06")


def test_a_whole_year_target_is_the_year() -> None:
    """In a half-year report the year's target is the year's; 全年任务 dates only that target."""
    g = _figures(HALF.format("上半年完成抽检960批次，完成全年任务2000批次的48.0%，抽检合格率97.5%。"))
    assert g["2000批次"].period == "2024" and g["2000批次"].kind == "target"
    assert g["48.0%"].period == g["97.5%"].period == "2024-01/2024-06"


def test_a_goal_is_dated_by_its_deadline() -> None:
    text = ("青禾县水务局2024年上半年工作总结\n一、下半年工作打算\n10月底前完成8座水闸改造，全年新增灌溉面积1.5万亩。\n"
            "青禾县水务局\n2024年7月5日")
    f = _figures(text)
    assert f["8座"].period == "2024-10" and not f["8座"].period_inferred


def test_rules_and_standing_standards_inherit_no_paragraph_period() -> None:
    """Not a paragraph's months: only the report's year, marked inferred (session 17: the newer
    writers date a standing rule by its report, the older leave it undated — both read it so)."""
    f = _figures(SUMMARY.format("全年办结信访件412件；对紧急诉求须在12小时内响应。一季度按每人每月90元标准发放补贴21.6万元。"))
    assert f["12小时"].period == "2023" and f["12小时"].period_inferred and f["12小时"].kind == "condition"
    assert f["每人每月90元"].period == "2023" and f["每人每月90元"].period_inferred
    assert f["21.6万元"].period == "2023-01/2023-03"


def test_a_rule_in_a_plan_takes_the_plan_period() -> None:
    text = ("青禾县民政局2023年工作总结\n一、2024年工作计划\n对急难对象在24小时内先行救助。\n"
            "青禾县民政局\n2023年12月20日")
    f = _figures(text)
    assert f["24小时"].period == "2024" and f["24小时"].period_inferred


def test_a_raised_standard_is_not_dated_by_a_stock_count() -> None:
    """年末 dates the head-count before it, not the standard raised in the next sentence."""
    f = _figures(SUMMARY.format("年末全县参保9.6万人。个人缴费标准由每人每年320元提高到345元。"))
    assert f["9.6万人"].period == "2023-12"
    assert f["345元"].period == "2023" and f["345元"].period_inferred


def test_a_year_with_its_half_carries_to_later_sentences() -> None:
    f = _figures("一、经济运行\n2023年上半年，规上工业产值10.7亿元。限上商贸企业销售额29.5亿元。")
    assert f["29.5亿元"].period == "2023-01/2023-06" and f["29.5亿元"].period_inferred


def test_an_action_started_on_a_date_does_not_date_its_counts() -> None:
    """自5月10日起，开展…，培训志愿者320名: the start of an action, not the period of a count;
    a rate raised from a date keeps it."""
    f = _figures(SUMMARY.format("自5月10日起，开展入户走访，培训志愿者320名。"
                                "自2023年7月起，护理补贴标准由每人每月100元提高到120元。"))
    assert f["320名"].period == "2023" and f["320名"].period_inferred
    assert f["120元"].period == "2023-07/.."


def test_an_old_rate_in_brackets_is_the_compared_period() -> None:
    f = _figures("一、经济运行\n前三季度地区生产总值86.3亿元，增长5.4%，增速比上半年（5.1%）加快0.3个百分点。")
    assert (f["5.4%"].period, f["5.1%"].period) == ("XXXX-01/XXXX-09", "XXXX-01/XXXX-06")


def test_a_run_in_plan_heading_dates_what_follows() -> None:
    """A one-paragraph web text: "三、下半年工作打算（一）…" opens the plan's months."""
    text = ("一、工作进展\n上半年新建学校3所，完成投资2.6亿元。二、存在的问题 学位仍然偏紧。"
            "三、下半年工作打算（一）推进学位建设。确保新增学位4,000个。")
    f = _figures(text)
    assert f["4,000个"].period == "XXXX-07/XXXX-12" and f["4,000个"].period_inferred


def test_a_growth_rate_is_not_dated_by_a_stock_date() -> None:
    text = ("一、工业\n1-10月，规上工业增加值增长6.8%。截至10月底，规上工业企业达到97家。"
            "从行业看，化工行业增加值增长12.4%。")
    f = _figures(text)
    assert f["97家"].period == "XXXX-10" and f["12.4%"].period == "XXXX-01/XXXX-10"


def test_a_standard_stated_for_a_year_takes_it() -> None:
    f = _figures(SUMMARY.format("2023年城乡居民个人缴费标准为每人每年380元。"))
    assert f["每人每年380元"].period == "2023" and not f["每人每年380元"].period_inferred


def test_a_table_column_dates_its_cells_also_with_its_unit() -> None:
    """A column headed "2025年（亿元）" is that year's; the 增长 column changes over the latest
    year, wherever it stands among the columns."""
    f = _figures(SUMMARY.format("主要指标如下表。\n指标 | 2023年（亿元） | 2022年（亿元） | 增长（%）\n"
                                "农产品销售额 | 41.6 | 38.2 | 8.9\n全县销售稳中有升。"))
    assert (f["41.6"].period, f["38.2"].period, f["8.9"].period) == ("2023", "2022", "2023")
    assert not f["38.2"].period_inferred


def test_a_column_opening_on_a_time_word_takes_that_time() -> None:
    """年末在册 | 当年新增 | 同比: the stock at the year's end, the year's additions; the change spans
    the year, not the end date the table's intro names."""
    f = _figures(SUMMARY.format("年末各类社会组织情况见下表。\n类别 | 年末在册（个） | 当年新增（个） | 同比（%）\n"
                                "社会团体 | 318 | 27 | 4.6\n全县社会组织发展平稳。"))
    assert (f["318"].period, f["27"].period, f["4.6"].period) == ("2023-12", "2023", "2023")


def test_a_count_at_the_autumn_term_stands_in_september() -> None:
    """截至2020年秋季开学 dates the school counts after it in its paragraph; 年初在册 the start."""
    f = _figures(SUMMARY.format("截至2023年秋季开学，全县共有学校86所。全县在校学生由上年的31260人减少到30870人。"
                                "年初在册社区矫正对象214人，全年新接收96人。"))
    assert (f["86所"].period, f["30870人"].period) == ("2023-09", "2023-09")
    assert (f["214人"].period, f["96人"].period) == ("2023-01", "2023")


def test_a_moment_inside_an_earlier_sentence_dates_only_its_clause() -> None:
    """全年…，年末累计结余…。 then the next sentence's flows are the year's, not the year-end's; a
    moment that opens the earlier sentence (年末，全县…) still dates the sentences after it."""
    f = _figures(SUMMARY.format("全年社会救助资金收入合计3.62亿元，支出3.18亿元，年末累计结余1.05亿元。"
                                "其中，发放临时救助金2,460万元，救助困难群众1,380人。"))
    assert f["1.05亿元"].period == "2023-12"
    assert f["2,460万元"].period == f["1,380人"].period == "2023"
    g = _figures(SUMMARY.format("年末，全县在册低保对象4,215人，特困人员862人。其中集中供养特困人员214人。"))
    assert g["214人"].period == "2023-12"
