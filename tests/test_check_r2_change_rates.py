"""Engineer R2 (wave 14): the rate of a stated change where writers put it (invented words) — after
the difference (由 A 增加到 B，增加 d，增长 r%), named by its sign (提高到 B，增幅 r%), and the first of
two rates after a comparison with its old value (较上年的 O 下降 r%，…按同口径计算下降 s%)."""

from __future__ import annotations

from checkfacts import checked

from gongwen.check import Report


def run(body: str) -> Report:
    return checked("关于2025年青苇县民生工作情况的报告\n一、主要工作\n" + body)


def growths(r: Report) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in r.by_code("GW105")]


def test_the_rate_after_the_difference() -> None:
    body = "全县农村居民人均可支配收入由上年的20,461元增加到21,787元，增加1,326元，增长{r}%。"
    assert growths(run(body.format(r="6.5"))) == [("consistent", "info")]
    assert [s for s, _ in growths(run(body.format(r="5.6")))] == ["inconsistent"]


def test_a_rate_named_by_its_sign() -> None:
    body = "学堂补助标准由每人每年12,361元提高到13,017元，增幅{r}%，已于9月底前发放到位。"
    assert growths(run(body.format(r="5.3"))) == [("consistent", "info")]
    assert [s for s, _ in growths(run(body.format(r="6.3")))] == ["inconsistent"]


def test_the_first_of_two_rates_after_a_comparison() -> None:
    body = "全年图书销售额2.47亿元，较上年的3.19亿元下降{r}%，主要是上年有集中采购，剔除这一因素后按同口径计算下降4.2%。"
    assert growths(run(body.format(r="22.6"))) == [("consistent", "info")]
    assert [s for s, _ in growths(run(body.format(r="25.6")))] == ["inconsistent"]
