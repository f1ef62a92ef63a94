"""Engineer R (session 26): relations found on groups P, Q and R of the development corpus that the
checker did not verify. Invented words for each mechanism."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

QUARTERS = ("全年殡仪车辆接运遗体情况如下（单位：车次）：\n"
            "季度  城区  乡镇  小计\n"
            "第一季度  212  348  560\n"
            "第二季度  187  301  {q2}\n"
            "全年接运做到及时规范。\n")


def test_a_unit_in_brackets_closing_the_sentence_before_a_table_is_the_tables() -> None:
    # 如下（单位：车次）：— the bracket and the colon close the line: the cells are 车次
    report = _report(QUARTERS.format(q2="488"))
    assert [(f.as_written, f.unit) for f in report.figures if f.as_written in ("212", "560")] == [
        ("212", "车次"), ("560", "车次")]
    verdicts = _verdicts(QUARTERS.format(q2="488"), "GW102")
    assert ("consistent", "info", ("212", "348", "560")) in verdicts
    assert ("consistent", "info", ("187", "301", "488")) in verdicts


def test_a_row_that_misses_its_total_under_a_bracketed_unit_is_reported() -> None:
    assert [s for s, _, figs in _verdicts(QUARTERS.format(q2="498"), "GW102") if "498" in figs] == ["inconsistent"]


ROOMS = ("全年学员宿舍入住情况见下表。\n"
         "表2  2026年学员宿舍入住变动情况（单位：间）\n"
         "楼栋  年初入住  新增入住  退宿  年末入住\n"
         "东楼  130  42  25  147\n"
         "西楼  96  18  11  103\n"
         "合计  226  60  36  250\n"
         "宿舍管理实行楼长负责制。\n")


def test_a_captions_bracketed_unit_line_names_the_tables_unit() -> None:
    # 表2 …（单位：间）: the caption's bracket closes the unit, the table's cells are 间 and its 合计 row adds up
    report = _report(ROOMS)
    assert [(f.as_written, f.unit) for f in report.figures if f.as_written in ("130", "250")] == [
        ("130", "间"), ("250", "间")]
    assert ("consistent", "info", ("130", "226", "96")) in _verdicts(ROOMS, "GW102")


def test_a_units_line_lists_a_rate_unit_whole() -> None:
    from gongwen.extract.figures.tables import _listed_units

    assert _listed_units("万立方米/日、万立方米、%）：") == ["万立方米/日", "万立方米", "%"]
