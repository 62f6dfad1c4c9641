"""The quantity extractor, case by case. Values are in canonical units: yuan, m2, persons, counts."""

from __future__ import annotations

import json

import pytest

from analysis.cli import main
from analysis.quantities import extract, parse_chinese_number


def one(text: str, **kw):
    found = extract(text, **kw)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize("text, value, unit, word, qualifier", [
    ("场地面积35万余平方米", 350_000, "m2", "平方米", "more_than"),  # 35 x 10,000, 余 = more than
    ("投入资金1.5亿元", 150_000_000, "CNY", "元", "exact"),  # 1.5 x 10^8 yuan
    ("总场地面积5.3 万平方米", 53_000, "m2", "平方米", "exact"),  # space before the magnitude
    ("众创空间8 507家", 8_507, "count", "家", "exact"),  # a space as thousands separator
    ("众创空间8,507家", 8_507, "count", "家", "exact"),
    ("种子基金累计1600余万元", 16_000_000, "CNY", "元", "more_than"),  # 1600 x 10,000, lower bound
    ("出台十二条措施", 12, "count", "条", "exact"),
    ("投入两亿元", 200_000_000, "CNY", "元", "exact"),
    ("吸引三千九百人", 3_900, "person", "人", "exact"),
    ("参加活动人数累计逾万人", 10_000, "person", "人", "more_than"),  # a bare 万 (cn2an refuses it)
    ("孵化创业团队将近300个", 300, "count", "个", "almost"),
    ("约50家企业", 50, "count", "家", "approx"),
    ("200多家机构", 200, "count", "家", "more_than"),
    ("人才5万人以上", 50_000, "person", "人", "at_least"),
    ("每年不超过100万元补贴", 1_000_000, "CNY", "元", "up_to"),
    ("最高不超过100万元", 1_000_000, "CNY", "元", "up_to"),
    ("100家左右", 100, "count", "家", "approx"),
    ("在孵企业10户以下", 10, "count", "户", "up_to"),
    ("增加值超过1200亿元", 120_000_000_000, "CNY", "元", "more_than"),  # 1200 x 10^8
    ("众创空间40%以上具备", 40, "percent", "%", "at_least"),
    ("给予20％的补助", 20, "percent", "％", "exact"),
    ("补助百分之二十", 20, "percent", "百分之", "exact"),
    ("增长3倍", 3, "times", "倍", "exact"),
    ("参会人数500多位", 500, "person", "位", "more_than"),
    ("举办活动200余场次", 200, "count", "场次", "more_than"),
])
def test_numbers_magnitudes_units_and_hedges(text, value, unit, word, qualifier):
    m = one(text)
    assert (m.value, m.unit, m.measure_word, m.qualifier) == (value, unit, word, qualifier)


def test_bounds_follow_the_qualifier():
    assert (one("300余家").low, one("300余家").high) == (300, None)
    assert (one("将近300个").low, one("将近300个").high) == (None, 300)
    assert (one("16家").low, one("16家").high) == (16, 16)


@pytest.mark.parametrize("text, low, high", [("3-5家", 3, 5), ("3至5家", 3, 5), ("10~20万元", 100_000, 200_000)])
def test_ranges_give_low_and_high(text, low, high):
    m = one(text)
    assert (m.qualifier, m.value, m.low, m.high) == ("range", None, low, high)


@pytest.mark.parametrize("text, reason", [
    ("1993年成立", "year"),
    ("三年行动方案(2016~2018年)", "year"),
    ("遼政辦發〔2015〕94號", "document_number"),
    ("第一批孵化器", "ordinal"),
    ("第四届大赛", "ordinal"),
    ("为“干好十三五”提供新动能", "plan_name"),
    ("实施“34520”工程", "plan_name"),
    ("即“众创十二条”政策", "plan_name"),
    ("1.完善全市孵化机构发展规划", "list_number"),
    ("于10月顺利入驻", "date"),
    ("计划5年投入", "duration"),
    ("备案一批、储备一批", "vague"),
    ("国家、省“千人计划”人才", "plan_name"),
    ("“政、产、学、研、金、介、用”七位一体", "idiom"),
])
def test_what_is_not_a_quantity_is_left_out_or_reported_as_such(text, reason):
    assert extract(text) == []
    reasons = [m.note for m in extract(text, include_all=True) if m.kind == "not_a_quantity"]
    assert reason in reasons


