"""A value stated of a past period ("上年同期为N", "上年为N") holds that period, the months of its
sentence a year earlier (invented sentences)."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _periods(text: str) -> dict[str, str | None]:
    ex = extract(document_from_text("2025年上半年工作总结\n一、主要工作\n" + text))
    return {f.as_written: f.period for f in ex.figures}


def test_the_same_period_last_year_stated_as_the_subject() -> None:
    """"上半年…3,210对，上年同期为3,480对": the second is the first half of the year before."""
    p = _periods("2025年上半年全县办理结婚登记3,210对，上年同期为3,480对，同比下降7.8%。")
    assert p["3,210对"] == "2025-01/2025-06"
    assert p["3,480对"] == "2024-01/2024-06"


def test_last_year_stated_as_the_subject() -> None:
    """"2025年…2.31亿美元，上年为2.06亿美元": the second is last year's."""
    p = _periods("2025年全区实际使用外资2.31亿美元，上年为2.06亿美元。")
    assert p["2.31亿美元"] == "2025"
    assert p["2.06亿美元"] == "2024"


def test_a_value_after_the_period_is_not_stated_of_it() -> None:
    """"与上年同期相比，…达到N": the period opens a comparison, N is this year's."""
    p = _periods("2025年上半年全县新增市场主体2,140户，与上年同期相比，个体工商户达到1,560户。")
    assert p["1,560户"] != "2024-01/2024-06"
