"""A vocabulary meant for another issuer does not win in a report whose issuer is known: the
issuer's bureau file gives the scopes (with the universal ones), another bureau's generic words
are no evidence, and another bureau's program named in passing does not take a figure from the
issuer's own program named earlier in its sentence.  Invented sentences."""

from __future__ import annotations

from gongwen.extract.figures.words.vocab import choose_vocab, load_vocab
from gongwen.extract.pipeline import document_from_text, extract


def _figures(issuer: str, body: str) -> dict[str, tuple[str | None, str | None]]:
    text = f"{issuer}2024年工作总结\n一、主要成效\n{body}\n{issuer}\n2024年12月20日"
    return {f.as_written: (f.program, f.scope) for f in extract(document_from_text(text)).figures}


def test_scopes_come_from_the_issuers_bureau_and_the_universal_file() -> None:
    assert "退役士兵" in load_vocab("tuiyijunren").scopes
    assert "退役士兵" in load_vocab(None).scopes  # an unknown issuer: every bureau's
    assert "退役士兵" not in load_vocab("minzheng").scopes
    assert load_vocab("minzheng").scopes["城镇"] == "城镇"  # universal


def test_another_bureaus_generic_words_are_no_evidence() -> None:
    assert "卫生健康" in load_vocab("weijian").weak  # weijian's weak alias of its own program
    assert "卫生健康" not in load_vocab("weijian").foreign_generic
    assert "卫生健康" not in load_vocab(None).foreign_generic
    assert "卫生健康" in load_vocab("jiaotong").foreign_generic  # a word there, no evidence
    f = _figures("青禾县住房和城乡建设局", "一、城镇燃气安全\n排查燃气安全隐患326处，整改率99.0%。")
    assert f["99.0%"][0] != "审计整改"  # 审计's generic 整改率


def test_a_program_named_earlier_in_the_sentence_governs_over_another_bureaus_in_passing() -> None:
    f = _figures("青禾县统计局",
                 "全年一般公共预算收入24.6亿元，按自然口径增长2.7%；剔除城乡居民基本医疗保险等特殊因素后，"
                 "同口径增长4.6%。")
    assert f["4.6%"][0] == "一般公共预算收入"
    assert f["24.6亿元"][0] == "一般公共预算收入"


def test_a_table_row_of_another_bureaus_program_stays_under_the_sections_own() -> None:
    """"项目 | 2023年 | 2024年" rows 增值税, 契税 under a 财政 report's 一般公共预算收入: parts of its
    revenue (税务's programs and categories), not programs or scopes of their own."""
    text = ("青禾区财政局2024年工作总结\n一、一般公共预算收入\n全区一般公共预算收入完成情况如下表。\n单位：万元\n"
            "项目\t2023年\t2024年\t增减%\n增值税\t92400\t98560\t6.7\n契税\t17600\t14920\t-15.2\n全区将抓好落实。\n")
    figs = {f.as_written: f for f in extract(document_from_text(text)).figures if f.source == "table"}
    assert {(f.program, f.scope) for f in figs.values()} == {("一般公共预算收入", "全区")}
    assert figs["98560"].metric == "增值税"


def test_an_issuers_alias_inside_another_bureaus_longer_one_is_found() -> None:
    """税务's 征收社会保险费 holds 人社's 社会保险费: in a 人社 report the figure is 社会保险费征收's (a part
    of 社会保险)."""
    assert _figures("青禾区人力资源和社会保障局", "上半年全区征收社会保险费合计9.86亿元。")["9.86亿元"][0] == "社会保险费征收"


def test_vocab_shenji_audit_projects_problems_and_referrals() -> None:
    assert choose_vocab(None, "青禾县审计局") == "shenji"
    f = _figures("青禾县审计局", "全年完成审计项目46个，查出问题金额3.2亿元，移送问题线索12件，促进增收节支8,600万元。")
    assert [f[w][0] for w in ("46个", "3.2亿元", "12件", "8,600万元")] == [
        "审计项目", "查出问题", "移送问题线索", "促进增收节支"]


def test_vocab_shuiwu_tax_revenue_by_type_and_inspection() -> None:
    assert choose_vocab(None, "国家税务总局青禾县税务局") == "shuiwu"
    f = _figures("国家税务总局青禾县税务局", "全年组织税费收入28.6亿元。办理出口退税1.2亿元。查补税款3,600万元。")
    assert [f[w][0] for w in ("28.6亿元", "1.2亿元", "3,600万元")] == ["税费收入", "出口退税", "税务稽查"]


def test_vocab_canlian_employment_aids_and_shared_subsidies() -> None:
    assert choose_vocab(None, "青禾县残疾人联合会") == "canlian"
    f = _figures("青禾县残疾人联合会", "新增残疾人就业326人。为残疾人适配辅助器具1,240件。发放重度残疾人护理补贴560万元。")
    assert [f[w][0] for w in ("326人", "1,240件", "560万元")] == ["残疾人就业", "残疾人辅助器具适配", "重度残疾人护理补贴"]


def test_vocab_liangchu_reserves_and_purchases_also_in_a_development_bureau() -> None:
    assert choose_vocab(None, "青禾县粮食和物资储备局") == "liangchu"
    body = "地方储备粮规模达到3.5万吨。全年收购粮食12.6万吨。"
    for issuer in ("青禾县粮食和物资储备局", "青禾县发展和改革局"):  # jingji.yaml shares them
        f = _figures(issuer, body)
        assert [f[w][0] for w in ("3.5万吨", "12.6万吨")] == ["地方粮食储备", "粮食收购"], issuer


def test_vocab_shuiwu_is_not_shuili_but_a_water_affairs_bureau_is() -> None:
    assert choose_vocab(None, "青禾市水务局") == "shuili"
    assert choose_vocab(None, "青禾市税务局") == "shuiwu"
