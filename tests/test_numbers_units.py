"""Example table for units, signs, hedges and unit-less head-counts (issue 9, family 7).

Sentences are our own, in the genre's words, about fictional places.  Notation as in
``test_numbers.py``: one ``"VALUE UNIT [key=value …]"`` per quantity, in order.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_numbers import _check

from gongwen.extract.figures.grammar.changes import find_changes
from gongwen.extract.figures.grammar.numbers import find_quantities
from gongwen.extract.figures.grammar.units import split_unit, unit_kind

UNITS = [
    ("accidents-qi", "全年发生一般生产安全事故14起，同比减少4起", ["14 起", "4 起"]),
    ("accidents-cn-qi", "未发生较大事故，全年查处违法案件三起", ["3 起"]),
    ("dollars-yi", "实际利用外资1.38亿美元", ["138000000 美元 q=1000000"]),
    ("dollars-wan", "完成外贸出口3260万美元", ["32600000 美元"]),
    ("jin-wan", "收购稻谷6.2万斤，带动农户增收", ["62000 斤"]),
    ("gongjin-per-mu", "亩产达到434公斤", ["434 公斤/亩"]),  # a yield per mu, in the unit as written
    ("qi-training-rounds", "举办家政服务培训班12期", ["12 期"]),
    ("qi-cn-project-name", "二期工程完成主体施工", []),
    ("zhi-he-ban", "发放防疫药品500盒、1200板，口罩300只", ["500 盒", "1200 板", "300 只"]),
    ("bus-routes", "新开通城乡公交线路3路", ["3 路"]),
    ("livestock-tou", "全年生猪出栏46.8万头，家禽出栏612万只", ["468000 头", "6120000 只"]),
    ("tai-and-taijian", "检定计量器具18600台件，维修农机45台", ["18600 台件", "45 台"]),
    ("enterprise-visits", "检查生产经营单位1146家次", ["1146 家次"]),
    ("enterprise-visits-paren", "开展联合检查900余家(次)", ["900 家次 approx=余 bound=>"]),
    ("da-lei", "药品目录调整涉及8大类", ["8 大类"]),
    ("vehicle-visits", "查处超限车辆457辆次", ["457 辆次"]),
    ("book-loans", "图书借阅48.2万册次，新增藏书1.2万册", ["482000 册次", "12000 册"]),
    ("batches", "抽检食品1200批次", ["1200 批次"]),
    ("vaccine-doses", "接种疫苗3.6万剂次", ["36000 剂次"]),
    ("area-square-metres", "改造老旧小区26.5万平方米", ["265000 平方米"]),
    ("area-square-km", "建成区面积24.6平方公里", ["24.6 平方公里"]),
    ("air-quality", "PM2.5平均浓度为32微克/立方米", ["32 微克/立方米"]),
    ("per-100k", "孕产妇死亡率为8.32/10万", ["8.32 1/10万 q=0.01"]),
    ("per-100k-bound", "孕产妇死亡率控制在10/10万以下", ["10 1/10万 approx=以下 bound=<="]),
    ("per-mille-birth", "人口出生率6.5‰", ["6.5 ‰"]),
    ("working-days", "企业开办时间压缩至0.8个工作日", ["0.8 个工作日"]),  # the unit as written
    ("per-kilogram", "生猪出栏均价为每公斤14.2元，亩均投资不低于3000元", ["14.2 元/公斤", "3000 元/亩 approx=不低于 bound=>="]),
    ("eight-rules-is-a-name", "严格执行中央八项规定精神，加装电梯26台", ["26 台"]),
    ("two-digit-is-no-count", "房地产开发投资降幅仍在两位数，新增讲解员3位", ["3 人"]),
    ("sets-and-containers", "储备救灾物资18.6万件（套），完成集装箱吞吐量21.6万标箱", ["186000 件（套）", "216000 标箱"]),
    ("working-days-bare", "审批时限由5工作日缩短到3工作日", ["5 工作日", "3 工作日"]),
    ("calendar-days-stay-days", "整改期限30天", ["30 天"]),
    ("medals-trees-and-visits", "获得金牌58枚，植树38万株，检查项目318个次", ["58 枚", "380000 株", "318 个次"]),
    ("per-mu-per-year", "按每亩每年16元标准兑现补偿", ["16 元/亩/年"]),
    ("counters-after-arabic-only", "首批3组共12人，第一组先行", ["3 组", "12 人"]),
    ("yields-per-mu", "粮食亩产430公斤，单产394.4公斤/亩，水稻亩产612斤，化肥1200千克", ["430 公斤/亩", "394.4 公斤/亩", "612 斤/亩", "1200 千克"]),
    ("back-references-are-no-counts", "两项指标均为最好水平，两项基金均实现收支平衡，新建两所学校", ["2 所"]),
    ("per-counter-rates", "每部补助20万元，每具补贴900元，每个村补助5万元", ["200000 元/部", "900 元/具", "50000 元"]),
    ("lifts-and-an-age-after-wei", "加装电梯42部，为65岁及以上老年人体检5.94万人次，一部分群众", ["42 部", "59400 人次"]),
    ("ri-nei-is-days", "投诉7个工作日内受理、60日内办结，15日以内答复", ["7 个工作日", "60 天", "15 天 approx=以内 bound=<="]),
    ("ri-alone-is-no-duration", "每月5日前完成报表报送", []),
    ("flats-or-rooms", "筹集保障性租赁住房1,870套(间)，新建1,140套，改建730套（间）",
     ["1870 套(间)", "1140 套", "730 套(间)"]),
    ("kilometre-not-thousand-metres", "农村公路总里程达到4274.8千米", ["4274.8 公里"]),
    ("kva-not-thousand", "变电容量28.3万千伏安", ["283000 千伏安"]),
    ("lei-arabic", "药品集采覆盖26类", ["26 类"]),
    ("lei-cn-determiner", "聚焦四类重点人员", []),
    ("zhong-arabic", "新增集采药品50种", ["50 种"]),
    # units the table lacked (session 13): loans and payments are counted in 笔, inspections in
    # 项次, transport work in 人公里 and 吨公里; a bracketed alternative 台（件） is the one unit 台件
    ("loans-bi", "本年办理提取业务3.17万笔，发放贷款1,208笔，一笔资金", ["31700 笔", "1208 笔"]),
    ("inspections-xiangci", "抽查在建项目462项次，整改问题38项", ["462 项次", "38 项"]),
    ("passenger-and-freight-km", "完成客运周转量3.6亿人公里、货运周转量41.2亿吨公里",
     ["360000000 人公里", "4120000000 吨公里"]),
    ("taijian-bracketed", "检定计量器具1.4万台（件），校准衡器620台(件)", ["14000 台件", "620 台件"]),
]

SIGNS = [
    ("negative-growth", "规模以上工业增加值增速-4.7%", ["-4.7 % aw=-4.7%"]),
    ("negative-unicode-minus", "进出口总额增速为−3.5%", ["-3.5 %"]),
    ("negative-in-paren", "服务业增加值（-1.2%）", ["-1.2 %"]),
    ("negative-money", "利润总额-3.2亿元", ["-320000000 元"]),
    ("dash-range-not-sign", "每户补助300-500元", ["300 元 range=low", "500 元 range=high"]),
    ("line-dash-not-sign", "工作报告\n-10篇", ["10 篇"]),
    ("month-interval-not-sign", "1-11月累计发放23.6万元", ["236000 元"]),
    ("code-not-sign", "COVID-19疫苗接种率95%", ["95 %"]),
]

HEDGES = [
    ("qianyue-not-yue", "家庭医生签约120人", ["120 人"]),
    ("jieyue-not-yue", "节约资金300万元", ["3000000 元"]),
    ("yuyue-not-yue", "预约诊疗1.2万人次", ["12000 人次"]),
    ("jiujin-not-jin", "就近安置就业300人", ["300 人"]),
    ("yue-still-hedge", "惠及群众约500人", ["500 人 approx=约 bound=~"]),
    ("jiejin-still-hedge", "接近3000人", ["3000 人 approx=接近 bound=<="]),
]

PERSON_COUNTS = [
    ("wan-elderly", "为4.85万低收入高龄老人发放补贴", ["48500 人 nu=1"]),
    ("wan-duo-masses", "惠及3万多困难群众", ["30000 人 approx=多 bound=> nu=1"]),
    ("wan-recipients", "全县4.2万城乡低保对象全部纳入", ["42000 人 nu=1"]),
    ("wan-money-not-person", "资金3万用于困难群众", []),
    ("wan-ming-written", "帮助2.1万名群众", ["21000 人"]),
]

SCALED = [
    ("yi-takes-earlier-yuan", "全年总产值46.6亿元,同比增长28%;省内产值38.6亿,同比增长21%",
     ["4660000000 元", "28 %", "3860000000 元 nu=1", "21 %"]),
    ("wan-takes-money-first", "完成投资21.7亿元；销售面积31.6万平方米；从业人员工资4935.7万，同比增长8%",
     ["2170000000 元", "316000 平方米", "49357000 元 nu=1", "8 %"]),
    ("per-capita-level", "农村居民人均可支配收入达到19472元", ["19472 元"]),
    ("per-capita-rate-kept", "月人均补差由466元提高到512元", ["466 元/人/月", "512 元/人/月"]),
    ("per-capita-rate-over-labelled-items", "月人均补差城镇由542元提高到569元、农村由398元降低到378元，城镇每人每月812元、农村628元",
     ["542 元/人/月", "569 元/人/月", "398 元/人/月", "378 元/人/月", "812 元/人/月", "628 元/人/月"]),
    ("per-visit", "人次均救助水平达到1847元", ["1847 元/人次"]),
    ("per-household-month", "发放租赁补贴，户均每月500元", ["500 元/户/月"]),
    ("per-village", "村集体经济收入1186万元，村均98.8万元", ["11860000 元", "988000 元/村"]),
    ("per-case", "查处案件46件，案均罚款7.12万元", ["46 件", "71200 元/件"]),
    ("per-visit-after-visits", "实施临时救助465人次，发放资金96.8万元，人均救助2,082元。救助群众320人，人均救助1500元",
     ["465 人次", "968000 元", "2082 元/人次", "320 人", "1500 元/人"]),
    ("per-student", "营养改善计划补助标准为每生每天5元，寄宿生生活补助每生每年1250元",
     ["5 元/人/天", "1250 元/人/年"]),
    ("life-expectancy-is-a-value", "人均预期寿命由2022年的79.12岁提高到79.46岁，60周岁以上老年人3.2万人",
     ["79.12 岁", "79.46 岁", "32000 人"]),
    ("bed-days-and-map-sheets", "实际占用总床日数28.47万床日，地形图测制1246幅，新增植保无人机26台套",
     ["284700 床日", "1246 幅", "26 台套"]),
    ("a-picture-is-no-count", "绘就一幅乡村振兴新画卷", []),
    ("square-km-in-latin", "完成全市60km2的水土流失治理任务", ["60 平方公里"]),
    ("per-student", "校舍建筑面积生均54.20平方米", ["54.20 平方米/人"]),
    ("per-thousand-people", "每千人口执业（助理）医师3.12人，每千名老年人拥有养老床位33.5张，全县医师1200人",
     ["3.12 人/千人", "33.5 张/千人", "1200 人"]),
]


@pytest.mark.parametrize("text,expected", [r[1:] for r in UNITS], ids=[r[0] for r in UNITS])
def test_units(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [r[1:] for r in SIGNS], ids=[r[0] for r in SIGNS])
def test_signs(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [r[1:] for r in HEDGES], ids=[r[0] for r in HEDGES])
def test_hedges_inside_words(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [r[1:] for r in PERSON_COUNTS], ids=[r[0] for r in PERSON_COUNTS])
def test_person_counts_without_unit_word(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [r[1:] for r in SCALED], ids=[r[0] for r in SCALED])
def test_scaled_and_per_capita(text: str, expected: list[str]) -> None:
    _check(text, expected)


CHANGES = [
    ("growth-noun-negative", "增加值增速-4.7%", Decimal("-4.7")),
    ("decrease-with-sign", "出口额同比下降-2.1%", Decimal("-2.1")),
    ("increase-with-sign", "税收收入同比增长-6.3%", Decimal("-6.3")),
    ("decrease-plain", "事故起数同比下降12.5%", Decimal("-12.5")),
    ("fewer-accidents", "较上年减少4起", Decimal("-4")),
    ("shortened", "办理时限平均缩短40%", Decimal("-40")),
    ("price-cut", "中选药品平均降价53%以上", Decimal("-53")),
]


@pytest.mark.parametrize("text,delta", [r[1:] for r in CHANGES], ids=[r[0] for r in CHANGES])
def test_signed_changes(text: str, delta: Decimal) -> None:
    ch, = find_changes(text, find_quantities(text))
    assert ch.delta == delta


KINDS = [("亩", "measure"), ("公里", "measure"), ("吨", "measure"), ("平方米", "measure"),
         ("起", "count"), ("头", "count"), ("元", "money"), ("美元", "money"), ("元/人/月", "rate"),
         ("工作日", "time"), ("天", "time"), ("1/10万", "percent"), ("‰", "percent"), ("人次", "person_time")]


@pytest.mark.parametrize("unit,kind", KINDS, ids=[k[0] for k in KINDS])
def test_unit_kinds(unit: str, kind: str) -> None:
    assert unit_kind(unit) == kind


def test_slash_units_whole() -> None:
    assert split_unit("/10万") == ("1/10万", "1/10万", Decimal(1))
    assert split_unit("万美元") == ("美元", "美元", Decimal(10000))
    assert split_unit("千米") == ("公里", "公里", Decimal(1))
