"""The tenth round of the figure drafter (issue 26, set_j's error kinds), as kinds: a yearbook table (years as columns,
a 单位 column, numbers grouped by a space, ``#`` for 其中 rows), bare counts of places or grades listed after the
carriers a passage counts (a ranking article, an evaluation notice), and a general word for carriers (双创载体) that
is never confident. Every sentence and table here is written for these tests (no fact)."""

import pytest
from tests import drafting

from analysis import (
    calibration,
    cleaning,
    document_subject,
    indicator_words,
    quantities,
    table_cells,
    table_grid,
    topic_counts,
)

# a yearbook's table: years as columns with no 年, a 单位 column, # rows, numbers grouped by a space
YEARBOOK = ("表5-3 全市孵化载体基本情况（2020—2022年）\n"
            "指标　　　　　　单位　　2020　　2021　　2022\n"
            "科技企业孵化器　个　　　41　　　46　　　52\n"
            "　#国家级　　　　个　　　9　　　10　　　12\n"
            "众创空间　　　　个　　　88　　　97　　　105\n"
            "　＃国家备案　　个　　　21　　　24　　　26\n"
            "孵化器在孵企业　个　　　1 806　2 114　2 530\n"
            "创业导师　　　　人　　　985　　1 102　1 240\n"
            "注：“#”表示其中项。")


def _cells(text, year):
    cleaned = cleaning.clean_text(text).text
    return [(cleaned[c.start:c.end], c.unit_text, c.year, c.label) for c in table_cells.cells(cleaned, year)]


def test_a_yearbook_row_grouped_by_spaces_gives_one_cell_a_year():
    # 1 806 | 2 114 | 2 530 under 2020 2021 2022: three cells (the cleaning leaves one space between the groups and
    # between the columns alike: only one way of joining gives three cells); 985 | 1 102 | 1 240 too
    cells = _cells(YEARBOOK, 2023)
    assert [c for c in cells if c[3] == "孵化器在孵企业"] == [("1 806", "个", 2020, "孵化器在孵企业"),
                                                        ("2 114", "个", 2021, "孵化器在孵企业"),
                                                        ("2 530", "个", 2022, "孵化器在孵企业")]
    assert [c[0] for c in cells if c[3] == "创业导师"] == ["985", "1 102", "1 240"]
    # 108 121 135: three-digit numbers that need no joining are read as they are
    assert [c[0] for c in cells if c[3] == "众创空间"] == ["88", "97", "105"]


def test_a_row_joined_two_ways_is_not_read():
    # 12 345 678 under two years: 12 345 | 678 or 12 | 345 678; neither is sure, the row is not read (and, a row of
    # another width, it ends the table, as before)
    text = "指标 单位 2021 2022\n众创空间 个 30 36\n在孵企业 个 12 345 678"
    assert [c[0] for c in _cells(text, 2023)] == ["30", "36"]


@pytest.mark.parametrize(("label", "expected"), [
    ("#国家级", True), ("＃国家备案", True), ("其中：国家级", True), ("其中国家级", True),
    ("科技企业孵化器", False), ("国家级孵化器", False),
])
def test_a_hash_or_qizhong_opens_a_subset_row(label, expected):
    assert table_grid.is_subset(label) is expected


def test_a_cell_grouped_by_a_space_is_read_as_one_number():
    # 2 114个: 2,114 firms; 1 102人: 1,102 persons
    mentions = {m.text: m for m in quantities.extract(YEARBOOK, "t", 2023)}
    assert (mentions["2 114"].value, mentions["2 114"].unit, mentions["2 114"].year) == (2114, "count", 2021)
    assert (mentions["1 102"].value, mentions["1 102"].unit) == (1102, "person")


@pytest.fixture(scope="module")
def tagger():
    return drafting.tagger()


def test_drafts_of_a_yearbook_table(tagger):
    # 12 in the #国家级 row under 科技企业孵化器: the national incubators of 2022; 26 in the ＃国家备案 row: national
    # maker spaces of 2022; 2 530: firms in incubation of 2022 (2,530), all levels
    rows = drafting.drafted(YEARBOOK, tagger, "yearbook10-2023", 2023).set_index("mention")
    assert tuple(rows.loc["12", ["indicator", "scope", "kind", "year"]]) == ("incubators", "national_level", "actual", 2022)
    assert tuple(rows.loc["26", ["indicator", "scope", "year"]]) == ("maker_spaces", "national_level", 2022)
    assert tuple(rows.loc["52", ["indicator", "scope", "year"]]) == ("incubators", "all", 2022)
    assert tuple(rows.loc["2 530", ["indicator", "scope", "value", "year"]]) == ("firms_in_incubation", "all", 2530, 2022)
    assert tuple(rows.loc["1 240", ["indicator", "value"]]) == ("mentors", 1240)


