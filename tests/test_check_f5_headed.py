"""A bare name under headings that name different parts of one whole (engineer F5, session 12):
新增学位 under 学前教育… and under 义务教育… counts each section's places, not one fact stated twice
with two numbers.  A fact restated in the opening summary and in its section, or under two
headings by a name that says which part it counts, is still one fact: two numbers are reported."""

from __future__ import annotations

import pytest
from test_check_new_writers import run, verdicts

SIBLINGS = ("全县教育事业稳步发展。\n一、主要工作\n（一）学前教育提质扩容。新建幼儿园一批，全年新增学位{a}个。\n"
            "（二）义务教育优质均衡。改扩建中小学校一批，全年新增学位{b}个。")


@pytest.mark.parametrize("a, b", [("1,260", "4,580"), ("1,260", "1,620")], ids=["apart", "one-swap-apart"])
def test_a_bare_name_under_two_headings_naming_two_stages_is_two_quantities(a: str, b: str) -> None:
    assert verdicts(run(SIBLINGS.format(a=a, b=b)), "GW112") == []


def test_two_sections_of_town_and_country_count_their_own() -> None:
    r = run("全区住房保障有力。\n一、主要工作\n（一）城镇老旧小区改造。全年改造住房2,140户。\n"
            "（二）农村危房改造。全年改造住房386户。")
    assert verdicts(r, "GW112") == []


def test_the_summary_restating_a_section_with_another_number_is_still_an_error() -> None:
    r = run("全县教育事业稳步发展，全年新增学位1,260个。\n一、主要工作\n（一）学前教育提质扩容。新建幼儿园一批，全年新增学位1,620个。")
    assert verdicts(r, "GW112") == [("inconsistent", "error")]


def test_a_name_that_says_its_part_pairs_across_headings() -> None:
    r = run("全县教育事业稳步发展。\n一、主要工作\n（一）学前教育提质扩容。全年新增学前教育学位1,260个。\n"
            "（二）义务教育优质均衡。全年新增中小学学位4,580个，新增学前教育学位1,620个。")
    assert verdicts(r, "GW112") == [("inconsistent", "error")]
