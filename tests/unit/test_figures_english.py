"""Figure drafts of English numbers (``analysis.english_counting``): the counted noun reaches its indicator through
``english_words.csv``, a level its scope, the English extractor's cue its kind, and no English draft is confident.
The sentences are written for these tests (no fact); a release's English sentences are lines of their own."""

from __future__ import annotations

import pytest
from tests import drafting

from analysis import calibration, english_counting, figures


@pytest.fixture(scope="module")
def tagger():
    return drafting.tagger()


def _rows(text, tagger, year=2024):
    return drafting.drafted(text, tagger, "english-2024", year).set_index("mention")


@pytest.mark.parametrize("sentence, mention, indicator", [
    ("The district now has 45 maker spaces.", "45", "maker_spaces"),
    ("The district now has 45 mass innovation spaces.", "45", "maker_spaces"),
    ("The district now has 18 incubators.", "18", "incubators"),
    ("The district now has 6 university science parks.", "6", "university_science_parks"),
    ("The parks host 1,200 start-ups.", "1,200", "firms_in_incubation"),
    ("The parks host 1,200 incubated enterprises.", "1,200", "firms_in_incubation"),
    ("Last year 95 firms graduated.", "95", "graduated_firms"),
    ("Last year 95 graduated companies moved out.", "95", "graduated_firms"),
    ("The parks have 60 mentors on call.", "60 mentors", "mentors"),
    ("The parks held 300 roadshows and events.", "300", "events"),
    ("The parks run 9 public technical service platforms.", "9", "technical_platforms"),
    ("The city has 2,300 high-tech enterprises.", "2,300", "high_tech_enterprises"),
    ("The city has 5,100 technology-based SMEs.", "5,100", "tech_smes"),
    ("The parks offer 80,000 square metres of incubation space.", "80,000 square metres", "incubation_area"),
])
def test_english_counted_nouns_reach_their_indicator(tagger, sentence, mention, indicator):
    row = _rows(sentence, tagger).loc[mention]
    assert row["indicator"] == indicator
    assert row["out_of_scope_reason"] == ""


def test_two_carriers_together_are_the_umbrella(tagger):
    # incubators and maker spaces: incubation_institutions (the codebook's umbrella of both)
    row = _rows("The zone has 150 incubators and maker spaces.", tagger).loc["150"]
    assert row["indicator"] == "incubation_institutions"
    assert row["evidence"].startswith("umbrella|")


def test_of_these_is_a_subset_of_the_number_before_with_its_own_level(tagger):
    # Of these, 40 are national-level: the 150 carriers' indicator, the level national
    rows = _rows("The zone has 150 incubators and maker spaces.\nOf these, 40 are national-level.", tagger)
    assert (rows.loc["40", "indicator"], rows.loc["40", "scope"]) == ("incubation_institutions", "national_level")
    assert rows.loc["40", "evidence"].startswith("subset|own|")


@pytest.mark.parametrize("sentence, mention, scope", [
    ("The province has 30 national-level incubators.", "30", "national_level"),
    ("The province has 30 provincial maker spaces.", "30", "provincial_level"),
    ("The city has 30 municipal-level maker spaces.", "30", "municipal_level"),
    ("The city has 30 maker spaces.", "30", "all"),  # no level named: all
])
def test_levels_reach_the_scope(tagger, sentence, mention, scope):
    assert _rows(sentence, tagger).loc[mention, "scope"] == scope


def test_a_rule_award_takes_the_recipient_level(tagger):
    # New national-level incubators will receive an award of up to 3 million yuan: a subsidy, a rule, national
    row = _rows("New national-level incubators will receive an award of up to 3 million yuan.", tagger)
    row = row.loc["up to 3 million yuan"]
    assert (row["indicator"], row["scope"], row["kind"], row["value"]) == ("subsidies", "national_level", "rule", 3e6)


@pytest.mark.parametrize("sentence, mention, kind, year", [
    ("The zone has built 14 incubators so far.", "14", "actual", 2024),  # has / so far: a status of 2024
    ("Last year the zone held 220 events.", "220", "actual", 2023),  # last year: 2023
    ("The zone aims to reach 60 incubators by 2027.", "60", "target", 2027),  # by 2027: a target of 2027
    ("The city will invest 500 million yuan in incubators.", "500 million yuan", "funding", 2024),
])
def test_english_kind_cues_reach_the_kind(tagger, sentence, mention, kind, year):
    row = _rows(sentence, tagger).loc[mention]
    assert (row["kind"], row["year"]) == (kind, year)


