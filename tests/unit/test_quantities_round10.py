"""The quantity extractor's tenth round (set_j's misses, read for kinds): thousands grouped by a space in a table row,
a unit stated once for a table or a column, score columns, web shorthand (k, w after digits), the top N of a ranking,
places and pages counted, ranks that are no count, OCR zeros and spaces. Every sentence and table here is written for
these tests (no fact); expected values are worked by hand in the comments."""

from analysis import quantities, table_grid, table_units
from analysis.cleaning import clean_text


def _read(text, year=None):
    return [(q.text, q.value, q.unit, q.qualifier) for q in quantities.extract(text, doc_year=year)]


def _values(text, year=None):
    return [(q.text, q.value, q.unit) for q in quantities.extract(text, doc_year=year)]


# --- thousands grouped by a space inside a table row split at spaces -------------------------------------------------
def test_a_yearbook_row_with_thousands_grouped_by_a_space_reads_each_year():
    # full-width spaces between cells become one space in the cleaning, as the space inside 2 916 is: the row has
    # 2 + 6 tokens for 2 + 3 cells; only 2|916, 3|204, 4|265 joined gives three year cells
    yearbook = ("指标　　　　单位　　2021　　2022　　2023\n"
                "在孵企业　　个　　　2 916　3 204　4 265\n"
                "当年毕业企业　个　　286　　301　　342\n"
                "财政资助额　万元　　8 650　9 120　7 840\n")
    assert _values(yearbook, 2024) == [
        ("2 916", 2916.0, "count"), ("3 204", 3204.0, "count"), ("4 265", 4265.0, "count"),
        # the row after a grouped row is still read (the table did not end there)
        ("286", 286.0, "count"), ("301", 301.0, "count"), ("342", 342.0, "count"),
        # 8 650 万元 = 8,650 x 10,000 = 86,500,000 yuan
        ("8 650", 86500000.0, "CNY"), ("9 120", 91200000.0, "CNY"), ("7 840", 78400000.0, "CNY")]


def test_a_row_labelled_with_its_unit_in_brackets_and_grouped_thousands():
    # 1 250 and 1 420 firms; 12.5 and 13.8 万平方米 = 125,000 and 138,000 m2
    table = "指标\t2022年\t2023年\n在孵企业（家）\t1 250\t1 420\n孵化面积（万平方米）\t12.5\t13.8\n"
    assert _values(table, 2024) == [("1 250", 1250.0, "count"), ("1 420", 1420.0, "count"),
                                    ("12.5", 125000.0, "m2"), ("13.8", 138000.0, "m2")]


def test_grouping_is_joined_only_where_one_joining_fits():
    line = "孵化器 个 1 420 575"
    split = table_grid._split(line)
    # 1 420 575 in two cells: 1 420 | 575 or 1 | 420 575: ambiguous, given back as it is (no cell read)
    assert table_grid._grouped(line, split, 4) == split
    # 2 916 3 204 in two cells: 916 and 204 must continue the numbers before them
    line = "孵化器 个 2 916 3 204"
    assert [c for _, c in table_grid._grouped(line, table_grid._split(line), 4)] == ["孵化器", "个", "2 916", "3 204"]
    # 41 000 152 in two cells: no number starts with 000, so 000 continues 41 and 152 is a cell of its own
    line = "城东创业港 国家级 41 000 152"
    assert [c for _, c in table_grid._grouped(line, table_grid._split(line), 4)][2:] == ["41 000", "152"]
    # 1234 567: four digits are no thousands group's head, so 567 is a cell of its own
    line = "孵化器 个 1234 567"
    assert table_grid._grouped(line, table_grid._split(line), 3) == table_grid._split(line)


def test_a_roster_with_grouped_areas_reads_each_cell():
    roster = ("排名\t载体名称\t级别\t孵化面积（平方米）\t在孵企业（家）\n"
              "1\t城东创业港\t国家级\t41 000\t152\n"
              "2\t南湖众创空间\t省级\t6 300\t48\n")
    # 41 000 m2 and 152 firms; 6 300 m2 and 48 firms (the ranks 1 and 2 are the numbering)
    assert _values(roster, 2024) == [("41 000", 41000.0, "m2"), ("152", 152.0, "count"),
                                     ("6 300", 6300.0, "m2"), ("48", 48.0, "count")]


