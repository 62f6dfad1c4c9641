"""The ninth round of the figure drafter (issue 26, set_i's error kinds), as kinds: a roster of named carriers pasted
from a spreadsheet (a row a carrier, its kind, level and figures in columns with the unit in the header), the area and
firms of maker spaces written as the carrier's noun before a generic one. Every sentence and table here is written for
these tests (no fact)."""

import pytest
from tests import drafting

from analysis import cleaning, indicator_words, quantities, table_cells

# a ranking pasted from a spreadsheet (tabs), rows left out, then a second block under its own heading
RANKING = ("现将考核前五名的载体名单公示如下：\n"
           "名次\t载体名称\t类别\t级别\t孵化面积（平方米）\t在孵企业（家）\t得分\n"
           "1\t东城未来孵化器\t孵化器\t国家级\t41000\t152\t95.5\n"
           "2\t南湖青创空间\t众创空间\t省级\t5200\t47\t93.0\n"
           "…（第3至5名略）\n"
           "不合格载体：\n"
           "31\t西岭创客坊\t众创空间\t市级\t900\t5\t52.0\n"
           "考核得分80分以上为优秀。")

# aligned with spaces, no kind column: the level only; money in 万元 under a header bracket
ALIGNED_ROSTER = ("序号  单位名称          级别    场地面积（平方米）  补助金额（万元）\n"
                  "1     北岸创业基地      省级    12000               30\n"
                  "2     临港孵化园        市级    6500                15\n")


def _cells(text, year):
    cleaned = cleaning.clean_text(text).text
    return [(cleaned[c.start:c.end], c.unit_text, c.year, c.kind, c.noun) for c in table_cells.cells(cleaned, year)]


def test_a_roster_header_is_no_menu_line():
    # 名次 载体名称 … 在孵企业（家）: short words with no digit and no punctuation, as a menu is; a word ending in its
    # unit in brackets makes it a table's header, which the cleaning keeps; a menu (首页 新闻 政策) is still removed
    assert "孵化面积（平方米）" in cleaning.clean_text(RANKING).text
    assert "补助金额（万元）" in cleaning.clean_text(ALIGNED_ROSTER).text
    assert cleaning.clean_text("首页 新闻 政策 服务").text == ""
    assert cleaning.clean_text("县(市、区)及赛区 部门 其他").text == ""  # a bracket inside a word: still a menu


def test_a_roster_s_cells_take_the_column_noun_with_the_row_s_level_and_kind_in_the_document_s_year():
    # 41000 under 孵化面积（平方米） in the row of a 国家级 孵化器: 国家级孵化器孵化面积, 41000 m2, the document's
    # year (2024, a status); 152 under 在孵企业（家）; the score 95.5 has no unit in its header: no cell; the rank 1 and
    # 31 are no cells; the header holds across the two short lines (…略, 不合格载体：)
    cells = _cells(RANKING, 2024)
    assert cells == [("41000", "平方米", 2024, "actual", "国家级孵化器孵化面积"),
                     ("152", "家", 2024, "actual", "国家级孵化器在孵企业"),
                     ("5200", "平方米", 2024, "actual", "省级众创空间孵化面积"),
                     ("47", "家", 2024, "actual", "省级众创空间在孵企业"),
                     ("900", "平方米", 2024, "actual", "市级众创空间孵化面积"),
                     ("5", "家", 2024, "actual", "市级众创空间在孵企业")]
    # no year known: a roster's cells are not read (no year to give them)
    assert _cells(RANKING, None) == []


def test_an_aligned_roster_without_a_kind_column_and_its_money():
    # 12000 m2 of a 省级 unit; 30万元 = 300,000 yuan under 补助金额（万元）; the numbering 1, 2 no cells
    assert _cells(ALIGNED_ROSTER, 2023) == [("12000", "平方米", 2023, "actual", "省级场地面积"),
                                            ("30", "万元", 2023, "actual", "省级补助金额"),
                                            ("6500", "平方米", 2023, "actual", "市级场地面积"),
                                            ("15", "万元", 2023, "actual", "市级补助金额")]
    mentions = {m.text: m for m in quantities.extract(ALIGNED_ROSTER, "t", 2023)}
    assert (mentions["30"].value, mentions["30"].unit) == (300_000, "CNY")
    assert "1" not in mentions and "2" not in mentions


