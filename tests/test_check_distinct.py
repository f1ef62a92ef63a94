"""Two mentions whose names overlap but name two quantities (issue 10, false alarms on writers
nobody tuned on): a whole and one of its listed items, a set and a part of it, one noun qualified
two ways, a measure named by its verb only.  Invented words; each case has a sibling that is one
fact restated and misprinted, which must still be reported."""

from __future__ import annotations

import pytest

from gongwen.check import Report, check
from gongwen.extract.pipeline import document_from_text, extract


def run(text: str) -> Report:
    return check(extract(document_from_text(text)))


def gw112(r: Report) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in r.by_code("GW112") if f.status != "consistent"]


CROPS = """2025年青苇乡学堂工作总结
一、特色学堂做优做强
全乡茶艺、竹编、石刻特色学堂总面积达到{whole}亩。
二、竹编学堂
全年发展竹编学堂{item}亩，实现产值4300万元。
三、石刻学堂
全年建成石刻学堂2400亩，实现产值{other}万元。
"""


def test_a_listed_whole_and_one_item_and_a_measure_named_by_its_verb_are_other_facts() -> None:
    # 4.86 万亩 is the three crafts', 8600 亩 the 竹编's alone; 实现产值 names a measure, each
    # section's own craft what is measured
    assert gw112(run(CROPS.format(whole="4.86万", item="8600", other="1620"))) == []
    # the same item restated with its digits swapped is still one fact misprinted
    text = CROPS.format(whole="4.86万", item="8600", other="1620") + "四、存在的问题\n全年发展竹编学堂6800亩，仍有短板。\n"
    assert ("inconsistent", "error") in gw112(run(text))


SETS = """2025年青苇县学堂运行情况
一、学堂运行
年末全县规模以上学堂{whole}家，实现营业收入86.2亿元。
二、需要关注的问题
年末规模以上学堂{part}家，较上年增加3家。
"""


@pytest.mark.parametrize("part, found", [("中亏损学堂31", []), ("217", [("inconsistent", "error")])])
def test_a_part_counted_within_a_set_is_another_fact(part: str, found: list[tuple[str, str]]) -> None:
    # 规模以上学堂中亏损学堂 31 家 counts within the 127; 217 for 127 is the set misprinted
    assert gw112(run(SETS.format(whole="127", part=part))) == found


STOCK = """2025年青苇区学堂工作总结
全区有效认证学堂达到587家，学堂体系更加完善。
一、认证学堂量质齐升
全年{flow}认证学堂{n}家，学堂活力持续释放。
"""


@pytest.mark.parametrize("flow, n, found", [("首次认定", "126", []), ("新登记", "126", []),
                                            ("有效", "578", [("inconsistent", "error")])])
def test_a_stock_and_the_new_ones_are_two_facts(flow: str, n: str, found: list[tuple[str, str]]) -> None:
    # 有效 (all there are) and 首次认定 (this year's new ones) qualify one noun two ways
    assert gw112(run(STOCK.format(flow=flow, n=n))) == found


ALIKE = """2025年青苇区学堂工作总结
2025年，全区学堂出让收入4.26亿元，较好完成年度目标。
一、学堂出让
2025年全区实现国有学堂出让收入{b}亿元，同比增长11.2%。
"""


@pytest.mark.parametrize("b, found", [("4.26", []), ("4.28", [("inconsistent", "warning")]),
                                      ("4.62", [("inconsistent", "error")])])
def test_names_that_only_look_alike_warn_of_a_misprint(b: str, found: list[tuple[str, str]]) -> None:
    # 学堂出让收入 and 国有学堂出让收入 share a run of words, not a name: one digit apart asks to check
    # (a warning), two digits swapped is a slip no reading explains (an error)
    r = run(ALIKE.format(b=b))
    assert gw112(r) == found
    assert all("笔误" in f.message for f in r.by_code("GW112") if f.status == "inconsistent")
