"""A web page saved as its HTML source (a browser's "Save page as", "view source" copied) -> the
text a reader of the page sees, as edits the cleaning applies with its map to the raw bytes.

Only a text that *is* HTML is touched (a doctype or an ``<html>`` tag, or at least
``_MIN_TAGS`` tags of a page's structure: ``<p>``, ``<div>``, ``<br>``, ``<tr>`` …): a plain text that mentions
``<p>``, or holds inline markup only (``<b>``, ``<img onerror=…>``, ``<script>``), is left alone and shown as text.
Then:

- scripts, styles, templates and comments are removed with their content;
- a block element's tag (``<p>``, ``<div>``, ``<br>``, ``<tr>``, ``<li>``, ``<h1>`` …) becomes a line
  break; in a table's row of two cells or more each cell's opening tag (``<td>``, ``<th>``) becomes
  ``|``, so that the row reads as a Markdown table's (the form ``table_grid`` reads); any other tag
  (a one-cell row's too: a page laid out in a table) nothing;
- a character reference (``&nbsp;``, ``&#49;``, ``&#x4E07;``, ``&gt;``) becomes its character
  (a no-break space a space), by the standard library's ``html.unescape``.

Why regular expressions and not ``html.parser`` or BeautifulSoup: the cleaning keeps, for every
character it outputs, the raw character it came from, and those parsers give no character spans
for end tags and character references. The expressions below follow the HTML syntax of tags
(quoted attribute values may hold ``>``) closely enough for saved pages; what they cannot parse
stays in the text, visible, rather than being guessed away.
"""

from __future__ import annotations

import html
import re

__all__ = ["is_html", "edits", "TRIM"]

# a page has structure: inline markup alone (<b>, <img>, <script> in a text) is a text that holds markup, shown as it is
_COMMON = r"(?:html|head|body|title|meta|div|p|br|table|tbody|thead|tr|td|th|li|ul|ol|h[1-6]|section|article)"
_COMMON_TAG = re.compile(r"</?" + _COMMON + r"\b[^<>]*>", re.I)
_DOCUMENT = re.compile(r"<!doctype\s+html|<html[\s>]", re.I)
_MIN_TAGS = 3

_HIDDEN = re.compile(r"<(script|style|template|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.I | re.S)
_DECLARATION = re.compile(r"<![A-Za-z][^>]*>|<\?[^>]*\?>")
_TAG = re.compile(r"</?(?P<name>[A-Za-z][\w:-]*)(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>")
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_BLOCK = {"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
          "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "li",
          "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead", "title", "tr", "ul"}
_CELL = {"td", "th"}
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr\s*>", re.I | re.S)
_CELL_TAG = re.compile(r"<t[dh]\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>", re.I)

_SPAN = re.compile(r"\b(?P<kind>row|col)span\s*=\s*[\"']?(?P<n>\d{1,2})", re.I)


def _piped_cells(text: str) -> dict[int, str]:
    """The offset of each cell's opening tag in a table's row of two cells or more -> what it becomes: ``|``, with an
    empty cell (``||``) before it for each column a cell above still covers (``rowspan``) or the cell itself covers
    besides its own (``colspan``), so every row has the header's number of cells (a category spanning rows, 合计
    spanning two columns). A row of one cell is a page's layout: its text a paragraph."""
    out: dict[int, str] = {}
    covered: dict[int, int] = {}  # column -> rows still covered by a cell above
    for row in _ROW.finditer(text):
        tags = list(_CELL_TAG.finditer(row.group()))
        if len(tags) < 2 and not covered:
            continue
        column = 0
        below = {c: n - 1 for c, n in covered.items() if n > 1}
        for m in tags:
            empties = 0
            while covered.get(column, 0) > 0:
                empties, column = empties + 1, column + 1
            spans = {k.group("kind").lower(): int(k.group("n")) for k in _SPAN.finditer(m.group())}
            width = max(1, spans.get("col", 1))
            for c in range(column, column + width):
                if spans.get("row", 1) > 1:
                    below[c] = spans["row"] - 1
            out[row.start() + m.start()] = "|" * (1 + empties + width - 1)
            column += width
        covered = below
    return out


# After the edits: blanks around line breaks
TRIM = re.compile(r"(?<=\n)[\t ]+|[\t ]+(?=\n)|^[\t ]+")


def is_html(text: str) -> bool:
    """A page's source, not a text that mentions a tag."""
    return bool(_DOCUMENT.search(text[:4096])) or len(_COMMON_TAG.findall(text, 0, 200_000)) >= _MIN_TAGS


def edits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) spans, in order, not overlapping: what to remove or replace."""
    out: list[tuple[int, int, str]] = []
    hidden = [m.span() for m in _HIDDEN.finditer(text)]
    taken = sorted(hidden + [m.span() for m in _DECLARATION.finditer(text)])
    for s, e in taken:
        if not out or s >= out[-1][1]:
            out.append((s, e, ""))
    # a row of two cells or more is a table's row: its cells open with "|", the Markdown table the drafters
    # read (``table_grid``); a row of one cell is a page's layout, its text a paragraph
    piped = _piped_cells(text)
    for m in _TAG.finditer(text):
        name = m.group("name").lower()
        closing = m.group().startswith("</")
        cell = name in _CELL and not closing
        out.append((m.start(), m.end(), piped.get(m.start(), "") if cell else "\n" if name in _BLOCK else ""))
    for m in _REFERENCE.finditer(text):
        char = html.unescape(m.group())
        if char != m.group():
            out.append((m.start(), m.end(), " " if char == "\xa0" else char))
    out.sort(key=lambda edit: (edit[0], -edit[1]))  # a removed block before the tags it holds
    kept: list[tuple[int, int, str]] = []
    for s, e, r in out:  # a tag or a reference inside a removed script or comment goes with it
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e, r))
    return kept
