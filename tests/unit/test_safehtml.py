"""Untrusted values reach pages as text (``analysis.safehtml``, ``analysis.safemarkdown``): a
catalogue field, a curated row or a document's text is escaped at every sink, never cleaned on
the way in. The browser fuzz test (tests/integration/test_hostile_browser.py) checks the same
in Chromium on a whole suite built from hostile tables."""

from __future__ import annotations

import matplotlib
import nbformat
import pandas as pd
import pytest

from analysis import links, report, safehtml, site

matplotlib.use("Agg")

# the catalogue row of issue 25: a region's Chinese name typed with markup in it
HOSTILE_REGION = "某市<b onmouseover=alert(5)>x</b>"


def _report(*markdown: str, lang: str = "zh") -> str:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A report"),
                nbformat.v4.new_code_cell("x", outputs=[
                    nbformat.v4.new_output("display_data", data={"text/markdown": m, "text/plain": m}) for m in markdown])]
    return site.render_html(nb, "r", "r", show_code=False, lang=lang)


def test_a_region_name_with_markup_in_a_markdown_output_is_shown_as_typed():
    # the profile's headline is Markdown built from the catalogue: **<region_zh>:1 篇文献…**
    page = _report(f"**{HOSTILE_REGION}:1 篇文献(政策文本 2018)**",
                   f"- {HOSTILE_REGION}:3项措施中供给型最多")
    assert "<b onmouseover" not in page and "onmouseover=" not in page.replace("&lt;b onmouseover=", "")
    assert "<strong>某市&lt;b onmouseover=alert(5)&gt;x&lt;/b&gt;:1 篇文献(政策文本 2018)</strong>" in page
    assert "<li>某市&lt;b onmouseover=alert(5)&gt;x&lt;/b&gt;:3项措施中供给型最多</li>" in page


@pytest.mark.parametrize("payload, shown", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('"><svg onload=alert(1)>', '"&gt;&lt;svg onload=alert(1)&gt;'),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
])
def test_raw_html_in_a_markdown_output_is_escaped(payload, shown):
    page = _report(f"note: {payload}")
    assert shown in page
    assert "<script>alert" not in page and "<svg" not in page and "<img src=x" not in page


def test_markdown_links_are_kept_only_when_http_or_relative():
    page = _report("[a](javascript:alert(1)) [b](https://example.org/?a=1&b=2) [c](../documents/d.html#f-x) "
                   "[d](java\tscript:alert(2)) [e](data:text/html,<script>alert(3)</script>)")
    assert '<a href="https://example.org/?a=1&amp;b=2">b</a>' in page and '<a href="../documents/d.html#f-x">c</a>' in page
    assert "javascript:" not in page.replace("[d](java\tscript", "") and "data:text/html" not in page
    assert "<p>a " in page  # the text of a refused link stays, without a link


def test_a_record_in_english_keeps_its_language_mark_and_its_text_is_escaped():
    page = _report('**R1**(9个条款):<span lang="en">a heading takes <its> body\'s code & more</span>')
    assert '<span lang="en">a heading takes &lt;its&gt; body' in page and "code &amp; more</span>" in page


def test_every_page_carries_the_content_security_policy():
    page = _report("plain")
    assert page.count('<meta http-equiv="Content-Security-Policy"') == 1
    assert f'content="{safehtml.CSP}"' in page.replace("&#39;", "'")
    # the policy: no inline script or style, nothing from elsewhere
    assert "script-src 'self';" in safehtml.CSP and "style-src 'self';" in safehtml.CSP
    assert "unsafe-inline" not in safehtml.CSP and "default-src 'none'" in safehtml.CSP
    # before any script or stylesheet of the page
    assert page.index("Content-Security-Policy") < page.index("<script") and \
        page.index("Content-Security-Policy") < page.index("<link rel=\"stylesheet\"")
    for template in site.TEMPLATES.glob("*.html.j2"):  # every page extends the one that has it
        text = template.read_text(encoding="utf-8")
        if template.name == "review.html.j2" or "<html" not in text and "{% extends" not in text:
            continue  # the review page has its server's policy (test_reviewserver); a fragment is no page
        assert template.name == "page.html.j2" and "{{ csp_meta }}" in text or '{% extends "page.html.j2" %}' in text


@pytest.mark.parametrize("url, safe", [
    ("https://example.org/a?b=1", True), ("http://example.org", True), ("../documents/d.html#f-1", True),
    ("#f-1", True), ("region_profile-zh-x.html", True),
    ("javascript:alert(1)", False), ("JavaScript:alert(1)", False), (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False), ("java\nscript:alert(1)", False), ("\x01javascript:alert(1)", False),
    ("data:text/html,x", False), ("vbscript:x", False), ("file:///etc/passwd", False),
    ("//evil.example/x", False), (None, False), (float("nan"), False),
])
def test_a_url_from_data_is_a_link_only_when_http_or_relative(url, safe):
    assert (safehtml.safe_url(url) == url) is safe
    if not safe:
        assert safehtml.safe_url(url) == ""


def test_a_link_with_a_javascript_url_is_no_link():
    html = links.Link("64", href="javascript:alert(1)", title='a "quote"', kind="reference").html()
    assert html == '<span title="a &#34;quote&#34;">64</span>'


def test_table_headers_are_escaped_and_carry_no_inline_style():
    # a pivot's columns are data: regions' names, documents' ids
    frame = pd.DataFrame({HOSTILE_REGION: [1], "n": ["<i>x</i>"]}, index=pd.Index(["a"], name="<u>id</u>"))
    frame.columns.name = "<s>region</s>"
    html = report.to_html(frame)
    assert "<th>某市&lt;b onmouseover=alert(5)&gt;x&lt;/b&gt;</th>" in html and "<b onmouseover" not in html
    assert "&lt;u&gt;id&lt;/u&gt;" in html and "&lt;s&gt;region&lt;/s&gt;" in html and "<s>" not in html
    assert "style=" not in html  # the site's CSP refuses inline styles; site.css aligns the header


def test_a_chart_title_with_dollar_signs_is_drawn_as_written():
    import matplotlib.pyplot as plt

    from analysis import plotting

    plotting.setup("en")
    fig, ax = plt.subplots()
    ax.set_title(r"region $\frac{x$ <script>")  # mathtext would raise on this unbalanced TeX
    fig.canvas.draw()
    assert ax.get_title() == r"region $\frac{x$ <script>"
    plt.close(fig)
