"""The quantity extractor's eleventh round (set_k's misses, read for kinds): delimited exports (comma, semicolon,
quoted cells, a metadata preamble), tables whose heads are nouns with no unit, a total row whose label spans two
columns, a paper's statistics and a standard's codes (no quantities) beside a sample's size (a count), ranges with a
scale on both ends, ×N, TOP N, N大, signs as hedges (≥ ≤ ＞ ＜), a currency named before 元 (新台币, NT$), units outside
the suite's list. Every sentence and table here is written for these tests (no fact); expected values are worked by
hand in the comments."""

from analysis import delimited, quantities, statistics_notation, table_units


def _values(text, year=None):
    return [(q.text, q.value, q.unit) for q in quantities.extract(text, doc_year=year)]


def _read(text, year=None):
    return [(q.text, q.value, q.unit, q.qualifier) for q in quantities.extract(text, doc_year=year)]


# --- delimited exports -----------------------------------------------------------------------------------------------
def test_a_csv_export_after_a_metadata_preamble_reads_each_cell_with_its_column_unit():
    # the preamble has no table; the header names the units: 面积 in 平方米, 在孵企业 in 个; 认定年份 is a year, no cell
    export = ("数据集名称：某市孵化载体名录\n更新频率：每季度\n"
              "载体名称,级别,认定年份,面积（平方米）,在孵企业（个）\n"
              "东湖孵化器,国家级,2015,41000,152\n"
              "西岭创客空间,省级,2019,2600,37\n")
    assert _values(export, 2024) == [("41000", 41000.0, "m2"), ("152", 152.0, "count"),
                                     ("2600", 2600.0, "m2"), ("37", 37.0, "count")]


def test_a_semicolon_export_with_quoted_cells_holding_thousands_commas():
    # "12,500" is one quoted cell: 12,500 m2; the semicolons are the delimiters
    export = ('名称;类型;孵化面积（平方米）;入驻团队（个）\n'
              '"南山众创空间";"众创空间";"12,500";"64"\n'
              '"北塘孵化园";"孵化器";"8,300";"29"\n')
    assert _values(export, 2024) == [("12,500", 12500.0, "m2"), ("64", 64.0, "count"),
                                     ("8,300", 8300.0, "m2"), ("29", 29.0, "count")]


def test_as_pipes_keeps_the_text_length_and_leaves_prose_and_unquoted_thousands_alone():
    text = ('说明：下载次数：1,368 浏览次数：9,702\n'
            '名称,面积（平方米）,企业数\n'
            '"甲园","1,200",3\n'
            '乙园,800,5\n')
    piped = delimited.as_pipes(text)
    assert len(piped) == len(text)
    lines = piped.split("\n")
    assert lines[0] == text.split("\n")[0]  # prose with thousands commas: no header, as it was
    assert lines[1] == "名称|面积（平方米）|企业数"
    assert lines[2] == ' 甲园 | 1,200 |3'  # the quotes around cells become spaces, the comma inside stays
    assert lines[3] == "乙园|800|5"


def test_a_comma_line_of_prose_is_no_table():
    # three words with commas, but no row of as many cells with a number under it
    text = "创新,协调,绿色\n全市共有众创空间12家。\n"
    assert delimited.as_pipes(text) == text


# --- tables whose heads are nouns --------------------------------------------------------------------------------------
def test_a_web_table_whose_heads_are_nouns_counts_each_cell_as_its_noun():
    # a page's <table> cleaned to pipe rows: 众创空间, 孵化器, 在孵企业 carry no unit, every cell counts them;
    # the total row too (12 + 7 = 19, 3 + 2 = 5, 210 + 96 = 306)
    table = ("|县区|众创空间|孵化器|在孵企业\n"
             "|东城区|12|3|210\n"
             "|西城区|7|2|96\n"
             "|合计|19|5|306\n")
    assert _values(table, 2024) == [("12", 12.0, "count"), ("3", 3.0, "count"), ("210", 210.0, "count"),
                                    ("7", 7.0, "count"), ("2", 2.0, "count"), ("96", 96.0, "count"),
                                    ("19", 19.0, "count"), ("5", 5.0, "count"), ("306", 306.0, "count")]


