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


def _qualifiers(text):
    return [(q.text, q.value, q.qualifier) for q in quantities.extract(text)]


def test_an_adverb_hedge_before_a_short_verb_bounds_the_number():
    # 至少 … 1家: at least one; 最高可申请 … 50万元: up to 500,000; 最长 … 达9个月: up to nine months
    assert _qualifiers("每个乡镇至少建成1家星创天地。") == [("1家", 1.0, "at_least")]
    assert _qualifiers("每家企业最高可申请50万元贷款。") == [("50万元", 500000.0, "up_to")]
    assert _qualifiers("资金最长滞留达9个月。") == [("9个月", 9.0, "up_to")]
    # a numeral or 的 is no verb: 最高的 is "the highest", and the number keeps its own reading
    assert _qualifiers("其中最高的一家获得30万元。") == [("30万元", 300000.0, "exact")]


def test_a_hedge_before_a_share_bounds_the_share_only():
    # 不低于 … 的25%: at least 25 percent; 不超过 … 的1.2倍: up to 1.2 times
    assert _qualifiers("配套资金不低于市级补助的25%。") == [("25%", 25.0, "at_least")]
    assert _qualifiers("贷款额度不超过注册资本的1.2倍。") == [("1.2倍", 1.2, "up_to")]
    # a count after the same words is no share: 不低于…的 then 8家 keeps exact
    assert _qualifiers("不低于去年的水平，新增8家。") == [("8家", 8.0, "exact")]


def test_deadlines_caps_and_thresholds():
    # 限期4个月: within four months (up to); 压缩至10个工作日: up to ten working days; 上限为80万元: up to 800,000
    assert _qualifiers("限期4个月整改。")[0][2] == "up_to"
    assert _qualifiers("办理时限压缩至10个工作日。")[0][2] == "up_to"
    assert _qualifiers("运营补贴上限为80万元。")[0][2] == "up_to"
    # 不满3年: less than three years (up to)
    assert _qualifiers("成立不满3年的企业。")[0][2] == "up_to"
    # 达到300万元的 (a condition): at least 3,000,000; 营收过八百万的: more than 8,000,000
    assert _qualifiers("基金规模达到300万元的，给予奖励。")[0][1:] == (3000000.0, "at_least")
    assert _qualifiers("在孵企业营收过八百万元的，奖十万元。")[0][1:] == (8000000.0, "more_than")
    # 达到100家的目标 is a target's level, not a condition; 经过3年 is no hedge
    assert _qualifiers("实现孵化器达到100家的目标。")[0][2] == "exact"
    assert _qualifiers("经过3年建设。")[0][2] == "exact"


def test_one_hedge_shared_by_a_list():
    # 分别给予最高60万元、40万元、20万元: each up to; the second and third inherit the first's 最高
    assert [q for _, _, q in _qualifiers("分别给予最高60万元、40万元、20万元奖励。")] == ["up_to"] * 3
    # 不少于150期、2万人次: both at least
    assert [q for _, _, q in _qualifiers("每年开展培训不少于150期、2万人次。")] == ["at_least"] * 2
    # a tail after the last: 300万元、150万元以内 both up to
    assert [q for _, _, q in _qualifiers("分别给予300万元、150万元以内的奖励。")] == ["up_to"] * 2
    # a cap raised: 上限由40万元提高到60万元, both caps
    assert [q for _, _, q in _qualifiers("补贴上限由40万元提高到60万元。")] == ["up_to"] * 2
    # items that are no list keep their own: 最高20万元；另奖5万元
    assert [q for _, _, q in _qualifiers("最高20万元；另奖5万元。")] == ["up_to", "exact"]


def _units(text):
    return [(q.text, q.value, q.unit, q.qualifier) for q in quantities.extract(text)]


def test_money_of_speech_without_yuan():
    # 再奖三十万: 30 x 10,000 = 300,000 yuan; 四千万的…基金: 40,000,000 yuan; 房租…二十几万: more than 200,000 yuan
    assert _units("获评优秀的，县里再奖三十万。") == [("三十万", 300000.0, "CNY", "exact")]
    assert _units("设立四千万的创业投资引导基金。") == [("四千万", 40000000.0, "CNY", "exact")]
    assert _units("租金一年要二十几万。")[-1] == ("二十几万", 200000.0, "CNY", "more_than")
    # a count between the cue and the number keeps it a count (获奖企业3万 is no money: 3 x 10,000 = 30,000 firms, a
    # scale after digits with no measure word, round 10)
    assert _units("获奖企业3万") == [("3万", 30000.0, "count", "exact")]


