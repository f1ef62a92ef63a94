"""The vocabularies of government bodies and public institutions that had none (地震局, 畜牧兽医 …):
the issuer line selects the body's file and an invented sentence of its report gets the body's
official program names and its categories as scopes.  Invented sentences."""

from __future__ import annotations

import pytest
from conftest import body_figures

from gongwen.extract.figures.words.vocab import choose_vocab, load_vocab


def _figures(issuer: str, body: str) -> dict[str, tuple[str | None, str | None]]:
    return body_figures(issuer, body, "工作总结", "主要成效", "2025年12月20日")


@pytest.mark.parametrize("issuer, bureau", [
    ("青禾县地震局", "dizhen"),
    ("青禾县防震减灾服务中心", "dizhen"),
    ("青禾县畜牧兽医局", "xumu"),  # not nongye (畜牧兽医)
    ("青禾县动物疫病预防控制中心", "xumu"),
    ("青禾县农业农村局", "nongye"),
    ("青禾县农业机械化服务中心", "nongji"),
    ("青禾县农机安全监理站", "nongji"),
    ("青禾县水文水资源勘测中心", "shuiwen"),  # not shuili (水资源)
    ("青禾水文站", "shuiwen"),
    ("青禾县公路事业发展中心", "gonglu"),  # not jiaotong
    ("青禾县公路管理段", "gonglu"),
    ("青禾县交通运输局", "jiaotong"),
    ("青禾县水利局", "shuili"),
    ("青禾县外事办公室", "waishi"),
    ("青禾县外事侨务办公室", "waishi"),
    ("青禾县民族宗教侨务外事局", "minzong"),  # the wider body's longer name
    ("青禾县投资促进局", "touzicujin"),  # was shangwu's
    ("青禾县招商局", "touzicujin"),
    ("青禾县商务和投资促进局", "shangwu"),  # a 商务局 that promotes investment too
    ("青禾经济开发区管理委员会", "kaifaqu"),
    ("青禾高新技术产业开发区管委会", "kaifaqu"),
    ("青禾县人民武装部", "renwu"),
    ("青禾县人民医院", "yiyuan"),
    ("青禾县中医医院", "yiyuan"),
    ("青禾县卫生健康局", "weijian"),
    ("青禾县第一中学", "xuexiao"),
    ("青禾县实验小学", "xuexiao"),
    ("青禾县教育局", "jiaoyu"),
    ("青禾县农机化学校", "nongji"),  # the longer word
    ("青禾县妇幼保健院", "fuyou"),
    ("青禾县妇幼保健计划生育服务中心", "fuyou"),
    ("青禾县移民事务中心", "yimin"),
    ("中国人民银行青禾县支行", "renhang"),
    ("青禾县地方金融监督管理局", "jinrong"),
])
def test_the_bodys_issuer_line_selects_its_file(issuer: str, bureau: str) -> None:
    assert choose_vocab(None, issuer) == bureau


