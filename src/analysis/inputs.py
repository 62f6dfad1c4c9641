"""The files the suite reads, checked whole before any kernel starts.

``check()`` reads every table and codebook of the data package (``data/datapackage.json``:
the catalogue, the curated tables and codebooks, the reference data) through the one reader of
its kind (``tables.read_rows``, ``tables.read_yaml``): a file cut short, with a field too few or
too many, an unclosed quote, another encoding or nothing in it is one line naming the file, the
row and the field, exit status 2, and nothing runs or is written. (A damaged table used to fail
inside a notebook, as a traceback in a failed report.) Types, enums and keys stay the loaders'
(frictionless, through ``analysis.schema``), when the analyses read the rows.

The YAML files' shapes are here too, beside the data package's description of the CSVs: the keys
each mapping may have (``Required`` ones must be there), so a key missing or misspelt is named.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from analysis import paths
from analysis.errors import DataError
from analysis.tables import Required, read_rows, read_yaml

__all__ = ["check", "INSTRUMENTS_FRAMEWORK", "PMC_FRAMEWORK", "SUITE"]

INSTRUMENTS_FRAMEWORK = {
    "name": Required(str), "version": Required((str, int, float)), "reference": object, "unit": dict,
    "types": Required([{"code": Required(str), "name_en": Required(str), "name_zh": Required(str),
                        "definition": Required(str),
                        "subtools": [{"code": Required(str), "name_en": Required(str), "name_zh": Required(str),
                                      "definition": Required(str), "include": object, "exclude": object,
                                      "examples": object, "keywords": object}]}]),
    "rules": [{"id": Required(str), "text": Required(str), "codes": object,
               "check": object}],  # a rule's checks: analysis.codebook_rules reads and checks them
    "changelog": object,
}

PMC_FRAMEWORK = {
    "name": Required(str), "version": Required((str, int, float)), "reference": object,
    "variables": Required([{"code": Required(str), "name_en": Required(str), "name_zh": Required(str),
                            "items": Required(dict), "items_zh": dict, "derived": (str, type(None))}]),
    "bands": Required(dict),
}

_ENTRY = {"notebook": str, "name": str, "parameters": dict, "sweep": dict, "timeout": (int, float), "inputs": [str],
          "slice": str}
SUITE = {"defaults": {"timeout": (int, float), "inputs": [str]},
         "notebooks": Required([{**_ENTRY, "notebook": Required(str)}])}

YAML_SHAPES: dict[str, object] = {"instruments-framework": INSTRUMENTS_FRAMEWORK, "pmc-framework": PMC_FRAMEWORK}


def check() -> None:
    """Read every CSV and YAML resource of the data package; the first damaged one is a DataError.
    Files that passed are remembered by a hash of their bytes (``data/processed/.inputs-checked``):
    parsing the codebooks costs a tenth of a second, hashing them a millisecond, and a no-change
    ``analysis run`` takes 0.3 s."""
    package = paths.data_dir() / "datapackage.json"  # read here, not through analysis.schema: a leaf module
    try:
        resources = json.loads(package.read_text(encoding="utf-8")).get("resources", [])
    except (OSError, ValueError) as err:
        raise DataError(f"cannot read the data package ({err})", file=paths.relative(package)) from None
    files = [paths.data_dir() / r["path"] for r in resources]
    digest = hashlib.sha256(b"".join(hashlib.sha256(f.read_bytes() if f.is_file() else b"-").digest() for f in files))
    digest.update(package.read_bytes() + Path(__file__).read_bytes())
    stamp = paths.processed_dir() / ".inputs-checked"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == digest.hexdigest():
        return
    for r in resources:
        path = paths.data_dir() / r["path"]
        if path.suffix == ".csv":
            fields = [f["name"] for f in r.get("schema", {}).get("fields", [])]
            required = [f["name"] for f in r.get("schema", {}).get("fields", [])
                        if f.get("constraints", {}).get("required")]
            read_rows(path, required or fields[:1], f"resource '{r['name']}' of the data package")
        elif path.suffix in (".yml", ".yaml"):
            read_yaml(path, YAML_SHAPES.get(r["name"], object), f"resource '{r['name']}' of the data package")
    try:  # not atomic, and need not be: a torn stamp never equals a digest, so it only re-checks
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(digest.hexdigest(), encoding="utf-8")
    except OSError:
        pass  # a read-only checkout checks every time
