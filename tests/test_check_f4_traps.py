"""Engineer F4 (wave 12): what new writers' words say, read as a reader reads them (invented
words) — a rate its clause names after a share's cue is no share of that cue; a criterion that
breaks down the whole a share was just stated of (占全年完成投资的…。从投资投向看) lists that
whole's parts; last year's value said in a clause of its own (上年同期为 N) is the base of the
growth stated after it."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

OWN_RATE = ("全县组建家庭医生团队210个，签约居民32.5万人。困难群众签约12.4万人，占签约居民总数的{s}%，"
            "困难群众签约率达到91.6%；签约服务质量稳步提升。")


def test_a_rate_its_clause_names_is_no_share_of_the_cue_before_it() -> None:
    found = _verdicts(OWN_RATE.format(s="38.2"), "GW107")
    assert ("consistent", "info", ("12.4万人", "32.5万人", "38.2%")) in found
    assert not [v for v in found if "91.6%" in v[2]]


def test_the_share_of_the_cue_is_still_checked() -> None:
    found = _verdicts(OWN_RATE.format(s="40.2"), "GW107")
    assert [v[0] for v in found if "40.2%" in v[2]] == ["inconsistent"]


CRITERION = ("全年完成交通投资6.20亿元，同比增长8.1%。积极争取上级资金，全年争取中央和省级交通资金3.10亿元，"
             "占全年完成投资的50.0%。从投资投向看，国省道改造2.40亿元、农村公路1.90亿元、桥梁改造1.10亿元、"
             "其他交通工程{x}亿元。")


def test_a_criterion_breaks_down_the_whole_the_share_before_it_names() -> None:
    assert _verdicts(CRITERION.format(x="0.80"), "GW101") == [
        ("consistent", "info", ("0.80亿元", "1.10亿元", "1.90亿元", "2.40亿元", "6.20亿元"))]


def test_parts_that_miss_the_named_whole_are_an_error() -> None:
    [(status, severity, figs)] = _verdicts(CRITERION.format(x="0.90"), "GW101")
    assert (status, severity) == ("inconsistent", "error") and "6.20亿元" in figs and "3.10亿元" not in figs


def test_the_correct_texts_give_no_finding() -> None:
    for body in (OWN_RATE.format(s="38.2"), CRITERION.format(x="0.80")):
        assert [f.code for f in _report(body).problems] == []


BASE_SAID = "全年全县发放各类救助资金3,860万元，{w}3,520万元，同比增长{r}%，保障水平稳步提高。"


def test_last_year_s_value_said_in_a_clause_of_its_own_is_the_growth_s_base() -> None:
    for w in ("上年同期为", "上年为", "去年同期"):
        assert _verdicts(BASE_SAID.format(w=w, r="9.7"), "GW105") == [
            ("consistent", "info", ("3,520万元", "3,860万元", "9.7%"))]


def test_a_growth_that_misses_the_base_said_before_it_is_an_error() -> None:
    assert _verdicts(BASE_SAID.format(w="上年同期为", r="8.2"), "GW105") == [
        ("inconsistent", "error", ("3,520万元", "3,860万元", "8.2%"))]


def test_a_clause_that_names_more_than_last_year_is_no_base() -> None:
    # 上年新增 names another quantity (what was added last year), not the level's old value
    assert _verdicts(BASE_SAID.format(w="上年新增救助对象", r="8.2"), "GW105") == []
