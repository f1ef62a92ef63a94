"""Relations group I's writers state and the checker missed (engineer R1, session 17), each
family with invented words run through the real extractor and checker, and a sibling that must
stay as it was so a fix cannot simply switch a rule off."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_check_new_writers import run, verdicts

from gongwen.check import Report, check
from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Extraction

OPENING = ("关于2025年青苇县学堂协会工作情况的报告\n全年开展学堂应急救护培训6,357人，募集款物812.6万元。\n"
           "一、主要工作\n（一）救护培训覆盖面扩大。全年举办学堂应急救护培训班124期，培训{n}人。\n"
           "（二）募捐工作。动员学堂应急救护培训志愿者{m}人。\n")


def _programs(text: str, opening: str, sections: dict[str, str]) -> Report:
    """Check ``text`` with the programs of its figures set by hand: ``opening`` for those above the
    first heading, ``sections[heading]`` under a heading (a vocabulary's reading, fixed here so the
    test does not depend on which vocabulary a bureau has)."""
    ext = extract(document_from_text(text))
    figs = tuple(replace(f, program=sections[f.section[-1]] if f.section else opening) for f in ext.figures)
    return check(Extraction(ext.document, figs))


def _same(r: Report) -> list[tuple[str, list[str]]]:
    return [(f.status, sorted(g.id or "" for g in f.figures)) for f in r.by_code("GW112")]


PROGRAMS = {"救护培训覆盖面扩大": "应急救护培训", "募捐工作": "人道资源动员"}


@pytest.mark.parametrize("n, same", [
    ("6,357", [("consistent", ["f1", "f4"])]),
    ("6,375", []),  # unequal under another program: two quantities, nothing said
], ids=["equal", "unequal"])
def test_the_opening_restates_a_sections_figure_under_another_program(n: str, same: list) -> None:
    # the opening sums up every program, so the program read there is a guess: an equal value whose
    # name shares the section's words is the section's figure restated
    r = _programs(OPENING.format(n=n, m="1,204"), "社会救助", PROGRAMS)
    assert _same(r) == same


def test_two_sections_of_two_programs_stay_apart() -> None:
    # under two headings the programs are each heading's own: the same value is two quantities
    r = _programs(OPENING.format(n="4,410", m="4,410"), "社会救助", PROGRAMS)
    assert _same(r) == []


@pytest.mark.parametrize("total, verdict", [
    ("31", [("consistent", "info")]),
    ("5", [("inconsistent", "warning")]),  # fewer in all than new this year
])
def test_new_ones_within_a_running_total_after_a_count_they_are_built_in(total: str, verdict: list) -> None:
    # the 12 乡镇 the new 书屋 are built in are no new figure: the new ones start where the words say new
    r = run(f"全县12个乡镇均建成学堂服务站，新建学堂书屋7个，累计达到{total}个。")
    assert verdicts(r, "GW126") == verdict


@pytest.mark.parametrize("total, verdict", [
    ("29", [("consistent", "info")] * 2),
    ("3", [("consistent", "info")]),  # named by a tail only: kept when it holds
])
def test_a_running_total_named_by_the_tail_of_the_periods_name(total: str, verdict: list) -> None:
    r = run(f"全年新增学堂志愿者入库812人，累计入库达到6,420人；实现学堂器材捐献4例，累计捐献{total}例。")
    assert verdicts(r, "GW126") == verdict


LOANS = ("1-10月为学堂教师发放助学贷款214笔、3260万元，笔均15.2万元；截至10月底，全县累计发放助学贷款{n}笔、"
         "2.17亿元。")


@pytest.mark.parametrize("n, verdict", [
    ("1,308", [("consistent", "info")] * 2),
    ("208", [("consistent", "info")]),  # the count falls short: paired by name, said only when it holds
])
def test_a_flow_over_months_is_within_the_stock_at_their_end(n: str, verdict: list) -> None:
    # 1-10 月 dates a stretch of months (a flow), 截至 10 月底 a moment (the stock)
    assert verdicts(run(LOANS.format(n=n)), "GW126") == verdict


def test_what_left_over_the_months_is_not_within_the_stock() -> None:
    r = run("1-10月注销学堂会员账户214户；截至10月底，全县累计开立学堂会员账户1,308户。")
    assert verdicts(r, "GW126") == []


def test_a_periods_balance_is_carried_into_the_running_balance_not_within_it() -> None:
    r = run("全年学堂基金收入8.2亿元，支出7.9亿元，当期结余0.3亿元，年末累计结余6.4亿元。")
    assert verdicts(r, "GW126") == []


ROW = ("关于2025年青苇县学堂工作情况的报告\n一、主要工作\n（一）服务能力提升\n"
       "全年共接待咨询1,236起，派出辅导员{n}人次。各类服务分布如下表：\n"
       "类别\t来访起数（起）\t出动人员（人次）\n课业辅导\t702\t1310\n心理疏导\t534\t1108\n合计\t1236\t2418\n")


@pytest.mark.parametrize("n, restated", [
    ("2,418", [("consistent", "正文 1,236起 与表中“来访起”合计 1236起 一致"),
               ("consistent", "正文 2,418人次 与表中“出动人员”合计 2418人次 一致")]),
    # one value of the row alone, under other words: no row read — but the 合计 its value alone tells
    # (1236, in no other cell) is the lead-in's total (repeats/table_wholes.py); 2,481 is never reported
    ("2,481", [("consistent", "正文 1,236起 与表中“来访起”合计 1236起 一致")]),
], ids=["row", "one-cell"])
def test_a_sentence_restating_two_cells_of_a_row_restates_the_row(n: str, restated: list) -> None:
    # 接待咨询 / 来访起数 and 派出辅导员 / 出动人员 share no words: the row's two values side by side do
    r = check(extract(document_from_text(ROW.format(n=n))))
    assert [(f.status, f.message) for f in r.by_code("GW125")] == restated
