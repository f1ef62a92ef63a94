"""Relations the words state, read on reports nobody tuned on (session 13, engineer K7): each
mechanism in invented words through the real extractor, with a sibling that must be reported or
stay silent so a rule cannot simply pass everything."""

from __future__ import annotations

import pytest
from test_check_new_writers import run  # the same report head and helpers

_DONE = "2025年，全镇完成学田总收入2846万元，其中书院收入1215万元。\n"


def _growths(r, base: str) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in r.by_code("GW105") if f"3012万元 − {base}" in f.message]


# --- a target's growth rate said first, then the level it reaches (增长 r% 左右，达到 T)
@pytest.mark.parametrize("rate, verdict", [("5.8", ("consistent", "info")), ("15.8", ("inconsistent", "warning"))])
def test_a_growth_rate_then_the_target_it_reaches(rate: str, verdict) -> None:
    r = run(_DONE + f"2026年，全镇主要预期目标是：学田总收入增长{rate}%左右，力争达到3012万元。")
    assert _growths(r, "2846万元") == [verdict]


def test_a_rate_and_a_target_the_words_do_not_join_are_no_growth() -> None:
    r = run(_DONE + "2026年，全镇主要预期目标是：学田总收入增长15.8%左右；新建书院3012万元。")
    assert _growths(r, "2846万元") == []


# --- a comparison naming only a year (比 2025 年增长) names the base's year, not a value
@pytest.mark.parametrize("rate, verdict", [("5.8", ("consistent", "info")), ("15.8", ("inconsistent", "warning"))])
def test_a_target_compared_with_a_named_year(rate: str, verdict) -> None:
    r = run(_DONE + f"2026年，学田总收入力争达到3012万元，比2025年增长{rate}%。")
    assert _growths(r, "2846万元") == [verdict]


def test_a_target_compared_with_an_earlier_year_grows_from_that_years_value() -> None:
    r = run("2024年，全镇完成学田总收入2700万元。\n" + _DONE
            + "2026年，学田总收入力争达到3012万元，比2024年增长11.6%。")
    assert _growths(r, "2700万元") == [("consistent", "info")]
    assert _growths(r, "2846万元") == []


# --- last year's value stated twice, once rounded (the summary's 0.28 亿元): the precise one
def test_a_target_grows_from_the_precise_statement_of_a_rounded_value() -> None:
    r = run("2025年，全镇完成学田总收入0.28亿元。\n" + _DONE + "2026年，学田总收入力争达到3012万元，增长5.8%。")
    assert _growths(r, "2846万元") == [("consistent", "info")]


def test_two_values_of_the_name_leave_the_base_unsaid() -> None:
    r = run("2025年，全镇完成学田总收入2600万元。\n" + _DONE + "2026年，学田总收入力争达到3012万元，增长5.8%。")
    assert _growths(r, "2846万元") == _growths(r, "2600万元") == []


# --- a share's whole named short (受理案件 of 受理劳动投诉案件) in another section: a reading
_CASES = "全年受理学堂劳动投诉案件386件，结案379件。\n二、存在问题\n"


def _shares(r) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in r.by_code("GW107") if "237件 ÷ 386件" in f.message]


@pytest.mark.parametrize("rate, verdict", [("61.4", ("consistent", "info")), ("71.4", ("inconsistent", "warning"))])
def test_a_shares_whole_named_by_a_short_form_of_its_label(rate: str, verdict) -> None:
    r = run(_CASES + f"书院领域欠费案件237件，占受理案件总数的{rate}%。")
    assert _shares(r) == [verdict]


def test_a_short_name_two_values_answer_names_no_whole() -> None:
    r = run("全年受理学堂劳动投诉案件386件，受理书院欠费投诉案件412件。\n二、存在问题\n"
            "书院领域欠费案件237件，占受理案件总数的71.4%。")
    assert _shares(r) == []
    assert [f for f in r.by_code("GW107") if "412件" in f.message] == []
