"""Kinds read anew in the nineteenth session (engineer MK); every sentence here is invented.

- a rate a rule pays or charges at, named by its noun (报销比例, 缴存比例, 补助比例: kinds.yaml policy_rate)
  and set as a whole percentage, is a standard; the same noun with a measured value (85.7%) stays a
  result, and a plan's goal stays a target.
"""

from __future__ import annotations

import pytest

from gongwen.extract.pipeline import document_from_text, extract

SUMMARY = "石泉县医疗保障局2025年工作总结\n一、待遇保障\n{}\n石泉县医疗保障局\n2025年12月22日"
PLAN = "石泉县医疗保障局2026年工作计划\n一、主要目标\n{}\n石泉县医疗保障局\n2026年1月6日"


@pytest.mark.parametrize(("report", "sentence", "kinds"), [
    pytest.param(SUMMARY, "普通门诊统筹在职职工、退休人员报销比例分别为55%、65%。",
                 {"55%": "standard", "65%": "standard"}, id="a-list-of-set-rates"),
    pytest.param(SUMMARY, "大病保险起付线以上费用报销比例为60%。", {"60%": "standard"}, id="a-set-rate"),
    pytest.param(SUMMARY, "单位缴费比例在8%至10%之间由企业自主选择。",
                 {"8%": "standard", "10%": "standard"}, id="a-range-of-set-rates"),
    pytest.param(SUMMARY, "全县职工医保政策范围内住院费用报销比例达到85.7%。", {"85.7%": "actual"}, id="a-measured-rate"),
    pytest.param(PLAN, "力争居民医保政策范围内住院费用报销比例稳定在70%。", {"70%": "target"}, id="a-plan-goal"),
])
def test_a_rate_set_round_by_a_rule_is_a_standard(report: str, sentence: str, kinds: dict[str, str]) -> None:
    f = {x.as_written: x for x in extract(document_from_text(report.format(sentence))).figures}
    assert {w: f[w].kind for w in kinds} == kinds
