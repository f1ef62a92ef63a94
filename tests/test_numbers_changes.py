"""Example table for stated changes: from→to, signed deltas, growth, multiples.

Expected notation per change: ``"KIND prev=… new=… delta=… unit=… dk=… x=… base=…"``;
only the keys given are checked.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongwen.extract.figures.grammar.changes import apply_changes, find_changes
from gongwen.extract.figures.grammar.numbers import find_quantities

ROWS = [
    # development set (the kinds of change the shared report writes, in invented words and numbers)
    ("from-to-rate", "城区租赁补贴标准由现行每人每月820元提高到每人每月915元",
     ["from_to prev=820 new=915 delta=95 unit=元/人/月"]),
    ("from-to-context-rate", "月人均补差由466元提高到512元", ["from_to prev=466 new=512 unit=元/人/月"]),
    ("from-to-ti-zhi", "月人均补差由213元提至268元", ["from_to prev=213 new=268 unit=元/人/月"]),
    ("from-to-yuan", "补助标准由原每人每月960元提高至每人每月1055元，比原补助标准每人提高了95元。",
     ["from_to prev=960 new=1055", "by delta=95 unit=元/人/月 dk=absolute base=原补助标准"]),
    ("from-to-slash-rate", "交通补助从原来1740元/人/年提高到1890元/人/年",
     ["from_to prev=1740 new=1890 unit=元/人/年"]),
    ("from-to-comma", "护理床位从原有的96张，增加到142张", ["from_to prev=96 new=142 unit=张"]),
    ("from-to-lists-unlike-units", "事故起数和死亡人数分别由2022年的41起、29人下降到35起、24人",
     ["from_to prev=41 new=35 unit=起", "from_to prev=29 new=24 unit=人"]),
    ("from-to-new-inherits-rate", "集中养育标准从每人每月1380元提高到1465元",
     ["from_to prev=1380 new=1465 unit=元/人/月"]),
    ("distributive-percent", "走访人次、帮扶金额比2021年同期分别增加118%、236%、74%。",
     ["by delta=118 unit=% dk=percent base=2021年同期", "by delta=236 base=2021年同期",
      "by delta=74 base=2021年同期"]),
    # tricky-strings survey
    ("from-to-zhi", "从820元提高至915元", ["from_to prev=820 new=915"]),
    ("from-to-wei", "由820元调整为915元", ["from_to prev=820 new=915 delta=95"]),
    ("by-vs-to-by", "提高95元", ["by delta=95 unit=元"]),
    ("by-vs-to-to", "提高到915元", ["to new=915"]),
    ("by-relative", "提高了15%", ["by delta=15 dk=percent"]),
    ("decrease-people", "低保对象由2019年的5.6万人减少到4.9万人",
     ["from_to prev=56000 new=49000 delta=-7000 unit=人"]),
    ("delta-yi-baseline", "拨付资金6.5亿元，较上年增加0.8亿元", ["by delta=80000000 unit=元 base=上年"]),
    ("delta-decrease-hu", "比上年减少1200户", ["by delta=-1200 unit=户 base=上年"]),
    ("points-negative", "较去年同期下降3.2个百分点", ["by delta=-3.2 unit=个百分点 dk=points base=去年同期"]),
    ("pairs-negative", "较上年减少68对", ["by delta=-68 unit=对"]),
    ("growth-yoy", "同比增长12.5%", ["by delta=12.5 dk=percent base=同比"]),
    ("growth-noun", "增幅达15%", ["by delta=15 dk=percent"]),
    ("growth-times", "增长1.3倍", ["by delta=130 unit=% x=2.3"]),
    ("ratio-times", "是上年的1.3倍", ["ratio x=1.3 base=上年"]),
    ("ratio-to-times", "提高到1.3倍", ["ratio x=1.3"]),
    ("double", "收入翻一番", ["ratio x=2"]),
    ("double-twice", "总量翻两番", ["ratio x=4"]),
    ("delta-then-target", "每人每月增加105元至912元",
     ["by delta=105 unit=元/人/月", "to new=912 unit=元/人/月 delta=105"]),
    ("rate-raised-to", "农村低保标准提高到每人每年6888元", ["to new=6888 unit=元/人/年"]),
    ("rate-delta-month", "低保金人均月增资105元", ["by delta=105 unit=元/人/月"]),
    ("distributive-to", "城乡低保标准分别提高到每人每月812元和628元",
     ["to new=812 unit=元/人/月", "to new=628 unit=元/人/月"]),
    ("distributive-he", "分别比上年增长5.2%和6.1%", ["by delta=5.2 base=上年", "by delta=6.1 base=上年"]),
    ("ratio-lower-bound", "特困供养标准按不低于当地低保标准的1.3倍确定",
     ["ratio x=1.3 bound=>= base=当地低保标准"]),
    ("ratio-upper-bound", "一般不超过当地月低保标准的6倍", ["ratio x=6 bound=<="]),
    # bugs caught
    ("no-distribution-without-fenbie", "增加20人和救助113人", ["by delta=20 unit=人"]),
    ("from-to-lists-paired", "两项补贴分别由每人每年1800元、2400元提高到1950元、2580元。",
     ["from_to prev=1800 new=1950 unit=元/人/年", "from_to prev=2400 new=2580 unit=元/人/年"]),
    ("age-delta", "成员平均年龄下降3.8岁", ["by delta=-3.8 unit=岁"]),
    ("xinzeng-not-change", "全年新增社会组织4个", []),
    ("zhishao-not-decrease", "至少300元", []),
    ("plain-wei-not-change", "发放金额为6382150元", []),
    ("no-chain-across-comma", "增加20人，救助113人", ["by delta=20 unit=人"]),
]


def _check(text: str, expected: list[str]) -> None:
    qs = find_quantities(text, year=2020)
    got = find_changes(text, qs)
    assert len(got) == len(expected), [(c.kind, c.delta) for c in got]
    for c, exp in zip(got, expected):
        kind, *kvs = exp.split()
        assert c.kind == kind
        for kv in kvs:
            k, _, v = kv.partition("=")
            if k == "prev":
                assert c.previous is not None and c.previous.value == Decimal(v)
                assert c.previous.role == "previous"
            elif k == "new":
                assert c.new is not None and c.new.value == Decimal(v)
            elif k == "delta":
                assert c.delta == Decimal(v), c.delta
            elif k == "unit":
                unit = c.new.unit if c.kind == "from_to" and c.new else c.delta_unit
                if c.kind == "to" and c.new is not None:
                    unit = c.new.unit
                assert unit == v, unit
            elif k == "dk":
                assert c.delta_kind == v
            elif k == "x":
                assert c.factor == Decimal(v)
            elif k == "bound":
                assert c.bound == v, c.bound
            elif k == "base":
                assert c.baseline == v, c.baseline


@pytest.mark.parametrize("text,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_changes(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_apply_changes_marks_roles_and_units() -> None:
    t = "标准从每人每月960元提高到1045元，比原标准每人提高了85元。"
    qs = apply_changes(find_quantities(t), find_changes(t, find_quantities(t)))
    assert [(q.value, q.unit, q.role) for q in qs] == [
        (Decimal(960), "元/人/月", "previous"), (Decimal(1045), "元/人/月", "value"),
        (Decimal(85), "元/人/月", "delta")]
    assert all(t[q.span.start:q.span.end] == q.as_written for q in qs)
