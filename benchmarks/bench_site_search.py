"""The site at scale (issue 22): the search's first answer, the largest file, the landing page.

    .venv/bin/python benchmarks/bench_site_search.py [--documents 100 1000] [--repeat 5]

For each size, a synthetic site (``tests/synthetic_site.py``: the five real documents repeated
under new ids in two documents a region, a region profile per region in each language, no
notebook rendered) is written to a temporary folder; then headless Chromium (Debian's package,
as the browser tests use) opens ``search.html?q=...`` from disk for a few queries, each in a
fresh page, and reads what ``assets/search.js`` records: the time from the query's start to its
first results (the pages with every bigram of the query), since the page was opened, and until
every result is checked against its text. Target: the first answer under 200 ms, no file of
the site over 2 MB at 1,000 documents.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests import synthetic_site  # noqa: E402
from tests.integration.test_site_browser import CHROMIUM_FLAGS  # noqa: E402

QUERIES = {"a rare term (one document)": None, "a common term (every page)": "众创空间", "two characters": "孵化"}


def measure(page, reports: Path, q: str, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        page.goto((reports / "search.html").as_uri() + "?q=" + quote(q))
        page.wait_for_selector("#search-results[data-state=done]", timeout=120_000)
        data = page.eval_on_selector("#search-results", "e => ({...e.dataset, n: e.children.length})")
        runs.append(data)
    return {k: statistics.median(float(r[k]) for r in runs) for k in ("firstResults", "firstResultsAt", "doneAt", "n")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    from tests.integration.test_site_browser import chromium_path

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for n in args.documents:
            reports = Path(tmp) / f"site-{n}"
            start = time.perf_counter()
            synthetic_site.write_site(reports, n)
            built = time.perf_counter() - start
            files = [f for f in reports.rglob("*") if f.is_file()]
            largest = max(files, key=lambda f: f.stat().st_size)
            index = sum(f.stat().st_size for f in (reports / "assets" / "search").glob("*.js"))
            print(f"{n} documents: site written in {built:.1f} s; search index {index / 1e6:.1f} MB in "
                  f"{len(list((reports / 'assets' / 'search').glob('*.js')))} files; largest file "
                  f"{largest.relative_to(reports)} {largest.stat().st_size / 1e6:.2f} MB; index.html "
                  f"{(reports / 'index.html').stat().st_size / 1e6:.2f} MB")
            for label, q in QUERIES.items():
                q = q or synthetic_site.marker(n // 2 + 1)
                m = measure(page, reports, q, args.repeat)
                print(f"  {label} {q!r}: first results {m['firstResults']:.0f} ms after the query "
                      f"({m['firstResultsAt']:.0f} ms after opening the page), all {m['n']:.0f} checked at "
                      f"{m['doneAt']:.0f} ms (median of {args.repeat})")
        browser.close()


if __name__ == "__main__":
    main()
