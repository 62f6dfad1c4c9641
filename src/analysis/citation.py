"""How to cite the suite: ``CITATION.cff`` at the project's root (Citation File Format 1.2.0)
is the one place that says it; the landing page shows it as one line, with the commit the
reports were built from."""

from __future__ import annotations

from pathlib import Path

import yaml

from analysis import paths

__all__ = ["citation_path", "load", "line"]


def citation_path() -> Path:
    return paths.project_root() / "CITATION.cff"


def load(path: Path | None = None) -> dict:
    """The citation metadata, or {} when the project has no CITATION.cff."""
    path = Path(path) if path else citation_path()
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.is_file() else {}


def line(meta: dict, commit: str | None = None) -> str:
    """One reference in the APA-like form cffconvert writes ("Authors (year). Title (version v)."),
    followed by the commit when there is one; "" without metadata."""
    if not meta:
        return ""
    authors = ", ".join(a.get("name") or " ".join(p for p in (a.get("given-names"), a.get("family-names")) if p)
                        for a in meta.get("authors", []))
    year = str(meta.get("date-released", ""))[:4]
    text = f"{authors} ({year}). {meta.get('title', '')}" + (f" (version {meta['version']})" if meta.get("version") else "")
    return text + (f", commit {commit[:12]}." if commit else ".")