def test_a_thin_space_or_a_full_width_comma_groups_thousands():
    # 2\u2009916 (a thin space) = 2,916 firms; 1，200 (the Chinese comma) = 1,200
    assert _values("全市共有2\u2009916家企业。") == [("2\u2009916家", 2916.0, "count")]
    assert _values("全市共有2\u202f916家企业。") == [("2 916家", 2916.0, "count")]  # the cleaning: a narrow space
    table = "序号\t载体名称\t面积（平方米）\t在孵企业（家）\n1\t东湖创业园\t12\u2009000\t35\n2\t西湖众创\t8\u2009500\t28\n"
    assert _values(table) == [("12\u2009000", 12000.0, "m2"), ("35", 35.0, "count"),
                              ("8\u2009500", 8500.0, "m2"), ("28", 28.0, "count")]


# --- a unit stated once: a caption, a score column --------------------------------------------------------------------
def test_a_unit_stated_once_in_the_caption_applies_to_every_row():
    # （单位：家）: 12, 15, 18 incubators are counts; a line 单位：万元: 120 万元 = 1,200,000 yuan
    caption = "表1 孵化载体情况（单位：家）\n指标\t2021年\t2022年\t2023年\n孵化器\t12\t15\t18\n"
    assert _values(caption, 2024) == [("12", 12.0, "count"), ("15", 15.0, "count"), ("18", 18.0, "count")]
    own_line = "单位：万元\n项目\t2023年\t2024年\n补助资金\t120\t150\n"
    assert _values(own_line, 2024) == [("120", 1200000.0, "CNY"), ("150", 1500000.0, "CNY")]
    # a caption farther than two lines above the header is another table's: nothing read
    far = "单位：万元\n说明甲\n说明乙\n说明丙\n项目\t2023年\t2024年\n补助资金\t120\t150\n"
    assert _values(far, 2024) == []


def test_table_units_reads_a_caption_and_a_row_of_units():
    assert table_units.caption_unit("表3 各区补助情况（金额单位：万元）") == "万元"
    assert table_units.caption_unit("单位：家") == "家"
    assert table_units.caption_unit("本表数据来源于统计调查") == ""
    # 单位 家 万平方米 under 指标 孵化器 面积: each column's unit in a bracket
    assert table_units.with_unit_row(["指标", "孵化器", "面积"], ["单位", "家", "万平方米"]) == [
        "指标", "孵化器（家）", "面积（万平方米）"]
    assert table_units.with_unit_row(["指标", "孵化器", "面积"], ["2023年", "12", "30"]) is None
    # the header gone (the cleaning took a line of words for a menu): the units name the columns
    assert table_units.with_unit_row([], ["单位", "家", "家"]) == ["单位", "（家）", "（家）"]


def test_a_row_of_units_under_the_header_gives_each_column_its_unit():
    # 单位 家 万平方米: 12 incubators, 3.5 万平方米 = 35,000 m2 (the years are the rows)
    piped = ("| 指标 | 孵化器 | 众创空间面积 |\n|---|---|---|\n| 单位 | 家 | 万平方米 |\n"
             "| 2023年 | 12 | 3.5 |\n| 2024年 | 15 | 4.2 |\n")
    assert _values(piped, 2024) == [("12", 12.0, "count"), ("3.5", 35000.0, "m2"),
                                    ("15", 15.0, "count"), ("4.2", 42000.0, "m2")]
    tabbed = "指标\t孵化器\t众创空间\n单位\t家\t家\n2023年\t12\t30\n"
    assert _values(tabbed, 2024) == [("12", 12.0, "count"), ("30", 30.0, "count")]


def test_score_columns_named_by_a_part_of_the_score():
    bids = ("排名 供应商 报价（万元） 商务分 技术分 价格分 综合得分\n"
            "1 甲公司 186 18.50 51.00 23.12 92.62\n"
            "2 乙公司 178 16.00 47.50 24.16 87.66\n")
    # 186 万元 = 1,860,000 yuan; each part of the score and the total counted as points (分: count)
    assert _values(bids) == [("186", 1860000.0, "CNY"), ("18.50", 18.5, "count"), ("51.00", 51.0, "count"),
                             ("23.12", 23.12, "count"), ("92.62", 92.62, "count"),
                             ("178", 1780000.0, "CNY"), ("16.00", 16.0, "count"), ("47.50", 47.5, "count"),
                             ("24.16", 24.16, "count"), ("87.66", 87.66, "count")]
    # 部分 is no score: a column 部分 under no unit is no value column
    assert table_grid._item_header(["序号", "名称", "部分"]) is None
    assert table_grid._item_header(["序号", "名称", "加分"]) == ["", "", "分"]


