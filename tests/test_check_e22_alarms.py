"""Engineer E (wave 22): false alarms of group N, each fixed by what the words say (invented
words) — a share's name that holds 比 (检查收入占比) compares nothing, so a change in 个百分点 after it
is that share's; a share whose own clause names one item of the list before it (其中甲…、乙…、丙…，
甲类占…的) has that item as its part, not the last one; a part whose share of an earlier part the list
states (…，检查收入占比 39.0%) lies within that part, and the list is no set of the whole's parts; a
target's base is the level under the target's own name, not a part's level whose words add a
qualifier (两街道…合计)."""

from __future__ import annotations

from checkfacts import checked, findings

HEAD = "关于2026年白鹭县相关工作情况的报告\n一、主要工作\n（一）重点工作\n"


def _problems(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in checked(text).problems]


INCOME = ("全年实现医疗收入{total}万元，同比增长9.4%，其中门诊收入3,980万元，检查收入{exam}万元，"
          "检查收入占比{share}%，较上年的41.2%下降{pp}个百分点。")


def test_a_change_in_points_after_a_named_share_is_that_shares() -> None:
    r = checked(HEAD + INCOME.format(total="6,860", exam="1,552", share="39.0", pp="2.2"))
    assert r.problems == ()
    assert ("consistent", "info", ("2.2个百分点", "39.0%", "41.2%")) in findings(r, "GW104")
    # the growth rate before the list is never the rate the change starts from
    assert not findings(r, "GW104", "9.4%")
    # a wrong change of that share is still an error
    wrong = checked(HEAD + INCOME.format(total="6,860", exam="1,552", share="39.0", pp="3.2"))
    assert [s for s, _, _ in findings(wrong, "GW104", "39.0%")] == ["inconsistent"]


def test_a_part_whose_share_of_an_earlier_part_is_stated_lies_within_it() -> None:
    # 3,980 + 1,552 = 5,532 exceeds the 5,260 of the whole: 检查收入 is a part of 门诊收入 (38.99 %)
    r = checked(HEAD + INCOME.format(total="5,260", exam="1,552", share="39.0", pp="2.2"))
    assert [p for p in _problems(HEAD + INCOME.format(total="5,260", exam="1,552", share="39.0", pp="2.2"))
            if p[0] in ("GW101", "GW108")] == []
    assert ("consistent", "info", ("1,552万元", "3,980万元")) in findings(r, "GW108")
    assert ("consistent", "info", ("3,980万元", "5,260万元")) in findings(r, "GW108")
    # a part that does exceed the whole is still reported
    over = checked(HEAD + INCOME.format(total="3,860", exam="1,552", share="39.0", pp="2.2"))
    assert [s for s, _, _ in findings(over, "GW108", "3,860万元")] == ["inconsistent"]


CASES = ("全年共受理行政复议案件420件，其中维持决定{a}件、撤销决定96件、驳回申请144件，"
         "维持决定数占案件总数的{share}%。")


def test_a_share_whose_subject_names_a_listed_item_has_that_item_as_its_part() -> None:
    r = checked(HEAD + CASES.format(a="180", share="42.9"))
    assert r.problems == ()
    assert findings(r, "GW107") == [("consistent", "info", ("180件", "42.9%", "420件"))]
    # 144 / 420 = 34.3 %: the last item is not the share's part
    wrong = checked(HEAD + CASES.format(a="180", share="24.9"))
    assert [s for s, _, _ in findings(wrong, "GW107")] == ["inconsistent"]
    assert findings(wrong, "GW107")[0][2] == ("180件", "24.9%", "420件")


PLAN = ("全年全区完成固定资产投资86.5亿元，同比增长7.1%。其中东城、西城两街道完成固定资产投资额合计32.4亿元。\n"
        "二、2027年工作计划\n2027年，力争固定资产投资额达到{target}亿元，较2026年增长{g}%。")


def test_a_targets_base_is_the_level_under_its_name_not_a_parts() -> None:
    r = checked(HEAD + PLAN.format(target="93.4", g="8.0"))
    assert [p for p in _problems(HEAD + PLAN.format(target="93.4", g="8.0")) if p[0] == "GW105"] == []
    assert ("consistent", "info", ("8.0%", "86.5亿元", "93.4亿元")) in findings(r, "GW105")


LEGAL = "全年开展法治宣传活动{n}场，参与群众{now}人次，比上年的{last}人次增长{g}%。"


def test_zeros_after_a_decimal_point_are_its_precision_not_rounding() -> None:
    # 6.84 ÷ 6.00 − 1 = 14.0 %: 6.00 万 is printed to the hundredth of 万, no round number
    held = checked(HEAD + LEGAL.format(n=126, now="6.84万", last="6.00万", g="14.0"))
    assert [(s, sev) for s, sev, _ in findings(held, "GW105")] == [("consistent", "info")]
    wrong = checked(HEAD + LEGAL.format(n=126, now="6.84万", last="6.00万", g="15.0"))
    assert [(s, sev) for s, sev, _ in findings(wrong, "GW105")] == [("inconsistent", "error")]
    # an integer with trailing zeros may still be a round number: 6000 may stand for 5,500–6,500
    rounded = checked(HEAD + LEGAL.format(n=126, now="6840", last="6000", g="15.0"))
    assert [s for s, _, _ in findings(rounded, "GW105")] == ["weak"]
