"""The cue lists the phrase cutter and the program labeller read are data (metrics.yaml phrase
cues, _universal.yaml reference_bases): compiled as written, each word kept from the longer words
its data names."""

from __future__ import annotations

import regex

from gongwen.extract.figures.words.metric_rules import cue_alt, metric_rules
from gongwen.extract.figures.words.vocab import load_vocab


def test_a_word_is_kept_from_the_longer_words_its_data_names() -> None:
    spec = {"words": ["及", "据"], "not_after": {"及": "涉普"}, "not_before": {"据": ["统计"]}}
    rx = regex.compile(f"(?:{cue_alt(spec)})$")
    assert rx.search("企业及") and not rx.search("涉及") and not rx.search("普及")
    assert rx.search("依据") and not rx.search("据统计")


def test_the_phrase_cues_cut_the_trail_and_lead_words_and_keep_the_longer_ones() -> None:
    r = metric_rules()
    assert r["phrase_trail_rx"].sub("", "养老服务机构及") == "养老服务机构"
    assert r["phrase_trail_rx"].sub("", "惠及") == "惠及"  # 惠及 is a word: no trail 及
    assert r["phrase_trail_rx"].sub("", "户均") == "户均"  # 户均 keeps its 均
    assert r["phrase_lead_rx"].sub("", "据统计城镇新增就业") == "据统计城镇新增就业"
    assert r["phrase_lead_rx"].sub("", "占耕地面积") == "耕地面积"
    assert r["phrase_lead_rx"].sub("", "占比") == "占比"  # 占 before a one-character rest stays
    assert r["done_trail_rx"].search("公路建设完成") and not r["done_trail_rx"].search("任务超额完成")
    assert [m.end() for m in r["function_char_rx"].finditer("困难群众和低保对象")] == [5]  # not 对 of 对象


def test_a_base_a_standard_is_set_against_is_read_from_the_data() -> None:
    v = load_vocab(None)
    assert v.reference_before.search("特困人员基本生活标准按不低于当地")
    assert v.reference_after.match("标准的1.3倍确定") and v.reference_after.match("的90%")
    assert not v.reference_after.match("标准提高到")
