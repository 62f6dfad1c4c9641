"""A large site without rendering a notebook: hundreds of regions and documents made from the
five real documents, for the tests of the site at scale (tests/unit/test_site_scale.py, the
browser tests) and ``benchmarks/bench_site_search.py``.

- ``documents(n)``: ``n`` catalogue documents, each a real one under a new id, in 31 provinces
  (one province-level document per province, the others prefecture cities, counties and
  development zones; two documents a region);
- ``summaries(docs)``: what the source viewer says of each (clauses reviewed or drafted);
- ``search_entries(docs)``: the search index's pages: each document's text with a marker of its
  own (``编号0421``), and a region profile per region in each language (the seed texts).
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from analysis import corpus

PROVINCES = ["北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
             "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西",
             "甘肃", "青海", "宁夏", "新疆"]
LOWER = ["prefecture_city", "county", "development_zone", "provincial_capital", "district"]


# the five reviewed documents (tests/conftest.py's FIVE_DOCUMENTS, written here so that the benchmark
# imports no test configuration): the seeds stay these five when a corpus grows, and so do the
# tests' expectations about what the synthetic site holds
SEED_DOCUMENTS = ("xinjiang-2017", "liaoning-2015", "urumqi-2019", "jiaxing-2017", "shaoxing-2017")


@lru_cache(maxsize=1)
def seeds() -> tuple:
    """The five reviewed documents, in the catalogue's order."""
    return tuple(d for d in corpus.load_catalogue() if d.doc_id in SEED_DOCUMENTS)


@lru_cache(maxsize=1)
def seed_texts() -> dict[str, str]:
    return {d.doc_id: corpus.load_clean(d).text for d in seeds()}


def marker(i: int) -> str:
    """The words only document ``i`` has."""
    return f"编号{i:04d}"


def documents(n: int) -> list[corpus.Document]:
    out = []
    for i in range(n):
        seed = seeds()[i % len(seeds())]
        region = i // 2
        p = region % len(PROVINCES)
        if region < len(PROVINCES):  # the first region of each province is the province itself
            code, zh, en, level, parent = f"p{p:02d}", f"{PROVINCES[p]}省", f"Province {p}", "province", ""
        else:
            code, zh, en = f"r{region:04d}", f"{PROVINCES[p]}第{region}市", f"City {region} of province {p}"
            level, parent = LOWER[region % len(LOWER)], f"p{p:02d}"
        out.append(dataclasses.replace(seed, doc_id=f"s{i:04d}-{seed.doc_id}", region=code, region_zh=zh,
                                       region_en=en, level=level, parent_province=parent,
                                       title=f"{seed.title} ({marker(i)})"))
    return out


def summaries(docs: list[corpus.Document]) -> list[dict]:
    """Document ``i``: every third reviewed, every third drafted, the rest nothing coded."""
    return [{"doc": d, "reviewed": 40 if i % 3 == 0 else 0, "drafted": 25 if i % 3 == 1 else 0, "figures": 3,
             "clauses": 40, "broken": []} for i, d in enumerate(docs)]


def search_entries(docs: list[corpus.Document], profile_chars: int = 16000) -> list[dict]:
    texts = seed_texts()
    base = "".join(texts.values())
    entries = [{"kind": "report", "href": f"html/analysis-{k}.html", "title": f"Analysis {k}",
                "text": (base * 4)[k * 500:k * 500 + 20000]} for k in range(20)]
    regions = {d.region: d for d in docs}
    for code, d in regions.items():
        for lang in ("en", "zh"):
            name = f"region_profile-{code}" if lang == "en" else f"region_profile-zh-{code}"
            entries.append({"kind": "report", "href": f"html/{name}.html", "title": d.region_zh,
                            "text": f"{d.region_zh} {d.region_en} " + (base * 3)[len(entries) % 997:][:profile_chars]})
    for i, d in enumerate(docs):
        seed = d.doc_id.split("-", 1)[1]
        entries.append({"kind": "document", "href": f"documents/{d.doc_id}.html", "title": d.title,
                        "text": texts[seed] + f" {marker(i)}"})
    return entries


def write_site(reports, n_docs: int, profile_chars: int = 16000) -> dict:
    """A site of ``n_docs`` synthetic documents in ``reports``: the landing page with its table of
    regions, the navigation, the search page and its index, and a stub page per region profile
    (no source-viewer page: the search links to them without opening them). Returns the
    documents and the search entries."""
    import json
    from pathlib import Path

    from analysis import landing, searchindex, site

    reports = Path(reports)
    env = site.environment()
    for name in site.ASSETS:
        site._write(reports / "assets" / name, (site.TEMPLATES / "assets" / name).read_bytes())
    docs = documents(n_docs)
    runs = {}
    (reports / "html").mkdir(parents=True, exist_ok=True)
    for d in {d.region: d for d in docs}.values():
        for lang in ("en", "zh"):
            name = f"region_profile-{d.region}" if lang == "en" else f"region_profile-zh-{d.region}"
            runs[name] = {"notebook": "notebooks/region_profile.ipynb", "status": "done",
                          "headline": f"{d.region_zh}: 4 targets, 3 met", "parameters": {"region": d.region, "lang": lang},
                          "given": {"region": d.region, **({"lang": "zh"} if lang == "zh" else {})}}
            (reports / "html" / f"{name}.html").write_text(env.get_template("page.html.j2").render(
                root="../", page=name, lang=lang, title=d.region_zh), encoding="utf-8")
    for k, (stem, title) in enumerate([("01_corpus", "The corpus"), ("02_strategies", "Strategies"),
                                       ("03_targets", "Growth toward the targets"), ("04_funding", "Funding")]):
        for lang in ("en", "zh"):
            name = stem if lang == "en" else f"{stem}-zh"
            runs[name] = {"notebook": f"notebooks/{stem}.ipynb", "status": "done", "title": title,
                          "headline": f"Analysis {k + 1} of the synthetic corpus of {n_docs} documents",
                          "parameters": {"lang": lang}, "given": {"lang": "zh"} if lang == "zh" else {}}
            (reports / "html" / f"{name}.html").write_text(env.get_template("page.html.j2").render(
                root="../", page=name, lang=lang, title=title), encoding="utf-8")
    manifest = {"runs": runs, "git": {"commit": "synthetic"}, "python": "3.11"}
    rows = site.index_rows(reports, manifest, {d.region: (d.region_en, d.region_zh) for d in docs})
    regions = landing.region_rows(summaries(docs), reports, runs)
    smap = site.site_map(rows, [], manifest)
    site._write(reports / "assets" / "site-map.js",
                ("window.SITE = " + json.dumps(smap, ensure_ascii=False, sort_keys=True) + ";\n").encode("utf-8"))
    entries = search_entries(docs, profile_chars)
    searchindex.write(reports / "assets", searchindex.build(entries, site.t2s_map()), site._write)
    site._write(reports / "search.html", env.get_template("search.html.j2").render(
        root="", lang="en", title="Search", page="search").encode("utf-8"))
    site._write(reports / "index.html", site.render_index(reports, manifest, rows, [], [], regions).encode("utf-8"))
    return {"documents": docs, "entries": entries}
