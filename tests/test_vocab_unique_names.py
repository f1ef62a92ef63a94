"""Every bundled vocabulary names each program once: YAML keeps the last of two entries of one name
silently, so a renamed program that takes an existing name loses the other's aliases (shichang.yaml
held 消费者权益保护 twice, the second inside itself, and 消费维权 named no program)."""

from __future__ import annotations

from importlib import resources

import regex

from gongwen.extract.pipeline import document_from_text, extract

_KEY = regex.compile(r"^  ([^\s#][^:]*):\s*$", regex.M)  # a program's name: a key indented once


def test_no_program_is_named_twice_in_a_file() -> None:
    folder = resources.files("gongwen.extract").joinpath("data/vocab")
    for f in folder.iterdir():
        if not f.name.endswith(".yaml"):
            continue
        names = _KEY.findall(f.read_text("utf-8"))
        twice = sorted({n for n in names if names.count(n) > 1})
        assert not twice, f"{f.name}: {twice}"


def test_both_entries_words_name_the_program() -> None:
    text = ("青禾县市场监督管理局2024年工作总结\n一、消费环境\n全年开展消费维权宣传活动18场，"
            "受理消费者投诉举报2140件。\n青禾县市场监督管理局\n2024年12月20日")
    p = {f.as_written: f.program for f in extract(document_from_text(text)).figures}
    assert p["18场"] == "消费者投诉举报"
    assert p["2140件"] == "消费者投诉举报"
