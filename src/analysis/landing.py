"""The landing page's table of regions (``reports/index.html#regions``): one row per region of
the catalogue, however many there are, that a reader filters and sorts in the browser
(``assets/site.js``) by province, level, number of documents and review status, with links to
the region's profile in each language.

A region's review status comes from its documents' source-viewer summaries
(``analysis.sourceview``): the coded clauses and anchored figures, reviewed or drafted.
"""

from __future__ import annotations

from pathlib import Path

from analysis import paths
from analysis.i18n import Text
from analysis.tables import read_rows

__all__ = ["LEVELS", "REVIEW", "region_rows", "choices", "province_names"]

# the catalogue's levels (datapackage.json), from the highest: the order the table sorts them in
LEVELS = {
    "province": Text("province", "省级"),
    "provincial_capital": Text("provincial capital", "省会城市"),
    "prefecture_city": Text("prefecture city", "地级市"),
    "county": Text("county", "县"),
    "district": Text("district", "区"),
    "development_zone": Text("development zone", "开发区"),
}
REVIEW = {  # from the most reviewed
    "reviewed": Text("reviewed", "已审核"),
    "partly": Text("partly reviewed", "部分审核"),
    "drafted": Text("drafted", "草拟"),
    "none": Text("nothing coded", "未编码"),
}


def _review(reviewed: int, drafted: int) -> str:
    if drafted and reviewed:
        return "partly"
    return "drafted" if drafted else "reviewed" if reviewed else "none"


def province_names() -> dict[str, str]:
    """The Chinese name of each provincial-level division by its code and by each of its aliases
    (``data/curated/provinces.csv``, checked against the data package)."""
    from analysis import schema  # frictionless: only when the site is built

    path = paths.curated_dir() / "provinces.csv"
    rows = read_rows(path, ["code", "aliases", "name_zh", "name_en"], "provinces")
    schema.check_file("provinces", path, list(enumerate(rows, 1)), "code")
    return {code: r["name_zh"] for r in rows
            for code in [r["code"], *(a.strip() for a in r["aliases"].split("|") if a.strip())]}


def region_rows(documents: list[dict], reports: Path, runs: dict, lang: str = "en") -> list[dict]:
    """One row per region of ``documents`` (the site's document summaries: ``doc``, the catalogue's
    document, and ``reviewed``/``drafted``, its counts), sorted by province and name. ``runs``: the
    manifest's runs (a profile's headline and status); a profile links only where its page exists.
    A province is named as its own document names it, else as ``provinces.csv`` does, else by its code."""
    docs = [d["doc"] for d in documents]
    names = {**province_names(), **{d.region: d.region_zh for d in docs}}
    regions: dict[str, dict] = {}
    for d in documents:
        doc = d["doc"]
        province = doc.region if doc.level == "province" or not doc.parent_province else doc.parent_province
        row = regions.setdefault(doc.region, {
            "code": doc.region, "name_zh": doc.region_zh, "name_en": doc.region_en,
            "province": province, "province_name": names.get(province, province),
            "level": doc.level, "level_label": LEVELS[doc.level](lang) if doc.level in LEVELS else doc.level,
            "level_rank": list(LEVELS).index(doc.level) if doc.level in LEVELS else len(LEVELS),
            "documents": 0, "reviewed": 0, "drafted": 0})
        row["documents"] += 1
        row["reviewed"] += int(d.get("reviewed", 0))
        row["drafted"] += int(d.get("drafted", 0))
    out = []
    for code, row in regions.items():
        review = _review(row["reviewed"], row["drafted"])
        profiles = []
        for run_lang, name in (("en", f"region_profile-{code}"), ("zh", f"region_profile-zh-{code}")):
            if (reports / "html" / f"{name}.html").is_file():
                profiles.append({"lang": run_lang, "href": f"html/{name}.html", "label": "English" if run_lang == "en"
                                 else "中文"})
        run = runs.get(f"region_profile-{code}", {})
        out.append({**row, "review": review, "review_label": REVIEW[review](lang),
                    "review_rank": list(REVIEW).index(review), "profiles": profiles,
                    "headline": run.get("headline") or run.get("last_good_headline", ""),
                    "failed": run.get("status") == "failed"})
    return sorted(out, key=lambda r: (r["province_name"], r["level_rank"], r["name_zh"], r["code"]))


def choices(rows: list[dict], lang: str = "en") -> dict[str, list[tuple[str, str]]]:
    """The values each filter of the table offers, (value, label), in the table's order."""
    provinces = sorted({(r["province"], r["province_name"]) for r in rows}, key=lambda p: (p[1], p[0]))
    levels = [(k, v(lang)) for k, v in LEVELS.items() if any(r["level"] == k for r in rows)]
    review = [(k, v(lang)) for k, v in REVIEW.items() if any(r["review"] == k for r in rows)]
    return {"province": provinces, "level": levels, "review": review}
