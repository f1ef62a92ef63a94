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


# --- an indicator row restated by the text's own noun phrase (学堂火情起数（起） → 发生各类学堂火情 38 起)
_ROWS = "指标\t2024年\t2025年\t增减（%）\n学堂火情起数（起）\t46\t38\t-17.4\n书院藏书（万册）\t12.5\t13.1\t4.8\n"


def _restated(r) -> list[tuple[str, str, str]]:
    return sorted((f.status, f.severity, f.message) for f in r.by_code("GW125"))


def test_an_indicator_row_restated_without_the_count_its_unit_makes() -> None:
    r = run(f"2025年，全镇共发生各类学堂火情38起，同比下降17.4%，未发生较大火情。主要指标见下表。\n{_ROWS}")
    found = _restated(r)
    assert [(s, v) for s, v, _ in found] == [("consistent", "info")] * 2
    assert any("38起" in m for _, _, m in found) and any("17.4%" in m for _, _, m in found)


def test_a_row_named_loosely_pairs_only_an_equal_value() -> None:
    r = run(f"2025年，全镇共发生各类学堂火情36起，同比下降17.4%，未发生较大火情。主要指标见下表。\n{_ROWS}")
    assert not any("36起" in m for _, _, m in _restated(r))
    assert [f for f in r.problems if f.code == "GW125"] == []


# --- the items of a 其中 list are parts of the new figure they follow, not new figures of their own
def test_new_figures_within_a_running_total_leave_out_a_lists_items() -> None:
    r = run("2025年，全镇新增学堂企业37家，其中书院12家、私塾25家，全镇学堂企业总数达到286家。")
    found = [(f.status, [g.as_written for g in f.figures]) for f in r.by_code("GW126")]
    assert found == [("consistent", ["286家", "37家"])]


# --- the rest (其余, 剩余) is the whole less the part its sentence states as done
def _rests(r) -> list[tuple[str, str]]:
    return sorted((f.status, f.message.split("，")[0]) for f in r.by_code("GW104"))


def test_the_rest_is_the_whole_less_what_was_done() -> None:
    r = run("2025年，全镇排查学堂隐患1262处，其中重大隐患5处。截至6月底，已整改隐患1218处，整改率96.5%，"
            "其余44处均已落实整改措施。")
    assert _rests(r) == [("consistent", "1262处 − 1218处 = 44处")]
    r = run("2025年，纳入改造计划的书院28个、涉及学员5037户，已完工23个、4126户，其余5个书院、911户正在收尾施工。")
    assert _rests(r) == [("consistent", "28个 − 23个 = 5个"), ("consistent", "5037户 − 4126户 = 911户")]


def test_a_rest_read_by_position_says_nothing_when_it_misses() -> None:
    r = run("2025年，全镇排查学堂隐患1262处，其中重大隐患5处。截至6月底，已整改隐患1218处，整改率96.5%，"
            "其余54处均已落实整改措施。")
    assert _rests(r) == [] and [f for f in r.problems if f.code == "GW104"] == []


def test_the_checkers_vocabulary_names_no_key_twice() -> None:
    """YAML keeps the last of two equal keys without a word: a list added under a name already
    taken silently replaces the other (rest_words once did)."""
    import re
    from collections import Counter
    from pathlib import Path

    import gongwen.check

    text = (Path(gongwen.check.__file__).parent / "data" / "vocab.yaml").read_text(encoding="utf-8")
    keys = Counter(re.findall(r"^([A-Za-z_]\w*):", text, re.M))
    assert [k for k, n in keys.items() if n > 1] == []