def test_lines_that_only_look_like_a_roster_give_no_cells():
    # a header with a unit column but rows of another width, and a text line ending the table before any row
    assert _cells("名称 类别 面积（平方米）\n甲空间 众创空间\n乙空间 众创空间 300 备注", 2024) == []
    assert _cells("名称 类别 面积（平方米）\n本年度共认定众创空间12家，面积合计3万平方米。\n甲 乙 300", 2024) == []
    # rows of numbers only name no carrier
    assert _cells("名称 类别 面积（平方米）\n1 2 300", 2024) == []


@pytest.fixture(scope="module")
def tagger():
    return drafting.tagger()


def test_drafts_of_a_roster_count_the_carrier_s_figures_at_its_level(tagger):
    # 41000: a national incubator's floor area (incubation_area, national_level, a status of 2024); 5200: a provincial
    # maker space's area, maker_space_area (众创空间 before 孵化面积); 47: its start-ups, startups_in_maker_spaces;
    # 5: a municipal maker space's; a table line is pasted text: never confident
    rows = drafting.drafted(RANKING, tagger, "roster9-2024", 2024).set_index("mention")
    assert tuple(rows.loc["41000", ["indicator", "scope", "kind", "year"]]) == (
        "incubation_area", "national_level", "actual", 2024)
    assert tuple(rows.loc["152", ["indicator", "scope"]]) == ("firms_in_incubation", "national_level")
    assert tuple(rows.loc["5200", ["indicator", "scope"]]) == ("maker_space_area", "provincial_level")
    assert tuple(rows.loc["47", ["indicator", "scope"]]) == ("startups_in_maker_spaces", "provincial_level")
    assert tuple(rows.loc["5", ["indicator", "scope"]]) == ("startups_in_maker_spaces", "municipal_level")
    assert rows.loc[["41000", "152", "5200", "47", "900", "5"], "confidence"].max() < 0.8


@pytest.mark.parametrize(("indicator", "before", "expected"), [
    # the maker spaces' own area and firms: the codebook's maker-space indicators
    ("incubation_area", "全区众创空间孵化面积达", "maker_space_area"),
    ("incubation_area", "其中省级众创空间的面积为", "maker_space_area"),
    ("firms_in_incubation", "我市众创空间在孵企业", "startups_in_maker_spaces"),
    ("firms_in_incubation", "国家级众创空间入驻企业共", "startups_in_maker_spaces"),
    # another carrier joined to it: both together, the generic indicator stays
    ("incubation_area", "孵化器和众创空间孵化面积", None),
    ("firms_in_incubation", "孵化器、众创空间在孵企业", None),
    # the incubators' own, or 众创空间 in an earlier phrase: no change
    ("incubation_area", "孵化器孵化面积", None),
    ("firms_in_incubation", "新建众创空间3家，在孵企业", None),
    # another indicator: never
    ("maker_spaces", "众创空间", None),
])
def test_the_area_or_firms_of_maker_spaces_alone_are_the_maker_space_indicators(indicator, before, expected):
    assert indicator_words.maker_space_part(indicator, before) == expected


def test_drafts_of_maker_space_area_and_firms_in_sentences(tagger):
    # 众创空间孵化面积达3.5万平方米: maker spaces' area (35,000 m2); 孵化器和众创空间孵化面积12万平方米: both, incubation_area;
    # 众创空间在孵企业460家: start-ups in maker spaces
    text = ("截至2023年底，全市众创空间孵化面积达3.5万平方米，众创空间在孵企业460家；"
            "孵化器和众创空间孵化面积12万平方米。")
    rows = drafting.drafted(text, tagger, "makerparts9-2024", 2024).set_index("mention")
    assert rows.loc["3.5万平方米", "indicator"] == "maker_space_area"
    assert rows.loc["460家", "indicator"] == "startups_in_maker_spaces"
    assert rows.loc["12万平方米", "indicator"] == "incubation_area"


