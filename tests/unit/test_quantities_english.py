"""English quantities (``analysis.quantities_english``), read through the extractor: sentences written for each kind
of English number (a press release's, a bilingual report's), the expected values worked by hand in the comments."""

from __future__ import annotations

import pytest

from analysis.quantities import extract
from analysis.quantities_english import in_english


def one(text: str, **kw):
    found = extract(text, **kw)
    assert len(found) == 1, [(q.text, q.value, q.unit) for q in found]
    return found[0]


def read(text: str, **kw):
    return [(q.text, q.value, q.unit, q.qualifier) for q in extract(text, **kw)]


# --- numbers, separators and scales ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("The zone now hosts 8,000 start-ups.", 8000),  # a thousands comma: 8 x 1000
    ("There are 1,234,567 registered firms.", 1234567),
    ("The park counts 312 incubators.", 312),
    ("Growth was 18.6 percent.", 18.6),
])
def test_integers_with_separators_and_decimals(text, value):
    assert one(text).value == value


@pytest.mark.parametrize("text, value, unit", [
    ("It provides 2.1 million square meters of space.", 2_100_000, "m2"),  # 2.1 x 10^6
    ("Firms raised RMB 3.5 billion in venture capital.", 3_500_000_000, "CNY"),  # 3.5 x 10^9
    ("Firms raised RMB3.5bn last year.", 3_500_000_000, "CNY"),  # bn = 10^9, glued to the currency
    ("The fund holds $3m.", 3_000_000, "USD"),  # m after a currency: 10^6
    ("The city set aside 1 billion yuan.", 1_000_000_000, "CNY"),
    ("A prize of 500 thousand yuan was paid.", 500_000, "CNY"),
    ("The district will invest 1.2 trillion yuan.", 1_200_000_000_000, "CNY"),
])
def test_scale_words(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (value, unit)


# --- currencies --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, unit, value", [
    ("It raised US$480 million.", "USD", 480e6),
    ("It raised USD 480 million.", "USD", 480e6),
    ("It raised $480 million.", "USD", 480e6),
    ("It raised HK$20 million.", "HKD", 20e6),
    ("It raised HKD 20 million.", "HKD", 20e6),
    ("It raised EUR 5 million.", "EUR", 5e6),
    ("It raised €5 million.", "EUR", 5e6),
    ("It raised CNY 12 million.", "CNY", 12e6),
    ("It raised 12 million yuan.", "CNY", 12e6),
    ("It raised 5 million euros.", "EUR", 5e6),
    ("It raised 30 million US dollars.", "USD", 30e6),
])
def test_currencies_before_and_after(text, unit, value):
    q = one(text)
    assert (q.unit, q.value) == (unit, value)


def test_a_currency_named_twice_is_one_amount():
    # RMB before and yuan after: one amount of 3 x 10^6 CNY
    assert read("It paid RMB 3 million yuan.") == [("RMB 3 million yuan", 3e6, "CNY", "exact")]


# --- units -----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, unit, value", [
    ("a floor area of 5,000 square metres", "m2", 5000),
    ("a floor area of 5,000 square meters", "m2", 5000),
    ("a floor area of 5,000 sq m", "m2", 5000),
    ("a floor area of 5,000 m²", "m2", 5000),
    ("a site of 1,500 mu", "mu", 1500),
    ("a site of 100 hectares", "ha", 100),
    ("a zone of 12 km² in all", "km2", 12),
    ("a zone of 12 square kilometres in all", "km2", 12),
    ("growth of 18.6% over the year", "percent", 18.6),
    ("growth of 18.6 per cent over the year", "percent", 18.6),
    ("a rise of 2.5 percentage points in the rate", "pp", 2.5),
    ("output grew 3 times in a decade", "times", 3),
    ("output grew 3-fold in a decade", "times", 3),
    ("office space for 24 months", "months", 24),
    ("a tenancy of 3 years", "years", 3),
    ("a review within 30 days", "days", 30),
    ("a review within 15 working days", "days", 15),
    ("drawing 160,000 participants", "person", 160000),
    ("with 18 mentors on call", "person", 18),
    ("with 312 incubators", "count", 312),
])
def test_units(text, unit, value):
    q = one(text)
    assert (q.unit, q.value) == (unit, value)


