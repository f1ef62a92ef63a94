"""Periods the fifteenth session read anew (engineer PK); every report here is invented.

An event's own date (10月组织开展演练) dates only its clause; a total since a plan's start (“十四五”
以来累计) only its own sentence; a year written in a date (2025年末) anchors 全年 as a bare year
does; a target named annual stays the year's in a part-year report,
and the checker reads a year's target restated equal with its deadline as one target.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure

SUMMARY = "松岭县人防办2025年工作总结\n一、主要工作\n{}\n松岭县人防办\n2025年12月28日"
PLAN = "松岭县民政局2026年工作要点\n一、重点任务\n{}\n松岭县民政局\n2026年1月9日"
HALF = "松岭县农业农村局2025年上半年工作总结\n一、下半年工作打算\n{}\n松岭县农业农村局\n2025年7月6日"


def _figures(text: str) -> dict[str, Figure]:
    return {f.as_written: f for f in extract(document_from_text(text)).figures}


def test_an_event_date_dates_its_own_clause_only() -> None:
    """10月组织开展演练 dates that drill; the clause after the semicolon and the next sentence are
    the year's, as is what follows a month named inside an earlier clause's phrase."""
    f = _figures(SUMMARY.format(
        "10月组织开展城区防空演练，动员群众900余人参演；指导学校开展疏散演练41场次。"
        "完成地下掩蔽工程改造7处。"))
    assert f["900余人"].period == "2025-10"
    assert (f["41场次"].period, f["7处"].period) == ("2025", "2025")
    # a date whose colon opens a list dates the whole list, across its semicolons
    h = _figures(SUMMARY.format("经县政府同意于2025年3月执行新标准：一级每人每月120元；二级每人每月80元。"))
    assert h["每人每月80元"].period == h["每人每月120元"].period == "2025-03/.."
    g = _figures(SUMMARY.format("全年先后遭受6月下旬持续降雨、9月上旬局地大风等灾害，共造成4200人受灾。"))
    assert g["4200人"].period == "2025"


def test_a_total_since_a_plan_start_does_not_date_the_next_sentence() -> None:
    f = _figures(SUMMARY.format("全年收缴建设费820万元，“十四五”以来累计收缴5100万元。开展专项检查6轮。"))
    assert f["5100万元"].period == "2021/2025"
    assert f["6轮"].period == "2025"


def test_a_year_written_in_a_date_anchors_the_whole_year() -> None:
    """2025年末 in a 2026 plan: the 全年 of its paragraph is 2025's, as after 2025年."""
    f = _figures(PLAN.format("2025年末，全县共有特困人员980人，全年发放供养资金1460万元。"))
    assert f["980人"].period == "2025-12"
    assert f["1460万元"].period == "2025"


def test_an_annual_target_stays_the_years_in_a_half_year_report() -> None:
    f = _figures(HALF.format("全年计划新建冷库18座，上半年已建成7座。"
                             "新增高标准农田0.8万亩，完成年度目标任务（2万亩）的40%。"))
    assert f["18座"].period == "2025" and f["18座"].kind == "target"
    assert f["2万亩"].period == "2025"


RESERVOIRS = ("松岭县水利局2025年上半年工作总结\n一、水库安全\n全市病险水库除险加固年度任务14座，上半年已开工9座。\n"
              "二、下半年工作打算\n加快除险加固进度，确保9月底前{}座水库除险加固主体工程完工。\n松岭县水利局\n2025年7月8日")


def test_a_years_target_and_its_deadline_restated_equal_are_one_target() -> None:
    """年度任务14座 and 9月底前14座…完工: one target, restated with its deadline; 10座 by September is
    another target (a step toward the year's), never a disagreement."""
    from checkfacts import checked, findings

    assert findings(checked(RESERVOIRS.format(14)), "GW112") == [("consistent", "info", ("14座", "14座"))]
    assert findings(checked(RESERVOIRS.format(10)), "GW112") == []
