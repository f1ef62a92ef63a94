"""Scope (wave 22, engineer S): a table's row names its unit as written; a part's label keeps the
noun an attribute qualifies. Invented sentences in the genre's words.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _figures(issuer: str, body: str) -> dict[str, tuple[str | None, str | None]]:
    text = f"{issuer}2026年工作总结\n{body}\n{issuer}\n2026年12月20日"
    return {f.as_written: (f.scope, f.metric) for f in extract(document_from_text(text)).figures}


def test_a_row_naming_a_unit_keeps_its_name_not_the_category_inside_it() -> None:
    got = _figures("青禾县人民医院", "一、医疗服务\n全年各病区业务量如下表。\n病区\t门急诊（人次）\t出院（人次）\n"
                   "内科病区\t51230\t3610\n外科病区\t38420\t2980\n合计\t89650\t6590\n")
    assert got["51230"][0] == "内科病区" and got["2980"][0] == "外科病区"
    assert got["89650"][0] == "全院"
