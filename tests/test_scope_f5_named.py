"""A clause naming an indicator of its own goes on about the opening clause's people or subject
category, not about a place or thing the opening clause only works on (engineer F5, session 12,
after engineer P11's rule): 聚焦城区学位供需矛盾…，新增学位6,800个 counts the county's places.
Invented sentences."""

from __future__ import annotations

from test_scope_names import _scopes


def test_a_place_the_opening_clause_works_on_is_not_carried_to_an_indicator_of_its_own() -> None:
    s = _scopes("青禾县教育局", "聚焦城区学位供需矛盾，把学位建设列为县级民生实事，全年新建、改扩建中小学和幼儿园9所，"
                "完成投资4.36亿元，新增学位6,800个。")
    assert s["6,800个"] == "全县"


def test_the_subject_category_of_the_opening_clause_still_governs() -> None:
    s = _scopes("青禾县统计局", "全年全县规模以上工业企业实现营业收入86.4亿元，实现利润总额5.2亿元，营业收入利润率达到6.0%。")
    assert [s[w] for w in ("5.2亿元", "6.0%")] == ["规模以上工业", "规模以上工业"]


def test_the_people_of_the_opening_clause_still_govern() -> None:
    s = _scopes("青禾县统计局", "全年全县农村居民人均可支配收入21,480元，人均消费支出16,230元。")
    assert s["16,230元"] == "农村居民"
