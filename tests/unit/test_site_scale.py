"""The site with hundreds of regions (issue 22): the landing page's table of regions, the small
navigation, the search index in shards, the source-viewer pages rebuilt only when their inputs
change. Built from synthetic catalogue data (``tests/synthetic_site.py``), no notebook rendered;
the browser side is in tests/integration/test_site_browser.py."""

from __future__ import annotations

import dataclasses
import re

import pytest
from tests import synthetic_site

from analysis import corpus, landing, searchindex, site, sourceview


@pytest.fixture(scope="module")
def index_files():
    # 1,000 documents in 500 regions: 20 analyses + 1,000 region profiles + 1,000 documents
    docs = synthetic_site.documents(1000)
    entries = synthetic_site.search_entries(docs, profile_chars=4000)
    return docs, entries, searchindex.build(entries, site.t2s_map())


def test_no_file_of_the_search_index_of_a_thousand_documents_is_over_2_mb(index_files):
    _, entries, files = index_files
    sizes = {name: len(data) for name, data in files.items()}
    assert max(sizes.values()) <= searchindex.MAX_FILE_BYTES, max(sizes.items(), key=lambda kv: kv[1])
    # the texts are in chunks of about SHARD_BYTES (a chunk closes once full: one page over)
    texts = sum(len(e["text"].encode("utf-8")) for e in entries)
    chunks = [n for name, n in sizes.items() if name.startswith("t-")]
    assert sum(chunks) > texts and len(chunks) >= texts // searchindex.MAX_FILE_BYTES
    assert all(re.fullmatch(r"(g|t)-\d+\.js|meta\.js", name) for name in files)


def test_a_query_loads_only_its_buckets_and_finds_the_one_document_that_says_it(index_files):
    docs, _, files = index_files
    loaded: list[str] = []
    # 编号0421 is only in document 421 (its text and its title); its bigrams 编号 号0 04 42 21 are
    # in many pages, so the texts decide
    assert searchindex.query(files, synthetic_site.marker(421), loaded) == [f"documents/{docs[421].doc_id}.html"]
    buckets = {n for n in loaded if n.startswith("g-")}
    # 6 characters, 5 bigrams: at most 5 buckets, of the index's more than 5 (about 150 KB each)
    assert 1 <= len(buckets) <= 5 < sum(1 for n in files if n.startswith("g-"))
    # the texts of the candidates only (pages with all 5 bigrams, 编号0421's and a few by chance)
    assert sum(1 for n in set(loaded) if n.startswith("t-")) < sum(1 for n in files if n.startswith("t-")) / 4


def test_a_term_finds_every_page_whose_text_has_it_and_traditional_script_finds_the_same(index_files):
    _, entries, files = index_files
    term = "星创天地"
    expected = {e["href"] for e in entries if term in e["text"]}
    # of the five seeds, Xinjiang's cleaned text names 星创天地 (6 times): 1 document in 5 does
    assert sum(1 for h in expected if h.startswith("documents/")) == 1000 // 5
    found = searchindex.query(files, term)
    assert set(found) == expected
    assert searchindex.query(files, "星創天地") == found  # 創 -> 创 by the cleaning's converter
    assert searchindex.query(files, "星") == []  # one character: refused (every bucket)


def test_postings_are_differences_in_base_36_or_a_bitmap_of_every_page():
    import numpy as np

    # pages 0, 3, 13 of 1,000: differences 0, 3, 10 -> "0,3,a"
    assert searchindex._postings(np.array([0, 3, 13]), 1000) == "0,3,a"
    assert searchindex._decode("0,3,a", 1000) == {0, 3, 13}
    # every page of 16: a bitmap of two bytes 0xff 0xff, base64 "//8="
    assert searchindex._postings(np.arange(16), 16) == "~//8="
    assert searchindex._decode("~//8=", 16) == set(range(16))


