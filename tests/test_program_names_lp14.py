"""Program names as the writers and the official documents name them (bench/program_names.py on dev
A–F).  Invented sentences.

- 研究与试验发展经费, 网格化服务管理 and 实际使用外资 are the names (the old ones stay aliases);
- 困难重度残疾人家庭无障碍改造 is 中国残联's programme inside 无障碍环境建设;
- 限额以上商贸企业培育: the firms brought into the 限额以上 register of a commerce bureau's report.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _programs(issuer: str, body: str) -> dict[str, str | None]:
    text = f"{issuer}2024年工作总结\n{body}\n{issuer}\n2024年12月20日"
    return {f.as_written: f.program for f in extract(document_from_text(text)).figures}


def test_official_names() -> None:
    p = _programs("青禾县科学技术局", "一、创新投入\n全县研究与试验发展经费投入达到3.6亿元，增长9.1%。")
    assert p["3.6亿元"] == "研究与试验发展经费"
    p = _programs("青禾县商务局", "一、开放型经济\n全年实际利用外资2100万美元。")
    assert p["2100万美元"] == "实际使用外资"
    p = _programs("青禾街道办事处", "一、基层治理\n全街道划分网格46个，配备专职网格员52名。")
    assert p["52名"] == "网格化服务管理"


def test_a_programme_inside_a_wider_one() -> None:
    p = _programs("青禾县残疾人联合会", "一、推进无障碍环境建设\n全年实施困难重度残疾人家庭无障碍改造130户，"
                  "投入资金78万元。")
    assert p["130户"] == "困难重度残疾人家庭无障碍改造"


def test_firms_brought_into_the_register() -> None:
    p = _programs("青禾县商务局", "一、市场主体\n全年新增限额以上商贸企业21家，其中批发业8家。")
    assert p["21家"] == "限额以上商贸企业培育"
