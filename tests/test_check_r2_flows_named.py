"""Engineer R2 (wave 16): a stock's flows named by other words (化解 a backlog's cases, 退规 out of
the 规上 count) and both flows stated after the change they make (由年初的 3,120 名增至 3,400 名，全年
新增入库 410 名、清退 130 名) — old + new − left = new level, read and kept when it holds (invented
words)."""

from __future__ import annotations

from checkfacts import checked
from checkfacts import findings as verdicts

from gongwen.check import Report

HEAD = "关于2025年青苇县有关工作情况的报告\n一、主要工作\n（一）基础工作\n"


def run(body: str) -> Report:
    return checked(HEAD + body)


def test_both_flows_after_the_change_make_it() -> None:
    body = "全县评审专家库在库专家由年初的3,120名增至{x}名，全年新增入库410名、清退130名。"
    assert verdicts(run(body.format(x="3,400")), "GW104") == [
        ("consistent", "info", ("130名", "3,120名", "3,400名", "410名"))]
    # read, not stated: a miss says nothing of the three flows
    assert [v for v in verdicts(run(body.format(x="3,460")), "GW104") if "130名" in v[2]] == []


def test_cases_resolved_leave_a_backlog() -> None:
    body = "年初纳入台账的矛盾纠纷积案48件，年内新增12件，全年化解45件，化解率75.0%，年末尚余{x}件。"
    assert verdicts(run(body.format(x="15")), "GW104", "15件") == [
        ("consistent", "info", ("12件", "15件", "45件", "48件"))]


def test_enterprises_leaving_the_scale_count_leave_it() -> None:
    body = "全年新培育规上工业企业7家，因产值下滑退规2家，规上工业企业由年初的40家增加到{x}家。"
    assert verdicts(run(body.format(x="45")), "GW104") == [("consistent", "info", ("2家", "40家", "45家", "7家"))]
