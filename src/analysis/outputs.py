"""A run's outputs: normalised so that two runs of the same inputs give the same bytes (no
timings, stable cell ids, the parameters shown), rendered to HTML by nbconvert, and written
atomically (a temporary file renamed into place: a reader never sees half a file).
"""

from __future__ import annotations

import html
from pathlib import Path

from analysis.i18n import Text

HEADLINE_KEY = "analysis/headline"  # the metadata key of a report's headline output (analysis.report)

__all__ = ["first_heading", "headline", "parameters_output", "normalise", "translate",
           "translation_file"]


def first_heading(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def headline(nb) -> str:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("metadata", {}).get(HEADLINE_KEY)
            if text:
                return str(text)
    return ""


def parameters_output(all_parameters: dict, given: set[str]) -> dict:
    import nbformat

    lang = "zh" if all_parameters.get("lang") == "zh" else "en"  # the table in the report's language
    words = [t(lang) for t in (Text("given", "给定"), Text("default", "默认"), Text("Parameters of this run", "本次运行的参数"),
                               Text("name", "名称"), Text("value", "值"))]
    rows = "".join(
        f"<tr><td><code>{html.escape(k)}</code></td><td><code>{html.escape(repr(v))}</code></td>"
        f"<td>{words[0] if k in given else words[1]}</td></tr>"
        for k, v in all_parameters.items())
    table = (f'<table class="parameters"><caption>{words[2]}</caption>'
             f"<thead><tr><th>{words[3]}</th><th>{words[4]}</th><th></th></tr></thead><tbody>{rows}</tbody></table>")
    plain = "\n".join(f"{k} = {v!r}" for k, v in all_parameters.items())
    return nbformat.v4.new_output("display_data", data={"text/html": table, "text/plain": plain})


def translation_file(notebook: Path, lang: str) -> Path:
    """Where a notebook's prose in ``lang`` is: ``notebooks/i18n/<lang>/<stem>.yml``."""
    return Path(notebook).parent / "i18n" / lang / f"{Path(notebook).stem}.yml"


def translate(nb, notebook: Path, lang: str) -> int:
    """Put the notebook's prose in ``lang`` in place of the English (markdown cells by id, from
    ``translation_file``); returns how many cells were translated. Code, and what code prints,
    is the package's to translate (``lang`` parameters)."""
    path = translation_file(notebook, lang)
    if lang == "en" or not path.is_file():
        return 0
    import yaml

    text = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    done = 0
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.get("id") in text:
            cell.source = str(text[cell.id])
            done += 1
    return done


def normalise(nb, all_parameters: dict, given: set[str]) -> None:
    """Remove what differs between two runs of the same inputs; show the parameters used."""
    pm = nb.metadata.get("papermill", {})
    nb.metadata["papermill"] = {"parameters": pm.get("parameters", {}),
                                "default_parameters": pm.get("default_parameters", {})}
    nb.metadata.pop("widgets", None)
    target = findings = None
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags:
            cell.id = "injected-parameters"
            target = cell
        elif "parameters" in tags and target is None:
            target = cell
        elif "findings" in tags and findings is None:
            findings = cell
    if target is not None and target.cell_type == "code":
        if findings is not None:  # findings first: the parameters follow what the report found
            target.outputs = []
            findings.outputs.append(parameters_output(all_parameters, given))
        else:
            target.outputs = [parameters_output(all_parameters, given)]
