"""The quantity extractor's ninth round (set_i's misses, read for kinds): tables of named items, … Every sentence and
table here is written for these tests (no fact); expected values are worked by hand in the comments."""

from analysis import quantities, table_grid
from analysis.cleaning import clean_text


def _read(text, year=None):
    return [(q.text, q.value, q.unit, q.qualifier) for q in quantities.extract(text, doc_year=year)]


# a ranking pasted from a spreadsheet: tabs between cells, the units in the header's brackets, a score column,
# two short lines inside the table
RANKING = ("现将考核结果公示如下：\n"
           "排名\t载体名称\t级别\t孵化面积（平方米）\t在孵企业（家）\t得分\t等次\n"
           "1\t城东创业港\t国家级\t41000\t152\t95.5\t优秀\n"
           "2\t南湖众创空间\t省级\t6300\t48\t91.0\t优秀\n"
           "（以下略）\n"
           "不合格：\n"
           "39\t北站孵化基地\t市级\t2500\t7\t56.5\t不合格\n"
           "请于5个工作日内反馈。")


def test_a_ranking_pasted_from_a_spreadsheet_reads_each_value_cell_with_its_column_unit():
    got = [(t, v, u) for t, v, u, _ in _read(RANKING)]
    # the header survives the cleaning (its next line has as many cells, numbers among them: no menu)
    assert "排名 载体名称" in clean_text(RANKING).text
    # 41000 under 孵化面积（平方米） = 41,000 m2; 152 under 在孵企业（家） = 152 firms; 95.5 under 得分 = 95.5 points;
    # the ranks 1, 2, 39 are the numbering: never a cell
    assert got == [("41000", 41000.0, "m2"), ("152", 152.0, "count"), ("95.5", 95.5, "count"),
                   ("6300", 6300.0, "m2"), ("48", 48.0, "count"), ("91.0", 91.0, "count"),
                   ("2500", 2500.0, "m2"), ("7", 7.0, "count"), ("56.5", 56.5, "count"),
                   ("5个工作日内", 5.0, "days")]


def test_an_item_table_with_a_unit_column_and_a_pipe_table_of_items():
    statistics = ("表3 主要指标\n"
                  "指标 单位 年末数 比上年增长（%）\n"
                  "众创空间 家 215 3.8\n"
                  "孵化面积 万平方米 86.5 12.0\n")
    # 215 in 家 = 215; 86.5 in 万平方米 = 86.5 x 10,000 = 865,000 m2; the growth column in percent: 3.8, 12.0
    assert [(t, v, u) for t, v, u, _ in _read(statistics)] == [
        ("215", 215.0, "count"), ("3.8", 3.8, "percent"), ("86.5", 865000.0, "m2"), ("12.0", 12.0, "percent")]
    piped = ("| 序号 | 企业名称 | 获得补助（万元） |\n"
             "|---|---|---|\n"
             "| 1 | 甲科技公司 | 30 |\n"
             "| 2 | 乙智能公司 | 12.5 |\n")
    # 30 万元 = 300,000 yuan; 12.5 万元 = 125,000 yuan
    assert [(t, v, u) for t, v, u, _ in _read(piped)] == [("30", 300000.0, "CNY"), ("12.5", 125000.0, "CNY")]


def test_lines_of_words_that_are_no_item_table_give_no_cells():
    # a menu stays a menu (its next line is prose), and the line under it keeps its own reading only
    menu = "首页 政务公开 办事服务 互动交流\n全市新增众创空间12家。"
    assert "首页" not in clean_text(menu).text
    assert _read(menu) == [("12家", 12.0, "count", "exact")]
    # English words with a bracket are no header: no Chinese unit, no score
    english = "Name Country (about) Notes\nAlpha China 12 fine\n"
    assert table_grid.item_cells(clean_text(english).text) == []
    # a row with fewer cells than the header is not read
    short = "名称 面积（平方米） 企业（家）\n甲孵化器 3000\n"
    assert _read(short) == []
