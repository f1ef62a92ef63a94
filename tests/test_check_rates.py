"""Rates stated with their operands (issue 10): completion, 占X的x%, X率 after its counts,
per-thousand ratios.  Each with a passing and a failing fixture of invented words."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from test_check_helpers import extraction

from gongwen.check import Report, check


def run(text: str) -> Report:
    return check(extraction(text))


CASES = [
    ("completion-ok", "全年城镇新增就业4638人，完成年度目标4200人的110.4%。", "GW122", "consistent", "info"),
    ("completion-bad", "全年城镇新增就业4638人，完成年度目标4200人的120.4%。", "GW122", "inconsistent", "error"),
    ("share-stated-ok", "累计建成示范田58.6万份，占全县总数94.1万份的62.3%。", "GW107", "consistent", "info"),
    ("share-stated-bad", "累计建成示范田58.6万份，占全县总数94.1万份的66.3%。", "GW107", "inconsistent", "error"),
    ("share-named-ok", "全县公共收入537件，同比增长4.9%，其中税收收入392件，占公共收入的比重为73.0%。",
     "GW107", "consistent", "info"),
    ("share-named-bad", "全县公共收入537件，同比增长4.9%，其中税收收入392件，占公共收入的比重为76.2%。",
     "GW107", "inconsistent", "error"),
    ("rate-ok", "排查一般隐患11375件，已整改11148件，整改率98.0%。", "GW123", "consistent", "info"),
    # the rate's own sentence states both counts, the part right before it, and 98.0 → 89.0 is two
    # digits swapped: the pairing is the one meant, no reading makes the rate true
    ("rate-bad", "排查一般隐患11375件，已整改11148件，整改率89.0%。", "GW123", "inconsistent", "error"),
    ("rate-off", "排查一般隐患11375件，已整改11148件，整改率85.0%。", "GW123", "inconsistent", "warning"),
    ("rate-other-pair", "组织215名学员参加培训，取证177人，取证率82.3%；实现就业169人，就业率78.6%。",
     "GW123", "consistent", "info"),
    # no pairing fits, one misses by a slip of the pen (98 ÷ 156 = 62.82 %): it is meant, and wrong
    ("rate-slipped", "全县156家规模以上企业中，实现增加值增长的企业98家，增长面为63.8%。", "GW123", "inconsistent",
     "error"),
    ("rate-slipped-ok", "全县156家规模以上企业中，实现增加值增长的企业98家，增长面为62.8%。", "GW123", "consistent",
     "info"),
    ("rate-slipped-other-pair", "组织215名学员参加培训，取证177人，取证率82.3%；实现就业169人，就业率79.6%。",
     "GW123", "inconsistent", "warning"),
    ("rate-swapped", "受理劳动争议案件386件，审结372件，结案率69.4%。", "GW123", "inconsistent", "error"),
    # the designated whole misprinted below its part (11375 → 1375): still the pairing, and wrong
    ("rate-whole-dropped-digit", "排查一般隐患1375件，已整改11148件，整改率98.0%。", "GW123", "inconsistent", "error"),
    ("rate-part-swapped-above", "排查矛盾纠纷263件，调解成功285件，调解成功率98.1%。", "GW123", "inconsistent", "error"),
]


@pytest.mark.parametrize("text, code, status, severity", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rate(text: str, code: str, status: str, severity: str) -> None:
    r = run(text)
    got = [(f.status, f.severity) for f in r.by_code(code)]
    assert (status, severity) in got, [(f.code, f.status, f.severity, f.message) for f in r.findings]


def test_rate_without_a_designated_pair_is_never_an_alarm() -> None:
    # 参保率 of a population the text does not state: neither pairing may be reported
    r = run("全县参保46.82万人，其中居民参保40.15万人、职工参保6.67万人，户籍人口参保率达到96.4%。")
    assert not r.problems, [f.message for f in r.problems]


@pytest.mark.parametrize("rate", ["33.0", "50.0"])
def test_rate_no_pairing_comes_near_is_never_an_alarm(rate: str) -> None:
    # 169/177 = 95.48, 169/215 = 78.60, 177/215 = 82.33: none is a slip away from the stated rate
    r = run(f"组织215名学员参加培训，取证177人，取证率82.3%；实现就业169人，就业率{rate}%。")
    assert not r.problems, [f.message for f in r.problems]


def test_rate_two_pairings_equally_near_are_ambiguous() -> None:
    # 30 ÷ 40 = 75.0 % and 30 ÷ 41 = 73.2 %: 75.2 % is one digit from both, so neither is reported
    from gongwen.check.proportions.rates import near_miss
    from gongwen.figure import Figure

    def fig(v: str, unit: str) -> Figure:
        return Figure(Decimal(v), unit, as_written=v + unit)

    part, a, b = fig("30", "人"), fig("40", "人"), fig("41", "人")
    assert near_miss(fig("75.2", "%"), [(part, a), (part, b)]) is None
    assert near_miss(fig("75.1", "%"), [(part, a), (part, b)]) == (part, a)


def test_per_100000_ratio_slipped(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text("2023年卫生健康工作总结\n\n一、妇幼健康\n全年全市活产数21730人，发生孕产妇死亡2例，"
                 "孕产妇死亡率为8.20/10万。\n", encoding="utf-8")
    found = [(f.status, f.severity) for f in check(p).by_code("GW106")]
    # both operands in the rate's sentence, the rate one digit off: the pairing is meant, an error
    assert found == [("inconsistent", "error")]
    p.write_text(p.read_text(encoding="utf-8").replace("8.20", "9.20"), encoding="utf-8")
    assert [f.status for f in check(p).by_code("GW106")] == ["consistent"]


def test_both_rates_of_one_sentence_are_verified() -> None:
    r = run("组织215名学员参加培训，取证177人，取证率82.3%；实现就业169人，就业率78.6%。")
    ok = sorted(str(f.figures[0].value) for f in r.by_code("GW123") if f.status == "consistent")
    assert ok == ["78.6", "82.3"]


BREAKDOWNS = [
    ("named-categories-bad", "上半年共受理投诉、举报3862件，其中投诉2917件、举报1025件。", "GW101", "inconsistent", "error"),
    ("named-categories-ok", "上半年共受理投诉、举报3942件，其中投诉2917件、举报1025件。", "GW101", "consistent", "info"),
    ("classified-ok", "全年累计接种疫苗14.72万份，分类看，免疫规划疫苗9.85万份，非免疫规划疫苗4.87万份。",
     "GW101", "consistent", "info"),
    ("classified-bad", "全年累计接种疫苗14.62万份，分类看，免疫规划疫苗9.85万份，非免疫规划疫苗4.87万份。",
     "GW101", "inconsistent", "error"),
    ("subset-opens-sentence", "全年共发生事故14件、死亡9人。其中，道路交通事故9件、死亡6人。", "GW108", "consistent", "info"),
    ("subset-is-not-closed", "全年受理案件386件，其中投诉217件、举报98件。", "GW108", "consistent", "info"),
]


@pytest.mark.parametrize("text, code, status, severity", [c[1:] for c in BREAKDOWNS], ids=[c[0] for c in BREAKDOWNS])
def test_breakdown(text: str, code: str, status: str, severity: str) -> None:
    test_rate(text, code, status, severity)


def test_no_digit_swap_hint_for_a_mere_upper_bound() -> None:
    r = run("全年受理案件3862件，其中投诉2917件，举报1025件等。")
    assert all("transposition" not in f.relation.hints for f in r.findings)


def run_doc(body: str) -> Report:
    """The real extractor over a short report (labels and sections are the pipeline's)."""
    from gongwen.extract.pipeline import document_from_text, extract
    return check(extract(document_from_text("关于2024年青苇区学堂工作情况的报告\n一、工作成效\n" + body + "\n")))


WHOLE_ELSEWHERE = "全市学堂接待学员1625.3万人次，同比增长3.1%。\n二、基层学堂\n社区学堂接待学员856.5万人次，占{w}的{x}%。"


@pytest.mark.parametrize("body, code, good, slip, off, off_severity", [
    pytest.param("全区现有特困学员1318人，其中集中供养412人、分散供养906人，集中供养率{x}%。", "GW123",
                 "31.3", "32.3", "45.0", "warning", id="part-named-by-the-rate"),
    # the cue names its whole as one fact of the text is named, in another paragraph: found by its
    # name, so a large miss warns (a misprint-sized slip is an error)
    pytest.param(WHOLE_ELSEWHERE.replace("{w}", "全市学堂接待学员"), "GW107", "52.7", "53.7", "60.0", "warning",
                 id="whole-named-elsewhere"),
    # two facts bear the name (上半年 and 全年): which one is meant is a reading, so a large miss warns
    pytest.param("上半年全市学堂接待学员812.0万人次。全年" + WHOLE_ELSEWHERE.replace("{w}", "全市学堂接待学员"), "GW107",
                 "52.7", "53.7", "60.0", "warning", id="whole-named-twice-elsewhere"),
    # a vague name (学员) is no fact's own name: a large miss warns
    pytest.param(WHOLE_ELSEWHERE.replace("{w}", "学员"), "GW107", "52.7", "53.7", "60.0", "warning",
                 id="whole-named-vaguely-elsewhere"),
    pytest.param("全市发生学堂安全事故14起。\n二、交通安全\n学堂交通事故9起，同比下降10%。学堂交通事故占全部学堂安全事故的"
                 "{x}%。", "GW107", "64.3", "65.3", "80.0", "warning", id="both-named-elsewhere"),
])
def test_a_pairing_the_text_makes_missed_by_a_slip_is_an_error(body: str, code: str, good: str, slip: str,
                                                                off: str, off_severity: str) -> None:
    assert [f.status for f in run_doc(body.format(x=good)).by_code(code)] == ["consistent"]
    assert [(f.status, f.severity) for f in run_doc(body.format(x=slip)).by_code(code)] == [("inconsistent", "error")]
    assert [(f.status, f.severity) for f in run_doc(body.format(x=off)).by_code(code)] == [("inconsistent", off_severity)]


@pytest.mark.parametrize("x, verdict", [("124", ("consistent", "info")), ("126", ("inconsistent", "error")),
                                        # 124.0 exactly is never printed 125 (rounding up stops at 124)
                                        ("125", ("inconsistent", "error"))])
def test_a_bracketed_target_is_the_completions_whole(x: str, verdict: tuple[str, str]) -> None:
    r = run_doc(f"完成学堂改造620户，完成年度任务（500户）的{x}%。")
    assert [(f.status, f.severity) for f in r.by_code("GW122")] == [verdict]


@pytest.mark.parametrize("x, verdict", [("8.32", [("consistent", "info")]), ("9.32", [("inconsistent", "error")])])
def test_a_per_100000_rate_in_its_own_sentence_missed_by_one_digit(x: str, verdict: list[tuple[str, str]]) -> None:
    r = run_doc(f"全年全区学龄儿童24050人，发生学堂意外伤亡2例，意外伤亡率为{x}/10万。")
    assert [(f.status, f.severity) for f in r.by_code("GW106")] == verdict


@pytest.mark.parametrize("x, verdict", [("35.7", ("consistent", "info")), ("53.7", ("inconsistent", "error"))])
def test_a_share_in_a_sentence_opening_on_qizhong_is_of_the_sentence_before(x: str, verdict: tuple[str, str]) -> None:
    r = run_doc(f"全年查办各类学堂违规案件1362件，同比增长12.4%。其中，收费违规案件486件，占{x}%。")
    assert [(f.status, f.severity) for f in r.by_code("GW107")] == [verdict]
