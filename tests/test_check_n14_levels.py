"""Levels the unit grammar now reads as rates (wave 14, engineer N): a per-thousand level listed
with 分别 after long names is no count (GW118), and the change of a per-head level (增加 0.2
平方米/人) is no level to divide (GW106).  Invented text; a sibling that must still be reported keeps
each fix from switching a rule off."""

from __future__ import annotations

from test_check_r_coverage import _report  # the same invented report head, read by the pipeline


def codes(body: str) -> list[str]:
    return sorted(f.code for f in _report(body).problems)


def verdicts(body: str, code: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.status, tuple(sorted(g.as_written for g in f.figures))) for f in _report(body).by_code(code)]


def test_per_thousand_list_is_no_count() -> None:
    text = ("按常住人口计算，每千常住人口医疗卫生机构床位数、卫生技术人员数、执业（助理）医师数、注册护士数"
            "分别为6.31张、8.72人、3.05人和3.66人。")
    assert "GW118" not in codes(text)
    assert codes("本季度新增特困供养对象3.5人。") == ["GW118"]


def test_change_of_per_head_level_is_no_level() -> None:
    text = ("全县公共文化设施面积16.8万平方米，按常住人口42.0万人计算，人均公共文化设施面积由上年的0.36平方米"
            "提高到0.40平方米，增加0.04平方米。")
    assert codes(text) == []
    assert ("consistent", ("0.40平方米", "16.8万平方米", "42.0万人")) in verdicts(text, "GW106")
    assert not any("0.04平方米" in figs for _, figs in verdicts(text, "GW106"))


def test_a_level_per_day_in_its_unit_divides_the_years_total() -> None:
    # 日均 right before the level, and far before it (its unit 吨/日 says so)
    ok = "全年收运处置餐厨垃圾3.65万吨，日均收运100吨，收运车辆12辆。"
    assert verdicts(ok, "GW106") == [("consistent", ("100吨", "3.65万吨", "365天"))]
    assert verdicts("全年收运处置餐厨垃圾3.65万吨，日均收运量由上年的92吨提高到100吨。", "GW106") == [
        ("consistent", ("100吨", "3.65万吨", "365天"))]
