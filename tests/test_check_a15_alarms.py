"""Engineer A (wave 15): false alarms of readers new to the checker (group H first read, dev), each
fixed by what the words say, on invented text — a bracket right after a figure that opens with
another period (（2025 年末为 33 家）, （上年为 …）) states the same quantity at that time: neither a
part of it nor an operand of a rate beside it."""

from __future__ import annotations

from checkfacts import checked, findings

PLAN = "青石镇2026年工作要点\n"
SUMMARY = "青石镇2025年工作总结\n"


def test_a_bracketed_value_of_another_year_is_no_part_of_the_figure_before() -> None:
    r = checked(PLAN + "生产安全事故起数控制在2起以内（2025年为3起），坚决遏制较大事故。"
                "规上企业总数达到41家（2025年末为36家）。")
    assert findings(r, "GW108") == []
    assert r.problems == ()


def test_a_share_reads_this_year_s_figures_not_the_bracketed_last_year_ones() -> None:
    ok = ("全年实施重点项目26个，完成总投资52.4亿元（上年为44.1亿元），其中产业项目投资17.3亿元"
          "（2024年为15.2亿元），占总投资的33.0%。")
    assert findings(checked(SUMMARY + ok), "GW107") == [("consistent", "info", ("17.3亿元", "33.0%", "52.4亿元"))]
    bad = ok.replace("33.0%", "36.0%")
    assert findings(checked(SUMMARY + bad), "GW107") == [("inconsistent", "error", ("17.3亿元", "36.0%", "52.4亿元"))]


def test_a_share_s_value_of_last_year_after_it_is_not_read_under_the_share_s_cue() -> None:
    text = ("全县门诊总量240.0万人次，其中乡镇卫生院门诊量132.0万人次，占门诊总量的55.0%，"
            "较上年同期的52.1%提高2.9个百分点。")
    r = checked(SUMMARY + text)
    assert findings(r, "GW107") == [("consistent", "info", ("132.0万人次", "240.0万人次", "55.0%"))]
    assert r.problems == ()


DEPOSITS = ("截至11月末，全市各项存款余额3280.40亿元，比年初增加241.60亿元，同比增长{r}%。"
            "各项贷款余额2915.70亿元，比年初增加{d}亿元，同比增长10.2%。")


def test_a_change_since_the_year_s_start_is_not_the_base_of_a_year_on_year_rate() -> None:
    r = checked(SUMMARY + DEPOSITS.format(r="7.9", d="263.25"))
    assert findings(r, "GW124") == []
    assert r.problems == ()


def test_a_year_on_year_rate_still_reads_its_own_change() -> None:
    r = checked(SUMMARY + "全年税收收入27.50亿元，比上年增加2.50亿元，增长10.0%。")
    assert findings(r, "GW124") == [("consistent", "info", ("10.0%", "2.50亿元", "27.50亿元"))]


def test_changes_since_the_year_s_start_of_two_things_are_not_one_fact() -> None:
    text = ("一、存款\n截至11月末，全市各项存款余额3280.40亿元，比年初增加241.60亿元。\n"
            "二、贷款\n各项贷款余额2915.70亿元，比年初增加263.25亿元。")
    assert findings(checked(SUMMARY + text), "GW112") == []


def test_a_provision_coverage_ratio_may_exceed_a_hundred_percent() -> None:
    r = checked(SUMMARY + "贷款损失准备余额61.20亿元，拨备覆盖率238.4%，风险抵补能力较强。")
    assert findings(r, "GW109") == []


