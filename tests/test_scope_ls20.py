"""The whole a body reports on (wave 20, engineer LS): a 供销合作社's figures are its system's, a
国资委's its enterprises', an 档案馆's its own, a 机关事务 body's the public institutions' — not the
jurisdiction's.  A bureau file names that whole (``whole:``, perhaps with ``{level}``); a figure of no
category of its own takes it where a line bureau's takes 全县.  Invented sentences.
"""

from __future__ import annotations

import pytest

from gongwen.errors import DataError
from gongwen.extract.figures.words.vocab import _at_levels, _wholes
from gongwen.extract.pipeline import document_from_text, extract


def _scopes(issuer: str, body: str) -> dict[str, str | None]:
    text = f"{issuer}2025年工作总结\n{body}\n{issuer}\n2025年12月26日"
    return {f.as_written: f.scope for f in extract(document_from_text(text)).figures}


def test_a_supply_cooperative_reports_on_its_system() -> None:
    got = _scopes("青禾县供销合作社联合社", "全年全系统完成购销总额18.7亿元，较上年增长4.3%。新建村级综合服务社15个。")
    assert got["18.7亿元"] == "全系统" and got["4.3%"] == "全系统"
    assert got["15个"] == "村级综合服务社"  # (a category of its own stays)


def test_the_whole_takes_the_issuers_level() -> None:
    got = _scopes("青禾县国有资产监督管理局", "年末县属国有企业资产总额达到96.3亿元，全年实现利润总额2.1亿元。")
    assert got["96.3亿元"] == "县属国有企业" and got["2.1亿元"] == "县属国有企业"
    got = _scopes("青禾市档案馆", "全年新接收档案1.2万件，提供查档服务3400人次。")
    assert got["1.2万件"] == "市档案馆" and got["3400人次"] == "市档案馆"


def test_the_whole_named_in_a_clause_with_the_jurisdiction_word_is_the_bodys() -> None:
    # 全县 opens the body's whole here (全县公共机构), not the county's
    got = _scopes("青禾县机关事务服务中心", "今年全县公共机构用电1860万千瓦时，同比下降3.2%。")
    assert got["1860万千瓦时"] == "全县公共机构" and got["3.2%"] == "全县公共机构"


def test_a_line_bureau_keeps_the_jurisdiction() -> None:
    got = _scopes("青禾县民政局", "全年发放临时救助金326万元，惠及困难群众1890人次。")
    assert got["326万元"] == "全县"


@pytest.mark.parametrize("bad", [3, "全系统", [""], ["全{place}系统"]])
def test_a_whole_must_be_words(bad: object) -> None:
    with pytest.raises(DataError, match="whole"):
        _wholes(bad, "x.yaml")
    assert _wholes(None, "x.yaml") == () and _wholes(["{level}属国有企业"], "x.yaml") == ("{level}属国有企业",)


def test_a_whole_at_every_level_is_a_jurisdiction_word() -> None:
    assert _at_levels(["{level}属国有企业", "全系统"], ["全县", "全市", "我县"]) \
        == ("县属国有企业", "市属国有企业", "全系统")


def test_a_kind_opening_the_name_of_the_institutions_counted_keeps_their_name() -> None:
    # 规模以上 and 公办 qualify the institutions named after them, program words and all; the clauses
    # after the count go on about those institutions
    # (an issuer gongwen reads with every bureau's words: 农产品加工 is a program, 企业 an indicator)
    text = "2025年工作总结\n年末全县规模以上农产品加工企业达到57家，实现营业收入43.6亿元，增长5.4%。\n"
    got = {f.as_written: f.scope for f in extract(document_from_text(text)).figures}
    assert got["57家"] == got["43.6亿元"] == got["5.4%"] == "规模以上农产品加工企业"
    got = _scopes("青禾县民政局", "全县共有养老机构19家，其中公办敬老院11家、民办养老机构8家。")
    assert got["11家"] == "公办敬老院" and got["8家"] == "民办养老机构"
    # (a program's name opening on a part of a partition keeps the part: 城镇低保对象 is 城镇's)
    assert _scopes("青禾县民政局", "全县城镇低保对象1260人。")["1260人"] == "城镇"
