"""Example table for periods: ISO 8601 value and kind of each time expression.

Grouped by origin as in tests/test_numbers.py (the development rows in invented words).  Reference year 2020, document date
2020-12-15 unless a row says otherwise.
"""

from __future__ import annotations

import pytest

from gongwen.extract.figures.grammar.periods import find_periods

# (id, text, [(text, iso, kind), …])
DEV = [
    ("year-month", "2020年9月全区在册对象4826户", [("2020年9月", "2020-09", "month")]),
    ("month-range-dash", "1-9月发放救助金", [("1-9月", "2020-01/2020-09", "interval")]),
    ("year-month-range", "2020年1-8月照护补助发放", [("2020年1-8月", "2020-01/2020-08", "interval")]),
    ("month-range-emdash", "2020年1—7月全区开展应急帮扶", [("2020年1—7月", "2020-01/2020-07", "interval")]),
    ("open-from-month", "我区于2020年3月起调高补助", [("2020年3月起", "2020-03/..", "open")]),
    ("open-from-day", "2020年7月1日起，补助调高", [("2020年7月1日起", "2020-07-01/..", "open")]),
    ("open-zi-day", "自2019年7月1日起执行", [("自2019年7月1日起", "2019-07-01/..", "open")]),
    ("as-of-day", "截止9月28日，接待总数", [("截止9月28日", "2020-09-28", "date")]),
    ("as-of-full-day", "截止2020年9月18日，共为", [("截止2020年9月18日", "2020-09-18", "date")]),
    ("to-month", "至2020年9月份全区领取补助", [("至2020年9月份", "2020-09", "month")]),
    ("baseline", "比2019年同期均有增长", [("2019年同期", "2019", "baseline")]),
    ("year", "2020年，稳步推进旧楼改造", [("2020年", "2020", "year")]),
    ("year-du", "在2020年度文明社区评比中", [("2020年度", "2020", "year")]),
    ("whole-year", "全年新增助餐点6个", [("全年", "2020", "year")]),
    ("plan-quoted", "“十三五”期间，累计建成", [("“十三五”期间", "2016/2020", "plan")]),
    ("mid-month-range", "6月中旬至7月中旬，组织回访", [("6月中旬至7月中旬", "2020-06/2020-07", "interval")]),
    ("month-to-month", "2020年5月至6月期间走访", [("2020年5月至6月期间", "2020-05/2020-06", "interval")]),
    ("deadline-day", "并于5月31日前全部办结", [("5月31日前", "2020-05-31", "deadline")]),
    ("deadline-year-end", "力争在年底前完成验收", [("年底前", "2020-12", "deadline")]),
    ("day-range", "参加9月12-14日举办的研修", [("9月12-14日", "2020-09-12/2020-09-14", "interval")]),
    ("year-since-bare", "2016以来，燃气设施全部改造", [("2016以来", "2016/..", "open")]),
    ("two-months", "2019年3月，2019年10月组织回访",
     [("2019年3月", "2019-03", "month"), ("2019年10月", "2019-10", "month")]),
    ("signature", "2020年12月8日", [("2020年12月8日", "2020-12-08", "date")]),
    ("earlier-year-month", "于2013年6月正式施行", [("2013年6月", "2013-06", "month")]),
    ("first-half", "在上半年的重点任务中", [("上半年", "2020-01/2020-06", "interval")]),
]

NOTE = [
    ("bare-month-range", "1—11月", [("1—11月", "2020-01/2020-11", "interval")]),
    ("month-zhi-month", "2020年1月至11月", [("2020年1月至11月", "2020-01/2020-11", "interval")]),
    ("month-zhi-fen", "1至10月份", [("1至10月份", "2020-01/2020-10", "interval")]),
    ("as-of-month-end", "截至10月底", [("截至10月底", "2020-10", "date")]),
    ("as-of-dao", "截止到11月30日", [("截止到11月30日", "2020-11-30", "date")]),
    ("as-of-now", "截至目前", [("截至目前", "2020-12-15", "date")]),
    ("ytd", "今年以来", [("今年以来", "2020-01/2020-12-15", "open")]),
    ("first-three-quarters", "前三季度", [("前三季度", "2020-01/2020-09", "interval")]),
    ("third-quarter", "第三季度", [("第三季度", "2020-07/2020-09", "interval")]),
    ("first-quarter", "一季度", [("一季度", "2020-01/2020-03", "interval")]),
    ("deadline-month-end", "10月底前", [("10月底前", "2020-10", "deadline")]),  # printed precision
    ("deadline-full", "2019年12月31日前", [("2019年12月31日前", "2019-12-31", "deadline")]),
    ("plan-shiqi", "十三五时期", [("十三五时期", "2016/2020", "plan")]),
    ("plan-14", "十四五", [("十四五", "2021/2025", "plan")]),
    ("last-year-same", "去年同期", [("去年同期", "2019", "baseline")]),
    ("last-year", "较上年减少", [("上年", "2019", "baseline")]),
    ("cn-year-month", "二〇二〇年十一月", [("二〇二〇年十一月", "2020-11", "month")]),
    ("cn-year-ling", "二零二零年", [("二零二零年", "2020", "year")]),
    ("year-range", "2016-2020年", [("2016-2020年", "2016/2020", "interval")]),
    ("from-month", "从2020年1月", [("从2020年1月", "2020-01/..", "open")]),
    # the old value's year (shared note: "from 56,000 (2019), to 49,000 (report period)")
    ("year-of", "低保对象由2019年的5.6万人", [("2019年", "2019", "baseline")]),
    ("no-period-counts", "全县共有城市低保对象1234户2156人", []),
    ("no-period-range", "每组5至10人", []),
    ("no-period-age", "80至89周岁", []),
]

