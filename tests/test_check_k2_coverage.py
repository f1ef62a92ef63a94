"""Engineer K (wave 10): relations a reader sees that the checker now reads (invented words): a
standard paid per unit multiplied out to the amount paid, with its count or area anywhere in the
paragraph."""

from __future__ import annotations

from test_check_r_coverage import _verdicts  # the same invented report head and helpers


def test_a_standard_per_mu_multiplies_out_to_the_amount_paid() -> None:
    body = "按照每亩95元的标准发放稻谷生产者补贴2,185.0万元，补贴面积23.0万亩，资金直达农户。"
    assert _verdicts(body, "GW106") == [("consistent", "info", ("2,185.0万元", "23.0万亩", "每亩95元"))]


def test_a_standard_per_elevator_multiplies_out_to_the_amount_paid() -> None:
    body = "全年新增加装电梯31部，对已完工的28部电梯，按照每部15万元的标准兑现补贴资金420万元。"
    assert _verdicts(body, "GW106") == [("consistent", "info", ("28部", "420万元", "每部15万元"))]


POSTS = "全县聘用乡村公益岗位人员420人，其中脱贫人口300人。按每人每年1.2万元标准发放岗位补贴{amount}万元。"


def test_the_count_a_standard_was_paid_for_may_stand_in_the_sentence_before() -> None:
    # 504 ÷ 300 = 1.68 万元 is no reading: the standard is exact, the pairing with 420 holds
    assert _verdicts(POSTS.format(amount="504"), "GW106") == [
        ("consistent", "info", ("420人", "504万元", "每人每年1.2万元"))]


def test_a_standard_that_multiplies_out_to_nothing_in_its_paragraph_says_nothing() -> None:
    # paired by reading only: some of those counted may not have been paid
    assert _verdicts(POSTS.format(amount="540"), "GW106") == []


FUND = ("上半年，居民医保基金收入3.10亿元，支出2.80亿元，当期结余0.30亿元。截至6月末，居民医保基金累计结余"
        "4.20亿元，按上半年月均支出测算可支付{months}个月。")


def test_months_a_balance_lasts_are_the_balance_over_the_monthly_spending() -> None:
    # 4.20 ÷ (2.80 ÷ 6) = 9.0: the spending of a half-year is six months of it
    assert _verdicts(FUND.format(months="9.0"), "GW106") == [
        ("consistent", "info", ("2.80亿元", "4.20亿元", "9.0个月"))]


def test_months_of_cover_that_no_pair_gives_say_nothing() -> None:
    # stock and flow are read by their names: another fund's may be meant
    assert _verdicts(FUND.format(months="11.0"), "GW106") == []


def test_months_an_inventory_lasts_are_read_from_the_sales_of_the_year() -> None:
    body = ("全年商品住宅销售面积72.0万平方米，同比下降3.1%。年末商品住宅库存面积84.0万平方米，按全年月均销售面积"
            "测算，去化周期14.0个月。")
    assert _verdicts(body, "GW106") == [("consistent", "info", ("14.0个月", "72.0万平方米", "84.0万平方米"))]


def _table(*rows: str) -> str:
    return "全县经营主体情况见下表。\n" + "\n".join(f"| {r} |" for r in rows) + "\n"


def _subrow_verdicts(private: str) -> list[tuple[str, str, tuple[str, ...]]]:
    body = _table("类别 | 年末实有户数（户） | 当年新增（户） | 同比（%）",
                  "企业 | 8,240 | 1,105 | 6.1",
                  f"其中：私营企业 | {private} | 1,032 | 6.8",
                  "个体工商户 | 30,150 | 4,210 | 5.2",
                  "合计 | 38,390 | 5,315 | 5.4")
    return [v for v in _verdicts(body, "GW108")]


def test_a_table_row_a_qizhong_opens_lies_within_the_row_before_it() -> None:
    # one row under 其中: a selection, no sum; each column of counts is within its parent's
    assert sorted(_subrow_verdicts("7,715")) == [
        ("consistent", "info", ("1,032", "1,105")), ("consistent", "info", ("7,715", "8,240"))]


def test_a_table_subrow_beyond_its_parent_is_no_verification() -> None:
    assert _subrow_verdicts("8,715") == [("consistent", "info", ("1,032", "1,105"))]


def test_a_share_of_a_whole_named_with_a_township_prefix_finds_it_elsewhere() -> None:
    # 全街道 names the place, as 全县 does: the whole is 税收收入, stated in another paragraph
    body = "全年完成税收收入4.20亿元，同比增长5.0%。\n（二）楼宇经济\n全年实现楼宇税收2.10亿元，占全街道税收收入的{}%。"
    assert _verdicts(body.format("50.0"), "GW107") == [("consistent", "info", ("2.10亿元", "4.20亿元", "50.0%"))]


BIRTHS = "全年全县活产数3,120例，婴儿死亡6例，婴儿死亡率为{rate}‰，孕产妇系统管理率保持较高水平。"


def test_a_rate_per_mille_is_its_count_over_what_it_is_counted_among() -> None:
    # 6 ÷ 3,120 × 1000 = 1.923: the births are the whole, counted in the same unit (例), not people
    assert _verdicts(BIRTHS.format(rate="1.92"), "GW106") == [("consistent", "info", ("1.92‰", "3,120例", "6例"))]


def test_a_rate_per_mille_no_pair_gives_says_nothing() -> None:
    assert _verdicts(BIRTHS.format(rate="2.92"), "GW106") == []
