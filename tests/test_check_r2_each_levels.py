"""Engineer R2 (wave 16): counts per item (平均每家企业检查 1.6 次, 平均每个团队服务签约居民 1200 人,
人均参训 3.0 次), a level in a count unit whose operands the text leaves to be read — a count of what it
is per and a count of what it counts, also in the per-unit's 次-unit (家次, 人次) — invented words."""

from __future__ import annotations

from checkfacts import checked
from checkfacts import findings as verdicts

from gongwen.check import Report

HEAD = "关于2025年青苇县安全生产和卫生健康工作情况的报告\n一、基本情况\n全县现有专任教师4000人。\n二、主要工作\n"


def run(body: str) -> Report:
    return checked(HEAD + body)


def test_a_count_per_item_divides_a_count_in_its_per_units_times_by_the_items() -> None:
    body = "（一）执法检查\n全年将全县600家重点企业纳入检查计划，累计检查企业960家次，平均每家企业检查{x}次。\n"
    assert verdicts(run(body.format(x="1.6")), "GW106", "1.6次") == [
        ("consistent", "info", ("1.6次", "600家", "960家次"))]
    assert verdicts(run(body.format(x="2.4")), "GW106", "2.4次") == []  # read, not stated: nothing said


def test_a_count_per_team_takes_the_count_that_makes_it_hold_not_the_nearest() -> None:
    body = ("（二）家庭医生签约\n全县组建家庭医生团队150个，累计签约居民18万人，签约覆盖率40.0%（按常住人口45万人计），"
            "平均每个团队服务签约居民{x}人。\n")
    assert verdicts(run(body.format(x="1200")), "GW106", "1200人") == [
        ("consistent", "info", ("1200人", "150个", "18万人"))]
    assert verdicts(run(body.format(x="1500")), "GW106", "1500人") == []


def test_a_count_per_head_finds_the_heads_named_in_another_section() -> None:
    body = "（三）教师培训\n组织各级各类教师培训12000人次，全县专任教师人均参训{x}次。\n"
    assert verdicts(run(body.format(x="3.0")), "GW106", "3.0次") == [
        ("consistent", "info", ("12000人次", "3.0次", "4000人"))]