# a county's notice handing money down (written for these tests): a total, a section heading with its count and
# subtotal, lines of named carriers with and without a level, a line with a floor area before its amount, the rule
NOTICE = ("各乡镇、各有关单位：\n"
          "现将2025年度孵化载体补助资金下达给你们。本次共下达补助资金260万元，涉及孵化载体6家。\n"
          "一、认定奖励（2家，150万元）\n"
          "1.青溪创业园（省级孵化器）　100万元\n"
          "2.石桥农创空间　50万元\n"
          "二、场地补助（1家，110万元）\n"
          "1.北岸科创中心　新增孵化面积5,500平方米　补助110万元\n"
          "场地补助按每平方米200元计算，单个载体最高不超过150万元。\n")
NOTICE_TITLE = "某县科学技术局关于下达2025年度孵化载体补助资金的通知"


def _notice(tagger, title):
    from analysis import cleaning, corpus, drafts
    doc = corpus.Document("notice9-2025", "testland", "测试县", "Testland", "county", "", "policy_text", title,
                          "2025", "测试", "simplified", "t.txt", "0" * 64, "utf-8", "")
    return drafts.draft_figures(doc, cleaning.clean_text(NOTICE), tagger).set_index("mention")


@pytest.mark.parametrize(("title", "expected"), [
    ("关于下达2024年度科技企业孵化器和众创空间奖补资金的通知", True),
    ("市科技局关于拨付2023年度众创空间运营补助资金的通知", True),
    ("关于兑现2025年孵化载体绩效奖励的通知", True),
    # proposed, not paid; a rule; a budget report
    ("关于2024年度孵化载体扶持资金拟拨付名单的公示", False),
    ("某市科技企业孵化器奖补资金管理办法", False),
    ("某区科技局2024年部门预算说明", False),
])
def test_a_notice_handing_money_down_is_read_from_its_title(title, expected):
    from analysis import document_subject
    assert (document_subject.disbursement_level(title, "prefecture_city") == "municipal_level") is expected


def test_a_numbered_line_of_such_a_notice_is_paid_unless_it_has_a_rule_s_structure():
    from analysis import document_subject
    assert document_subject.paid_line(NOTICE_TITLE, "1.北岸科创中心　新增孵化面积5,500平方米　补助")
    assert document_subject.paid_line(NOTICE_TITLE, "（2）石桥农创空间　")
    # not numbered; a rule's structure (按每平方米, 最高); another document
    assert not document_subject.paid_line(NOTICE_TITLE, "场地补助按每平方米")
    assert not document_subject.paid_line(NOTICE_TITLE, "2.对新认定的省级孵化器，给予")
    assert not document_subject.paid_line("某县孵化载体补助办法", "1.北岸科创中心　补助")


def test_drafts_of_a_notice_handing_money_down(tagger):
    rows = _notice(tagger, NOTICE_TITLE)
    # 260万元 handed down: the carriers' money (subsidies, not a budget), the county's (a county issuer: municipal,
    # read from the document: not confident); 6家: the carriers paid (孵化载体: incubation institutions), funding
    assert tuple(rows.loc["260万元", ["indicator", "scope", "kind"]]) == ("subsidies", "municipal_level", "funding")
    assert rows.loc["260万元", "confidence"] < 0.8
    assert tuple(rows.loc["6家", ["indicator", "kind"]]) == ("incubation_institutions", "funding")
    # （2家，150万元）: the section's carriers paid and its subtotal, the issuer's
    assert tuple(rows.loc["2家", ["indicator", "kind"]]) == ("incubation_institutions", "funding")
    assert tuple(rows.loc["150万元", ["scope", "kind"]]) == ("municipal_level", "funding")
    # 100万元 of a provincial incubator keeps its line's level; 50万元 of a carrier with no level: the issuer's
    assert tuple(rows.loc["100万元", ["scope", "kind"]]) == ("provincial_level", "funding")
    assert tuple(rows.loc["50万元", ["indicator", "scope", "kind"]]) == ("subsidies", "municipal_level", "funding")
    # 补助110万元 after the floor area on a numbered line: paid (funding), not a rule; the rule's 200元 and its cap
    # stay rules
    line = rows.loc["110万元"].iloc[-1]  # the subtotal of the heading says 110万元 too
    assert tuple(line[["indicator", "kind"]]) == ("subsidies", "funding")
    assert rows.loc["200元", "kind"] == "rule"


