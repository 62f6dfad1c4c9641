"""The stages of quantities.extract_text, each on its own (expected values worked out by hand
from the rules in the docstrings and the tables _PRE_HEDGES, _TAILS, _MAGNITUDES)."""

from __future__ import annotations

from analysis import quantities as q
from analysis.quantity_mention import bounds


def test_rejected_names_why_a_number_is_no_quantity():
    text = "根据《2016年众创空间发展计划》,建成众创空间5家"
    start = text.index("2016")
    reason, _ = q._rejected(text, start, start + 4, "2016")
    assert reason == "title"  # inside 《…》
    five = text.index("5")
    assert q._rejected(text, five, five + 1, "5") == (None, five + 1)


def test_a_lost_decimal_point_is_found_only_before_a_unit():
    # "17 4%": digits, a space, one or two digits, then a unit
    assert q._lost_decimal("增长17 4%", 4).group(1) == "4"
    assert q._lost_decimal("增长17 400家", 4) is None  # three digits: a thousands group, not a decimal


def test_the_value_of_a_number_and_the_vague_ones():
    assert q._number_value("建成三十家", 2, "三十", True, False) == (30, None)
    assert q._number_value("建成一批", 2, "一", True, False)[1] == "vague"   # "一批" is a batch
    assert q._number_value("千人计划", 0, "千", True, False)[1] == "vague"   # a bare magnitude, unhedged
    assert q._number_value("逾千人", 1, "千", True, False) == (1000, None)    # hedged by 逾: counts
    assert q._number_value("共12家", 1, "12", False, False) == (12, None)


def test_a_range_and_its_magnitude():
    # "3-5万家": 3 to 5, then 万 (x 10,000) applies to both ends; position after 万
    assert q._range_and_magnitude("3-5万家", 1, 3.0, False) == (30000.0, 50000.0, "exact", 4)
    # "1600余万元": 余 then 万: more than 16,000,000
    assert q._range_and_magnitude("1600余万元", 4, 1600.0, False) == (16000000.0, None, "more_than", 6)


def test_the_unit_after_the_number_or_a_written_out_percent():
    assert q._unit_at("众创空间29家", 4, 6) == ("count", "家", 7)
    assert q._unit_at("百分之二十", 3, 5) == ("percent", "百分之", 5)
    assert q._unit_at("共3,其中", 1, 2) == (None, "", 2)  # a comma: no unit


def test_hedges_before_and_after():
    # "近30家": 近 before (almost); the mention starts one character earlier
    assert q._hedges("近30家", 1, 4, "exact") == ("almost", 0, 4)
    # "30家以上": 以上 after the unit (at least), the mention ends after it
    assert q._hedges("30家以上", 0, 3, "exact") == ("at_least", 0, 5)
    # "100余家以上": 余 made it more_than; 以上 sharpens it to at_least
    assert q._hedges("100余家以上", 0, 5, "more_than") == ("at_least", 0, 7)


def test_bounds_follow_the_qualifier():
    assert bounds("exact", 5.0, None) == ("exact", 5.0, 5.0, 5.0)
    assert bounds("at_least", 5.0, None) == ("at_least", 5.0, None, 5.0)
    assert bounds("up_to", 5.0, None) == ("up_to", None, 5.0, 5.0)
    assert bounds("exact", 3.0, 5.0) == ("range", 3.0, 5.0, None)
    assert bounds("approx", 5.0, None) == ("approx", None, None, 5.0)
