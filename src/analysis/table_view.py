"""A table as a person reads it (issue 23): the columns that carry meaning, nothing empty.

- a column empty on every row is left out;
- ``status``, ``flags``, ``implied`` and ``confidence`` become small badges on the row's key
  (a draft is marked, a reviewed row is not);
- quotes and notes leave the grid: the quote shows on hover over the row's key, and every
  such text is in the row's last cell, a ``<details>`` that opens on a click;
- rows a caller groups (targets that say only "unknown, no source") become one line per
  reason that opens to list them;
- the full table stays one click away (a ``<details>`` under the table) and in its CSV.

It works on the frame a table function made (cells formatted, ``Link``/``Text``/``Record``
values) and returns HTML; ``analysis.report.show`` displays it. Column names are matched in
both languages (``i18n.ZH``) since a Chinese table's columns are already translated.
"""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup, escape
from pandas.api.types import is_numeric_dtype

from analysis.i18n import ZH, Record, Text
from analysis.links import Link

__all__ = ["BADGES", "TEXTS", "cell_html", "html", "is_empty", "language", "readable", "to_html"]

BADGES = ("status", "flags", "implied", "confidence")
TEXTS = ("quote", "target_quote", "baseline_quote", "observed_quote", "note", "notes")
EMPTY = ("", "–", "-", "nan", "None", "<NA>")
# a badge's words: a reviewed row is the default and carries none
QUIET = {"reviewed", ZH["reviewed"], "False", "false", "0"}


def _names(words) -> dict[str, str]:
    """Column name (English or Chinese) -> its English name."""
    return {**{w: w for w in words}, **{ZH[w]: w for w in words if w in ZH}}


def is_empty(value) -> bool:
    if value is None or isinstance(value, (list, tuple, dict)):
        return value is None or len(value) == 0
    if isinstance(value, Link):
        return False
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        return False
    return str(value).strip() in EMPTY


def cell_html(value):
    """A cell as HTML: ``Link`` as its anchor, a person's words marked with their language,
    every other text escaped."""
    if isinstance(value, Link):
        return value.html()
    if isinstance(value, Record):  # a person's words in their language, marked as such
        return Markup('<span lang="{}">{}</span>').format(value.lang, value.text)
    if isinstance(value, Text):  # a table function should have picked the language; English is the default
        return escape(value.en)
    return escape(value) if isinstance(value, str) else value


def to_html(frame, table_id: str | None = None, classes: str = "") -> str:
    """The table as HTML, ``Link`` cells as anchors and every other text escaped: pandas'
    ``to_html`` escapes all or nothing, so cells are escaped here first."""
    shown = frame.copy()
    for col in shown.columns:
        if not is_numeric_dtype(shown[col]):  # object and str columns (pandas 3 stores text as str)
            shown[col] = shown[col].map(cell_html).astype(object)
    shown.index = _escaped_labels(shown.index)
    shown.columns = _escaped_labels(shown.columns)  # a pivot's columns are data too (regions, documents)
    with pd.option_context("display.max_colwidth", None):
        html = shown.to_html(escape=False, na_rep="", border=0, table_id=table_id,
                             classes=classes.split() if classes else None)
    # pandas aligns the header with an inline style, which the site's CSP refuses (site.css does it)
    return html.replace('<tr style="text-align: right;">', "<tr>")


def _escaped_labels(labels):
    names = [escape(n) if isinstance(n, str) else n for n in labels.names]
    if isinstance(labels, pd.MultiIndex):
        return pd.MultiIndex.from_tuples([tuple(cell_html(v) for v in t) for t in labels], names=names)
    if is_numeric_dtype(labels):
        return labels.set_names(names)
    return pd.Index([cell_html(v) for v in labels], name=names[0], dtype=object)


def _badge(name: str, value) -> Markup:
    if is_empty(value):
        return Markup("")
    text = str(value)
    if name == "implied":
        if text in QUIET:
            return Markup("")
        text = ZH["implied"] if text == ZH["implied"] else "implied"
    elif name == "confidence":
        try:
            text = f"{float(value):.2f}"
        except (TypeError, ValueError):
            pass
        return Markup('<span class="badge confidence" title="confidence">{}</span>').format(text)
    elif text in QUIET:
        return Markup("")
    kind = "draft" if name == "status" and ("draft" in text or ZH["draft"] in text) else name
    return Markup(" ").join(Markup('<span class="badge {}">{}</span>').format(kind, part.strip())
                            for part in text.replace(";", ",").split(",") if part.strip())


