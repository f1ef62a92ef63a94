"""Engineer G1 (wave 13): two counts are one quantity by a run of their names only when the names
agree on what is counted (invented words) — 政务服务 shared by a platform's 办件 and a hotline's 诉求
makes no same fact; the same name restated with another number still does."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2025年白鹭县优化营商环境工作情况的报告\n一、主要工作\n（一）一网通办\n"
TWO = ("2025年，全县各类政务服务平台共受理办件48.62万件，按时办结率99.8%。\n（二）12345热线\n"
       "2025年，12345政务服务便民热线共受理群众诉求13.58万件，办结率98.6%{more}。\n")


def _verdicts(body: str) -> list[tuple[str, str, tuple[str, ...]]]:
    report = check(extract(document_from_text(HEAD + body)))
    return [(f.status, f.severity, tuple(sorted(g.as_written for g in f.figures))) for f in report.by_code("GW112")]


def test_a_shared_bureau_noun_does_not_make_two_counts_one() -> None:
    # both figures carry one program (营商环境) and share 政务服务, but one counts 办件, the other 诉求
    assert _verdicts(TWO.format(more="")) == []


def test_the_same_count_restated_with_another_number_is_still_an_error() -> None:
    assert _verdicts(TWO.format(more="；全县各类政务服务平台共受理办件48.62万件")) == [
        ("consistent", "info", ("48.62万件", "48.62万件"))]
    assert _verdicts(TWO.format(more="；全县各类政务服务平台共受理办件46.82万件")) == [
        ("inconsistent", "error", ("46.82万件", "48.62万件"))]


def test_two_names_ending_in_one_head_still_pair() -> None:
    # 新增经营主体 and 新登记经营主体: the shared run is what both count
    body = "全年新增经营主体7845户。\n（二）登记注册\n全年新登记经营主体{n}户。\n"
    assert _verdicts(body.format(n="7845")) == [("consistent", "info", ("7845户", "7845户"))]
    assert _verdicts(body.format(n="7485")) != []
