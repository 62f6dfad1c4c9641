"""One description of every table: ``data/datapackage.json``.

Rows are checked against their resource's Table Schema by frictionless: types, required
fields, enums, patterns, minimum and maximum, uniqueness and primary keys. Its first error
becomes our one-line ``DataError`` naming the file, the row and the field. Foreign keys are
read from the same schema and checked against the referenced table's key column (frictionless
checks them only for files inside a package, and review files are outside it). Python keeps
only what a schema cannot say (a quote at its offsets, agreement with the extractor,
cross-table rules), each in its table's module.

Change a constraint in the data package and validation changes, with no code edit.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import json
import sys
from functools import lru_cache
from pathlib import Path

from analysis import paths
from analysis.cache import HashCache
from analysis.errors import DataError

__all__ = ["package", "resource", "check_rows", "check_file", "enum", "field_names"]

# jsonschema, which frictionless uses on descriptors, imports rfc3987_syntax to check "iri"
# formats when it is installed (a jupyter extra brings it): 1.7 s spent building a grammar in
# every process that validates a table. No schema of ours has an "iri" format.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def _package_path() -> Path:
    return paths.data_dir() / "datapackage.json"


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise DataError(f"cannot read the data package ({err})", file=paths.relative(Path(path))) from None


def package() -> dict:
    path = _package_path()
    if not path.is_file():
        raise DataError("not found: every table is described there", file=paths.relative(path))
    return _load(str(path), path.stat().st_mtime)


def resource(name: str) -> dict:
    for r in package().get("resources", []):
        if r.get("name") == name:
            return r
    raise DataError(f"no resource '{name}' in the data package", file=paths.relative(_package_path()))


def field_names(name: str) -> list[str]:
    """A table's columns, in order, as the data package describes them: the one list of them
    (``corpus.CATALOGUE_FIELDS``, ``figures.FIGURE_FIELDS``, ``funding.FIELDS`` … are read here)."""
    return [f["name"] for f in resource(name)["schema"]["fields"]]


def enum(name: str, field: str) -> list[str]:
    """The allowed values of a field, as the schema says."""
    for f in resource(name)["schema"]["fields"]:
        if f["name"] == field:
            return list(f.get("constraints", {}).get("enum", []))
    raise DataError(f"resource '{name}' has no field '{field}'", file=paths.relative(_package_path()))


def _message(error, cell: str, described: dict) -> str:
    note = getattr(error, "note", "") or ""
    if error.type == "type-error":
        kind = note.split('"')[1].split("/")[0] if '"' in note else "valid"
        return f"'{cell}' is not {'an' if kind[0] in 'aeiou' else 'a'} {kind}"
    if error.type in ("unique-error", "primary-key"):
        return f"duplicate '{cell}' (once per table)"
    if error.type == "constraint-error" and note.startswith('constraint "'):
        constraint, value = note.split('"')[1], note.split('"')[3]
        if constraint == "required":
            return "is empty"
        if constraint == "enum":
            allowed = ast.literal_eval(value)
            return f"'{cell}' is not allowed; expected one of {', '.join(str(a) for a in allowed)}"
        if constraint in ("minimum", "maximum"):
            return f"{cell} is {'below the minimum' if constraint == 'minimum' else 'above the maximum'} {value}"
        if constraint == "pattern":
            what = described.get(getattr(error, "field_name", ""), "")
            return f"'{cell}' is not of the required form" + (f": {what}" if what else "") + f" (pattern {value})"
        return f"'{cell}' breaks the constraint {constraint} = {value}"
    return note or error.message


def _key_values(name: str) -> set[str]:
    """The primary key values of a one-column-key resource, read from its file."""
    r = resource(name)
    key = r["schema"].get("primaryKey")
    key = key[0] if isinstance(key, list) else key
    path = paths.data_dir() / r["path"]
    if not path.is_file():
        raise DataError(f"not found (resource '{name}' of the data package)", file=paths.relative(path))
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {row.get(key, "") for row in csv.DictReader(f)}


def check_rows(name: str, numbered_rows: list[tuple[int, dict]], where: str, label: str | tuple = "",
               foreign_keys: bool = True) -> None:
    """``_check`` once per content: rows that passed are recorded by a hash of the rows, of the
    data package and of the tables their foreign keys reference, and not checked again until
    one of them changes (frictionless costs about half a second in each process)."""
    key = _cache_key(name, numbered_rows, foreign_keys)
    checked = _checked()
    if key in checked:
        return
    _check(name, numbered_rows, where, label, foreign_keys)
    checked.put(key, True)


def _check(name: str, numbered_rows: list[tuple[int, dict]], where: str, label: str | tuple = "",
           foreign_keys: bool = True) -> None:
    """Check rows (``(row number, row)`` pairs of the file ``where``) against the schema of the
    data package's resource ``name``; the first error is a ``DataError`` naming the row (with
    the value of its ``label`` field, or fields) and the field. Columns the schema does not describe are
    ignored (review files carry a few of their own)."""
    from frictionless import Resource, Schema

    if not numbered_rows:
        return
    descriptor = dict(resource(name)["schema"])
    fks = descriptor.pop("foreignKeys", [])
    fields = [f["name"] for f in descriptor["fields"]]
    data = [fields] + [[row.get(f, "") or "" for f in fields] for _, row in numbered_rows]
    report = Resource(data=data, schema=Schema.from_descriptor(descriptor)).validate()

    def fail(index: int, field: str, message: str):
        n, row = numbered_rows[index]
        labels = (label,) if isinstance(label, str) else label
        ident = " ".join(str(row.get(name_) or f"no {name_}") for name_ in labels if name_)
        raise DataError(message, file=where, row=f"{n} ({ident})" if ident else n, field=field)

    for error in report.tasks[0].errors:
        row_number = getattr(error, "row_number", None)
        if row_number is None:  # a problem with the table, not a row (should not happen: we build it)
            raise DataError(error.message, file=where)
        if error.type == "primary-key":  # a composite key: name its fields and values
            key = descriptor.get("primaryKey") or []
            key = [key] if isinstance(key, str) else key
            row = numbered_rows[row_number - 2][1]
            fail(row_number - 2, ", ".join(key),
                 f"duplicate {' and '.join(f'{k} {row.get(k)!r}' for k in key)} (once per table)")
        described = {f["name"]: f.get("description", "") for f in descriptor["fields"]}
        fail(row_number - 2, getattr(error, "field_name", "") or "",
             _message(error, str(getattr(error, "cell", "")), described))
    if not foreign_keys:
        return
    for fk in fks:
        columns = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        if len(columns) != 1:
            continue  # none of ours has a composite foreign key
        target = fk["reference"]["resource"]
        known = _key_values(target)
        for i, (_, row) in enumerate(numbered_rows):
            value = row.get(columns[0], "") or ""
            if value and value not in known:
                target_path = paths.relative(paths.data_dir() / resource(target)["path"])
                fail(i, columns[0], f"unknown {columns[0]} '{value}' (not in {target_path})")


# --- checked once per content ----------------------------------------------------------------
def _cache_path() -> Path:
    return paths.processed_dir() / ".schema-checked.json"


def _cache_key(name: str, numbered_rows: list[tuple[int, dict]], foreign_keys: bool) -> str:
    h = hashlib.sha256(name.encode())
    h.update(json.dumps(numbered_rows, sort_keys=True, ensure_ascii=False).encode())
    h.update(_package_path().read_bytes())
    if foreign_keys:
        for fk in resource(name)["schema"].get("foreignKeys", []):
            target = paths.data_dir() / resource(fk["reference"]["resource"])["path"]
            h.update(target.read_bytes() if target.is_file() else b"-")
    return h.hexdigest()


def _checked() -> HashCache:
    """The contents that passed (the 200 stored most recently: one per table and version of it)."""
    return HashCache(200, _cache_path())


def check_file(name: str, path: Path, numbered_rows: list[tuple[int, dict]], label: str | tuple = "",
               foreign_keys: bool = True) -> None:
    """``check_rows`` for the rows of a table file, named by its path."""
    check_rows(name, numbered_rows, paths.relative(Path(path)), label, foreign_keys)