def test_noun_heads_get_a_count_unit_people_heads_a_person_unit_and_measures_none():
    assert table_units.with_noun_counts(["区县", "孵化器", "创业导师", "孵化面积"]) == [
        "区县", "孵化器（个）", "创业导师（人）", "孵化面积"]  # an area without its unit is not read
    assert table_units.with_noun_counts(["区县", "排名", "得分"]) == ["区县", "排名", "得分"]
    # a head that states a unit keeps it; the noun beside it counts
    assert table_units.with_noun_counts(["区县", "孵化器（家）", "众创空间"]) == ["区县", "孵化器（家）", "众创空间（个）"]
    # a head of another shape (a year, a sentence) leaves the header as it is
    assert table_units.with_noun_counts(["指标", "2023年", "众创空间"]) == ["指标", "2023年", "众创空间"]


def test_a_total_row_whose_label_spans_the_rank_and_the_name():
    # 合计 covers 排名 and 县区: one cell fewer than the header, read against the columns after the first
    table = ("排名 县区 众创空间（家） 孵化器（家） 得分\n"
             "1 东城区 9 4 92.5\n"
             "2 西城区 6 3 88.0\n"
             "合计 15 7 —\n")
    assert [v for v in _values(table, 2024) if v[0] in ("15", "7")] == [("15", 15.0, "count"), ("7", 7.0, "count")]


def test_a_rank_before_a_place_named_with_wan_is_no_quantity():
    # 6 万年县: the rank 6 and the county 万年县, not 60,000 years
    assert _values("6 万年县孵化器1家") == [("1家", 1.0, "count")]


# --- a paper's statistics and a standard's codes -----------------------------------------------------------------------
def test_significance_levels_and_p_values_are_no_quantities():
    assert _values("注：***、**、*分别表示p<0.01、p<0.05、p<0.1。") == []
    assert _values("系数在1%水平上显著为正，在5%的显著性水平下通过检验。") == []
    assert _values("显著性水平为10%时结论不变。") == []
    # a share is still a share: 增长5%
    assert _values("新登记企业增长5%。") == [("5%", 5.0, "percent")]


def test_a_regression_table_gives_only_its_sample_size():
    # the coefficients with stars, t values in brackets and R² are statistics; the N row counts observations
    table = ("变量 （1） （2）\n密度 0.132*** 0.097**\n （3.41） （2.31）\n"
             "N 1820 1300\nR² 0.214 0.356\n")
    assert _values(table) == [("1820", 1820.0, "count"), ("1300", 1300.0, "count")]


def test_a_sample_size_written_n_equals_or_in_words_is_a_count():
    assert _values("仅用2018—2022年样本（N=1,300）重新估计。") == [("1,300", 1300.0, "count")]
    assert _values("样本量为860，系数为0.12。") == [("860", 860.0, "count")]
    assert statistics_notation.sample_size("n = 42", 4)


def test_standard_numbers_and_classification_codes_are_no_quantities():
    assert _values("ICS 03.080 CCS A 12") == []
    assert _values("DB37/T 4618—2023 众创空间服务规范") == []
    assert _values("GB/T 19001 质量管理体系 要求") == []
    assert statistics_notation.statistic("见T/CSTE 0012-2021。", 8, 12) == ("standard_number", 17)


# --- ranges, multiples, top N, N大 -------------------------------------------------------------------------------------
def test_ranges_with_a_scale_on_both_ends_and_no_unit_after():
    # 年薪 is money: 15万 to 25万 yuan; 8k to 12k yuan a month (薪资)
    [pay] = quantities.extract("年薪15万-25万，另有绩效。")
    assert (pay.low, pay.high, pay.unit, pay.qualifier) == (150000.0, 250000.0, "CNY", "range")
    [wage] = quantities.extract("薪资8k–12k/月。")
    assert (wage.low, wage.high, wage.unit, wage.qualifier) == (8000.0, 12000.0, "CNY", "range")
    [fund] = quantities.extract("单项资助3万至5万。")
    assert (fund.low, fund.high, fund.unit) == (30000.0, 50000.0, "CNY")


