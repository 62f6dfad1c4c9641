"""Numbers of speech and informal text (``analysis.spoken_numbers`` and the extractor's spoken scale and ``+``):
money without 元, spoken numerals, a WeChat post's counts and page counters. Sentences written for each kind; the
expected values worked by hand in the comments."""

from __future__ import annotations

import pytest

from analysis.quantities import extract


def one(text: str, **kw):
    found = extract(text, **kw)
    assert len(found) == 1, [(q.text, q.value, q.unit) for q in found]
    return found[0]


def read(text: str):
    return [(q.text, q.value, q.unit, q.qualifier) for q in extract(text)]


# --- money without 元 -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, value, qualifier", [
    ("去年市财政投到孵化载体上的资金，将近两个亿，", 2e8, "almost"),  # 两个亿 = 2 x 10^8; 将近: almost
    ("这里面绩效奖补大概八千万，", 8e7, "approx"),  # 八千万 = 8 x 10^7; 大概: approx
    ("奖金池提高到三百五十万，", 3.5e6, "exact"),  # 三百五十万 = 350 x 10^4
    ("今年区里拿出1500万支持孵化器，", 1.5e7, "exact"),  # 1500 x 10^4
    ("光房租补贴就花了六百多万，", 6e6, "more_than"),  # 六百多万: more than 600 x 10^4
    ("双创补贴最高500万💰", 5e6, "up_to"),  # a headline's 500万 after 补贴
    ("企业去年融资三个多亿，", 3e8, "more_than"),  # 三个多亿: more than 3 x 10^8
    ("我们给三十万的一次性奖励；", 3e5, "exact"),  # the cue after the number: 的一次性奖励
    ("今年预算安排了一个亿。", 1e8, "exact"),  # 一个亿: one, not "a"
])
def test_money_without_yuan_in_a_money_context_is_cny(text, value, qualifier):
    q = one(text)
    assert (q.value, q.unit, q.qualifier) == (value, "CNY", qualifier)
    assert "元 unsaid" in q.note


@pytest.mark.parametrize("text, value, unit", [
    ("今年吸引创业者10万人，", 1e5, "person"),  # 10万人: persons, with its measure word
    ("新增孵化面积5万平方米，", 5e4, "m2"),
    ("资金带动就业三万人。", 3e4, "person"),  # a money cue, but the measure word 人 decides
])
def test_a_count_in_wan_is_never_money(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", [
    "全市常住人口达到八百万，",  # 万 with no money cue: no unit, no quantity
    "融资企业三万，",  # a counted noun (企业) between the cue and the number
    "给予支持300，",  # no scale stated (万 or 亿): never made money
])
def test_no_money_without_a_cue_or_a_scale(text):
    assert [q for q in extract(text) if q.unit == "CNY"] == []


# --- spoken numerals --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("全市的孵化器加众创空间一共是一百六十多家，", 160, "count", "more_than"),
    ("省级的五十来家，", 50, "count", "approx"),  # 来: approx
    ("比前年多了百分之三十几，", 30, "percent", "more_than"),  # 三十几: more than 30
    ("来参加的有两千来人，", 2000, "person", "approx"),
    ("在孵企业一千二百来家，", 1200, "count", "approx"),
])
def test_spoken_numerals(text, value, unit, qualifier):
    q = one(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


# --- informal counts and page counters -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, value, unit", [
    ("在孵企业5200+家！", 5200, "count"),  # +: more than 5200
    ("服务创业者3万+人次", 3e4, "person"),  # 3 x 10^4, more than
    ("入驻团队１２０+个", 120, "count"),  # full-width digits, cleaned to 120
])
def test_a_plus_after_the_number_is_more_than(text, value, unit):
    q = one(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, "more_than")


def test_plus_between_numbers_is_no_hedge():
    # “1+8”政策体系: a name in quotes; 3+2个: two numbers, the + no tail
    assert read("构建“1+8”政策体系") == []
    assert [q.qualifier for q in extract("建设3+2个平台")] == ["exact"]


@pytest.mark.parametrize("text, value, qualifier", [
    ("阅读 10万+　　👍256　　在看 38", None, None),
])
def test_page_counters_are_counted_as_web_chrome(text, value, qualifier):
    # 阅读 10万+: more than 10^5; 👍256 and 在看 38: exact counts; each noted as chrome
    found = extract(text)
    assert [(q.value, q.unit, q.qualifier) for q in found] == [(1e5, "count", "more_than"), (256, "count", "exact"),
                                                               (38, "count", "exact")]
    assert all("web chrome" in q.note for q in found)