def test_internet_shorthand_for_thousands_and_breaking_a_round_number():
    # 阅读3k: 3 x 1,000 = 3,000; 1.2k+人次: more than 1.2 x 1,000 = 1,200 people; 4.5w元: 45,000 yuan
    assert _units("阅读3k") == [("3k", 3000.0, "count", "exact")]
    assert _units("活动吸引1.2k+人次参与") == [("1.2k+人次", 1200.0, "person", "more_than")]
    assert _units("补贴4.5w元") == [("4.5w元", 45000.0, "CNY", "exact")]
    # 4K and 5K are no thousands (a screen, a race); k glued to letters is no number
    assert _units("4K视频") == [] and _units("ok3k") == []
    # 就破千了: the count breaks 1,000 (more than); 粉丝过万: more than 10,000
    assert _units("差三家就破千了")[-1] == ("破千", 1000.0, "count", "more_than")
    assert _units("粉丝过万")[-1] == ("过万", 10000.0, "count", "more_than")


def test_measure_words_of_books_hours_and_points_and_people_counted_with_ge():
    # 5,000册 = 5,000 copies; 32学时 = 32 class hours; 两方面 = two points: counts
    assert _units("印发手册5,000册") == [("5,000册", 5000.0, "count", "exact")]
    assert _units("每年培训32学时") == [("32学时", 32.0, "count", "exact")]
    assert _units("谈两方面体会") == [("两方面", 2.0, "count", "exact")]
    # 三个毕业生: people; 一等奖3名 and 前二十名: prizes and places, counted
    assert _units("和三个毕业生合伙") == [("三个", 3.0, "person", "exact")]
    assert _units("设一等奖3名、二等奖6名") == [("3名", 3.0, "count", "exact"), ("6名", 6.0, "count", "exact")]
    assert _units("排名前二十名的载体") == [("二十名", 20.0, "count", "exact")]
    # 本 after a number counts; 本市 is no measure word
    assert _units("发放3本指南") == [("3本", 3.0, "count", "exact")]
    assert _units("2家本市企业") == [("2家", 2.0, "count", "exact")]


def test_one_counts_after_its_noun_and_one_of_none_is_zero():
    # 新建星创天地一家、孵化器两家: one and two; 省级的一个都没有: none (0)
    assert _units("新建星创天地一家、孵化器两家。") == [("一家", 1.0, "count", "exact"), ("两家", 2.0, "count", "exact")]
    assert _units("省级的一个都没有。") == [("一个", 0.0, "count", "exact")]
    # 一 as "a" stays out: 这一家, 每一家, 第一家, 建设一个平台
    for text in ("这一家企业很好。", "每一家，都要建档。", "第一家落户。", "建设一个平台。"):
        assert _units(text) == [], text


def test_codes_years_of_a_class_and_numbering_glued_to_a_year_are_no_quantities():
    # a code: letters glued before digits (行业代码M7320, ISO9001, 信用代码…MA2B3C), never a count even before 类 or 家
    assert _units("行业代码M7320类") == [] and _units("通过ISO9001认证") == []
    assert _units("ISO9001认证企业3家")[-1] == ("3家", 3.0, "count", "exact")
    # money after a currency code glued to it is money: RMB3000万元 = 30,000,000 yuan
    assert _units("RMB3000万元") == [("3000万元", 30000000.0, "CNY", "exact")]
    # 2022届毕业生: the class of 2022, a year; a note's numbering glued to a year (2.2023年…) is no 2.2023 years
    assert _units("2022届毕业生") == []
    assert _units("注：1.数据为年末数；\n2.2023年新入孵企业480家。") == [("480家", 480.0, "count", "exact")]


def test_letters_for_digits_inside_a_number_are_read_as_digits():
    # 1O家 = 10 (O for 0); l20万元 = 120 x 10,000 = 1,200,000 yuan (l for 1); the quote stays as written
    assert _units("新增孵化器1O家") == [("1O家", 10.0, "count", "exact")]
    assert _units("补助l20万元") == [("l20万元", 1200000.0, "CNY", "exact")]
    # 2O24年 is a year once read; O2O, ISO 9001 and a lone lO are no numbers
    assert _units("2O24年新增8家") == [("8家", 8.0, "count", "exact")]
    assert _units("O2O模式") == [] and _units("ISO 9001") == []


def test_rates_per_unit_keep_their_amount_and_say_what_it_is_per():
    # 25元/平方米/月: 25 yuan, per m2 per month (the unit in the quote); 每平方米每年80元: 80 yuan, said before
    rate = quantities.extract("租金补贴25元/平方米/月")[0]
    assert (rate.text, rate.value, rate.unit) == ("25元/平方米/月", 25.0, "CNY") and "a rate" in rate.note
    before = quantities.extract("按每平方米每年80元给予补贴")[0]
    assert (before.value, before.unit) == (80.0, "CNY") and "每平方米每年" in before.note
    # a formula: 按…的30%给予补助，最高不超过50万元 — the share exact, the cap up to 500,000
    assert _units("按实际投资额的30%给予补助，最高不超过50万元") == [
        ("30%", 30.0, "percent", "exact"), ("最高不超过50万元", 500000.0, "CNY", "up_to")]


