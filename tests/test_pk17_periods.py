"""Periods the seventeenth session read anew (engineer PK); every sentence here is invented.

- a past year opening a bracket that states a value of its own (（2025年为4个）) dates that value
  only, not the goals written after the bracket;
- a standing standard or a rule that states no period is read in its report's (or plan's) year,
  marked inferred (a reader may leave it undated);
- a year inside a phrase (依据2024年度普查成果) does not make 全年 that year's;
- a level reached since a start (…新建7个，全县累计建成52个) stands at the end of the span it sums;
- 今年 dating a result in a part of the year means the year so far.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure

PLAN = "青禾镇2026年工作计划\n一、主要目标\n{}\n青禾镇人民政府\n2026年1月8日"
SUMMARY = "青禾县民政局2025年工作总结\n一、主要成效\n{}\n青禾县民政局\n2025年12月20日"
HALF = "青禾县林业局2025年上半年工作总结\n一、主要成效\n{}\n青禾县林业局\n2025年7月6日"


def _figures(report: str) -> dict[str, Figure]:
    return {f.as_written: f for f in extract(document_from_text(report)).figures}


def test_a_bracketed_past_value_dates_only_itself() -> None:
    f = _figures(PLAN.format("新建村级服务站6个（2025年为4个），全镇服务站总数达到21个（2025年末为15个）；"
                             "农产品加工产值力争突破7.3亿元，年度计划投资2.6亿元。"))
    assert (f["4个"].period, f["15个"].period) == ("2025", "2025-12")
    assert [f[w].period for w in ("21个", "7.3亿元", "2.6亿元")] == ["2026", "2026", "2026"]
    assert [f[w].kind for w in ("6个", "21个", "7.3亿元")] == ["target", "target", "target"]


def test_a_bracket_of_dates_alone_still_dates_what_follows() -> None:
    """（3月1日至3月10日） states no value: it is the period of the figure after it."""
    f = _figures(SUMMARY.format("春季集中行动期间（3月1日至3月10日）走访困难群众1,420户。"))
    assert f["1,420户"].period == "2025-03-01/2025-03-10"


def test_a_standing_standard_is_read_in_its_report_year() -> None:
    f = _figures(SUMMARY.format("落实孤儿助学项目，按每人每学期1800元标准发放助学金，全年发放36.2万元。"))
    assert f["每人每学期1800元"].kind == "standard"
    assert f["每人每学期1800元"].period == "2025" and f["每人每学期1800元"].period_inferred
    g = _figures(HALF.format("全县选聘护林员930名，按每人每年7200元标准发放管护补助。"))
    assert g["每人每年7200元"].period == "2025" and g["每人每年7200元"].period_inferred
    h = _figures(PLAN.format("村级互助点护理补贴按每人每月420元标准执行。"))
    assert h["每人每月420元"].period == "2026" and h["每人每月420元"].period_inferred


def test_a_rule_without_a_plan_heading_is_read_in_its_report_year() -> None:
    f = _figures(SUMMARY.format("对群众来信须在15个工作日内答复。"))
    assert f["15个工作日"].kind == "condition"
    assert f["15个工作日"].period == "2025" and f["15个工作日"].period_inferred


def test_a_year_inside_a_phrase_does_not_date_the_year_after_it() -> None:
    f = _figures(SUMMARY.format("依据2024年度普查成果，全县认定困难家庭1,260户，全年发放救助金318.4万元。"))
    assert f["318.4万元"].period == "2025"
    g = _figures(SUMMARY.format("2024年，全县认定困难家庭1,260户，全年发放救助金318.4万元。"))
    assert g["318.4万元"].period == "2024"  # a year opening the paragraph still does


def test_a_level_reached_since_a_start_stands_at_the_spans_end() -> None:
    """上半年新建站点7个，全县累计建成52个: the 52 is a level at the half year's end; 7 is the half year's."""
    f = _figures(HALF.format("上半年新建林区管护站7个，全县累计建成52个；上半年巡护林区1,380次。"))
    assert (f["7个"].period, f["52个"].period, f["1,380次"].period) == ("2025-01/2025-06", "2025-06", "2025-01/2025-06")
    g = _figures(SUMMARY.format("全年新建村级互助点9个，全县累计达到64个。"))
    assert g["64个"].period == "2025"  # a year's report: the year, as written
    h = _figures(HALF.format("1-5月，完成林下经济产值4210万元；木材加工产值累计达3.12亿元，同比增长4.6%。"))
    assert h["3.12亿元"].period == "2025-01/2025-05"  # no flow before it: the months' own sum


def test_this_year_in_a_part_of_the_year_means_the_year_so_far() -> None:
    """截至10月底，…其中今年新增 → January to October; in a 1-9月 report, its months; a plan's 今年计划 stays the year."""
    f = _figures(SUMMARY.format("截至10月底，全县累计认定困难家庭1,260户，其中今年新认定184户。"))
    assert f["184户"].period == "2025-01/2025-10" and f["1,260户"].period == "2025-10"
    q3 = "青禾县民政局2025年前三季度工作总结\n一、主要成效\n{}\n青禾县民政局\n2025年10月9日"
    g = _figures(q3.format("全县互助点达到52个，其中今年新建9个。今年全县计划新建互助点12个。"))
    assert g["9个"].period == "2025-01/2025-09" and g["12个"].period == "2025"
    h = _figures(SUMMARY.format("全县互助点达到52个，其中今年新建9个。"))
    assert h["9个"].period == "2025"
