"""A time spent is a result, a time limit a rule's condition (invented text)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_a_time_spent_or_a_lead_time_is_a_result_not_a_rule() -> None:
    """Hours a clause counts as done (开展…N万小时, 完成…N小时), a total named 时长 and a lead time
    (提前N小时) are actual figures; a limit that bounds the act after it (N小时内到场) stays a condition."""
    f = _figures("全年开展巡护志愿服务2.3万小时，完成馆藏影像修复860小时，注册志愿者人均服务时长9.6小时。"
                 "县气象台提前48小时发布寒潮预警。对群众报修的路灯故障做到接报后2小时内到场处置。")
    assert [f[w].kind for w in ("2.3万小时", "860小时", "9.6小时", "48小时")] == ["actual"] * 4
    assert f["2小时"].kind == "condition"
