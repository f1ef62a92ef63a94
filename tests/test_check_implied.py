"""Relations another relation implies (issue 10, session 4): the two counts of a rate that holds
are a part and its whole.  Invented sentences, through the real extractor."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from gongwen.check import check


def _report(tmp_path: Path, text: str):
    p = tmp_path / "c.txt"
    p.write_text(text + "\n", encoding="utf-8")
    return check(p)


def _pairs(r, code: str, status: str = "consistent") -> list[list[Decimal]]:
    return [sorted(f.value for f in x.figures) for x in r.by_code(code) if x.status == status]


RATE_PARTS = [
    ("named-rate", "全县参加中考4,260人，录取普通高中2,830人，普高录取率66.4%。", [Decimal(2830), Decimal(4260)]),
    ("share", "全年办理法律援助案件1,520件，刑事案件640件，占案件总数的42.1%。", [Decimal(640), Decimal(1520)]),
]


@pytest.mark.parametrize("text, pair", [c[1:] for c in RATE_PARTS], ids=[c[0] for c in RATE_PARTS])
def test_rate_that_holds_verifies_its_part(tmp_path: Path, text: str, pair: list[Decimal]) -> None:
    r = _report(tmp_path, text)
    assert pair in _pairs(r, "GW108"), [(f.code, f.status, f.message) for f in r.findings]
    assert not r.problems, [f.message for f in r.problems]


NOT_PARTS = [
    # the rate fails: its pairing is no evidence, and the part relation is not claimed
    ("rate-fails", "全县参加中考4,260人，录取普通高中2,830人，普高录取率76.4%。"),
    # completion beyond the plan: no part of a whole
    ("completion", "全年新建农房改造1,150户，完成年度计划1,000户的115.0%。"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_PARTS], ids=[c[0] for c in NOT_PARTS])
def test_no_part_without_a_holding_share(tmp_path: Path, text: str) -> None:
    r = _report(tmp_path, text)
    assert _pairs(r, "GW108") == [], [(f.code, f.status, f.message) for f in r.findings]


def test_a_rate_misprinted_for_certain_still_pairs_its_part(tmp_path: Path) -> None:
    # an error says no reading makes the rate true (one digit off): its pairing is the text's own, so
    # the counts are still a part and its whole; a mere warning (76.4% above) is no evidence
    r = _report(tmp_path, "全县排查学堂隐患3,618处，已整改3,547处，整改率98.4%。")
    assert [(f.code, f.severity) for f in r.problems] == [("GW123", "error")]
    assert _pairs(r, "GW108") == [[Decimal(3547), Decimal(3618)]]


APART = [
    # the change's sentence names its subject before 较 and no level: the level named so before it
    ("subject-level", "全年发放就业补助资金2,460万元、创业担保贴息380万元。就业补助资金较上年增加210万元，增长9.3%。",
     [Decimal("9.3"), Decimal(2100000), Decimal(24600000)]),
    # the rate with its level in the opening, the change with the same level in a section
    ("rate-and-change-apart", "全年共发生火灾事故12起，同比下降20%。\n一、主要工作\n全年全县发生火灾事故12起，较上年减少3起。",
     [Decimal(-20), Decimal(-3), Decimal(12)]),
    # a change with no level of its own takes the one rate's level of its unit
    ("change-without-level", "2025年，全县发生道路交通事故45起，同比下降10%。\n一、主要工作\n道路交通事故较上年减少5起。",
     [Decimal(-10), Decimal(-5), Decimal(45)]),
]


@pytest.mark.parametrize("text, values", [c[1:] for c in APART], ids=[c[0] for c in APART])
def test_growth_and_change_stated_apart(tmp_path: Path, text: str, values: list[Decimal]) -> None:
    r = _report(tmp_path, text)
    assert sorted(values) in _pairs(r, "GW124"), [(f.code, f.status, f.message) for f in r.findings]
    assert not r.problems, [f.message for f in r.problems]


def test_apart_pairing_the_words_make_that_fails_is_an_error(tmp_path: Path) -> None:
    # one level named and printed alike in both sentences (火灾事故 12 起), both against last year:
    # the words pair the change and its rate, so 3 起 fewer than 15 is −20 %, not −25 % (engineer U5;
    # this text was pinned silent before, as a pairing by inference)
    r = _report(tmp_path, "全年共发生火灾事故12起，同比下降25%。\n一、主要工作\n全年全县发生火灾事故12起，较上年减少3起。")
    assert [(f.code, f.status, f.severity) for f in r.problems] == [("GW124", "inconsistent", "error")]


APART_SILENT = [
    # the change against the start of the year, the rate against last year: two comparisons
    ("other-base", "全年共发生火灾事故12起，同比下降25%。\n一、主要工作\n全年全县发生火灾事故12起，较年初减少3起。"),
    # another level than the rate's: not the same fact
    ("other-level", "全年共发生火灾事故12起，同比下降20%。\n一、主要工作\n全年全县发生交通事故9起，较上年减少3起。"),
]


@pytest.mark.parametrize("text", [c[1] for c in APART_SILENT], ids=[c[0] for c in APART_SILENT])
def test_apart_pairing_that_fails_is_silent(tmp_path: Path, text: str) -> None:
    r = _report(tmp_path, text)
    assert r.by_code("GW124") == () or all(f.status == "consistent" for f in r.by_code("GW124")), \
        [(f.code, f.status, f.message) for f in r.findings]
    assert not [f for f in r.problems if f.code == "GW124"], [f.message for f in r.problems]


REPEATS = [
    # the new value of a stated change restates the opening's figure: named before 由
    ("new-value", "2025年，全市基本养老保险参保人数48.26万人。\n一、参保扩面\n"
                  "全市基本养老保险参保人数由上年末的47.10万人增加到48.26万人。", Decimal(482600)),
    # a breakdown's part restated in another section by its own name
    ("part", "2025年，全年完成交通投资12.4亿元，其中地方政府专项债券3.60亿元、社会资本8.80亿元。\n一、存在的问题\n"
             "地方政府专项债券3.60亿元到位偏慢。", Decimal(360000000)),
]


@pytest.mark.parametrize("text, value", [c[1:] for c in REPEATS], ids=[c[0] for c in REPEATS])
def test_part_or_new_value_restated(tmp_path: Path, text: str, value: Decimal) -> None:
    r = _report(tmp_path, text)
    assert [value, value] in _pairs(r, "GW112"), [(f.code, f.status, f.message) for f in r.findings]
    assert not r.problems, [f.message for f in r.problems]


def test_new_value_that_differs_is_no_repeat(tmp_path: Path) -> None:
    """A change's new value may be of another moment than the figure stated elsewhere when its old
    value is not last year's (由年初的 …): it confirms an equal mention and never contradicts one.
    From last year's end (由上年末的 …) it is this year's, the moment 2025年 … states: two digits
    swapped are an error (engineer U5; pinned silent before)."""
    text = ("2025年，全市基本养老保险参保人数48.26万人。\n一、参保扩面\n"
            "全市基本养老保险参保人数由{old}的47.10万人增加到48.62万人。")
    r = _report(tmp_path, text.format(old="年初"))
    assert [f.message for f in r.by_code("GW112")] == []
    r = _report(tmp_path, text.format(old="上年末"))
    assert [f.severity for f in r.problems if f.code == "GW112"] == ["error"], [f.message for f in r.findings]


def test_new_value_of_the_same_stated_period_misprinted(tmp_path: Path) -> None:
    """Both mentions state one period (2025年 … 716 件; 2025年 … 由上年的 652 件增加到 761 件): the new
    value is of that period, so one misprint apart under one name is one fact misprinted — two
    digits swapped or one digit changed of three, an error (no rounding gives either).  With no
    stated period, a change from last year's value still gives this year's (engineer U5; pinned
    silent before); from the start of the year it may end at another moment: silent."""
    head = "2025年，全区办理法律援助案件716件，调解矛盾纠纷1,284件。\n一、法律援助\n"
    r = _report(tmp_path, head + "2025年，全区办理法律援助案件由上年的652件增加到761件。")
    assert [(f.severity, sorted(g.value for g in f.figures)) for f in r.problems if f.code == "GW112"] == \
        [("error", [Decimal(716), Decimal(761)])], [f.message for f in r.findings]
    r = _report(tmp_path, head + "2025年，全区办理法律援助案件由上年的652件增加到746件。")
    assert [f.severity for f in r.problems if f.code == "GW112"] == ["error"], [f.message for f in r.findings]
    r = _report(tmp_path, head + "全区办理法律援助案件由上年的652件增加到761件。")
    assert [f.severity for f in r.problems if f.code == "GW112"] == ["error"]
    r = _report(tmp_path, head + "全区办理法律援助案件由年初的652件增加到761件。")
    assert [f.message for f in r.problems if f.code == "GW112"] == []


SUBJECT = "全年发放的优抚资金中，抚恤补助资金3514.6万元、义务兵家庭优待金1164.8万元。"


@pytest.mark.parametrize("change, severity", [
    ("抚恤补助资金较上年增加287.3万元，增长9.9%。", "warning"),  # the rate one digit off 8.90 %
    ("抚恤补助资金较上年增加278.3万元，增长8.9%。", "error"),  # 287.3 with two digits swapped
], ids=["rate-digit", "change-swapped"])
def test_change_and_its_rate_side_by_side_report_a_misprint(tmp_path: Path, change: str, severity: str) -> None:
    """A change and its rate in one sentence, the one level of their subject in the paragraph: the
    text makes the pairing, so a miss that one misprint explains is reported (swap an error)."""
    r = _report(tmp_path, SUBJECT + change)
    assert [f.severity for f in r.problems if f.code == "GW124"] == [severity], [f.message for f in r.findings]


def test_change_and_its_rate_with_two_levels_of_the_subject_stay_silent(tmp_path: Path) -> None:
    """Two levels of the subject in the paragraph: the nearest is a guess, so a miss says nothing."""
    text = ("2024年抚恤补助资金3227.3万元。全年发放抚恤补助资金3514.6万元。"
            "抚恤补助资金较上年增加287.3万元，增长9.9%。")
    r = _report(tmp_path, text)
    assert [f.message for f in r.problems if f.code == "GW124"] == []