def test_a_multiple_written_with_a_times_sign():
    assert _values("融资额 ×2") == [("2", 2.0, "times")]
    assert _values("路演场次x3，签约项目12个") == [("3", 3.0, "times"), ("12个", 12.0, "count")]
    assert _values("面积为3x5米的展位") == []  # between digits, x is a size, no multiple
    assert _values("展位尺寸3 x 5米") == []
    assert _values("增长\n×2") == [("2", 2.0, "times")]


def test_top_n_written_in_latin_letters():
    assert _values("TOP10孵化器在孵企业占全区58%") == [("10", 10.0, "count"), ("58%", 58.0, "percent")]
    assert _values("进入Top 5的众创空间") == [("5", 5.0, "count")]


def test_n_da_after_arabic_digits_counts_and_after_chinese_numerals_is_left():
    assert _values("3大平台 5项机制") == [("3大", 3.0, "count"), ("5项", 5.0, "count")]
    assert _values("深入学习十九大精神") == []
    assert _values("举办3大赛事") == []  # 大赛 is a contest, no "3 big"


def test_the_first_three_quarters_is_a_period_not_a_top_three():
    assert _values("前三季度新增众创空间4家") == [("4家", 4.0, "count")]


def test_prizes_after_a_prize_name_are_counted_not_people():
    assert _values("一等奖1名、优秀奖10名、鼓励奖5名") == [("1名", 1.0, "count"), ("10名", 10.0, "count"),
                                                 ("5名", 5.0, "count")]


# --- hedges written as signs ------------------------------------------------------------------------------------------
def test_signs_before_a_number_are_hedges():
    assert _read("→ 众创空间 ≥ 72家") == [("≥ 72家", 72.0, "count", "at_least")]
    assert _read("响应时间≤3个工作日") == [("≤3个工作日", 3.0, "days", "up_to")]
    assert _read("入驻率＞80%") == [("＞80%", 80.0, "percent", "more_than")]
    assert _read("得分＜60分的限期整改") == [("＜60分", 60.0, "count", "up_to")]


# --- a currency named before 元 ---------------------------------------------------------------------------------------
def test_yuan_after_a_named_currency_is_that_currency_with_its_hedge():
    assert _read("补助5万元（约合新台币22万元）") == [("5万元", 50000.0, "CNY", "exact"),
                                             ("约合新台币22万元", 220000.0, "TWD", "approx")]
    # the cleaning writes 約 as 约 (the quote is the cleaned text)
    assert _read("每月2,000元（約NT$8,800），期限2年") == [("2,000元", 2000.0, "CNY", "exact"),
                                                 ("约NT$8,800", 8800.0, "TWD", "approx"), ("2年", 2.0, "years", "exact")]
    # in an English sentence the English reader takes NT$ too
    assert _read("a grant of NT$8,800 a month") == [("NT$8,800", 8800.0, "TWD", "exact")]
    assert _read("折合人民币3亿元") == [("3亿元", 300000000.0, "CNY", "exact")]


# --- units outside the suite's list ------------------------------------------------------------------------------------
def test_a_scale_before_a_unit_outside_the_list_is_no_count():
    assert _values("新增蔬菜产量3.2万吨；年发电86万度；新建道路1.2万米。") == []
    assert _values("直播观看3.2万，转发1万+") == [("3.2万", 32000.0, "person"), ("1万+", 10000.0, "count")]


