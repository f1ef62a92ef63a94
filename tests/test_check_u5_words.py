"""Engineer U5: relations the words state read whatever the values — a change's new value is this
year's value, and a rate's whole is the count its part's words repeat (invented words)."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2025年白鹭县林业工作情况的报告\n一、主要工作\n"


def _findings(text: str) -> list[tuple[str, str, str]]:
    rep = check(extract(document_from_text(HEAD + text + "\n")))
    return [(f.code, f.status, f.severity) for f in rep.findings if f.problem]


# --- a change from last year's value restated in the opening summary: one fact of one year
COVER = ("全年完成营造林2.4万亩，全县森林覆盖率达到{said}，生态屏障更加牢固。\n（一）国土绿化\n"
         "全县森林覆盖率由上年的61.20%提高到{new}，森林蓄积量稳步增长。\n")


def test_a_change_new_value_restated_the_same_is_no_problem() -> None:
    assert _findings(COVER.format(said="62.37%", new="62.37%")) == []


def test_a_change_new_value_restated_with_swapped_digits_is_an_error() -> None:
    # 由上年的 61.20% 提高到 62.37%: the new value is this year's, as the summary's 达到 … is
    assert ("GW112", "inconsistent", "error") in _findings(COVER.format(said="62.73%", new="62.37%"))


def test_a_change_new_value_restated_with_a_dropped_digit_is_an_error() -> None:
    assert ("GW112", "inconsistent", "error") in _findings(COVER.format(said="6.37%", new="62.37%"))


def test_a_change_from_the_start_of_the_year_may_end_at_another_moment() -> None:
    # 由年初的 … 提高到: the words do not say the new value is the year's, so no error
    text = COVER.format(said="62.73%", new="62.37%").replace("由上年的", "由年初的")
    assert [f for f in _findings(text) if f[0] == "GW112" and f[2] == "error"] == []


def test_a_restatement_dated_within_the_year_is_another_moment() -> None:
    # 截至 10 月底 is not the year's end: the two values may both be true
    text = COVER.format(said="62.73%", new="62.37%").replace("全县森林覆盖率达到", "截至10月底，全县森林覆盖率达到")
    assert [f for f in _findings(text) if f[0] == "GW112" and f[2] == "error"] == []


# --- a rate whose whole is the count its part's words repeat, stated in the sentence before
HAZARDS = ("（一）安全生产\n全年检查林区经营单位86家次，排查各类火灾隐患{whole}处，其中重大隐患2处。"
           "截至12月底，已整改火灾隐患{part}处，整改率{rate}。\n")


def test_a_rate_of_the_count_its_part_names_that_holds_is_no_problem() -> None:
    assert _findings(HAZARDS.format(whole="1137", part="1096", rate="96.4%")) == []


def test_a_rate_one_digit_off_the_count_its_part_names_is_an_error() -> None:
    # 已整改火灾隐患 … 整改率: of the 火灾隐患 排查 before, whatever figures stand between
    assert ("GW123", "inconsistent", "error") in _findings(HAZARDS.format(whole="1137", part="1096", rate="97.4%"))


def test_a_rate_whose_whole_the_part_does_not_name_stays_a_warning() -> None:
    # 已办结 … 办结率 after 受理 …: the part's words repeat no count before it, the pairing is a guess
    text = ("（一）信访工作\n全年受理群众来信来访1137件，其中重复访2件。截至12月底，已办结1096件，办结率97.4%。\n")
    found = _findings(text)
    assert [f for f in found if f[0] == "GW123" and f[2] == "error"] == []
    assert ("GW123", "inconsistent", "warning") in found


# --- a table's completion column over a target column: a target is set, so its value is exact
TARGETS = ("（一）重点指标\n年度重点指标完成情况见下表。\n\n| 指标 | 年度目标 | 完成 | 完成率（%） |\n| --- | --- | --- | --- |\n"
           "| 新增绿地（万平方米） | 45 | 51.3 | {rate} |\n| 新建公园（个） | 40 | 46 | 115.0 |\n\n")


def test_a_completion_column_that_holds_is_no_problem() -> None:
    assert _findings(TARGETS.format(rate="114.0")) == []


def test_a_completion_column_one_point_off_its_exact_target_is_an_error() -> None:
    # 51.3 ÷ 45 = 114.0 %: the target 45 is set, not rounded from 44.5–45.5, so 115.0 is wrong
    assert ("GW107", "inconsistent", "error") in _findings(TARGETS.format(rate="115.0"))


# --- a rate and the change it rates, each stated with one level named alike elsewhere
ACCIDENTS = ("（一）安全生产\n全年全县共发生林区生产安全事故14起、死亡11人，较上年分别减少4起、3人。\n"
             "（二）防灭火\n全年发生林区生产安全事故14起、死亡11人，同比分别下降{a}和{b}。\n")


def test_rates_of_changes_stated_apart_that_hold_are_no_problem() -> None:
    assert _findings(ACCIDENTS.format(a="22.2%", b="21.4%")) == []


def test_a_rate_of_a_change_stated_apart_one_digit_off_is_an_error() -> None:
    # 14 起 is 4 起 fewer than last year's 18: −22.2 %, whatever else the text says
    assert ("GW124", "inconsistent", "error") in _findings(ACCIDENTS.format(a="23.2%", b="21.4%"))


def test_a_change_from_the_start_of_the_year_is_not_the_rate_against_last_year() -> None:
    text = ACCIDENTS.format(a="23.2%", b="21.4%").replace("较上年分别减少", "较年初分别减少")
    assert [f for f in _findings(text) if f[0] == "GW124" and f[2] == "error"] == []
