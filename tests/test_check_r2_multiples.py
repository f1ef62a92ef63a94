"""Engineer R2 (wave 14): multiples whose operands the text states away from them (invented
words) — a clause that opens with its verb (是…的 N 倍: the subject is the figure the clause
follows), a side named in other words or stated earlier in the paragraph (GW107, factor 1)."""

from __future__ import annotations

from checkfacts import checked
from checkfacts import findings as verdicts

from gongwen.check import Report

HEAD = "关于2025年青苇县文教工作情况的报告\n一、主要工作\n（一）文化惠民\n"


def run(body: str) -> Report:
    return checked(HEAD + body)


def test_a_multiple_whose_clause_opens_with_its_verb_divides_the_figure_it_follows() -> None:
    body = "全年发放文化惠民券300万元，直接带动文化消费4,500万元，为发放额的{k}倍。"
    assert verdicts(run(body.format(k="15")), "GW107", "15倍") == [
        ("consistent", "info", ("15倍", "300万元", "4,500万元"))]
    # the text pairs them itself (为发放额的): a miss is reported
    assert [v[0] for v in verdicts(run(body.format(k="12")), "GW107", "12倍")] == ["inconsistent"]


def test_a_multiple_whose_subject_stands_earlier_in_the_paragraph() -> None:
    body = "全年受理学术申诉520件，办结498件。同期受理学术仲裁200件，学术申诉量是学术仲裁量的{k}倍。"
    assert verdicts(run(body.format(k="2.6")), "GW107", "2.6倍") == [
        ("consistent", "info", ("2.6倍", "200件", "520件"))]
    assert verdicts(run(body.format(k="3.1")), "GW107", "3.1倍") == []
