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


def test_rows_that_passed_are_not_checked_again_until_they_the_package_or_a_referenced_table_change(
        project, monkeypatch):
    rows = [(1, _row())]
    schema.check_rows("curation", rows, "c.csv")
    calls = []
    real = schema._check
    monkeypatch.setattr(schema, "_check", lambda *a, **k: (calls.append(a[0]), real(*a, **k)))
    schema.check_rows("curation", rows, "c.csv")
    assert calls == []  # same rows, same package, same catalogue: skipped
    schema.check_rows("curation", [(1, _row(note="changed"))], "c.csv")
    assert calls == ["curation"]  # other rows: checked
    package = project / "data" / "datapackage.json"
    package.write_text(json.dumps(json.loads(package.read_text(encoding="utf-8")), indent=1), encoding="utf-8")
    schema.check_rows("curation", rows, "c.csv")
    assert calls == ["curation"] * 2  # the package changed: checked again
    catalogue = project / "data" / "raw" / "policies" / "catalogue.csv"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("jiaxing-2017,", "jiaxing-2016,"),
                         encoding="utf-8")
    with pytest.raises(DataError, match="unknown doc_id 'jiaxing-2017'"):  # the referenced table changed
        schema.check_rows("curation", rows, "c.csv")
