"""Each run depends on what it reads (issue 22): a region profile's fingerprint covers its
region's slice of the data (``analysis.slices``), a cross-region analysis the whole corpus.
No notebook is executed: the fingerprints are computed on a copy of the project (the
``project`` fixture), before and after a change, and compared run by run."""

import csv

from tests.conftest import FIVE_DOCUMENTS, NEW_DOCUMENTS, NEW_DOCUMENTS_DIR, ROOT

from analysis import corpus, fingerprint, inuse, paths, suite
from analysis.slices import SHARED, Slices

SUITE = ROOT / "notebooks" / "suite.yml"
ENV = {"interpreter": "test", "packages": {}}  # the same before and after: only the data differ
# the five reviewed documents' regions, one each
FIVE_REGIONS = ("xinjiang", "liaoning", "urumqi", "jiaxing", "shaoxing")


def _state() -> tuple[dict, dict]:
    """Every planned run's fingerprint parts and digest, by run name."""
    slices = Slices()
    parts = {r.name: fingerprint.fingerprint_parts(r, False, "package", "lock", ENV, slices) for r in suite.plan(SUITE)}
    return parts, {name: fingerprint.digest(p) for name, p in parts.items()}


def _profiles(region: str) -> set[str]:
    return {f"region_profile-{region}", f"region_profile-zh-{region}"}


def test_a_document_for_a_new_region_reruns_its_profiles_and_the_cross_region_analyses_only(project, tmp_path):
    before_parts, before = _state()
    # the five reviewed documents' regions each have two profiles (English, Chinese)
    for region in FIVE_REGIONS:
        assert _profiles(region) <= set(before)
    # a district's plan with targets for 2025 and 2027, under a region and a file name no document
    # has (a grown corpus may already hold yuhang_2025.txt itself)
    meta = {**NEW_DOCUMENTS["yuhang_2025.txt"], "doc_id": "slicetown-2023", "region": "slicetown"}
    text = tmp_path / "slicetown_2023.txt"
    text.write_bytes((NEW_DOCUMENTS_DIR / "yuhang_2025.txt").read_bytes())
    corpus.add_document(text, **meta)
    inuse.build()  # the drafts, as the runner builds them first
    _, after = _state()

    profiles_before = {n for n in before if n.startswith("region_profile")}
    changed = {n for n in before if n in after and after[n] != before[n]}
    new = set(after) - set(before)
    # the new region's two profiles are new runs; so is a targets report for a year only the
    # new document's (confident) targets name: the cross-region analyses, swept by target year
    assert _profiles("slicetown") <= new
    assert all(n.startswith("03_targets-") for n in new - _profiles("slicetown")), new
    assert not set(before) - set(after)  # no run disappears
    # every cross-region analysis reads the whole corpus (01: the catalogue changed): all re-run
    assert changed == set(before) - profiles_before
    # and no other region's profile: 5 regions x 2 languages = 10 unchanged, by name
    assert not changed & profiles_before
    for region in FIVE_REGIONS:
        assert all(after[n] == before[n] for n in _profiles(region))


def _edit_row(path, key: str, value: str, column: str) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    hits = [r for r in rows if r[key] == value]
    assert len(hits) == 1, f"{value} in {path}"
    hits[0][column] += " (edited)"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_a_changed_row_reruns_its_regions_profiles_and_the_analyses_that_read_its_file(project):
    # tests about the five reviewed documents: the funding row of figure xinjiang-2017-013 (a seed fund)
    assert "xinjiang-2017" in FIVE_DOCUMENTS
    before_parts, before = _state()
    _edit_row(paths.curated_dir() / "funding.csv", "figure_id", "xinjiang-2017-013", "note")
    after_parts, after = _state()
    changed = {n for n in before if after[n] != before[n]}
    assert set(after) == set(before)
    # Xinjiang's two profiles, and every cross-region analysis but 01_corpus and 01_corpus-zh,
    # which read data/raw/ only (suite.yml): 02 (3 runs), 03 (2 + one per target year), 04 (3)
    cross = {n for n in before if not n.startswith(("region_profile", "01_corpus"))}
    assert changed == _profiles("xinjiang") | cross
    assert {"02_strategies", "02_strategies-zh", "02_strategies-subtool-auto", "04_funding", "04_funding-zh",
            "04_funding-prices2017", "03_targets", "03_targets-zh"} <= cross
    # --explain names the slice that changed
    run = next(r for r in suite.plan(SUITE) if r.name == "region_profile-xinjiang")
    entry = {"status": "done", "fingerprint": before[run.name], "inputs": before_parts[run.name]}
    why = fingerprint.explain(run, entry, after_parts[run.name], after[run.name], project / "reports")
    assert why == "would re-run: region xinjiang: data/curated/funding.csv rows changed"


def test_a_profile_reads_its_regions_rows_its_documents_drafts_and_what_no_region_owns(project):
    parts = Slices().region_data("urumqi", suite.DEFAULT_INPUTS)
    # its rows of the tables keyed by document, clause, figure or region
    for table in ("data/raw/policies/catalogue.csv", "data/curated/figures.csv", "data/curated/instruments_hand.csv",
                  "data/curated/curation.csv", "data/external/context.csv"):
        assert f"region urumqi: {table}" in parts
    # its document's raw text and drafts, no other region's
    assert "region urumqi: data/processed/drafts/urumqi-2019.figures.csv" in parts
    assert not any("xinjiang-2017" in label for label in parts)
    # the codebooks whole; the national CPI row (region china, no document's) in the shared part
    assert "data/curated/indicators.csv" in parts and "data/curated/instruments_framework.yml" in parts
    context = Slices().file_slices(paths.project_root() / "data" / "external" / "context.csv")
    assert SHARED in context and "urumqi" in context