# --- more forms of the same kinds ------------------------------------------------------------------------------------
def test_a_csv_with_year_heads_and_one_with_a_trailing_delimiter_and_slash_units():
    # 指标,2022,2023: a header of years (the rows are labelled with their units): 1,250 and 1,420 firms
    years = "指标,2022,2023\n在孵企业（家）,1250,1420\n"
    assert [(q.text, q.value, q.unit, q.year) for q in quantities.extract(years, doc_year=2024)] == [
        ("1250", 1250.0, "count", 2022), ("1420", 1420.0, "count", 2023)]
    # a spreadsheet's trailing comma and a byte-order mark; units after a slash: 面积/㎡ in m2, 在孵企业/家 a count
    export = "\ufeff载体名称,级别,面积/㎡,在孵企业/家,\n东湖孵化器,国家级,41000,152,\n"
    assert _values(export, 2024) == [("41000", 41000.0, "m2"), ("152", 152.0, "count")]


def test_a_space_aligned_table_with_slash_units_reads_money_in_wan():
    # 资金/万元: 300 万元 = 3,000,000 yuan; 县/区 holds names, no cell
    table = "名称 面积/平方米 资金/万元 县/区\n甲园 1200 300 东区\n"
    assert _values(table, 2024) == [("1200", 1200.0, "m2"), ("300", 3000000.0, "CNY")]


def test_a_noun_table_with_a_space_grouped_number_keeps_its_header_in_the_cleaning():
    # 2 100 is one cell: the row has four cells as the header has, so the header is no menu and is kept
    table = "各区县载体\n区县 众创空间 孵化器 在孵企业\n东城区 12 3 2 100\n西城区 7 2 960\n"
    assert _values(table, 2024) == [("12", 12.0, "count"), ("3", 3.0, "count"), ("2 100", 2100.0, "count"),
                                    ("7", 7.0, "count"), ("2", 2.0, "count"), ("960", 960.0, "count")]


def test_more_statistical_notations_are_no_quantities():
    assert _values("β=0.12，标准误为0.03，χ²=12.3，P＜0.05") == []
    assert _values("95%置信区间为[0.12,0.35]") == []
    assert _values("F(3, 120)=4.5") == []
    assert _values("JGJ/T 123 建筑设计规范") == []


def test_a_total_said_under_a_table_takes_the_unit_of_the_column_it_names():
    # 面积合计 names the column 面积（平方米）: 4,100 + 2,600 = 6,700 m2; 在孵企业合计 the column 在孵企业（个）: 152 + 37 = 189;
    # 入驻合计 names no column: not read
    export = ("载体名称,面积（平方米）,在孵企业（个）\n东湖孵化器,4100,152\n西岭空间,2600,37\n"
              "统计：面积合计6700，在孵企业合计189，入驻合计189\n")
    assert _values(export, 2024)[4:] == [("6700", 6700.0, "m2"), ("189", 189.0, "count")]
    # a total with its own unit is read as written (6,700 平方米), not as a column's cell
    assert _values("名称 面积（平方米） 企业（家）\n甲园 4100 12\n面积合计6700平方米\n", 2024)[2:] == [
        ("6700平方米", 6700.0, "m2")]


def test_a_nouns_number_with_no_measure_word_is_a_count():
    assert _values("记录数：10") == [("10", 10.0, "count")]
    assert _values("在孵企业数为120，毕业企业数量：45") == [("120", 120.0, "count"), ("45", 45.0, "count")]
    assert _values("参训人数：85") == [("85", 85.0, "person")]
    # a table's row label is the table's business: 企业数 1820 12.5 (a descriptive table) gives no count here
    assert _values("企业数 1820 12.5") == []
    # an index, a coefficient, a multiple: no count
    assert _values("创新指数为102.3，倍数为3") == []


def test_a_table_whose_rows_are_years_and_heads_nouns_counts_each_cell_in_its_year():
    # 年份 rows, noun heads: 12 and 15 maker spaces, 3 and 4 incubators, in 2022 and 2023
    table = "|年份|众创空间|孵化器\n|2022|12|3\n|2023|15|4\n"
    assert [(q.text, q.value, q.unit, q.year) for q in quantities.extract(table, doc_year=2024)] == [
        ("12", 12.0, "count", 2022), ("3", 3.0, "count", 2022), ("15", 15.0, "count", 2023), ("4", 4.0, "count", 2023)]