def _words(tagger):
    return tagger.reader.words


@pytest.mark.parametrize(("before", "listing", "expected"), [
    ("北京以", False, "北京"),  # 北京以312家居首
    ("上海（", False, "上海"),  # 上海（268家）
    ("在省内仅次于厦门的", False, "厦门"),
    ("其中数量排名前十的城市合计", False, "城市"),
    ("分区域看，东部地区优秀", False, "优秀"),
    ("中部地区", False, "地区"),
    ("良好的", False, "良好"),
    ("嘉兴", True, "嘉兴"),  # jieba tags it a person's name: a place only in a list of places
    ("嘉兴", False, ""),
    ("核减", False, ""),  # a verb: no place, no grade
    ("其中", False, ""),
    ("全市众创空间", False, ""),  # a noun of its own: the reader's
])
def test_a_bare_count_listed_under_a_place_or_a_grade(tagger, before, listing, expected):
    assert topic_counts.bare_count("12家", before, _words(tagger), listing) == expected


def test_a_bare_count_needs_the_measure_word_of_carriers(tagger):
    # 北京以312人: persons are no carriers
    assert topic_counts.bare_count("312人", "北京以", _words(tagger)) == ""


def test_drafts_of_a_ranking_article_count_the_passage_s_carriers_at_their_level(tagger):
    # 520家 of 省级众创空间; then 杭州 118, 宁波 76, 温州 64, 嘉兴 41, 湖州 33: the same provincial maker spaces of other
    # places (an inference: never confident); 二、三位 ranks are no figures
    text = ("截至2023年底，全省省级众创空间达到520家。其中，杭州以118家居首，宁波（76家）、温州（64家）分列二、三位；"
            "嘉兴41家，湖州的33家。")
    rows = drafting.drafted(text, tagger, "ranking10-2024", 2024).set_index("mention")
    for mention in ("118家", "76家", "64家", "41家", "33家"):
        assert tuple(rows.loc[mention, ["indicator", "scope"]]) == ("maker_spaces", "provincial_level"), mention
        assert not calibration.may_be_high(rows.loc[mention, "evidence"])


def test_drafts_of_an_evaluation_s_regions_count_the_carriers_evaluated(tagger):
    # 国家级孵化器共210家 evaluated; 华东地区优秀15家、华南地区11家: the national incubators of each region
    text = "本次参评的国家级科技企业孵化器共210家。\n分区域看，华东地区优秀15家、华南地区11家、西南地区6家。"
    rows = drafting.drafted(text, tagger, "evaluation10-2024", 2024).set_index("mention")
    for mention in ("15家", "11家", "6家"):
        assert tuple(rows.loc[mention, ["indicator", "scope", "kind"]]) == ("incubators", "national_level", "actual")


def test_a_bare_count_far_from_or_without_a_topic_stays_out_of_scope(tagger):
    # no carrier counted before: 北京以312家 is not drafted; a carrier counted in an earlier passage too far back
    rows = drafting.drafted("北京以312家居首。", tagger, "notopic10-2024", 2024).set_index("mention")
    assert rows.loc["312家", "indicator"] == ""
    far = "全市众创空间达到30家。" + "本市持续优化营商环境。" * 40 + "北京以312家居首。"
    assert far.index("北京") - far.index("30家") > topic_counts.REACH
    rows = drafting.drafted(far, tagger, "fartopic10-2024", 2024).set_index("mention")
    assert rows.loc["312家", "indicator"] == ""


def test_a_level_not_written_on_the_topic_is_not_handed_on(tagger):
    # 三家星创天地 counted in a rule with no level of its own: the places listed after it get no level
    text = "对考核优秀的三家星创天地各奖励5万元。其中，宾川县2家、祥云县1家。"
    rows = drafting.drafted(text, tagger, "nolevel10-2024", 2024).set_index("mention")
    assert tuple(rows.loc["2家", ["indicator", "scope"]]) == ("star_spaces", "all")


@pytest.mark.parametrize(("text", "mention", "general"), [
    ("全县共有县级以上双创载体11家。", "11家", True),  # all carriers or the incubation institutions?
    ("全区创新创业载体共有23家，其中省级5家。", "5家", True),  # a subset of the general word: the same doubt
    ("全市孵化载体达到46家。", "46家", False),  # the codebook's incubation institutions, its members listed
    ("孵化器和众创空间共46家。", "46家", False),  # two carriers named together: the umbrella, read from the structure
    ("全市众创空间达到30家。", "30家", False),
])
def test_a_general_word_for_carriers_is_never_confident(tagger, text, mention, general):
    row = drafting.drafted_row(text, mention, tagger, "general10-2024", 2024)
    assert ("general_carriers" in row["evidence"]) is general
    if general:
        assert not calibration.may_be_high(row["evidence"])