def test_a_duration_is_never_a_count():
    # three years: 3 years, not three things counted; a 24-month lease: 24 months
    assert one("It will invest over the next three years.").unit == "years"
    assert one("It signed a 24-month lease.").unit == "months"
    assert one("A two-year rent waiver applies.").unit == "years"
    assert one("For three consecutive years it grew.").unit == "years"  # an adjective between: still 3 years


# --- spelled-out small numbers ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, value, unit", [
    ("The zone built three new incubators.", 3, "count"),
    ("Twelve maker spaces were filed.", 12, "count"),
    ("It took five years to build.", 5, "years"),
    ("The lease runs one year.", 1, "years"),  # one counts before a length of time
])
def test_small_numbers_in_words(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", [
    "Dozens of incubators opened.",  # dozens: no number
    "It is one of the largest parks.",  # one of: a, not one counted
    "A one-stop service centre opened.",
    "Hundreds of firms applied.",
    "It offers two-way exchanges.",
])
def test_words_that_are_no_number(text):
    assert extract(text) == []


# --- qualifiers --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, qualifier", [
    ("It hosts more than 1,300 start-ups.", "more_than"),
    ("It hosts over 1,300 start-ups.", "more_than"),
    ("It hosts nearly 1,300 start-ups.", "almost"),
    ("It hosts almost 1,300 start-ups.", "almost"),
    ("It hosts about 1,300 start-ups.", "approx"),
    ("It hosts around 1,300 start-ups.", "approx"),
    ("It hosts some 1,300 start-ups.", "approx"),
    ("An award of up to 5 million yuan is paid.", "up_to"),
    ("It hosts at least 1,300 start-ups.", "at_least"),
    ("An award of no more than 5 million yuan is paid.", "up_to"),
    ("An award of no less than 5 million yuan is paid.", "at_least"),
    ("It hosts 5,200+ start-ups.", "more_than"),
    ("It hosts 1,300 or more start-ups.", "at_least"),
    ("Each award is 5 million yuan or above.", "at_least"),
    ("It cost less than 3 million yuan.", "up_to"),
])
def test_qualifiers(text, qualifier):
    assert one(text).qualifier == qualifier


def test_a_hedge_before_a_currency_in_brackets():
    # (about US$480 million): approx, the hedge kept in the mention
    q = one("Firms raised 35 yuan (about US$480 million) in all.".replace("35 yuan ", ""))
    assert (q.text, q.value, q.unit, q.qualifier) == ("about US$480 million", 480e6, "USD", "approx")


@pytest.mark.parametrize("text, low, high, unit", [
    ("Each zone will open 3–5 incubators.", 3, 5, "count"),
    ("Each zone will open 3-5 incubators.", 3, 5, "count"),
    ("Each zone will open 3 to 5 incubators.", 3, 5, "count"),
    ("Each zone will open between 3 and 5 incubators.", 3, 5, "count"),
    ("Each award is RMB 1-3 million.", 1e6, 3e6, "CNY"),  # the scale after the range: both ends
    ("Each event gets 2,000–5,000 yuan.", 2000, 5000, "CNY"),
])
def test_ranges(text, low, high, unit):
    q = one(text)
    assert (q.qualifier, q.low, q.high, q.unit) == ("range", low, high, unit)


def test_over_as_a_preposition_is_no_hedge():
    # over the next three years: the three years, exact
    assert one("It will spend the money over the next three years.").qualifier == "exact"


