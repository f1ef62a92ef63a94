"""Slips not caught of the twenty-sixth session (part E): invented sentences in the genre's words,
each with a sibling that stays quiet."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract


def _codes(text: str) -> list[str]:
    return sorted(f.code for f in check(extract(document_from_text(text))).problems)


def test_a_water_concentration_is_a_figure_and_its_change_is_checked() -> None:
    # 毫克/升 is how water quality is written (氨氮, 化学需氧量): a figure, so the change the text states
    # from last year's value is checked, and a wrong one reported
    text = ("栖梧县环境监测站2026年工作总结\n一、水环境监测\n全年栖江干流化学需氧量平均浓度126毫克/升，"
            "较上年的118毫克/升提高{d}毫克/升。\n\n栖梧县环境监测站\n2026年12月28日\n")
    ex = extract(document_from_text(text.format(d="8")))
    assert [(f.as_written, f.unit) for f in ex.figures if "毫克" in f.unit] == \
        [("126毫克/升", "毫克/升"), ("118毫克/升", "毫克/升"), ("8毫克/升", "毫克/升")]
    assert _codes(text.format(d="8")) == []
    assert _codes(text.format(d="12")) == ["GW104"]
