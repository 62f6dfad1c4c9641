"""Links from a report's numbers to where they come from.

A number a document states links to its anchor in the source viewer
(``reports/documents/<doc>.html#f-<figure id>``, written by ``analysis.sourceview``), which
scrolls to the sentence and highlights it; a coded clause to ``#c-<clause id>``; a number
from the reference data shows its source and quote on hover and links to the source's URL;
a region's name links to its profile.

The link and the anchor are decided by one function, ``figure_problem``: a figure whose
quote is no longer at its offsets of the cleaned text (the corpus was re-cleaned with other
rules), or whose document is not in the catalogue, gets no anchor in the viewer and a link
marked broken with the reason in the report (the report still renders). The site's link
check (``analysis.site``) lists them with any link whose target is missing, and
``python -m analysis verify`` fails on them.

Cells are ``Link`` values: they print as their text (a CSV keeps the number), and
``report.show`` renders them as anchors through markupsafe (jinja2's escaping), not
hand-built strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from analysis import draftfiles, figures, paths
from analysis.i18n import Text
from analysis.safehtml import safe_url
from analysis.segments import document_of
from analysis.tables import read_rows

__all__ = ["Link", "DOCUMENTS", "figure_anchor", "clause_anchor", "document_href", "figure", "clause", "reference",
           "region", "figure_problem", "figure_row"]

DOCUMENTS = "documents"  # the source viewer's folder under reports/


@dataclass(frozen=True)
class Link:
    """A table cell that links somewhere: ``href`` (relative to the page), ``title`` (shown on
    hover), ``broken`` (why there is no link; the cell is marked), ``value`` (the number, as the
    anchor it points to also carries it, so a reader or a test can check the two agree)."""
    text: str
    href: str = ""
    title: str = ""
    broken: str = ""
    value: str = ""
    kind: str = ""  # figure, clause, reference, region, document

    def __str__(self) -> str:
        return self.text

    def html(self) -> Markup:
        if self.broken:
            return Markup('<span class="link-broken" data-kind="{}" data-reason="{}" title="{}">{} ⚠</span>').format(
                self.kind, self.broken, f"broken link: {self.broken}", self.text)
        href = safe_url(self.href)  # a link from data is followed only when http(s) or relative
        if not href:
            return Markup('<span title="{}">{}</span>').format(self.title, self.text) if self.title else \
                Markup("{}").format(self.text)
        external = href.startswith(("http://", "https://"))
        return Markup('<a class="link-{}" href="{}"{}{}{}>{}</a>').format(
            self.kind or "plain", href,
            Markup(' title="{}"').format(self.title) if self.title else "",
            Markup(' data-value="{}"').format(self.value) if self.value else "",
            Markup(' rel="noopener" target="_blank"') if external else "", self.text)


def figure_anchor(figure_id: str) -> str:
    return f"f-{figure_id}"


def clause_anchor(clause_id: str) -> str:
    return f"c-{clause_id}"


def document_href(doc_id: str, anchor: str = "", depth: int = 1) -> str:
    """From a page ``depth`` folders below ``reports/`` (a report in ``html/``: 1)."""
    return "../" * depth + f"{DOCUMENTS}/{doc_id}.html" + (f"#{anchor}" if anchor else "")


def _value_text(value) -> str:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return ""
    return f"{v:.12g}"


@lru_cache(maxsize=4)
def _curated(key: tuple) -> dict[str, dict]:
    return {row["figure_id"]: {**row, "status": "reviewed"}
            for row in read_rows(paths.curated_dir() / "figures.csv", ["figure_id", "doc_id", "quote"], "figures table")}


@lru_cache(maxsize=64)
def _drafted(doc_id: str, key: tuple) -> dict[str, dict]:
    try:
        drafted = draftfiles.read("figures", [doc_id])
    except Exception:  # no drafts (a project without the processed corpus): curated rows only
        return {}
    return {row["figure_id"]: {**row, "status": "draft"} for row in drafted.to_dict("records")}


def figure_row(figure_id: str) -> dict | None:
    """The figure a link points to (curated, else drafted), by id: doc_id, quote and its
    offsets, mention, value; None when no figure table has it. A drafted figure is looked up
    in its own document's drafts only (its id is ``<doc>-d<offset>``), so that a report reads
    the drafts of the documents it links to, not the corpus' (issue 22)."""
    files = [paths.curated_dir() / "figures.csv", paths.catalogue_path(), paths.processed_dir() / "drafts" / "fingerprint.txt"]
    key = tuple((str(f), f.stat().st_mtime_ns if f.is_file() else 0) for f in files)
    row = _curated(key).get(figure_id)
    if row is not None:
        return row
    doc = figure_id.rsplit("-", 1)[0]
    return _drafted(doc, key).get(figure_id) if doc in _texts() else None


def figure_problem(row: dict, texts: Mapping[str, str]) -> str:
    """Why a figure cannot be anchored in its document's cleaned text, or "" when it can."""
    doc = row.get("doc_id", "")
    if doc not in texts:
        return f"its document {doc} is not in the catalogue"
    try:
        start, end = int(row["quote_start"]), int(row["quote_end"])
    except (KeyError, TypeError, ValueError):
        return "the figure has no quote offsets"
    if texts[doc][start:end] != row.get("quote", ""):
        return (f"its quote is no longer at {start}:{end} of the cleaned text of {doc} "
                "(the corpus was cleaned with other rules since it was curated; `python -m analysis figures check`)")
    return ""


def _texts() -> Mapping[str, str]:
    return figures._texts()


def figure(text: str, figure_id: str, depth: int = 1) -> Link:
    """``text`` linked to the sentence of the document that states figure ``figure_id``."""
    if not figure_id or figure_id != figure_id:  # None or NaN: nothing to link
        return Link(text)
    row = figure_row(figure_id)
    if row is None:
        return Link(text, broken=f"figure {figure_id} is in no figure table", kind="figure")
    problem = figure_problem(row, _texts())
    if problem:
        return Link(text, broken=f"figure {figure_id}: {problem}", kind="figure")
    return Link(text, href=document_href(row["doc_id"], figure_anchor(figure_id), depth),
                title=f"{figure_id} ({row['status']}): {row['quote']}", value=_value_text(row.get("value")), kind="figure")


def clause(text: str, clause_id: str, title: str = "", depth: int = 1) -> Link:
    doc = document_of(clause_id)
    if doc not in _texts():
        return Link(text, broken=f"clause {clause_id}: its document {doc} is not in the catalogue", kind="clause")
    return Link(text, href=document_href(doc, clause_anchor(clause_id), depth), title=title or clause_id, kind="clause")


def reference(text: str, source: str, url: str = "", quote: str = "") -> Link:
    """A value from the reference data: its source and quote on hover, its URL as the link."""
    title = source + (f": “{quote}”" if quote and quote == quote else "")
    url = url if isinstance(url, str) and url.startswith(("http://", "https://")) else ""
    return Link(text, href=url, title=title, kind="reference")


def region(code: str, name: str, lang: str = "en") -> Link:
    """A region's name linked to its profile (a report in the same folder), in the report's
    language (the suite's ``region_profile-zh`` sweep)."""
    report = f"region_profile-zh-{code}.html" if lang == "zh" else f"region_profile-{code}.html"
    return Link(name, href=report, title=Text(f"profile of {name}", f"{name}概况")(lang), kind="region")
