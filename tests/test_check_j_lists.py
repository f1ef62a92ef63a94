"""Lists and wholes read by engineer J (session 5): a 其中 list the sentence carries on past a
comma, kept as a sum only when the parts then make up the whole."""

from __future__ import annotations

import pytest
from test_check_new_writers import run, verdicts

READ_ON = "全年组织各类学堂演练{n}场次，其中区级演练6场次、街道演练41场次，学校、社区等单位演练{m}场次，参与群众约3.1万人次。"


@pytest.mark.parametrize("n, m, sums", [
    ("512", "465", [("consistent", "info")]),  # 6 + 41 + 465 = 512: the list goes on past the comma
    ("512", "450", []),  # the parts do not make up the whole: the list may end at the comma (a miss no
    # swap of two digits explains: 456 for 465 is one, engineer U's tests/test_check_u_mutants.py)
    ("900", "465", []),
], ids=["closes", "short", "open"])
def test_a_list_read_on_past_a_comma_is_a_sum_only_when_it_closes(n: str, m: str,
                                                                  sums: list[tuple[str, str]]) -> None:
    r = run(READ_ON.format(n=n, m=m))
    assert verdicts(r, "GW101") == sums
    assert verdicts(r, "GW108") == [("consistent", "info")]  # 6 + 41 ≤ the whole, as before


def test_a_target_after_the_comma_is_no_part() -> None:
    r = run("全年新建学堂座位2,150个，其中小学座位1,200个、初中座位600个，完成年度计划350个的100%。")
    assert verdicts(r, "GW101") == []


@pytest.mark.parametrize("parts, status", [
    ("燃气学堂4公里、供水学堂6公里、排水学堂4公里", "consistent"),  # as printed: 4 + 6 + 4 = 14
    ("燃气学堂4.6公里、供水学堂5公里、排水学堂3公里", "weak"),  # 12.6: only the rounding lets it reach 14
], ids=["printed", "rounded"])
def test_parts_that_add_up_as_printed_verify_a_sum_of_rounded_lengths(parts: str, status: str) -> None:
    r = run(f"上半年改造学堂管网{parts}，合计14公里。")
    assert [s for s, _ in verdicts(r, "GW102")] == [status]


ENUMERATED = ("全年发放学堂助学金、学堂奖学金和学堂补助金合计{total}万元。\n二、主要工作\n（一）助学。全年累计发放学堂助学金"
              "612.4万元，其中城市210.4万元。\n（二）奖学。全年发放学堂奖学金205.3万元。\n（三）补助。全年实施学堂补助1,204人次，"
              "发放学堂补助金88.1万元。")


@pytest.mark.parametrize("total, sums", [
    ("905.8", [("consistent", "info")]),  # 612.4 + 205.3 + 88.1, each named by its item
    ("940.8", []),  # read by name only: a miss says nothing (unless two swapped digits explain it)
], ids=["holds", "misses"])
def test_a_whole_listing_its_items_adds_the_figures_they_name_elsewhere(total: str,
                                                                        sums: list[tuple[str, str]]) -> None:
    assert verdicts(run(ENUMERATED.format(total=total)), "GW101") == sums
