"""Scopes that are no category of the figure (wave 18, engineer LS): a category named as the reference
of a comparison is what a standard is measured against, in the figure's clause and as the topic of
the clauses after it; a bare head after a count (企业, 项目) names all such things; a verb before 镇 or
街道 names no township; an action opening a breakdown item is no part of its name.  Invented
sentences.
"""

from __future__ import annotations

from test_scope_ls14 import _figures  # the same invented report head: title, the body, issuer, date


def test_a_category_a_standard_is_compared_with_is_not_its_topic() -> None:
    # 城市 is the reference the standard is set against, not the people the standard is for
    got = _figures("青禾县民政局", "供养对象基本生活标准按不低于当地城市低保标准的1.4倍确定，9月起由每人每月980元"
                   "调整为1,030元。")
    assert got == [("1.4倍", "全县"), ("1,030元", "全县")]
    got = _figures("青禾县民政局", "照料标准按不高于城市低保标准确定，现行标准为每人每月420元。")
    assert [s for _, s in got] == ["全县"]


def test_a_category_the_sentence_is_about_still_governs() -> None:
    # (no comparison before 农村居民: the topic still governs the clauses after it)
    got = _figures("青禾县统计局", "农村居民人均可支配收入16,240元，增长6.1%。")
    assert [s for _, s in got] == ["农村居民", "农村居民"]


def test_a_bare_head_after_a_count_names_no_category() -> None:
    got = _figures("青禾县发展和改革局", "全县仍有17个项目未开工，全县有318家企业享受减税政策。")
    assert [s for _, s in got] == ["全县", "全县"]
    # (a qualified head after a count is the category counted)
    got = _figures("青禾县民政局", "全县现有9间乡镇敬老院完成改造。")
    assert [s for _, s in got] == ["乡镇敬老院"]


def test_a_verb_before_zhen_names_no_township() -> None:
    # 补充镇级… and 属地街道 are a level and the local street office, not places named 补充镇, 属地街道
    got = _figures("青禾镇人民政府", "投入资金18.2万元补充镇级救灾物资仓库，新增橡皮艇3艘、救生衣260件。")
    assert got[-2:] == [("3艘", "全镇"), ("260件", "全镇")]
    got = _figures("青禾区应急管理局", "会同属地街道排查燃气用户约9.6万户，发现隐患1,204处。")
    assert [s for _, s in got] == ["全区", "全区"]


def test_an_action_opening_a_breakdown_item_is_no_part_of_its_name() -> None:
    got = _figures("青禾县共青团委员会", "全年发放助学金196万元，其中资助大学新生240人、每人4,000元。")
    assert got[-2:] == [("240人", "大学新生"), ("每人4,000元", "大学新生")]
    got = _figures("青禾市城市管理局", "全市公共停车泊位达到5.2万个，其中接入智慧停车平台1.9万个。")
    assert got[-1] == ("1.9万个", "智慧停车平台")
