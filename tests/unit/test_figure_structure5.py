"""Figure drafts in the shapes set_e found wrong (issue 26, fifth round), as kinds: the conditions of a
recognition or an application are rules, not targets; the number in the 对…的 condition of a grant is a
rule. The sentences are written for these tests (no fact)."""

import pytest
from tests import drafting

from analysis import calibration, clause_kind, document_subject, text_shape


@pytest.fixture(scope="module")
def tagger():
    return drafting.tagger()


def _rows(text, tagger, **where):
    return drafting.drafted(text, tagger, "shape5-2024", 2024, **where).set_index("mention")


def test_floors_under_a_numbered_conditions_heading_are_rules(tagger):
    # 二、申报条件 governs the items under it, also those under （一）; 三、支持措施 ends it, so the
    # floor of the plan line after it is a target again (round 3's rule)
    text = ("二、申报条件\n（一）孵化器\n1.孵化场地面积不低于2000平方米；\n2.在孵企业不少于25家。\n"
            "三、发展目标\n全市举办创业活动不少于80场。")
    rows = _rows(text, tagger)
    assert (rows.loc["不低于2000平方米", "kind"], rows.loc["不少于25家", "kind"]) == ("rule", "rule")
    assert rows.loc["不少于25家", "indicator"] == "firms_in_incubation"
    assert rows.loc["不少于80场", "kind"] == "target"
    # a condition read from its heading is never confident (evidence kind part: section)
    assert rows.loc["不少于25家", "evidence"].split("|")[2] == "section"
    assert not calibration.may_be_high(rows.loc["不少于25家", "evidence"])


def test_items_under_an_articles_lead_in_are_rules_until_the_next_article(tagger):
    # 第五条 …应当具备以下条件： governs （一）（二）; 第六条 is another article, whose floor is a plan's
    text = ("第五条　申请认定众创空间，应当具备以下条件：\n（一）场地面积不少于400平方米；\n"
            "（二）签约创业导师不少于4名。\n第六条　到2026年，全市众创空间不少于30家。")
    rows = _rows(text, tagger)
    assert rows.loc["不少于400平方米", "kind"] == "rule"
    assert (rows.loc["不少于4名", "indicator"], rows.loc["不少于4名", "kind"]) == ("mentors", "rule")
    assert rows.loc["不少于30家", "kind"] == "target"


def test_a_status_under_a_conditions_heading_stays_a_status(tagger):
    # 截至…已有 is a report, wherever it stands
    rows = _rows("二、申报条件\n截至2024年5月底，全市已有众创空间48家。", tagger)
    assert rows.loc["48家", "kind"] == "actual"


def test_a_floor_that_names_its_conditions_is_a_rule(tagger):
    # …不少于12家的认定条件: the floors are the conditions the text sets out
    rows = _rows("修订认定办法，明确孵化面积不少于800平方米、在孵企业不少于12家的认定条件。", tagger)
    assert (rows.loc["不少于800平方米", "kind"], rows.loc["不少于12家", "kind"]) == ("rule", "rule")


def test_the_condition_of_a_grant_is_a_rule(tagger):
    # 对…1.5万平方米以上的，…给予: the area is the condition of the grant, not a target of the region
    rows = _rows("对新建孵化面积1.5万平方米以上的，市财政给予一次性补助150万元。", tagger)
    assert (rows.loc["1.5万平方米以上", "indicator"], rows.loc["1.5万平方米以上", "kind"]) == ("incubation_area", "rule")
    # money in the condition is a rule too (not money set aside): 对种子资金规模达到300万元的，按…给予
    rows = _rows("引导孵化器设立种子资金，对种子资金规模达到300万元的，按实际投资额的10%给予补助。", tagger)
    assert (rows.loc["300万元", "indicator"], rows.loc["300万元", "kind"]) == ("seed_funds", "rule")


