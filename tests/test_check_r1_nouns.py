"""Engineer R1 (wave 14): a count named by the noun after it (9 个社区, 155 个行政村, 18 家乡镇卫生院)
restated in another section, by the noun after it or before it (invented words)."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

BODY = ("全镇下辖{a}个行政村、常住人口3.2万人，全年各项工作稳步推进。\n"
        "（二）人居环境\n新建垃圾分类收集点42个，实现{b}个行政村全覆盖。\n"
        "（三）集体经济\n全镇{c}个行政村中集体经济年收入10万元以上的村达到14个。\n")


def test_a_count_named_by_the_noun_after_it_is_the_same_count_in_another_section() -> None:
    pairs = [v for v in _verdicts(BODY.format(a="16", b="16", c="16"), "GW112") if v[0] == "consistent"]
    assert ("consistent", "info", ("16个", "16个")) in pairs


def test_counts_named_by_the_noun_after_them_say_nothing_when_unequal() -> None:
    # 16 and 15 行政村 may be two sets (the villages covered, all the villages): never reported
    assert not [f for f in _report(BODY.format(a="16", b="15", c="16")).problems if f.code == "GW112"]


LISTED = ("全县共有医疗卫生机构212个，其中县级医院3家、乡镇卫生院{a}家、村卫生室176个。\n"
          "（四）医共体建设\n组建紧密型县域医共体2个，实现全县{b}家乡镇卫生院全覆盖。\n")


def test_a_list_item_named_before_is_the_count_named_by_the_noun_after_it() -> None:
    assert ("consistent", "info", ("21家", "21家")) in _verdicts(LISTED.format(a="21", b="21"), "GW112")


OTHER = ("全镇下辖16个行政村。\n（五）美丽乡村\n新建16个行政村文化广场，群众文体活动更加丰富。\n")


def test_a_longer_noun_after_is_another_thing() -> None:
    # 16 个行政村文化广场 counts squares, not villages
    assert not _verdicts(OTHER, "GW112")
