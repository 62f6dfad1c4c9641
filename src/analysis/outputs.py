"""A run's outputs: normalised so that two runs of the same inputs give the same bytes (no
timings, stable cell ids, the parameters shown), rendered to HTML by nbconvert, and written
atomically (a temporary file renamed into place: a reader never sees half a file).
"""

from __future__ import annotations

import hashlib
import html
import os
import tempfile
from functools import lru_cache
from pathlib import Path

_UMASK = os.umask(0o022)
os.umask(_UMASK)

__all__ = ["first_heading", "headline", "parameters_output", "normalise", "render_html", "write_atomic", "translate",
           "translation_file"]


def first_heading(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def headline(nb) -> str:
    from analysis.report import HEADLINE_KEY

    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("metadata", {}).get(HEADLINE_KEY)
            if text:
                return str(text)
    return ""


def parameters_output(all_parameters: dict, given: set[str]) -> dict:
    import nbformat

    zh = all_parameters.get("lang") == "zh"  # the table in the report's language
    words = ("给定", "默认", "本次运行的参数", "名称", "值") if zh else ("given", "default", "Parameters of this run", "name", "value")
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


@lru_cache(maxsize=2)
def _exporter(show_code: bool):
    """One exporter per worker (its templates compile once, not once a report)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="basic", exclude_input=not show_code, exclude_input_prompt=not show_code,
                        exclude_output_prompt=True)


def render_html(nb, stem: str, name: str, show_code: bool, lang: str = "en") -> str:
    """The report's page: nbconvert's ``basic`` template renders the cells (no styles or
    scripts of its own), the site's ``report.html.j2`` puts them in a page with the shared
    navigation, stylesheet and script (``reports/assets/``, written once for every page)."""
    from analysis import site

    title = first_heading(nb) or stem
    body, _ = _exporter(show_code).from_notebook_node(nb)
    from markupsafe import Markup

    return site.environment().get_template("report.html.j2").render(
        root="../", page=name, lang=lang, title=f"{title} ({name})", name=name, body=Markup(body))


def write_atomic(path: Path, data: bytes) -> str:
    """Write ``data`` to ``path`` through a temporary file of a unique name in the same folder,
    renamed into place (processes writing the same file at once never mix their bytes);
    returns the sha256 of the data."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes it private; a report is as readable as any file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return hashlib.sha256(data).hexdigest()