def test_doubling_said_with_no_numeral():
    # 翻番 = x 2, a target by 2027; 翻两番 = x 2^2 = 4 stays as it was
    got = quantities.extract("到2027年，孵化器数量实现翻番。")
    assert [(q.text, q.value, q.unit, q.kind, q.year) for q in got] == [("翻番", 2.0, "times", "target", 2027)]
    assert _units("营收翻两番")[-1][1:3] == (4.0, "times")


def test_shares_written_as_fractions_in_chinese():
    # 五分之一 = 1/5 = 20 percent; 三分之二 = 2/3 = 66.7 percent (one decimal); 千分之五 = 5/1000 = 0.5 percent
    assert _units("占全省总量的五分之一。") == [("五分之一", 20.0, "percent", "exact")]
    assert _units("超过三分之二的企业在园区。") == [("超过三分之二", 66.7, "percent", "more_than")]
    assert _units("按千分之五计提。") == [("千分之五", 0.5, "percent", "exact")]
    # 不到一半: less than 50 percent; 百分之二十 stays a percent written out (20)
    assert _units("不到一半的载体达标。") == [("不到一半", 50.0, "percent", "up_to")]
    assert _units("增长百分之二十。") == [("百分之二十", 20.0, "percent", "exact")]


def test_english_shares_hyphenated_units_and_reading_time():
    # nearly a third = almost 33.3 percent; roughly a fifth = about 20 percent; two-thirds = 66.7 percent
    assert _units("Nearly a third of the space is empty.") == [("Nearly a third", 33.3, "percent", "almost")]
    assert _units("Sales grew roughly a fifth on last year.") == [("roughly a fifth", 20.0, "percent", "approx")]
    assert _units("Two-thirds of the firms are local.") == [("Two-thirds", 66.7, "percent", "exact")]
    # a half and a quarter of a year are periods, not shares
    assert _units("In the first half of 2024, the park grew.") == []
    assert _units("In the third quarter the park grew.") == []
    # an area as an adjective: a 85-square-kilometre zone = 85 km2; a 60-square-metre office = 60 m2
    assert _units("It is an 85-square-kilometre zone.") == [("85-square-kilometre", 85.0, "km2", "exact")]
    assert _units("They rent a 60-square-metre office.") == [("60-square-metre", 60.0, "m2", "exact")]
    # 4 min read: a page's reading time, no quantity
    assert _units("By Staff Writer | 4 min read") == []


def test_scores_before_wei_counters_after_a_colon_overdue_days_and_machine_hours():
    # 85分为良好: 85 points (分为 after digits is a score, not "divided into"); 70—84.9分: a range of points
    assert _units("85分为良好。") == [("85分", 85.0, "count", "exact")]
    got = quantities.extract("70—84.9分为合格。")[0]
    assert (got.qualifier, got.low, got.high, got.unit) == ("range", 70.0, 84.9, "count")
    assert _units("分为三类。") == [("三类", 3.0, "count", "exact")]
    # 浏览量：512 (a page's counter after a colon): counted, as web chrome
    counter = quantities.extract("满意度：满意 浏览量：512")[-1]
    assert (counter.text, counter.value, counter.unit) == ("512", 512.0, "count") and "web chrome" in counter.note
    # 逾期15日未报: fifteen days overdue, a length of time (no date); 不超过120机时: up to 120 machine hours
    assert _units("逾期15日未报的，视为放弃。") == [("15日", 15.0, "days", "exact")]
    assert _units("免费使用设备不超过120机时。") == [("不超过120机时", 120.0, "count", "up_to")]


def test_guo_after_a_verb_is_a_past_not_more_than():
    # 举办过3届: has held three (exact); 年龄过40岁: older than 40 (more than)
    assert _units("已举办过3届。") == [("3届", 3.0, "count", "exact")]
    assert _units("年龄过40岁的。")[0][1:] == (40.0, "years", "more_than")
    # 载体破150家: breaks 150 (more than); 打破3项纪录: broke three records (exact)
    assert _units("全市孵化载体破150家。")[0][1:] == (150.0, "count", "more_than")
    assert _units("打破3项纪录。") == [("3项", 3.0, "count", "exact")]


def test_a_bound_in_an_item_table_header_bounds_its_column():
    # 补助上限（万元）: each cell a cap; 20 万元 = 200,000 yuan up to; 最低面积（平方米）: 800 m2 at least
    table = "序号 载体 级别 补助上限（万元） 最低面积（平方米）\n1 甲空间 市级 20 800\n2 乙空间 省级 50 1500\n"
    assert _units(table) == [("20", 200000.0, "CNY", "up_to"), ("800", 800.0, "m2", "at_least"),
                             ("50", 500000.0, "CNY", "up_to"), ("1500", 1500.0, "m2", "at_least")]
