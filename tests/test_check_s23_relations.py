"""Engineer R (wave 23): relations found on groups N and O of the development corpus, each landed
only where it gained on a group it was not found on as well — invented words for each mechanism."""

from __future__ import annotations

from test_check_r_coverage import _verdicts  # the same invented report head and helpers

LOANS = ("全年发放创业担保贷款{n}笔、1.86亿元，较上年分别增长5.2%和7.4%，笔均贷款{avg}万元。")


def test_a_level_per_transaction_is_the_amount_over_the_count_of_transactions() -> None:
    # 笔 counts transactions: 1.86 亿元 ÷ 1240 笔 = 15.0 万元
    assert ("consistent", "info", ("1.86亿元", "1240笔", "15.0万元")) in [
        (s, sev, tuple(sorted(figs))) for s, sev, figs in _verdicts(LOANS.format(n="1240", avg="15.0"), "GW106")]



HOUSING = ("全年发放个人住房贷款{n}笔、12.4亿元，较上年增长4.1%。其中，首套住房贷款2650笔，占发放笔数的{r}%。")


def test_a_whole_named_by_the_count_of_its_unit_is_the_figure_of_that_unit_so_named() -> None:
    # 占发放笔数的: 笔数 counts in 笔, 发放 names the whole (2650 ÷ 3120 = 84.94 %)
    assert _verdicts(HOUSING.format(n="3120", r="84.9"), "GW107") == [
        ("consistent", "info", ("2650笔", "3120笔", "84.9%"))]


def test_a_whole_so_named_that_misses_is_no_finding() -> None:
    # found by a loose name, so kept only where it holds
    assert _verdicts(HOUSING.format(n="3120", r="80.9"), "GW107") == []


SIBLINGS = ("全年发放个人住房贷款3120笔、12.4亿元。其中，首套住房贷款2650笔，占发放笔数的84.9%；"
            "向新市民发放贷款{n}笔，占{r}%。")


def test_a_bare_share_after_a_siblings_named_share_is_of_the_same_whole() -> None:
    # 占 47.6%: the clause before it shares out 3120 笔, so 1486 ÷ 3120 = 47.63 %
    assert ("consistent", "info", ("1486笔", "3120笔", "47.6%")) in _verdicts(SIBLINGS.format(n="1486", r="47.6"), "GW107")


def test_a_bare_share_after_a_sibling_that_misses_is_no_finding() -> None:
    # the whole is read from the parallel of the clauses, so kept only where it holds
    assert [v for v in _verdicts(SIBLINGS.format(n="1486", r="44.6"), "GW107") if "44.6%" in v[2]] == []


YIELD = ("全年实现业务收入8.62亿元，业务支出4.15亿元，实现增值收益{v}亿元，全部按规定分配。")


def test_a_funds_value_added_is_its_income_less_its_spending() -> None:
    # 增值收益 is a balance whose word names its flows: 8.62 − 4.15 = 4.47
    assert ("consistent", "info", ("4.15亿元", "4.47亿元", "8.62亿元")) in _verdicts(YIELD.format(v="4.47"), "GW104")


def test_a_value_added_that_its_flows_do_not_make_is_reported() -> None:
    assert [(s, figs) for s, _, figs in _verdicts(YIELD.format(v="4.74"), "GW104")] == [
        ("inconsistent", ("4.15亿元", "4.74亿元", "8.62亿元"))]
