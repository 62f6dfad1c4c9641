"""Figure drafts in the shapes set_f found wrong (issue 26, sixth round), as kinds: a target table's bare cells
take their row's unit and their column's year and kind. The sentences are written for these tests (no fact)."""

import pytest
from tests import drafting

from analysis import calibration, clause_kind, document_subject, indicator_words, quantities, table_cells


@pytest.fixture(scope="module")
def tagger():
    return drafting.tagger()


def _rows(text, tagger, year=2021, **where):
    return drafting.drafted(text, tagger, "shape6-2021", year, **where).set_index("mention")


TABLE = ("表1 主要指标\n指标\t2020年基期\t2025年目标\n众创空间（家）\t41\t66\n其中：国家级（家）\t7\t13\n"
         "孵化面积（万平方米）\t35.5\t52\n研发投入强度（%）\t2.4\t3.1\n三、重点任务\n新增众创空间25家。")


def test_table_cells_take_the_row_unit_and_the_column_year_and_kind():
    # cleaned, the tabs are spaces; 41 and 66 are the cells of the row 众创空间（家）: 41家 in 2020 (基期: a status),
    # 66家 in 2025 (目标: a target); 35.5 in 万平方米 is 355,000 m2; the table ends at 三、重点任务
    mentions = {m.text: m for m in quantities.extract(TABLE, "t", 2021)}
    assert (mentions["41"].value, mentions["41"].unit, mentions["41"].year, mentions["41"].kind) == (41, "count", 2020,
                                                                                                    "actual")
    assert (mentions["66"].value, mentions["66"].year, mentions["66"].kind) == (66, 2025, "target")
    assert (mentions["35.5"].value, mentions["35.5"].unit) == (355_000, "m2")  # 35.5 x 10,000
    assert (mentions["52"].value, mentions["52"].unit, mentions["52"].kind) == (520_000, "m2", "target")
    assert (mentions["3.1"].value, mentions["3.1"].unit) == (3.1, "percent")
    assert mentions["25家"].note == "" or "table" not in mentions["25家"].note  # the line after the table is text


def test_two_space_separated_cells_are_not_one_number_with_a_thousands_space():
    # 孵化面积 万平方米 312 420: the unit as a column after the label; 312 and 420 are two cells (not 312,420)
    cells = table_cells.cells("指标 单位 2020年 2025年\n孵化面积 万平方米 312 420", doc_year=2021)
    assert [(c.unit_text, c.year, c.kind) for c in cells] == [("万平方米", 2020, "actual"), ("万平方米", 2025, "target")]
    mentions = quantities.extract("指标 单位 2020年 2025年\n孵化面积 万平方米 312 420", "t", 2021)
    assert [(m.text, m.value) for m in mentions] == [("312", 3_120_000), ("420", 4_200_000)]


def test_bare_year_columns_are_read_against_the_document_year():
    # no 基期/目标 in the header: 2022 is before a 2023 document (a status), 2025 after it (a target)
    cells = table_cells.cells("指标 2022年 2025年\n在孵企业（家） 300 450", doc_year=2023)
    assert [(c.year, c.kind) for c in cells] == [(2022, "actual"), (2025, "target")]


def test_a_row_whose_cells_do_not_fill_the_columns_is_no_table_row():
    # two year columns, one number: not read as a cell (the layout is not what the rule assumes)
    assert table_cells.cells("指标 2020年 2025年\n众创空间（家） 41", doc_year=2021) == []


def test_drafts_of_table_cells_count_the_row_label_and_the_subset_row(tagger):
    # 众创空间（家） 41 66 under a heading of targets: the column decides, 41 a baseline of 2020 (a status before a
    # target of the same indicator), 66 a target of 2025; 其中：国家级（家） is the row above's noun at the national level
    rows = _rows("二、发展目标\n" + TABLE, tagger)
    assert tuple(rows.loc["41", ["indicator", "scope", "kind", "year"]]) == ("maker_spaces", "all", "baseline", 2020)
    assert tuple(rows.loc["66", ["indicator", "scope", "kind", "year"]]) == ("maker_spaces", "all", "target", 2025)
    assert tuple(rows.loc["13", ["indicator", "scope", "kind", "year"]]) == ("maker_spaces", "national_level", "target",
                                                                            2025)
    # the next row is no subset of the 其中 row: 孵化面积 at no level
    assert tuple(rows.loc["52", ["indicator", "scope"]]) == ("incubation_area", "all")
    # a kind read from a column is an inference: never confident
    assert rows.loc["66", "evidence"].split("|")[2] == "column"
    assert not calibration.may_be_high(rows.loc["66", "evidence"])


