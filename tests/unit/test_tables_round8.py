"""Tables in the forms users paste them (issue 26, eighth round, set_h's errors), as kinds: a Markdown pipe table,
an aligned-space table with a numbering, a unit and an attribute column, a table whose rows are years. A cell takes
the noun and unit of its header or row label and the year of its row or column. The tables are written for these
tests (no fact)."""

import pytest
from tests import drafting

from analysis import quantities, table_cells

# rows are years; the units in the headers, one half-width (万元); thousands separators; a 其中 column
PIPE_BY_YEAR = ("## 二、近年主要数据\n"
                "| 年度 | 众创空间（个） | 其中省级（个） | 创业导师（人） | 奖补资金(万元) |\n"
                "|:---|---:|---:|---:|---:|\n"
                "| 2021 | 85 | 12 | 1,340 | 2,600 |\n"
                "| 2022年 | 97 | 15 | 1,512 | 3,050.5 |\n"
                "三、下一步工作\n新增众创空间8家。")

# columns are years (a base and a target), the units in the row labels; the table cut off by a text line
PIPE_BY_COLUMN = ("| 指标名称 | 2023年（实际） | 2026年（目标） |\n"
                  "| --- | --- | --- |\n"
                  "| 科技企业孵化器（家） | 42 | 60 |\n"
                  "| 在孵企业（家） | 1,105 | 1,600 |\n"
                  "| 孵化场地面积（万平方米） | 48.2 | 65 |\n")

# aligned with spaces: a numbering, a unit column, an attribute column; a 其中 row; years bare against a 2024 plan
ALIGNED = ("附表  主要发展指标\n"
           "序号   指标              计量单位   2024年   2028年   指标属性\n"
           "1      众创空间          个         30       45       预期性\n"
           "2      其中：国家级      个         4        8        预期性\n"
           "3      孵化面积          万平方米   12.5     20       预期性\n"
           "4      专项扶持资金      万元       800      1500     约束性\n"
           "二、主要任务\n")


def _cells(text, year):
    return [(text[c.start:c.end], c.unit_text, c.year, c.kind, c.noun) for c in table_cells.cells(text, year)]


def test_a_pipe_table_whose_rows_are_years_takes_each_header_noun_and_unit():
    # | 2021 | 85 | under | 年度 | 众创空间（个） |: 85个 of 众创空间 in 2021; 2021 and 2022 are before a 2023 document:
    # statuses; 其中省级 is a subset of the column before it: 省级众创空间; 2022年 (with 年) is a year row too
    cells = _cells(PIPE_BY_YEAR, 2023)
    assert cells[:4] == [("85", "个", 2021, "actual", "众创空间"), ("12", "个", 2021, "actual", "省级众创空间"),
                         ("1,340", "人", 2021, "actual", "创业导师"), ("2,600", "万元", 2021, "actual", "奖补资金")]
    assert [c[0] for c in cells[4:]] == ["97", "15", "1,512", "3,050.5"]
    assert {c[2] for c in cells[4:]} == {2022}
    # the separator row |:---|---:| and the year cells are never quantities; 1,340 is one number (1340 persons),
    # 3,050.5万元 is 30,505,000 yuan; the line after the table is text again (新增众创空间8家 has its own unit)
    mentions = {m.text: m for m in quantities.extract(PIPE_BY_YEAR, "t", 2023)}
    assert (mentions["1,340"].value, mentions["1,340"].unit) == (1340, "person")
    assert (mentions["3,050.5"].value, mentions["3,050.5"].unit) == (30_505_000, "CNY")
    assert "2021" not in mentions and "2022年" not in mentions and "---" not in mentions
    assert "table" not in mentions["8家"].note


def test_a_pipe_table_whose_columns_are_years_reads_base_and_target_from_the_header():
    # 2023年（实际）: a status whatever the document's year; 2026年（目标）: a target; the unit from the row label:
    # 48.2万平方米 = 482,000 m2, 1,600家 = 1600
    cells = _cells(PIPE_BY_COLUMN, 2024)
    assert cells == [("42", "家", 2023, "actual", "科技企业孵化器"), ("60", "家", 2026, "target", "科技企业孵化器"),
                     ("1,105", "家", 2023, "actual", "在孵企业"), ("1,600", "家", 2026, "target", "在孵企业"),
                     ("48.2", "万平方米", 2023, "actual", "孵化场地面积"), ("65", "万平方米", 2026, "target", "孵化场地面积")]
    mentions = {m.text: m for m in quantities.extract(PIPE_BY_COLUMN, "t", 2024)}
    assert (mentions["48.2"].value, mentions["48.2"].unit) == (482_000, "m2")
    assert (mentions["1,600"].value, mentions["1,600"].kind, mentions["1,600"].year) == (1600, "target", 2026)


