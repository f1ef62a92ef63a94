"""Engineer E (wave 19): false alarms of group K, each fixed by what the words say (invented
words) — the old value of one comparison (由上年的 Y% 提高 a 个百分点) is never the subject of the
next (比全省平均水平（Z%）高 b 个百分点); a whole whose words list one more kind than its 其中
list names (辅导学生、教师、家长等) is no sum of that list; a share whose whole the sentence right before states under the cue's name
is the text's own pairing (a miss is an error)."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers


def _problems(body: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in _report(body).problems]


def _gaps(body: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [v for v in _verdicts(body, "GW104") if any("个百分点" in g for g in v[2])]


READERS = ("据抽样调查，全县居民综合阅读率为{x}%，由上年的71.4%提高{a}个百分点，"
           "比全省平均水平（70.9%）高{b}个百分点。")


def test_the_old_value_of_one_comparison_is_not_the_subject_of_the_next() -> None:
    body = READERS.format(x="72.6", a="1.2", b="1.7")
    assert _problems(body) == []
    assert sorted(_gaps(body)) == [
        ("consistent", "info", ("1.2个百分点", "71.4%", "72.6%")),
        ("consistent", "info", ("1.7个百分点", "70.9%", "72.6%")),
    ]
    # a wrong gap to the wider area is still an error of the clause's own rate
    bad = READERS.format(x="72.6", a="1.2", b="2.7")
    assert [v for v in _gaps(bad) if v[0] == "inconsistent"] == [
        ("inconsistent", "error", ("2.7个百分点", "70.9%", "72.6%"))]


TWO_AREAS = "全县森林覆盖率为{x}%，比全市（58.2%）高3.1个百分点，比全省（55.0%）高6.3个百分点。"


def test_two_gaps_to_two_bases_are_both_of_the_first_rate() -> None:
    assert _problems(TWO_AREAS.format(x="61.3")) == []
    assert sorted(_gaps(TWO_AREAS.format(x="61.3"))) == [
        ("consistent", "info", ("3.1个百分点", "58.2%", "61.3%")),
        ("consistent", "info", ("55.0%", "6.3个百分点", "61.3%")),
    ]


TUTORS = "全年开展家庭教育指导52场，辅导学生、教师、家长等2,740人次，其中学生1,310人次、家长{b}人次。"


def test_a_whole_naming_one_more_kind_than_its_list_is_no_sum() -> None:
    body = TUTORS.format(b="860")
    assert _problems(body) == []
    assert _verdicts(body, "GW101") == []
    assert _verdicts(body, "GW108") == [("consistent", "info", ("1,310人次", "2,740人次", "860人次"))]


CLOSED = "全年受理群众来信、来访1,530件，其中来信{a}件、来访642件。"


def test_a_whole_naming_exactly_its_parts_is_their_sum() -> None:
    assert set(_verdicts(CLOSED.format(a="888"), "GW101")) == {("consistent", "info", ("1,530件", "642件", "888件"))}
    assert {v[:2] for v in _verdicts(CLOSED.format(a="868"), "GW101")} == {("inconsistent", "error")}


SPENDING = ("全区一般公共预算支出完成52.60亿元，为调整预算的96.1%。{between}全年用于民生领域的支出41.20亿元，"
            "占一般公共预算支出的比重为{r}%。")


def _shares(body: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [v for v in _verdicts(body, "GW107") if "41.20亿元" in v[2]]


def test_a_whole_the_sentence_before_states_by_the_cues_name_is_the_texts_own() -> None:
    assert _shares(SPENDING.format(between="", r="78.3")) == [
        ("consistent", "info", ("41.20亿元", "52.60亿元", "78.3%"))]
    # a miss no slip of one digit explains is an error, as with the whole stated in the share's own sentence
    assert _shares(SPENDING.format(between="", r="81.6")) == [
        ("inconsistent", "error", ("41.20亿元", "52.60亿元", "81.6%"))]


def test_a_whole_stated_further_back_stays_a_reading() -> None:
    far = SPENDING.format(between="教育、医疗等重点支出得到有效保障。", r="81.6")
    assert [v[:2] for v in _shares(far)] == [("inconsistent", "warning")]
