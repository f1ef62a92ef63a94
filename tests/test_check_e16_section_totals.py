"""A total and its parts by section (engineer E, session 16): one quantity stated for the whole
report and, under the same name, once in each of its work sections — each section's own part.
The sections' values adding up to the whole's is a sum the layout states (verified), not one fact
stated with two values (no warning); when they do not add up, nothing is said of a sum (the name
alone pairs them) and the pairs are judged as restatements, as before."""

from __future__ import annotations

from test_check_new_writers import run, verdicts

TEXT = ("一、总体情况\n全年完成进场交易项目1218宗，预算金额合计148.20亿元，成交金额合计142.89亿元，累计节约经费5.31亿元，"
        "节约率3.6%。\n二、分项情况\n（一）集中采购。全年完成集中采购项目812宗，节约经费3.87亿元，节约率3.1%。\n"
        "（二）竞价交易。全年完成竞价交易项目406宗，节约经费{b}亿元，节约率5.2%。")


def test_sections_values_that_add_up_to_the_whole_are_its_parts() -> None:
    r = run(TEXT.format(b="1.44"))
    assert verdicts(r, "GW112") == []
    (total,) = [f for f in r.by_code("GW101") if "5.31亿元" in f.message]
    assert (total.status, total.severity) == ("consistent", "info")
    assert "3.87亿元 + 1.44亿元" in total.message


def test_sections_values_that_do_not_add_up_make_no_sum() -> None:
    r = run(TEXT.format(b="1.64"))
    assert not [f for f in r.by_code("GW101") if "5.31亿元" in f.message]
    assert len([f for f in r.problems if f.code == "GW112"]) == 2  # judged as restatements, as before
