"""A level a count reached after its flow, in a part-year report (invented sentences)."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _periods(body: str) -> dict[str, str | None]:
    text = f"青禾县农机服务中心2026年上半年工作总结\n一、主要工作\n{body}\n青禾县农机服务中心\n2026年7月6日"
    return {f.as_written: f.period for f in extract(document_from_text(text)).figures}


def test_a_count_reached_after_its_flow_stands_at_the_spans_end() -> None:
    p = _periods("上半年新建粮食烘干中心5个，全县烘干中心达到38个，烘干小麦2.1万吨。")
    assert (p["5个"], p["38个"], p["2.1万吨"]) == ("2026-01/2026-06", "2026-06", "2026-01/2026-06")


def test_an_amount_reaching_a_sum_after_a_part_stays_the_months() -> None:
    p = _periods("上半年发放作业补贴1200万元，补贴资金总额达到3600万元。")
    assert p["3600万元"] == "2026-01/2026-06"


def test_a_capacity_stands_at_the_spans_end() -> None:
    p = _periods("全县5座水厂设计供水能力合计26万立方米/日，上半年供水2860万立方米。")
    assert (p["26万立方米/日"], p["2860万立方米"]) == ("2026-06", "2026-01/2026-06")
