"""Scopes of a 分别 list whose last item carries the measure every item shares (wave 19, engineer
LS): the items are split to as many as the values after 分别, the last one's measure (增加值, 补贴
标准, a program such as 高龄津贴) is cut from it, and the head noun the other items lack (老年人,
特困人员) is theirs too; a 分别 opening its clause goes on about the list before it in its sentence.
Invented sentences.
"""

from __future__ import annotations

from test_scope_ls14 import _figures  # the same invented report head: title, the body, issuer, date


def test_the_last_item_of_a_list_carries_the_shared_measure() -> None:
    got = _figures("青禾县统计局", "分行业看，粮油加工业、纺织服装业、电子元件制造业增加值分别增长5.2%、3.1%、8.4%。")
    assert [s for _, s in got] == ["粮油加工业", "纺织服装业", "电子元件制造业"]


def test_a_list_word_inside_a_name_does_not_split_the_list() -> None:
    # three values: the 和 of 塑料和橡胶制品业 joins a name, the 、 the items
    got = _figures("青禾县统计局", "木材加工业、塑料和橡胶制品业、金属和非金属制品业增加值分别增长2.4%、6.8%、1.9%。")
    assert [s for _, s in got] == ["木材加工业", "塑料和橡胶制品业", "金属和非金属制品业"]


def test_the_head_the_other_items_lack_is_theirs_too() -> None:
    got = _figures("青禾县民政局", "全自理、半自理、完全不能自理特困人员照料护理标准分别按每人每月80元、300元、900元执行。")
    assert [s for _, s in got] == ["全自理特困人员", "半自理特困人员", "完全不能自理特困人员"]


def test_age_bands_before_a_program_and_the_changes_after_them() -> None:
    got = _figures("青禾县民政局", "提高高龄津贴标准，70至79周岁、80至89周岁和90周岁以上老年人高龄津贴分别由每人每月30元、"
                   "60元、200元提高到40元、70元、260元，分别增长33.3%、16.7%、30.0%。")
    bands = ["70至79周岁老年人", "80至89周岁老年人", "90周岁以上老年人"]
    assert [s for _, s in got] == bands + bands


def test_people_named_like_programs_are_still_the_items() -> None:
    got = _figures("青禾县民政局", "集中养育孤儿、社会散居孤儿和事实无人抚养儿童基本生活保障标准分别为每人每月2,000元、1,500元、"
                   "1,500元。")
    assert [s for _, s in got] == ["集中养育孤儿", "社会散居孤儿", "事实无人抚养儿童"]


def test_a_list_of_programs_or_of_indicators_names_no_category() -> None:
    got = _figures("青禾县人力资源和社会保障局", "年末失业保险、生育保险参保人数分别达到18,450人和22,930人。")
    assert [s for _, s in got] == ["全县", "全县"]
    got = _figures("青禾县卫生健康局", "每千常住人口床位数、执业医师数、注册护士数分别为6.12张、2.98人和3.40人。")
    assert [s for _, s in got] == ["全县", "全县", "全县"]


def test_a_share_is_of_the_part_its_clause_names_by_what_it_counts() -> None:
    # the part is named before 占 by its count (事故起数和死亡人数, 里程), cut from it
    got = _figures("青禾县应急管理局", "全年道路运输事故起数和死亡人数分别占全县的61.2%和70.4%。")
    assert [s for _, s in got] == ["道路运输", "道路运输"]
    got = _figures("青禾县交通运输局", "高速公路里程占公路总里程的12.4%。")
    assert [s for _, s in got] == ["高速公路"]


def test_a_share_named_by_a_measure_or_an_attribute_keeps_the_whole() -> None:
    # 税收收入 is a measure, 下半年 a period, 护理型 an attribute of the beds: no part is named
    got = _figures("青禾县财政局", "全年税收收入占一般公共预算收入的比重为70.5%，下半年交易额占全年的55.2%。")
    assert [s for _, s in got] == ["全县", "全县"]
    got = _figures("青禾县民政局", "力争年底前护理型床位占比达到60%。")
    assert [s for _, s in got] == ["全县"]


def test_programs_with_measures_of_their_own_are_no_items() -> None:
    # each item names its own program (…生活补贴, …护理补贴): no measure of the last is shared
    got = _figures("青禾县残疾人联合会", "困难残疾人生活补贴和重度残疾人护理补贴标准分别由每月90元、80元提高到每月100元、95元。")
    assert all(s == "全县" for _, s in got)
