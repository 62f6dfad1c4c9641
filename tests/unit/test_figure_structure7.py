"""Figure drafts in the shapes set_g found wrong (issue 26, seventh round), as kinds: a document about one
carrier gives its figures the carrier's level; a grant per unit or one a recipient may get is a rule, a grant
dated or received is money paid, a floor each of a class must meet is a rule; a rule's recipient named first
gives its level; a programme's money in a budget report is the issuer's. The sentences are written for these
tests (no fact)."""

import pytest
from tests import drafting

from analysis import calibration, document_subject, text_shape


@pytest.fixture(scope="module")
def tagger():
    return drafting.tagger()


def _rows(text, tagger, **where):
    return drafting.drafted(text, tagger, "shape7-2024", 2024, **where).set_index("mention")


# --- a document about one carrier (analysis.document_subject.carrier_level) ------------------------------------
def test_a_title_naming_one_carrier_with_its_level_gives_that_level():
    # the level written on the carrier's name in the title: 国家大学科技园 is the national programme's name
    assert document_subject.carrier_level("星海国家大学科技园2023年度运营报告", "")[0] == "national_level"
    # 国家级 before the carrier, in a case study's subtitle and a feature's title
    assert document_subject.carrier_level("“稻香”星创天地富了一方——某县国家级星创天地建设纪实", "")[0] == "national_level"
    assert document_subject.carrier_level("走进“创享汇”国家级众创空间", "")[0] == "national_level"
    # 省级 on an incubator's name
    assert document_subject.carrier_level("启航省级科技企业孵化器2024年运营情况", "")[0] == "provincial_level"


def test_a_carrier_named_without_a_level_takes_the_one_its_opening_introduces():
    # the title names 云帆孵化器 (a name of its own); the opening says it was recognised at the provincial level
    text = "云帆孵化器2022年工作总结\n云帆孵化器成立于2016年，2020年被认定为省级科技企业孵化器。\n目前在孵企业64家。"
    assert document_subject.carrier_level("云帆孵化器2022年工作总结", text)[0] == "provincial_level"
    # 是国家备案众创空间: 国家备案 is national
    text = "启明众创空间简介\n启明众创空间是国家备案众创空间，位于高新区。"
    assert document_subject.carrier_level("启明众创空间简介", text)[0] == "national_level"


def test_titles_of_many_carriers_of_rules_or_of_a_place_name_no_one_carrier():
    assert document_subject.carrier_level("全市国家级孵化器发展报告", "") is None  # 全市: many
    assert document_subject.carrier_level("新增国家级孵化器3家", "") is None  # a count
    assert document_subject.carrier_level("关于认定国家级星创天地的通知", "") is None  # a notice
    assert document_subject.carrier_level("国家级孵化器和省级众创空间调研报告", "") is None  # two levels
    # 闵行区孵化器, 2023年度星创天地: a place's or a year's carriers, not one with a name, whatever the opening says
    assert document_subject.carrier_level("闵行区孵化器工作报告", "闵行区孵化器被认定为省级孵化器") is None
    assert document_subject.carrier_level("2023年度星创天地建设年报", "认定县级星创天地5家") is None


REPORT = ("星海国家大学科技园2023年度运营报告\n一、运营情况\n截至2023年底，科技园在孵企业120家，累计毕业企业45家。\n"
          "全年举办创业活动30场，其中省级众创空间2家。\n二、下一步打算\n市财政安排专项资金500万元。\n全市共有孵化器20家。\n"
          "力争在孵企业达到150家。")


def test_figures_of_a_carriers_own_report_take_its_level_as_an_inference(tagger):
    rows = _rows(REPORT, tagger, title="星海国家大学科技园2023年度运营报告")
    # 在孵企业120家, 毕业企业45家, 活动30场, the target of 150: the park's firms and services, national; no level is
    # near any of them, so the level is inferred (evidence scope part: document), noted, and never confident
    for mention in ("120家", "45家", "30场", "150家"):
        assert rows.loc[mention, "scope"] == "national_level", mention
        assert rows.loc[mention, "evidence"].split("|")[1] == "document"
        assert not calibration.may_be_high(rows.loc[mention, "evidence"])
    assert "the carrier the document is about" in rows.loc["120家", "note"]
    assert (rows.loc["150家", "indicator"], rows.loc["150家", "kind"]) == ("firms_in_incubation", "target")
    # a level in the clause stands (省级众创空间2家); a government's budget is its payer's (市财政: municipal); a
    # count of carriers is not about the one carrier (全市共有孵化器20家: all, said in words)
    assert rows.loc["2家", "scope"] == "provincial_level"
    assert (rows.loc["500万元", "indicator"], rows.loc["500万元", "scope"]) == ("programme_budget", "municipal_level")
    assert (rows.loc["20家", "indicator"], rows.loc["20家", "scope"]) == ("incubators", "all")