def test_recipients_counted_after_dui_are_no_condition(tagger):
    # 对18家孵化器发放补助: the count of recipients paid (round 4), no 的 of a condition
    assert clause_kind.condition_of("对18家孵化器发放补助900万元。", 0, 1, 4, True) is None


def test_the_conditions_section_ends_at_a_heading_of_its_rank():
    text = "一、申报条件\n1.面积不少于100平方米。\n二、申报材料\n3.材料一式3份。"
    assert clause_kind.conditions_section(text, text.index("1.面积")) == "申报条件"
    assert clause_kind.conditions_section(text, text.index("3.材料")) is None


def test_a_documents_subject_names_the_level_of_its_carriers():
    # the title names the recognition of municipal maker spaces: one level
    assert document_subject.subject_level("测试市关于开展2025年度市级众创空间认定工作的通知", "") == \
        ("municipal_level", "市级众创空间认定")
    # a title naming no level, and the first article naming one (第一条 为规范省级孵化器的管理)
    text = "测试省科技企业孵化器管理办法\n第一章 总则\n第一条 为规范省级科技企业孵化器的认定和管理，制定本办法。"
    assert document_subject.subject_level("测试省科技企业孵化器管理办法", text)[0] == "provincial_level"
    # several levels, or a plan (no recognition or management): none
    assert document_subject.subject_level("关于国家级、省级孵化器绩效评价的通知", "") is None
    assert document_subject.subject_level("测试市促进众创空间发展三年行动计划", "") is None
    # the opening paragraph of a notice says what the issuer did: 市级以上 is municipal, as scopes.csv reads it
    text = ("测试市科技局关于孵化器绩效评价结果的通报\n各有关单位：\n我局对全市30家市级以上科技企业孵化器2024年度"
            "运行情况开展了绩效评价。\n一、评价结果\n评定优秀5家。")
    assert document_subject.subject_level("测试市科技局关于孵化器绩效评价结果的通报", text)[0] == "municipal_level"
    # a news line of counts by level is no subject (国家级孵化器12家、国家备案…: a count after the carrier)
    text = "测试市双创载体达到80家\n目前全市有国家级孵化器12家、国家备案众创空间9家，现将有关情况介绍如下。"
    assert document_subject.subject_level("测试市双创载体达到80家", text) is None


def test_a_number_with_no_level_in_a_document_about_one_level_takes_it(tagger):
    # 第二章 认定条件 items name no level; the first article says the carriers are municipal (the title names
    # no level). 国家级 in a clause is its own level; the inference is never confident
    text = ("第一条 为规范市级众创空间的认定和管理，制定本办法。\n"
            "第二章 认定条件\n第四条 申请认定的众创空间，应当具备以下条件：\n（一）场地面积不少于600平方米；\n"
            "第五条 对获得国家级备案的众创空间，给予一次性奖励30万元。")
    rows = _rows(text, tagger, title="测试市众创空间认定和管理办法", region_zh="测试市")
    assert rows.loc["不少于600平方米", "scope"] == "municipal_level"
    assert rows.loc["不少于600平方米", "evidence"].split("|")[1] == "document"
    assert not calibration.may_be_high(rows.loc["不少于600平方米", "evidence"])
    assert rows.loc["30万元", "scope"] == "national_level"


def test_a_documents_municipal_subject_in_beijing_is_provincial(tagger):
    # Beijing is a province-level city: its 市级 maker spaces are provincial
    rows = _rows("二、申报条件\n（一）服务场地面积不少于500平方米。", tagger, title="关于开展市级众创空间认定工作的通知",
                 region_zh="北京市")
    assert rows.loc["不少于500平方米", "scope"] == "provincial_level"


def test_a_total_of_awards_is_money_paid_out(tagger):
    # 分别给予20万元、10万元，共计90万元: the two awards are a rule's amounts, their total money paid (funding)
    rows = _rows("对评价为优秀、良好的孵化器，分别给予20万元、10万元奖励，共计90万元。", tagger)
    assert rows.loc["20万元", "kind"] == "rule"
    assert rows.loc["90万元", "kind"] == "funding"


