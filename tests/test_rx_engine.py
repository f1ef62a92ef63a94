"""rx() hands a pattern to the standard library's ``re`` only when it matches exactly what
``regex`` matches (gongwen._data.stdlib_form); everything else stays with ``regex``."""

from __future__ import annotations

import re
import sys

import pytest
import regex

from gongwen._data import _REGEX_DIGIT, _REGEX_SPACE, rx, stdlib_form

_EVERY_CHAR = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


@pytest.mark.parametrize(("ours", "theirs"), [(_REGEX_DIGIT, r"\d"), (_REGEX_SPACE, r"\s")], ids=["digit", "space"])
def test_spelled_out_class_is_regex_class_on_every_code_point(ours: str, theirs: str) -> None:
    assert re.findall(f"[{ours}]", _EVERY_CHAR) == regex.findall(theirs, _EVERY_CHAR)
    assert re.findall(f"[^{ours}]", _EVERY_CHAR) == regex.findall(f"[^{theirs}]", _EVERY_CHAR)


@pytest.mark.parametrize("pattern", [
    r"合计|共计|总计|总数",
    r"^[，,]?\s*(?P<verb>增长|下降)了?\s*(?:到|至)\s*$",
    r"(?:较|比|与)[^，。；,;、\d]{0,8}的$|(?:较|比|与)\d{4}年(?:同期)?的$",
    r"[（(](?P<num>\d{1,2})[）)][、．.]?",
    r"(?P<num>\d{1,2})(?:[、．]|\.(?!\d))",
    r"由\s*\Z",
    r"(.)\1",
    r"[①-⑳]",
], ids=lambda p: p[:12])
def test_stdlib_patterns_match_as_regex_does(pattern: str) -> None:
    compiled = rx(pattern)
    assert isinstance(compiled, re.Pattern)
    other = regex.compile(pattern)
    texts = ["比上年增长了 到", "较上年同期的", "较2024年的", "（12）。", "3.5", "3、", "由 ", "由\u3000", "由\x1c",
             "十\u2003二、", "１２．", "\U00011f52、", "天天", "合计12", "③", "增长到"]
    for t in texts:
        for pos in range(len(t) + 1):
            a, b = compiled.search(t, pos), other.search(t, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (pattern, t, pos)
            a, b = compiled.match(t, pos), other.match(t, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (pattern, t, pos)


@pytest.mark.parametrize("pattern", [
    r"[\p{Han}]{2,14}",  # a Unicode property
    r"\w+",  # \w and \b differ between the two
    r"(?r)的$",  # an inline flag
    r"[\p{Han}--[的]]",  # a set operation
    r"[[:alpha:]]",  # a POSIX class: a nested set to the stdlib
    r"(?:年|月){e<=1}",  # fuzzy matching: a literal brace to the stdlib
    r"(?<!新)(?P<verb>增长)",  # opens on a lookbehind (the stdlib would try every position)
    r"力争|(?<![将])计划",  # an alternative opening on a lookbehind
    r"(?<=[\p{Han}]{2})额$",
    r"(?P<n>一)|(?P<n>二)",  # a group name used twice
    r"底(?<=年底|年度底)",  # a lookbehind of variable width
], ids=lambda p: p[:12])
def test_patterns_only_regex_reads_right_stay_with_regex(pattern: str) -> None:
    assert isinstance(rx(pattern), regex.Pattern)


def test_stdlib_form_spells_out_digit_and_space() -> None:
    assert stdlib_form(r"\d+\s") == f"[{_REGEX_DIGIT}]+[{_REGEX_SPACE}]"
    assert stdlib_form(r"[^，\d]") == f"[^，{_REGEX_DIGIT}]"
    assert stdlib_form(r"[\1]") is None  # an octal escape in a set
    assert stdlib_form("\\") is None