def test_the_same_lines_in_a_proposed_list_are_not_read_as_handed_down(tagger):
    # 拟拨付名单的公示: no issuer's level given to money naming none, no count read as the carriers paid
    rows = _notice(tagger, "某县关于2025年度孵化载体补助资金拟拨付名单的公示")
    assert rows.loc["50万元", "scope"] == "all"
    assert rows.loc["6家", "kind"] != "funding"


@pytest.mark.parametrize(("sentence", "mention"), [
    # a rate by the unit (按每平方米…元, 按照每家…万元, 按每平方米每月…元): a rule's amount, whatever document it is in
    ("2024年，场地补助按每平方米200元计算。", "200元"),
    ("新认定的众创空间按照每家20万元的标准拨付。", "20万元"),
    ("运营补助按每平方米每月10元核定，全年不超过50万元。", "10元"),
])
def test_a_rate_by_the_unit_is_a_rule(tagger, sentence, mention):
    assert drafting.drafted_row(sentence, mention, tagger, "rate9-2024", 2024)["kind"] == "rule"


# a district head's speech (written for these tests): last year's results under a spoken lead-in, this year's tasks
# under another, items in 一是/二是, spoken numerals, 要 of a plan
SPEECH = ("同志们：\n"
          "先说成绩。\n"
          "去年全区新增众创空间三家，在孵企业达到二百四十家。\n"
          "孵化面积八万平方米。\n"
          "下面讲讲今年的任务。\n"
          "一是抓载体。\n"
          "今年要新建孵化器两家；\n"
          "在孵企业突破三百家。\n"
          "二是抓资金。\n"
          "区财政双创资金要增加到四千万；\n"
          "创业导师要发展到六十人。\n")


@pytest.mark.parametrize(("mention", "kind"), [
    ("三家", "actual"),        # 去年: a status
    ("八万平方米", "actual"),   # no cue of its own; the lead-in 先说成绩 names no section: a status by default
    ("两家", "target"),        # 今年要新建: 要 of a plan
    ("突破三百家", "target"),  # no cue of its own: the line before ends in ；, its 要 (else 今年的任务, the section)
    ("四千万", "target"),      # money 要增加到: a target, not money set aside
    ("六十人", "target"),      # 要发展到
])
def test_a_speech_s_tasks_are_targets(tagger, mention, kind):
    row = drafting.drafted_row(SPEECH, mention, tagger, "speech9-2024", 2024)
    assert row["kind"] == kind
    assert row["confidence"] < 0.8 or "section" not in row["evidence"]


@pytest.mark.parametrize(("sentence", "mention", "kind"), [
    # 需要, 主要, 重要 are no plan's 要; 要求 neither
    ("企业需要增加投入500万元。", "500万元", "funding"),
    ("主要增长来自在孵企业120家。", "120家", "actual"),
    # money to be paid or won in a year under 力争 or 争取 stays funding (the labels of the tuning sets)
    ("2024年力争全年兑现扶持资金不低于7000万元。", "不低于7000万元", "funding"),
])
def test_other_cues_keep_their_kind(tagger, sentence, mention, kind):
    assert drafting.drafted_row(sentence, mention, tagger, "notplan9-2023", 2023)["kind"] == kind


# a table of grants by level copied from a web page one cell a line (written for these tests): the cells carry units
RULES_BY_LEVEL = ("经认定的各级孵化器，分别给予奖励，标准如下：\n"
                  "级别\n奖励金额\n年度补助上限\n"
                  "区级\n10万元\n5万元\n"
                  "省级\n40万元\n15万元\n"
                  "三、其他事项。\n")