BUGS = [
    ("month-word-not-period", "每人每月915元，3个月", []),
    ("bare-number-before-conn", "补助标准为300-500元/月", []),
    ("year-without-reference", "9月28日", [("9月28日", "XXXX-09-28", "date")]),
    ("duration-not-year", "力争3年内完成改造", []),
    ("as-of-year-end", "截至2020年底", [("截至2020年底", "2020-12", "date")]),
    ("deadline-year-end-written", "2020年底前完成", [("2020年底前", "2020-12", "deadline")]),
    ("relative-year-months", "今年1-10月累计发放", [("今年1-10月", "2020-01/2020-10", "interval")]),
    ("last-year-months", "去年1-10月", [("去年1-10月", "2019-01/2019-10", "interval")]),
    ("last-year-month", "去年12月", [("去年12月", "2019-12", "month")]),
    ("year-to-year", "2016年至2020年", [("2016年至2020年", "2016/2020", "interval")]),
    ("plan-dash-range", "2021—2025年", [("2021—2025年", "2021/2025", "interval")]),
    ("month-end-no-prefix", "2020年11月底", [("2020年11月底", "2020-11", "date")]),
    ("descending-months-not-range", "12-1月", []),
    ("baseline-last-year-end", "比上年末增加7,215人", [("上年末", "2019-12", "baseline")]),
    ("baseline-compared-year", "较2019年增长", [("2019年", "2019", "baseline")]),
    ("benian-is-context", "做好本年年检工作", []),
    ("year-and-its-half", "2019年上半年，全县新增", [("2019年上半年", "2019-01/2019-06", "interval")]),
    ("year-and-quarters", "2019年前三季度", [("2019年前三季度", "2019-01/2019-09", "interval")]),
    ("compared-half", "增速比上半年加快0.3个百分点", [("上半年", "2020-01/2020-06", "baseline")]),
    ("compared-months", "增速较1-10月回落", [("1-10月", "2020-01/2020-10", "baseline")]),
    # the school year and the year's start (issue 9, new writers)
    ("as-of-autumn-term", "截至2020年秋季开学，全县共有学校", [("截至2020年秋季开学", "2020-09", "date")]),
    ("as-of-autumn-term-semester", "截至2020年秋季学期开学,全区", [("截至2020年秋季学期开学", "2020-09", "date")]),
    ("autumn-term-deadline-not-moment", "确保秋季开学前新增学位", []),
    ("as-of-year-and-half", "截至2020年上半年，全县", [("截至2020年上半年", "2020-01/2020-06", "interval")]),
    ("year-start-stock", "年初全县在册对象312人", [("年初", "2020-01", "date")]),
    ("compared-year-start", "较年初净增74户", [("年初", "2020-01", "baseline")]),
    ("from-year-start", "由年初的117条增加到125条", [("年初", "2020-01", "baseline")]),
    ("year-start-decision-not-moment", "年初确定的重点任务", []),
    ("year-start-budget-not-moment", "为年初预算的101.3%", []),
    ("turn-of-year-not-moment", "开展岁末年初安全大检查", []),
]


def _run(text: str, expected: list[tuple[str, str, str]], year: int | None = 2020) -> None:
    got = find_periods(text, year=year, date="2020-12-15")
    assert [(p.text, p.iso, p.kind) for p in got] == expected
    for p in got:
        assert text[p.span.start:p.span.end] == p.text


@pytest.mark.parametrize("text,expected", [r[1:] for r in DEV], ids=[r[0] for r in DEV])
def test_development_set(text: str, expected: list[tuple[str, str, str]]) -> None:
    _run(text, expected)


@pytest.mark.parametrize("text,expected", [r[1:] for r in NOTE], ids=[r[0] for r in NOTE])
def test_tricky_strings(text: str, expected: list[tuple[str, str, str]]) -> None:
    _run(text, expected)


@pytest.mark.parametrize("text,expected", [r[1:] for r in BUGS], ids=[r[0] for r in BUGS])
def test_bugs_caught(text: str, expected: list[tuple[str, str, str]]) -> None:
    _run(text, expected, year=None if expected and expected[0][1].startswith("X") else 2020)


def test_report_year_from_argument_not_clock() -> None:
    """去年 in a report dated January 2021 is 2020: the reference year comes from the caller."""
    (p,) = find_periods("去年", year=2021)
    assert p.iso == "2020"


@pytest.mark.parametrize("text,iso", [
    ("人数由2023年的470人增加到535人", "2023"),
    ("由上年末的11.58万人增加到11.93万人", "2023-12"),
])
def test_the_year_of_an_old_value_is_a_baseline(text: str, iso: str) -> None:
    """由2023年的X增加到Y: 2023 dates the old value, not the new one."""
    [p] = find_periods(text, year=2024)
    assert (p.iso, p.kind) == (iso, "baseline")


def test_year_to_date_without_the_report_date_is_the_year() -> None:
    """今年以来 cannot be bounded without the report's date: the year is what is known."""
    (p,) = find_periods("今年以来，全县新增", year=2022, date=None)
    assert (p.iso, p.kind) == ("2022", "year")
