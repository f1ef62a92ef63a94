"""Engineer U: a misprinted figure is found at error level where the text leaves no other reading,
and the correct sibling of each text gives no finding (invented words)."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2025年白鹭县相关工作情况的报告\n"


def _report(text: str):
    return check(extract(document_from_text(HEAD + text + "\n")))


def _problems(text: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.status, f.severity) for f in _report(text).findings if f.problem]


def _verdicts(text: str, code: str) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in _report(text).by_code(code)]


# --- one fact stated twice at one precision: 58 and 59 meet only at 58.5, they are not one value
MEDALS = ("2025年，全县体育工作取得新进展，我县代表团在省运动会上获得金牌58枚。\n一、主要工作\n"
          "（一）竞技体育。我县代表团在省运动会上获得金牌{n}枚、银牌41枚。\n（二）全民健身。新建健身步道32公里。")


def test_one_fact_stated_twice_alike_is_verified() -> None:
    assert _verdicts(MEDALS.format(n="58"), "GW112") == [("consistent", "info")]
    assert _problems(MEDALS.format(n="58")) == []


def test_one_fact_stated_twice_one_unit_apart_is_not_verified() -> None:
    assert ("consistent", "info") not in _verdicts(MEDALS.format(n="59"), "GW112")


def test_an_item_of_a_list_is_named_by_its_own_words() -> None:
    # 银牌 41 枚 follows 金牌 in its list: it is no mention of the 金牌 stated before
    assert [f for f in _report(MEDALS.format(n="58")).by_code("GW112") if "41枚" in f.message] == []


# --- a relation found by name only says nothing when it fails, unless two swapped digits explain it
LEVELS_OF_CARE = "截至年底，全县建成县级养老服务中心1个、乡镇养老服务站15个、村级养老服务点{n}个，三级养老服务设施共252个。"


def test_a_total_found_by_name_that_adds_up_is_verified() -> None:
    assert _verdicts("一、主要工作\n" + LEVELS_OF_CARE.format(n="236"), "GW102") == [("consistent", "info")]


def test_a_total_found_by_name_missed_by_two_swapped_digits_is_an_error() -> None:
    assert _verdicts("一、主要工作\n" + LEVELS_OF_CARE.format(n="263"), "GW102") == [("inconsistent", "error")]


def test_a_total_found_by_name_missed_otherwise_says_nothing() -> None:
    # 1 + 15 + 240 = 256: no single slip of the pen gives 252 — perhaps another grouping is meant
    assert _verdicts("一、主要工作\n" + LEVELS_OF_CARE.format(n="240"), "GW102") == []


# --- a level restated under its very name, one digit apart where no rounding gives it
RATE_TWICE = ("2025年，全县婴儿死亡率为2.26‰，孕产妇系统管理率96.5%。\n一、主要工作\n"
              "（一）妇幼健康。全县活产5,320人，婴儿死亡率{r}‰。")


def test_a_level_restated_alike_is_verified_and_one_digit_apart_is_an_error() -> None:
    assert _problems(RATE_TWICE.format(r="2.26")) == []
    assert ("GW112", "inconsistent", "error") in _problems(RATE_TWICE.format(r="3.26"))


PENDING = ("全年排查燃气管线隐患1,406处，已完成整改1,371处，整改率97.5%。对尚未整改到位的{rest}处隐患，"
           "逐一落实专人盯办。")


def test_a_remainder_found_by_words_missed_by_two_swapped_digits_is_an_error() -> None:
    found = [(f.status, f.severity) for f in _report("一、主要工作\n" + PENDING.format(rest="53")).by_code("GW104")
             if any(g.as_written == "53处" for g in f.figures)]
    assert found == [("inconsistent", "error")]


STOCK = ("一、年度工作\n年末全区共有在册帮扶对象{end}人。全面推行动态管理，年初在册帮扶对象4,120人，全年新增纳入630人、"
         "退出512人，帮扶对象规模总体稳定。")


def test_a_closing_stock_found_by_words_missed_by_two_swapped_digits_is_an_error() -> None:
    assert [(f.status, f.severity) for f in _report(STOCK.format(end="4,238")).by_code("GW104")
            if "−" in f.message] == [("consistent", "info")]
    assert [(f.status, f.severity) for f in _report(STOCK.format(end="4,283")).by_code("GW104")
            if "−" in f.message] == [("inconsistent", "error")]
