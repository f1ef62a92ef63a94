"""Word lists once written inside the extractor's regexes are data (session 14, engineer S): each
pattern is built from its list in the written order, so a word added to the data file is read
without touching the code, and the patterns read invented text as before."""

from __future__ import annotations

from gongwen._data import package_yaml


def _data(name: str) -> dict:
    return package_yaml("gongwen.extract", f"data/{name}")


def test_the_per_head_words_of_a_changed_level_are_data() -> None:
    from gongwen.extract.figures.grammar import changes

    c = _data("changes.yaml")
    assert changes._PC_TAIL.pattern == "(?:" + "|".join(c["per_head"]) + ")$"
    assert "(?:" + "|".join([*c["per_head"], *c["per_period"]]) + ")?" == changes._PC
    assert changes._PC_TAIL.search("补助标准提高到每人每月") is not None
    assert changes._PC_TAIL.search("补助标准提高到每月") is None


def test_the_words_joining_a_noun_to_its_value_are_data() -> None:
    from gongwen.extract.figures.grammar import context_units

    links = _data("phrases.yaml")["value_links"]
    assert "(?:" + "|".join(links["noun"]) + ")?" in context_units._NOUN_UNIT_BEFORE.pattern
    assert "(?:" + "|".join(links["level"]) + ")?" in context_units._DIMENSIONLESS_BEFORE.pattern


def test_a_level_held_steady_is_read_from_its_data() -> None:
    from gongwen.extract.figures import assemble

    steady = _data("phrases.yaml")["steady"]
    assert steady["baselines"].index("上年同期") < steady["baselines"].index("上年末")
    assert assemble._STEADY_BEFORE.search("出栏量稳定在") is not None
    assert assemble._STEADY_AFTER.match("，与去年同期基本持平") is not None
    assert assemble._STEADY_AFTER.match("，与前年基本持平") is None


def test_label_words_of_parts_counts_and_rates_are_heads_data() -> None:
    from gongwen.extract.figures.context import enumerations
    from gongwen.extract.figures.labels import counts, ratio_metrics, scope_parts

    h = _data("heads.yaml")
    assert scope_parts._PART_OPENS.sub("", "其中包括城区养老机构") == "城区养老机构"
    assert scope_parts._PART_TRAILS.search("农村救助").group() == "救助"
    assert counts._NOT_COUNTED.match("以上的") is not None and counts._NOT_COUNTED.match("桥梁") is None
    assert counts._MEASURED.search("改造管网里程") is not None
    assert enumerations._AMOUNT_ITEM.search("快递业务量") is not None
    for w in h["not_a_rate_name"]:
        assert ratio_metrics._NOT_A_RATE_NAME.search(w + "全年目标") is not None
    assert ratio_metrics._WHOLE_OF_RATE.search("年度目标任务的98.5%").group("tail") == "目标任务"


def test_a_report_without_a_title_announces_its_kind_by_data() -> None:
    from gongwen.extract.text.metadata import _kind_from_text, _text_kinds

    assert _text_kinds() == _data("titles.yaml")["text_kinds"]
    assert _kind_from_text("各位同事：\n现将本单位一年来的工作总结如下。\n") == "summary"
    assert _kind_from_text("一、明年工作安排\n（一）抓好防汛备汛。\n") == "plan"
    assert _kind_from_text("通知\n请各单位按时报送材料。\n") is None
