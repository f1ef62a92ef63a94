"""Session 21, part R: relations the checker did not verify (invented words and numbers)."""

from __future__ import annotations

from checkfacts import checked, findings


def _table(*rows: str) -> str:
    return "\n".join(f"| {r} |" for r in rows) + "\n"


SERVICES = """青川县行政审批局2026年上半年工作总结
一、主要工作
（一）审批服务。上半年各窗口办件情况见下表。
""" + _table("窗口 | 受理量（件） | 其中：即办件（件）",
             "社会事务窗口 | 2,410 | 1,906",
             "市场准入窗口 | 3,785 | {cell}",
             "合计 | 6,195 | {total}")


def _subsets(cell: str = "2,214", total: str = "4,120") -> list[tuple[str, str, tuple[str, ...]]]:
    return findings(checked(SERVICES.format(cell=cell, total=total)), "GW108")


def test_a_column_a_subset_cue_heads_is_within_the_column_before_it() -> None:
    got = _subsets()
    assert ("consistent", "info", ("1,906", "2,410")) in got
    assert ("consistent", "info", ("2,214", "3,785")) in got
    assert ("consistent", "info", ("4,120", "6,195")) in got


def test_a_part_column_cell_larger_than_its_row_s_whole_is_an_error() -> None:
    got = _subsets(cell="3,875", total="5,781")
    assert ("inconsistent", "error", ("3,785", "3,875")) in got


RATES = """青川县行政审批局2026年上半年工作总结
一、主要工作
（一）审批服务。上半年各窗口办件情况见下表。
""" + _table("窗口 | 受理量（件） | 其中：网办率（%）",
             "社会事务窗口 | 2,410 | 81.2",
             "市场准入窗口 | 3,785 | 92.4")


def test_a_rate_under_a_subset_cue_is_no_part_of_the_counts() -> None:
    assert findings(checked(RATES), "GW108") == []