def test_a_descriptive_statistics_header_is_no_table_of_counts():
    # 均值, 标准差, 最小值, 最大值 are statistics: with_noun_counts leaves them without a unit
    assert table_units.with_noun_counts(["变量", "均值", "标准差", "最小值", "最大值"]) == [
        "变量", "均值", "标准差", "最小值", "最大值"]
    assert _values("系数在0.05的水平上显著") == []
    # a growth's level is no significance level: 5% is a share
    assert _values("增长水平为5%") == [("5%", 5.0, "percent")]


def test_traditional_new_taiwan_dollars_in_a_simplified_text():
    assert _read("补助5万元（约合新臺幣22萬元）")[1][2:] == ("TWD", "approx")


def test_a_range_with_its_unit_on_the_lower_end_only():
    # 5万元-10万: 50,000 to 100,000 yuan; 500平方米-1000: 500 to 1,000 m2
    [money] = quantities.extract("奖励5万元-10万，按绩效确定。")
    assert (money.low, money.high, money.unit, money.qualifier) == (50000.0, 100000.0, "CNY", "range")
    [area] = quantities.extract("场地面积500平方米-1000，可分割。")
    assert (area.low, area.high, area.unit) == (500.0, 1000.0, "m2")
    # the upper end in another scale or with a unit of its own is no range of the lower's unit
    assert [q.text for q in quantities.extract("奖励5万元-10，另计")] == ["5万元"]
    assert [q.text for q in quantities.extract("投入5万元至10万人次")] == ["5万元", "10万人次"]


def test_a_papers_statistics_written_in_english():
    # the coefficient and the p value are statistics; N = 1,820 counts observations
    assert _values("The coefficient is 0.132 (p < 0.01, N = 1,820).") == [("1,820", 1820.0, "count")]
    assert _values("The effect is significant at the 5% level.") == []
    assert _values("a 95% confidence interval and the 1% significance level") == []
    assert _values("Observations 1820 1820") == [("1820", 1820.0, "count"), ("1820", 1820.0, "count")]
    # a growth rate is a share even near the word level
    assert _values("Revenue grew 5% last year, back to the level of 2019.") == [("5%", 5.0, "percent")]


def test_a_noun_head_beside_heads_that_state_units_counts_its_noun():
    # a page's table: 面积（平方米） states its unit, 在孵企业 is a noun (45 firms); 12 000 m2 (a &nbsp; between groups)
    page = ("<table><tr><th>名称</th><th>面积（平方米）</th><th>在孵企业</th></tr>"
            "<tr><td>甲园</td><td>12&nbsp;000</td><td>45</td></tr></table>")
    assert _values(page, 2024) == [("12 000", 12000.0, "m2"), ("45", 45.0, "count")]
    # after a numbering the first column names the rows; 注册资本 is money, no count
    assert table_units.with_noun_counts(["序号", "载体", "面积（平方米）", "在孵企业", "注册资本"]) == [
        "序号", "载体", "面积（平方米）", "在孵企业（个）", "注册资本"]
    # a unit column gives each row its unit: 年末数 is no count of its own
    assert table_units.with_noun_counts(["指标", "单位", "年末数", "增长（%）"]) == ["指标", "单位", "年末数", "增长（%）"]


def test_with_group_row_merges_a_two_row_header():
    assert table_units.with_group_row(["区县", "", "载体数量（家）", "面积（平方米）"], ["", "众创空间", "孵化器"]) == [
        "区县", "众创空间（家）", "孵化器（家）", "面积（平方米）"]
    # no group head with a unit over a sub-head: no such header
    assert table_units.with_group_row(["区县", "众创空间", "孵化器"], ["东城区", "12", "3"]) is None