def test_an_aligned_table_takes_the_unit_column_and_never_reads_the_numbering():
    # 2024 is the plan's own year (a status), 2028 later (a target); the unit from 计量单位; 12.5万平方米 = 125,000 m2
    cells = _cells(ALIGNED, 2024)
    assert cells[:2] == [("30", "个", 2024, "actual", "众创空间"), ("45", "个", 2028, "target", "众创空间")]
    assert [c[0] for c in cells] == ["30", "45", "4", "8", "12.5", "20", "800", "1500"]
    mentions = {m.text: m for m in quantities.extract(ALIGNED, "t", 2024)}
    assert (mentions["12.5"].value, mentions["12.5"].unit) == (125_000, "m2")
    # the numbering 1 2 3 4 is no quantity: the only mentions are the eight cells
    assert sorted(mentions) == sorted(["30", "45", "4", "8", "12.5", "20", "800", "1500"])


def test_lines_with_pipes_or_spaces_that_are_no_table_give_no_cells():
    # a pipe in a web page's footer and a spaced title: no header of years or of units, no cells
    text = "首页 | 政务公开 | 2024年 | 联系我们\n主办单位：某市科技局 | 网站标识码 1234567890\n一、总体要求 二、主要任务 三、保障"
    assert table_cells.cells(text, 2024) == []
    # a header row of years but a row of words: nothing
    assert table_cells.cells("| 项目 | 2023年 | 2024年 |\n| 众创空间 | 较多 | 更多 |", 2024) == []


@pytest.fixture(scope="module")
def tagger():
    return drafting.tagger()


def test_drafts_of_grid_cells_count_their_header_noun(tagger):
    # 97 under 众创空间（个） in the row 2022年: maker spaces, a status of 2022 (before the 2023 document);
    # 15 under 其中省级: provincial maker spaces; 1,512 under 创业导师（人）: mentors
    rows = drafting.drafted(PIPE_BY_YEAR, tagger, "tables8-2023", 2023).set_index("mention")
    assert tuple(rows.loc["97", ["indicator", "scope", "year"]]) == ("maker_spaces", "all", 2022)
    # a status: 'baseline' when the text after it drafts a later target of maker spaces (drafts._mark_baselines)
    assert rows.loc["97", "kind"] in ("actual", "baseline")
    assert tuple(rows.loc["15", ["indicator", "scope", "year"]]) == ("maker_spaces", "provincial_level", 2022)
    assert rows.loc["1,512", "indicator"] == "mentors"


def test_drafts_of_an_aligned_plan_table_with_a_subset_row_and_money(tagger):
    # 45 个 众创空间 under 2028年: a target of 2028; 8 in 其中：国家级: national maker spaces;
    # 800 万元 under the plan's year 2024: money of a status year is funding (as 投入800万元 in a sentence)
    rows = drafting.drafted(ALIGNED, tagger, "tables8-2024", 2024).set_index("mention")
    assert tuple(rows.loc["45", ["indicator", "scope", "kind", "year"]]) == ("maker_spaces", "all", "target", 2028)
    assert tuple(rows.loc["8", ["indicator", "scope", "kind"]]) == ("maker_spaces", "national_level", "target")
    assert tuple(rows.loc["800", ["kind", "year"]]) == ("funding", 2024)
    assert tuple(rows.loc["1500", ["kind", "year"]]) == ("target", 2028)


