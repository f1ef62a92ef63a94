"""Each rule with a passing and a failing fixture (short texts of fictional places), plus
metamorphic tests: reordering a breakdown or reformatting a number keeps the verdicts."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest
from test_check_helpers import doc, extraction, figures

from gongwen.check import Report, check
from gongwen.figure import Extraction
from gongwen.model import Heading, OutlineAnomaly, Span


def run(text: str, **kw: object) -> Report:
    return check(extraction(text, **kw))  # type: ignore[arg-type]


def verdicts(r: Report, code: str) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in r.by_code(code)]


# (id, text, code, expected status, expected severity of that finding)
CASES = [
    ("breakdown-ok", "2021年10月全县低保3215户6020人（城镇低保402户611人，农村低保2813户5409人）。",
     "GW101", "consistent", "info"),
    ("breakdown-bad", "2021年10月全县低保3251户6020人（城镇低保402户611人，农村低保2813户5409人）。",
     "GW101", "inconsistent", "error"),
    ("three-way-ok", "我县现有特困人员1717人（其中失能205人，半失能96人，自理1416人）。", "GW101", "consistent", "info"),
    ("three-way-bad", "我县现有特困人员1717人（其中失能205人，半失能69人，自理1416人）。", "GW101", "inconsistent", "error"),
    ("listed-ok", "全县共12个社区，目前建有5个社区养老服务机构，2个公办机构，3个民办机构。", "GW101", "consistent", "info"),
    ("listed-bad", "全县共12个社区，目前建有5个社区养老服务机构，2个公办机构，4个民办机构。", "GW101", "inconsistent", "warning"),
    ("total-ok", "交通补助发放金额为512340元，通讯补助发放金额1288760元，两项合计1801100元。", "GW102", "consistent", "info"),
    ("total-bad", "交通补助发放金额为512340元，通讯补助发放金额1288760元，两项合计1810100元。", "GW102", "inconsistent", "error"),
    ("count-ok", "生活补贴发放512340元，护理补贴发放1288760元，两项合计1801100元。", "GW103", "consistent", "info"),
    ("count-bad", "护理补贴发放1288760元，三项合计1801100元。", "GW103", "inconsistent", "warning"),
    ("diff-ok", "集中养育标准由原每人每月1024元提高至每人每月1187元，比原标准每人提高了163元。", "GW104", "consistent", "info"),
    ("diff-bad", "集中养育标准由原每人每月1024元提高至每人每月1187元，比原标准每人提高了136元。", "GW104", "inconsistent", "error"),
    ("growth-ok", "救助资金由1250万元增加到1400万元，增长12%。", "GW105", "consistent", "info"),
    ("growth-bad", "救助资金由1250万元增加到1400万元，增长21%。", "GW105", "inconsistent", "error"),
    # issue 10: the extractor signs 下降3.4% as −3.4; the verb must not flip it again
    ("decrease-ok", "低保对象由416户减少到402户，下降3.4%。", "GW105", "consistent", "info"),
    ("decrease-bad", "低保对象由416户减少到402户，下降4.3%。", "GW105", "inconsistent", "error"),
    ("decrease-diff-ok", "低保对象由416户减少到402户，减少14户。", "GW104", "consistent", "info"),
    ("decrease-diff-bad", "低保对象由416户减少到402户，减少41户。", "GW104", "inconsistent", "error"),
    ("derived-decrease-ok", "帮扶人次、帮扶金额、帮扶水平比上年同期分别下降20%、28%、10%。", "GW115", "weak", "info"),
    ("derived-decrease-bad", "帮扶人次、帮扶金额、帮扶水平比上年同期分别下降20%、28%、30%。", "GW115", "inconsistent",
     "warning"),
    ("ratio-ok", "全县开展应急救助386人次共37.42万元，救助水平为969.43元/人次。", "GW106", "consistent", "info"),
    ("ratio-bad", "全县开展应急救助386人次共37.42万元，救助水平为996.43元/人次。", "GW106", "inconsistent", "error"),
    ("share-ok", "全县低保对象6020人，其中农村低保5409人，占总数的89.9%。", "GW107", "consistent", "info"),
    # the 其中 states which total the share is of (issue 10): no reading makes 98.9% true
    ("share-bad", "全县低保对象6020人，其中农村低保5409人，占总数的98.9%。", "GW107", "inconsistent", "error"),
    # without the 其中 the whole is inferred: a miss by two swapped digits (89.9 → 98.9) confirms it
    ("share-bad-no-list", "全县低保对象6020人，农村低保5409人，占总数的98.9%。", "GW107", "inconsistent", "error"),
    ("share-off-no-list", "全县低保对象6020人，农村低保5409人，占总数的75.0%。", "GW107", "inconsistent", "warning"),
    ("subset-ok", "全县临时救助386人次，其中因病致困217人次。", "GW108", "consistent", "info"),
    ("subset-bad", "全县临时救助386人次，其中因病致困417人次。", "GW108", "inconsistent", "error"),
    ("rate-ok", "全县养老保险参保率为97.6%。", "GW109", "consistent", "info"),
    ("rate-bad", "力争群众满意率保持在100%以上。", "GW109", "inconsistent", "warning"),
    ("points-bad", "参保率由45.0%提高到60.0%，提高15.0%。", "GW110", "inconsistent", "warning"),
    ("points-ok", "参保率由45.0%提高到60.0%，提高15.0个百分点。", "GW104", "consistent", "info"),
    ("points-reverse", "参保率由45.0%提高到60.0%，提高33.3个百分点。", "GW110", "inconsistent", "warning"),
    ("multiple-bad", "全县信访件数比上年减少一倍。", "GW111", "inconsistent", "warning"),
    ("multiple-growth", "床位由120张增加到276张，增长2.3倍。", "GW111", "inconsistent", "warning"),
    ("direction-ok", "护理床位从原有的118张，增加到176张。", "GW114", "consistent", "info"),
    ("direction-bad", "护理床位从原有的118张，增加到76张。", "GW114", "inconsistent", "error"),
    ("derived-ok", "帮扶人次、帮扶金额、帮扶水平比上年同期分别增加50%、80%、20%。", "GW115", "consistent", "info"),
    ("derived-bad", "帮扶人次、帮扶金额、帮扶水平比上年同期分别增加118%、236%、58%。", "GW115", "inconsistent", "warning"),
    ("unit-mix", "接待总数96人次（站内接待71人次，站外接待25人）。", "GW117", "inconsistent", "warning"),
    ("count-integer", "本月新增低保对象2.5人。", "GW118", "inconsistent", "error"),
]


@pytest.mark.parametrize("text, code, status, severity", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule(text: str, code: str, status: str, severity: str) -> None:
    r = run(text)
    assert (status, severity) in verdicts(r, code), [(f.code, f.status, f.severity, f.message) for f in r.findings]


def test_transposition_hint_and_message_show_arithmetic() -> None:
    r = run("2021年10月全县低保3251户6020人（城镇低保402户611人，农村低保2813户5409人）。")
    (f,) = r.errors
    assert f.code == "GW101" and "transposition" in f.relation.hints
    assert "402户" in f.message and "2813户" in f.message and "3215户" in f.message and "差 36" in f.message
    assert f.expected == "3215户" and f.actual == "3251户"
    assert r.text[f.spans[0].start:f.spans[0].end] == "3251户"


def test_ratio_example_from_the_issue_is_consistent() -> None:
    r = run("2021年1—6月全区开展应急救助365人次共38.64万元，救助水平为1058.66元/人次。")
    (f,) = r.by_code("GW106")
    assert f.status == "consistent" and f.relation.explicit
    lo, hi = (D(x) for x in dict(f.relation.intervals)["computed"])  # type: ignore[arg-type]
    assert (round(lo, 6), round(hi, 6)) == (D("1058.493151"), D("1058.767123"))
    assert "1058.49–1058.77" in f.message


def test_within_rounding_is_not_a_finding() -> None:
    r = run("2021年1—6月全区开展应急救助365人次共38.64万元，救助水平为1058.70元/人次。")
    assert not r.problems and r.by_code("GW106")[0].status == "consistent"


def test_scale_slip_hint() -> None:
    r = run("全区开展应急救助365人次共38.64元，救助水平为1058.66元/人次。")
    (f,) = r.errors
    assert "scale" in f.relation.hints and "万元与元" in f.message


FEES = "全年征收保险费91270万元，其中养老保险费68347万元、医疗保险费{x}、失业保险费5219万元、工伤保险费3864万元。"


def test_scale_slip_inside_a_list() -> None:
    # the 其中 list holds as ≤ either way; read in 万元 like its neighbours, 13840 makes it exact
    (f,) = run(FEES.format(x="13840元")).by_code("GW116")
    # read in 万元 like its neighbours, 13840 makes the parts add up exactly: misprinted, an error
    assert (f.status, f.severity) == ("inconsistent", "error") and "13840万元" in f.message
    assert not run(FEES.format(x="13840万元")).problems
    assert not run(FEES.format(x="1384元")).problems  # a small part in 元 that explains nothing
    # a bracket with no cue is within its total: the slip that makes it add up exactly is named
    r = run("国省干线公路完成投资8.47亿元（一级公路完成投资6.35万元，外环路完成投资2.12亿元）。")
    (f,) = r.by_code("GW116")
    assert f.severity == "error" and "scale" in f.relation.hints and "6.35万元 可能为 6.35亿元 之误" in f.message


def test_hedged_failure_is_only_a_warning() -> None:
    assert not run("2021年10月全县低保约3251户（城镇低保402户，农村低保2813户）。").problems  # ±5 %
    # 约 allows a band: missed by less than the band again, the hedge may be loose: a warning
    r = run("全县养老机构床位约3000张（公办床位1510张，民办床位1335张）。")
    assert not r.errors and r.by_code("GW101")[0].severity == "warning"


def test_bound_missed_is_an_error() -> None:
    # 超过 3251 says only "more than 3251": 402 + 2813 = 3215 is not, whatever the hedge
    r = run("2021年10月全县低保超过3251户（城镇低保402户，农村低保2813户）。")
    (f,) = r.by_code("GW101")
    assert f.severity == "error" and "hedged" in f.relation.hints
    # 约 missed by far more than its band: no reading either
    r = run("全县养老机构床位约3000张（公办床位1510张，民办床位335张）。")
    assert r.by_code("GW101")[0].severity == "error"


def test_round_total_fails_only_strictly_is_info() -> None:
    r = run("全县临时救助3000人次（其中城镇1213人次，农村1811人次）。")
    (f,) = r.by_code("GW101")
    assert (f.status, f.severity, f.relation.reading) == ("weak", "info", "rounded")


def test_bracketed_comparison_is_not_a_part() -> None:
    r = run("全县临时救助140人次（比上年增加150人次）。")
    assert not r.problems and not r.by_code("GW108")


def test_non_exhaustive_subset_list() -> None:
    ok = run("我局共为2011名困难群众（其中已纳入低保1201人；已纳入特困供养700人）落实兜底。")
    assert verdicts(ok, "GW108") == [("consistent", "info")]
    bad = run("我局共为2011名困难群众（其中已纳入低保1501人；已纳入特困供养700人）落实兜底。")
    assert verdicts(bad, "GW108") == [("inconsistent", "warning")]


def test_same_fact_twice() -> None:
    text = "2021年10月我县有特困供养人员1717人。\n我县现有特困供养人员1690人。\n"
    ext = extraction(text, sections=[(0, ("特困供养",)), (text.index("我县现有"), ("照料护理",))])
    r = check(ext)
    (f,) = r.by_code("GW112")
    assert (f.status, f.severity) == ("inconsistent", "warning") and "1717人" in f.message
    same = text.replace("1690", "1717")
    r2 = check(extraction(same, sections=[(0, ("特困供养",)), (same.index("我县现有"), ("照料护理",))]))
    assert verdicts(r2, "GW112") == [("consistent", "info")]


def test_same_fact_different_periods_is_not_compared() -> None:
    text = "2021年10月我县有特困供养人员1717人。\n我县现有特困供养人员1690人。\n"
    ext = extraction(text, sections=[(0, ("a",)), (text.index("我县现有"), ("b",))])
    figs = [dataclasses.replace(f, period=p) for f, p in zip(ext.figures, ["2021-10", "2021-06"])]
    assert not check(Extraction(ext.document, tuple(figs))).by_code("GW112")


def test_cumulative_monotone() -> None:
    text = "1-10月发放低保金812万元。1-11月发放低保金798万元。"
    base = figures(text)
    figs = [dataclasses.replace(f, program="最低生活保障", metric="发放金额", period=p)
            for f, p in zip(base, ["2021-01/2021-10", "2021-01/2021-11"])]
    r = check(Extraction(doc(text), tuple(figs)))
    assert verdicts(r, "GW113") == [("inconsistent", "warning")]
    good = [dataclasses.replace(f, value=D(825) * 10000) if i else f for i, f in enumerate(figs)]
    assert verdicts(check(Extraction(doc(text), tuple(good))), "GW113") == [("consistent", "info")]


def test_scale_slip_between_mentions() -> None:
    text = "全年发放临时救助资金37.42万元。\n全年发放临时救助资金37.42元。\n"
    r = run(text, sections=[(0, ("a",)), (text.index("\n") + 1, ("b",))])
    assert verdicts(r, "GW116") == [("inconsistent", "warning")]
    assert not run(text.replace("37.42元", "37.42万元"), sections=[(0, ("a",)), (20, ("b",))]).by_code("GW116")


def test_heading_numbering_from_outline_anomalies() -> None:
    text = "1、甲\n2、乙\n2、丙\n"
    hs = tuple(Heading(level=3, marker=m, title=t, span=Span(s, s + 3), title_span=Span(s + 2, s + 3),
                       family="num", number=n) for m, t, s, n in [("1、", "甲", 0, 1), ("2、", "乙", 4, 2),
                                                                  ("2、", "丙", 8, 2)])
    d = dataclasses.replace(doc(text, hs), anomalies=(OutlineAnomaly("repeat", 2, 3, 2, "编号重复"),))
    r = check(Extraction(d, ()))
    (f,) = r.by_code("GW120")
    assert (f.status, f.severity, f.spans[0]) == ("inconsistent", "warning", Span(8, 11))
    assert not check(Extraction(doc(text, hs), ())).by_code("GW120")


@pytest.mark.parametrize("joined, restarted", [("二、丁（一）戊。\n", True), ("二、丁\n", False), ("丁。\n", False)])
def test_a_parent_the_outline_missed_restarts_the_numbering(joined: str, restarted: bool) -> None:
    # 二、 joined to its first child's line is no heading: the second （二） is not a repeat when
    # 二、 and its （一） stand in the text before it; it is when either is missing
    text = "一、甲\n（一）乙\n（二）丙\n" + joined + "（二）己\n"
    s = len(text) - 5
    hs = tuple(Heading(level=lv, marker=m, title=t, span=Span(a, a + len(m) + 1), title_span=Span(a + len(m), a + len(m) + 1),
                       family=fam, number=n)
               for lv, m, t, a, n, fam in [(1, "一、", "甲", 0, 1, "cn-comma"), (2, "（一）", "乙", 4, 1, "cn-paren"),
                                           (2, "（二）", "丙", 9, 2, "cn-paren"), (2, "（二）", "己", s, 2, "cn-paren")])
    d = dataclasses.replace(doc(text, hs), anomalies=(OutlineAnomaly("repeat", 3, 3, 2, "编号重复"),))
    assert text[s:s + 4] == "（二）己"
    assert bool(check(Extraction(d, ())).by_code("GW120")) is not restarted


def test_half_year_in_annual_summary() -> None:
    text = "全年工作取得成效。\n在上半年的各项任务推进中，虽然取得了一些进展，但仍有短板。\n"
    r = check(extraction(text, kind="summary", date="2021-12-10", year=2021))
    assert verdicts(r, "GW121") == [("inconsistent", "warning")]
    assert not check(extraction(text, kind="summary", date="2021-07-05", year=2021,
                                title="2021年上半年工作总结")).by_code("GW121")
    assert not check(extraction("上半年，我局开展了专项整治。", kind="summary", date="2021-12-10")).by_code("GW121")


def test_period_after_signature_date() -> None:
    text = "1-12月发放低保金812万元。"
    (f,) = figures(text)
    late = dataclasses.replace(f, period="2021-01/2021-12")
    r = check(Extraction(doc(text, date="2021-11-16", kind="summary"), (late,)))
    assert verdicts(r, "GW121") == [("inconsistent", "warning")]
    ok = dataclasses.replace(f, period="2021-01/2021-10")
    assert not check(Extraction(doc(text, date="2021-11-16", kind="summary"), (ok,))).by_code("GW121")


# -- metamorphic: reorder parts, reformat numbers -------------------------------------------------

BREAKDOWNS = [
    ("2021年10月全县低保3215户（城镇低保402户，农村低保2813户）。",
     "2021年10月全县低保3215户（农村低保2813户，城镇低保402户）。"),
    ("我县现有特困人员1717人（其中失能205人，半失能96人，自理1416人）。",
     "我县现有特困人员1717人（其中自理1416人，失能205人，半失能96人）。"),
    ("我县现有特困人员1717人（其中失能205人，半失能69人，自理1416人）。",
     "我县现有特困人员1717人（其中半失能69人，自理1416人，失能205人）。"),
]


def _signature(r: Report) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.status, f.severity) for f in r.findings)


@pytest.mark.parametrize("a, b", BREAKDOWNS)
def test_reordering_parts_keeps_verdicts(a: str, b: str) -> None:
    assert _signature(run(a)) == _signature(run(b))


def test_reformatting_keeps_verdicts() -> None:
    a = "全县开展应急救助386人次共37.42万元，救助水平为969.43元/人次。"
    b = "全县开展应急救助386人次共374200元，救助水平为969.43元/人次。"
    ra, rb = run(a), run(b)
    assert [f.status for f in ra.by_code("GW106")] == [f.status for f in rb.by_code("GW106")] == ["consistent"]
    # the same relation with a thousands separator in the figure's literal
    base = extraction("2021年10月全县低保3215户（城镇低保402户，农村低保2813户）。")
    sep = [dataclasses.replace(f, as_written=f"{int(f.value):,}户") for f in base.figures]
    assert _signature(check(base)) == _signature(check(Extraction(base.document, tuple(sep))))


def _table_extraction(rows: list[list[str]]) -> Extraction:
    """A document holding one table; numeric cells become table figures (unit 人)."""
    from gongwen.figure import Figure
    from gongwen.model import Table

    text, cells, figs, pos = "", [], [], 0
    for row in rows:
        spans = []
        for j, cell in enumerate(row):
            spans.append(Span(pos, pos + len(cell)))
            if cell.isdigit():
                figs.append(Figure(value=D(cell), unit="人", as_written=cell, span=Span(pos, pos + len(cell)),
                                   source="table", id=f"t{len(figs)}"))
            text += cell + ("\t" if j < len(row) - 1 else "\n")
            pos = len(text)
        cells.append(tuple(spans))
    d = dataclasses.replace(doc(text), tables=(Table(Span(0, len(text)), tuple(cells)),))
    return Extraction(d, tuple(figs))


@pytest.mark.parametrize("total, status", [("331", "consistent"), ("313", "inconsistent")])
def test_table_total_row_and_column(total: str, status: str) -> None:
    rows = [["项目", "城镇", "农村", "合计"], ["低保", "102", "201", "303"], ["特困", "10", "18", "28"],
            ["合计", "112", "219", total]]
    r = check(_table_extraction(rows))
    got = {f.status for f in r.by_code("GW102") if any(g.as_written == total for g in f.figures)}
    assert got == {status}
    if status == "inconsistent":
        assert len(r.errors) == 2  # the row total and the column total both disagree


def test_table_change_column() -> None:
    rows = [["项目", "2021年", "2022年", "增减"], ["低保", "102", "121", "19"], ["特困", "10", "18", "9"]]
    r = check(_table_extraction(rows))
    assert sorted(f.status for f in r.by_code("GW104")) == ["consistent", "inconsistent"]
