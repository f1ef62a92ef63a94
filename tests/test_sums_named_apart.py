"""Sums whose parts are stated apart from their whole (GW101): a breakdown cue's whole is the last
figure of its parts' kind (not a target stated after it); a list opened by 的…中 names its whole by
the noun after 的; a small total is kept when every part is named with its words.  Invented text."""

from __future__ import annotations

from checkfacts import checked, findings

_KIND = """某县农业农村局2025年工作总结
一、粮食生产
全年粮食播种面积52.60万亩，较上年增加0.40万亩，完成市下达任务52万亩的101.2%；粮食总产量21.35万吨，较上年增产0.38万吨，增长1.8%。分季看，夏粮播种面积18.20万亩，秋粮播种面积34.40万亩，秋粮面积占全年的65.4%。
"""


def test_a_breakdown_adds_up_to_the_last_figure_of_its_kind() -> None:
    r = checked(_KIND)
    assert ("consistent", "info", ("18.20万亩", "34.40万亩", "52.60万亩")) in findings(r, "GW101", "18.20万亩")


_OF = """某县民政局2025年工作总结
全年共发放各类救助资金2860.5万元，困难群众基本生活得到保障。
一、社会救助
（一）资金保障。全年发放的救助资金中，低保金1820.3万元、特困供养金760.2万元、临时救助金280.0万元。
"""


def test_a_list_opened_by_its_whole_after_de_adds_up_to_it() -> None:
    r = checked(_OF)
    assert ("consistent", "info", ("1820.3万元", "280.0万元", "2860.5万元", "760.2万元")) in findings(r, "GW101", "2860.5万元")


_SMALL = """某县卫生健康局2025年工作总结
一、医疗资源
全县等级医院由10家增加到12家。截至年底，全县共有三级等级医院2家、二级等级医院6家、一级等级医院4家。
"""


def test_a_small_total_whose_parts_all_carry_its_name() -> None:
    r = checked(_SMALL)
    assert ("consistent", "info", ("12家", "2家", "4家", "6家")) in findings(r, "GW101", "12家")


_AFTER = """某县工业和信息化局2025年工作总结
一、工业运行
主导产业支撑有力，新材料、电子信息、食品加工产业分别实现产值42.10亿元、30.25亿元、18.65亿元，三大产业合计实现产值91.00亿元。
"""


def test_a_total_whose_cue_repeats_the_items_words() -> None:
    r = checked(_AFTER)
    assert ("consistent", "info", ("18.65亿元", "30.25亿元", "42.10亿元", "91.00亿元")) in findings(r, "GW102", "91.00亿元")