def test_a_profile_whose_opening_gives_the_level(tagger):
    text = "云帆孵化器2022年工作总结\n云帆孵化器成立于2016年，2020年被认定为省级科技企业孵化器。\n目前在孵企业64家，孵化面积1.2万平方米。"
    rows = _rows(text, tagger, title="云帆孵化器2022年工作总结")
    # 64家 firms in incubation and 1.2万平方米 (12,000 m2) of area: the incubator's, provincial
    assert tuple(rows.loc["64家", ["indicator", "scope"]]) == ("firms_in_incubation", "provincial_level")
    assert tuple(rows.loc["1.2万平方米", ["indicator", "scope", "value"]]) == ("incubation_area", "provincial_level",
                                                                           12_000)


# --- kind: rules, money paid -----------------------------------------------------------------------------------
def test_a_grant_per_unit_or_one_a_recipient_may_get_is_a_rule(tagger):
    # 每场补贴2000-5000元: a range per event (the cue is more than 8 characters before the end of the mention)
    rows = _rows("载体举办路演活动，每场补贴2000-5000元。\n每场次资助1000至3000元。", tagger)
    assert [rows.iloc[i]["kind"] for i in range(len(rows))] == ["rule", "rule"]
    # 可获得 is what a rule lets a carrier get, 获得 alone money it got
    rows = _rows("每家载体每年可获得运营补贴10万元。\n该孵化器去年获得补贴50万元。", tagger)
    assert (rows.loc["10万元", "kind"], rows.loc["50万元", "kind"]) == ("rule", "funding")


def test_a_floor_each_of_a_class_must_meet_is_a_rule(tagger):
    # 各孵化器要…不少于6期: each's duty; the next line (after ；) continues the duty; one actor's plan is a target
    text = "各孵化器要加强服务，每年举办培训不少于6期；\n组建导师团队，导师不少于5名；\n全年举办创业活动不少于50场。"
    rows = _rows(text, tagger)
    assert tuple(rows.loc["不少于6期", ["indicator", "kind"]]) == ("trainings", "rule")
    assert tuple(rows.loc["不少于5名", ["indicator", "kind"]]) == ("mentors", "rule")
    assert rows.loc["不少于50场", "kind"] == "target"


def test_a_grant_dated_or_received_is_money_paid(tagger):
    text = ("区财政今年给予该孵化器运营补助20万元。\n2023年给予星创天地建设补助15万元。\n"
            "2024年起给予每家孵化器运营补助25万元。\n公司全年收入800万元，其中房租收入500万元、政府补助120万元。")
    rows = _rows(text, tagger)
    # 今年给予, 2023年给予: made in a year, to a recipient with no condition: money paid (funding); 区财政 pays it
    assert tuple(rows.loc["20万元", ["indicator", "scope", "kind"]]) == ("subsidies", "municipal_level", "funding")
    assert rows.loc["15万元", "kind"] == "funding"
    # 2024年起 (from then on), 每家: a rule
    assert rows.loc["25万元", "kind"] == "rule"
    # 政府补助120万元 an item of an income: money received
    assert tuple(rows.loc["120万元", ["indicator", "kind"]]) == ("subsidies", "funding")


def test_counts_under_a_budget_draft_are_targets(tagger):
    # 二、2025年预算草案: the draft is next year's plan; 聘任导师150名 is what its money is for
    text = "一、2024年预算执行情况\n安排科技创新券资金8000万元。\n二、2025年预算草案\n安排创业导师津贴300万元，支持聘任导师150名；"
    rows = _rows(text, tagger, title="关于测试市2024年预算执行情况和2025年预算草案的报告")
    assert tuple(rows.loc["150名", ["indicator", "kind"]]) == ("mentors", "target")


# --- scope ----------------------------------------------------------------------------------------------------
def test_a_rules_recipient_named_first_gives_its_level(tagger):
    text = ("新认定国家级孵化器，一次性奖励300万元；\n被认定为省级众创空间的，奖励50万元；\n新备案国家级众创空间，给予100万元。\n"
            "孵化载体面积3000平方米以上的，奖励20万元。")
    rows = _rows(text, tagger)
    assert tuple(rows.loc["300万元", ["indicator", "scope", "kind"]]) == ("subsidies", "national_level", "rule")
    assert rows.loc["50万元", "scope"] == "provincial_level"
    assert rows.loc["100万元", "scope"] == "national_level"
    assert rows.loc["300万元", "evidence"].split("|")[1] == "rule_recipient"
    # a condition with no level names none
    assert rows.loc["20万元", "scope"] == "all"


