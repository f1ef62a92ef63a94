"""Session 20, part R: a running total carried on from the stock stated before it (invented words)
— the review's stock plus the plan's new figure is the plan's total (截至年底建成社区食堂 24 个 …
新建社区食堂 9 个，全县社区食堂达到 33 个), or the stock in the total's own bracket (总数达到 41 个
（2025 年末为 35 个）); found by names, so kept only when it holds."""

from __future__ import annotations

from checkfacts import checked, findings

PLAN = """关于2026年青溪县养老服务工作的报告
一、2025年工作回顾
（一）助餐服务。截至2025年底，全县养老床位总数2,640张，其中护理型床位1,310张；全县建成社区食堂24个，覆盖老年人1.2万人。全县累计建成林下种植基地2.5万亩，带动农户1800户。
二、2026年工作安排
（一）扩大服务覆盖。新建社区食堂9个，全县社区食堂达到{canteens}个。新增养老床位300张以上，养老床位总数达到{beds}张以上。新建林下种植基地0.6万亩，累计建成3.1万亩。
（二）建强文化阵地。新建乡镇文化驿站6个，全县文化驿站总数达到{posts}个（2025年末为35个）。
"""


def _sums(**values: str) -> list[tuple[str, str, tuple[str, ...]]]:
    text = PLAN.format(**{"canteens": "33", "beds": "2,940", "posts": "41", **values})
    return findings(checked(text), "GW101")


def test_the_review_s_stock_plus_the_plan_s_new_figure_is_the_plan_s_total() -> None:
    got = _sums()
    assert ("consistent", "info", ("24个", "33个", "9个")) in got
    assert ("consistent", "info", ("0.6万亩", "2.5万亩", "3.1万亩")) in got


def test_the_stock_in_the_total_s_bracket() -> None:
    assert ("consistent", "info", ("35个", "41个", "6个")) in _sums()


def test_the_stock_named_most_alike_not_the_nearest_part() -> None:
    # 新增养老床位 grows 养老床位总数 2,640 张, not the 其中 part 护理型床位 1,310 张; the plan's 以上
    # bounds the new beds and the total alike: 2,640 + 300 = 2,940 exactly
    got = _sums()
    assert ("consistent", "info", ("2,640张", "2,940张", "300张")) in got
    assert not [f for f in got if "1,310张" in f[2]]


def test_a_total_that_the_stock_and_the_new_figure_do_not_make_is_left_unsaid() -> None:
    # what is new need not be all that moved (some may have closed): a miss is no finding, and an
    # open-ended plan (以上) is not read as fitting any larger total
    got = _sums(canteens="35", beds="3,500", posts="44")
    assert not [f for f in got if {"9个", "6个", "300张"} & set(f[2])]
