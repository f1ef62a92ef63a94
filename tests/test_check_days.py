"""Rates over the days of a period (issue 10): a count of days over its year's days, a per-day
level of a period's total; the calendar is the whole the text leaves unsaid, so such a reading
is confirmed when it holds and silent when not.  Invented words, through the real extractor."""

from __future__ import annotations

import pytest

from gongwen.check import Report, check
from gongwen.check.proportions.days import period_days
from gongwen.extract.pipeline import document_from_text, extract


def run(year: str, body: str) -> Report:
    return check(extract(document_from_text(f"关于{year}年青苇区学堂工作情况的报告\n一、工作成效\n{body}\n")))


@pytest.mark.parametrize("period, days", [("2024", 366), ("2025", 365), ("2024-01/2024-06", 182),
                                          ("2025-07/2025-12", 184), ("2025-06", None), (None, None)])
def test_period_days(period: str | None, days: int | None) -> None:
    assert period_days(period) == days


@pytest.mark.parametrize("year, share, verdict", [
    pytest.param("2024", "90.4", ["consistent"], id="leap-year-366"),
    pytest.param("2025", "90.7", ["consistent"], id="common-year-365"),
    pytest.param("2024", "90.7", [], id="365-in-a-leap-year-is-silent"),
])
def test_a_share_of_days_is_over_the_days_of_its_year(year: str, share: str, verdict: list[str]) -> None:
    r = run(year, f"全年学堂开放达标天数331天，达标天数比例为{share}%，同比提高1.2个百分点。")
    assert [f.status for f in r.by_code("GW107")] == verdict
    assert not r.problems


@pytest.mark.parametrize("level, verdict", [("392", ["consistent"]), ("420", [])])
def test_a_per_day_level_divides_its_total_by_the_days(level: str, verdict: list[str]) -> None:
    r = run("2025", f"全年学堂接待学员14.3万人次，日均约{level}人次。")
    assert [f.status for f in r.by_code("GW106")] == verdict
    assert not r.problems
