"""A list of counted items is not a list of nouns: the words before an earlier item's count are
that item's name, never the next one's (invented text)."""

from __future__ import annotations

from gongwen.check import check_extraction
from gongwen.extract.pipeline import document_from_text, extract

TEXT = ("某市体育局2025年工作总结\n"
        "一、竞技体育成绩实现突破\n"
        "全年向国家队输送运动员3人、向省队输送37人。\n"
        "二、青少年体育基础持续夯实\n"
        "全市青少年业余训练在训运动员6,840人，注册青少年体育俱乐部92个。\n"
        "某市体育局\n2026年1月10日\n")


def test_counted_items_are_not_restated_facts() -> None:
    report = check_extraction(extract(document_from_text(TEXT)))
    same = [f for f in report.findings if f.code == "GW112"]
    assert [f.severity for f in same if f.severity in ("warning", "error")] == []
