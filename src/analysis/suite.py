"""The suite file (``notebooks/suite.yml``): which notebooks run, with which parameters.

An entry names a notebook and optionally a ``name`` for its reports (default: the
notebook's file name without extension), ``parameters`` (one run), ``sweep``
(one run per value: a list, or ``<regions>`` / ``<documents>`` for the
catalogue's), ``timeout`` in seconds and ``inputs`` (globs of the data files it
reads, relative to the project root; they decide when a run is out of date). ``slice: region``
says that a run reads only the slice of those files of the region its parameter ``region``
names (``analysis.slices``): rows of other regions do not make it out of date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis import inputs, paths
from analysis.errors import UserError
from analysis.params import Parameter, catalogue_values, read_parameters, resolve
from analysis.tables import read_yaml

__all__ = ["Run", "load_suite", "plan", "DEFAULT_INPUTS"]

DEFAULT_INPUTS = ["data/raw/**/*", "data/curated/**/*", "data/external/**/*"]
DEFAULT_TIMEOUT = 600


@dataclass
class Run:
    name: str  # the report's name: notebook stem, sweep value, overrides
    notebook: Path
    parameters: dict  # typed values given to papermill (defaults are the notebook's own)
    declared: dict[str, Parameter] = field(repr=False, default_factory=dict)
    timeout: float = DEFAULT_TIMEOUT
    inputs: list[str] = field(default_factory=lambda: list(DEFAULT_INPUTS))
    slice: str = ""  # the parameter naming the region whose slice of ``inputs`` the run reads ("": all of them)

    def region(self) -> str | None:
        """The region whose slice of the data this run reads; None for a run that reads all of it."""
        return str(self.all_parameters()[self.slice]) if self.slice else None

    def all_parameters(self) -> dict:
        """Every parameter with the value this run uses (default or given)."""
        return {name: self.parameters.get(name, d.default) for name, d in self.declared.items()}


def _slug(value: object) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "_", str(value)).strip("_") or "x"


def load_suite(path: Path) -> list[dict]:
    where = paths.relative(path)
    data = read_yaml(Path(path), inputs.SUITE, "suite file")
    defaults = data.get("defaults", {}) or {}
    entries = []
    for n, entry in enumerate(data.get("notebooks", []) or [], 1):
        if not isinstance(entry, dict) or "notebook" not in entry:
            raise UserError("each entry needs a 'notebook'", file=where, row=n)
        unknown = set(entry) - {"notebook", "name", "parameters", "sweep", "timeout", "inputs", "slice"}
        if unknown:
            raise UserError(f"unknown key(s) {', '.join(sorted(unknown))}", file=where, row=n)
        merged = {**defaults, **entry}
        merged["notebook"] = (Path(path).parent / entry["notebook"]).resolve()
        merged.setdefault("inputs", list(DEFAULT_INPUTS))
        merged.setdefault("timeout", DEFAULT_TIMEOUT)
        merged.setdefault("parameters", {})
        entries.append(merged)
    if not entries:
        raise UserError("the suite lists no notebooks", file=where)
    return entries


def _sweep_values(spec, where: str) -> list:
    if isinstance(spec, str) and re.fullmatch(r"<(regions|documents|indicators|target_years)>", spec):
        return catalogue_values(spec.strip("<>"))
    if isinstance(spec, list):
        return spec
    raise UserError(f"sweep values must be a list or <regions>/<documents>/<indicators>/<target_years>, not {spec!r}",
                    file=where)


def _matches(entry: dict, selector: str) -> bool:
    """A selector is a run name (the entry's ``name``, else the notebook's stem), which picks
    that entry, or a notebook file (``x.ipynb``), which picks every entry of that notebook."""
    if selector.endswith(".ipynb"):
        return entry["notebook"] == Path(selector).resolve() or entry["notebook"].name == Path(selector).name
    return (entry.get("name") or entry["notebook"].stem) == selector


def plan(suite_path: Path | None = None, selected: list[str] | None = None,
         overrides: dict[str, str] | None = None, timeout: float | None = None) -> list[Run]:
    """The runs to execute, every parameter checked (no kernel started)."""
    suite_path = Path(suite_path or paths.project_root() / "notebooks" / "suite.yml")
    entries = load_suite(suite_path)
    inputs.check()  # a damaged table is one line now, not a traceback in a failed report later
    overrides = overrides or {}
    if selected:
        chosen: list[dict] = []
        for sel in selected:
            found = [e for e in entries if _matches(e, sel)]
            if not found:
                if Path(sel).suffix == ".ipynb" and Path(sel).is_file():  # a notebook outside the suite
                    found = [{"notebook": Path(sel).resolve(), "parameters": {}, "inputs": list(DEFAULT_INPUTS),
                              "timeout": DEFAULT_TIMEOUT}]
                else:
                    known = ", ".join(e["notebook"].name for e in entries)
                    raise UserError(f"no notebook {sel!r} in the suite; the suite has: {known}")
            chosen.extend(f for f in found if f not in chosen)
        entries = chosen
    runs: list[Run] = []
    for entry in entries:
        nb = entry["notebook"]
        stem = entry.get("name") or nb.stem
        where = paths.relative(nb)
        declared = read_parameters(nb)
        base = resolve(declared, entry.get("parameters", {}), where)
        given = resolve(declared, overrides, where)
        sweep = entry.get("sweep") or {}
        sliced = str(entry.get("slice") or "")
        if sliced and sliced not in declared:
            raise UserError(f"slice: {sliced!r} is not a parameter of {nb.name}", file=paths.relative(suite_path))
        if len(sweep) > 1:
            raise UserError("a sweep varies one parameter", file=paths.relative(suite_path))
        suffix = "".join(f"-{k}-{_slug(v)}" for k, v in sorted(given.items()))
        if sweep and not set(sweep) & set(given):
            (name, spec), = sweep.items()
            values = _sweep_values(spec, paths.relative(suite_path))
            for value in values:
                params = {**base, **resolve(declared, {name: value}, where), **given}
                runs.append(Run(f"{stem}-{_slug(value)}{suffix}", nb, params, declared,
                                float(timeout or entry["timeout"]), list(entry["inputs"]), sliced))
        else:
            runs.append(Run(f"{stem}{suffix}", nb, {**base, **given}, declared,
                            float(timeout or entry["timeout"]), list(entry["inputs"]), sliced))
    names = [r.name for r in runs]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise UserError(f"two runs would write the same report: {', '.join(dupes)}")
    return runs