def test_items_under_a_lead_in_of_spending_are_money_paid_out(tagger):
    # 该项资金主要用于： the items below are spending lines (funding), though 运营补助 reads like a rule's word
    text = "该项资金主要用于：\n1.孵化器运营补助320.50万元；\n2.新认定众创空间奖励60.00万元。"
    rows = _rows(text, tagger)
    assert (rows.loc["320.50万元", "indicator"], rows.loc["320.50万元", "kind"]) == ("subsidies", "funding")
    assert rows.loc["60.00万元", "kind"] == "funding"
    # the same items under a heading that names no spending stay rules
    rows = _rows("二、支持措施\n1.孵化器运营补助50万元。", tagger)
    assert rows.loc["50万元", "kind"] == "rule"


def test_a_fund_named_subsidy_is_money_set_aside_and_a_cap_is_a_rule(tagger):
    # 补助资金 names a fund (funding), not a grant handed out; 上限由…提高到 sets a rule's cap
    rows = _rows("年中追加孵化补助资金86.40万元。", tagger)
    assert rows.loc["86.40万元", "kind"] == "funding"
    rows = _rows("将区级载体运营补贴上限由30万元提高到60万元。", tagger)
    assert rows.loc["60万元", "kind"] == "rule"


def test_a_line_after_one_ending_in_a_semicolon_continues_its_sentence(tagger):
    # 截至…；⏎孵化面积… : the status cue of the line before; 到2026年… names the target, so 52万平方米 is
    # the target's baseline; a kind read across a line is never confident (evidence kind part: section)
    text = "截至2023年底，全省共有孵化器120家；\n孵化面积52万平方米。\n到2026年，全省孵化面积达到80万平方米。"
    rows = _rows(text, tagger)
    assert rows.loc["52万平方米", "kind"] == "baseline"
    assert rows.loc["52万平方米", "evidence"].split("|")[2] == "section"


def test_an_award_list_item_with_a_comma_is_money_paid_at_its_level(tagger):
    # 名单及奖励金额如下：⏎1.某孵化器（省级），20万元: an item of a list of recipients (round 4's shape with a
    # comma before the amount); drafted in scope (the out-of-scope reason cleared), subsidies paid at 省级
    text = "获得优秀等次的孵化器名单及奖励金额如下：\n1.测试区甲孵化器（省级），20万元\n2.测试区乙孵化器（市级），10万元"
    rows = _rows(text, tagger)
    first = rows.loc["20万元"]
    assert (first["indicator"], first["scope"], first["kind"], first["out_of_scope_reason"]) == \
        ("subsidies", "provincial_level", "funding", "")
    assert rows.loc["10万元", "scope"] == "municipal_level"


def test_the_grades_of_an_evaluation_count_the_carriers_evaluated(tagger):
    # 优秀6家、良好10家、合格12家: grades, no noun; the carriers evaluated are named in the sentence before
    text = "市科技局对全市星创天地开展了年度考核。考核结果为优秀6家、良好10家、合格12家。"
    rows = _rows(text, tagger)
    assert [rows.loc[m, "indicator"] for m in ("6家", "10家", "12家")] == ["star_spaces"] * 3
    assert rows.loc["12家", "evidence"].split("|")[0] == "nearest"  # an inference: never confident
    assert not calibration.may_be_high(rows.loc["12家", "evidence"])
    # several carriers of one umbrella evaluated together: the umbrella
    text = "对全市40家孵化器和众创空间开展绩效评价。评定优秀9家、不合格2家。"
    rows = _rows(text, tagger)
    assert rows.loc["2家", "indicator"] == "incubation_institutions"
    # a grade word with no evaluation in the clause is no grade (合格 as a noun stays out of scope)
    assert text_shape_grade("新增合格5家。") == ""


def text_shape_grade(text):
    return text_shape.grade_before(text, text.index("5"))


