"""Findings that mean what they say (issue 12): the place a figure is about, figures that are
not a stock, money compared like with like, national benchmarks of the same scope and years,
and each verdict under the other plausible readings of its inputs. Expected values by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import drafts, figures, fundingdrafts, inuse, reference, targets
from analysis.corpus import Document


@pytest.fixture(scope="module")
def curated():
    return inuse.load_figures()


@pytest.fixture(scope="module")
def card(curated):
    return targets.scorecard(curated, reference.load_outcomes(), reference.load_national())


def test_the_five_documents_liaoning_rows_say_which_city_or_zone_they_are_about(curated):
    # of the five reviewed documents: Liaoning's report speaks of Shenyang, Dalian and five zones
    rows = curated.set_index("figure_id")
    assert rows.loc["liaoning-2015-004", "place"] == "沈阳市"  # Shenyang's 年补助50万元
    assert rows.loc["liaoning-2015-025", ["place", "locality_level"]].tolist() == ["大连高新区", "development_zone"]
    assert not rows.loc["liaoning-2015-025", "whole_region"]
    # the province's own voucher money is the province's
    assert rows.loc["liaoning-2015-021", "place"] == "辽宁省" and rows.loc["liaoning-2015-021", "whole_region"]


def test_a_locality_needs_its_level(project):
    path = project / "data/curated/figures.csv"
    text = path.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("liaoning-2015-025,"))
    path.write_text(text.replace(row, row.replace(",大连高新区,development_zone,", ",大连高新区,,")), encoding="utf-8")
    from analysis.errors import DataError

    # liaoning-2015-025 is the 48th row under the header
    with pytest.raises(DataError, match=r"row 48 \(liaoning-2015-025\), field 'locality_level': a locality needs its level"):
        figures.validate(path, extractor=False)


def _frame(rows):
    base = {"region": "r", "region_en": "R", "region_zh": "R省", "label_en": "maker spaces", "label_zh": "众创空间",
            "indicator": "maker_spaces", "scope": "all", "qualifier": "exact", "implied": False, "status": "reviewed",
            "doc_id": "r-2016", "doc_date": "2016", "quote": "q", "locality": "", "flags": ""}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_a_baseline_is_of_the_same_place_and_never_a_first_batch():
    frame = _frame([
        {"figure_id": "t", "kind": "target", "year": 2020, "value": 60, "locality": "甲市"},
        {"figure_id": "whole", "kind": "baseline", "year": 2016, "value": 30},  # the region's: not 甲市's
        {"figure_id": "batch", "kind": "actual", "year": 2017, "value": 8, "locality": "甲市", "flags": "first_batch"},
        {"figure_id": "city", "kind": "baseline", "year": 2016, "value": 20, "locality": "甲市"},
    ])
    [pair] = targets.pair_targets(frame, reference.load_outcomes().iloc[:0]).to_dict("records")
    assert pair["baseline_ref"] == "city" and pair["baseline_value"] == 20
    # the first batch is kept as another reading of the stock, not as the baseline
    assert [a["figure_id"] for a in pair["baseline_alternatives"]] == ["batch"]
    reading = pair["baseline_alternatives"][0]["reading"]  # said in both languages
    assert "first batch" in reading.en and "第一批" in reading.zh


@pytest.mark.parametrize("observed, path, expected", [
    # baseline 10 (2016), target 20 (2020), outcome in 2018: the geometric path is at 10 * 2^(2/4) = 14.14,
    # the linear one at 10 + 10 * 2/4 = 15
    (14.5, "geometric", "ahead of pace"),
    (14.5, "linear", "behind pace"),
    (15.5, "linear", "ahead of pace"),
])
def test_the_required_path_geometric_or_linear(observed, path, expected):
    g = targets.required_growth(10, 20, 2016, 2020)
    assert targets.verdict(20, 2020, observed, 2018, 10, 2016, g, path)[0] == expected


def test_the_five_documents_xinjiang_incubator_verdict_is_fragile(card):
    row = card.set_index("target_id").loc["xinjiang-2017-007"]
    # 29 observed against 30 for 2020: "not met" with the outcome dated 2021 (outcomes.csv).
    # Dated during 2020 (2019.5 on the year-end scale, readings.csv), it is before the deadline:
    # geometric path 16 * (30/16)^(3.5/4) = 16 * e^(0.875 * ln 1.875) = 16 * e^0.5500 = 27.73 <= 29,
    # linear path 16 + 14 * 3.5/4 = 28.25 <= 29: ahead of pace either way
    assert row["verdict"] == "not met" and row["robustness"] == "fragile"
    assert row["verdict_range"] == "not met / ahead of pace"
    assert row["flipped_by"].startswith("ahead of pace under the reading: the outcome as of mid-2020")
    # the same in the Chinese report, the reading from readings.csv's reading_zh
    assert row["flipped_by_zh"].startswith("在以下读法下为快于所需进度:结果的日期为2020年年中")


def test_the_five_documents_robust_verdicts(card):
    rows = card.set_index("target_id")
    # Xinjiang's maker spaces: 64 against 60 is met whether dated 2020 or 2021 and whether the
    # baseline is the 29 registered or the first batch of 16 read as the stock
    assert rows.loc["xinjiang-2017-005", "robustness"] == "robust"
    assert any(a["figure_id"] == "xinjiang-2017-014" for a in rows.loc["xinjiang-2017-005", "baseline_alternatives"])
    # Shaoxing's provincial maker spaces: ahead of pace on the geometric path from 3 and on the linear one
    assert rows.loc["shaoxing-2017-002", ["verdict", "robustness"]].tolist() == ["ahead of pace", "robust"]


def test_national_benchmarks_compare_like_with_like():
    trend = targets.NationalTrend("maker_spaces", 0.18, 0.03, 0.35, [2016, 2017, 2018, 2020], 4, 0.0, 0.0)
    trends = {("maker_spaces", "all"): trend}

    def said(*args, table=trends):  # the statement in both languages
        text = targets.compare_national(*args, table)["vs_national"]
        return text.en, text.zh

    # provincial-level carriers have no national series of their own
    assert said("maker_spaces", "provincial_level", 0.5, 2016, 2019) == (
        "no national series of this scope (provincial_level): not compared", "没有此口径(provincial_level)的全国序列:不比较")
    # the region's growth 2016-2021 against a national series ending in 2020: not the same years
    en, zh = said("maker_spaces", "region_registered", 0.17, 2016, 2021)
    assert en.startswith("not the same years: the national series covers 2016-2020, the region's growth 2016-2021")
    assert zh == "年份不同:全国序列为2016-2020年,地区增速为2016-2021年"
    # same scope, same years, inside the 95% interval: not distinguishable, never "within the range"
    assert said("maker_spaces", "all", 0.17, 2016, 2020) == (
        "not distinguishable from the national pace (95% CI 3.0% to 35.0%, n=4)",
        "与全国增速无法区分(95%置信区间3.0%至35.0%,n=4)")
    assert said("maker_spaces", "all", 0.40, 2016, 2020) == ("faster than the nation", "快于全国")  # 0.40 > 0.35
    three = targets.NationalTrend("incubators", 0.22, 0.02, 0.45, [2016, 2017, 2018], 3, 0.0, 0.0)
    assert said("incubators", "all", 0.3, 2016, 2018, table={("incubators", "all"): three}) == (
        "too few points: the national trend rests on 3 years", "点数太少:全国趋势仅基于3个年份")


def _doc(region_zh="辽宁省"):
    return Document(doc_id="d", region="r", region_zh=region_zh, region_en="R", level="province", parent_province="",
                    genre="news_report", title="", date="2015", outlet="", script="", file="d.txt", sha256="",
                    original_encoding="utf-8", notes="")


@pytest.mark.parametrize("before, expected", [
    ("大连高新区出台“众创十二条”,计划5年投入资金", ("大连高新区", "development_zone")),
    ("沈阳市政府出台了", ("沈阳市", "prefecture_city")),
    ("全市孵化机构数量", ("", "")),  # "the whole city": no place named
    ("自治区众创空间", ("", "")),
    ("辽宁省本级安排", ("", "")),  # the document's own region
])
def test_drafted_locality(before, expected):
    assert drafts.draft_locality(before, _doc()) == expected


def test_drafted_flags_and_money_class():
    assert drafts.draft_flags("第一批16家自治区众创空间累计") == "first_batch;cumulative"
    assert drafts.draft_flags("鞍山高新区正在打造5个众创空间") == "under_construction"
    assert fundingdrafts._money_class("funding", "设立创业投资种子基金累计1600余万元", carrier=True) == \
        {"payer_type": "carrier", "money": "fund_size", "stock_flow": "stock"}
    assert fundingdrafts._money_class("funding", "计划5年投入资金1.5亿元", carrier=False) == \
        {"payer_type": "government", "money": "plan", "stock_flow": "flow"}
    assert fundingdrafts._money_class("rule", "年补助50万元", carrier=False)["money"] == "rule"


def test_the_five_documents_scorecard_names_units_and_keeps_each_sentence_beside_its_chinese(card):
    rows = card.set_index("target_id")
    # a paper's units column: jiaxing-2017-002 is 孵化面积 8,000,000 m2, xinjiang-2017-007 30 incubators
    assert rows.loc["jiaxing-2017-002", "unit"] == "m2" and rows.loc["xinjiang-2017-007", "unit"] == "count"
    cols = list(card.columns)
    assert set(targets.SCORECARD_COLUMNS) <= set(cols)  # the twins moved, nothing lost (region_zh, label_zh …)
    for name in targets.TEXT_COLUMNS:
        assert cols[cols.index(name) + 1] == f"{name}_zh"
    # a target with neither baseline nor outcome says why in both languages
    row = rows.loc["shaoxing-2017-001"]  # 全市创建市级众创空间150家: no municipal-level count before 2020
    assert row["verdict_reason"].startswith("no observed outcome in the reference data; no maker_spaces (municipal_level)")
    assert row["verdict_reason_zh"].startswith("参考数据中没有实际结果;该地区的文献和参考数据中都没有2020年以前的")


def test_the_five_documents_flags_and_places_after_the_second_audit(curated):
    # issue 24, each read from its source sentence
    rows = curated.set_index("figure_id")
    flags = rows["flags"].str.split(";").map(set)
    # 「确定鞍山、锦州、营口、阜新、辽阳5个国家级高新区首批试点」: the first batch of pilot zones
    assert flags["liaoning-2015-020"] == {"first_batch"}
    # 「累计入孵企业1832家,毕业企业302家,其中33 家企业通过高新技术企业认定」: a subset of the cumulative graduates
    assert flags["urumqi-2019-014"] == flags["urumqi-2019-013"] == {"cumulative"}
    # 「举办创新创业活动200余场次,开展创业辅导培训100余场次,参加活动人数累计逾万人」: the events and trainings are
    # summed over the same years as their participants
    for figure_id in ("xinjiang-2017-020", "xinjiang-2017-021", "xinjiang-2017-022"):
        assert flags[figure_id] == {"first_batch", "cumulative"}, figure_id
    # 「各试点高新区本级财政出资1050万元」: the text's own name for the five zones paying together
    assert rows.loc["liaoning-2015-022", ["place", "locality_level"]].tolist() == ["各试点高新区", "development_zone"]
    # 「形成2600万元的专项工作经费」: the province's and the zones' money, about no single place
    assert rows.loc["liaoning-2015-023", "locality"] == ""
