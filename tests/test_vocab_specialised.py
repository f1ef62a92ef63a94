"""The vocabularies of specialised bodies (a 消防救援大队, 疾控中心, 工会, 乡村振兴局 …, written by
writers who never saw the corpus) beside the line bureaus' (data/vocab/, ``line_bureaus`` of
_universal.yaml).  Invented sentences.

- the issuer words of the more specific body win (消防救援大队 over 应急管理's 消防救援);
- a specialised body's words name its programs in its own reports; in a township's or another
  bureau's report its programs' full names only suggest them, and its indicators and categories
  are not read;
- a word that is one bureau's program's name means that program; a two-character name (扩面) is
  no evidence in another bureau's report; the issuer's bureau's generic words stay its own;
- the lexicon reads a longer word over a two-character one cut across it (完成交通…: not 成交).
"""

from __future__ import annotations

import pytest

from gongwen.extract.figures.words.lexicon import Lexicon, scan_all
from gongwen.extract.figures.words.vocab import choose_vocab, load_vocab
from gongwen.extract.pipeline import document_from_text, extract


def _programs(issuer: str, body: str) -> dict[str, str | None]:
    text = f"{issuer}2025年工作总结\n一、主要成效\n{body}\n{issuer}\n2025年12月20日"
    return {f.as_written: f.program for f in extract(document_from_text(text)).figures}


@pytest.mark.parametrize("issuer, bureau", [
    ("青禾县消防救援大队", "xiaofang"),  # not yingji (消防救援)
    ("青禾县应急管理局", "yingji"),
    ("青禾市疾病预防控制中心", "jikong"),  # not weijian (疾病预防控制)
    ("青禾市卫生健康委员会", "weijian"),
    ("青禾县科学技术协会", "kexie"),
    ("青禾县科学技术局", "keji"),
    ("青禾县乡村振兴局", "xiangcunzhenxing"),
    ("青禾市不动产登记中心", "budongchan"),
    ("青禾市房管局", "fangguan"),
    ("青禾县工业和信息化局", "gongxin"),
    ("青禾县公安局交通警察大队", "gongan"),
    ("青禾县总工会", "gonghui"),
    ("青禾县文化旅游体育局", "tiyu"),  # two bodies, neither inside the other: the first in name order, as before
    ("青禾镇人民政府", "xiangzhen"),
])
def test_the_more_specific_body_wins_the_issuer(issuer: str, bureau: str) -> None:
    assert choose_vocab(None, issuer) == bureau


def test_the_line_bureaus_are_bundled_files() -> None:
    from gongwen._data import package_yaml
    from gongwen.extract.figures.words.vocab import _bundled_names

    line = package_yaml("gongwen.extract", "data/vocab/_universal.yaml")["line_bureaus"]
    assert set(line) <= set(_bundled_names()) and "xiangzhen" in line and "gongan" not in line


def test_a_specialised_body_reads_its_own_reports() -> None:
    p = _programs("青禾县消防救援大队", "全年接警出动1,286起，营救被困人员214人。开展消防监督检查3,420家次。")
    assert p["1,286起"] == "灭火救援"
    assert p["3,420家次"] == "消防监督检查"


def test_a_township_reads_the_line_bureaus_programs() -> None:
    # 安全生产 is the 应急 bureau's program (a 邮政管理 file lists it among its 行业安全生产 words);
    # 村集体经济 the 农业农村 bureau's 村级集体经济, not a 乡村振兴 file's 农村集体经济
    p = _programs("青禾镇人民政府", "全年开展安全生产检查126次。全镇村集体经济经营性收入达到326万元。")
    assert p["126次"] == "安全生产"
    assert p["326万元"] == "村级集体经济"
    v = load_vocab("xiangzhen")
    assert "村级集体经济" in v.own and "行业安全生产" not in v.own
    assert v.alias_map["安全生产"] == "安全生产"


def test_another_bureaus_report_reads_a_specialised_program_by_its_full_name_only() -> None:
    v = load_vocab("minzheng")
    assert "累计发放" not in v.alias_map  # a 乡村振兴 file's word for its 小额信贷
    assert v.alias_map.get("小额信贷") == "小额信贷" and "小额信贷" in v.weak  # its full name: a suggestion
    p = _programs("青禾县人力资源和社会保障局", "一、劳动人事争议调处\n全年受理劳动人事争议案件486件，办理12345热线转办件732件。")
    assert p["732件"] != "12345热线"  # the report's own work, through a 政务 body's hotline
    assert "扩面" not in v.alias_map or "扩面" in v.weak  # a two-character name: a word of every field
    p = _programs("青禾县民政局", "全年支出各类救助资金2.47亿元，同比增加610万元。落实兜底保障政策，保障对象326人。")
    assert p["2.47亿元"] == "社会救助"  # 救助 is the 民政 report's (a 红十字会 file's generic word too)
    assert p["326人"] == "脱贫攻坚兜底保障"  # its own generic word, not a 乡村振兴 file's 兜底保障


def test_a_specialised_bodys_program_named_like_a_line_bureaus_keeps_the_line_bureaus_words() -> None:
    assert load_vocab("minzheng").programs["不动产登记"].bureau == "ziranziyuan"
    assert load_vocab("budongchan").programs["不动产登记"].bureau == "budongchan"


def test_the_lexicon_reads_a_longer_word_over_a_two_character_one_cut_across_it() -> None:
    lx = Lexicon(["成交", "交通固定资产投资", "固定资产投资", "职工医保", "医保统筹基金"])
    text = "全年完成交通固定资产投资52.7亿元，职工医保统筹基金收入3.06亿元"
    assert [m.group() for m in lx.finditer(text)] == ["交通固定资产投资", "职工医保"]
    assert [m.group() for m in scan_all(text, [lx])[0]] == ["交通固定资产投资", "职工医保"]
    p = _programs("青禾县交通运输局", "全年完成交通固定资产投资52.7亿元，为年度计划的104.2%。")
    assert p["52.7亿元"] == "交通固定资产投资"


def test_a_bodys_whole_population_is_no_category_of_its_figures() -> None:
    # 公共机构, every unit a 机关事务 bureau serves, was a category of its file: the count of them all
    # took it as its scope instead of the jurisdiction, and a problem section's count of some of them
    # (仍有9家…不降反升) then read as the same fact, 286 against 9
    from gongwen.check import check

    text = ("青禾县机关事务管理局2025年工作总结\n一、主要成效\n（一）节能降耗\n"
            "全县纳入能源资源消费统计的公共机构共286家，其中县直党政机关64家。\n二、存在的问题\n"
            "全县仍有9家公共机构能源消费总量不降反升。\n青禾县机关事务管理局\n2025年12月20日")
    figs = {f.as_written: f for f in extract(document_from_text(text)).figures}
    assert figs["286家"].scope == "全县"
    report = check(extract(document_from_text(text)))
    assert [f.message for f in report.by_code("GW112") if f.severity in ("error", "warning")] == []
