"""The curated figures: quotes at their offsets, hand coding and extractor agreeing, bad rows refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tests.conftest import FIVE_DOCUMENTS

from analysis import figures, inuse
from analysis.errors import DataError


@pytest.fixture(scope="module")
def table():
    return figures.validate()  # runs the extractor on every quote


def test_the_curated_table_is_valid_and_covers_the_five_documents(table):
    # the five reviewed documents: 99 figures, and Jiaxing's 全覆盖 target (issue 12): 100
    # (a document reviewed later adds its own rows, never changes these)
    assert len(table[table["doc_id"].isin(FIVE_DOCUMENTS)]) == 100
    assert set(FIVE_DOCUMENTS) <= set(table["doc_id"])
    assert table["figure_id"].is_unique


def test_every_extracted_figure_is_curated_or_marked_out_of_scope(table):
    gaps = figures.coverage_gaps(table)
    assert gaps == [], [f"{m.doc} {m.start} {m.text}" for m in gaps]


def test_extractor_precision_and_recall_against_the_curated_table(table):
    q = figures.quality(table)
    assert q["precision"] >= 0.95 and q["recall"] >= 0.95, q["wrong"] + q["missed"]


def _row(table, doc, mention, indicator):
    rows = table[(table.doc_id == doc) & (table.mention == mention) & (table.indicator == indicator)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_xinjiang_targets_and_baselines_as_the_document_states_them(table):
    # "截至2016年年底,... 自治区众创空间29家" and "计划到2020年,培育众创空间60家"
    base = _row(table, "xinjiang-2017", "29家", "maker_spaces")
    assert (base.kind, base.year, base.value, base.scope) == ("baseline", 2016, 29, "region_registered")
    target = _row(table, "xinjiang-2017", "60家", "maker_spaces")
    assert (target.kind, target.year, target.value, target.quote) == ("target", 2020, 60, "培育众创空间60家")
    assert target.scope == base.scope == "region_registered"  # so that target and baseline pair


def test_hedged_figures_keep_their_qualifier(table):
    # "设立创业投资种子基金累计1600余万元": 1600 x 10,000 yuan, a lower bound
    seed = _row(table, "xinjiang-2017", "1600余万元", "seed_funds")
    assert (seed.value, seed.unit, seed.qualifier, seed.kind) == (16_000_000, "CNY", "more_than", "funding")


def test_jiaxing_doubling_records_the_target_and_the_implied_baseline(table):
    # "全市孵化机构数量“倍增”到100家以上": target at least 100; doubling implies a base of about 50
    rows = table[(table.doc_id == "jiaxing-2017") & (table.indicator == "incubation_institutions")]
    target = rows[rows.kind == "target"].iloc[0]
    base = rows[rows.kind == "baseline"].iloc[0]
    assert (target.value, target.qualifier, target.implied) == (100, "at_least", False)
    assert (base.value, base.qualifier, base.implied) == (50, "approx", True)  # 100 / 2
    assert "倍增" in base.note and base.extractor_reason


# --- bad rows: one message naming file, row and field ---------------------------------------
def _edit(project: Path, which: str, **changes) -> None:
    path = project / "data/curated/figures.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if r["figure_id"] == which:
            r.update(changes)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


# xinjiang-2017-005 is row 5: "培育众创空间60家", maker_spaces, target 2020
BAD = [
    ({"quote_start": "391"}, "field 'quote': the quote is not at 391:399"),
    ({"indicator": "makerspaces"}, "field 'indicator': unknown indicator 'makerspaces' (not in data/curated/indicators.csv)"),
    ({"value": "61"}, "field 'value': 61 disagrees with the extractor (60.0) without a reason"),
    ({"qualifier": "at_least"}, "field 'qualifier': at_least disagrees with the extractor (exact)"),
    ({"figure_id": "xinjiang-2017-001"}, "field 'figure_id': duplicate 'xinjiang-2017-001' (once per table)"),
    # the rules below are the data package's (data/datapackage.json), checked by frictionless
    ({"value": "-60", "extractor_reason": "test"}, "field 'value': -60 is below the minimum 0"),
    ({"year": "2040"}, "field 'year': 2040 is above the maximum 2035"),
    ({"year": "1985"}, "field 'year': 1985 is below the minimum 1990"),
    ({"year": "2020.5"}, "field 'year': '2020.5' is not an integer"),
    ({"kind": "goal"}, "field 'kind': 'goal' is not allowed; expected one of baseline, actual, target, funding, rule"),
    ({"scope": "county_level"}, "field 'scope': unknown scope 'county_level' (not in data/curated/scopes.csv)"),
    ({"quote": ""}, "field 'quote': is empty"),
    ({"unit": "m2"}, "field 'unit': 'm2' but indicator 'maker_spaces' is measured in 'count'"),
]


@pytest.mark.parametrize("change, message", BAD)
def test_a_bad_row_is_refused_naming_file_row_and_field(project, change, message):
    _edit(project, "xinjiang-2017-005", **change)
    with pytest.raises(DataError) as err:
        figures.validate()
    assert str(err.value).startswith("data/curated/figures.csv, row 5 (")
    assert message in str(err.value)


def test_changing_a_constraint_in_the_data_package_changes_validation_without_code_edits(project):
    import json

    figures.validate()  # the curated rows pass as they are
    path = project / "data" / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    figs = next(r for r in package["resources"] if r["name"] == "figures")
    next(f for f in figs["schema"]["fields"] if f["name"] == "year")["constraints"]["maximum"] = 2019
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(DataError, match=r"row \d+ \(xinjiang-2017-\d+\), field 'year': 2020 is above the maximum 2019"):
        figures.validate()


def test_a_disagreement_with_a_reason_is_accepted(project):
    _edit(project, "xinjiang-2017-005", value="61", extractor_reason="a test of the reason column")
    assert figures.validate().set_index("figure_id").loc["xinjiang-2017-005", "value"] == 61


def test_region_profile_provenance_table_carries_every_figure_with_its_quote():
    from analysis import profile

    curated = inuse.load_figures()
    table = profile.figures_table(curated, "shaoxing")
    # Shaoxing's 11 stated targets for 2020: 150/80/30 maker spaces by level, 10 maker bases, ...
    assert len(table) == 11 and set(table["kind"]) == {"target"}
    assert table.loc["shaoxing-2017-002", "quote"] == "省级80家"
    assert str(table.loc["shaoxing-2017-002", "value"]) == "80"
    # the value links to its sentence in the source viewer
    assert table.loc["shaoxing-2017-002", "value"].href == "../documents/shaoxing-2017.html#f-shaoxing-2017-002"
    assert profile.figures_headline(curated, "shaoxing") == "11 figures (11 target), all reviewed"
    assert set(table["status"]) == {"reviewed"}
