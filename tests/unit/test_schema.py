"""analysis.schema: the data package is the one description of every table."""

from __future__ import annotations

import json

import pytest

from analysis import schema
from analysis.errors import DataError


def _row(**change):
    row = {"doc_id": "jiaxing-2017", "layer": "pmc", "status": "reviewed", "reviewer": "x", "date": "2026-11-21",
           "note": ""}
    return {**row, **change}


def test_rows_are_checked_against_their_resource_with_row_and_field_named():
    schema.check_rows("curation", [(1, _row())], "c.csv", ("doc_id", "layer"))  # a good row passes
    with pytest.raises(DataError, match=r"^c.csv, row 7 \(jiaxing-2017 pmc\), field 'date': '2026-13-01' is not a date$"):
        schema.check_rows("curation", [(7, _row(date="2026-13-01"))], "c.csv", ("doc_id", "layer"))
    with pytest.raises(DataError, match=r"row 2 \(jiaxing-2017 pmc\), field 'doc_id, layer': duplicate doc_id "
                                        r"'jiaxing-2017' and layer 'pmc' \(once per table\)"):
        schema.check_rows("curation", [(1, _row()), (2, _row())], "c.csv", ("doc_id", "layer"))
    # the foreign key to the catalogue is read from the same schema
    with pytest.raises(DataError, match=r"field 'doc_id': unknown doc_id 'mars-2020' \(not in data/raw/policies/catalogue.csv\)"):
        schema.check_rows("curation", [(1, _row(doc_id="mars-2020"))], "c.csv", ("doc_id", "layer"))


def test_a_file_that_passed_is_not_checked_again_until_it_or_the_package_changes(project, monkeypatch):
    path = project / "data" / "curated" / "curation.csv"
    rows = [(1, _row())]
    schema.check_file("curation", path, rows)
    calls = []
    monkeypatch.setattr(schema, "check_rows", lambda *a, **k: calls.append(a))
    schema.check_file("curation", path, rows)
    assert calls == []  # same bytes, same package: skipped
    package = project / "data" / "datapackage.json"
    package.write_text(json.dumps(json.loads(package.read_text(encoding="utf-8")), indent=1), encoding="utf-8")
    schema.check_file("curation", path, rows)
    assert len(calls) == 1  # the package changed: checked again
