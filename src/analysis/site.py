"""The reports as a site: built by the runner after the notebooks, from jinja2 templates
(``templates/``), deterministic like the reports (the same inputs give the same bytes).

``reports/``
- ``index.html``: the landing page (each analysis with its headline, the region profiles,
  the source documents, the runs with their status, the broken links if any);
- ``html/<run>.html``: the reports (rendered by the workers, ``analysis.outputs``);
- ``documents/<doc>.html`` and ``documents/index.html``: the source viewer
  (``analysis.sourceview``) and its list;
- ``index.html`` lists the analyses first, then every region in one table a reader filters
  and sorts (``analysis.landing``), not a card per region; the navigation has a menu of the
  analyses and of the documentation, and one link each to the regions and to the documents;
- ``search.html``: a search over reports and documents that runs in the browser from the index
  in shards under ``assets/search/`` (``analysis.searchindex``: scripts, not JSON: a page opened
  from disk may not fetch), loaded as a query needs them;
- ``data.html``: methods and data (the data package's tables, every report's CSV files);
- ``assets/``: the one stylesheet and script every page shares (written once, not per page)
  and ``site-map.js``, the navigation's contents, so that adding a report or a document
  changes one small file rather than every page.

After writing, every internal link of every page is checked (its file exists, its anchor is
in it) and every link a report marked broken (``analysis.links``) is collected: the list goes
to the manifest, the run's summary and the landing page, and ``verify`` fails on it.
"""

from __future__ import annotations

import html as htmlmod
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from analysis import citation, docs_site, landing, searchindex
from analysis.files import write_atomic
from analysis.i18n import Text
from analysis.outputs import first_heading
from analysis.safehtml import csp_meta

__all__ = ["index_rows", "render_index", "write_index", "build", "check_links", "site_map", "environment",
           "ASSETS"]

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = ("site.css", "site.js", "search.js")
LANG_LABELS = {"en": "English", "zh": "中文"}


def environment():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      keep_trailing_newline=True)
    env.globals["csp_meta"] = csp_meta()  # every page (page.html.j2) carries the one policy
    return env


def _write(path: Path, data: bytes) -> None:
    """Write only what changed (a rebuilt site leaves unchanged pages' times alone)."""
    if path.is_file() and path.read_bytes() == data:
        return
    write_atomic(path, data)


def _variant(entry: dict) -> str:
    given = {k: v for k, v in entry.get("given", {}).items() if k != "lang"}
    return ", ".join(f"{k}={v}" for k, v in given.items())


def _lang(entry: dict) -> str:
    return str(entry.get("parameters", {}).get("lang", "en"))


def _is_profile(entry: dict) -> bool:
    return Path(entry.get("notebook", "")).stem == "region_profile"


def _title(name: str, entry: dict, regions: dict) -> str:
    if _is_profile(entry):
        code = entry.get("parameters", {}).get("region", "")
        en, zh = regions.get(code, (code, code))
        return zh if _lang(entry) == "zh" else en
    title = entry.get("title") or name
    variant = _variant(entry)
    return title + (f" ({variant})" if variant else "") + (" · 中文" if _lang(entry) == "zh" else "")


def index_rows(reports: Path, manifest: dict, regions: dict | None = None) -> list[dict]:
    """One row per run of the manifest, with links only to outputs that exist."""
    regions = regions or {}
    rows = []
    for name, e in manifest.get("runs", {}).items():
        status = e.get("status", "")
        rows.append({
            "name": name, "status": status, "duration": float(e.get("duration_s", 0) or 0),
            "stem": Path(e.get("notebook", "")).stem,
            "title": _title(name, e, regions), "profile": _is_profile(e), "lang": _lang(e),
            "parameters": ", ".join(f"{k}={v!r}" for k, v in e.get("given", {}).items()) or "defaults",
            "html": f"html/{name}.html" if (reports / "html" / f"{name}.html").is_file() else "",
            "notebook": f"notebooks/{name}.ipynb" if (reports / "notebooks" / f"{name}.ipynb").is_file() else "",
            "headline": e.get("headline") or e.get("last_good_headline", ""),
            "note": e.get("message", "") if status == "failed" else "",
        })
    return rows