def test_a_lost_decimal_point_is_ambiguous_never_174_or_17():
    # seed 000, related reading: "占服务业的17 4%" (17.4% with its point lost)
    m = one("物流业增加值占服务业的17 4%")
    assert (m.qualifier, m.value, m.low, m.high, m.unit) == ("ambiguous", None, None, None, "percent")
    assert "17.4 or 174" in m.note


def test_year_and_kind_of_a_target():
    found = extract("计划到2020年,培育众创空间60家、星创天地40家、科技企业孵化器30家")
    assert [(m.value, m.year, m.kind) for m in found] == [(60, 2020, "target"), (40, 2020, "target"), (30, 2020, "target")]


def test_year_and_kind_of_an_actual():
    m = one("截至2016年年底,经备案的科技企业孵化器达16家")
    assert (m.value, m.year, m.kind) == (16, 2016, "actual")


def test_a_goal_list_inherits_the_year_of_its_section():
    text = "二、发展目标\n到2020年,全市创建市级众创空间150家。\n(一)创业主体更加丰富。吸引人才5万人以上。"
    assert [(m.value, m.year, m.kind) for m in extract(text)] == [(150, 2020, "target"), (50_000, 2020, "target")]


def test_funding_and_rules():
    assert one("省本级安排专项工作经费1550万元").kind == "funding"
    found = extract("明确对科技孵化器在孵面积达到2000平方米以上、在孵企业10户以上的,年补助50万元")
    assert [(m.value, m.unit, m.qualifier, m.kind) for m in found] == [
        (2000, "m2", "at_least", "rule"), (10, "count", "at_least", "rule"), (500_000, "CNY", "exact", "rule")]
    found = extract("按其当年无偿资助在孵企业的实际发生金额给予20%的补助,最高不超过100万元")
    assert [(m.value, m.kind) for m in found] == [(20, "rule"), (1_000_000, "rule")]
    # what precedes a rule in the same clause is not part of it
    found = extract("出台了70多条措施,明确对科技孵化器在孵面积达到2000平方米以上的,年补助50万元")
    assert found[0].kind == "actual" and found[1].kind == "rule"


def test_traditional_raw_text_with_ruby_and_its_byte_offsets():
    raw = "計(jì)劃(huà)到2020年,培育眾(zhòng)創(chuàng)空間60家"
    m = one(raw)
    assert (m.text, m.value, m.year, m.kind) == ("60家", 60, 2020, "target")
    assert raw.encode("utf-8")[m.raw_start:m.raw_end].decode("utf-8") == "60家"


def test_document_year_stands_in_for_as_of_now():
    assert one("目前已引进13家平台机构", doc_year=2015).year == 2015
    assert one("目前已引进13家平台机构").year is None


def test_chinese_numerals_cn2an_and_where_we_differ():
    import cn2an

    assert parse_chinese_number("十二") == 12 == cn2an.cn2an("十二", "normal")
    with pytest.raises(ValueError):  # cn2an's strict mode refuses 两; we use its normal mode
        cn2an.cn2an("两亿", "strict")
    assert parse_chinese_number("三千九百") == 3900
    assert parse_chinese_number("两亿") == 200_000_000
    assert parse_chinese_number("万") == 10_000  # cn2an raises ValueError on a bare magnitude:
    with pytest.raises(ValueError):
        cn2an.cn2an("万", "strict")
    assert parse_chinese_number("十三五") is None  # a plan's name, not a number


def test_extract_command_csv_and_json(capsys):
    from pathlib import Path

    # the five reviewed documents' files (000_ to 004_), whatever else the corpus holds
    files = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "data/raw/policies").glob("00[0-4]_*.txt"))
    assert main(["extract", *files]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("doc,start,end,raw_start,raw_end,text,value,unit,measure_word,qualifier,low,high,year,kind,"
                        "sentence,note")
    assert len(lines) - 1 == 96  # the 96 stated figures of the curated table
    assert main(["extract", "--format", "json", *files]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 96 and rows[0]["doc"] == "xinjiang-2017" and rows[0]["text"] == "16家"


@pytest.mark.parametrize("content, message", [
    (None, "file not found"),
    (b"\x00\x01\x02binary", "file is binary"),
    ("众创空间60家".encode("gb18030") * 20, "not UTF-8 (looks like gb18030)"),
])
def test_extract_bad_input_is_one_line_and_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
