"""The forms a number takes in a policy text, one row each: the sentence (written for the test, no
fact), the mention's value as stated, its unit code and qualifier. Each value is computed by hand in
the comment. A form that is no quantity (a time, a ratio no word calls one) is in the last test."""

from __future__ import annotations

import pytest

from analysis.numerals import parse_chinese_number, ratio_at
from analysis.quantities import extract

FORMS = [
    # compound numerals: a lower unit after 万 or 亿
    ("全市共有企业1万2千余家", 12_000, "count", "more_than"),  # 1 x 10^4 + 2 x 10^3, 余: more than
    ("企业1万2千家", 12_000, "count", "exact"),  # 10,000 + 2,000
    ("服务1万2千多人", 12_000, "person", "more_than"),  # 10,000 + 2,000, 多: more than
    ("企业1万2家", 12_000, "count", "exact"),  # 1万2: one digit after 万 is its tenths, 10,000 + 2 x 1,000
    ("安排资金3亿5千万元", 350_000_000, "CNY", "exact"),  # 3 x 10^8 + 5 x 10^7
    ("安排资金3亿5000万元", 350_000_000, "CNY", "exact"),  # 3 x 10^8 + 5000 x 10^4
    ("安排资金三亿五千万元", 350_000_000, "CNY", "exact"),  # 3 x 10^8 + 5 x 10^7
    ("投入5千万元", 50_000_000, "CNY", "exact"),  # 5 x 10^3 x 10^4
    ("吸纳就业两万三千人", 23_000, "person", "exact"),  # 2 x 10^4 + 3 x 10^3
    ("吸纳就业一万二千人", 12_000, "person", "exact"),  # 10^4 + 2 x 10^3
    # numerals that start with 十 or 百, 两
    ("出台十五个文件", 15, "count", "exact"),  # 10 + 5
    ("建成十余家", 10, "count", "more_than"),  # 十 is ten, 余: more than
    ("建成十家左右", 10, "count", "approx"),
    ("培训百余人", 100, "person", "more_than"),
    ("入驻两千家", 2_000, "count", "exact"),  # 2 x 10^3
    ("入驻两百家", 200, "count", "exact"),  # 2 x 10^2
    ("设立一百二十个", 120, "count", "exact"),  # 100 + 2 x 10
    ("增长百分之二十五", 25, "percent", "exact"),  # 百分之二十五 = 25 %
    # tenths: 成 is a tenth, kept as a percent
    ("六成企业获得支持", 60, "percent", "exact"),  # 6 x 10 %
    ("覆盖面达到三成以上", 30, "percent", "at_least"),  # 3 x 10 %, 以上: at least
    ("近五成企业", 50, "percent", "almost"),  # 5 x 10 %, 近: almost
    # a noun used as a measure word: places counted
    ("覆盖三市", 3, "count", "exact"),
    ("试点在两区开展", 2, "count", "exact"),
    ("辐射五县", 5, "count", "exact"),
    # ratios where a word says so
    ("按1:1配套", 1.0, "ratio", "exact"),  # 1 / 1
    ("按1∶1比例给予配套", 1.0, "ratio", "exact"),  # 1 / 1, the ratio sign U+2236
    ("以2:1的比例配套", 2.0, "ratio", "exact"),  # 2 / 1
    ("1:0.5配套", 2.0, "ratio", "exact"),  # 1 / 0.5
    # full-width digits and decimal point, thousands separators
    ("众创空间１２３家", 123, "count", "exact"),
    ("投入１．２亿元", 120_000_000, "CNY", "exact"),  # 1.2 x 10^8
    ("覆盖１．１万户", 11_000, "count", "exact"),  # 1.1 x 10^4
    ("众创空间8,507家", 8_507, "count", "exact"),
    ("服务１，２００人", 1_200, "person", "exact"),
    # percentage points, areas, currencies, durations
    ("提高1.8个百分点", 1.8, "pp", "exact"),
    ("占地50亩", 50, "mu", "exact"),
    ("面积3公顷", 3, "ha", "exact"),
    ("规划2平方公里", 2, "km2", "exact"),
    ("场地12.5万平方米", 125_000, "m2", "exact"),  # 12.5 x 10^4
    ("引资3万美元", 30_000, "USD", "exact"),  # 3 x 10^4
    ("奖励2000欧元", 2_000, "EUR", "exact"),
    ("给予3年房租补贴", 3, "years", "exact"),
    ("公示期为5个工作日", 5, "days", "exact"),
    ("为期6个月", 6, "months", "exact"),
    ("增长逾一倍", 1, "times", "more_than"),
]


@pytest.mark.parametrize("text, value, unit, qualifier", FORMS, ids=[f[0] for f in FORMS])
def test_form(text, value, unit, qualifier):
    found = extract(text)
    assert len(found) == 1, [m.text for m in found]
    assert (found[0].value, found[0].unit, found[0].qualifier) == (pytest.approx(value), unit, qualifier)


@pytest.mark.parametrize("text", [
    "上午9:30召开",  # a time, no ratio word beside it
    "比分1:1",  # a score: no ratio word (按, 比例, 配套) beside it
    "开拓三市场",  # 市场: a market, not cities
    "区域协调",  # no number
])
def test_no_quantity(text):
    assert [m.text for m in extract(text) if m.unit in ("ratio", "count")] == []


def test_chinese_tenths_after_a_magnitude():
    # 三亿五: 3 x 10^8 + 5 x 10^7 (cn2an reads it as 10^7)
    assert parse_chinese_number("三亿五") == 350_000_000
    assert parse_chinese_number("一万二") == 12_000  # 10^4 + 2 x 10^3


def test_ratio_value_and_end():
    # 按1:0.5配套: 1 / 0.5 = 2; the ratio ends after the 5 (offset 1 + len("1:0.5") = 6)
    assert ratio_at("按1:0.5配套", 1) == (2.0, 6)
    assert ratio_at("按1:0配套", 1) is None  # no ratio to a zero