# --- non-quantities ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, reason", [
    ("The plan was issued in 2024.", "year"),
    ("Applications for the 2024 awards are open.", "year"),
    ("We aim to do this by 2026.", "year"),
    ("It ran from 2021-2025 in full.", "year"),
    ("Applications close on September 30.", "date"),
    ("Applications close on 30 September.", "date"),
    ("Applications close on Sept. 30.", "date"),
    ("See Article 12 of the rules.", "label_number"),
    ("See No. 3 of the list.", "label_number"),
    ("Visit Room 306 on the third floor.", "label_number"),
    ("Media contact: +86-27-87530000", "phone_number"),
    ("Tune in to FM102.8 for more.", "code"),
    ("The 5G network covers it.", "code"),
    ("It ranked 3rd in the country.", "ordinal"),
    ("The meeting opens at 9:30 in the hall.", "time"),
    ("It launched a three-year action plan.", "plan_name"),
    ("Call (0571) 88888888 today.", "code"),  # an area code: a leading zero
    ("Results for 2023/24 are in.", "year"),  # the 24 of a year span
    ("After COVID-19 the zone grew.", "code"),  # a name glued to a hyphen
    ("See Table 2 for details.", "label_number"),
    ("See Figure 3 for details.", "label_number"),
    ("The firm joined the Fortune Global 500 list.", "label_number"),  # a list's name, not 500 counted
    ("It builds on Industry 4.0 ideas.", "label_number"),
    ("Firms certified to ISO 9001 apply.", "label_number"),
])
def test_non_quantities(text, reason):
    assert extract(text) == []
    assert reason in [q.note for q in extract(text, include_all=True) if q.kind == "not_a_quantity"]


def test_list_numbering_is_no_quantity():
    # "1. " at the start of a line numbers the list; the 12 platforms after it count
    text = "Key results:\n1. The zone built 12 platforms.\n2. It held 40 events."
    assert [(q.text, q.value) for q in extract(text)] == [("12", 12), ("40", 40)]


def test_a_year_with_a_hedge_or_a_unit_is_a_quantity():
    # more than 2000 firms: a hedge makes the four digits a count; 2000 yuan: money
    assert one("It serves more than 2000 firms.").value == 2000
    assert one("Each firm gets 2000 yuan.").unit == "CNY"


# --- which numbers are English -----------------------------------------------------------------------------------------
def test_a_number_in_chinese_text_is_left_to_the_chinese_reader():
    # 全区在孵企业8000余家: Chinese on both sides; 5G基站100个: the 100 is Chinese (个)
    assert not in_english("全区在孵企业8000余家", 6, 10)
    assert read("全区在孵企业8000余家") == [("8000余家", 8000, "count", "more_than")]
    assert read("建成5G基站100个") == [("100个", 100, "count", "exact")]


def test_a_bilingual_release_reads_both_languages():
    text = ("The zone has 312 incubators, 67 of them national-level.\n"
            "【中文稿】\n全区孵化器312家，其中国家级67家。")
    # English: 312 and 67 counted (count); Chinese: 312家 and 67家
    assert read(text) == [("312", 312, "count", "exact"), ("67", 67, "count", "exact"),
                          ("312家", 312, "count", "exact"), ("67家", 67, "count", "exact")]


# --- kind and year -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, kind, year", [
    ("The zone has built 12 platforms.", "actual", 2024),  # has: a status, as of the document (2024)
    ("Last year, it held more than 1,300 events.", "actual", 2023),  # last year: 2024 - 1
    ("We aim to reach 400 incubators by 2026.", "target", 2026),  # by 2026: a target year
    ("The zone will add 20 incubators.", "target", None),  # will, no year
    ("New national-level incubators will receive an award of up to 5 million yuan.", "rule", None),
    ("Founders can get free office space for up to 24 months.", "rule", None),
    ("The zone will invest 1 billion yuan in incubators.", "funding", 2024),  # money: funding, as in Chinese
    ("So far 426 firms graduated.", "actual", 2024),
])
def test_kind_and_year_from_english_cues(text, kind, year):
    q = one(text, doc_year=2024)
    assert (q.kind, q.year) == (kind, year)


def test_a_short_english_sentence_is_no_menu():
    # three short words and a full stop: a sentence the cleaning keeps (a menu line has no full stop)
    from analysis.cleaning import clean_text

    assert clean_text("Twelve maker spaces were filed.").text == "Twelve maker spaces were filed."
    assert clean_text("首页 新闻 政策 服务").text == ""  # a menu, still removed


def test_the_year_is_the_last_one_before_the_number():
    # In 2023 the zone had 200 incubators; by 2025 it will have 300: 200 of 2023 (a status), 300 of 2025 (a target)
    found = extract("In 2023 the zone had 200 incubators, and by 2025 it will have 300.", doc_year=2024)
    assert [(q.value, q.year) for q in found] == [(200, 2023), (300, 2025)]
    assert found[1].kind == "target"
