"""Engineer F7 (wave 13): false alarms new writers trigger, each fixed by what the words say
(invented words) — a 中 that opens a word (服务中心) after a count is no "among"; 其中 right after a
figure is of that figure, whatever name an earlier figure shares with the parts; a 其中 inside a
其中 list breaks down the item before it; a part named as what the other is not (非…) closes a
pair; a bracket saying what a count includes (（含…）) names a part, not the quantity; a plan
speaks of the period it plans."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract


def _problems(body: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in _report(body).problems]


def test_a_centre_after_a_count_is_an_item_of_a_list_not_a_set_counted_in() -> None:
    body = "全县现有8个乡镇综合文化服务中心、97个村级文化活动室，全年开展文化活动1,260场次。"
    assert _problems(body) == []
    assert _verdicts(body, "GW108") == []


def test_a_count_among_a_set_named_before_its_中_is_still_within_it() -> None:
    # 中 after the set's noun, then the count of some of them: within the set
    ok = "全县112个行政村中，已有97个建成村级文化活动室。"
    assert _verdicts(ok, "GW108") == [("consistent", "info", ("112个", "97个"))]
    bad = "全县112个行政村中，已有127个建成村级文化活动室。"
    assert _verdicts(bad, "GW108") == [("inconsistent", "error", ("112个", "127个"))]


NAMED = ("新培育市级农业产业化龙头企业5家、省级农业产业化龙头企业3家，全县共有市级以上农业产业化龙头企业41家，"
         "其中省级农业产业化龙头企业{n}家。")


def test_其中_right_after_a_figure_is_of_that_figure() -> None:
    # the parts repeat the name of the 3 家 newly certified, but 其中 follows the 41 家 the county has
    assert _verdicts(NAMED.format(n="12"), "GW108") == [("consistent", "info", ("12家", "41家"))]
    assert _problems(NAMED.format(n="12")) == []
    assert _verdicts(NAMED.format(n="45"), "GW108") == [("inconsistent", "error", ("41家", "45家"))]


NESTED = ("全年发放创业担保贷款6.40亿元。其中，个人创业担保贷款4.25亿元，其中返乡创业人员贷款1.96亿元，带动就业"
          "3,120人；非个人创业担保贷款{b}亿元。")


def test_a_list_inside_a_list_breaks_down_the_item_before_it() -> None:
    # 1.96 is within 4.25; the outer list is 4.25 and the rest, named as what 4.25 is not (非…)
    assert _problems(NESTED.format(b="2.15")) == []
    assert ("consistent", "info", ("2.15亿元", "4.25亿元", "6.40亿元")) in _verdicts(NESTED.format(b="2.15"), "GW101")
    assert ("consistent", "info", ("1.96亿元", "4.25亿元")) in _verdicts(NESTED.format(b="2.15"), "GW108")


def test_a_pair_closed_by_非_that_misses_its_whole_is_reported() -> None:
    [(status, _, figs)] = _verdicts(NESTED.format(b="2.25"), "GW101")
    assert status == "inconsistent" and figs == ("2.25亿元", "4.25亿元", "6.40亿元")


INCLUDES = ("全县共有各级各类学校64所，在校学生（含在园幼儿）41,250人，其中在园幼儿9,860人。\n（二）学前教育\n"
            "全县公办幼儿园在园幼儿6,120人，占在园幼儿总数的62.1%。")


def test_a_bracket_saying_what_a_count_includes_does_not_name_it() -> None:
    # 在校学生（含在园幼儿） counts students; 公办幼儿园在园幼儿 elsewhere is no restatement of it
    assert _verdicts(INCLUDES, "GW112") == []
    assert _problems(INCLUDES) == []


PLAN = ("青禾县数据资源局2027年工作计划\n2027年，我局将围绕数据要素市场化配置改革，重点抓好以下工作。\n一、重点任务\n"
        "（一）推进公共数据开放\n2026年全县开放公共数据集186个。2027年新增开放公共数据集60个，总数达到246个，"
        "数据开放率提高到85%以上。\n青禾县数据资源局\n2026年12月28日\n")


def test_a_plan_speaks_of_the_period_it_plans() -> None:
    ext = extract(document_from_text(PLAN))
    assert (ext.document.metadata.kind, ext.document.metadata.period) == ("plan", "2027")
    assert [f.code for f in check(ext).by_code("GW121")] == []


def test_a_plan_s_figure_after_its_period_is_still_reported() -> None:
    late = PLAN.replace("数据开放率提高到85%以上", "2029年数据开放率提高到85%以上")
    assert [(f.code, f.severity) for f in check(extract(document_from_text(late))).by_code("GW121")] == [
        ("GW121", "warning")]


# -- planted errors the words close ---------------------------------------------------------------

CLASSIFIED = ("全年全县共受理消费者投诉1,046件、举报212件，同比分别增长8.3%和5.0%；为消费者挽回经济损失86.4万元。"
              "全年未发生群体性消费纠纷事件。按商品和服务类别分，家用电器投诉{a}件、食品投诉268件、"
              "预付式消费投诉305件、汽车及配件等其他类别投诉117件，预付式消费仍是投诉热点。")


def test_a_criterion_breaks_down_the_count_its_parts_name_earlier_in_the_section() -> None:
    assert _verdicts(CLASSIFIED.format(a="356"), "GW101") == [
        ("consistent", "info", ("1,046件", "117件", "268件", "305件", "356件"))]
    assert _problems(CLASSIFIED.format(a="356")) == []


def test_a_closed_classified_list_that_misses_that_count_is_an_error() -> None:
    assert _verdicts(CLASSIFIED.format(a="366"), "GW101") == [
        ("inconsistent", "error", ("1,046件", "117件", "268件", "305件", "366件"))]


def test_an_open_classified_list_finds_no_whole_by_its_noun() -> None:
    # without the rest (其他) the classes named may be only the largest: no sum is read
    open_ = CLASSIFIED.replace("、汽车及配件等其他类别投诉117件", "").format(a="356")
    assert _verdicts(open_, "GW101") == []
    assert _problems(open_) == []


COUNTED = "截至年底，全县共有养老服务机构{t}个，其中公办养老院9家、民办养老机构14家、农村互助幸福院126个、社区日间照料中心等其他机构31个。"


def test_a_list_counting_one_whole_in_two_words_adds_up_to_it() -> None:
    # 家 and 个 both count the institutions: a list closed by the rest (其他) adds up to the whole
    assert _verdicts(COUNTED.format(t="180"), "GW101") == [
        ("consistent", "info", ("126个", "14家", "180个", "31个", "9家"))]
    assert _verdicts(COUNTED.format(t="181"), "GW101") == [
        ("inconsistent", "error", ("126个", "14家", "181个", "31个", "9家"))]


TWO_PLACES = "全市常住人口386.2万人，城镇化率62.4%。\n（二）人口发展\n全县常住人口42.6万人，其中城镇人口25.1万人，城镇化率{r}%。"


def test_the_same_name_of_two_places_is_two_facts() -> None:
    # the city's rate quoted beside the county's: each sentence names its place before the rate
    assert _verdicts(TWO_PLACES.format(r="58.9"), "GW112") == []
    assert _problems(TWO_PLACES.format(r="58.9")) == []


def test_the_same_name_of_one_place_still_pairs() -> None:
    one = TWO_PLACES.replace("全市常住人口386.2万人", "全县常住人口42.6万人")
    assert ("consistent", "info", ("62.4%", "62.4%")) in _verdicts(one.format(r="62.4"), "GW112")
    assert ("inconsistent", "warning", ("58.9%", "62.4%")) in _verdicts(one.format(r="58.9"), "GW112")


COMPOUND = "全年新建改造公厕52座，其中新建21座、{b}{n}座，全部按照二类以上标准建设。"


def test_a_whole_named_by_its_parts_heads_is_their_sum() -> None:
    # 新建改造 joins the heads of 新建 and 改造升级: the whole's words name both parts, all of them
    assert _verdicts(COMPOUND.format(b="改造升级", n="31"), "GW101") == [
        ("consistent", "info", ("21座", "31座", "52座"))]
    assert _verdicts(COMPOUND.format(b="改造升级", n="32"), "GW101") == [
        ("inconsistent", "error", ("21座", "32座", "52座"))]


def test_a_part_the_whole_s_words_do_not_name_leaves_the_list_open() -> None:
    assert _verdicts(COMPOUND.format(b="维修", n="12"), "GW101") == []
    assert _problems(COMPOUND.format(b="维修", n="12")) == []


def test_a_rate_named_by_its_act_alone_is_no_share_of_the_act_s_count() -> None:
    # 参保率 names the act (参保); 参保 42.6 万人 counts it, as 新增参保 does: no whole of the rate
    body = "全县城乡居民医保参保42.6万人，其中新增参保0.8万人，参保率98.6%。"
    assert _verdicts(body, "GW123") == []
    assert _problems(body) == []


def test_a_rate_whose_name_heads_its_whole_still_reads_it() -> None:
    body = "全县常住人口31.2万人。\n（二）家庭医生签约\n全年签约11.2万人，常住人口签约率{r}%。"
    assert _verdicts(body.format(r="35.9"), "GW123") == [("consistent", "info", ("11.2万人", "31.2万人", "35.9%"))]


TOURISM = "全年接待游客486.2万人次，旅游总收入52.6亿元，其中过夜游客126.4万人次，人均消费{v}元。"


def test_a_level_divides_the_amount_by_the_count_before_its_list() -> None:
    # 人均消费 of all visitors: 52.6 亿元 ÷ 486.2 万人次, not ÷ the 过夜游客 listed as a part after it
    assert _verdicts(TOURISM.format(v="1,082"), "GW106") == [
        ("consistent", "info", ("1,082元", "486.2万人次", "52.6亿元"))]
    assert _problems(TOURISM.format(v="1,082")) == []


def test_a_level_read_past_a_list_says_nothing_when_it_misses() -> None:
    # the pairing is a reading: a miss is no error
    assert [v[1] for v in _verdicts(TOURISM.format(v="1,182"), "GW106")] in ([], ["warning"])
    assert ("GW106", "error") not in _problems(TOURISM.format(v="1,182"))


REPAIR = "全年实施农村危房改造326户，其中C级危房218户、D级危房108户，下达补助资金1,086万元，户均{v}万元。"


def test_a_level_after_a_list_divides_by_the_whole_the_list_breaks_down() -> None:
    # 户均 of all 326 households, not of the D 级 108 listed last before the amount
    assert _verdicts(REPAIR.format(v="3.33"), "GW106") == [("consistent", "info", ("1,086万元", "326户", "户均3.33万元"))]
    assert _problems(REPAIR.format(v="3.33")) == []


def test_a_level_of_a_part_the_amount_names_divides_by_the_part() -> None:
    # the amount repeats the part's words (发放租房补贴): the level is per household of the part
    body = "全区在保住房困难家庭2,460户，其中发放租房补贴1,120户，全年发放租房补贴资金{a}万元，户均每月400元。"
    assert _verdicts(body.format(a="537.6"), "GW106") == [("consistent", "info", ("1,120户", "537.6万元", "户均每月400元"))]
    assert [v[:2] for v in _verdicts(body.format(a="737.6"), "GW106")] == [("inconsistent", "error")]


def test_a_completion_right_after_one_part_is_that_part_s() -> None:
    # 占年度目标…的 follows the one 其中 part: the part's completion, not the whole's
    body = "全年城镇新增就业5,260人，其中就业困难人员再就业1,260人，占年度目标1,200人的{r}%。"
    assert _verdicts(body.format(r="105.0"), "GW122") == [("consistent", "info", ("1,200人", "1,260人", "105.0%"))]
    assert _verdicts(body.format(r="115.0"), "GW122") == [("inconsistent", "error", ("1,200人", "1,260人", "115.0%"))]


def test_a_stock_after_a_list_of_what_was_added_is_no_part_of_it() -> None:
    # 年末…总量 is what there is, not a part of the 新增 it follows (新增 beside a stock)
    body = "全年新增市场主体8,620户，其中企业2,160户，年末市场主体总量5.26万户，同比增长13.5%。"
    assert _problems(body) == []
    assert _verdicts(body, "GW108") == [("consistent", "info", ("2,160户", "8,620户"))]
