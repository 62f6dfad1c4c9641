"""The documentation as part of the site (issue 23): docs/*.md rendered with the site's page,
in the order docs/index.md lists them, linked to and from the reports of their method."""

from __future__ import annotations

from analysis import docs_site, site


def test_markdown_renders_with_stable_heading_anchors_and_md_links_become_pages():
    html, toc = docs_site.render_markdown("# Title\n\n## The scorecard\n\n## The scorecard\n\n"
                                          "See [targets](methods-targets.md#the-scorecard) and [web](https://x.org/a.md).\n")
    assert '<h2 id="the-scorecard">' in html and '<h2 id="the-scorecard-2">' in html
    assert 'href="methods-targets.html#the-scorecard"' in html
    assert 'href="https://x.org/a.md"' in html  # a web address is left alone
    assert [t[1] for t in toc] == ["title", "the-scorecard", "the-scorecard-2"]


def test_pages_come_in_the_order_the_index_lists_them_with_their_methods(tmp_path):
    (tmp_path / "index.md").write_text("# Docs\n\n- [B](b.md)\n- [A](a.md)\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("<!-- method: 03_targets, region_profile -->\n# Targets\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Bee\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("# Not listed\n", encoding="utf-8")
    pages = docs_site.load(tmp_path)
    assert [p.name for p in pages] == ["index", "b", "a", "c"]
    assert pages[2].title == "Targets" and pages[2].methods == ("03_targets", "region_profile")


def test_the_projects_documentation_has_a_method_page_for_every_notebook_of_the_suite():
    from analysis import suite

    pages = docs_site.load()
    documented = {m for p in pages for m in p.methods}
    assert {r.notebook.stem for r in suite.plan()} <= documented


def test_the_site_map_links_each_report_to_its_method_page():
    rows = [{"name": "03_targets-2018", "stem": "03_targets", "html": "html/03_targets-2018.html", "profile": False,
             "title": "Targets"}]
    docs = [{"key": "doc:methods-targets", "href": "docs/methods-targets.html", "title": "Targets",
             "methods": ["03_targets"], "markdown": ""}]
    smap = site.site_map(rows, [], {"runs": {}}, docs)
    assert smap["methods"] == {"03_targets-2018": "docs/methods-targets.html"}
    assert smap["groups"][-1]["key"] == "docs"