def test_scores_of_an_evaluation_are_counted_points():
    # 综合得分92分 and 满分分别为10分、30分: scores, counted (no points unit in the list: count), 80分以上 a floor;
    # 分 is no score in 15分钟 (minutes), 三分之一 (a fraction), 十分重要 ("very"), 10时30分 (a time), 2分公司 (a branch)
    found = {m.text: (m.value, m.unit, m.qualifier)
             for m in quantities.extract("综合得分92分；满分分别为10分、30分；评分80分以上的给予奖励。", "t", 2024)}
    assert found == {"92分": (92, "count", "exact"), "10分": (10, "count", "exact"), "30分": (30, "count", "exact"),
                     "80分以上": (80, "count", "at_least")}
    for text in ("每次15分钟", "这项工作十分重要", "会议于10时30分开始", "设立2分公司"):
        assert quantities.extract(text, "t", 2024) == [], text
    # 三分之一 is a share (ninth round: 1/3 = 33.3 percent), never a score
    assert [(m.value, m.unit) for m in quantities.extract("约三分之一", "t", 2024)] == [(33.3, "percent")]


def test_an_item_label_before_a_colon_names_what_its_value_words_count(tagger):
    # 2.孵化器（国家级）数量：计划值5家，完成值6家: 5 a target, 6 a status, both of national incubators;
    # 3.举办路演活动：目标值120场，实际值131场: events; 完成率 is a rate of no indicator (out of scope)
    text = ("三、绩效目标完成情况\n2.新增国家级孵化器：计划值5家，完成值6家，完成率120%。\n"
            "3.举办创业路演活动：目标值120场，实际值131场，已完成。")
    rows = drafting.drafted(text, tagger, "tables8-2024", 2024).set_index("mention")
    assert tuple(rows.loc["5家", ["indicator", "scope", "kind"]]) == ("incubators", "national_level", "target")
    assert tuple(rows.loc["6家", ["indicator", "scope", "kind"]]) == ("incubators", "national_level", "actual")
    assert tuple(rows.loc["120场", ["indicator", "kind"]]) == ("events", "target")
    assert tuple(rows.loc["131场", ["indicator", "kind"]]) == ("events", "actual")
    assert rows.loc["120%", "indicator"] == ""


def test_a_planned_target_after_an_item_label_is_the_label_s_target(tagger):
    # （二）市级以上众创空间：规划目标12家，已达到9家: 12 a target of municipal-or-higher maker spaces
    text = "二、主要指标完成情况\n（二）市级以上众创空间：规划目标12家，2023年底已达到9家。"
    rows = drafting.drafted(text, tagger, "tables8-2024", 2024).set_index("mention")
    assert tuple(rows.loc["12家", ["indicator", "scope", "kind"]]) == ("maker_spaces", "municipal_level", "target")


def test_a_table_pasted_one_cell_a_line_is_read_as_its_grid():
    # a web table copied cell by cell: 指标 / 2023年 / 2026年目标 is the header (3 columns), then rows of 3 lines;
    # 12.5 万平方米 = 125,000 m2 in 2023 (before the 2024 document: a status), 20 in 2026 (目标: a target)
    text = ("二、主要指标\n指标\n2023年\n2026年目标\n众创空间（家）\n30\n45\n孵化面积（万平方米）\n12.5\n20\n"
            "三、重点任务\n")
    assert _cells(text, 2024) == [("30", "家", 2023, "actual", "众创空间"), ("45", "家", 2026, "target", "众创空间"),
                                  ("12.5", "万平方米", 2023, "actual", "孵化面积"),
                                  ("20", "万平方米", 2026, "target", "孵化面积")]
    mentions = {m.text: m for m in quantities.extract(text, "t", 2024)}
    assert (mentions["12.5"].value, mentions["12.5"].unit) == (125_000, "m2")
    # rows that are years, one cell a line: 年份 / 孵化器（家） / 在孵企业（家）, then 2022 / 231 / 11,860
    text = "年份\n孵化器（家）\n在孵企业（家）\n2022\n231\n11,860\n2023\n249\n12,950\n说明：数据来源于统计部门。"
    assert [c[:3] for c in _cells(text, 2024)] == [("231", "家", 2022), ("11,860", "家", 2022), ("249", "家", 2023),
                                                  ("12,950", "家", 2023)]


def test_short_lines_that_only_look_like_a_grid_give_no_cells():
    # headings and a date, one a line, then a row that does not fill the year columns: no table is certain
    text = "通知\n2024年\n2025年\n各有关单位\n30\n一、总体要求"
    assert table_cells.cells(text, 2024) == []