def test_the_index_writes_its_shards_and_removes_an_older_larger_index(tmp_path):
    written = {}

    def write(path, data):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written[path.name] = data

    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "g-99.js").write_text("old")
    (tmp_path / "search-index.js").write_text("old")
    files = searchindex.build([{"kind": "report", "href": "html/a.html", "title": "A", "text": "众创空间"}], {})
    searchindex.write(tmp_path, files, write)
    assert sorted(p.name for p in (tmp_path / "search").iterdir()) == sorted(files) == ["g-0.js", "meta.js", "t-0.js"]
    assert not (tmp_path / "search-index.js").exists()
    assert searchindex.build([{"kind": "report", "href": "html/a.html", "title": "A", "text": "众创空间"}], {}) == files


def _landing(tmp_path, n_docs: int, profiled: int):
    docs = synthetic_site.documents(n_docs)
    (tmp_path / "html").mkdir()
    runs = {}
    for d in docs[:2 * profiled:2]:  # the first `profiled` regions (two documents a region) have profiles
        for name in (f"region_profile-{d.region}", f"region_profile-zh-{d.region}"):
            (tmp_path / "html" / f"{name}.html").write_text("x")
            runs[name] = {"notebook": "notebooks/region_profile.ipynb", "status": "done", "headline": "3 of 4 met",
                          "parameters": {"region": d.region, "lang": "zh" if "-zh-" in name else "en"},
                          "given": {"region": d.region, **({"lang": "zh"} if "-zh-" in name else {})}}
    (tmp_path / "html" / "03_targets.html").write_text("x")
    runs["03_targets"] = {"notebook": "notebooks/03_targets.ipynb", "status": "done", "title": "Targets",
                          "headline": "Targets met", "parameters": {"lang": "en"}, "given": {}}
    return docs, {"runs": runs, "git": {"commit": "abc"}, "python": "3.11"}


def test_the_region_table_counts_documents_and_review_per_region(tmp_path):
    docs, manifest = _landing(tmp_path, 12, profiled=2)
    rows = landing.region_rows(synthetic_site.summaries(docs), tmp_path, manifest["runs"])
    # 12 documents, two a region: 6 regions, all within the first 31 (provinces p00..p05)
    assert len(rows) == 6 and {r["documents"] for r in rows} == {2}
    by_code = {r["code"]: r for r in rows}
    # region p00: documents 0 (reviewed, 0 % 3 == 0) and 1 (drafted, 1 % 3 == 1): partly reviewed
    assert by_code["p00"]["review"] == "partly" and (by_code["p00"]["reviewed"], by_code["p00"]["drafted"]) == (40, 25)
    # region p01: documents 2 (nothing, 2 % 3 == 2) and 3 (reviewed): reviewed
    assert by_code["p01"]["review"] == "reviewed"
    # region p02: documents 4 (drafted) and 5 (nothing): drafted
    assert by_code["p02"]["review"] == "drafted" and by_code["p02"]["review_label"] == "drafted"
    assert [p["href"] for p in by_code["p00"]["profiles"]] == ["html/region_profile-p00.html",
                                                                "html/region_profile-zh-p00.html"]
    assert by_code["p02"]["profiles"] == [] and by_code["p00"]["headline"] == "3 of 4 met"
    assert landing.region_rows(synthetic_site.summaries(docs), tmp_path, {}, lang="zh")[0]["level_label"] == "省级"


def test_the_landing_page_of_500_regions_is_one_table_and_the_navigation_stays_small(tmp_path):
    docs, manifest = _landing(tmp_path, 1000, profiled=500)
    regions = landing.region_rows(synthetic_site.summaries(docs), tmp_path, manifest["runs"])
    rows = site.index_rows(tmp_path, manifest, {d.region: (d.region_en, d.region_zh) for d in docs})
    page = site.render_index(tmp_path, manifest, rows, [{"doc_id": d.doc_id} for d in docs], [], regions)
    assert len(regions) == 500
    assert page.count('<tr data-province="') == 500 and 'id="region-table"' in page
    assert page.count('<article class="card') == 1  # the one analysis; no card per region
    assert page.index("Targets met") < page.index('id="regions"')  # the analyses first
    # filters offer the 31 provinces (plus "every province") and the levels present
    assert page.count('data-field="province"') == 1 and len(re.findall(r'<option value="p\d\d">', page)) == 31
    assert len(page.encode("utf-8")) < 2_000_000
    nav = site.site_map(rows, [{"doc_id": d.doc_id, "region": d.region_zh, "title": d.title} for d in docs],
                        manifest)
    entries = sum(len(g["pages"]) + 1 for g in nav["groups"]) + len(nav["links"])
    # 3 groups + the one analysis + 1 link: no entry per region or per document
    assert entries == 5
    assert [g.get("href") for g in nav["groups"]] == [None, "index.html#regions", "documents/index.html"]


