"""The reports' landing page, ``reports/index.html``: every run with its parameters, status,
run time and headline, rendered from a jinja2 template (``templates/index.html.j2``) with
autoescaping, not assembled from Python strings.
"""

from __future__ import annotations

from pathlib import Path

from analysis.outputs import write_atomic

__all__ = ["index_rows", "render_index", "write_index"]

TEMPLATES = Path(__file__).parent / "templates"


def index_rows(reports: Path, manifest: dict) -> list[dict]:
    """One row per run of the manifest, with links only to outputs that exist."""
    rows = []
    for name, e in manifest.get("runs", {}).items():
        status = e.get("status", "")
        rows.append({
            "name": name, "status": status, "duration": float(e.get("duration_s", 0) or 0),
            "parameters": ", ".join(f"{k}={v!r}" for k, v in e.get("given", {}).items()) or "defaults",
            "html": f"html/{name}.html" if (reports / "html" / f"{name}.html").is_file() else "",
            "notebook": f"notebooks/{name}.ipynb" if (reports / "notebooks" / f"{name}.ipynb").is_file() else "",
            "headline": e.get("headline") or e.get("last_good_headline", ""),
            "note": e.get("message", "") if status == "failed" else "",
        })
    return rows


def render_index(reports: Path, manifest: dict) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      keep_trailing_newline=True)
    git = manifest.get("git", {})
    return env.get_template("index.html.j2").render(
        rows=index_rows(reports, manifest), git={"commit": str(git.get("commit")), "dirty": git.get("dirty")},
        python=manifest.get("python", ""))


def write_index(reports: Path, manifest: dict) -> None:
    write_atomic(reports / "index.html", render_index(reports, manifest).encode("utf-8"))