# characters: a longer cell gets a floor on its width (CSS .long, .longer), so that the table,
# squeezed into the page, does not make it one word a line (it scrolls sideways instead)
LONG, LONGER, LONGEST = 40, 100, 240


def _widened(value):
    n = len(str(value)) if isinstance(value, (Link, Record, Text, str)) else 0
    if n > LONG:
        return Markup('<span class="{}">{}</span>').format(
            "longest" if n > LONGEST else "longer" if n > LONGER else "long", cell_html(value))
    return value


def readable(frame: pd.DataFrame, lang: str = "en") -> tuple[pd.DataFrame, bool]:
    """The table's readable form and whether it differs from the full table (a column left
    out, a badge or a text moved)."""
    out = frame.copy()
    empty = [c for c in out.columns if out[c].map(is_empty).all()]
    out = out.drop(columns=empty)
    for c in out.columns:
        if not is_numeric_dtype(out[c]) and str(c) not in _names(TEXTS):
            out[c] = out[c].map(_widened).astype(object)
    badges = {c: n for c, n in ((c, _names(BADGES).get(str(c))) for c in out.columns) if n}
    texts = {c: n for c, n in ((c, _names(TEXTS).get(str(c))) for c in out.columns) if n}
    if not (empty or badges or texts) or out.empty:
        return out, bool(empty)
    keyed = not isinstance(out.index, pd.RangeIndex)
    keys = list(out.index) if keyed else list(out[out.columns[0]])
    new_keys = []
    more = []
    for i, key in enumerate(keys):
        row = out.iloc[i]
        marks = Markup(" ").join(b for b in (_badge(badges[c], row[c]) for c in badges) if b)
        quote = next((str(row[c]) for c in texts if "quote" in texts[c] and not is_empty(row[c])), "")
        key_html = cell_html(key)
        if quote:
            key_html = Markup('<span class="has-quote" title="{}">{}</span>').format(quote, key_html)
        new_keys.append(Markup("{} {}").format(key_html, marks) if marks else key_html)
        parts = [Markup("<p><b>{}</b> {}</p>").format(c, cell_html(row[c])) for c in texts if not is_empty(row[c])]
        label = Text("quote & note", "原文与备注")(lang) if parts else ""
        more.append(Markup('<details class="row-more"><summary>{}</summary>{}</details>').format(
            label, Markup("").join(parts)) if parts else "")
    out = out.drop(columns=list(badges) + list(texts))
    if keyed:
        out.index = pd.Index(new_keys, name=out.index.name, dtype=object)
    else:
        out[out.columns[0]] = pd.Series(new_keys, index=out.index, dtype=object)
    if any(more):
        out["⋯"] = pd.Series(more, index=out.index, dtype=object)
    return out, True


def language(frame: pd.DataFrame) -> str:
    """The language a table function made ``frame`` in: "zh" when its column names are Chinese."""
    names = [str(c) for c in frame.columns] + [str(n) for n in frame.index.names if n]
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for name in names for ch in name) else "en"


def _table(frame: pd.DataFrame, lang: str) -> tuple[Markup, bool]:
    shown, changed = readable(frame, lang)
    return Markup('<div class="table-wrap readable">{}</div>').format(Markup(to_html(shown, classes="readable"))), changed


def html(frame: pd.DataFrame, lang: str | None = None, group: pd.Series | None = None) -> Markup:
    """The readable table; rows with a ``group`` label (a Series on the frame's rows) folded
    into one line per label; the full table under it, one click away, when they differ."""
    lang = lang or language(frame)
    rows = frame
    folded = Markup("")
    if group is not None and group.notna().any():
        group = group.reindex(frame.index) if len(group) == len(frame) and group.index.equals(frame.index) else \
            pd.Series(list(group), index=frame.index)
        rows = frame[group.isna()]
        for label, members in frame[group.notna()].groupby(group[group.notna()], sort=False):
            table, _ = _table(members, lang)
            folded += Markup('<details class="row-group"><summary>{} ({})</summary>{}</details>').format(
                label, Text(f"{len(members)} row{'s' if len(members) != 1 else ''}", f"{len(members)} 行")(lang), table)
    main, changed = _table(rows, lang)
    out = main + folded
    if changed or len(folded):
        full = Markup('<div class="table-wrap">{}</div>').format(Markup(to_html(frame)))
        out += Markup('<details class="full-table"><summary>{}</summary>{}</details>').format(
            Text(f"full table (all {frame.shape[1]} columns)", f"完整表格(全部 {frame.shape[1]} 列)")(lang), full)
    return out