def test_a_table_of_grants_by_level_pasted_one_cell_a_line():
    # 10万元 under 奖励金额 in the row 区级: 区级奖励金额, 10 + unit 万元 (the number's span: 10), a rule (a grant's
    # column); 5万元 under 年度补助上限: a cap, a rule
    cells = _cells(RULES_BY_LEVEL, 2024)
    assert cells == [("10", "万元", 2024, "rule", "区级奖励金额"), ("5", "万元", 2024, "rule", "区级年度补助上限"),
                     ("40", "万元", 2024, "rule", "省级奖励金额"), ("15", "万元", 2024, "rule", "省级年度补助上限")]
    # one row only, or a row whose cells have no unit: not read as such a table
    assert _cells("级别\n奖励金额\n年度补助上限\n区级\n10万元\n5万元\n三、其他事项。\n", 2024) == []
    assert _cells("级别\n奖励金额\n年度补助上限\n区级\n10\n5\n省级\n40\n15\n", 2024) == []


def test_drafts_of_a_table_of_grants_by_level(tagger):
    # subsidies of each row's level, rules; 10万元 = 100,000 yuan
    rows = drafting.drafted(RULES_BY_LEVEL, tagger, "grants9-2024", 2024).set_index("mention")
    assert tuple(rows.loc["10", ["indicator", "scope", "kind", "value"]]) == ("subsidies", "municipal_level", "rule",
                                                                             100_000)
    assert tuple(rows.loc["15", ["indicator", "scope", "kind"]]) == ("subsidies", "provincial_level", "rule")


@pytest.mark.parametrize(("before", "expected"), [
    # 入驻 qualifying teams and firms together: settled in a space
    ("全年新入驻团队和企业", "firms_settled"),
    ("入驻创业团队及企业达到", "firms_settled"),
    ("入驻企业和团队共", "firms_settled"),
    # 累计 qualifying them: the cumulative indicator of both
    ("累计孵化团队和企业", "firms_and_teams_cumulative"),
    ("累计培育企业及创业团队", "firms_and_teams_cumulative"),
    # 初创企业 with teams, 在孵企业 first, or one of them alone: not this rule
    ("入驻创业团队和初创企业", None),
    ("在孵企业和团队", None),
    ("入驻创业团队", None),
    # the pair in an earlier phrase
    ("入驻团队和企业较多，毕业企业", None),
])
def test_teams_and_firms_counted_together(before, expected):
    assert indicator_words.teams_and_firms(before) == expected


def test_drafts_of_teams_and_firms_and_an_operator_s_plan(tagger):
    # an operator's report (written for these tests): 新入驻团队和企业 firms settled, a status (截至); 累计孵化团队和企业
    # cumulative; under the heading 五、2025年工作计划 a number with no cue of its own is a target
    text = ("四、孵化成效\n截至2024年底，全年新入驻团队和企业45个，累计孵化团队和企业380个。\n"
            "五、2025年工作计划\n入驻团队和企业达到200个。\n")
    rows = drafting.drafted(text, tagger, "operator9-2025", 2025).set_index("mention")
    # (a status of the indicator of a later target of the document: its baseline, drafts._mark_baselines)
    assert tuple(rows.loc["45个", ["indicator", "kind"]]) == ("firms_settled", "baseline")
    assert rows.loc["380个", "indicator"] == "firms_and_teams_cumulative"
    assert tuple(rows.loc["200个", ["indicator", "kind"]]) == ("firms_settled", "target")
    # a heading of the plan's outcome is no plan: 2024年计划完成情况 is work done, not to come
    done = drafting.drafted("三、2024年计划完成情况\n在孵企业达到120家。\n", tagger, "operator9b-2025", 2025)
    assert done.set_index("mention").loc["120家", "kind"] != "target"


@pytest.mark.parametrize(("before", "expected"), [
    # a bare area after the carrier the sentence introduces, with the level written on it
    ("其中东岸创客汇为国家备案众创空间，面积", ("maker_space_area", "国家备案")),
    ("西城孵化器为省级科技企业孵化器，总面积", ("incubation_area", "省级")),
    ("新建众创空间2个、面积", ("maker_space_area", "")),
    ("公司运营的加速器位于高新区，占地面积约", ("incubation_area", "")),
    # the last carrier named before it decides
    ("孵化器入驻企业来自众创空间，面积", ("maker_space_area", "")),
    # not a bare area (an alias of its own), or no carrier named
    ("众创空间场地面积", None),
    ("全区面积", None),
    ("众创空间孵化面积", None),
])
def test_a_bare_area_after_a_carrier_is_that_carrier_s(before, expected):
    assert indicator_words.carrier_area(before) == expected


