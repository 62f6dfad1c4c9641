"""Unit codes and the conversions made where figures are compared (analysis.units)."""

from __future__ import annotations

import pytest

from analysis import units


@pytest.mark.parametrize("value, unit, expected, factor", [
    (15, "mu", 10_000, 10_000 / 15),  # 15 亩 = 1 公顷 = 10,000 m2
    (2, "ha", 20_000, 10_000),  # 2 x 10,000
    (3.5, "km2", 3_500_000, 1_000_000),  # 3.5 x 10^6
    (500, "m2", 500, 1),
])
def test_areas_convert_to_m2_with_their_factor(value, unit, expected, factor):
    converted, used = units.convert(value, unit, "m2")
    assert converted == pytest.approx(expected) and used == pytest.approx(factor)


@pytest.mark.parametrize("unit, to", [("USD", "CNY"), ("years", "count"), ("pp", "percent"), ("mu", "count")])
def test_what_does_not_convert_by_definition_is_refused(unit, to):
    assert units.convert(10, unit, to) is None  # a currency needs a cited rate; a duration is no count


def test_to_canonical_records_the_factor():
    value, unit, note = units.to_canonical(30, "mu")
    # 30 x 10,000 / 15 = 20,000 m2
    assert (value, unit) == (pytest.approx(20_000), "m2") and note == "30 mu x 666.667 = 20000 m2"
    assert units.to_canonical(5, "count") == (5, "count", "")
    assert units.to_canonical(5, "USD") == (5, "USD", "")


def test_every_unit_the_extractor_gives_has_a_dimension():
    from analysis.quantities import UNITS

    assert set(UNITS.values()) <= set(units.DIMENSIONS)


def test_a_drafted_area_in_mu_is_compared_in_m2_with_the_factor_in_its_note():
    # written for this test: 占地面积 names the incubator land area, measured in m2
    from analysis import cleaning, corpus, drafts, figures

    tagger = drafts.Tagger.from_codebooks(figures.load_indicators(), drafts.load_scopes())
    doc = corpus.Document("test-2023", "testland", "测试区", "Testland", "district", "", "policy_text", "测试",
                          "2023", "测试", "simplified", "t.txt", "0" * 64, "utf-8", "")
    frame = drafts.draft_figures(doc, cleaning.clean_text("孵化器占地面积30亩。"), tagger)
    row = frame[frame["mention"] == "30亩"].iloc[0]
    # 30 亩 x 10,000 / 15 = 20,000 m2
    assert (row["indicator"], row["unit"], row["value"]) == ("incubator_land_area", "m2", pytest.approx(20_000))
    assert "converted: 30 mu x 666.667 = 20000 m2" in row["note"]


def test_a_drafted_length_of_time_is_out_of_scope_never_a_count():
    from analysis import cleaning, corpus, drafts, figures

    tagger = drafts.Tagger.from_codebooks(figures.load_indicators(), drafts.load_scopes())
    doc = corpus.Document("test-2023", "testland", "测试区", "Testland", "district", "", "policy_text", "测试",
                          "2023", "测试", "simplified", "t.txt", "0" * 64, "utf-8", "")
    frame = drafts.draft_figures(doc, cleaning.clean_text("对入驻众创空间的企业给予3年房租补贴。"), tagger)
    row = frame[frame["mention"] == "3年"].iloc[0]
    assert (row["unit"], row["indicator"]) == ("years", "")
    assert row["out_of_scope_reason"] == "no indicator measured in years is named near the number"