def test_a_region_name_from_the_catalogue_is_escaped_in_the_table(tmp_path):
    docs, manifest = _landing(tmp_path, 2, profiled=1)
    docs = [dataclasses.replace(d, region_zh='<script>alert(1)</script>', region_en='"><img src=x>') for d in docs]
    regions = landing.region_rows(synthetic_site.summaries(docs), tmp_path, manifest["runs"])
    page = site.render_index(tmp_path, manifest, site.index_rows(tmp_path, manifest), [], [], regions)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '"><img' not in page and "&#34;&gt;&lt;img src=x&gt;" in page


def test_a_source_page_is_rebuilt_only_when_its_inputs_change_and_equals_a_full_rebuild(tmp_path):
    # the five reviewed documents' pages (FIVE_DOCUMENTS): built, then one title changed
    env = site.environment()
    docs = corpus.load_catalogue()
    first = sourceview.build_documents(tmp_path / "a", env, site._write, docs)
    assert all(b["rendered"] for b in first) and (tmp_path / "a" / sourceview.RECORD).is_file()
    again = sourceview.build_documents(tmp_path / "a", env, site._write, docs)
    assert not any(b["rendered"] for b in again)
    assert [(b["figures"], b["clauses"]) for b in again] == [(b["figures"], b["clauses"]) for b in first]
    changed = [dataclasses.replace(d, title=d.title + " (修订)") if d.doc_id == "jiaxing-2017" else d for d in docs]
    incremental = sourceview.build_documents(tmp_path / "a", env, site._write, changed)
    assert [b["doc"].doc_id for b in incremental if b["rendered"]] == ["jiaxing-2017"]
    # a page whose file was damaged is rendered again though its inputs did not change
    (tmp_path / "a" / "xinjiang-2017.html").write_text("damaged")
    repaired = sourceview.build_documents(tmp_path / "a", env, site._write, changed)
    assert [b["doc"].doc_id for b in repaired if b["rendered"]] == ["xinjiang-2017"]
    # the same bytes as a full rebuild from nothing
    sourceview.build_documents(tmp_path / "b", env, site._write, changed)
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert a == b and len(a) == 2 * len(docs) + 1  # a page and a raw file each, and the record


def test_the_synthetic_sites_seeds_are_the_five_reviewed_documents():
    # tests about the five reviewed documents: the seeds stay these five however the corpus grows
    from tests.conftest import FIVE_DOCUMENTS
    assert set(synthetic_site.SEED_DOCUMENTS) == set(FIVE_DOCUMENTS)
    assert {d.doc_id for d in synthetic_site.seeds()} == set(FIVE_DOCUMENTS)


def test_a_province_without_a_document_of_its_own_is_named_from_the_provinces_table(tmp_path):
    # Jiaxing's province is Zhejiang, which no document of the corpus is about: the table of regions names
    # it 浙江省 (data/curated/provinces.csv), not "zhejiang"; an alias (xizang for tibet) names it too, and a
    # code the table does not know is shown as it is
    docs = [corpus.Document(doc_id=f"{code}-2020", region=code, region_zh=zh, region_en=code, level="prefecture_city",
                            parent_province=parent, genre="policy_text", title="t", date="2020-01-01", outlet="o",
                            script="simplified", file=f"{code}.txt", sha256="", original_encoding="utf-8", notes="")
            for code, zh, parent in (("jiaxing", "嘉兴市", "zhejiang"), ("lhasa", "拉萨市", "xizang"),
                                     ("atlantis", "亚特兰蒂斯", "nowhere"))]
    rows = landing.region_rows([{"doc": d, "reviewed": 0, "drafted": 0} for d in docs], tmp_path, {})
    assert {r["code"]: r["province_name"] for r in rows} == {"jiaxing": "浙江省", "lhasa": "西藏自治区",
                                                            "atlantis": "nowhere"}
    assert landing.province_names()["tibet"] == "西藏自治区"
