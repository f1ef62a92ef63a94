"""A table's change and share columns read by their headers (issue 10, session 8, engineer P):
which period column is the current one comes from the headers' years or words, never from the
column order; where the headers leave it open a row is verified only when one reading holds and
never reported. Invented tables through the real extractor, each with a sibling still reported."""

from __future__ import annotations

import pytest

from gongwen.check import Report, check
from gongwen.check.evaluation.intervals import vocab
from gongwen.check.tabular.columns import current_first
from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2025年青苇区学圃工作情况的报告\n一、主要指标\n全区学圃主要指标见下表。\n"


def run(body: str) -> Report:
    return check(extract(document_from_text(HEAD + body)))


def verdicts(r: Report, code: str) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in r.by_code(code)]


def problems(r: Report) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in r.problems]


def _table(head: tuple[str, str, str], rows: list[tuple[str, str, str, str]]) -> str:
    lines = [f"| 项目 | {head[0]} | {head[1]} | {head[2]} |"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines) + "\n"


# the same three rows written with the current period left or right of the previous one
_OLD_NEW = [("学圃面积（亩）", "2,400", "2,580", "{g}"), ("学圃收入（万元）", "640", "576", "-10.0"),
            ("园丁人数（人）", "150", "162", "8.0")]


def _rows(current_left: bool, g: str = "7.5") -> list[tuple[str, str, str, str]]:
    rows = [(a, b, c, d.format(g=g)) for a, b, c, d in _OLD_NEW]
    return [(a, c, b, d) for a, b, c, d in rows] if current_left else rows


@pytest.mark.parametrize("head, current_left", [
    (("2024年", "2025年", "增长（%）"), False),
    (("2025年", "2024年", "同比±%"), True),
    (("本年", "上年", "增减（%）"), True),
    (("上年同期", "本期", "增幅"), False),
    (("2025年1-6月", "2024年1-6月", "同比增长（%）"), True),
])
def test_a_growth_column_compares_the_current_period_named_by_its_header(head, current_left) -> None:
    r = run(_table(head, _rows(current_left)))
    assert verdicts(r, "GW105") == [("consistent", "info")] * 3 and not r.problems


@pytest.mark.parametrize("head, current_left", [(("2025年", "2024年", "增长（%）"), True),
                                                (("上年", "本年", "增减%"), False)])
def test_a_misprinted_growth_in_a_column_whose_headers_say_the_order_is_an_error(head, current_left) -> None:
    r = run(_table(head, _rows(current_left, g="8.5")))  # 2,580 ÷ 2,400 − 1 = 7.5%
    assert verdicts(r, "GW105") == [("inconsistent", "error"), ("consistent", "info"), ("consistent", "info")]
    assert "2,580" in r.problems[0].message


@pytest.mark.parametrize("head, rows, verdict", [
    (("2025年", "2024年", "增减额"), [("学圃面积（亩）", "2,580", "2,400", "180"),
                                     ("学圃收入（万元）", "576", "640", "-64")], [("consistent", "info")] * 2),
    (("2025年", "2024年", "增减额"), [("学圃面积（亩）", "2,580", "2,400", "180"),
                                     ("学圃收入（万元）", "576", "640", "-46")],
     [("consistent", "info"), ("inconsistent", "error")]),
    (("上年", "本年", "增减（个百分点）"), [("成活率（%）", "91.5", "93.2", "1.7"),
                                        ("覆盖率（%）", "80.0", "84.5", "4.5")], [("consistent", "info")] * 2),
])
def test_a_difference_column_is_current_minus_previous_by_the_headers(head, rows, verdict) -> None:
    assert verdicts(run(_table(head, rows)), "GW104") == verdict


@pytest.mark.parametrize("head", [("实绩", "对照", "增减"), ("甲期", "乙期", "变动")])
def test_headers_that_do_not_say_the_order_verify_only_the_one_reading_that_holds(head) -> None:
    # 2,580 − 2,400 = 180 holds one way only; 7.5 holds as a growth rate one way only; 40 is neither
    rows = [("学圃面积（亩）", "2,580", "2,400", "180"), ("园丁人数（人）", "150", "162", "8.0"),
            ("学圃收入（万元）", "576", "640", "40")]
    r = run(_table(head, rows))
    assert verdicts(r, "GW104") == [("consistent", "info")]
    assert [f.message.split(" = ")[0] for f in r.by_code("GW105")] == ["(162人 − 150人) ÷ 150人"]
    assert not r.problems


