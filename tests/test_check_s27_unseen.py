"""Causes the twenty-seventh session's held-out group (T) showed, each a mechanism any report may use,
in invented words through the real extractor, with a sibling that must still be checked so a rule
cannot simply stay silent: a share after a 其中 list that goes on from the list's whole; one old value
compared with the level its clause names; two names that share a run of words but go on to name two
quantities; 占用 inside a name is no share cue; a total whose clause names its own items."""

from __future__ import annotations

from checkfacts import checked, findings

HEAD = "蒿川县某中心2026年工作总结\n一、主要工作\n"


def _bad(r, *codes: str) -> list:
    return [f for c in codes for f in findings(r, c) if f[0] == "inconsistent"]


def test_a_share_after_a_list_may_go_on_from_the_lists_whole() -> None:
    body = "全县共有星级农家乐84家，其中五星级6家、四星级21家、三星级57家，占全县农家乐总数150家的{r}%。"
    r = checked(HEAD + body.format(r="56.0"))
    assert _bad(r, "GW107") == []
    assert any(f[0] == "consistent" and "84家" in f[2] for f in findings(r, "GW107"))
    # the last item's own share is read as before
    r = checked(HEAD + body.format(r="38.0"))
    assert _bad(r, "GW107") == []
    assert any(f[0] == "consistent" and "57家" in f[2] for f in findings(r, "GW107"))


def test_one_old_value_is_the_one_of_the_level_its_clause_names() -> None:
    body = "全年受理来信来访2460件，按期办结率98.2%，其中重复信访96件，较上年的120件下降{r}%。"
    r = checked(HEAD + body.format(r="20.0"))
    assert _bad(r, "GW105") == []
    assert any(f[0] == "consistent" and "96件" in f[2] for f in findings(r, "GW105"))
    assert any("96件" in f[2] for f in _bad(checked(HEAD + body.format(r="25.0")), "GW105"))


def test_two_names_sharing_a_run_of_words_name_two_quantities() -> None:
    body = ("上半年全县主要农作物病虫害累计发生面积86.4万亩次，较上年同期下降4.2%。\n"
            "二、绿色防控\n在城关建设示范区15个，全县主要农作物{what}面积{v}万亩次。\n")
    r = checked(HEAD + body.format(what="绿色防控实施", v="38.2"))
    assert [f for f in findings(r, "GW112") if f[0] == "inconsistent"] == []
    r = checked(HEAD + "前三季度，全县完成水土流失综合治理面积42.6平方公里。\n二、项目监管\n"
                       "受理方案62个，涉及水土流失防治责任范围12.84平方公里。\n")
    assert [f for f in findings(r, "GW112") if f[0] == "inconsistent"] == []
    # the very name said twice with two values is still one fact misprinted
    r = checked(HEAD + body.format(what="病虫害累计发生", v="68.4"))
    assert any(f[0] == "inconsistent" for f in findings(r, "GW112"))


def test_a_word_with_the_share_cue_inside_is_no_share_cue() -> None:
    body = "全年实际开放总床日数12.40万床日，实际占用总床日数10.54万床日，床位使用率{r}%。"
    r = checked(HEAD + body.format(r="85.0"))
    assert _bad(r, "GW107", "GW123") == []
    assert any(f[0] == "consistent" and "10.54万床日" in f[2] for f in findings(r, "GW123"))
    # 占 as a cue is still read: the same two counts with a share stated of the first
    r = checked(HEAD + "全年实际开放总床日数12.40万床日，实际占用总床日数10.54万床日，占实际开放总床日数的88.0%。")
    assert any("10.54万床日" in f[2] for f in _bad(r, "GW107"))
    # 占地区生产总值的 opens on the cue, not on the word 占地
    r = checked(HEAD + "上半年全区实现地区生产总值318.46亿元，第三产业增加值174.84亿元，"
                       "第三产业增加值占地区生产总值的比重为{r}%。".format(r="59.4"))
    assert any("174.84亿元" in f[2] for f in _bad(r, "GW107"))


def test_a_total_whose_clause_names_its_own_items() -> None:
    body = "新增储水能力16.3万立方米，其中城北水厂清水池10万立方米，东站、西站清水池合计6.3万立方米。"
    r = checked(HEAD + body)
    assert _bad(r, "GW102", "GW108") == []
    assert any(f[0] == "consistent" and "16.3万立方米" in f[2] for f in findings(r, "GW108"))
    # a total after the items it adds still adds them
    r = checked(HEAD + "新建储水设施：东站1.2万立方米、西站0.6万立方米，合计2.1万立方米。")
    assert any("2.1万立方米" in f[2] for f in _bad(r, "GW102"))


def test_a_rate_with_two_digits_swapped_across_the_point_is_an_error() -> None:
    body = "前三季度受理方案62个，审批办结58个（其中报告书17个、报告表41个），办结率{r}%。"
    r = checked(HEAD + body.format(r="95.3"))  # 58 ÷ 62 = 93.5 %: 3 and 5 swapped over the point
    assert [f[1] for f in findings(r, "GW123") if f[0] == "inconsistent"] == ["error"]
    # a rate one reading away, but by no slip of the fingers, stays a doubt
    r = checked(HEAD + body.format(r="91.0"))
    assert [f[1] for f in findings(r, "GW123") if f[0] == "inconsistent"] == ["warning"]


def test_a_qualified_name_restated_with_two_digits_swapped_is_one_fact() -> None:
    text = ("蒿川县道路运输管理所2026年上半年工作总结\n上半年，全所累计检查营运车辆{a}辆次，查处案件212起。\n"
            "一、执法监管\n上半年，我所出动执法人员1860人次，检查营运车辆8460辆次，查处违法违规案件212起。\n")
    r = checked(text.format(a="8640"))
    assert [f[1] for f in findings(r, "GW112") if f[0] == "inconsistent"] == ["error"]
    # two values no slip relates are two counts (the whole year and a campaign, say): no finding
    r = checked(text.format(a="9120"))
    assert [f for f in findings(r, "GW112") if f[0] == "inconsistent"] == []
    # one digit changed is no such misprint across two scopes: a narrower count of a narrower name
    r = checked("蒿川县教育局2025年工作总结\n全年新增公办学位1.68万个。\n一、义务教育优质均衡\n"
                "新建改扩建学校12所，新增学位1.08万个。\n")
    assert [f for f in findings(r, "GW112") if f[0] == "inconsistent"] == []


def test_classes_of_animals_never_overlap() -> None:
    body = "前三季度共救护野生动物{n}只，其中鸟类38只、兽类16只、两栖爬行类11只，放归自然47只。"
    r = checked(HEAD + body.format(n="63"))
    assert [f[1] for f in findings(r, "GW108") if f[0] == "inconsistent"] == ["error"]
    assert _bad(checked(HEAD + body.format(n="65")), "GW108") == []
