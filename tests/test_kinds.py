"""Example table for figure kinds (actual | target | standard | condition | change | completion |
share): the context of one figure and the kind it must get.

Grouped by origin as in tests/test_numbers.py.  Every phrase is invented for this table.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from gongwen.extract.figures.labels.kinds import column_kind, figure_kind, is_review_heading

PLAN = ("2025年工作计划", "强化基层服务")
REVIEW_IN_PLAN = ("2024年工作基础",)


def _kind(clause: str, unit: str = "人", *, sentence: str = "", after: str = "", heads: tuple[str, ...] = (),
          plan_document: bool = False, after_level: bool = False, written: str = "", past: bool = False) -> str:
    return figure_kind(SimpleNamespace(clause=clause, before=sentence + clause, after=after, unit=unit, delta=False,
                                       headings=heads, bound=None, plan_document=plan_document, past=past,
                                       after_level=after_level, written=written))


# (id, kwargs for _kind, expected kind)
FAMILIES = [
    # a time limit or a floor set by a rule is a condition, in a plan section too
    ("time-limit-in-plan", dict(clause="群众来电须在", unit="小时", heads=PLAN), "condition"),
    ("duty-hours", dict(clause="节假日实行", unit="小时", heads=PLAN), "condition"),
    ("duration-achieved", dict(clause="不动产登记平均办理时间压缩至", unit="工作日"), "actual"),
    ("floor-on-a-rate", dict(clause="随机抽查比例不低于", unit="%", heads=PLAN), "condition"),
    ("each-must", dict(clause="每个社区至少配备", unit="人", heads=PLAN), "condition"),
    ("each-as-goal", dict(clause="力争每个街道配备社工不少于", unit="人", heads=PLAN), "target"),
    # a plan raising a standard sets policy; a goal to reach one says so (确保…不低于)
    ("standard-raised-in-plan", dict(clause="城市、农村低保标准分别提高到", unit="元/人/月", heads=PLAN), "standard"),
    ("standard-as-goal", dict(clause="确保农村低保标准不低于", unit="元/人/年", heads=PLAN), "target"),
    # target verbs govern the sentence; target nouns only the number they stand next to
    ("noun-target-base", dict(clause="完成年度计划", unit="元", after="的106%"), "target"),
    ("after-noun-target", dict(clause="较上年同期增加", sentence="完成年度计划9亿元的106%，"), "change"),
    ("after-control-target", dict(clause="比", unit="%", after="的年度控制目标低0.4个百分点"), "target"),
    ("estimate-is-a-result", dict(clause="预计全年实现农业总产值", unit="元"), "actual"),
    ("life-expectancy", dict(clause="人均预期寿命达到", unit="岁"), "actual"),
    ("funds-secured", dict(clause="争取省级补助资金", unit="元"), "actual"),
    ("funds-goal", dict(clause="力争新增就业", unit="人"), "target"),
    ("named-plan-program", dict(clause="实施“青苗计划”，培训青年干部", unit="人次"), "actual"),
    ("bare-task-count", dict(clause="已完成整改任务", unit="项"), "actual"),
    # a work plan's look back and its present are results
    ("review-in-plan", dict(clause="全年新建村级服务站", unit="个", heads=REVIEW_IN_PLAN, plan_document=True), "actual"),
    ("present-in-plan", dict(clause="目前全区在册志愿者", heads=PLAN, plan_document=True), "actual"),
    ("plan-section", dict(clause="新建村级服务站", unit="个", heads=PLAN), "target"),
    ("standard-in-plan", dict(clause="补助标准为", unit="元/户", heads=PLAN), "standard"),
    # averages paid are results, per-capita rates set by policy are standards
    ("average-paid", dict(clause="", unit="元/人", written="人均3.2万元"), "actual"),
    ("rate-set", dict(clause="城市低保标准提高到", unit="元/人/月"), "standard"),
    ("per-100k-rate", dict(clause="报告发病率为", unit="/10万"), "actual"),
    # shares and changes
    ("share-of-noun", dict(clause="全区尚有", unit="%", after="的村未通公交"), "share"),
    ("increment-after-level", dict(clause="新增", unit="家", after_level=True), "change"),
    ("new-without-level", dict(clause="全年新增", unit="家"), "actual"),
    ("rate-in-brackets", dict(clause="增速比全市平均增速(", unit="%"), "change"),
    ("raised-to-level", dict(clause="起付线由1.2万元降低至", unit="元"), "standard"),
    ("raised-standard-word", dict(clause="照护补助标准由每人每月120元提高到", unit="元"), "standard"),
    ("standard-of-the-number-before", dict(clause="按每人每月90元标准发放补贴", unit="元"), "actual"),
    ("average-per-event", dict(clause="", unit="元/场", written="场均1.2万元"), "actual"),
    ("loan-ceiling-in-plan", dict(clause="创业担保贷款额度最高", unit="元", heads=PLAN), "standard"),
    # durations counted are results; a ceiling on months is a rule
    ("days-counted", dict(clause="全年空气质量优良天数", unit="天"), "actual"),
    ("months-of-reserve", dict(clause="基金可支付约", unit="个月"), "actual"),
    ("months-ceiling", dict(clause="轮候时间不超过", unit="个月"), "condition"),
    # a time is a limit only where the text marks it one (a limit word before, a bound or limit noun after)
    ("hours-broadcast", dict(clause="全年累计转播上级台节目", unit="小时"), "actual"),
    ("days-opened", dict(clause="展厅全年对外开放", unit="天"), "actual"),
    ("limit-bound-after", dict(clause="接到投诉后", unit="个工作日", after="内答复"), "condition"),
    ("limit-noun-after", dict(clause="库存血液保障低于", unit="天", after="警戒线的情况"), "condition"),
    ("limit-word-before", dict(clause="窗口办理时限为", unit="个工作日"), "condition"),
    # budgets, plans named as nouns, shares in a work plan
    ("budget-completion", dict(clause="为年初预算9亿元的", unit="%"), "completion"),
    ("budget-base", dict(clause="为年初预算", unit="元", after="的101.3%"), "target"),
    ("plan-as-noun", dict(clause="组织演练", unit="场", sentence="修订调度运用计划，"), "actual"),
    ("share-in-plan-document", dict(clause="比重由29.8%提高到", unit="%", plan_document=True), "target"),
    # the amount a completion is measured against names a target between its verb and 的 (new writers)
    ("base-task-after", dict(clause="完成市下达", unit="户", after="任务的126%"), "target"),
    ("base-in-brackets", dict(clause="完成年度任务（", unit="户", after="）的124%"), "target"),
    ("base-of-planned-issue", dict(clause="仅占计划发行额", unit="元", after="的71.4%"), "target"),
    ("base-without-target-word", dict(clause="为正常保有量", unit="头", after="的104.1%"), "actual"),
    # a result stated as such, or dated before the report's year, is no goal of its sentence
    ("actual-after-planned", dict(clause="实际完成投资", unit="元", sentence="全县共计划投资10.2亿元，"), "actual"),
    ("goal-in-own-clause", dict(clause="力争实际到位资金", unit="元"), "target"),
    ("past-in-plan", dict(clause="在2024年建成", unit="个", heads=PLAN, past=True), "actual"),
    ("planned-investment", dict(clause="全县8个重点项目年度计划投资", unit="元"), "target"),
    ("planned-area", dict(clause="全市早稻计划播种面积", unit="亩"), "target"),
    ("listed-in-plan", dict(clause="列入今年计划实施改造的", unit="座"), "target"),
    ("investment-done", dict(clause="全县8个重点项目完成投资", unit="元"), "actual"),
    ("past-old-value-after-goal", dict(clause="较上年的", unit="元", sentence="力争引进资金10亿元以上，", past=True),
     "actual"),
]


@pytest.mark.parametrize("kwargs,expected", [r[1:] for r in FAMILIES], ids=[r[0] for r in FAMILIES])
def test_failure_families(kwargs: dict, expected: str) -> None:
    assert _kind(**kwargs) == expected


@pytest.mark.parametrize("title,review", [
    ("2024年工作基础", True), ("存在的主要问题", True), ("夯实应急管理基层基础", False),
    ("2025年工作计划", False), ("上半年工作成效", True),
])
def test_review_headings(title: str, review: bool) -> None:
    assert is_review_heading(title) is review


@pytest.mark.parametrize("header,kind", [
    ("2025年目标", "target"), ("计划投资（万元）", "target"), ("年度计划数", "target"),
    ("2024年完成", "actual"), ("完成投资（万元）", "actual"), ("实际完成", "actual"),
    ("完成率（%）", "completion"), ("计划完成比例", "completion"), ("新增户数", None),
])
def test_column_kinds(header: str, kind: str | None) -> None:
    assert column_kind(header) == kind


def test_the_old_value_of_a_comparison_in_a_goal_sentence_is_a_result() -> None:
    from gongwen.extract.pipeline import document_from_text, extract

    text = ("青禾县发改局2026年工作计划\n一、主要目标\n力争全年引进项目资金10亿元以上，较上年的8.6亿元增长16.3%。\n"
            "青禾县发改局\n2026年1月5日")
    f = {x.as_written: x for x in extract(document_from_text(text)).figures}
    assert (f["10亿元"].kind, f["8.6亿元"].kind) == ("target", "actual")
