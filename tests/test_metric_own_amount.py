"""An amount whose clause names its own act or amount keeps that name; the pay verb of the sentence
names only the amounts whose clause names nothing paid of its own (invented text)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_an_amount_named_by_its_clause_is_not_renamed_by_a_pay_verb_before_it() -> None:
    """"…经营支出a亿元，净收益b亿元": 净收益 is the amount (支出 of the clause before is no payment of it);
    "发放稳岗资金…，支付失业保险待遇c万元": the amount is what its own clause says was done."""
    f = _figures("全年实现经营收入8.4亿元，经营支出3.2亿元，净收益5.2亿元。"
                 "全年发放稳岗资金300万元，全年支付失业保险待遇1,260万元。")
    assert f["5.2亿元"].metric == "净收益"
    assert f["1,260万元"].metric == "支付失业保险待遇"


def test_a_thing_paid_in_the_list_of_a_pay_verb_is_still_a_payment() -> None:
    """"全年发放的优抚资金中，A金a万元、B优待金b万元": each part is a payment (发放金额), its thing paid
    being the category."""
    f = _figures("全年发放的优抚资金中，伤残抚恤金900万元、义务兵家庭优待金400万元。")
    assert f["400万元"].metric == "发放金额"
    assert f["900万元"].metric == "发放金额"


def test_a_total_of_payments_stays_the_payment() -> None:
    """"发放A补贴a万元、B补贴b万元，两项合计c万元": the total names nothing paid of its own (发放金额)."""
    f = _figures("全年发放困难老人生活补贴320.5万元、高龄津贴410.2万元，两项合计730.7万元。")
    assert f["730.7万元"].metric == "发放金额"