# --- web shorthand: k, K, w, W after digits ----------------------------------------------------------------------------
def test_shorthand_scales_after_digits_with_a_unit():
    # 5k平方米 = 5 x 1,000 = 5,000 m2 (the k is no English word: the number stays Chinese); 2.5K人 = 2,500 people
    assert _read("5k平方米新场地等你来") == [("5k平方米", 5000.0, "m2", "exact")]
    assert _read("线下参与2.5K人") == [("2.5K人", 2500.0, "person", "exact")]
    # 2k+平: more than 2,000 m2 (平 for 平方米 after digits); 4K视频 is a resolution, 5KW a power: no number
    assert _read("场地2k+平，欢迎入驻") == [("2k+平", 2000.0, "m2", "more_than")]
    assert _read("4K视频展示") == []
    assert _read("100平的办公室")[0][:3] == ("100平", 100.0, "m2")
    assert _read("水平持平") == []


def test_shorthand_scales_after_digits_without_a_unit():
    # money cues: 奖励30w = 300,000 yuan; 卖了50w = 500,000 yuan; 补贴3千 = 3,000 yuan
    assert _read("一次性奖励30w💰") == [("30w", 300000.0, "CNY", "exact")]
    assert _read("单场卖了50w") == [("50w", 500000.0, "CNY", "exact")]
    assert _read("每户补贴3千。") == [("3千", 3000.0, "CNY", "exact")]
    # no money cue: 直播观看3.2w = 32,000 viewers (people: a verb of watching); 服务企业1.2万 = 12,000 firms
    assert _read("直播观看3.2w🔥") == [("3.2w", 32000.0, "person", "exact")]
    assert _read("累计服务企业1.2万。") == [("1.2万", 12000.0, "count", "exact")]
    # 3万5万元: two numbers side by side, the first no count of its own
    assert _read("分别为3万5万元") == [("5万元", 50000.0, "CNY", "exact")]


def test_page_counters_after_shorthand_stay_counters():
    # 播放 4.7w ❤️ 2.1k 💬 186: the w and k are scales, not English: 47,000, 2,100 and 186 counted as chrome
    got = quantities.extract("播放 4.7w ❤️ 2.1k 💬 186")
    assert [(q.text, q.value, q.unit) for q in got] == [("4.7w", 47000.0, "count"), ("2.1k", 2100.0, "count"),
                                                         ("186", 186.0, "count")]
    assert all("web chrome" in q.note for q in got)
    # a money word earlier in the line does not make a counter money: 阅读 2.3w is 23,000 reads
    assert _read("#创业补贴# 阅读 2.3w") == [("2.3w", 23000.0, "count", "exact")]


# --- the top N, places and pages counted -------------------------------------------------------------------------------
def test_the_top_n_of_a_ranking_is_a_count():
    # 前十 = the top ten (10), 前10 = 10, 前百强 = the top hundred (100); 前3年 is a length of time
    assert _read("苏州首次跻身前十。") == [("十", 10.0, "count", "exact")]
    assert _read("排名前10的城市合计2,047家")[0] == ("10", 10.0, "count", "exact")
    assert _read("入选前百强企业") == [("百", 100.0, "count", "exact")]
    assert _read("前3年免收租金") == [("3年", 3.0, "years", "exact")]
    assert _read("全省前5位") == [("5位", 5.0, "count", "exact")]
    # 目前, 提前 are no ranking
    assert _read("目前10家") == [("10家", 10.0, "count", "exact")]


def test_places_and_pages_counted():
    # 三地 = three places; 两地 = two; 30页 = 30 pages at most; 5章 = 5 chapters
    assert _read("北京、上海、深圳三地均超过200家")[0] == ("三地", 3.0, "count", "exact")
    assert _read("申报书正文不超过30页") == [("不超过30页", 30.0, "count", "up_to")]
    assert _read("附件50页以内") == [("50页以内", 50.0, "count", "up_to")]
    assert _read("报告共5章") == [("5章", 5.0, "count", "exact")]
    # 三地方, 3页面 are other words
    assert _read("三地方政府") == []


# --- ranks and names that are no quantity ------------------------------------------------------------------------------
def test_rank_changes_ordinal_lists_and_short_policy_names_are_no_quantity():
    assert _read("西安超过南京上升1位，比上年前进3位，下降2名") == []
    assert _read("上海、深圳分列第二、三位") == []
    # 出台科技创新20条 names a policy; 出台了20条措施 counts twenty measures
    assert _read("福州出台科技创新20条 详见附件") == []
    assert _read("出台了20条措施") == [("20条", 20.0, "count", "exact")]
    # 相关阅读：1.福州…: a list's number after a colon
    assert _read("相关阅读：1.福州出台新政") == []


