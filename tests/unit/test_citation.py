"""How to cite the suite (issue 23): CITATION.cff is valid Citation File Format 1.2.0 (the
schema cffconvert validates with, in tests/fixtures/cff/) and the landing page says it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from analysis import citation, paths

SCHEMA = Path(__file__).parents[1] / "fixtures" / "cff" / "schema-1.2.0.json"


def test_citation_cff_is_valid_citation_file_format():
    meta = yaml.safe_load((paths.project_root() / "CITATION.cff").read_text(encoding="utf-8"))
    # dates as strings, as cffconvert reads them (YAML would make date-released a date)
    meta["date-released"] = str(meta["date-released"])
    jsonschema.validate(meta, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_the_citation_line_names_authors_year_title_version_and_commit():
    meta = {"authors": [{"given-names": "Wei", "family-names": "Zhang"}, {"name": "A Lab"}],
            "date-released": "2026-11-21", "title": "A suite", "version": "0.1.0"}
    assert citation.line(meta, "0123456789abcdef") == "Wei Zhang, A Lab (2026). A suite (version 0.1.0), commit 0123456789ab."
    assert citation.line({}) == ""
    assert citation.line(citation.load()).startswith("The 双创 policy research suite developers (2026). 双创 policy")
