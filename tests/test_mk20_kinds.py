"""Kinds read anew in the twentieth session (engineer MK); every sentence here is invented.

- in a work plan, what exists now is a fact, not a goal: a clause that counts it with 现有, 共有 or
  现存 (kinds.yaml present), the items listed after it with 、 and its 其中 parts (present_list);
  the plan's goals in the same section stay targets.
"""

from __future__ import annotations

import pytest

from gongwen.extract.pipeline import document_from_text, extract

PLAN = "青禾县水利局2027年工作计划\n一、重点工作\n{}\n青禾县水利局\n2027年1月8日"


@pytest.mark.parametrize(("sentence", "kinds"), [
    pytest.param("全县共有灌区渠道41条,其中干渠6条、支渠35条,年内完成清淤疏浚。",
                 {"41条": "actual", "6条": "actual", "35条": "actual"}, id="共有-and-its-其中-parts"),
    pytest.param("全县现有村级水管员88名、乡镇水利站9个,年内轮训一遍。",
                 {"88名": "actual", "9个": "actual"}, id="现有-and-the-item-listed-after-it"),
    pytest.param("对现存7处病险塘坝逐处制定整治方案。", {"7处": "actual"}, id="现存"),
    pytest.param("全县共有灌区渠道41条,新建生态渠道12条。", {"41条": "actual", "12条": "target"},
                 id="a-new-clause-after-the-count-is-the-plan's"),
    pytest.param("力争新增高效节水灌溉面积1.5万亩。", {"1.5万亩": "target"}, id="a-goal-stays-a-target"),
])
def test_in_a_plan_what_exists_now_is_a_fact(sentence: str, kinds: dict[str, str]) -> None:
    f = {x.as_written: x for x in extract(document_from_text(PLAN.format(sentence))).figures}
    assert {w: f[w].kind for w in kinds} == kinds
