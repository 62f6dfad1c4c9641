"""Notebook parameters: declared in the papermill ``parameters`` cell, checked
before any kernel starts.

A parameter is a line ``name = literal  # comment`` in the cell tagged
``parameters``. Its type is the type of the literal. The comment may declare
what is allowed (several declarations are separated by ``;``):

- ``allowed: en, zh``          one of these values
- ``allowed: all, <regions>``  ``<regions>``/``<documents>`` expand to the catalogue's region codes / doc ids,
  ``<indicators>`` to the indicator codebook's codes
- ``each of: all, <regions>``  a comma-separated list, each item one of these
- ``range: 1..50``             a number within bounds (inclusive)

The rest of the comment is help text. papermill's own ``inspect_notebook`` reads
the same cell, but importing papermill takes over a second, which would spoil the
"no-change run in about a second" of the runner; hence this small reader.
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import re
import tokenize
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from analysis import paths
from analysis.cache import HashCache
from analysis.errors import ParameterError, UserError
from analysis.files import input_files, package_hash

__all__ = ["Parameter", "read_parameters", "resolve", "format_parameters"]

_TYPE_NAMES = {str: "str", int: "int", float: "float", bool: "bool", list: "list", type(None): "none"}


@dataclass
class Parameter:
    name: str
    default: object
    type: str
    help: str = ""
    allowed: list | None = None  # one of
    each_of: list | None = None  # comma-separated list, each item one of
    low: float | None = None
    high: float | None = None
    dynamic: list[str] = field(default_factory=list)  # <regions>, <documents> placeholders used

    def describe(self) -> str:
        if self.allowed is not None:
            return "one of " + ", ".join(map(str, self.allowed))
        if self.each_of is not None:
            return "comma-separated, each one of " + ", ".join(map(str, self.each_of))
        if self.low is not None:
            return f"{self.type} from {_num(self.low)} to {_num(self.high)}"
        return self.type


def _num(x: float | None) -> str:
    if x is None:
        return "none"
    return str(int(x)) if float(x).is_integer() else str(x)


def _parameters_cell(nb: dict, where: str) -> str:
    cells = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"
             and "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise UserError(f"expected one code cell tagged 'parameters', found {len(cells)}", file=where)
    src = cells[0]["source"]
    return "".join(src) if isinstance(src, list) else src


def _derived_values(kind: str) -> list:
    """The indicators, or the years the targets are for, remembered by a hash of what they come
    from (the catalogue, the curated tables, the package's code: drafts depend on nothing
    else), so that checking parameters imports neither pandas nor the figures module when
    nothing changed."""
    h = hashlib.sha256(kind.encode())
    for f in input_files(["data/raw/policies/catalogue.csv", "data/curated/**/*"]):
        h.update(str(f).encode() + b"\0" + f.read_bytes())
    h.update(package_hash().encode())
    key = h.hexdigest()
    cache = HashCache(20, paths.processed_dir() / ".parameter-values.json")
    if key in cache:
        return cache.get(key)
    # imported here for start-up speed: only when the values are not remembered (pandas and the data modules)
    from analysis import figures, inuse

    values = list(figures.load_indicators()) if kind == "indicators" else inuse.target_years()
    cache.put(key, values)
    return values


def catalogue_values(kind: str) -> list[str]:
    from analysis import corpus

    if kind in ("indicators", "target_years"):
        return _derived_values(kind)
    docs = corpus.load_catalogue()
    if kind == "regions":
        return list(dict.fromkeys(d.region for d in docs))
    return [d.doc_id for d in docs]


def _expand(items: list[str], decl: Parameter) -> list:
    out: list = []
    for item in items:
        m = re.fullmatch(r"<(regions|documents|indicators|target_years)>", item)
        if m:
            decl.dynamic.append(m.group(1))
            out.extend(catalogue_values(m.group(1)))
        elif re.fullmatch(r"-?\d+", item):
            out.append(int(item))
        else:
            out.append(item)
    return list(dict.fromkeys(out))


def _parse_comment(comment: str, decl: Parameter) -> None:
    help_parts = []
    for part in (p.strip() for p in comment.split(";")):
        m = re.match(r"(allowed|each of)\s*:\s*(.+)$", part)
        r = re.match(r"range\s*:\s*(-?[\d.]+)\s*\.\.\s*(-?[\d.]+)$", part)
        if m:
            values = _expand([v.strip() for v in m.group(2).split(",") if v.strip()], decl)
            if m.group(1) == "allowed":
                decl.allowed = values
            else:
                decl.each_of = values
        elif r:
            decl.low, decl.high = float(r.group(1)), float(r.group(2))
        elif part:
            help_parts.append(part)
    decl.help = "; ".join(help_parts)


def read_parameters(path: Path) -> dict[str, Parameter]:
    """The parameters declared by a notebook, in order."""
    where = str(path)
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError("notebook not found", file=where) from None
    except json.JSONDecodeError as err:
        raise UserError(f"not a notebook (invalid JSON at line {err.lineno})", file=where) from None
    source = _parameters_cell(nb, where)
    comments = {}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            comments[tok.start[0]] = tok.string.lstrip("#").strip()
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise UserError(f"parameters cell does not parse: {err.msg} (line {err.lineno})", file=where) from None
    out: dict[str, Parameter] = {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if not isinstance(target, ast.Name) or node.value is None:
                continue
            try:
                default = ast.literal_eval(node.value)
            except ValueError:
                raise UserError(f"parameter '{target.id}' must have a literal default", file=where) from None
            decl = Parameter(target.id, default, _TYPE_NAMES.get(type(default), type(default).__name__))
            _parse_comment(comments.get(node.lineno, ""), decl)
            out[decl.name] = decl
    return out


def _coerce(decl: Parameter, value: object, where: str) -> object:
    """A value given as text on the command line (or already typed, from YAML) -> the parameter's value."""
    text = value if isinstance(value, str) else json.dumps(value) if not isinstance(value, (int, float)) else str(value)

    def bad(expected: str):
        raise ParameterError(f"parameter '{decl.name}' of {where}: {text!r} is not {expected}")

    if decl.allowed is not None:
        for option in decl.allowed:
            if str(option) == text or option == value:
                return option
        bad("allowed; expected one of " + ", ".join(map(str, decl.allowed)))
    if decl.each_of is not None:
        items = [v.strip() for v in text.split(",") if v.strip()]
        unknown = [v for v in items if v not in map(str, decl.each_of)]
        if not items or unknown:
            bad("allowed; expected a comma-separated list of " + ", ".join(map(str, decl.each_of)))
        return ",".join(items)
    result: object
    if decl.type == "int":
        if isinstance(value, bool) or not re.fullmatch(r"-?\d+", text.strip()):
            bad("an integer")
        result = int(text)
    elif decl.type == "float":
        try:
            result = float(text)
        except ValueError:
            bad("a number")
    elif decl.type == "bool":
        if text.lower() not in ("true", "false", "1", "0", "yes", "no"):
            bad("true or false")
        return text.lower() in ("true", "1", "yes")
    elif decl.type == "none":
        result = None if text.lower() in ("none", "null", "") else text
        if result is not None:
            try:
                result = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                result = text
        return result
    elif decl.type == "list":
        try:
            result = ast.literal_eval(text) if text.strip().startswith("[") else [v.strip() for v in text.split(",")]
        except (ValueError, SyntaxError):
            bad("a list")
        return result
    else:
        result = text
    if decl.low is not None and not decl.low <= result <= decl.high:  # type: ignore[operator]  # a number here
        bad(f"within {_num(decl.low)}..{_num(decl.high)}")
    return result


def resolve(declared: dict[str, Parameter], given: Mapping[str, object], where: str) -> dict[str, object]:
    """Check ``given`` against the declarations; return the typed values (only those given)."""
    unknown = [name for name in given if name not in declared]
    if unknown:
        raise ParameterError(f"{where} has no parameter {', '.join(map(repr, unknown))}; "
                             f"its parameters are: {', '.join(declared) or '(none)'}")
    return {name: _coerce(declared[name], value, where) for name, value in given.items()}


def format_parameters(declared: dict[str, Parameter]) -> str:
    """The table printed by ``python -m analysis params NOTEBOOK``."""
    rows = [("name", "type", "default", "allowed", "help")]
    for d in declared.values():
        rows.append((d.name, d.type, repr(d.default), d.describe() if d.describe() != d.type else "", d.help))
    widths = [max(len(str(r[i])) for r in rows) for i in range(4)]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(r[:4], widths, strict=False)) + "  " + r[4] for r in rows).rstrip()
