"""A whole stated once and each class of it stated apart under the whole's own name (issue 10,
session 16, engineer R1): 全县农机合作社社员 in the opening, then 城镇农机合作社社员 and 农村农机合作社
社员 in two later sentences — the members of a known set that partitions a whole (vocab
exhaustive_sets) — add up to it.  Found by name, so verified when it holds and never reported.
Invented sentences."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

TEXT = """关于2025年鹭汀县农机服务工作情况的总结
截至12月底，全县农机合作社社员总数达到{whole}人，农机服务能力稳步提升。现将有关情况总结如下。
一、社员发展
年末，全县城镇农机合作社社员{town}人，较上年增加35人。农村农机合作社社员{village}人，主要分布在平原乡镇。
二、下一步打算
继续扩大农机社会化服务覆盖面。
"""


def _sums(**values: str) -> list[tuple[str, str]]:
    r = check(extract(document_from_text(TEXT.format(**values))))
    assert not r.problems
    return [(f.status, f.message) for f in r.by_code("GW101")]


def test_classes_stated_apart_add_up_to_their_whole() -> None:
    assert _sums(whole="1,260", town="418", village="842") == [
        ("consistent", "城镇418人 + 农村842人 = 1260人，与所述总数 1,260人 一致")]


def test_classes_that_do_not_add_up_are_never_reported() -> None:
    # found by name alone: the two may be only some of the whole's classes as the text counts them
    assert _sums(whole="1,260", town="418", village="802") == []


def test_one_class_alone_is_no_breakdown() -> None:
    text = TEXT.replace("农村农机合作社社员", "平原农机合作社社员")
    r = check(extract(document_from_text(text.format(whole="1,260", town="418", village="842"))))
    assert list(r.by_code("GW101")) == []
