"""The vocabularies of government bodies and public institutions that had none (地震局, 畜牧兽医 …):
the issuer line selects the body's file and an invented sentence of its report gets the body's
official program names and its categories as scopes.  Invented sentences."""

from __future__ import annotations

import pytest

from gongwen.extract.figures.words.vocab import choose_vocab, load_vocab
from gongwen.extract.pipeline import document_from_text, extract


def _figures(issuer: str, body: str) -> dict[str, tuple[str | None, str | None]]:
    text = f"{issuer}2025年工作总结\n一、主要成效\n{body}\n{issuer}\n2025年12月20日"
    return {f.as_written: (f.program, f.scope) for f in extract(document_from_text(text)).figures}


@pytest.mark.parametrize("issuer, bureau", [
    ("青禾县地震局", "dizhen"),
    ("青禾县防震减灾服务中心", "dizhen"),
    ("青禾县畜牧兽医局", "xumu"),  # not nongye (畜牧兽医)
    ("青禾县动物疫病预防控制中心", "xumu"),
    ("青禾县农业农村局", "nongye"),
])
def test_the_bodys_issuer_line_selects_its_file(issuer: str, bureau: str) -> None:
    assert choose_vocab(None, issuer) == bureau


def test_vocab_dizhen_monitoring_warning_drills_and_rural_houses() -> None:
    f = _figures("青禾县地震局", "全县建成地震监测台站12个，台站运行率达到99.2%。新增地震预警终端86台。"
                 "组织地震应急演练34场。创建防震减灾科普示范学校5所。完成农村民居地震安全工程改造320户。")
    assert [f[w][0] for w in ("12个", "99.2%", "86台", "34场", "5所", "320户")] == [
        "地震监测", "地震监测", "地震烈度速报与预警", "地震应急", "防震减灾科普", "农村民居地震安全工程"]


def test_vocab_xumu_livestock_immunisation_quarantine_and_manure() -> None:
    f = _figures("青禾县畜牧兽医局", "全县生猪出栏28.6万头，能繁母猪存栏2.1万头。肉牛存栏4.3万头。口蹄疫应免密度达到100%。"
                 "开展产地检疫12.6万头次。畜禽粪污综合利用率达到85.3%。抽检兽药饲料样品156批次。")
    assert [f[w][0] for w in ("28.6万头", "2.1万头", "4.3万头", "100%", "12.6万头", "85.3%", "156批次")] == [
        "生猪生产", "生猪生产", "草食畜牧业", "动物防疫", "动物检疫监督", "畜禽养殖废弃物资源化利用", "兽药饲料监管"]
    assert (f["28.6万头"][1], f["2.1万头"][1], f["100%"][1]) == ("生猪", "能繁母猪", "口蹄疫")


def test_a_bodys_sub_program_named_elsewhere_is_its_parents() -> None:
    """A specialised body's part of a farm program (无害化处理 within 动物防疫) named in another
    report is that program, at the line bureau's strength."""
    assert load_vocab(None).alias_map["病死畜禽无害化处理"] == "动物防疫"
    assert load_vocab("xumu").alias_map["病死畜禽无害化处理"] == "无害化处理"
