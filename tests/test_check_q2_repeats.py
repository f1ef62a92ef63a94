"""Engineer Q2 (session 8): a fact stated twice under a full and a short name — the short one's
sentence naming the full name's head before it (书院茶叶采摘面积…，总产量) — or under the place's
scope and everyone's (全区 / 城乡居民) is one fact: equal values are verified, two values one
misprint apart are an error; a short name after a list, or another population (城镇居民), pairs
nothing new (invented words)."""

from __future__ import annotations

import pytest
from test_check_new_writers import run, verdicts

TWICE = "全区书院事业稳步发展，{intro}。\n二、主要工作\n（一）书院服务。{section}。"
TEA = "全年书院茶叶总产量3,186吨，同比增长4.2%"


@pytest.mark.parametrize("section, verdict", [
    ("全区书院茶叶采摘面积12.6万亩，总产量3,186吨", [("consistent", "info")]),
    ("全区书院茶叶采摘面积12.6万亩，总产量3,196吨", [("inconsistent", "error")]),  # 总产量 is 书院茶叶总产量
    # after a part (其中春茶…) the short name may be the part's: only the looser reading's warning
    ("全区书院茶叶采摘面积12.6万亩，其中春茶采摘面积4.1万亩，总产量3,196吨", [("inconsistent", "warning")]),
    ("全区书院果蔬采摘面积12.6万亩，总产量3,196吨", []),  # another crop's 总产量
], ids=["equal", "misprint", "after-a-part", "another-head"])
def test_a_short_name_read_as_its_sentences_full_name(section: str, verdict: list[tuple[str, str]]) -> None:
    assert verdicts(run(TWICE.format(intro=TEA, section=section)), "GW112") == verdict


@pytest.mark.parametrize("section, verdict", [
    ("城乡居民经常参加书院研学人数比例达到36.2%", [("consistent", "info")]),
    ("城乡居民经常参加书院研学人数比例达到37.2%", [("inconsistent", "error")]),  # everyone is the 全区 figure
    ("城镇居民经常参加书院研学人数比例达到37.2%", []),  # 城镇 is a part of the place
], ids=["equal", "misprint", "a-part-of-the-place"])
def test_everyone_in_the_place_is_the_places_scope(section: str, verdict: list[tuple[str, str]]) -> None:
    r = run(TWICE.format(intro="全区经常参加书院研学人数比例达到36.2%", section=section))
    assert verdicts(r, "GW112") == verdict
