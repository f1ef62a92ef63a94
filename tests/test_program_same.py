"""The looser program measure of the benches (bench/program_same.py): two names agree when they name
one program of the bundled vocabularies — its key or one of its listed aliases — never when they
name two programs, a weak alias, or a name no vocabulary holds."""

from __future__ import annotations

from conftest import bench_module


def _same():
    return bench_module("program_same").same_program


def test_an_alias_names_its_program() -> None:
    same = _same()
    assert same("低保", "最低生活保障") and same("最低生活保障", "低保")
    assert same("老旧小区改造", "城镇老旧小区改造")


def test_two_programs_or_unknown_names_do_not_agree() -> None:
    same = _same()
    assert not same("临时救助", "最低生活保障")
    assert not same("最低生活保障", "")  # a program where the writer names none
    assert not same("巡山护林示范点", "最低生活保障")  # a name no vocabulary holds
    assert same("巡山护林示范点", "巡山护林示范点") and same("", None)


def test_a_weak_alias_is_no_name_of_the_program() -> None:
    from gongwen.extract.figures.words.vocab import load_vocab

    v = load_vocab()
    weak = sorted(a for a in v.weak if a in v.alias_map and a not in v.programs)
    assert weak, "the bundled vocabularies have weak aliases"
    same = _same()
    assert not same(weak[0], v.alias_map[weak[0]])
