"""A standard set as a multiple of another the text states elsewhere (GW128): 不低于 makes a
bound, else an equality up to one unit of the set value's last digit.  Invented words."""

from __future__ import annotations

import pytest

from gongwen.check import Report, check
from gongwen.extract.pipeline import document_from_text, extract


def run(body: str) -> Report:
    return check(extract(document_from_text("关于2024年青苇区学堂工作情况的报告\n一、学堂补助\n" + body + "\n")))


def verdicts(r: Report) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in r.by_code("GW128")]


@pytest.mark.parametrize("x, verdict", [("1,066", ("consistent", "info")), ("1,070", ("consistent", "info")),
                                        ("1,036", ("inconsistent", "error"))])
def test_a_standard_not_below_a_multiple_of_its_base(x: str, verdict: tuple[str, str]) -> None:
    r = run("城市学堂补助标准由每人每月780元提高到820元。特困学员生活标准按不低于城市学堂补助标准的1.3倍确定，"
            f"由每人每月1,014元调整为{x}元。")
    # (the old values too: 1,014 ≥ 1.3 × 780, a reading kept because it holds — engineer R2)
    assert sorted(verdicts(r)) == sorted([verdict, ("consistent", "info")])


@pytest.mark.parametrize("x, verdict", [("1,066", ("consistent", "info")), ("1,070", ("inconsistent", "error"))])
def test_a_standard_set_at_a_multiple_is_an_equality(x: str, verdict: tuple[str, str]) -> None:
    r = run(f"城市学堂补助标准由每人每月780元提高到820元。特困学员生活标准按城市学堂补助标准的1.3倍确定，调整为每人每月{x}元。")
    assert verdicts(r) == [verdict]


def test_each_category_against_its_own_base() -> None:
    body = ("城市学堂补助标准由每人每月720元提高到768元，农村学堂补助标准由每人每月530元提高到572元。"
            "特困学员生活标准按不低于当地学堂补助标准的1.3倍确定，城市、农村分别调整为每人每月1000元和{x}元。")
    assert verdicts(run(body.format(x="744"))) == [("consistent", "info")] * 2
    assert sorted(verdicts(run(body.format(x="704")))) == [("consistent", "info"), ("inconsistent", "error")]


def test_a_base_the_text_does_not_state_checks_nothing() -> None:
    assert verdicts(run("特困学员生活标准按不低于城市学堂补助标准的1.3倍确定，调整为每人每月1,066元。")) == []


# Engineer R2 (wave 14): where the values stand and how the base is written vary by writer.

def test_the_value_before_the_multiple_whose_clause_it_continues() -> None:
    body = ("城市学堂补助标准由每人每月780元提高到820元。特困学员生活标准由每人每月1,020元提高到{x}元，"
            "不低于当地城市学堂补助标准的1.3倍，护理标准分档确定。")
    assert verdicts(run(body.format(x="1,080"))) == [("consistent", "info")] * 2  # 1,080 ≥ 1,066; 1,020 ≥ 1,014
    assert sorted(verdicts(run(body.format(x="1,040")))) == [("consistent", "info"), ("inconsistent", "error")]


def test_a_base_written_before_the_multiple_without_de() -> None:
    body = "城市学堂补助标准由每人每月780元提高到820元。特困学员生活标准按不低于城市学堂补助标准1.3倍的原则确定，调整为每人每月{x}元。"
    assert verdicts(run(body.format(x="1,070"))) == [("consistent", "info")]
    assert verdicts(run(body.format(x="1,040"))) == [("inconsistent", "error")]


def test_values_each_named_with_its_category() -> None:
    body = ("城市学堂补助标准由每人每月780元提高到820元，农村学堂补助标准由每人每月600元提高到640元。"
            "特困学员生活标准按不低于当地学堂补助标准的1.3倍确定，现行城市标准为每人每月1070元、农村标准为每人每月{x}元。")
    assert verdicts(run(body.format(x="835"))) == [("consistent", "info")] * 2
    assert sorted(verdicts(run(body.format(x="800")))) == [("consistent", "info"), ("inconsistent", "error")]


def test_an_old_value_that_breaks_the_rule_says_nothing() -> None:
    # the old standard may have been set under an older rule: only a reading that holds is kept
    body = ("城市学堂补助标准由每人每月780元提高到820元。特困学员生活标准按不低于城市学堂补助标准的1.3倍确定，"
            "由每人每月900元调整为1,070元。")
    assert verdicts(run(body)) == [("consistent", "info")]