def _pairs(manifest: dict) -> dict[str, list[dict]]:
    """Each run's renderings in the other languages: runs of one notebook whose parameters
    differ only in ``lang``."""
    families: dict[tuple, dict[str, str]] = {}
    for name, e in manifest.get("runs", {}).items():
        key = (e.get("notebook", ""), json.dumps({k: v for k, v in e.get("given", {}).items() if k != "lang"},
                                                 sort_keys=True))
        families.setdefault(key, {})[_lang(e)] = name
    out = {}
    for members in families.values():
        if len(members) < 2:
            continue
        for lang, name in members.items():
            out[name] = [{"lang": other, "label": LANG_LABELS.get(other, other), "href": f"html/{n}.html"}
                         for other, n in sorted(members.items()) if other != lang]
    return out


NAV = {  # the navigation's own words (assets/site.js shows title_zh on a page in Chinese)
    "analyses": Text("Analyses", "分析"), "regions": Text("Region profiles", "地区概况"),
    "documents": Text("Source documents", "原始文献"), "docs": Text("Documentation", "文档"),
    "data": Text("Methods & data", "方法与数据"),
}


def _titled(key: str) -> dict:
    return {"title": NAV[key].en, "title_zh": NAV[key].zh}


def site_map(rows: list[dict], documents: list[dict], manifest: dict, docs: list[dict] | None = None) -> dict:
    """The navigation (``assets/site-map.js``): a menu of the analyses and one of the
    documentation, and one link to the regions' table and one to the documents' list, so that it
    stays small with hundreds of regions and documents (``documents``: unused, kept for callers)."""
    analyses = [r for r in rows if not r["profile"] and r["html"]]
    docs = docs or []
    # each report's method page (assets/site.js links the report to it; the page links back)
    methods = {r["name"]: d["href"] for d in docs for r in rows if r["html"] and r.get("stem") in d["methods"]}
    return {
        "methods": methods,
        "groups": [
            {"key": "analyses", **_titled("analyses"),
             "pages": [{"key": r["name"], "href": r["html"], "title": r["title"]} for r in analyses]},
            {"key": "regions", **_titled("regions"), "href": "index.html#regions", "pages": []},
            {"key": "documents", **_titled("documents"), "href": "documents/index.html", "pages": []},
        ] + ([{"key": "docs", **_titled("docs"),
               "pages": [{"key": d["key"], "href": d["href"], "title": d["title"]} for d in docs]}] if docs else []),
        "links": [{"key": "data", "href": "data.html", **_titled("data")}],
        "pairs": _pairs(manifest),
    }


_TAG = re.compile(r"<(script|style|svg)\b.*?</\1>|<[^>]+>", re.S | re.I)
_SPACE = re.compile(r"\s+")


def page_text(html: str, limit: int = 20000) -> str:
    """The visible text of a page's main part, for the search index."""
    start = html.find("<main>")
    body = html[start:] if start >= 0 else html
    return _SPACE.sub(" ", htmlmod.unescape(_TAG.sub(" ", body))).strip()[:limit]


_ID = re.compile(r'\sid="([^"]+)"')
_HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"[^>]*>(.*?)</a>', re.S)
_BROKEN = re.compile(r'<span class="link-broken"[^>]*?data-reason="([^"]*)"[^>]*>(.*?)</span>', re.S)


