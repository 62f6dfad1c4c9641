"""Reading the project's hand-edited files: one place for CSV tables (``read_rows``) and one for
YAML files (``read_yaml``), so that a file cut short, garbled or saved in another encoding is
one line naming the file, the row (or line) and the field, never a KeyError or an
``AttributeError: 'NoneType'`` later.

What a damaged file looks like, and what is said:
- cut mid-row: the file does not end with a line break (a spreadsheet, an editor and our own
  writers always end it with one), so its last row is refused as cut short, whatever its field
  count; a cut inside a quoted field is an unclosed quote;
- a missing or an extra field: a row with fewer or more fields than the header;
- an unclosed quote: the row where the quoted field starts, and the field;
- another encoding: the row (line) of the first byte that is not UTF-8;
- an empty file: said so.
Types, enums, keys and ranges are the data package's to check (``analysis.schema``); the shape of
a YAML file is a small nested description passed by its loader (``YamlShape``).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from analysis import paths
from analysis.errors import DataError

__all__ = ["read_rows", "read_yaml", "decode", "Required"]


def decode(path: Path, what: str = "") -> str:
    """The text of a UTF-8 file (with or without a byte-order mark); DataError naming the file
    and the line of the first byte that is not UTF-8 if it is in another encoding, or if empty."""
    where = paths.relative(path)
    if not Path(path).is_file():
        raise DataError(f"{what} not found" if what else "not found", file=where)
    data = Path(path).read_bytes()
    if not data.strip():
        raise DataError("the file is empty", file=where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        csv_file = Path(path).suffix == ".csv"
        row, field = _locate(data[:err.start].decode("utf-8-sig", "replace")) if csv_file else (None, None)
        if err.reason == "unexpected end of data":  # the last character is cut: so is the file
            raise DataError(f"the file ends in the middle of a character (byte {err.start}, line {line}): cut short?",
                            file=where, row=row, field=field) from None
        raise DataError(f"not UTF-8 (byte {err.start}, line {line}); save it as {'CSV UTF-8' if csv_file else 'UTF-8'}",
                        file=where, row=row, field=field) from None


def _locate(prefix: str) -> tuple[int | None, str | None]:
    """The row and field of a CSV file where ``prefix`` (the file's text up to a point) ends."""
    rows = list(csv.reader(io.StringIO(prefix, newline="")))
    if len(rows) < 2:  # in the header
        return None, None
    header, last = rows[0], rows[-1]
    return len(rows) - 1, header[min(len(last), len(header)) - 1] if last else header[0]


def _unclosed_field(line: str, fields: list[str]) -> str:
    """The field whose quote opens on ``line`` (a CSV row's first physical line) and is not closed there."""
    index, quoted, start = 0, False, True
    for i, ch in enumerate(line):
        if quoted:
            if ch == '"':
                if line[i + 1:i + 2] == '"':
                    continue
                quoted = False
        elif ch == '"' and start:
            quoted = True
        elif ch == ",":
            index += 1
            start = True
            continue
        start = False
    return fields[index] if index < len(fields) else f"field {index + 1}"


def read_rows(path: Path, required: list[str], what: str = "") -> list[dict]:
    """The rows of a UTF-8 CSV file (with or without a byte-order mark, LF or CRLF) as dicts;
    DataError if it is missing, empty, not UTF-8, lacks a required column, or a row is cut
    short, has a field too few or too many, or opens a quote it never closes."""
    where = paths.relative(path)
    text = decode(path, what)
    # newline="": a spreadsheet's CRLF line endings and line breaks inside quoted fields read as given
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    lines = re.split(r"\r\n|\r|\n", text)  # as the csv module counts lines (not str.splitlines, which splits at U+2028)
    try:
        header = next(reader)
    except csv.Error as err:
        raise DataError(f"the header is not valid CSV ({err})", file=where) from None
    missing = [c for c in required if c not in header]
    if missing:
        raise DataError(f"missing column(s) {', '.join(missing)}", file=where, field=missing[0])
    rows: list[dict] = []
    line_num = reader.line_num
    while True:
        first_line = line_num + 1  # where the next row starts
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            field = _unclosed_field(lines[first_line - 1] if first_line <= len(lines) else "", header)
            raise DataError(f"a quote opened in this row is not closed where it should be ({err}); "
                            "every quoted field ends with a quote before the next comma or line end",
                            file=where, row=len(rows) + 1, field=field) from None
        line_num = reader.line_num
        if not fields:
            continue  # a blank line
        n = len(rows) + 1
        if len(fields) < len(header):
            raise DataError(f"the row has {len(fields)} of the header's {len(header)} fields (cut short, or a "
                            "field or its comma missing)", file=where, row=n, field=header[len(fields)])
        if len(fields) > len(header):
            raise DataError(f"the row has {len(fields)} fields, the header {len(header)} (an extra field, or a "
                            "comma outside quotes)", file=where, row=n, field=header[-1])
        rows.append(dict(zip(header, fields, strict=True)))
    if not text.endswith(("\n", "\r")):
        raise DataError("the file ends inside this row, without a line break: cut short? (if the row is whole, "
                        "end the file with a line break)", file=where, row=len(rows) or None, field=header[-1] if rows else None)
    return rows


class Required:
    """A key a YAML mapping must have: ``{"name": Required(str)}``."""

    def __init__(self, shape):
        self.shape = shape


def _kind(shape) -> str:
    if isinstance(shape, dict):
        return "a mapping"
    if isinstance(shape, list):
        return "a list"
    names = {str: "text", int: "a number", float: "a number", dict: "a mapping", list: "a list", bool: "true or false"}
    kinds = shape if isinstance(shape, tuple) else (shape,)
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def _check_shape(value, node, shape, where: str, path: str) -> None:
    """``value`` (as loaded) against ``shape``: a dict of keys (``Required`` ones must be there,
    no other key may), ``[item shape]``, a type or a tuple of types, or ``object`` (anything).
    ``node`` is the same value as composed by PyYAML, for its line."""
    import yaml

    def fail(message: str, at, field: str):
        raise DataError(message, file=where, line=at.start_mark.line + 1, field=field or None)

    if shape is object:
        return
    if isinstance(shape, dict):
        if not isinstance(value, dict) or not isinstance(node, yaml.MappingNode):
            fail(f"expected {_kind(shape)}", node, path)
        nodes = {k.value: (k, v) for k, v in node.value}
        for key, sub in shape.items():
            if isinstance(sub, Required) and key not in value:
                fail(f"missing '{key}'", node, f"{path}.{key}" if path else key)
        for key in value:
            name = f"{path}.{key}" if path else str(key)
            knode, vnode = nodes.get(str(key), (node, node))
            if str(key) not in shape:
                fail(f"unknown key '{key}'; expected one of {', '.join(shape)}", knode, name)
            sub = shape[str(key)]
            _check_shape(value[key], vnode, sub.shape if isinstance(sub, Required) else sub, where, name)
        return
    if isinstance(shape, list):
        if not isinstance(value, list) or not isinstance(node, yaml.SequenceNode):
            fail(f"expected {_kind(shape)}", node, path)
        for i, (item, inode) in enumerate(zip(value, node.value, strict=False), 1):
            _check_shape(item, inode, shape[0], where, f"{path}[{i}]")
        return
    kinds = shape if isinstance(shape, tuple) else (shape,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        fail(f"expected {_kind(shape)}, not {value!r}"[:200], node, path)


def read_yaml(path: Path, shape: object, what: str = ""):
    """A UTF-8 YAML file, its keys checked against ``shape`` (see ``_check_shape``); DataError
    naming the file, the line and the key if it is missing, empty, not UTF-8, not valid YAML
    (an unclosed quote), cut short (no line break at its end), has a key missing or an unknown one.
    Our own small checker rather than pydantic: the suite file is read by every ``analysis run``,
    whose no-change run takes 0.3 s, and pydantic's import alone costs a few tenths."""
    import yaml

    where = paths.relative(path)
    text = decode(path, what)
    # libyaml's loader when PyYAML has it (ten times faster: every `analysis run` reads the suite
    # file and both codebooks); one parse gives the nodes (their lines) and the values
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        value = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        key = _key_at(text, line)
        raise DataError(f"not valid YAML: {err.problem or err}" + (f" ({err.context})" if err.context else ""),
                        file=where, line=line, field=key) from None
    except yaml.YAMLError as err:
        raise DataError(f"not valid YAML: {str(err).splitlines()[0]}", file=where) from None
    finally:
        loader.dispose()
    if not text.endswith(("\n", "\r")):
        last = len(text.splitlines())
        raise DataError("the file ends inside this line, without a line break: cut short? (if the line is whole, "
                        "end the file with a line break)", file=where, line=last, field=_key_at(text, last))
    _check_shape(value, node, shape, where, "")
    return value


def _key_at(text: str, line: int | None) -> str | None:
    """The YAML key on ``line`` or the nearest line above it (for naming where a parse failed)."""
    if not line:
        return None
    lines = text.splitlines()
    for i in range(min(line, len(lines)) - 1, -1, -1):
        stripped = lines[i].strip().lstrip("- ")
        if ":" in stripped and not stripped.startswith("#"):
            return stripped.split(":", 1)[0].strip().strip("'\"") or None
    return None