# (issuer, an invented sentence of its report, value -> (program, scope or None: not asserted))
BODIES = [
    pytest.param("青禾县地震局",
                 "全县建成地震监测台站12个，台站运行率达到99.2%。新增地震预警终端86台。"
                 "组织地震应急演练34场。创建防震减灾科普示范学校5所。"
                 "完成农村民居地震安全工程改造320户。",
                 {"12个": ("地震监测", None), "99.2%": ("地震监测", None), "86台": ("地震烈度速报与预警", None),
                  "34场": ("地震应急", None), "5所": ("防震减灾科普", None), "320户": ("农村民居地震安全工程", None)},
                 id="dizhen_monitoring_warning_drills_and_rural_houses"),
    pytest.param("青禾县畜牧兽医局",
                 "全县生猪出栏28.6万头，能繁母猪存栏2.1万头。肉牛存栏4.3万头。"
                 "口蹄疫应免密度达到100%。开展产地检疫12.6万头次。"
                 "畜禽粪污综合利用率达到85.3%。抽检兽药饲料样品156批次。",
                 {"28.6万头": ("生猪生产", "生猪"), "2.1万头": ("生猪生产", "能繁母猪"), "4.3万头": ("草食畜牧业", None),
                  "100%": ("动物防疫", "口蹄疫"), "12.6万头": ("动物检疫监督", None), "85.3%": ("畜禽养殖废弃物资源化利用", None),
                  "156批次": ("兽药饲料监管", None)},
                 id="xumu_livestock_immunisation_quarantine_and_manure"),
    pytest.param("青禾县农业机械化服务中心",
                 "全县农作物耕种收综合机械化率达到86.4%。兑付农机购置补贴资金2,860万元。"
                 "完成农机注册登记316台。新增保护性耕作面积3.6万亩。培育农机专业合作社42家。",
                 {"86.4%": ("农业机械化", None), "2,860万元": ("农机购置补贴", None), "316台": ("农机安全监理", None),
                  "3.6万亩": ("保护性耕作", None), "42家": ("农机社会化服务", "农机专业合作社")},
                 id="nongji_mechanisation_subsidies_licensing_and_tillage"),
    pytest.param("青禾县水文水资源勘测中心",
                 "全县共有国家基本水文站6处，雨量站48处。发布洪水预报23次，预报合格率达到91.5%。"
                 "采集水质样品1,260个。",
                 {"6处": ("水文站网", "国家基本水文站"), "48处": ("水文站网", "雨量站"), "23次": ("水文测报", "全县"),
                  "91.5%": ("水文测报", "全县"), "1,260个": ("水文水质监测", "全县")},
                 id="shuiwen_stations_forecasts_and_water_quality"),
    pytest.param("青禾县公路事业发展中心",
                 "全年完成国省干线公路大中修32.6公里，优良路率达到86.2%。改造危旧桥梁7座。"
                 "处置水毁路段43处。查处超限车辆126台次。",
                 {"32.6公里": ("公路养护", None), "86.2%": ("公路养护", None), "7座": ("公路桥梁隧道养护", "危旧桥梁"),
                  "43处": ("公路应急保通", None), "126台次": ("公路治超", None)},
                 id="gonglu_maintenance_bridges_floods_and_overloading"),
    pytest.param("青禾县外事办公室",
                 "全年审批因公出国（境）团组18批。接待外宾来访团组9批。新缔结国际友好城市2对。"
                 "办理APEC商务旅行卡46张。处置领事保护案件7起。",
                 {"18批": ("因公出国境管理", None), "9批": ("外宾来访接待", None), "2对": ("国际友好城市", None),
                  "46张": ("领事服务", None), "7起": ("涉外安全", None)},
                 id="waishi_trips_visits_sister_cities_and_consular_work"),
    pytest.param("青禾县投资促进局",
                 "全年新签约项目42个，其中亿元以上项目18个。实际到位省外资金58.6亿元。"
                 "举办招商推介会12场。为落地企业提供帮办代办服务320件次。"
                 "兑现招商引资奖励资金1,260万元。",
                 {"42个": ("招商引资", None), "18个": ("招商引资", "亿元以上项目"), "58.6亿元": ("招商引资", None),
                  "12场": ("招商引资", None), "320件次": ("项目服务保障", None), "1,260万元": ("招商政策", None)},
                 id="touzicujin_signings_and_funds_are_the_shared_investment_program"),
    pytest.param("青禾经济开发区管理委员会",
                 "全区实现规上工业总产值386.2亿元。亩均税收达到28.6万元。"
                 "处置批而未供土地1,260亩。新建标准厂房18.5万平方米。",
                 {"386.2亿元": ("规模以上工业", None), "28.6万元": ("亩均效益评价", None), "1,260亩": ("园区土地集约利用", None),
                  "18.5万平方米": ("园区基础设施", "标准厂房")},
                 id="kaifaqu_output_per_mu_land_and_plants"),
    pytest.param("青禾县人民武装部",
                 "全年批准入伍新兵326名，其中大学生士兵248名。完成兵役登记4,860人。"
                 "整组基干民兵1,200名。民兵军事训练参训率达到95.2%。"
                 "开展国防教育进校园活动36场。",
                 {"326名": ("征兵工作", None), "248名": ("征兵工作", "大学生士兵"), "4,860人": ("兵役登记", None),
                  "1,200名": ("民兵组织建设", "基干民兵"), "95.2%": ("民兵军事训练", None), "36场": ("全民国防教育", None)},
                 id="renwu_conscription_registration_militia_and_defence_education"),
    pytest.param("青禾县人民医院",
                 "全年完成门急诊42.6万人次，出院患者3.2万人次，其中四级手术占比达到18.6%。"
                 "药占比下降至26.4%。开展新技术新项目36项。患者满意度达到95.6%。",
                 {"42.6万人次": ("医疗服务", None), "3.2万人次": ("医疗服务", None), "18.6%": ("医疗服务", "四级手术"),
                  "26.4%": ("医院运营管理", None), "36项": ("学科建设", None), "95.6%": ("改善医疗服务", None)},
                 id="yiyuan_outpatients_surgery_costs_and_research"),
    pytest.param("青禾县第一中学",
                 "学校现有教学班48个，在校生2,360人。中考优秀率达到42.6%。立项课题8项。"
                 "学生在学科竞赛中获奖215人次。组织教师家访1,860户次。"
                 "课后服务参与率达到96.5%。",
                 {"48个": ("学校办学规模", None), "2,360人": ("学校办学规模", None), "42.6%": ("学校教育教学质量", None),
                  "8项": ("校本教研", None), "215人次": ("学生竞赛获奖", None), "1,860户次": ("家校协同", None),
                  "96.5%": ("课后服务", None)},
                 id="xuexiao_scale_quality_research_and_families"),
    pytest.param("青禾县妇幼保健院",
                 "全县孕产妇系统管理率达到95.6%，3岁以下儿童系统管理率93.2%。"
                 "婴儿死亡率为2.1‰。完成艾梅乙检测3,260人次。完成农村适龄妇女两癌筛查1.2万人。",
                 {"95.6%": ("孕产期保健", "孕产妇"), "93.2%": ("儿童保健服务", "3岁以下儿童"), "2.1‰": ("儿童保健服务", "婴儿"),
                  "3,260人次": ("预防母婴传播", "全县"), "1.2万人": ("两癌筛查", "农村适龄妇女")},
                 id="fuyou_mothers_children_and_transmission"),
    pytest.param("青禾县移民事务中心",
                 "全年核定水库移民后期扶持人口2.36万人，发放直补资金1,416万元。"
                 "实施后期扶持项目38个。开展移民技能培训1,200人次。",
                 {"2.36万人": ("水库移民后期扶持", None), "1,416万元": ("水库移民后期扶持", None), "38个": ("后期扶持项目", None),
                  "1,200人次": ("移民技能培训", None)},
                 id="yimin_support_projects_and_training"),
    pytest.param("中国人民银行青禾县支行",
                 "年末全县本外币各项贷款余额286.4亿元。全年发放支农再贷款3.2亿元。"
                 "办理国库收入52.6亿元。收缴假币186张。办理征信查询2.4万笔。"
                 "报送可疑交易报告36份。",
                 {"286.4亿元": ("金融运行", None), "3.2亿元": ("货币政策工具", None), "52.6亿元": ("国库管理", None),
                  "186张": ("人民币流通管理", None), "2.4万笔": ("征信管理", None), "36份": ("反洗钱", None)},
                 id="renhang_loans_relending_treasury_cash_and_credit_records"),
]


