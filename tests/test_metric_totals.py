"""A bare total after a total named already in its sentence (neighbours.total_metrics; invented)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head


def _metrics(text: str) -> dict[str, str | None]:
    return {w: f.metric for w, f in _figures(text).items()}


def test_the_parts_after_a_named_total_count_its_things() -> None:
    """"…总数达到53个，其中省级4个、市级17个": parts of the total, not totals of totals (…总总数)."""
    m = _metrics("全年新评定县级以上乡村旅游重点村9个，总数达到53个，其中省级4个、市级17个、县级32个。")
    assert m["53个"] == "乡村旅游重点村总数"
    assert [m[w] for w in ("4个", "17个", "32个")] == ["乡村旅游重点村数"] * 3


def test_a_total_named_by_its_total_word_alone_is_still_the_total() -> None:
    assert _metrics("新增社区食堂12个，总数达到38个。")["38个"] == "社区食堂总数"
