"""data/datapackage.json describes every data file and validates with frictionless."""

import json
from pathlib import Path

from frictionless import Package

ROOT = Path(__file__).resolve().parents[2]


def _validate(data_dir: Path):
    # frictionless resolves resource paths against the working directory's package folder
    return Package(str(data_dir / "datapackage.json")).validate()


def test_the_data_package_is_valid():
    report = _validate(ROOT / "data")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


def test_every_catalogued_text_is_a_resource_with_its_sha256(catalogue):
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    texts = {r["path"]: r["hash"] for r in package["resources"] if r.get("format") == "txt"}
    assert texts == {f"raw/policies/{d.file}": f"sha256:{d.sha256}" for d in catalogue}


def test_a_changed_byte_in_a_raw_text_fails_validation(project):
    path = project / "data/raw/policies/002_aed13c496fe7f94c.txt"
    data = bytearray(path.read_bytes())
    data[-1:] = b"!"
    path.write_bytes(bytes(data))
    report = _validate(project / "data")
    assert not report.valid
    assert ["hash-count"] in report.flatten(["type"])


def test_an_unknown_genre_fails_validation(project):
    path = project / "data/raw/policies/catalogue.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",news_report,", ",interview,", 1), encoding="utf-8")
    report = _validate(project / "data")
    assert [tuple(e) for e in report.flatten(["rowNumber", "fieldName", "type"])] == [(2, "genre", "constraint-error")]


def test_reference_data_is_copied_unchanged():
    shared = ROOT.parent / "shared" / "reference"
    if not shared.is_dir():
        import pytest

        pytest.skip("shared/reference not beside this checkout")
    for name in ("outcomes.csv", "national.csv", "context.csv"):
        assert (ROOT / "data/external" / name).read_bytes() == (shared / name).read_bytes()


def test_a_figure_with_an_unknown_indicator_breaks_the_foreign_key(project):
    path = project / "data/curated/figures.csv"
    text = path.read_text(encoding="utf-8")
    row = ",maker_spaces,region_registered,target,2020,60,"
    assert row in text
    path.write_text(text.replace(row, ",makerspace,region_registered,target,2020,60,", 1), encoding="utf-8")
    report = _validate(project / "data")
    assert not report.valid
    # the codebook (indicators.csv) is referenced by a foreign key, not copied as an enum
    assert {tuple(e) for e in report.flatten(["type"])} == {("foreign-key",)}


def test_every_external_row_names_its_source():
    import csv

    for name in ("outcomes.csv", "national.csv", "context.csv"):
        with (ROOT / "data/external" / name).open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                assert row["source"].strip() and row["value"].strip(), (name, row)
