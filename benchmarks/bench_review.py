"""The review page: keystrokes to review a document whose drafts are right, and the server's
response time per change.

    .venv/bin/python benchmarks/bench_review.py [--doc yuhang_2025.txt] [--changes 120]

On a temporary copy of the project with a test document it has never seen
(tests/fixtures/new_documents/), ``python -m analysis review DOC --serve`` is started as a
user starts it. (1) Chromium (Debian's package, through Playwright) reviews the whole document
with the keyboard, taking every draft as right: the keys pressed per draft (goal, issue 20:
one). PMC items no drafting rule scored are not drafts: a person scores them (``0`` or ``1``,
a justification, Enter); their keys are counted apart. (2) ``--changes`` POSTs to
``/api/change``, cycling over fields of the three layers (a figure's scope and year, a clause's
code, a PMC item's justification), each saved and checked as the page does it: the time from
request to answer, median and 95th percentile (goal: under 50 ms on this machine).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.conftest import NEW_DOCUMENTS, NEW_DOCUMENTS_DIR  # noqa: E402  (the test documents' catalogue rows)


def copy_project(folder: Path, name: str) -> str:
    for sub in ("raw", "curated", "external"):
        shutil.copytree(ROOT / "data" / sub, folder / "data" / sub)
    shutil.copy(ROOT / "data" / "datapackage.json", folder / "data" / "datapackage.json")
    shutil.copytree(ROOT / "notebooks", folder / "notebooks")
    os.environ["SHUANGCHUANG_ROOT"] = str(folder)
    from analysis import corpus

    return corpus.add_document(NEW_DOCUMENTS_DIR / name, **NEW_DOCUMENTS[name]).doc_id


def start(folder: Path, doc: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "review", doc, "--serve"], stdout=subprocess.PIPE,
                            text=True, cwd=folder, env={**os.environ, "ANALYSIS_REVIEWER": "benchmark"})
    return proc, proc.stdout.readline().strip()


def keystrokes(url: str) -> dict:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("ANALYSIS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url)
        total = page.locator(".row[data-row]").count()
        drafts = draft_keys = person = person_keys = 0
        for _ in range(total):
            row = page.locator(".row.current")
            layer, row_id = row.get_attribute("data-layer"), row.get_attribute("data-row")
            score = page.locator(f"select[data-id='{row_id}'][data-field=score]")
            if layer == "pmc" and score.input_value() == "":
                why = "read: not in the text (benchmark)"
                page.keyboard.press("0")
                page.keyboard.type(why)
                page.keyboard.press("Enter")
                person, person_keys = person + 1, person_keys + 2 + len(why)
            else:
                page.keyboard.press("Enter")
                drafts, draft_keys = drafts + 1, draft_keys + 1
            page.wait_for_selector("body[data-pending='0']")  # a selector: the page's CSP forbids eval
            if "confirmed" not in (page.locator(f".row[data-row='{row_id}'][data-layer='{layer}']")
                                   .get_attribute("class") or ""):
                raise SystemExit(f"{layer} {row_id} was not accepted: a draft of the test document is wrong")
        browser.close()
    return {"rows": total, "drafts": drafts, "keys on drafts": draft_keys, "keys per draft": draft_keys / drafts,
            "items a person scores": person, "their keys": person_keys}


def response_times(url: str, n: int, root: Path, doc: str) -> dict:
    import csv

    base, token = url.split("/?token=")
    host, port = base.removeprefix("http://").split(":")
    rows = {layer: list(csv.DictReader((root / "data" / "review" / f"{doc}.{layer}.csv").open(encoding="utf-8")))
            for layer in ("figures", "instruments", "pmc")}
    fig, clause = rows["figures"][0], rows["instruments"][-1]
    cycle = [("figures", fig["figure_id"], "scope", ["national_level", fig["scope"]]),
             ("figures", fig["figure_id"], "year", [str(int(fig["year"]) - 1), fig["year"]]),
             ("instruments", clause["clause_id"], "primary", ["S_FUN", clause["primary"]]),
             ("pmc", rows["pmc"][0]["item"], "justification", ["read: changed (benchmark)", "read: again (benchmark)"])]
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    times, by_layer = [], {}
    for i in range(n):
        layer, row_id, field, values = cycle[i % len(cycle)]
        body = json.dumps({"layer": layer, "id": row_id, "field": field, "value": values[(i // len(cycle)) % 2]})
        t0 = time.perf_counter()
        conn.request("POST", "/api/change", body=body, headers={"Content-Type": "application/json",
                                                                "X-Review-Token": token, "Host": f"{host}:{port}"})
        answer = json.loads(conn.getresponse().read())
        times.append((time.perf_counter() - t0) * 1000)
        if i >= len(cycle):  # the first round reads the codebooks
            by_layer.setdefault(layer, []).append(times[-1])
        if not answer.get("ok"):
            raise SystemExit(f"change refused: {answer}")
    conn.close()
    times = times[len(cycle):]  # the first round reads the codebooks
    return {"changes": len(times), "median ms": statistics.median(times),
            "p95 ms": statistics.quantiles(times, n=20)[-1], "max ms": max(times),
            "median ms by layer": {k: statistics.median(v) for k, v in by_layer.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doc", default="yuhang_2025.txt", choices=sorted(NEW_DOCUMENTS))
    parser.add_argument("--changes", type=int, default=120)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-review-") as tmp:
        folder = Path(tmp)
        doc = copy_project(folder, args.doc)
        proc, url = start(folder, doc)
        try:
            keys = keystrokes(url)
            print(f"keystrokes, {doc}: {keys['drafts']} drafts reviewed with {keys['keys on drafts']} keys "
                  f"({keys['keys per draft']:.2f} per draft; goal 1); {keys['items a person scores']} PMC items "
                  f"no rule scored took {keys['their keys']} keys (score, justification, Enter)")
            times = response_times(url, args.changes, folder, doc)
            print(f"response per change: median {times['median ms']:.1f} ms, 95th percentile "
                  f"{times['p95 ms']:.1f} ms, max {times['max ms']:.1f} ms over {times['changes']} changes "
                  f"(goal: under 50 ms; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}); median by "
                  "layer: " + ", ".join(f"{k} {v:.1f} ms" for k, v in times["median ms by layer"].items()))
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=60)


if __name__ == "__main__":
    main()