# --- OCR: zeros read as letters, a space inside a count ----------------------------------------------------------------
def test_ocr_zeros_and_a_space_inside_a_count():
    # 3OO亩 = 300 mu (one digit and its zeros before a Chinese word); 1OO% = 100 percent; 型号3OO stays
    assert _read("示范基地3OO亩，服务农户") == [("3OO亩", 300.0, "mu", "exact")]
    assert _read("增长1OO%") == [("1OO%", 100.0, "percent", "exact")]
    assert _read("型号3OO") == []
    # 6 2O户: a count has no decimal point, so the space is inside the number: 620 households; 17 4% stays ambiguous
    assert _read("共6 2O户。") == [("6 2O户", 620.0, "count", "exact")]
    assert _read("服务1 5名导师") == [("1 5名", 15.0, "person", "exact")]
    assert _read("增长17 4%") == [("17 4%", None, "percent", "ambiguous")]
    # a scale after it keeps it ambiguous (2 5万人次: 2.5万 or 25万)
    assert _read("2 5万人次")[0][3] == "ambiguous"


def test_the_cleaning_keeps_these_tables():
    # the header of a yearbook table (years in it) survives the cleaning
    assert "指标 单位 2021" in clean_text("指标　　单位　　2021　　2022\n孵化器　个　　12　　15\n").text


# --- a numeral lost in a scan, a zero in a list ------------------------------------------------------------------------
def test_a_lost_numeral_is_recovered_from_its_total_and_the_other_parts():
    # 等3家 … 其中众创空间2家、星创天地囗家 (a line break inside the sentence): 3 − 2 = 1
    ocr = "认定智联众创空间等3家\n单位为县级双创载体，其中众创空间2家、星创天\n地囗家。"
    assert _read(ocr)[-1] == ("囗家", 1.0, "count", "exact")
    # 12家, 其中国家级3家、省级□家、市级5家: the parts after it count too, 12 − 3 − 5 = 4
    assert ("□家", 4.0, "count", "exact") in _read("全市共有孵化器12家，其中国家级3家、省级□家、市级5家。")
    # no total before the breakdown, or no other part: nothing recovered, the box stays no number
    assert _read("每个团队每年最高囗万元。") == []
    assert _read("共有导师30名，其中教授■名。") == [("30名", 30.0, "person", "exact")]
    # a part with a hedge (约3家): the sum is no arithmetic, nothing recovered
    assert [t for t, *_ in _read("共有孵化器12家，其中国家级约3家、省级□家。")] == ["12家", "约3家"]


def test_a_zero_at_a_list_items_end_takes_the_lists_unit():
    # 4.6万元, 14.0万元, then 费0: zero yuan (a zero needs no scale)
    budget = "其中公务接待费4.6万元，公务用车运行维护费14.0万元，因公出国（境）费0。"
    assert _read(budget)[-1] == ("0", 0.0, "CNY", "exact")
    # 众创空间零 after 孵化器3家: zero places
    assert _read("新增孵化器3家，众创空间零。")[-1] == ("零", 0.0, "count", "exact")
    # a code (编号0) or a zero with no item before it in its sentence is no quantity
    assert _read("共3家，编号0，") == [("3家", 3.0, "count", "exact")]
    assert _read("得分为0。") == []


# --- hedges: 约 of a word, a cap not exceeded -------------------------------------------------------------------------
def test_yue_inside_a_word_is_no_hedge_and_a_cap_not_exceeded_is_up_to():
    # 签约12个: twelve signed, exactly; 节约30%: thirty percent saved; 折合约6.8亿港元 is still about
    assert _read("现场签约12个") == [("12个", 12.0, "count", "exact")]
    assert _read("节约30%") == [("30%", 30.0, "percent", "exact")]
    assert _read("折合约6.8亿港元") == [("约6.8亿港元", 680000000.0, "HKD", "approx")]
    # 未超过50万元上限: within the cap (up to 500,000 yuan); 未达到60分的: below 60 points
    assert _read("按30%计算为36万元，未超过50万元上限")[-1] == ("未超过50万元", 500000.0, "CNY", "up_to")
    assert _read("未达到60分的") == [("未达到60分", 60.0, "count", "up_to")]
