"""What was done, named as done: an amount with 完成 after its noun, a table column of what was
done in a period (invented text)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_done_after_the_noun_names_the_amount_as_done_before_it() -> None:
    """"一般公共预算支出完成X亿元" is what "完成一般公共预算支出X亿元" is (not 发放金额, not …完成)."""
    f = _figures("全年一般公共预算收入完成4.35亿元，同比增长5.2%；一般公共预算支出完成11.08亿元，同比增长3.9%。")
    assert f["4.35亿元"].metric == "完成一般公共预算收入"
    assert f["5.2%"].metric == "完成一般公共预算收入增速"
    assert f["11.08亿元"].metric == "完成一般公共预算支出"
    assert f["3.9%"].metric == "完成一般公共预算支出增速"


def test_a_period_column_of_what_was_done_is_named_by_its_words_and_unit() -> None:
    """年度任务 | 1-6月完成 | 完成进度（%） over 万亩: the done column is 完成面积, its 合计 row too."""
    f = _figures("上半年各项造林指标完成情况如下表。\n单位：万亩\n"
                 "指标\t年度任务\t1-6月完成\t完成进度（%）\n"
                 "人工造林\t4.1\t2.33\t56.8\n封山育林\t3.0\t1.47\t49.0\n造林合计\t7.1\t3.80\t53.5\n")
    assert f["2.33"].metric == "完成面积"
    assert f["1.47"].metric == "完成面积"
    assert f["3.80"].metric == "完成面积"
    assert f["4.1"].metric == "年度任务"



def test_the_size_of_an_amount_names_the_amount() -> None:
    """"审计资金规模X亿元": the amount audited, named whole, not a payment (发放金额)."""
    f = _figures("全年完成审计项目31个，审计资金规模19.4亿元，查出问题金额1.26亿元。")
    assert f["19.4亿元"].metric == "审计资金规模"


def test_a_per_head_word_before_a_change_is_not_cut_in_half() -> None:
    """"月人均由A提高到B": 人均 is a word, not 人 and the adverb 均 (the metric was 月人)."""
    f = _figures("全县企业退休人员基本养老金月人均由2,431元提高到2,497元。")
    assert f["2,497元"].metric.endswith("月人均")
