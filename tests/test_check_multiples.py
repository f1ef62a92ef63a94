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
    assert verdicts(r) == [verdict]


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
