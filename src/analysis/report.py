"""What a notebook calls to talk to the runner: a headline for the index page,
tables written as CSV (what a paper's tables come from), and tables shown in the
report.

The runner tells the kernel where tables go through ``ANALYSIS_TABLES_DIR``; run
by hand (in Jupyter), tables go to a scratch folder outside the project
(``$TMPDIR/shuangchuang-tables/``), never into ``reports/``.
"""

from __future__ import annotations

import os
from pathlib import Path

from analysis import latex, table_view
from analysis.files import csv_bytes, write_atomic
from analysis.i18n import Text
from analysis.outputs import HEADLINE_KEY
from analysis.table_view import to_html

__all__ = ["headline", "save_table", "searchable_table", "show", "table_href", "tables_dir", "to_html", "HEADLINE_KEY"]



def tables_dir() -> Path:
    """Where tables go: the runner's staging folder for the run; for a notebook executed by hand
    (JupyterLab, papermill, a benchmark) a scratch folder outside the project, so that only the
    runner ever writes into ``reports/`` and the manifest stays true to it."""
    import tempfile

    env = os.environ.get("ANALYSIS_TABLES_DIR")
    return Path(env) if env else Path(tempfile.gettempdir()) / "shuangchuang-tables"


def headline(text: str, documents: list[str] | None = None, lang: str = "en", own_drafts: bool = False) -> None:
    """Show a one-line summary; the runner puts it on ``reports/index.html``. With
    ``documents`` (those the report rests on), it ends with how many of them a person has
    reviewed ("· 5 of 10 documents reviewed") and, when the report uses drafts, how many
    ("· 12 drafts included", ``analysis.draft_selection``; with ``own_drafts``, only the drafts of
    ``documents``: a region profile's loaders read every region's drafts, its numbers rest on its own)."""
    from IPython.display import Markdown, display

    if documents is not None:
        from analysis import curation, draft_selection

        text = f"{text} · {curation.summary(list(documents), lang=lang)}"
        n = draft_selection.included(documents=list(documents) if own_drafts else None)
        if n:  # the drafts this report's numbers rest on (reviewed rows are not counted)
            text += Text(f" · {n} draft{'s' if n != 1 else ''} included", f" · 含 {n} 条草稿")(lang)
    display(Markdown(f"**{text}**"), metadata={HEADLINE_KEY: text})


def _plain_decimal(x: float) -> str:
    # full precision (the shortest string that reads back as the same float), never 8.5e+07:
    # a paper's tables are built from these files, so the display rounds, the data does not
    import numpy as np

    return np.format_float_positional(x, unique=True, trim="-")


def save_table(frame, name: str, lang: str = "en", caption: str = "", notes: str = "") -> None:
    """Write ``frame`` to ``<tables>/<name>.csv`` (UTF-8, numbers as plain decimals at full
    precision) and beside it ``<name>.tex`` (booktabs, rounded for reading, with ``caption`` and
    ``notes``: ``analysis.latex``); in a report the runner renders, show links to the files where
    the table is (``reports/tables/<run>/``). Returns nothing, so that a notebook cell ending
    with it shows no (temporary) path."""
    write_atomic(tables_dir() / f"{name}.csv", csv_bytes(frame, float_format=_plain_decimal))
    write_atomic(tables_dir() / f"{name}.tex", latex.table_latex(frame, name, caption, notes, lang))
    href = table_href(name)
    if href:  # under the runner: download links where the table is shown (run by hand: nothing)
        from IPython.display import display
        from markupsafe import Markup

        link = Markup('<p class="download"><a href="{}" download>⬇ {}.csv</a> ({}) · '
                      '<a href="{}" download>LaTeX</a></p>').format(
            href, name, Text("full precision", "完整精度")(lang), href[:-len(".csv")] + ".tex")
        display({"text/html": str(link), "text/plain": f"table: {name}.csv"}, raw=True)


def table_href(name: str) -> str:
    """Where a table saved with ``save_table(frame, name)`` is, seen from the report's page
    (``reports/html/``); "" for a notebook executed outside the runner (its tables go to a
    scratch folder)."""
    run = os.environ.get("ANALYSIS_RUN_NAME")
    return f"../tables/{run}/{name}.csv" if run else ""


def show(frame, group=None, lang: str | None = None) -> None:
    """Display a table as a person reads it (``analysis.table_view``: empty columns left out,
    statuses as badges, quotes on hover and in an expandable cell, the rows of ``group`` folded
    one line per label, the full table one click away), in a box that scrolls sideways when it
    is wider than the page."""
    import pandas as pd
    from IPython.display import display

    html = table_view.html(frame, lang, group)
    with pd.option_context("display.max_colwidth", None, "display.max_rows", 500):
        plain = frame.to_string()
    display({"text/html": str(html), "text/plain": plain}, raw=True)


def searchable_table(frame, table_id: str, placeholder: str = "search · 搜索") -> None:
    """A table with a search box that filters its rows (``assets/site.js`` wires every
    ``input.table-filter`` to the table it names; a fixed id, so that reports stay the same
    run to run, rather than a DataTables widget with random ids)."""
    from IPython.display import display
    from markupsafe import Markup

    shown, _ = table_view.readable(frame.reset_index(drop=True))  # columns that carry meaning, rows a few lines
    table = to_html(shown, table_id=table_id, classes="readable")
    html = Markup('<input type="search" class="table-filter" data-table="{}" placeholder="{}">'
                  '<div class="table-wrap tall">{}</div>').format(table_id, placeholder, Markup(table))
    display({"text/html": str(html), "text/plain": frame.to_string()}, raw=True)
