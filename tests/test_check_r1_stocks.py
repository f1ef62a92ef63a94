"""Engineer R1 (wave 14): a period's flow within the stock or running total of the same thing
stated elsewhere in its section (invented words): 全年完成 … 12 个 … 累计完成 … 47 个 across two
sentences; 截至 6 月底登记 … 1,486 家 … 上半年新登记 … 43 家, the stock before the flow."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

APART = ("（三）农房改造有序推进\n全年完成农村危房改造{a}户，带动群众投工投劳2.3万个工日，"
         "完成投资4200万元。自改造工作启动以来，全镇累计完成农村危房改造640户，群众住房安全得到保障。\n")


def test_a_year_s_flow_is_within_the_running_total_of_its_name_in_the_next_sentence() -> None:
    assert ("consistent", "info", ("128户", "640户")) in _verdicts(APART.format(a="128"), "GW126")


def test_a_flow_found_apart_by_its_name_reports_nothing_when_above_the_total() -> None:
    # paired by name across sentences: another figure so named could be meant, so a miss is unsaid
    assert not [f for f in _report(APART.format(a="728")).problems if f.code == "GW126"]


MOMENT = ("（二）文化社团规范发展\n截至6月底，全县依法备案群众文化社团{s}个，其中戏曲类52个；"
          "上半年新备案群众文化社团17个，主要集中在广场舞、合唱等门类。\n")


def test_a_flow_after_a_stock_dated_at_the_period_s_end_is_within_it() -> None:
    assert ("consistent", "info", ("17个", "318个")) in _verdicts(MOMENT.format(s="318"), "GW126")


BUILT = ("（四）充电设施加快布局\n前三季度新建公共充电桩{a}个，完成年度计划的79.0%；"
         "截至9月底，全区累计建成公共充电桩1,420个，实现乡镇全覆盖。\n")


def test_a_new_build_is_within_the_built_stock_named_by_another_verb() -> None:
    assert ("consistent", "info", ("1,420个", "237个")) in _verdicts(BUILT.format(a="237"), "GW126")


OTHER = ("（五）养老服务\n全年新增养老床位{a}张，建成社区食堂8个。"
         "截至年底，全县累计建成社区食堂46个，养老机构共有护理型床位1,250张。\n")


def test_a_flow_is_not_paired_with_a_stock_of_another_thing() -> None:
    assert not [f for f in _report(OTHER.format(a="360")).findings if f.code == "GW126"
                and {g.as_written for g in f.figures} == {"360张", "1,250张"}]