def test_invested_money_with_no_noun_is_a_programme_budget(tagger):
    # The city will invest 500 million yuan: a government's money put in (programme_budget), as 投入 in Chinese
    assert _rows("The city will invest 500 million yuan in incubators.", tagger).loc["500 million yuan",
                                                                                  "indicator"] == "programme_budget"


@pytest.mark.parametrize("sentence, mention", [
    ("Incubated firms raised RMB 2 billion in venture capital.", "RMB 2 billion"),  # money raised by firms
    ("Founders can get free office space for up to 12 months.", "up to 12 months"),  # a length of time
    ("The zone has 40 restaurants.", "40"),  # a noun the codebook does not name
])
def test_nouns_the_codebook_does_not_name_are_out_of_scope(tagger, sentence, mention):
    row = _rows(sentence, tagger).loc[mention]
    assert row["indicator"] == "" and row["out_of_scope_reason"] != ""


def test_no_english_draft_is_confident(tagger):
    # every English reading carries the caveat "english": below the confident band whatever its other evidence
    rows = _rows("The district now has 45 national-level maker spaces so far.", tagger)
    evidence = rows.loc["45", "evidence"]
    assert "english" in evidence.split("|")[4] and not calibration.may_be_high(evidence)


def test_the_english_words_name_indicators_and_scopes_of_the_codebooks():
    indicators = figures.load_indicators()
    aliases, levels = english_counting.words()
    assert {code for _, code in aliases} <= set(indicators)
    assert {code for _, code in levels} <= {"national_level", "provincial_level", "municipal_level"}


def test_a_share_of_a_subsidy_is_the_subsidy_rate(tagger):
    # a subsidy of up to 50% of the rent: a percent, so the rate (subsidy_rate), not the money (subsidies)
    row = _rows("Each incubator may receive a subsidy of up to 50% of its rent.", tagger).loc["up to 50%"]
    assert (row["indicator"], row["kind"]) == ("subsidy_rate", "rule")


def test_the_counted_noun_stops_at_the_next_number(tagger):
    # 86 incubators and 112 maker spaces: two numbers, each its own noun (no umbrella of the pair)
    rows = _rows("By the end of 2023, the park had 86 incubators and 112 maker spaces.", tagger)
    assert (rows.loc["86", "indicator"], rows.loc["112", "indicator"]) == ("incubators", "maker_spaces")


def test_by_the_end_of_a_past_year_is_a_status(tagger):
    # by the end of 2023 in a document of 2024: what the park had, of 2023 (not a target)
    row = _rows("By the end of 2023, the park had 112 maker spaces.", tagger).loc["112"]
    assert (row["kind"], row["year"]) == ("actual", 2023)


def test_money_in_a_named_subsidy_is_a_subsidy(tagger):
    # paid 143 million yuan in operating subsidies: the noun after "in" names the money
    row = _rows("The park paid 143 million yuan in operating subsidies.", tagger).loc["143 million yuan"]
    assert row["indicator"] == "subsidies"


def test_a_parallel_clause_keeps_the_money_of_the_clause_before_with_its_own_level(tagger):
    # …will receive up to RMB 1 million each; national-level ones up to RMB 3 million: both subsidies (rules),
    # provincial and national; the second rests on the first (caveat parallel)
    rows = _rows("Provincial maker spaces will receive up to RMB 1 million each; national-level ones up to RMB 3 "
                 "million.", tagger)
    first, second = rows.loc["up to RMB 1 million"], rows.loc["up to RMB 3 million"]
    assert (first["indicator"], first["scope"], first["kind"]) == ("subsidies", "provincial_level", "rule")
    assert (second["indicator"], second["scope"], second["kind"]) == ("subsidies", "national_level", "rule")
    assert "parallel" in second["evidence"].split("|")[4]


def test_new_provincial_maker_spaces_are_the_codebooks_new_indicator(tagger):
    # 22 newly recognised provincial maker spaces: maker_spaces_new_provincial (新增省级众创空间), not all maker spaces
    row = _rows("Last year 22 newly recognised provincial maker spaces were added.", tagger).loc["22"]
    assert (row["indicator"], row["scope"]) == ("maker_spaces_new_provincial", "provincial_level")