# --- the issuer's own programme: a guide to applying for its fund, its procurement of a service ----------------------

@pytest.mark.parametrize(("title", "level", "expected"), [
    ("2025年度某某市科技创新载体建设专项资金申报指南", "prefecture_city", "municipal_level"),
    ("关于组织申报2024年度省科技企业孵化器专项资金的通知", "province", "provincial_level"),
    ("某某区众创空间运营服务项目中标（成交）结果公告", "district", "municipal_level"),
    ("某某县孵化基地运营管理服务采购项目招标公告", "county", "municipal_level"),
    ("关于某某市众创空间的若干措施", "prefecture_city", None),  # a policy, not the issuer's programme
    ("某某经开区众创空间运营服务项目成交公告", "development_zone", None),  # a zone: no level of its own
])
def test_a_guide_to_the_issuer_s_fund_or_its_procurement_is_the_issuer_s_programme(title, level, expected):
    found = document_subject.programme_level(title, level)
    assert (found[0] if found else None) == expected


def test_a_municipality_s_own_programme_is_provincial():
    # 2025年度北京市…专项资金申报指南: a province-level city
    assert document_subject.programme_level("2025年度北京市孵化载体专项资金申报指南", "province", True)[0] == \
        "provincial_level"


GUIDE = "2025年度某某市科技企业孵化载体专项资金申报指南"


def test_drafts_of_a_guide_take_the_issuer_s_level_where_none_is_named(tagger):
    # 不低于2,000平方米: a threshold of the city's programme (municipal); 给予国家级…50万元: the level named stays
    text = "对新认定的国家级孵化器给予50万元奖励；申报孵化器的，孵化面积不低于2,000平方米，在孵企业不少于20家。"
    rows = drafting.drafted(text, tagger, "guide10-2025", 2025, title=GUIDE).set_index("mention")
    assert tuple(rows.loc["50万元", ["indicator", "scope", "kind"]]) == ("subsidies", "national_level", "rule")
    assert tuple(rows.loc["不低于2,000平方米", ["indicator", "scope"]]) == ("incubation_area", "municipal_level")
    assert tuple(rows.loc["不少于20家", ["indicator", "scope"]]) == ("firms_in_incubation", "municipal_level")
    # the same sentence in a policy of no programme: no level
    rows = drafting.drafted(text, tagger, "policy10-2025", 2025, title="关于某某市孵化器的若干措施").set_index("mention")
    assert rows.loc["不少于20家", "scope"] == "all"


@pytest.mark.parametrize(("before", "expected"), [
    ("中标（成交）金额：", "中标（成交）金额"),
    ("服务期3年，合同总金额", "合同总金额"),
    ("采购预算：", "采购预算"),
    ("服务费按季度支付，每季度", "服务费"),
    ("采购预算200万元，供应商甲报价", None),  # a bidder's price after the budget
    ("评标基准价为最低有效报价", None),
])
def test_a_procurement_s_contract_amount_or_budget(before, expected):
    assert document_subject.contract_money("某某区众创空间运营服务项目中标公告", before) == expected
    assert document_subject.contract_money("关于某某市众创空间的若干措施", before) is None


def test_drafts_of_a_procurement_notice(tagger):
    # 150万元/年 the contract's amount, 450万元 its total: programme_budget, funding, the district's (municipal);
    # 服务要求：…不少于20个 a term of the contract: a rule, as are the lines it runs on to (…；); 30家以上 too
    text = ("中标金额：150万元/年（服务期3年，合同总金额450万元）\n服务要求：每年引进创业团队不少于20个；\n"
            "每年举办双创活动不少于12场；\n在孵企业常年保持在30家以上。")
    rows = drafting.drafted(text, tagger, "procure10-2025", 2025, title="某某区众创空间运营服务项目中标结果公告")
    rows = rows.set_index("mention")
    assert tuple(rows.loc["150万元/年", ["indicator", "scope", "kind"]]) == ("programme_budget", "municipal_level", "funding")
    assert tuple(rows.loc["450万元", ["indicator", "kind"]]) == ("programme_budget", "funding")
    assert tuple(rows.loc["不少于20个", ["indicator", "scope", "kind"]]) == ("startup_teams", "municipal_level", "rule")
    assert tuple(rows.loc["不少于12场", ["indicator", "kind"]]) == ("events", "rule")
    assert rows.loc["30家以上", "kind"] == "rule"


