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