def check_links(reports: Path, pages: list[Path], pending: frozenset[str] = frozenset()) -> list[dict]:
    """Every broken link of ``pages``: a link a report marked broken (with its reason), a link
    to a file that is not there, an anchor that is not in its page. Links to the web are not
    followed (the site is checked offline); ``pending``: files (relative to ``reports``) that
    are written after the check (the manifest)."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = {htmlmod.unescape(i) for i in _ID.findall(path.read_text(encoding="utf-8"))}
        return ids[path]

    out = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        rel = page.relative_to(reports).as_posix()
        for reason, shown in _BROKEN.findall(text):
            out.append({"page": rel, "text": _SPACE.sub(" ", htmlmod.unescape(_TAG.sub("", shown))).strip(" ⚠"),
                        "reason": htmlmod.unescape(reason), "target": ""})
        for href, shown in _HREF.findall(text):
            href = htmlmod.unescape(href)
            if not href or href.startswith(("http://", "https://", "mailto:", "javascript:", "data:")):
                continue
            target, _, anchor = href.partition("#")
            path = (page.parent / target).resolve() if target else page
            label = _SPACE.sub(" ", htmlmod.unescape(_TAG.sub("", shown))).strip()
            where = os.path.relpath(path, reports.resolve())
            if not path.is_file() and where not in pending:
                out.append({"page": rel, "text": label, "reason": f"{href}: no such file", "target": where})
            elif anchor and path.suffix == ".html" and anchor not in ids_of(path):
                out.append({"page": rel, "text": label, "reason": f"{href}: no such anchor in the page",
                            "target": where})
    return out


def _regions(docs) -> dict[str, tuple[str, str]]:
    return {d.region: (d.region_en, d.region_zh) for d in docs}


def _resources() -> list[dict]:
    from analysis import paths

    package = json.loads((paths.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    return [{"name": r.get("name", ""), "path": f"data/{r.get('path', '')}", "description": r.get("description", "")}
            for r in package.get("resources", [])]


@lru_cache(maxsize=1)
def t2s_map() -> dict[str, str]:
    """Traditional -> Simplified, character by character, for the search box: the cleaned text
    is Simplified, so a query typed in Traditional (眾創空間) is converted before it is looked
    for. From OpenCC's ``t2s``, the converter the cleaning uses, over the CJK Unified Ideographs;
    only the characters it changes (3,563 with OpenCC 1.4: about 50 KB in the search index's ``meta.js``, which
    only the search page loads). The same converter as the cleaning's, so query and text are
    converted alike; opencc-js (npm) would be a second converter and a Node step in the build."""
    from analysis.cleaning import _t2s

    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    converted = _t2s().convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # a converter that joined lines: no map rather than a wrong one
        return {}
    return {a: b for a, b in zip(chars, converted, strict=False) if a != b and len(b) == 1}


def build(reports: Path, manifest: dict, catalogue=None) -> dict:
    """Write the site around the reports (see the module's doc); returns what the manifest
    records of it: the pages and the broken links."""
    from analysis import corpus, sourceview

    env = environment()
    reports = Path(reports)
    for name in ASSETS:
        _write(reports / "assets" / name, (TEMPLATES / "assets" / name).read_bytes())
    docs = catalogue if catalogue is not None else corpus.load_catalogue()
    regions = _regions(docs)
    built = sourceview.build_documents(reports / "documents", env, _write, docs,
                                       profiles={d.region for d in docs
                                                 if (reports / "html" / f"region_profile-{d.region}.html").is_file()})
    rows = index_rows(reports, manifest, regions)
    documents = [{"doc_id": b["doc"].doc_id, "title": b["doc"].title or b["doc"].doc_id,
                  "region": b["doc"].region_zh, "region_code": b["doc"].region,
                  "profile": (f"html/region_profile-{b['doc'].region}.html"
                              if (reports / "html" / f"region_profile-{b['doc'].region}.html").is_file() else ""),
                  "genre": b["doc"].genre, "date": b["doc"].date, "figures": b["figures"], "clauses": b["clauses"]}
                 for b in built]
    region_table = landing.region_rows(built, reports, manifest.get("runs", {}))
    docs = docs_site.build(reports, env, _write, rows)
    smap = site_map(rows, documents, manifest, docs)
    _write(reports / "assets" / "site-map.js",
           ("window.SITE = " + json.dumps(smap, ensure_ascii=False, sort_keys=True) + ";\n").encode("utf-8"))

    report_pages = [reports / r["html"] for r in rows if r["html"]]
    entries = [{"kind": "report", "href": r["html"], "title": r["title"],
                "text": page_text((reports / r["html"]).read_text(encoding="utf-8"))} for r in rows if r["html"]]
    entries += [{"kind": "document", "href": f"documents/{b['doc'].doc_id}.html",
                 "title": f"{b['doc'].region_zh} · {b['doc'].title or b['doc'].doc_id}", "text": b["text"]}
                for b in built]
    entries += [{"kind": "doc", "href": d["href"], "title": d["title"], "text": d["markdown"]} for d in docs]
    searchindex.write(reports / "assets", searchindex.build(entries, t2s_map()), _write)

    common = {"root": "", "lang": "en"}
    _write(reports / "documents" / "index.html", env.get_template("documents.html.j2").render(
        **{**common, "root": "../"}, title="Source documents", page="documents", documents=documents).encode("utf-8"))
    _write(reports / "search.html", env.get_template("search.html.j2").render(
        **common, title="Search", page="search").encode("utf-8"))
    def files(kind: str, name: str, pattern: str) -> list[str]:
        return sorted(f"{kind}/{name}/{p.name}" for p in (reports / kind / name).glob(pattern))

    # per report: its tables (CSV, and LaTeX beside each) and its figures (SVG, PDF, PNG)
    tables = [{"name": r["name"], "files": files("tables", r["name"], "*.csv"),
               "figures": files("figures", r["name"], "*.svg")} for r in rows]
    _write(reports / "data.html", env.get_template("data.html.j2").render(
        **common, title="Methods and data", page="data", resources=_resources(),
        tables=[t for t in tables if t["files"] or t["figures"]]).encode("utf-8"))

    pages = report_pages + [reports / d["href"] for d in docs] + [
        reports / "documents" / f"{d['doc_id']}.html" for d in documents] + [
        reports / "documents" / "index.html", reports / "search.html", reports / "data.html"]
    # the landing page first without the list (every page links to it), then with it
    _write(reports / "index.html", render_index(reports, manifest, rows, documents, [], region_table).encode("utf-8"))
    broken = check_links(reports, pages)
    _write(reports / "index.html", render_index(reports, manifest, rows, documents, broken, region_table).encode("utf-8"))
    broken += check_links(reports, [reports / "index.html"], pending=frozenset({"manifest.json"}))
    return {"pages": len(pages) + 1, "documents": len(documents), "broken_links": broken,
            "document_pages_rendered": sum(1 for b in built if b["rendered"]),
            "docs_sha256": docs_site.fingerprint()}


def _groups(rows: list[dict]) -> list[dict]:
    """The analyses' cards: the English renderings (each links its Chinese one), then a Chinese
    rendering that has no English one. The region profiles are in the regions' table."""
    return [g for g in (
        {"title": "Analyses", "rows": [r for r in rows if not r["profile"] and r["lang"] != "zh"]},
        {"title": "分析 (中文)", "rows": [r for r in rows if not r["profile"] and r["lang"] == "zh"
                                       and not any(a["lang"] != "zh" for a in r["alternates"])]},
    ) if g["rows"]]


def render_index(reports: Path, manifest: dict, rows: list[dict] | None = None, documents: list[dict] | None = None,
                 broken: list[dict] | None = None, regions: list[dict] | None = None) -> str:
    rows = rows if rows is not None else index_rows(reports, manifest)
    pairs = _pairs(manifest)
    for r in rows:
        r["alternates"] = [p for p in pairs.get(r["name"], []) if (reports / p["href"]).is_file()]
    regions = regions or []
    git = manifest.get("git", {})
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    return environment().get_template("index.html.j2").render(
        root="", lang="en", title="Reports", page="index", rows=rows, groups=_groups(rows),
        documents=documents or [], broken=broken or [], regions=regions, choices=landing.choices(regions),
        profiles=[] if regions else [r for r in rows if r["profile"]],  # no table (write_index): a list
        run_counts=sorted(counts.items()), failed=[r for r in rows if r["status"] == "failed"],
        git={"commit": str(git.get("commit")), "dirty": git.get("dirty")}, python=manifest.get("python", ""),
        cite=citation.line(citation.load(), git.get("commit")))


def write_index(reports: Path, manifest: dict) -> None:
    """The landing page alone (after an interrupted run, when the site is not rebuilt)."""
    write_atomic(reports / "index.html", render_index(reports, manifest).encode("utf-8"))


@lru_cache(maxsize=2)
def _exporter(show_code: bool):
    """One exporter per worker (its templates compile once, not once a report); its Markdown is
    rendered as text (``analysis.safemarkdown``: raw HTML escaped, only http(s) or relative links)."""
    from analysis.safemarkdown import SafeHTMLExporter  # imports nbconvert: only a worker that renders needs it

    return SafeHTMLExporter(template_name="basic", exclude_input=not show_code, exclude_input_prompt=not show_code,
                        exclude_output_prompt=True)


def render_html(nb, stem: str, name: str, show_code: bool, lang: str = "en") -> str:
    """The report's page: nbconvert's ``basic`` template renders the cells (no styles or
    scripts of its own), the site's ``report.html.j2`` puts them in a page with the shared
    navigation, stylesheet and script (``reports/assets/``, written once for every page)."""
    title = first_heading(nb) or stem
    body, _ = _exporter(show_code).from_notebook_node(nb)
    from markupsafe import Markup

    return environment().get_template("report.html.j2").render(
        root="../", page=name, lang=lang, title=f"{title} ({name})", name=name, body=Markup(body))