def test_a_noun_after_de_that_names_nothing_of_the_unit_leaves_the_noun_before(tagger):
    # 孵化面积2000平方米以上的载体: 载体 names no area; the area is the 孵化面积 before the number
    rows = _rows("对新建孵化面积2000平方米以上的载体，按每平方米100元给予补助。", tagger)
    assert rows.loc["2000平方米以上", "indicator"] == "incubation_area"


def test_money_of_a_subject_of_several_levels_takes_no_level(tagger):
    # 市级以上孵化器 evaluated: the grade counts are municipal (the codebook's reading of 市级以上), the award
    # total is paid to carriers of every level it covers, so all
    text = ("测试市科技局关于孵化器绩效评价结果的通报\n各有关单位：\n我局对全市20家市级以上科技企业孵化器开展了绩效评价。"
            "\n一、评价结果\n评定优秀4家、合格16家。\n二、奖励\n对评价为优秀的孵化器，每家给予10万元奖励，共计40万元。")
    rows = _rows(text, tagger, title="测试市科技局关于孵化器绩效评价结果的通报")
    assert (rows.loc["4家", "indicator"], rows.loc["4家", "scope"]) == ("incubators", "municipal_level")
    assert rows.loc["40万元", "scope"] == "all"


def test_a_budget_in_the_issuers_budget_report_is_the_issuers(tagger):
    # a prefecture city's bureau's final accounts: 年初预算为800.00万元 names no level, so the city's own (municipal);
    # an inference, never confident
    text = "科技孵化专项资金年初预算为800.00万元，支出决算为760.00万元。"
    rows = _rows(text, tagger, title="测试市科学技术局2024年度部门决算说明")
    assert (rows.loc["800.00万元", "indicator"], rows.loc["800.00万元", "scope"]) == ("programme_budget", "municipal_level")
    assert not calibration.may_be_high(rows.loc["800.00万元", "evidence"])
    # the same sentence in a document that is no budget report keeps no level
    assert _rows(text, tagger, title="测试市科技工作总结").loc["800.00万元", "scope"] == "all"
    # a province's report: provincial; a zone's: no level said
    assert document_subject.budget_level("测试省2024年省级部门预算", "province") == "provincial_level"
    assert document_subject.budget_level("测试高新区2024年部门预算", "development_zone") is None


def test_recipients_counted_in_chinese_numerals_before_each_award_are_paid(tagger):
    # 对考核优秀的三家星创天地各奖励5万元: so many recipients, each paid (round 4's 2家各奖励, with the noun between
    # the count and 各 and the count in Chinese numerals): a report of funding
    rows = _rows("全年对考核优秀的三家星创天地各奖励5万元。", tagger)
    assert rows.loc["5万元", "kind"] == "funding"


def test_a_subject_named_after_its_act_and_the_issuers_own_recognition():
    # 关于认定…县级星创天地的通知: the act first, then the level and the carriers
    assert document_subject.subject_level("测试县科技局关于认定2025年度县级星创天地的通知", "")[0] == "municipal_level"
    # 测试市大学科技园认定和管理办法: a recognition and no level anywhere: the issuer (a city) recognises its own
    title = "测试市大学科技园认定和管理办法"
    text = title + "\n第一条 为规范我市大学科技园的建设和管理，制定本办法。"
    assert document_subject.subject_level(title, text, "prefecture_city")[0] == "municipal_level"
    assert document_subject.subject_level(title, text, "province")[0] == "provincial_level"
    assert document_subject.subject_level(title, text, "prefecture_city", municipality=True)[0] == "provincial_level"
    # no issuer level known (a zone): nothing inferred
    assert document_subject.subject_level(title, text, "development_zone") is None


def test_recipients_counted_before_each_award_take_no_rule_kind():
    # 对考核优秀的三家星创天地各奖励5万元: 三家 counts the recipients paid (a report), not a rule's number
    text = "对考核优秀的三家星创天地各奖励5万元。"
    start = text.index("三家")
    assert clause_kind.kind_of(text, 0, 0, start, start + 2, "count")[0] != "rule"