def test_drafts_of_bare_areas_after_carriers(tagger):
    # 6,500平方米: a provincial maker space's area (省级 on the carrier, read from the phrase before: not confident);
    # 12,000平方米 an incubator's, no level: all
    text = "南湖青创汇为省级众创空间，面积6,500平方米；北岸孵化器面积12,000平方米。"
    rows = drafting.drafted(text, tagger, "area9-2024", 2024).set_index("mention")
    assert tuple(rows.loc["6,500平方米", ["indicator", "scope"]]) == ("maker_space_area", "provincial_level")
    assert rows.loc["6,500平方米", "confidence"] < 0.8
    assert tuple(rows.loc["12,000平方米", ["indicator", "scope"]]) == ("incubation_area", "all")


@pytest.mark.parametrize(("sentence_before", "expected"), [
    # a year's word in the sentence: firms graduated in that year
    ("当年毕业企业", True),
    ("全年新入驻团队和企业52个，毕业企业", True),
    ("2023年，全区孵化载体去年毕业企业", True),
    # cumulative, or no year's word: the codebook's cumulative graduated firms
    ("累计毕业企业", False),
    ("全年新增在孵企业40家，累计毕业企业", False),
    ("孵化器毕业企业", False),
])
def test_firms_graduated_in_the_year(sentence_before, expected):
    assert indicator_words.graduated_in_the_year("graduated_firms", sentence_before) is expected
    assert not indicator_words.graduated_in_the_year("firms_in_incubation", sentence_before)


def test_drafts_of_firms_graduated_in_the_year(tagger):
    # 当年毕业企业35家: new graduates; 累计毕业企业410家: the cumulative indicator
    text = "截至2024年底，全市在孵企业1,200家，当年毕业企业35家，累计毕业企业410家。"
    rows = drafting.drafted(text, tagger, "graduates9-2024", 2024).set_index("mention")
    assert rows.loc["35家", "indicator"] == "new_graduated_firms"
    assert rows.loc["410家", "indicator"] == "graduated_firms"


@pytest.mark.parametrize(("sentence_before", "after", "expected"), [
    # prize winners of a competition
    ("在创新创业大赛总决赛中，一等奖", "名、二等奖3名", "competition_awards"),
    ("本届比赛共评出特等奖", "个项目", "competition_awards"),
    ("三等奖", "项", "competition_awards"),
    # the entries of a competition (its finalists are not entries)
    ("第五届“创客杯”大赛共吸引报名", "个项目，其中", "competition_entrants"),
    ("创业大赛初赛阶段，参赛", "支团队同台竞技", "competition_entrants"),
    ("创业大赛决赛中，脱颖而出的", "个项目同台角逐", None),
    # projects signed at an event
    ("闭幕式上集中签约科技成果转化和创业投资项目", "个，签约总额", "matched_projects"),
    ("活动现场签约", "个项目，金额", "matched_projects"),
    # no competition, no signing: none
    ("全市新增在孵", "个项目", None),
    ("签约金额", "亿元", None),
])
def test_counts_of_a_competition_or_an_event(sentence_before, after, expected):
    assert indicator_words.event_count(sentence_before, after) == expected


def test_drafts_of_a_competition_report(tagger):
    # written for these tests: 480个项目 entries, 一等奖3名 prize winners (名: persons, still a count of winners), 签约项目
    # 19个 matched projects; the prize money stays out of scope (money to contestants)
    text = ("本届创业大赛共有报名参赛的480个项目，经初赛、复赛，一等奖3名、二等奖6名分别获得10万元和5万元奖金。"
            "现场集中签约项目19个。")
    rows = drafting.drafted(text, tagger, "contest9-2025", 2025).set_index("mention")
    assert rows.loc["480个", "indicator"] == "competition_entrants"
    assert rows.loc["3名", "indicator"] == "competition_awards"
    assert rows.loc["6名", "indicator"] == "competition_awards"
    assert rows.loc["19个", "indicator"] == "matched_projects"
    assert rows.loc[["480个", "3名", "19个"], "confidence"].max() < 0.8
    assert rows.loc["10万元", "indicator"] == ""


