"""A sentence that opens on a counted subject doing what its first clause measures is about that
subject to its end: the clauses after a ； that name no category of their own are the subject's.

Every text here is invented for the test (a 供销社/养老 report in the genre's words).
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract

HEAD = "某市供销社2026年上半年工作总结\n一、企业经营稳中有进\n"


def scopes(text: str) -> dict[str, str | None]:
    return {f.as_written: f.scope for f in extract(document_from_text(text)).figures}


def test_the_counted_subject_carries_past_a_semicolon() -> None:
    got = scopes(HEAD + "全市28家社有企业上半年实现营业收入12.6亿元，同比增长5.2%；实现利润总额3,150万元，同比增长7.4%。")
    assert got == {"28家": "社有企业", "12.6亿元": "社有企业", "5.2%": "社有企业", "3,150万元": "社有企业",
                   "7.4%": "社有企业"}


def test_a_run_in_heading_before_the_subject_does_not_hide_it() -> None:
    text = "某市供销社2026年上半年工作总结\n一、企业经营稳中有进 全市28家社有企业上半年实现营业收入12.6亿元；实现利润总额3,150万元。"
    assert scopes(text)["3,150万元"] == "社有企业"


def test_a_count_whose_clause_measures_the_whole_carries_nothing() -> None:
    # 床位 is counted for the whole county here, not for the 28 养老机构 alone
    got = scopes("某县2026年工作总结\n一、养老服务\n全县28家养老机构共有床位3200张，入住老人1460人；全年开展培训12期。")
    assert got["12期"] == "全县" and got["3200张"] == "全县"


def test_a_part_list_ends_the_subject() -> None:
    got = scopes(HEAD + "全市28家社有企业上半年实现营业收入12.6亿元，其中农资企业营业收入5.1亿元；实现利润总额3,150万元。")
    assert got["3,150万元"] != "社有企业"


def test_a_clause_opening_on_a_count_of_its_own_ends_the_subject() -> None:
    got = scopes("某县2026年工作总结\n一、基层治理\n12个乡镇（街道）综治中心规范化建设达标率100%，186个行政村全部配备网格员，"
                 "网格员队伍达420名。")
    assert got["12个"] == got["100%"] == "乡镇（街道）"
    assert got["186个"] != "乡镇（街道）" and got["420名"] != "乡镇（街道）"
