"""Markdown rendered as text, not markup: the sink where a report's sentences reach its page.

A report's sentences (``display(Markdown(...))``) are built from data: a region's Chinese name
from the catalogue, a curated note, a rule's recipient. nbconvert renders Markdown with raw
HTML passed through and every link protocol allowed, so ``某市<b onmouseover=…>`` in a catalogue
row became an element of the page. Here raw HTML is escaped (shown as typed), a link or an
image is kept only when its URL is ``http(s)`` or relative (``safehtml.safe_url``; else its
text alone), and the one mark the package writes into Markdown, ``<span lang="en">`` around a
record in English (``analysis.i18n.Record``), is the only tag let through, verbatim.

The notebooks' own prose goes through the same renderer: it has no raw HTML.
"""

from __future__ import annotations

from jinja2 import pass_context
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

from analysis.safehtml import safe_url

__all__ = ["SafeRenderer", "SafeHTMLExporter", "LANG_MARKS"]

LANG_MARKS = frozenset({'<span lang="en">', '<span lang="zh">', "</span>"})


class SafeRenderer(IPythonRenderer):
    """nbconvert's renderer with raw HTML escaped and only http(s) or relative URLs."""

    def __init__(self, **kwargs):
        super().__init__(escape=True, allow_harmful_protocols=False, **kwargs)

    def inline_html(self, html: str) -> str:
        return html if html in LANG_MARKS else self.escape_raw(html)

    def sanitize_url(self, url: str) -> str:
        return safe_url(url)

    def link(self, text: str, url: str, title: str | None = None) -> str:
        return super().link(text, url, title) if safe_url(url) else text

    def image(self, text: str, url: str, title: str | None = None) -> str:
        return super().image(text, url, title) if safe_url(url) else self.escape_raw(text)

    def block_mermaidjs(self, code: str) -> str:  # nbconvert writes the diagram's source unescaped
        return self.block_code(code)


class SafeHTMLExporter(HTMLExporter):
    """``HTMLExporter`` whose ``markdown2html`` filter (markdown cells and Markdown outputs alike)
    renders with ``SafeRenderer``."""

    @pass_context
    def markdown2html(self, context, source):
        cell = context.get("cell", {})
        renderer = SafeRenderer(attachments=cell.get("attachments", {}), embed_images=self.embed_images,
                                path=context.get("resources", {}).get("metadata", {}).get("path", ""),
                                anchor_link_text=self.anchor_link_text,
                                exclude_anchor_links=self.exclude_anchor_links, **self.lexer_options)
        return MarkdownWithMath(renderer=renderer).render(source)