@pytest.mark.parametrize("issuer, body, expected", BODIES)
def test_an_invented_sentence_of_the_body_gets_its_programs_and_scopes(
        issuer: str, body: str, expected: dict[str, tuple[str, str | None]]) -> None:
    """Each body's official program names (the line bureau's where it is that program: 招商引资 of a
    投资促进局, 两癌筛查 of a 妇幼保健院) and its categories as scopes."""
    f = _figures(issuer, body)
    assert {w: f[w][0] for w in expected} == {w: p for w, (p, _) in expected.items()}
    assert {w: f[w][1] for w, (_, s) in expected.items() if s} == {w: s for w, (_, s) in expected.items() if s}


def test_the_line_bureaus_words_keep_their_programs_elsewhere() -> None:
    """A body's file lists a line bureau's words for its own programs (病死畜禽无害化处理 in 动物防疫,
    公路安全生命防护工程 in 公路养护): in the union and the line bureau's reports they stay its."""
    for bureau in (None, "nongye", "xiangzhen"):
        assert load_vocab(bureau).alias_map["病死畜禽无害化处理"] == "动物防疫"
    for bureau in (None, "jiaotong", "xiangzhen"):
        assert load_vocab(bureau).alias_map["公路安全生命防护工程"] == "公路养护"
    assert load_vocab("xumu").alias_map["产地检疫"] == "动物检疫监督"
    assert "产地检疫" not in load_vocab(None).alias_map  # a body's words name its programs in its reports only


@pytest.mark.parametrize("bureau, word, program", [
    ("nongye", "保护性耕作", "农业机械化"),
    ("tuiyijunren", "征兵工作", "征兵与入伍优待"),
    ("shuili", "地下水监测", "水资源管理"),
])
def test_a_bodys_part_of_a_line_program_is_that_program_in_the_line_bureaus_reports(
        bureau: str, word: str, program: str) -> None:
    """A station or a department reports parts of its line bureau's programs (``within``); in the
    line bureau's own reports those words are that program."""
    assert load_vocab(bureau).alias_map.get(word) == program


@pytest.mark.parametrize("bureau, word", [
    ("jiaoyu", "办学规模"), ("jiaoyu", "家校协同"), ("weijian", "学科建设"), ("weijian", "改善医疗服务"),
    ("weijian", "孕产期保健"), (None, "学科建设"), ("xiangzhen", "护理服务"),
])
def test_an_institutions_words_name_nothing_outside_its_own_reports(bureau: str | None, word: str) -> None:
    """A school's, hospital's or 妇幼保健院's file is read in its own reports only (``own_reports_only``): its names of the parts of its line
    bureau's work (学科建设, 办学规模) are no program in the bureau's, a township's or an unknown
    issuer's report — a county's schooling as a whole is no school's program."""
    assert word not in load_vocab(bureau).alias_map
    assert word in load_vocab({"jiaoyu": "xuexiao", "weijian": "yiyuan"}.get(str(bureau), "yiyuan")).alias_map \
        or word in load_vocab("xuexiao").alias_map or word in load_vocab("fuyou").alias_map


def test_an_institutions_sentence_in_the_line_bureaus_report_keeps_the_line_program() -> None:
    f = _figures("青禾县卫生健康委员会", "全县农村适龄妇女两癌筛查完成1.2万人，妇女保健服务覆盖率达到96%。")
    assert f["1.2万人"][0] == "两癌筛查"