def test_a_level_on_a_fund_of_carriers_is_not_the_carriers_level():
    # 为规范市级孵化载体奖补资金管理: the fund is municipal; its grants go to carriers of the levels its articles name
    text = "第一条 为规范市级孵化载体奖补资金的管理，制定本办法。\n第二条 对新认定的孵化器给予奖励。"
    assert document_subject.subject_level("某市孵化载体奖补资金管理办法", text, "prefecture_city") is None
    # the recognition of carriers of one level keeps its level (round 5's rule)
    text = "第一条 为规范市级众创空间的认定和管理，制定本办法。"
    assert document_subject.subject_level("某市众创空间认定管理办法", text, "prefecture_city")[0] == "municipal_level"


def test_grants_in_a_funds_measures_take_no_level_from_the_fund(tagger):
    # 第五条 对新建孵化面积…的孵化载体…最高200万元: no level near the number, and the document's subject is the fund:
    # scope all (before: municipal from the first article)
    text = ("第一条 为规范市级科技企业孵化载体专项资金管理，制定本办法。\n第五条 建设补助。\n"
            "对新建孵化面积3000平方米以上的孵化载体，按建设投资额的20%给予补助，最高200万元。")
    rows = drafting.drafted(text, tagger, "shape6-2024", 2024, title="某市科技企业孵化载体专项资金管理办法")
    rows = rows.set_index("mention")
    assert rows.loc["最高200万元", "scope"] == "all"


def test_new_recognition_at_a_level_is_the_codebooks_new_at_level_indicator(tagger):
    # 新认定省级众创空间27家: new provincial maker spaces (the codebook's 新增省级众创空间); 众创空间总数达到150家 stays
    # maker spaces; 新认定国家级孵化器 has no new-at-level code in the codebook: incubators
    rows = _rows("全年新认定省级众创空间27家，新认定国家级孵化器3家，全市众创空间总数达到150家。", tagger, year=2023)
    assert tuple(rows.loc["27家", ["indicator", "scope"]]) == ("maker_spaces_new_provincial", "provincial_level")
    assert rows.loc["3家", "indicator"] == "incubators"
    assert rows.loc["150家", "indicator"] == "maker_spaces"
    assert indicator_words.newly_recognised("全年新备案省级众创空间") == "全年新增省级众创空间"
    assert indicator_words.newly_recognised("全年认定省级众创空间") is None


def test_money_a_government_put_in_is_a_programme_budget(tagger):
    # 市财政投入孵化载体的扶持资金达2.4亿元: the city's input (programme_budget), though 扶持资金 is a subsidies alias;
    # 对新认定的孵化器给予扶持资金50万元: a grant, subsidies
    rows = _rows("今年市财政投入孵化载体的扶持资金达2.4亿元。对新认定的孵化器给予扶持资金50万元。", tagger, year=2023)
    assert rows.loc["2.4亿元", "indicator"] == "programme_budget"
    assert rows.loc["50万元", "indicator"] == "subsidies"
    # a grant after the input in the same sentence: 财政投入…，对…的给予 is the grant's
    assert not indicator_words.government_input("subsidies", "市财政投入资金，对新认定的孵化器给予")


def test_a_condition_ending_in_de_before_a_grant_is_a_rule_without_dui(tagger):
    # 每年举办创业沙龙12场以上的，另给予3万元奖励: 12场以上 is the condition of the grant (no 对 before it)
    rows = _rows("众创空间每年举办创业活动12场以上的，另给予3万元奖励。", tagger, year=2024)
    assert rows.loc["12场以上", "kind"] == "rule"
    assert clause_kind.condition_of("载体设立种子资金规模达到800万元的，市财政按其到位资金的10%给予配套。", 0, 12, 17,
                                    False) == "…的，…给予"  # 800万元 at 12:17
    # a status with 的 and no grant after it stays a status
    rows = _rows("截至2023年底，全市已有众创空间56家。", tagger, year=2024)
    assert rows.loc["56家", "kind"] == "actual"


def test_a_cap_on_money_is_a_rule_unless_money_paid(tagger):
    # 每年最高6万元, 合计不超过300万元: caps a rule sets; 单家最高获得90万元 in a report: money paid (funding)
    rows = _rows("按每个实体1000元给予奖补，每年最高6万元。\n同一载体同一年度获得的各类补助合计不超过300万元。\n"
                 "去年共兑现奖补资金1200万元，单家最高获得90万元。", tagger, year=2024)
    assert rows.loc["最高6万元", "kind"] == "rule"
    assert rows.loc["不超过300万元", "kind"] == "rule"
    assert rows.loc["最高获得90万元" if "最高获得90万元" in rows.index else "90万元", "kind"] == "funding"