def test_a_number_after_other_words_is_no_counter():
    # 阅读材料 30: no counter word right before the number, no unit: nothing
    assert extract("请阅读材料后回答 30") == []


# --- frequencies and categories -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "每季度召开一次会议；",
    "每2年开展一次绩效评估，",
    "市科技局每年对服务机构开展一次服务质量评价；",
])
def test_once_in_each_period_is_a_frequency(text):
    # 一次 after 每…: once in each period (每2年 is also a length of time of its own: 2 years)
    q = extract(text)[-1]
    assert (q.text, q.value, q.unit) == ("一次", 1, "times")


@pytest.mark.parametrize("text", [
    "给予一次性奖励，",  # 一次性: lexical
    "首次认定的，一次给足。",  # no 每: "at once", not a frequency
])
def test_once_without_a_period_is_no_quantity(text):
    assert extract(text) == []


def test_kinds_counted_with_lei():
    # 8类: eight kinds counted; 类似 is "similar", no measure word
    assert read("创新券可用于8类服务") == [("8类", 8, "count", "exact")]
    assert read("与3家类似机构合作") == [("3家", 3, "count", "exact")]


@pytest.mark.parametrize("text, value", [
    ("惠及企业100余，", 100),  # 100余 after a noun: more than 100 counted
    ("在孵企业5200+！", 5200),
    ("带动就业300多。", 300),
    ("服务创业者两千多，", 2000),  # 两千多: more than 2000
])
def test_an_informal_count_without_a_measure_word_is_a_count(text, value):
    q = one(text)
    assert (q.value, q.unit, q.qualifier) == (value, "count", "more_than")


def test_an_ordinal_with_yu_is_no_count():
    assert extract("排名第100余") == []


def test_kuai_qian_is_spoken_yuan():
    # 五十万块钱 = 50 x 10^4 yuan
    assert read("去年花了五十万块钱。") == [("五十万块钱", 5e5, "CNY", "exact")]


@pytest.mark.parametrize("text, low, high, unit", [
    ("新建两三家孵化器", 2, 3, "count"),  # 两三: two or three
    ("建成三五个平台", 3, 5, "count"),  # 三五: three to five
    ("有二三十家企业", 20, 30, "count"),  # 二三十: 20 to 30
    ("来了七八十人", 70, 80, "person"),
    ("投入一两千万元", 1e7, 2e7, "CNY"),  # 一两千万: 1 to 2 x 10^7
    ("大概一百五六十家", 150, 160, "count"),  # 一百五六十: 150 to 160
    ("用两三年时间", 2, 3, "years"),
])
def test_neighbouring_numerals_are_a_range(text, low, high, unit):
    q = one(text)
    assert (q.qualifier, q.low, q.high, q.unit) == ("range", low, high, unit)


@pytest.mark.parametrize("text", ["“十三五”规划提出", "一二线城市", "三四月份开展"])
def test_neighbouring_numerals_that_are_no_range(text):
    # 十三五: a plan's name; 一二线: tiers of cities (线 no unit); 三四月份: months of the calendar
    assert extract(text) == []


def test_chabuduo_is_about():
    # 差不多三千万元: about 3 x 10^7 yuan
    assert read("差不多三千万元") == [("差不多三千万元", 3e7, "CNY", "approx")]


@pytest.mark.parametrize("text, value, unit", [
    ("資助HK$50萬，", 5e5, "HKD"),  # Traditional, cleaned to 资助HK$50万: 50 x 10^4 Hong Kong dollars
    ("融资US$300万。", 3e6, "USD"),
    ("奖励¥80万！", 8e5, "CNY"),
    ("投入人民币2亿，", 2e8, "CNY"),
])
def test_a_currency_before_a_chinese_number_is_its_unit(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("阅读10w+", 1e5, "count", "more_than"),  # w = 万 in web slang: more than 10 x 10^4 reads (a counter)
    ("服务创业者3.5w人次", 3.5e4, "person", "exact"),  # 3.5 x 10^4
])
def test_latin_w_is_wan_in_web_slang(text, value, unit, qualifier):
    q = one(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


def test_w_in_a_name_is_no_wan():
    # 5W1H: a method's name (w followed by a digit)
    assert extract("运用5W1H分析法") == []
