"""``reports/manifest.json``: what each run read and wrote (versions, data hashes, parameters,
output hashes), what decides a skip, and what ``verify`` checks by re-running.

A corrupt or foreign manifest is a one-line error naming it (exit 2), never silently emptied:
emptying it would throw away what decides the skips.
"""

from __future__ import annotations

import json
import platform
import subprocess
from pathlib import Path

from analysis import paths
from analysis.files import input_files, sha256_file, write_atomic

__all__ = ["MANIFEST", "git_state", "packages", "load", "write", "broken_links"]

MANIFEST = "manifest.json"


def git_state() -> dict:
    root = paths.project_root()
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                                timeout=10).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                                    capture_output=True, text=True, timeout=10).stdout.strip())
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "dirty": None}
    return {"commit": commit or None, "dirty": dirty if commit else None}


def packages() -> dict[str, str]:
    from importlib import metadata

    return dict(sorted((d.metadata["Name"].lower(), d.version) for d in metadata.distributions()
                       if d.metadata["Name"]))


def load(reports: Path) -> dict:
    """The manifest of ``reports``, or {} when there is none yet. A corrupt or foreign one is an
    error naming it: emptying it silently would throw away what decides the skips."""
    from analysis.errors import DataError

    path = reports / MANIFEST
    if not path.is_file():
        return {}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise DataError(f"not valid JSON ({err}); delete it to rebuild every report", file=paths.relative(path)) from None
    if not isinstance(manifest, dict) or manifest.get("generated_by") != "python -m analysis run" \
            or not isinstance(manifest.get("runs"), dict):
        raise DataError("not a manifest written by `python -m analysis run`; move it away or choose another "
                        "--reports-dir", file=paths.relative(path))
    return manifest


def write(reports: Path, manifest: dict, results: list, runs: list, package: str, lock: str, site=None) -> dict:
    """Record the runs that ran (a failed run keeps its last good outputs) beside the others.
    ``site``, given the new manifest, builds the site around the reports and returns what to
    record of it (``analysis.site.build``): its broken links are part of the record."""
    entries = dict(manifest.get("runs", {}))
    for r in results:
        if r.status == "skipped":
            continue
        entry = {
            "notebook": paths.relative(r.run.notebook), "parameters": r.run.all_parameters(),
            "given": r.run.parameters, "status": r.status, "duration_s": round(r.duration, 2),
            "fingerprint": r.fingerprint if r.status == "done" else "", "headline": r.headline,
            "outputs": r.outputs, "message": r.message, "title": getattr(r, "title", ""), "inputs": r.inputs if r.status == "done" else {},
        }
        if r.status == "failed" and r.run.name in entries:  # the last good outputs are still in place
            entry["outputs"] = entries[r.run.name].get("outputs", {})
            entry["last_good_headline"] = entries[r.run.name].get("headline", "")
        entries[r.run.name] = entry
    inputs = sorted({g for r in runs for g in r.inputs})
    new = {
        "generated_by": "python -m analysis run",
        "git": git_state(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": packages(),
        "analysis_package_sha256": package,
        "requirements_lock_sha256": lock,
        "data": {paths.relative(p): sha256_file(p) for p in input_files(inputs)},
        "runs": dict(sorted(entries.items())),
    }
    if site is not None:
        new["site"] = site(new)
    write_atomic(reports / MANIFEST, (json.dumps(new, indent=2, ensure_ascii=False, default=str) + "\n").encode())
    return new


def broken_links(manifest: dict) -> list[str]:
    """The site's broken links the manifest records, one line each; the same link repeated on
    a page (a region named in every row) is one line with its count."""
    from collections import Counter

    counts = Counter(f"{b['page']}: {b['text']}: {b['reason']}" for b in manifest.get("site", {}).get("broken_links", []))
    return [line + (f" (×{n})" if n > 1 else "") for line, n in counts.items()]
