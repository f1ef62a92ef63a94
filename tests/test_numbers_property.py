"""Properties of the number grammar on generated text (hypothesis).

- every quantity, period and change span points at exactly what it claims was written;
- writing the same count differently (4826, 4,826, ４８２６, 四千八百二十六) gives the same value;
- nothing raises on hostile input.
"""

from __future__ import annotations

from decimal import Decimal

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.extract.figures.grammar.changes import find_changes
from gongwen.extract.figures.grammar.numbers import find_quantities
from gongwen.extract.figures.grammar.periods import find_periods

TOKENS = [
    "1", "2", "0", "5", "12", "915", "2875.4163", "4,356", "１２", "，", ",", "。", "、", "-", "—", "~", "至",
    "到", "万", "亿", "元", "户", "人", "人次", "个", "%", "％", "℅", "个百分点", "倍", "/人/月", "·", "年",
    "月", "日", "起", "前", "底", "以上", "以下", "（含）", "多", "余", "近", "约", "不低于", "每人每月",
    "月人均", "由", "提高", "增加", "减少", "了", "分别", "较上年", "一", "两", "三", "十", "百", "千",
    "第", "《", "》", "〔2020〕", "号", "（", "）", "(", ")", "周岁", "十三五", "一是", "截止", "同期",
    "𠮷", " ", "\n", "低保", "标准", "救助",
]
texts = st.lists(st.sampled_from(TOKENS), max_size=30).map("".join)


def _spans_ok(text: str) -> None:
    qs = find_quantities(text, year=2020)
    for q in qs:
        assert text[q.span.start:q.span.end] == q.as_written
        assert q.as_written
        assert q.quantum > 0
        if q.approx_span is not None:
            assert q.approx is not None and text[q.approx_span.start:q.approx_span.end] == q.approx
        if q.condition_span is not None:
            assert text[q.condition_span.start:q.condition_span.end] == q.condition
    for p in find_periods(text, year=2020):
        assert text[p.span.start:p.span.end] == p.text
    for c in find_changes(text, qs):
        assert 0 <= c.span.start <= c.span.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_spans_point_at_what_was_written(text: str) -> None:
    _spans_ok(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _spans_ok(text)


def _fullwidth(s: str) -> str:
    return s.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=2, max_value=99_999_999), st.sampled_from(["户", "人", "元", "个", "人次"]))
def test_reformatting_keeps_the_value(n: int, unit: str) -> None:
    forms = [f"共{n}{unit}。", f"共{n:,}{unit}。", f"共{_fullwidth(str(n))}{unit}。",
             f"共{cn2an.an2cn(n)}{unit}。"]
    values = []
    for text in forms:
        qs = find_quantities(text)
        assert len(qs) == 1, (text, qs)
        assert qs[0].unit == unit
        values.append(qs[0].value)
    assert values == [Decimal(n)] * 4


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal(99999), places=2))
def test_wan_scaling_is_exact(d: Decimal) -> None:
    (q,) = find_quantities(f"发放资金{d}万元")
    assert q.value == d * 10000
    assert q.quantum == Decimal(100)
