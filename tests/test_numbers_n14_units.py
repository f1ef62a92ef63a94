"""Units the grammar builds rather than lists (wave 14, engineer N): a rate of a counter or a measure
(人均 + 亩, 每 + 平方公里, 笔均), any counter or measure after "/" (元/辆, 公里/车次), a counter + 次
(件次), a weight in a standard (吨标准煤), per-mille points, teaching hours and megawatts, and a
per-thousand level that 分别 lists after long names.

Sentences are our own, in the genre's words, about fictional places.  Notation as in
``test_numbers.py``: one ``"VALUE UNIT [key=value …]"`` per quantity, in order.
"""

from __future__ import annotations

import pytest
from test_numbers import _check

from gongwen.extract.figures.grammar.numbers import find_quantities
from gongwen.extract.figures.grammar.units import split_unit

CASES = [
    # an average per head of a counter or a measure is a rate (it was the bare count or measure)
    ("per-head-measure", "全镇保洁员人均负责道路保洁4.6公里。", ["4.6 公里/人"]),
    ("per-head-count-yearly", "全所人均年办结案件23.5件，", ["23.5 件/人"]),
    ("per-head-area-old-and-new", "人均公共文化设施面积由上年的0.41平方米提高到0.46平方米，",
     ["0.41 平方米/人", "0.46 平方米/人"]),
    # (an average over firms of what each had is the count: 平均每家 is no 均-word)
    ("each-firm-stays-count", "平均每家企业接受检查2.4次。", ["2.4 次"]),
    # every + a measure or a counter, also per a period, and per hundred of a measure
    ("per-square-km", "城区垃圾收集点密度达到每平方公里5.6个。", ["5.6 个/平方公里"]),
    ("per-km-per-year", "乡道养护补助每公里每年6000元。", ["6000 元/公里/年"]),
    ("per-hundred-square-km", "路网密度达到每百平方公里86.3公里，", ["86.3 公里/百平方公里"]),
    ("counter-average", "发放创业担保贷款320笔，笔均12.5万元。", ["320 笔", "125000 元/笔"]),
    ("per-meal-after-age", "对70周岁以上独居老人每餐补助4元，", ["4 元/餐"]),
    ("per-head-per-meal", "助餐点按每人每餐2至4元收费，", ["2 元/人/餐 range=low", "4 元/人/餐 range=high"]),
    ("per-pupil-per-term", "按每生每学期800元发放营养补助，", ["800 元/人/学期"]),
    # any counter or measure after a slash
    ("slash-vehicle-and-trip", "单车年均运行费用1.26万元/辆，平均行驶42.8公里/车次，",
     ["12600 元/辆", "42.8 公里/车次"]),
    ("slash-head-and-meal", "机关食堂伙食补助标准为9元/人/餐。", ["9 元/人/餐"]),
    ("slash-cubic-metres-per-head", "人均用水量降至26.7立方米/人。", ["26.7 立方米/人"]),
    # a measure averaged per day is per day, as written (吨/日); money and counts keep their unit
    ("per-day-average-measure", "城区日均收运餐厨垃圾由上年的86吨提高到93吨，", ["86 吨/日", "93 吨/日"]),
    ("per-day-written", "新建污水处理厂设计规模2万吨/日。", ["20000 吨/日"]),
    ("per-day-average-count", "景区日均接待游客1.2万人次，", ["12000 人次"]),
    # deaths per 亿元 of GDP, the work-safety indicator, as its bare number states it (also as a plan's bound)
    ("deaths-per-gdp", "全县亿元地区生产总值生产安全事故死亡率为0.021，", ["0.021 人/亿元"]),
    ("deaths-per-gdp-bound", "亿元GDP生产安全事故死亡率控制在0.02以内；", ["0.02 人/亿元 approx=以内 bound=<="]),
    # counter + 次, a weight in standard coal, per-mille points, teaching hours, megawatts
    ("counter-visits", "全年受理群众来信来访1376件次，同比下降4.2%。", ["1376 件次", "4.2 %"]),
    ("standard-coal", "公共机构能源消费总量3826.4吨标准煤，人均综合能耗165.2千克标准煤/人，",
     ["3826.4 吨标准煤", "165.2 千克标准煤/人"]),
    ("per-mille-points", "新生儿死亡率下降0.31个千分点。", ["0.31 个千分点"]),
    ("teaching-hours", "全年开展应急疏散培训6课时，", ["6 课时"]),
    ("megawatts", "屋顶光伏装机容量达到2.35兆瓦。", ["2.35 兆瓦"]),
    # a per-thousand level listed with 分别 after long names is per thousand people, however far
    ("per-thousand-list", "按常住人口计算，每千常住人口医疗卫生机构床位数、卫生技术人员数、执业（助理）医师数、"
     "注册护士数分别为6.31张、8.72人、3.05人和3.66人。",
     ["6.31 张/千人", "8.72 人/千人", "3.05 人/千人", "3.66 人/千人"]),
    # (far back in its clause and no 分别: the population names another figure)
    ("per-thousand-far-no-list", "每千人口床位数在全市各县区中排名靠前并保持稳定增长态势，全县基层医疗卫生机构共有床位数达到1260张",
     ["1260 张"]),
]


@pytest.mark.parametrize("text,expected", [r[1:] for r in CASES], ids=[r[0] for r in CASES])
def test_built_units(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_split_built_units() -> None:
    assert split_unit("万吨标准煤")[1:] == ("吨标准煤", 10000)
    assert split_unit("元/公里/年")[1] == "元/公里/年"
    assert split_unit("元/年/公里")[1] == "元/公里/年"  # who or what before when
    assert split_unit("宗次")[1] == "宗次"


def test_amounts_naming_a_class_of_things_counted() -> None:
    """年收入50万元以上的村3个, 20万元至50万元的村5个, 30万元以下的村: an amount bounded or ranged, then
    的 and the noun of the things counted (and their count), names the class, no figure; a bound
    amount stated as a value (均达到10万元以上) and a range of its own (由2万元至3万元不等) stay figures."""
    text = ("全镇11个行政村集体经济收入均达到10万元以上，其中年收入50万元以上的村2个，20万元至50万元的村4个；"
            "力争全面消除年收入20万元以下的村，单项补助由2万元至3万元不等。")
    got = [(str(q.value), q.role) for q in find_quantities(text, year=2025)]
    assert got == [("11", "value"), ("100000", "value"), ("500000", "class"), ("2", "value"),
                   ("200000", "class"), ("500000", "class"), ("4", "value"), ("200000", "class"),
                   ("20000", "value"), ("30000", "value")]


def test_a_named_ratio_may_carry_a_bound() -> None:
    """城乡居民收入比缩小到1.85以内: a bare number a ratio names, with its bound (was no figure)."""
    q, = find_quantities("城乡居民收入比缩小到1.85以内，", year=2025)
    assert (str(q.value), q.unit, q.approx, q.bound) == ("1.85", "", "以内", "<=")
