"""Targets: required pace, verdicts, national benchmark. Expected values computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from tests.conftest import FIVE_DOCUMENTS

from analysis import inuse, reference, targets


@pytest.fixture(scope="module")
def card():
    return targets.scorecard(inuse.load_figures(), reference.load_outcomes(), reference.load_national())


def _row(card, region, indicator, scope):
    rows = card[(card.region == region) & (card.indicator == indicator) & (card.scope == scope)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_required_growth_formula():
    # (60 / 29) ** (1 / 4) - 1: 60/29 = 2.06897, ln = 0.72705, /4 = 0.18176, e^0.18176 = 1.19932
    assert targets.required_growth(29, 60, 2016, 2020) == pytest.approx(0.19932, abs=1e-5)
    # 16 -> 30: 1.875 ** 0.25 = 1.17017
    assert targets.required_growth(16, 30, 2016, 2020) == pytest.approx(0.17017, abs=1e-5)
    with pytest.raises(ValueError, match="not after the baseline year"):
        targets.required_growth(10, 20, 2020, 2020)


def test_required_path_year_by_year():
    # doubling over 3 years: 2 ** (1/3) = 1.259921; 50, 62.996, 79.370, 100
    path = targets.required_path(50, 2 ** (1 / 3) - 1, 2015, 2018)
    assert [y for y, _ in path] == [2015, 2016, 2017, 2018]
    assert [round(v, 3) for _, v in path] == [50.0, 62.996, 79.37, 100.0]


def test_xinjiang_maker_spaces_needed_19_9_percent_and_met_the_target(card):
    # "自治区众创空间29家" (end 2016) -> "培育众创空间60家" (2020); 64 registered in 2021
    r = _row(card, "xinjiang", "maker_spaces", "region_registered")
    assert (r.baseline_value, r.baseline_year, r.baseline_source) == (29, 2016, "same document")
    assert r.required_growth == pytest.approx(0.199, abs=5e-4)
    assert r.required_additions_per_year == pytest.approx(7.75)  # (60 - 29) / 4
    assert r.attainment == pytest.approx(1.07, abs=5e-3)  # 64 / 60 = 1.0667
    assert r.verdict == "met" and "after the target year 2020" in r.verdict_reason
    # achieved: (64 / 29) ** (1/5) - 1 = 2.2069 ** 0.2 - 1 = 0.1715
    assert r.achieved_growth == pytest.approx(0.1715, abs=5e-4)


def test_xinjiang_incubators_needed_17_percent_and_fell_one_short(card):
    r = _row(card, "xinjiang", "incubators", "region_registered")
    assert r.required_growth == pytest.approx(0.170, abs=5e-4)
    assert r.attainment == pytest.approx(0.97, abs=5e-3)  # 29 / 30 = 0.9667
    assert r.verdict == "not met"


def test_shaoxing_provincial_maker_spaces_ahead_of_the_required_path(card):
    # 3 in 2016 (reference data) -> 80 in 2020: (80/3) ** (1/4) = 26.667 ** 0.25 = 2.2724 -> 127.2% a year;
    # on the path in 2019: 3 * 2.2724 ** 3 = 35.2; 64 observed in 2019 is ahead, 80 not yet reached
    r = _row(card, "shaoxing", "maker_spaces", "provincial_level")
    assert r.baseline_source.startswith("reference data")
    assert r.required_growth == pytest.approx(1.272, abs=5e-4)
    assert r.verdict == "ahead of pace"
    assert "64 observed in 2019 vs 35.2 on the required path" in r.verdict_reason
    assert r.attainment == pytest.approx(0.8)  # 64 / 80


def test_jiaxing_doubling_uses_the_implied_baseline_and_says_so(card):
    r = _row(card, "jiaxing", "incubation_institutions", "all")
    assert r.baseline_source == "same document, implied" and r.required_growth_bound == "approximate"
    assert r.required_growth == pytest.approx(2 ** (1 / 3) - 1)  # doubling in three years: 26.0%
    assert r.target_is_minimum  # "100家以上"
    assert r.verdict == "unknown" and r.verdict_reason == "no observed outcome in the reference data"


def test_a_target_without_any_baseline_says_why(card):
    r = _row(card, "xinjiang", "star_spaces", "region_registered")
    assert pd.isna(r.required_growth)
    assert "no star_spaces (region_registered) figure before 2020" in r.no_baseline_reason
    assert r.verdict == "met"  # 42 in 2021 vs 40: attainment needs no baseline


def test_a_lower_bound_baseline_makes_the_required_growth_an_upper_bound():
    assert targets.growth_bound("more_than") == "upper bound"  # "300余": at least 300
    assert targets.growth_bound("almost") == "lower bound"  # "将近300": under 300
    assert targets.growth_bound("exact") == "exact"


@pytest.mark.parametrize("observed, year, expected", [
    (None, None, "unknown"),
    (35, 2019, "behind pace"),  # path at 2019 is 3 * 2.2724^3 = 35.2
    (36, 2019, "ahead of pace"),
    (80, 2019, "met"),  # at the target before its year
    (79, 2020, "not met"),
    (81, 2021, "met"),
])
def test_verdicts(observed, year, expected):
    g = targets.required_growth(3, 80, 2016, 2020)
    assert targets.verdict(80, 2020, observed, year, 3, 2016, g)[0] == expected


def test_national_log_linear_trend_against_a_hand_fit():
    # maker spaces 2016-2018 and 2020: 4298, 5739, 6959, 8507. OLS of ln(value) on year:
    # mean year 2017.75; slope = sum((x - xm)(y - ym)) / sum((x - xm)^2)
    years = [2016, 2017, 2018, 2020]
    logs = [math.log(v) for v in (4298, 5739, 6959, 8507)]
    xm, ym = sum(years) / 4, sum(logs) / 4
    slope = sum((x - xm) * (y - ym) for x, y in zip(years, logs, strict=False)) / sum((x - xm) ** 2 for x in years)
    trend = targets.national_trend(reference.load_national(), "maker_spaces")
    assert trend.n == 4 and trend.slope == pytest.approx(slope)
    assert trend.growth == pytest.approx(math.exp(slope) - 1)
    assert trend.low < trend.growth < trend.high
    assert targets.national_trend(reference.load_national(), "carriers_total") is None  # one observation


def test_select_by_year_region_and_indicator():
    # about the five reviewed documents (a drafted document added to the corpus, as the sixth-document test's
    # second Jiaxing text with a confident 2020 target, adds its region to a year)
    figures = inuse.load_figures()
    card = targets.scorecard(figures[figures["doc_id"].isin(FIVE_DOCUMENTS)], reference.load_outcomes(),
                             reference.load_national())
    assert set(targets.select(card, target_year=2018)["region"]) == {"jiaxing"}
    assert set(targets.select(card, target_year="2020")["region"]) == {"xinjiang", "shaoxing"}
    assert len(targets.select(card, regions="xinjiang,shaoxing", indicators="maker_spaces")) == 4
