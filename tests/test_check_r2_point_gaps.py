"""Engineer R2 (wave 14): a gap in points whose comparison word stands before the base (低于 3.5%
的年度控制目标 0.6 个百分点) rather than after it (比 3.5% 的目标低 0.6 个百分点) — invented words."""

from __future__ import annotations

from checkfacts import checked, findings

from gongwen.check import Report


def run(body: str) -> Report:
    return checked("关于2025年上半年青苇县就业工作情况的报告\n一、主要指标\n" + body)


def gaps(r: Report) -> list[tuple[str, str, tuple[str, ...]]]:
    return findings(r, "GW104", lambda g: g.unit == "个百分点")


def test_the_comparison_word_before_the_base() -> None:
    body = "6月末城镇调查失业率为4.1%，低于5.0%的年度控制目标{d}个百分点。"
    assert gaps(run(body.format(d="0.9"))) == [("consistent", "info", ("0.9个百分点", "4.1%", "5.0%"))]
    assert [v[0] for v in gaps(run(body.format(d="1.9")))] == ["inconsistent"]


def test_a_base_with_no_rate_compared_in_its_sentence_says_nothing() -> None:
    # the rate compared is stated elsewhere: which one the words mean is not said
    body = "上半年完成投资46.2%。\n二、存在问题\n项目推进偏慢，投资完成率低于50%的序时进度3.8个百分点。"
    assert gaps(run(body)) == []
