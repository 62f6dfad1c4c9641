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


__all__ = ["headline", "save_table", "searchable_table", "show", "tables_dir", "HEADLINE_KEY"]

HEADLINE_KEY = "analysis/headline"


def tables_dir() -> Path:
    """Where tables go: the runner's staging folder for the run; for a notebook executed by hand
    (JupyterLab, papermill, a benchmark) a scratch folder outside the project, so that only the
    runner ever writes into ``reports/`` and the manifest stays true to it."""
    import tempfile

    env = os.environ.get("ANALYSIS_TABLES_DIR")
    return Path(env) if env else Path(tempfile.gettempdir()) / "shuangchuang-tables"


def headline(text: str, documents: list[str] | None = None, lang: str = "en") -> None:
    """Show a one-line summary; the runner puts it on ``reports/index.html``. With
    ``documents`` (those the report rests on), it ends with how many of them a person has
    reviewed ("· 5 of 10 documents reviewed")."""
    from IPython.display import Markdown, display

    if documents is not None:
        from analysis import curation

        text = f"{text} · {curation.summary(list(documents), lang=lang)}"
    display(Markdown(f"**{text}**"), metadata={HEADLINE_KEY: text})


def _plain_decimal(x: float) -> str:
    # full precision (the shortest string that reads back as the same float), never 8.5e+07:
    # a paper's tables are built from these files, so the display rounds, the data does not
    import numpy as np

    return np.format_float_positional(x, unique=True, trim="-")


def save_table(frame, name: str) -> None:
    """Write ``frame`` to ``<tables>/<name>.csv`` (UTF-8, numbers as plain decimals at full
    precision). Returns nothing, so that a notebook cell ending with it shows no (temporary) path."""
    out = tables_dir() / f"{name}.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    frame.to_csv(tmp, index=False, lineterminator="\n", float_format=_plain_decimal)
    os.replace(tmp, out)


def show(frame) -> None:
    """Display a table with its cells in full (quotes and notes are not cut at 50 characters)."""
    import pandas as pd
    from IPython.display import display

    with pd.option_context("display.max_colwidth", None, "display.max_rows", 500):
        display(frame)


def searchable_table(frame, table_id: str, placeholder: str = "search…") -> None:
    """A table with a search box that filters its rows (a few lines of JavaScript with a fixed id,
    rather than a DataTables widget whose random ids would make reports differ run to run)."""
    import html

    from IPython.display import HTML, display

    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    display(HTML(
        f'<input type="search" placeholder="{html.escape(placeholder)}" style="width:20em;margin:.5em 0" '
        f"oninput=\"const q=this.value.toLowerCase();document.querySelectorAll('#{table_id} tbody tr')"
        f".forEach(r=>r.style.display=r.textContent.toLowerCase().includes(q)?'':'none')\">"
        f'<div style="max-height:32em;overflow:auto"><table id="{table_id}" class="dataframe">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"))
