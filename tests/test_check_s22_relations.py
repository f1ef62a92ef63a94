"""Engineer R (wave 22): relations the text states that the checker left unverified (invented
words) — a growth rate its two printed levels give, however loose their rounding."""

from __future__ import annotations

from test_check_r_coverage import _verdicts  # the same invented report head and helpers

VISITORS = "全年接待游客6.4万人次，较上年的5.9万人次增长{r}%，旅游综合收入同步提升。"


def test_a_growth_the_printed_levels_give_is_verified() -> None:
    # 6.35–6.45 over 5.85–5.95 万人次 is 6.7–10.3 %: loose; as printed 6.4 / 5.9 is 8.47 %, stated 8.5
    assert _verdicts(VISITORS.format(r="8.5"), "GW105") == [
        ("consistent", "info", ("5.9万人次", "6.4万人次", "8.5%"))]


def test_a_growth_within_the_loose_interval_only_stays_weak() -> None:
    # 9.6 % lies within 6.7–10.3 % but is not what 6.4 / 5.9 gives: no verification, no alarm
    assert _verdicts(VISITORS.format(r="9.6"), "GW105") == [("weak", "info", ("5.9万人次", "6.4万人次", "9.6%"))]


def test_a_growth_outside_the_interval_is_still_reported() -> None:
    [(status, _, _)] = _verdicts(VISITORS.format(r="12.5"), "GW105")
    assert status == "inconsistent"


TARGET = ("全年新增城镇就业2860人，完成年度任务的104.0%。\n二、2026年工作计划\n"
          "2026年力争新增城镇就业3124人，比2025年增加{d}人、增长{r}%，城镇调查失业率控制在5.5%以内。")


def test_a_targets_difference_and_rate_are_over_the_base_years_actual() -> None:
    body = TARGET.format(d="264", r="9.2")  # 3124 − 2860 = 264; 264 ÷ 2860 = 9.23 %
    assert ("consistent", "info", ("264人", "2860人", "3124人")) in _verdicts(body, "GW104")
    assert ("consistent", "info", ("2860人", "3124人", "9.2%")) in _verdicts(body, "GW105")


def test_a_targets_difference_that_misses_is_no_error() -> None:
    # paired by the base year's name and year, so a miss warns at most
    found = [v for v in _verdicts(TARGET.format(d="284", r="9.2"), "GW104") if "284人" in v[2]]
    assert found and all(status == "inconsistent" and severity != "error" for status, severity, _ in found)