@pytest.mark.parametrize(("sentence", "expected"), [
    # the payer between the list and 分别 is no item of the list: 30万元 national, 15万元 provincial
    ("对新认定的国家级、省级星创天地，市财政分别给予30万元、15万元一次性奖励。",
     {"30万元": "national_level", "15万元": "provincial_level"}),
    ("对国家级、省级众创空间，区财政分别奖励50万元、20万元。",
     {"50万元": "national_level", "20万元": "provincial_level"}),
    # a place's own level word (合作区级, 高新区级) is an item of the list (州级 is no cue of scopes.csv)
    ("对新认定的国家级、省级、合作区级载体，分别给予300万元、150万元、50万元一次性奖励。",
     {"300万元": "national_level", "150万元": "provincial_level", "50万元": "municipal_level"}),
    ("对认定的国家级、省级、高新区级孵化器分别给予100万元、50万元、20万元。",
     {"100万元": "national_level", "50万元": "provincial_level", "20万元": "municipal_level"}),
])
def test_a_list_of_levels_handed_out_by_fenbie(tagger, sentence, expected):
    rows = drafting.drafted(sentence, tagger, "fenbie9-2025", 2025).set_index("mention")
    assert {mention: rows.loc[mention, "scope"] for mention in expected} == expected


@pytest.mark.parametrize(("sentence", "mention", "expected"), [
    # a place's share after 其中: the parent's indicator and level (inherited: not confident)
    ("目前全市有市级以上众创空间146家，其中鹿城区31家。", "31家", ("maker_spaces", "municipal_level")),
    ("全省共有省级以上孵化器420家，其中西安市210家。", "210家", ("incubators", "provincial_level")),
    ("全市星创天地达到58家，其中临川县12家。", "12家", ("star_spaces", "all")),
    # a level of its own still decides (其中国家级)
    ("全市有市级以上孵化器40家，其中国家级6家。", "6家", ("incubators", "national_level")),
])
def test_a_place_s_share_after_qizhong_is_a_subset(tagger, sentence, mention, expected):
    row = drafting.drafted_row(sentence, mention, tagger, "placeshare9-2025", 2025)
    assert (row["indicator"], row["scope"]) == expected


@pytest.mark.parametrize(("text", "mention", "expected"), [
    # a subset after counts of several parts of one umbrella: the umbrella (never confident: coordinated)
    ("县里现在有孵化器三家、众创空间五家、星创天地四家；\n其中省级的有两家；", "两家", "incubation_institutions"),
    ("全市有孵化器12家、众创空间30家，其中国家级8家。", "8家", "incubation_institutions"),
    # after one count, or in a bracket right after one item: that one
    ("全市有孵化器12家，其中国家级8家。", "8家", "incubators"),
    ("全县已有星创天地7家（其中省级3家）、众创空间4家（其中市级2家）。", "2家", "maker_spaces"),
])
def test_a_subset_after_several_parts_of_an_umbrella(tagger, text, mention, expected):
    row = drafting.drafted_row(text, mention, tagger, "umbrella9-2024", 2024)
    assert row["indicator"] == expected
    assert row["confidence"] < 0.8 or expected != "incubation_institutions"


def test_place_names():
    from analysis import text_shape
    assert text_shape.place_name("鹿城区") and text_shape.place_name("西安市") and text_shape.place_name("临川县")
    assert not text_shape.place_name("众创空间") and not text_shape.place_name("市级")
    assert text_shape.place_name("其中鹿城区", end=True) and not text_shape.place_name("鹿城区孵化器", end=True)


@pytest.mark.parametrize(("before", "expected"), [
    # the money of awards: subsidies paid to carriers
    ("本年度绩效奖补资金合计", "subsidies"),
    ("兑现孵化载体奖励资金", "subsidies"),
    ("共拨付科技奖补资金", "subsidies"),
    # money from above, or another fund: the budget stays
    ("争取上级奖补资金", None),
    ("安排双创专项资金", None),
    ("追加省级补助资金", None),
])
def test_the_money_of_awards_is_subsidies(before, expected):
    found = indicator_words.refined("programme_budget", before, "CNY")
    assert (found[0] if found else None) == expected