def test_a_voucher_budget_in_a_budget_report_is_the_issuers(tagger):
    # a prefecture city's budget report: the voucher money it sets aside is municipal (an inference); vouchers
    # redeemed (兑付) are not a budget
    text = "一、2024年预算执行情况\n安排科技创新券资金8000万元。\n科技创新券兑付600万元。"
    rows = _rows(text, tagger, title="关于测试市2024年预算执行情况和2025年预算草案的报告")
    assert tuple(rows.loc["8000万元", ["indicator", "scope"]]) == ("innovation_vouchers", "municipal_level")
    assert rows.loc["8000万元", "evidence"].split("|")[1] == "document"
    assert rows.loc["600万元", "scope"] == "all"


# --- indicator ------------------------------------------------------------------------------------------------
def test_a_money_cue_in_a_rules_condition_does_not_rename_a_subsidy(tagger):
    # 申领创新券的，: what the carrier did; the money its own word names (补贴) is a subsidy. 开展创新券工作，安排经费: the
    # generic 经费 is the vouchers' money (round 2's rule, unchanged)
    rows = _rows("孵化器为在孵企业集中申领创新券的，每家每年可获得组织服务补贴3万元。\n开展创新券工作，安排经费500万元。", tagger)
    assert tuple(rows.loc["3万元", ["indicator", "kind"]]) == ("subsidies", "rule")
    assert rows.loc["500万元", "indicator"] == "innovation_vouchers"


def test_spoken_and_between_two_carriers_is_the_umbrella(tagger):
    # 孵化器加众创空间: both, the umbrella (incubation institutions); 参加 and 加速器 are no 加 of two carriers
    rows = _rows("全市孵化器加众创空间一共是86家。\n加速器12家。\n推荐了16家企业和4家团队参加全国总决赛。", tagger)
    assert rows.loc["86家", "indicator"] == "incubation_institutions"
    assert rows.loc["12家", "indicator"] == "accelerators"
    assert rows.loc["4家", "indicator"] == "competition_entrants"


def test_a_carriers_quoted_name_before_the_number_leaves_its_noun_counted(tagger):
    # 其中众创空间“星火创客”3200平方米: the maker space's area, not a subset of the park's area before it
    rows = _rows("截至2023年底，科技园孵化场地4.6万平方米，其中众创空间“星火创客”3200平方米。", tagger)
    assert rows.loc["4.6万平方米", "indicator"] == "incubation_area"
    assert tuple(rows.loc["3200平方米", ["indicator", "value"]]) == ("maker_space_area", 3200)


def test_a_subset_on_a_line_of_its_own_continues_the_count_before(tagger):
    # 312家；⏎其中国家级67家，⏎省级98家: the lines go on (；，), each a level only: subsets of the umbrella counted before
    rows = _rows("全区孵化器和众创空间已达312家；\n其中国家级67家，\n省级98家。", tagger)
    assert tuple(rows.loc["312家", ["indicator", "scope"]]) == ("incubation_institutions", "all")
    assert tuple(rows.loc["67家", ["indicator", "scope"]]) == ("incubation_institutions", "national_level")
    assert tuple(rows.loc["98家", ["indicator", "scope"]]) == ("incubation_institutions", "provincial_level")
    # a line after one that ends its sentence (。) is no continuation; nor is a line with a noun of its own
    # (the second line starts at 8, after 孵化器20家 and its mark and line break; its number at 13, or 12 after 众创空间)
    assert not text_shape.subset_line("孵化器20家。\n其中国家级5家", 8, 13)
    assert text_shape.subset_line("孵化器20家，\n其中国家级5家", 8, 13)
    assert not text_shape.subset_line("孵化器20家，\n众创空间5家", 8, 12)


def test_a_count_in_person_times_counts_participants_whatever_its_noun(tagger):
    # 人次 is the codebook's alias of participants: 培训农民3,200人次 (the noun 培训农民 is no indicator), 参与5800余人次 and
    # 吸引1.5万人次参与 (no noun) all count participants; 15,000 = 1.5 x 10,000
    text = "举办培训46期，培训农民3,200人次；\n全年举办路演活动64场，参与5800余人次；\n全年吸引1.5万人次参与。"
    rows = _rows(text, tagger)
    for mention, value in (("3,200人次", 3200), ("5800余人次", 5800), ("1.5万人次", 15_000)):
        assert tuple(rows.loc[mention, ["indicator", "value"]]) == ("participants", value), mention
        assert not calibration.may_be_high(rows.loc[mention, "evidence"])  # read from the unit word alone
    # a counted noun the codebook names stands (导师 is mentors, in 名)
    assert _rows("聘请创业导师45名。", tagger).loc["45名", "indicator"] == "mentors"


def test_a_section_of_next_steps_written_short_is_of_targets(tagger):
    # 四、下步打算 (下一步 written short): the counts under it are plans
    rows = _rows("三、主要做法\n举办培训20期。\n四、下步打算\n年培训农民5000人次以上。", tagger)
    assert rows.loc["20期", "kind"] == "actual"
    assert rows.loc["5000人次以上", "kind"] == "target"
