"""What decides whether a run's outputs are out of date: its fingerprint.

The notebook, its parameters, the analysis package's code, the lock file, the interpreter and
the installed versions of the libraries a kernel imports, and every data file the run reads
(``inputs`` in the suite file), or, for a run that reads one region's slice of them (``slice:
region``), the hashes of that slice (``analysis.slices``). ``explain`` says which of them changed
since the last run ("region yuhang: data/curated/figures.csv rows changed").
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
from pathlib import Path

from analysis import paths
from analysis.files import input_files, package_hash, sha256_file
from analysis.slices import Slices
from analysis.suite import Run

__all__ = ["sha256_file", "input_files", "package_hash", "lock_hash", "environment", "fingerprint_parts", "run_data", "digest",
           "fingerprint", "explain", "KERNEL_PACKAGES"]


def lock_hash() -> str:
    lock = paths.project_root() / "requirements.lock"
    return sha256_file(lock) if lock.is_file() else ""


# The libraries a kernel imports to make a report: a different version may make other
# numbers or other bytes (the universal lock resolves pandas 2.3 on Python 3.10 and 3.x on
# 3.11+), so they decide a re-run as the data do (owid/etl puts pandas' version in its checksum).
KERNEL_PACKAGES = ("pandas", "numpy", "scipy", "statsmodels", "matplotlib", "seaborn", "mplfonts", "opencc", "cn2an",
                   "jieba", "pyyaml", "charset-normalizer", "scikit-learn", "ipykernel", "nbclient", "nbformat",
                   "nbconvert", "papermill")


def environment() -> dict:
    """The interpreter and the versions of the kernel's libraries, as they are installed now."""
    from importlib import metadata

    def version(name: str) -> str:
        try:
            return metadata.version(name)  # one lookup each: 20x faster than listing every distribution
        except metadata.PackageNotFoundError:
            return "not installed"

    return {"interpreter": f"{sys.implementation.name} {platform.python_version()}",
            "packages": {name: version(name) for name in KERNEL_PACKAGES}}


def run_data(run: Run, slices: Slices | None = None) -> dict[str, str]:
    """The data a run reads, ``{label: sha256}``: every file of its ``inputs``, or its region's
    slice of them (``slices``: computed once for all the runs of a suite run)."""
    region = run.region()
    if region is None:
        return {paths.relative(p): sha256_file(p) for p in input_files(run.inputs)}
    return (slices or Slices()).region_data(region, run.inputs)


def fingerprint_parts(run: Run, show_code: bool, package: str, lock: str, env: dict,
                      slices: Slices | None = None) -> dict:
    """Everything that decides whether a run's outputs are out of date."""
    from analysis.outputs import translation_file

    translation = translation_file(run.notebook, str(run.all_parameters().get("lang", "en")))
    return {
        "notebook": sha256_file(run.notebook), "parameters": run.all_parameters(), "show_code": show_code,
        "translation": sha256_file(translation) if translation.is_file() else "",
        "package": package, "lock": lock, **env,
        "data": run_data(run, slices),
    }


def digest(parts: dict) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def fingerprint(run: Run, show_code: bool, package: str, lock: str, env: dict | None = None,
                slices: Slices | None = None) -> str:
    return digest(fingerprint_parts(run, show_code, package, lock, env if env is not None else environment(), slices))


def explain(run: Run, entry: dict | None, parts: dict, fp: str, reports: Path) -> str:
    """Why ``run`` would re-execute (or that it would not), from its manifest entry."""
    if not entry:
        return "never run into this reports folder"
    if entry.get("status") != "done":
        return "its last run failed"
    if entry.get("fingerprint") == fp:
        missing = [rel for rel, digest in entry.get("outputs", {}).items()
                   if not (reports / rel).is_file() or sha256_file(reports / rel) != digest]
        return f"an output is missing or changed: {', '.join(missing)}" if missing else "up to date: it would be skipped"
    old = entry.get("inputs")
    if not old:
        return "its manifest entry predates the recorded inputs"
    reasons = [f"{key} changed" for key in ("notebook", "translation", "parameters", "show_code", "package", "lock")
               if old.get(key) != parts.get(key)]
    labels = {"package": "the analysis package", "lock": "requirements.lock",
              "translation": "the notebook's translation (notebooks/i18n/)"}
    reasons = [labels.get(r.split()[0], r.split()[0]) + " changed" for r in reasons]
    if old.get("interpreter") != parts["interpreter"]:
        reasons.append(f"interpreter {old.get('interpreter')} -> {parts['interpreter']}")
    for name, version in parts["packages"].items():
        if old.get("packages", {}).get(name) != version:
            reasons.append(f"{name} {old.get('packages', {}).get(name)} -> {version}")
    before, now = old.get("data", {}), parts["data"]

    def what(label: str) -> str:  # a region's slice of a table is rows of it; a document's file is a file
        return f"{label} rows" if label.startswith("region ") and label.endswith(".csv") \
            and "/drafts/" not in label else label

    reasons += [f"{what(f)} changed" for f in sorted(set(before) & set(now)) if before[f] != now[f]]
    reasons += [f"{what(f)} added" for f in sorted(set(now) - set(before))]
    reasons += [f"{what(f)} removed" for f in sorted(set(before) - set(now))]
    return "would re-run: " + ("; ".join(reasons) if reasons else "its fingerprint changed")
