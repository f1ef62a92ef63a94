"""Engineer R2 (wave 14): ratios named by their two sides (vocab named_ratios) — 生师比 N:1 of the
category the name opens with, 城乡居民收入比 stated in the overview before the incomes, a side in a
table row (invented words).  Found by search, kept only when they hold (GW107, factor 1)."""

from __future__ import annotations

from checkfacts import checked, findings

from gongwen.check import Report


def run(body: str) -> Report:
    return checked("关于2025年青苇县教育和民生工作情况的报告\n" + body)


def verdicts(r: Report, has: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return findings(r, "GW107", has)


def test_student_teacher_ratios_of_each_category() -> None:
    body = ("一、基本情况\n全县在校生5.64万人，其中小学3.12万人、初中2.52万人。全县专任教师4,210人，"
            "其中义务教育阶段3,900人（小学1,950人、初中1,950人），小学、初中生师比分别为{a}∶1和{b}∶1。")
    r = run(body.format(a="16.0", b="12.9"))
    assert verdicts(r, "16.0∶1") == [("consistent", "info", ("1,950人", "16.0∶1", "3.12万人"))]
    assert verdicts(r, "12.9∶1") == [("consistent", "info", ("1,950人", "12.9∶1", "2.52万人"))]
    # a ratio no pair makes says nothing: the pairing is read
    assert verdicts(run(body.format(a="17.5", b="12.9")), "17.5∶1") == []


def test_an_income_ratio_in_the_overview_before_the_incomes() -> None:
    body = ("城乡居民收入比由上年的2.05缩小至{x}。\n一、居民收入\n全年城镇居民人均可支配收入45,600元，增长4.5%；"
            "农村居民人均可支配收入22,800元，增长6.2%。")
    assert verdicts(run(body.format(x="2.00")), "2.00") == [("consistent", "info", ("2.00", "22,800元", "45,600元"))]
    assert verdicts(run(body.format(x="2.10")), "2.10") == []
