"""Engineer R, session 18 (invented words): what is left of a whole and a part the text already
paired (尚有 … 正在 …, 完成剩余 …, 第四季度完成 … stated sections after the pair, the pair related by a
rate, a completion or a 其中 part, not by the remainder's own verb); a share's whole named by the unit
it is counted in (占研修总人次的); a stock and the flows that moved it stated sentences away."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2025年白鹭县相关工作情况的报告\n一、主要工作\n（一）重点工作\n"


def _found(body: str, code: str, kind: str | None = None) -> tuple[list[tuple[str, str, tuple[str, ...]]], int]:
    """The findings of ``code`` (of relation ``kind``) as status, severity and sorted figures, and
    how many problems the report has."""
    r = check(extract(document_from_text(HEAD + body + "\n")))
    found = [(f.status, f.severity, tuple(sorted(g.as_written for g in f.figures))) for f in r.by_code(code)
             if kind is None or f.relation.kind == kind]
    return found, len(list(r.problems))


HAZARDS = ("全年排查消防安全隐患2,318处，督促整改2,275处，整改率98.1%。\n（二）队伍建设\n组织业务培训6期。\n"
           "二、存在问题\n一是隐患整改不够彻底，截至年底尚有{rest}处隐患正在整改。")


def test_what_is_still_not_done_is_the_whole_less_the_part_a_rate_paired() -> None:
    assert _found(HAZARDS.format(rest="43"), "GW104") == ([("consistent", "info", ("2,275处", "2,318处", "43处"))], 0)


def test_a_remainder_that_misses_the_difference_is_no_finding() -> None:
    assert _found(HAZARDS.format(rest="48"), "GW104") == ([], 0)


PIPES = ("完成老旧供水管网改造86公里，完成年度任务120公里的71.7%。\n二、下半年工作打算\n"
         "加快工程进度，年底前完成剩余{rest}公里老旧供水管网改造任务。")


def test_the_rest_of_a_target_is_the_target_less_its_completion() -> None:
    assert _found(PIPES.format(rest="34"), "GW104")[0] == [("consistent", "info", ("120公里", "34公里", "86公里"))]


TRAINING = ("全年计划开展职业技能培训3,000人次，前三季度完成2,460人次，完成年度计划的82.0%。"
            "开展线上学习5,200人次，其中企业职工3,100人次。\n二、下步打算\n第四季度完成职业技能培训{rest}人次以上。")


def test_a_bounded_rest_takes_the_pair_it_is_the_difference_of() -> None:
    found = [v for v in _found(TRAINING.format(rest="540"), "GW104")[0] if "540人次" in v[2]]
    assert found == [("consistent", "info", ("2,460人次", "3,000人次", "540人次"))]


MEMBERS = ("全年举办书画、摄影等各类研修班18期，研修2,640人次，其中研修乡村文化能人{part}人次，"
           "占研修总人次的41.5%。")


def test_a_whole_named_by_its_unit_is_the_figure_counted_in_that_unit() -> None:
    assert _found(MEMBERS.format(part="1,096"), "GW107")[0] == [
        ("consistent", "info", ("1,096人次", "2,640人次", "41.5%"))]


def test_a_whole_named_by_its_unit_that_misses_the_rate_is_no_finding() -> None:
    assert _found(MEMBERS.format(part="1,296"), "GW107") == ([], 0)


CASES = ("截至年底，全县累计纳入帮扶对象1,850户。\n（二）帮扶措施\n从致困原因看，因病致困仍是主要原因，"
         "此类帮扶户1,102户，占帮扶户总数的59.6%。")


def test_a_whole_named_by_its_unit_is_found_in_an_earlier_paragraph() -> None:
    assert _found(CASES, "GW107")[0] == [("consistent", "info", ("1,102户", "1,850户", "59.6%"))]


WORKERS = ("截至年底，全县共有注册社工4,216名，较上年末的3,958名增加258名。社工服务站实现乡镇全覆盖。"
           "全年新登记注册社工331名，其中持证社工96名；因工作调动等原因注销{out}名。")


def test_a_stock_is_its_old_value_plus_the_flows_stated_sentences_away() -> None:
    assert _found(WORKERS.format(out="73"), "GW104", "sum")[0] == [
        ("consistent", "info", ("3,958名", "331名", "4,216名", "73名"))]


def test_flows_that_miss_the_stock_are_no_finding() -> None:
    assert _found(WORKERS.format(out="83"), "GW104", "sum") == ([], 0)


GREENWAYS = ("全年新增城市绿道12.6公里，完成年度任务的105.0%。沿线配套建设驿站8处。"
             "截至12月底，全区绿道总里程由上年末的148.3公里增加到160.9公里。")


def test_a_stock_changed_from_its_old_value_takes_the_new_flow_stated_before() -> None:
    assert _found(GREENWAYS, "GW104", "sum")[0] == [("consistent", "info", ("12.6公里", "148.3公里", "160.9公里"))]
