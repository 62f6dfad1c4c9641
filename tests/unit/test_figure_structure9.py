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