def test_a_row_holding_in_two_readings_is_verified_in_the_one_its_unit_says() -> None:
    # a rate row: 93.2 − 92.5 = 0.7 points and (93.2 − 92.5) ÷ 92.5 = 0.76% both print 0.8
    rows = [("成活率（%）", "92.5", "93.2", "0.8"), ("园丁人数（人）", "150", "162", "12")]
    r = run(_table(("2024年", "2025年", "增减"), rows))
    assert verdicts(r, "GW104") == [("consistent", "info")] * 2 and not r.by_code("GW105")


@pytest.mark.parametrize("g, last", [("8.0", ("consistent", "info")), ("9.0", ("inconsistent", "error"))])
def test_a_column_whose_header_leaves_its_meaning_open_holds_what_its_other_rows_hold(g, last) -> None:
    # 增减 without a unit: the other rows hold as growth rates (7.5%, −10.0%), not as differences
    rows = [("学圃面积（亩）", "2,400", "2,580", "7.5"), ("学圃收入（万元）", "640", "576", "-10.0"),
            ("园丁人数（人）", "150", "162", g)]
    r = run(_table(("2024年", "2025年", "增减"), rows))
    assert verdicts(r, "GW105") == [("consistent", "info"), ("consistent", "info"), last]
    assert not r.by_code("GW104")


def test_three_period_columns_leave_an_average_growth_unchecked() -> None:
    body = ("| 项目 | 2023年 | 2024年 | 2025年 | 年均增长（%） |\n"
            "| 学圃面积（亩） | 2,000 | 2,400 | 2,580 | 13.6 |\n")
    assert not run(body).problems


@pytest.mark.parametrize("where", ["caption", "header", "note"])
def test_growth_on_a_comparable_basis_is_no_growth_of_the_printed_amounts(where) -> None:
    head = ("2024年", "2025年", "增长（%，可比价）" if where == "header" else "增长（%）")
    rows = [("学圃产值（万元）", "10,000", "10,300", "5.2"), ("园丁人数（人）", "150", "162", "9.0")]
    body = _table(head, rows)
    if where == "caption":
        body = "各项增速按可比价计算。\n" + body
    if where == "note":
        body += "注：产值增速按可比价格计算。\n"
    r = run(body)
    # the amount's growth is silent; the count has no price to deflate: its misprint is reported
    assert verdicts(r, "GW105") == [("inconsistent", "error")] and "162" in r.problems[0].message


def test_without_a_comparable_basis_the_amounts_growth_is_checked() -> None:
    r = run(_table(("2024年", "2025年", "增长（%）"), [("学圃产值（万元）", "10,000", "10,300", "5.2")]))
    assert verdicts(r, "GW105") == [("inconsistent", "error")]


@pytest.mark.parametrize("a, b, first", [
    ("2025年", "2024年", True), ("2024年末", "2025年11月末", False), ("本年", "上年", True),
    ("上年末", "年末", False), ("本期", "同期", True), ("年初数", "期末数", False), ("实绩", "对照", None),
    ("2025年目标", "2025年完成", None),
])
def test_which_period_column_is_the_current_one(a, b, first) -> None:
    assert current_first(a, b, vocab()) is first


_SHARE = ("| 片区 | 学圃面积（亩） | {h} |\n| {first} | {t} | 100.0 |\n| 东片 | 1,200 | {s} |\n"
          "| 西片 | 900 | 37.5 |\n| 南片 | 300 | 12.5 |\n")


@pytest.mark.parametrize("h, s, verdict", [
    ("占比（%）", "50.0", [("consistent", "info")] * 3),
    ("面积占比%", "52.0", [("inconsistent", "error"), ("consistent", "info"), ("consistent", "info")]),
    ("占全市比重（%）", "52.0", [("consistent", "info")] * 2),  # another whole: verified only where it holds
])
def test_a_share_column_is_each_rows_amount_over_the_total_row(h, s, verdict) -> None:
    r = run(_SHARE.format(h=h, s=s, first="合计", t="2,400"))
    assert verdicts(r, "GW107") == verdict