@pytest.mark.parametrize(("text", "mention", "kind"), [
    ("乙方入驻期间，甲方为乙方配备创业导师不少于2名。", "不少于2名", "rule"),  # a party's duty in an agreement
    ("中标人应每年举办双创活动不少于10场。", "不少于10场", "rule"),
    ("到2025年，全市每年举办双创活动不少于50场。", "不少于50场", "target"),  # a plan's floor: a target, as before
    ("目前甲方已为乙方配备创业导师5名。", "5名", "actual"),  # a status stays one
])
def test_a_floor_a_contract_sets_its_party_is_a_rule(tagger, text, mention, kind):
    assert drafting.drafted_row(text, mention, tagger, "duty10-2025", 2025)["kind"] == kind


# --- a guide's worked example ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "unit", "expected"), [
    ("示例：某众创空间上年度实际运营投入", "CNY", ""),  # the carrier's own spending: no figure
    ("示例：某众创空间上年度实际运营投入120万元，按", "percent", "subsidy_rate"),  # 按30%
    ("示例：某众创空间上年度实际运营投入120万元，按30%计算为", "CNY", "subsidies"),
    ("例如：某孵化器新增面积3,000平方米，按每平方米50元计算，补助", "CNY", "subsidies"),
    ("计算示例：某星创天地运营成本", "CNY", ""),
    ("对众创空间按实际投入的", "percent", None),  # no example
    ("示例：某众创空间新增面积", "m2", None),  # an area of the example: not read here
])
def test_a_worked_example_s_numbers(line, unit, expected):
    found = indicator_words.worked_example(line, unit)
    assert (found[0] if found else None) == expected


def test_drafts_of_a_worked_example_are_the_rule_s(tagger):
    # 200万元 the carrier's own input (out of scope); 20% the rate; 40万元 the subsidy computed, 50万元 the cap restated
    text = "示例：某孵化器上年度运营投入200万元，按20%计算为40万元，未超过50万元上限，按40万元拨付。"
    rows = drafting.drafted(text, tagger, "example10-2025", 2025, title=GUIDE).set_index("mention")
    assert rows.loc["200万元", "indicator"] == "" and rows.loc["200万元", "out_of_scope_reason"]
    assert tuple(rows.loc["20%", ["indicator", "kind"]]) == ("subsidy_rate", "rule")
    assert tuple(rows.loc["40万元"].iloc[0][["indicator", "scope", "kind"]]) == ("subsidies", "municipal_level", "rule")


# --- a budget's performance targets, a report's recommendations -----------------------------------------------------

@pytest.mark.parametrize(("text", "mention", "kind"), [
    # under 六、项目绩效目标 a number with no cue of its own is a target of the budget year
    ("六、项目绩效目标\n带动全市新增在孵企业300家，\n新认定市级以上星创天地8家。", "300家", "target"),
    ("六、项目绩效目标\n带动全市新增在孵企业300家，\n新认定市级以上星创天地8家。", "8家", "target"),
    # under 五、对策建议 a recommendation is a target
    ("五、对策建议\n一是新建专业化众创空间5家。", "5家", "target"),
    # 三、绩效目标完成情况: how the targets went, no target section
    ("三、绩效目标完成情况\n新认定市级以上星创天地8家。", "8家", "actual"),
])
def test_a_budget_s_performance_targets_and_a_report_s_recommendations_are_targets(tagger, text, mention, kind):
    row = drafting.drafted_row(text, mention, tagger, "section10-2025", 2025)
    assert row["kind"] == kind


def test_a_programme_s_money_in_a_document_about_carriers_of_one_level_takes_no_level_from_them(tagger):
    # 中央财政安排专项资金8亿元 in a notice about national incubators: a programme's money, not the incubators' (all);
    # 给予奖励50万元 to the evaluated ones stays at their level (national), as before
    text = "2024年中央财政安排专项资金8亿元，支持孵化载体建设；对评价优秀的给予奖励50万元。"
    rows = drafting.drafted(text, tagger, "national10-2024", 2024,
                            title="关于公布2023年度国家级科技企业孵化器评价结果的通知").set_index("mention")
    assert tuple(rows.loc["8亿元", ["indicator", "scope", "kind"]]) == ("programme_budget", "all", "funding")
    assert tuple(rows.loc["50万元", ["indicator", "scope"]]) == ("subsidies", "national_level")


@pytest.mark.parametrize(("text", "mention", "kind"), [
    ("目标：到年底众创空间70家，一起冲！", "70家", "target"),  # a post's target, the year's end
    ("到今年底，全区新增孵化器3家。", "3家", "target"),
    ("截至年底，全市众创空间65家。", "65家", "actual"),  # 截至: a status
])
def test_the_year_s_end_and_a_target_s_label_are_target_cues(tagger, text, mention, kind):
    assert drafting.drafted_row(text, mention, tagger, "yearend10-2025", 2025)["kind"] == kind
