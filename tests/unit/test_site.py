"""The site around the reports: links from numbers to sentences, the source viewer's marks, the
link check, the language pairs (``analysis.links``, ``analysis.sourceview``, ``analysis.site``).
The browser tests (tests/integration/test_site_browser.py) check the same in Chromium."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from analysis import links, manifest, report, site, sourceview


def test_pieces_cut_at_every_clause_quote_and_mention_boundary():
    text = "到2020年,培育众创空间60家、星创天地40家。"
    # 25 characters: clause 1 is text[0:7] "到2020年,", clause 2 text[7:24]; two figures share the
    # quote text[7:24] ("培育众创空间60家、星创天地40家": 6 characters, then 60家 at 13:16, 、 at 16,
    # 星创天地 at 17:21, 40家 at 21:24); the full stop is text[24]
    quote = {"quote_start": 7, "quote_end": 24}
    figs = [{"figure_id": "a", **quote, "mention_start": 13, "mention_end": 16},
            {"figure_id": "b", **quote, "mention_start": 21, "mention_end": 24}]
    ps = sourceview.pieces(text, 0, len(text), [("c1", 0, 7), ("c2", 7, 24)], figs)
    # cuts: 0, 7, 13, 16, 21, 24 and the end 25 -> 6 pieces
    assert [(p.start, p.end) for p in ps] == [(0, 7), (7, 13), (13, 16), (16, 21), (21, 24), (24, 25)]
    assert "".join(p.text for p in ps) == text
    assert [p.clause for p in ps] == ["c1", "c2", "c2", "c2", "c2", ""]
    assert ps[2].figures == ("a", "b") and ps[2].numbers == ("a",) and ps[4].numbers == ("b",)
    assert ps[0].figures == () and ps[5].figures == ()  # outside both quotes
    # both anchors sit at the start of the shared quote
    assert [a["figure_id"] for a in ps[1].anchors] == ["a", "b"]


def test_a_figure_whose_quote_moved_or_whose_document_is_gone_cannot_be_anchored():
    texts = {"d": "甲乙丙丁戊己"}
    row = {"doc_id": "d", "quote": "丙丁", "quote_start": 2, "quote_end": 4}
    assert links.figure_problem(row, texts) == ""
    moved = {**row, "quote_start": 3, "quote_end": 5}  # the text now has 丁戊 there
    assert "no longer at 3:5 of the cleaned text of d" in links.figure_problem(moved, texts)
    assert links.figure_problem({**row, "doc_id": "gone"}, texts) == "its document gone is not in the catalogue"


def test_the_five_documents_a_target_links_to_its_anchor_with_its_value():
    # one of the five reviewed documents: Xinjiang's target of 60 maker spaces (培育众创空间60家)
    link = links.figure("60 (2020)", "xinjiang-2017-005")
    assert link.href == "../documents/xinjiang-2017.html#f-xinjiang-2017-005"
    assert link.value == "60" and not link.broken and "培育众创空间60家" in link.title
    assert str(link) == "60 (2020)"  # a CSV keeps the text
    missing = links.figure("7", "nowhere-001")
    assert missing.broken == "figure nowhere-001 is in no figure table" and not missing.href
    assert links.figure("–", None).html() == "–"


def test_tables_escape_their_text_and_render_links_as_anchors():
    frame = pd.DataFrame({
        "value": [links.Link("60", href="../documents/d.html#f-x", title="a <quote>", value="60", kind="figure"),
                  links.Link("7", broken="figure y: its quote moved", kind="figure")],
        "note": ["<b>bold</b> & more", "plain"],
        "n": [1.5, 2.0],
    }, index=pd.Index(["<i>", "r2"], name="id"))
    html = report.to_html(frame)
    assert '<a class="link-figure" href="../documents/d.html#f-x" title="a &lt;quote&gt;" data-value="60">60</a>' in html
    assert 'data-reason="figure y: its quote moved"' in html and "7 ⚠" in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html and "<b>bold</b>" not in html
    assert "&lt;i&gt;" in html and "1.5" in html
    # a region's name links to its profile; a reference value to its source, which it names on hover
    assert links.region("xinjiang", "新疆").href == "region_profile-xinjiang.html"
    ref = links.reference("64 (2021)", "自治区科技厅", "http://example.org/a", "已备案64家")
    assert ref.href == "http://example.org/a" and ref.title == "自治区科技厅: “已备案64家”"
    assert 'target="_blank"' in ref.html()
    assert links.reference("1", "a book", url=float("nan")).href == ""  # no URL in the data: no link


def test_a_table_shown_under_the_runner_links_its_csv(monkeypatch):
    monkeypatch.setenv("ANALYSIS_RUN_NAME", "03_targets-2020")
    assert report.table_href("targets_scorecard-2020") == "../tables/03_targets-2020/targets_scorecard-2020.csv"
    monkeypatch.delenv("ANALYSIS_RUN_NAME")
    assert report.table_href("x") == ""  # run by hand: the table is in a scratch folder, no link


def test_the_link_check_finds_marked_missing_and_dangling_links(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "d.html").write_text('<main><span class="anchor" id="f-x"></span></main>')
    (tmp_path / "html" / "a.html").write_text(
        '<main><a href="../documents/d.html#f-x">fine</a> <a href="../documents/d.html#f-y">gone anchor</a> '
        '<a href="../documents/e.html#f-x">no page</a> <a href="https://example.org">web</a> '
        '<a href="#top">here</a><span id="top"></span> '
        '<span class="link-broken" data-kind="figure" data-reason="figure z: its quote moved" title="t">9 ⚠</span></main>')
    found = site.check_links(tmp_path, [tmp_path / "html" / "a.html"])
    assert found == [
        {"page": "html/a.html", "text": "9", "reason": "figure z: its quote moved", "target": ""},
        {"page": "html/a.html", "text": "gone anchor", "reason": "../documents/d.html#f-y: no such anchor in the page",
         "target": "documents/d.html"},
        {"page": "html/a.html", "text": "no page", "reason": "../documents/e.html#f-x: no such file",
         "target": "documents/e.html"},
    ]
    assert manifest.broken_links({"site": {"broken_links": found[:1] * 3 + found[1:2]}}) == [
        "html/a.html: 9: figure z: its quote moved (×3)",
        "html/a.html: gone anchor: ../documents/d.html#f-y: no such anchor in the page"]


def test_renderings_in_two_languages_are_paired():
    runs = {"03_targets": {"notebook": "notebooks/03_targets.ipynb", "given": {}, "parameters": {"lang": "en"}},
            "03_targets-zh": {"notebook": "notebooks/03_targets.ipynb", "given": {"lang": "zh"},
                              "parameters": {"lang": "zh"}},
            "03_targets-2018": {"notebook": "notebooks/03_targets.ipynb", "given": {"target_year": "2018"},
                                "parameters": {"lang": "en"}}}
    pairs = site._pairs({"runs": runs})
    assert pairs == {"03_targets": [{"lang": "zh", "label": "中文", "href": "html/03_targets-zh.html"}],
                     "03_targets-zh": [{"lang": "en", "label": "English", "href": "html/03_targets.html"}]}


def test_verify_fails_on_a_broken_link_of_the_rebuilt_site(tmp_path, monkeypatch):
    import json

    from analysis import runner

    recorded = {"generated_by": "python -m analysis run", "runs": {"r": {"outputs": {"html/r.html": "abc"}}}}
    (tmp_path / "manifest.json").write_text(json.dumps(recorded))

    def fake_run_suite(runs, options):  # the re-run gives the same output, but its site has a broken link
        (options.reports_dir / "manifest.json").write_text(json.dumps({
            **recorded, "site": {"broken_links": [
                {"page": "html/r.html", "text": "9", "reason": "quote moved", "target": ""},
                # a region named in r links to a profile this verification did not re-run: not broken
                {"page": "html/r.html", "text": "Jiaxing", "reason": "region_profile-jiaxing.html: no such file",
                 "target": "html/region_profile-jiaxing.html"}]}}))
        return [SimpleNamespace(run=SimpleNamespace(name="r"), status="done", outputs={"html/r.html": "abc"})]

    monkeypatch.setattr(runner, "run_suite", fake_run_suite)
    differences, _ = runner.verify([SimpleNamespace(name="r")], tmp_path, jobs=1)
    assert differences == ["broken link: html/r.html: 9: quote moved"]


@pytest.mark.parametrize("html, expected", [
    ("<main><h1>T</h1><svg><text>axis</text></svg><p>众创 &amp; 空间</p><script>x()</script></main>", "T 众创 & 空间"),
])
def test_the_search_index_keeps_the_visible_text(html, expected):
    assert site.page_text(html) == expected


def test_the_search_converts_traditional_characters_with_the_cleanings_converter():
    from analysis import site
    from analysis.cleaning import _t2s

    t2s = site.t2s_map()
    # 眾創空間 -> 众创空间, as the cleaning converts a Traditional document
    assert "".join(t2s.get(c, c) for c in "眾創空間") == "众创空间" == _t2s().convert("眾創空間")
    assert "众" not in t2s and all(len(k) == len(v) == 1 for k, v in t2s.items())  # only changes, one for one
