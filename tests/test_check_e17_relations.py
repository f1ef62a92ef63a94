"""Engineer E (wave 17): relations group I missed, read by the structure of the sentence (invented
words) — the noun a figure counts read past a bracketed alternative and after the 等 that closes a
list of kinds; each figure of a 分别 list named by its own item; the items a 、 joins to a new one,
and a completion verb before it, make a stock's stated change."""

from __future__ import annotations

from gongwen.check import check
from gongwen.check.reading.mentions import subject_of
from gongwen.check.reading.textindex import TextIndex
from gongwen.extract.pipeline import document_from_text, extract


def _subjects(text: str) -> dict[str, str]:
    ext = extract(document_from_text(text))
    idx = TextIndex(ext.document.text, ext.figures)
    return {f.as_written: subject_of(idx, f) for f in idx.figures}


def _verdicts(text: str, code: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.status, f.severity, tuple(sorted(g.as_written for g in f.figures)))
            for f in check(extract(document_from_text(text))).by_code(code)]


def test_a_subject_reads_past_a_bracketed_alternative_and_after_a_lists_等() -> None:
    subjects = _subjects("一、传播效果\n全平台总浏览（点击）量3.86亿次，全县执业（助理）医师1,260人，"
                         "举办书法、摄影、剪纸等群众文化培训46期。\n")
    assert subjects == {"3.86亿次": "全平台总浏览点击量", "1,260人": "执业助理医师", "46期": "群众文化培训"}


STATIONS = ("一、总体情况\n全年县级、乡镇、村级综合服务站建设数量分别为2个、14个、126个，全部投入使用。\n"
            "二、乡镇服务\n全年建成乡镇综合服务站{n}个，实现乡镇全覆盖。\n")


def test_each_figure_of_a_分别_list_is_its_own_items_count() -> None:
    # 14 is the towns' stations, restated in their section; 126 is the villages', no other value of it
    assert _verdicts(STATIONS.format(n="14"), "GW112") == [("consistent", "info", ("14个", "14个"))]
    # named by its place only: a different value is not reported as the same fact
    assert _verdicts(STATIONS.format(n="16"), "GW112") == []


READING = "一、阅读服务\n全年建成城市书房5个、乡村书屋12个，全县书房总数由上年末的40个增加到{n}个。\n"


def test_new_items_listed_together_make_the_stocks_change() -> None:
    assert _verdicts(READING.format(n="57"), "GW104") == [("consistent", "info", ("12个", "40个", "57个", "5个"))]
    # 75 for 57: two digits swapped, reported
    [(status, severity, figs)] = _verdicts(READING.format(n="75"), "GW104")
    assert (status, severity, figs) == ("inconsistent", "error", ("12个", "40个", "5个", "75个"))


def _body_verdicts(body: str, code: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return _verdicts("关于2025年白鹭县相关工作情况的报告\n一、主要工作\n（一）重点工作\n" + body + "\n", code)


POSTAL = ("全年寄递量完成2.40亿件，同比增长9.5%。从寄递结构看，市内件0.48亿件，同比增长5.2%；省内件1.80亿件，"
          "同比增长12.1%；跨省件0.12亿件，同比增长18.0%，三者分别占寄递总量的20.0%、{b}%和5.0%。")


def test_respective_shares_take_their_parts_across_the_full_sentences_clauses() -> None:
    ok = _body_verdicts(POSTAL.format(b="75.0"), "GW107")
    assert ("consistent", "info", ("0.48亿件", "2.40亿件", "20.0%")) in ok
    assert ("consistent", "info", ("1.80亿件", "2.40亿件", "75.0%")) in ok
    assert ("consistent", "info", ("0.12亿件", "2.40亿件", "5.0%")) in ok
    bad = _body_verdicts(POSTAL.format(b="57.0"), "GW107")
    assert [v[2] for v in bad if v[0] == "inconsistent"] == [("1.80亿件", "2.40亿件", "57.0%")]