def test_a_total_row_placed_first_is_still_the_whole_of_a_share_column() -> None:
    r = run(_SHARE.format(h="占比（%）", s="50.0", first="总计", t="2,400"))
    assert verdicts(r, "GW107") == [("consistent", "info")] * 3 and not r.problems


def test_a_rate_column_is_no_share_of_the_total() -> None:
    body = ("| 学段 | 在册学子（人） | 巩固率（%） |\n| 小学 | 5,000 | 99.5 |\n| 初中 | 3,000 | 98.7 |\n"
            "| 合计 | 8,000 | 99.2 |\n")
    r = run(body)
    assert verdicts(r, "GW107") == [] and verdicts(r, "GW102") == [("consistent", "info")] and not r.problems


_FIRST = ("| 类别 | 户数（户） | 金额（万元） |\n| 合计 | 1,500 | {t} |\n| 城市帮扶 | 400 | 320.5 |\n"
          "| 农村帮扶 | 800 | 530.0 |\n| 其中：重点户 | 120 | 96.4 |\n| 特困帮扶 | 300 | 210.3 |\n")


@pytest.mark.parametrize("t, verdict", [
    ("1,060.8", [("consistent", "info")] * 2),
    ("1,070.8", [("consistent", "info"), ("inconsistent", "error")]),  # the other column adds up
])
def test_a_total_row_placed_first_sums_the_rows_below_it_past_a_subset_row(t, verdict) -> None:
    assert verdicts(run(_FIRST.format(t=t)), "GW102") == verdict


def test_rows_below_a_first_total_that_add_up_in_no_column_are_a_selection() -> None:
    body = ("| 项目 | 投资（万元） | 面积（亩） |\n| 总计 | 9,600 | 1,250 |\n| 东园改造 | 2,100 | 300 |\n"
            "| 西园新建 | 3,400 | 420 |\n")  # only the largest projects are listed
    r = run(body)
    assert not r.by_code("GW102") and not r.problems


@pytest.mark.parametrize("basis, verdict", [
    ("按可比价计算", []),  # the growth of the volume, prices taken out: no growth of the printed amounts
    ("扣除价格因素实际", []),
    ("", [("inconsistent", "error")]),  # 20.1 ÷ 292.4 = 6.9%: without a basis the miss is reported
])
def test_a_growth_on_a_comparable_basis_is_no_growth_of_the_printed_amounts_in_text(basis, verdict) -> None:
    r = run(f"全区学圃产值312.5亿元，比上年增加20.1亿元，{basis}增长6.2%。\n")
    assert [(f.status, f.severity) for f in r.findings if f.code in ("GW105", "GW124")] == verdict


def test_a_count_on_a_comparable_basis_still_grows_by_its_printed_numbers() -> None:
    r = run("全区学圃园丁12,650人，比上年增加1,150人，按可比口径计算增长12.0%。\n")  # 1,150 ÷ 11,500 = 10%
    assert [(f.code, f.status) for f in r.problems] == [("GW124", "inconsistent")]


_NUMBERED = ("| 项目 | 金额（万元） |\n| 一、学圃收入 | 1,000 |\n| 1.租赁收入 | 600 |\n| 2.{second} | {b} |\n"
             "| 二、学圃支出 | 800 |\n| 合计 | {t} |\n")


@pytest.mark.parametrize("second, b, t, verdict", [
    ("捐助收入", "400", "1,800", [("consistent", "info")] * 2),
    ("捐助收入", "400", "2,800", [("consistent", "info"), ("inconsistent", "error")]),  # the total misprinted
    ("其中捐助收入", "300", "1,800", [("consistent", "info")]),  # the main items only: no finding on them
])
def test_rows_numbered_below_a_numbered_row_are_its_items_not_parts_of_the_total(second, b, t, verdict) -> None:
    assert verdicts(run(_NUMBERED.format(second=second, b=b, t=t)), "GW102") == verdict
