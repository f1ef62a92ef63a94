"""A bare total after a total named already in its sentence (neighbours.total_metrics; invented)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head


def _metrics(text: str) -> dict[str, str | None]:
    return {w: f.metric for w, f in _figures(text).items()}


def test_the_parts_after_a_named_total_count_its_things() -> None:
    """"…总数达到46家，其中国家级2家、省级15家": parts of the total, not totals of totals (…总总数)."""
    m = _metrics("全年新认定市级以上农业产业化龙头企业7家，总数达到46家，其中国家级2家、省级15家、市级29家。")
    assert m["46家"] == "农业产业化龙头企业总数"
    assert [m[w] for w in ("2家", "15家", "29家")] == ["农业产业化龙头企业数"] * 3


def test_a_total_named_by_its_total_word_alone_is_still_the_total() -> None:
    assert _metrics("新增老年助餐点18个，总数达到45个。")["45个"] == "老年助餐点总数"
