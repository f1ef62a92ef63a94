"""Example table for the number grammar: quantities with value, unit, hedge, bound, precision.

Rows are grouped by where the case came from (STYLE.md 13): the development set (the kinds of
figure the shared report writes, in invented words and numbers about fictional places), the tricky-strings survey
(../shared/notes/figures-tricky-strings.md), bugs caught while building, and known gaps pinned
with ``xfail(strict=True)``.

Expected notation, one string per quantity, in order: ``"VALUE UNIT [key=value …]"`` with keys
``approx``, ``bound``, ``q`` (quantum), ``range`` (low/high), ``cond`` (condition), ``aw``
(as_written), ``nu`` (needs_unit: 1).  An empty list means: no quantity at all.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongwen.extract.figures.grammar.numbers import find_conditions, find_quantities

DEV = [
    ("rate-from-to-old", "青禾镇住房补贴标准由现行每人每月820元提高到每人每月915元",
     ["820 元/人/月 aw=每人每月820元", "915 元/人/月"]),
    ("wan-yuan-4dp", "1-9月累计发放救助金2875.4163万元", ["28754163 元 q=1 aw=2875.4163万元"]),
    ("wan-yuan-5dp", "1-8月发放照护补助248.30592万元", ["2483059.2 元 q=0.1"]),
    ("wan-yuan-2dp-quantum", "共38.64万元", ["386400 元 q=100"]),
    ("wan-yuan-1dp", "发放应急补助资金12.6万元", ["126000 元 q=1000"]),
    ("rate-per-visit", "帮扶水平为612.38元/人次", ["612.38 元/人次 q=0.01"]),
    ("rate-per-visit-fullwidth-slash", "帮扶水平为612.38元／人次", ["612.38 元/人次"]),
    ("households-then-people", "全镇保障对象4826户8719人", ["4826 户", "8719 人"]),
    ("paren-breakdown", "（城区对象352户611人，乡村对象4474户8108人）",
     ["352 户", "611 人", "4474 户", "8108 人"]),
    ("rate-per-year-slashes", "交通补助从原来1740元/人/年提高到1890元/人/年",
     ["1740 元/人/年", "1890 元/人/年"]),
    ("yuan-big-integer", "照护补助发放金额17364280元", ["17364280 元"]),
    ("person-times", "全县开展应急帮扶365人次共38.64万元", ["365 人次", "386400 元"]),
    ("hours", "坚持24小时热线值守", ["24 小时"]),
    ("count-times-then-people", "夜间巡查12次转介就医19人", ["12 次", "19 人"]),
    ("unitless-in-paren", "接待总数126人次(站内接待98，站外接待28人)",
     ["126 人次", "98 人次 nu=1", "28 人"]),
    ("days-threshold", "停留10天以上37人", ["10 天 approx=以上 bound=>=", "37 人"]),
    ("ming-is-person", "共为5218名独居老人建立台账", ["5218 人"]),
    ("percent", "建档率已达到100%", ["100 %"]),
    ("percent-fullwidth", "确保新任人员100％持证上岗", ["100 %"]),
    ("percent-care-of", "力争回访率保持在100℅以上", ["100 % approx=以上 bound=>="]),
    ("le-with-han", "补助金额在2000元（含）以下的由街道审批", ["2000 元 approx=（含）以下 bound=<="]),
    ("beds", "护理床位从原有的96张，增加到142张", ["96 张", "142 张"]),
    ("rooms", "全区9间街道日照中心共有床位数268张", ["9 间", "268 张"]),
    ("age-conditions", "80至89周岁120元/人·月；90至99周岁200元/人·月；100周岁以上600元/人·月",
     ["120 元/人/月 cond=80至89周岁", "200 元/人/月 cond=90至99周岁", "600 元/人/月 cond=100周岁以上"]),
    ("about-wan", "共拨付助餐补贴资金约4300万元", ["43000000 元 approx=约 bound=~ q=10000"]),
    ("chinese-zong", "办结溪畔苑、云栖里等五宗", ["5 宗"]),
    ("chinese-ge", "建好东坪、南岭三个服务点", ["3 个"]),
    ("more-than-jia", "现有社区助餐点40多家", ["40 家 approx=多 bound=>"]),
    ("near-people", "近86人参加岗前培训", ["86 人 approx=近 bound=<="]),
    ("not-below-percent", "要对不低于25%的在册对象进行回访", ["25 % approx=不低于 bound=>="]),
    ("yuan-per-person-month-slash", "发放岗位补贴680元/人/月", ["680 元/人/月"]),
    ("bumen-is-ge", "会同住建局等7部门出台办法", ["7 个"]),
    ("no-space-ge", "现有71个（协会29个，基金会42个）", ["71 个", "29 个", "42 个"]),
    ("jia", "对6家物业企业进行约谈", ["6 家"]),
    ("year-then-count", "确保2022年新进人员100%培训", ["100 %"]),
    ("month-then-count", "2021年9月全区有分散供养人员2317人", ["2317 人"]),
    ("interval-then-money", "2021年1-6月发放燃气补贴635.2817万元", ["6352817 元"]),
    ("date-then-count", "截止9月28日，接待总数126人次", ["126 人次"]),
    ("doc-number-square", "依据《云岭市关于调整补贴的通知》（云住保[2021]7号）文件", []),
    ("doc-number-hex-bracket", "（云发改价格函[2021]218号）", []),
    ("title-with-numbers", "印发《青禾区70岁以上独居老人探访实施办法》", []),
    ("title-with-plan", "与《社区服务体系建设“十四五”规划》相比", []),
    ("year-since-no-nian", "2016以来，全区日照中心燃气设施已全部改造", []),
    ("slogan-yijiantiao", "推行村书记、主任“一肩挑”", []),
    ("program-name-two-subsidies", "落实残疾人两项补贴提标", []),
    ("quoted-regulations", "对照两个“办法”的规定", []),
    ("two-aspects", "从以下两个方面加以完善", []),
    ("determiner-two-items", "两项合计24816390元", ["24816390 元"]),
    ("article-yi-ci", "对活动室每天通风一次", []),
    ("ordinal-di", "第三次全国国土调查", []),
    ("ordinal-list", "1、持续开展安全隐患排查", []),
    ("ordinal-yishi", "一是健全街道议事规则", []),
    ("day-range", "参加9月12-14日举办的研修班（27人参加）", ["27 人"]),
    ("deadline-not-count", "于5月31日前全部完成换证工作", []),
    ("points-list", "合并11个服务站和128个居民小组", ["11 个", "128 个"]),
    ("han-prefix-lichun", "全区147个行政村、1296个自然村", ["147 个", "1296 个"]),
    ("percent-target", "助餐服务点70%的覆盖率", ["70 %"]),
    ("target-count", "要达到85个社区助餐服务点的目标", ["85 个"]),
    ("san-ji-not-count", "三级、四级肢体残疾人", []),
    ("si-lei-not-count", "四类必要支出核减标准", []),
    ("award-not-count", "东坪村获评一等奖、南岭村获评二等奖", []),
    ("cn-village-name", "七星瑶族乡新九村委会", []),
    ("signature-date", "青禾区住建局\n2021年12月8日", []),
]

NOTE = [
    ("wan-3856.7", "累计发放低保金3856.7万元", ["38567000 元 q=1000"]),
    ("thousands-comma-wan", "共发放救助资金4,356.21万元", ["43562100 元 q=100"]),
    ("yi-yuan", "拨付资金6.5亿元", ["650000000 元 q=10000000"]),
    ("yi-yuan-123", "投入资金1.23亿元", ["123000000 元 q=1000000"]),
    ("cn-decimal-yi", "投入资金一点三五亿元", ["135000000 元"]),
    ("cn-wan-qian", "共计三万二千元", ["32000 元 q=1000"]),
    ("cn-liang-qian-wan", "两千万元", ["20000000 元"]),
    ("cn-financial", "壹仟贰佰元整", ["1200 元"]),
    ("cn-ling", "一万零五百元", ["10500 元 q=100"]),
    ("cn2an-pr89", "一百九十万零三千九百七十一元", ["1903971 元 q=1"]),
    ("fullwidth-digits", "１２３４户，９１５元", ["1234 户", "915 元"]),
    ("fullwidth-comma-thousands", "大于或者等于４，５６５元", ["4565 元"]),
    ("thousands-comma-hu", "共3,215户", ["3215 户"]),
    ("per-mille", "死亡率0.5‰", ["0.5 ‰ q=0.1"]),
    ("cn-percent", "百分之零点五", ["0.5 %"]),
    ("yu-wan-yuan", "救助金额为5000余万元", ["50000000 元 approx=余 bound=> q=10000"]),
    ("wan-yu-ren", "惠及困难群众2.3万余人", ["23000 人 approx=余 bound=>"]),
    ("near-hu", "近3000户", ["3000 户 approx=近 bound=<="]),
    ("near-qianwan", "近千万元", ["10000000 元 approx=近 bound=<="]),
    ("about-ren", "约500人", ["500 人 approx=约 bound=~"]),
    ("cn-zuoyou", "二十万元左右", ["200000 元 approx=左右 bound=~"]),
    ("wan-duo", "3万多元", ["30000 元 approx=多 bound=>"]),
    ("cn-bai-duo-wan", "一百多万元", ["1000000 元 approx=多 bound=>"]),
    ("cn-shi-ji-wan", "十几万元", ["100000 元 approx=几 bound=>"]),
    ("rate-not-below", "按照每人每月不低于1000元的标准", ["1000 元/人/月 approx=不低于 bound=>="]),
    ("not-less", "不少于500万元", ["5000000 元 approx=不少于 bound=>="]),
    ("not-more", "不超过300元", ["300 元 approx=不超过 bound=<="]),
    ("above", "1000元以上", ["1000 元 approx=以上 bound=>="]),
    ("at-least", "至少300元", ["300 元 approx=至少 bound=>="]),
    ("two-bounds-comma", "补助标准不低于1000元，不少于500万元",
     ["1000 元 approx=不低于 bound=>=", "5000000 元 approx=不少于 bound=>="]),
    ("yu-wan-ren", "逾万人", ["10000 人 approx=逾 bound=>"]),
    ("shang-wan-ren", "上万人", ["10000 人 approx=上 bound=>="]),
    ("shu-bai-ren", "数百人", ["100 人 approx=数 bound=>"]),
    ("exceed-yi", "超过2亿元", ["200000000 元 approx=超过 bound=>"]),
    ("range-rate-month", "补助标准为300-500元/月", ["300 元/月 range=low", "500 元/月 range=high"]),
    ("range-wan-dash", "1万-2万元", ["10000 元 range=low", "20000 元 range=high"]),
    ("range-wan-emdash", "1万—2万元", ["10000 元 range=low", "20000 元 range=high"]),
    ("range-tilde", "80~100元", ["80 元 range=low", "100 元 range=high"]),
    ("range-fullwidth-tilde", "80～100元", ["80 元 range=low", "100 元 range=high"]),
    ("range-zhi", "300至500元", ["300 元 range=low", "500 元 range=high"]),
    ("range-people", "每组5至10人", ["5 人 range=low", "10 人 range=high"]),
    ("range-percent", "覆盖率63%-68%", ["63 % range=low", "68 % range=high"]),
    ("range-per-capita", "每人每月300-500元", ["300 元/人/月 range=low", "500 元/人/月 range=high"]),
    ("not-range-delta-target", "每人每月增加105元至912元", ["105 元/人/月", "912 元"]),
    ("rate-per-year-prefix", "农村低保标准提高到每人每年6888元", ["6888 元/人/年"]),
    ("rate-dot-year", "发放价格临时补贴2100元/人·年", ["2100 元/人/年"]),
    ("rate-month-dot-person", "915元/月·人", ["915 元/人/月"]),
    ("rate-paren", "915元/(人·月)", ["915 元/人/月"]),
    ("rate-month-avg", "月人均915元", ["915 元/人/月"]),
    ("rate-context", "月人均补差由466元提高到512元", ["466 元/人/月", "512 元/人/月"]),
    ("rate-per-household", "每户每月200元", ["200 元/户/月"]),
    ("rate-per-day", "每人每天20元", ["20 元/人/天"]),
    ("rate-year-income", "年人均可支配收入1.2万元以上", ["12000 元/人/年 approx=以上 bound=>="]),
    ("distributive-rates", "城乡低保平均标准分别达到每人每月726元、598元", ["726 元/人/月", "598 元/人/月"]),
    ("growth-pct", "同比增长12.5%", ["12.5 % q=0.1"]),
    ("points", "较去年同期下降3.2个百分点", ["3.2 个百分点"]),
    ("cn-percent-above", "百分之九十五以上的困难群众", ["95 % approx=以上 bound=>="]),
    ("cheng", "九成以上", ["90 % approx=以上 bound=>= q=10"]),
    ("cheng-plain", "七成", ["70 %"]),
    ("times", "增长1.3倍", ["1.3 倍 q=0.1"]),
    ("from-year-of", "低保对象由2019年的5.6万人减少到4.9万人", ["56000 人", "49000 人"]),
    ("adjacent-counts", "全县共有城市低保对象1234户2156人", ["1234 户", "2156 人"]),
    ("wan-hu-wan-ren", "2.1万户4.5万人", ["21000 户 q=1000", "45000 人 q=1000"]),
    ("wan-person-times", "全年实施临时救助1.2万人次", ["12000 人次"]),
    ("zhang", "发放电子消费券10万张", ["100000 张"]),
    ("ge-ming", "312个、1890名", ["312 个", "1890 人"]),
    ("qizhong", "其中城市低保1.1万户，农村低保2.1万户", ["11000 户", "21000 户"]),
    ("pairs", "较上年减少68对", ["68 对"]),
    ("list-yishi", "一是加强宣传；二是加强培训；三是加强督导", []),
    ("heading-paren", "（一）健全社会救助体系", []),
    ("heading-dot", "1.加强组织领导", []),
    ("di-yi", "第一，落实责任", []),
    ("plan-13", "十三五期间成效明显", []),
    ("plan-14", "谋划十四五规划", []),
    ("slogan-liangbuchou", "实现两不愁三保障", []),
    ("slogan-yihuyice", "坚持一户一策", []),
    ("slogan-yiduiyi", "开展一对一帮扶", []),
    ("slogan-sanwu", "“三无”人员", []),
    ("program-wubaohu", "五保户", []),
    ("slogan-four", "协调推进四个全面", []),
    ("slogan-shuangsuiji", "推行双随机、一公开监管", []),
    ("one-stop", "一站式服务", []),
    ("one-door", "一门受理", []),
    ("doc-number-min", "民发〔2020〕69号", []),
    ("doc-number-chuan", "川民发〔2020〕12号", []),
    ("law-article", "《社会救助暂行办法》第十三条", []),
    ("di-3-hao", "第3号", []),
    ("hotline", "拨打12345热线", []),
    ("phone", "咨询电话：0817-1234567", []),
    ("figure-table", "见图1和表3", []),
    ("table-unit-header", "单位：万元", []),
    ("yuandan", "元旦、元月", []),
    ("set-phrases", "千方百计，确保万无一失，十分重要", []),
    ("tongyi", "统一零售价", []),
    ("yidai-yilu", "一带一路、九三学社", []),
    ("year-not-count", "2020年", []),
    ("year-of-then-count", "2019年的5.6万人", ["56000 人"]),
]

BUGS = [
    ("hyphen-lookbehind-range", "300-500元", ["300 元 range=low", "500 元 range=high"]),
    ("pct-before-cn-branch", "百分之九十五", ["95 %"]),
    ("zhou-nian-not-week", "庆祝建国70周年", []),
    ("condition-not-quantity", "60周岁以上老人", []),
    ("unitless-ordinal-dunhao", "方面1、持续做好垃圾分类", []),
    ("new-plus-verb-not-range", "比上年多5户至30户", ["5 户", "30 户"]),
    ("cn-article-yi-ge", "一个是做好台账工作", []),
    ("ten-minutes", "十分钟内响应", ["10 分钟"]),
    ("cn-adjacent-range", "五六百万元", ["5000000 元 range=low", "6000000 元 range=high"]),
    ("cn-adjacent-range-shi", "三四十万元", ["300000 元 range=low", "400000 元 range=high"]),
    ("cn-ji-shi-wan", "几十万元", ["100000 元 approx=几 bound=>"]),
    ("cn-shu-shi-ren", "数十人", ["10 人 approx=数 bound=>"]),
    ("cn-shang-not-hedge", "上三个月", ["3 个月"]),
    ("ascii-comma-between-counts", "发放100元,200元", ["100 元", "200 元"]),
    ("comma-list-not-number", "第1,2,3项", []),
    ("cn-adjacent-age-condition", "八九十岁老人", []),
    ("bare-qian-yu", "惠及群众千余人", ["1000 人 approx=余 bound=>"]),
    ("bare-bai-duo", "组织志愿者百多人次", ["100 人次 approx=多 bound=>"]),
    ("qian-not-alone", "千家万户", []),
    ("san-fangmian", "从三方面入手", []),
    ("range-wan-shared", "300-500万元", ["3000000 元 range=low", "5000000 元 range=high"]),
    ("range-low-in-base", "5000-1万元", ["5000 元 range=low", "10000 元 range=high"]),
    ("raw-spaces", "2021 年 9 月全区保障对象 4826 户 8719 人，发放 2875.4163 万元",
     ["4826 户", "8719 人", "28754163 元"]),
    ("raw-unitless-space", "接待总数 126 人次(站内接待 98 ，站外接待 28 人)",
     ["126 人次", "98 人次 nu=1", "28 人"]),
    ("raw-rate-space", "帮扶水平为 612.38 元／人次", ["612.38 元/人次"]),
    ("near-baiwan-doses", "新冠疫苗接种近百万剂次", ["1000000 剂次 approx=近 bound=<="]),
    ("within-percent", "失业率控制在2.8%以内", ["2.8 % approx=以内 bound=<="]),
    ("age-condition-health", "65岁以上老年人健康管理率达72.5%", ["72.5 % q=0.1"]),
    ("per-mille-rate", "婴儿死亡率2.1‰", ["2.1 ‰"]),
    ("square-metres-wan", "改造校舍面积3.6万平方米", ["36000 平方米 q=1000"]),
    ("labelled-list-rate", "月人均补差城区为512元、乡村为377元。", ["512 元/人/月", "377 元/人/月"]),
    ("list-rate-he", "津贴分别为每人每月60元、120元和320元。",
     ["60 元/人/月", "120 元/人/月", "320 元/人/月"]),
    ("list-rate-not-across-de", "按每人每月915元的标准发放资金100元", ["915 元/人/月", "100 元"]),
    ("age-as-value", "村委成员平均年龄下降3.8岁", ["3.8 岁"]),
    ("age-as-value-wei", "平均年龄为46.5岁", ["46.5 岁"]),
    ("age-condition-60", "年满60周岁以上老人", []),
    ("from-list-rates", "分别由每人每年1800元、2400元提高到1950元、2580元。",
     ["1800 元/人/年", "2400 元/人/年", "1950 元/人/年", "2580 元/人/年"]),
]

GAPS = [
    # policy: the cleaner joins a number split by a PDF space only on layout evidence; the
    # grammar does not guess, so on raw text it sees "856.7万元"
    ("pdf-space-in-number", "3 856.7万元", ["38567000 元"]),
    ("pdf-linebreak-in-number", "38\n56.7万元", ["38567000 元"]),
    # 十几 is read as "more than 10" without the upper bound 20
    ("cn-shi-ji-upper-bound", "十几万元", ["100000 元 range=low", "200000 元 range=high"]),
]


def _parse(exp: str) -> dict[str, str]:
    parts = exp.split()
    d = {"value": parts[0], "unit": parts[1]}
    for kv in parts[2:]:
        k, _, v = kv.partition("=")
        d[k] = v
    return d


def _check(text: str, expected: list[str]) -> None:
    got = find_quantities(text, year=2020)
    assert len(got) == len(expected), [(q.as_written, q.value, q.unit) for q in got]
    for q, exp in zip(got, expected):
        e = _parse(exp)
        assert text[q.span.start:q.span.end] == q.as_written
        assert q.value == Decimal(e["value"]), (q.as_written, q.value)
        assert q.unit == e["unit"], (q.as_written, q.unit)
        if "approx" in e:
            assert q.approx == e["approx"] and q.bound == e["bound"], (q.approx, q.bound)
        else:
            assert q.approx is None and q.bound is None, (q.as_written, q.approx)
        if "q" in e:
            assert q.quantum == Decimal(e["q"]), (q.as_written, q.quantum)
        if "range" in e:
            assert q.range_role == e["range"] and q.range_id
        else:
            assert q.range_role is None and q.range_id is None, q.as_written
        if "cond" in e:
            assert q.condition == e["cond"]
        if "aw" in e:
            assert q.as_written == e["aw"]
        assert q.needs_unit == bool(e.get("nu")), q.as_written


@pytest.mark.parametrize("text,expected", [r[1:] for r in DEV], ids=[r[0] for r in DEV])
def test_development_set(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [r[1:] for r in NOTE], ids=[r[0] for r in NOTE])
def test_tricky_strings(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [r[1:] for r in BUGS], ids=[r[0] for r in BUGS])
def test_bugs_caught(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text,expected", [
    pytest.param(*r[1:], id=r[0], marks=pytest.mark.xfail(strict=True)) for r in GAPS])
def test_known_gaps(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_range_ends_share_id() -> None:
    lo, hi = find_quantities("补助标准为300-500元/月")
    assert lo.range_id == hi.range_id and lo.range_id is not None
    assert (lo.range_role, hi.range_role) == ("low", "high")


def test_conditions_exposed() -> None:
    conds = find_conditions("80至89周岁120元/人·月；100周岁以上600元/人·月")
    assert [(c.text, c.low, c.high) for c in conds] == [
        ("80至89周岁", Decimal(80), Decimal(89)), ("100周岁以上", Decimal(100), None)]


def test_unit_as_written_keeps_prefix() -> None:
    q, = find_quantities("每人每月915元")
    assert q.unit_as_written == "每人每月…元" and q.unit_source == "prefix"


UNITS = [
    ("元/人·月", "元", "元/人/月", "1"),
    ("元/(人·月)", "元", "元/人/月", "1"),
    ("元/月·人", "元", "元/人/月", "1"),
    ("元/人月", "元", "元/人/月", "1"),
    ("元／人次", "元", "元/人次", "1"),
    ("元/人/年", "元", "元/人/年", "1"),
    ("名", "人", "人", "1"),
    ("℅", "%", "%", "1"),
    ("成", "%", "%", "10"),
    ("万元", "元", "元", "10000"),
    ("亿元", "元", "元", "100000000"),
    ("万人次", "人次", "人次", "10000"),
    ("个百分点", "个百分点", "个百分点", "1"),
]


@pytest.mark.parametrize("written,base,unit,factor", UNITS, ids=[u[0] for u in UNITS])
def test_unit_table(written: str, base: str, unit: str, factor: str) -> None:
    from gongwen.extract.figures.grammar.units import split_unit

    assert split_unit(written) == (base, unit, Decimal(factor))
