"""Hostile input, in the browser: nothing a table or a document says runs in the site (issue 25).

In a copy of the repository, every free-text field of the catalogue, of every curated table and
of every reference table (the fields the data package leaves free: no enum, pattern, key or
format, and no rule tying them to the text, like a quote at its offsets) gets a hostile string,
and a document whose own text carries them is added with `corpus add`. The payloads call
``__pwn(id)``; the page defines it before anything else runs, so a payload that runs leaves its
id. Then a subset of the suite runs (``RUNS``: every analysis in one language or the other, the
prices run, and every region profile in both languages; the full suite's other renderings of the
same notebooks add time and no other sink) and every page of the site is opened in Chromium.
A page fails when a payload ran, when the browser reports a Content-Security-Policy violation
(an inline script, style or handler the policy refused: the site's own pages have none), when
an element carries an event-handler attribute or a ``javascript:`` link, or when a script is
not one of the site's own files; and every page must still render (a heading, the navigation
drawn by the site's script) with no broken internal link.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from tests.integration.helpers import cli, copy_of_repository

pytestmark = pytest.mark.integration

PAYLOADS = [
    '<script>__pwn("script")</script>',
    '<img src=x onerror="__pwn(\'img\')">',
    '"><svg onload=__pwn("svg-dq")>',
    "'><svg onload=__pwn('svg-sq')>",
    '</script><script>__pwn("close-script")</script>',
    'javascript:__pwn("js-url")',
    '[link](javascript:__pwn("md-link"))',
    '<a href="javascript:__pwn(\'a-href\')">x</a>',
    "it's \"quoted\" `both` ways",
    "line\u2028separator\u2029paragraph",
    "\u202eright-to-left\u200f mark",
    "$\\frac{x$ {{ 7*7 }} ${7*7}",
]
LONG = "长" * 9_960 + '<script>__pwn("long")</script>'  # a 10,000-character value
URL_PAYLOAD = 'javascript:__pwn("source-url")'

# the free-text fields: data/datapackage.json leaves them free, and no check ties them to a text
FIELDS = {
    "raw/policies/catalogue.csv": ["region_zh", "region_en", "title", "outlet", "notes"],
    "curated/indicators.csv": ["label_zh", "label_en", "description"],
    "curated/scopes.csv": ["label_en", "label_zh", "description"],
    "curated/figures.csv": ["note", "locality"],
    "curated/funding.csv": ["payer", "recipient", "note"],
    "curated/instruments_hand.csv": ["note"],
    "curated/instruments_coder2.csv": ["note"],
    "curated/instruments_adjudication.csv": ["reason"],
    "curated/pmc_scores.csv": ["justification"],
    "curated/curation.csv": ["reviewer", "note"],
    "curated/readings.csv": ["reading", "reading_zh", "reason"],
    "external/outcomes.csv": ["source", "source_url", "quote", "note"],
    "external/national.csv": ["source", "source_url", "quote"],
    "external/context.csv": ["source", "source_url", "quote", "note"],
}
NONEMPTY_ONLY = {"locality"}  # a locality needs its level: only the figures that name one get a payload
LONG_FIELDS = {("raw/policies/catalogue.csv", "notes"), ("curated/figures.csv", "note")}

HOSTILE_DOCUMENT = "\n".join([
    "某高新区支持孵化器发展的规定<script>__pwn('doc-title')</script>",
    '第一条 对新认定的国家级科技企业孵化器，给予一次性奖励100万元。<img src=x onerror="__pwn(\'doc-img\')">',
    '第二条 "><svg onload=__pwn("doc-svg")> 对在孵企业20家以上的孵化器，每年给予运营补贴30万元。',
    "第三条 </script><script>__pwn('doc-close')</script> javascript:__pwn('doc-js') \u2028 \u202e 到2020年，众创空间达到10家。",
]) + "\n"

# every analysis once (Chinese where a region's name is a sink of Markdown), the prices run, and
# every region profile in both languages
RUNS = ["01_corpus-zh", "02_strategies-zh", "03_targets", "04_funding", "04_funding-prices2017", "region_profile",
        "region_profile-zh"]


def _poison(copy: Path) -> int:
    """Put the payloads into the free-text fields; returns how many values were changed."""
    changed = 0
    for rel, fields in FIELDS.items():
        path = copy / "data" / rel
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header, rows = reader.fieldnames, list(reader)
        for i, row in enumerate(rows):
            for j, field in enumerate(fields):
                if field in NONEMPTY_ONLY and not row[field]:
                    continue
                if field == "source_url":
                    row[field] = URL_PAYLOAD
                elif (rel, field) in LONG_FIELDS and i == 0:
                    row[field] = LONG
                else:  # the value as it was, then a payload: every payload lands in every table
                    row[field] = (row[field] + " " if row[field] else "") + PAYLOADS[(i + j) % len(PAYLOADS)]
                changed += 1
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")
    return changed


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    copy = copy_of_repository(tmp_path_factory.mktemp("hostile"))
    document = copy / "hostile.txt"
    document.write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    done = cli(copy, "corpus", "add", str(document), "--id", "hostile-2018", "--region", "hostilezone",
                "--region-zh", '某市<b onmouseover=__pwn("issue-25")>x</b>', "--region-en", PAYLOADS[2],
                "--level", "development_zone", "--genre", "policy_text", "--title", PAYLOADS[0], "--date", "2018",
                "--outlet", PAYLOADS[4])
    assert done.returncode == 0, done.stderr
    changed = _poison(copy)
    assert changed > 500
    done = cli(copy, "corpus", "clean", "--quiet")
    assert done.returncode == 0, done.stderr
    done = cli(copy, "run", "--jobs", "2", "--quiet", *RUNS)
    assert done.returncode == 0, done.stdout + done.stderr
    return copy / "reports", done.stdout + done.stderr


INIT = """
window.__pwned = [];
window.__pwn = (id) => window.__pwned.push(String(id));
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " line " + e.lineNumber));
"""

SCAN = """() => {
  const handlers = [], scripts = [], jsLinks = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (a.name.toLowerCase().startsWith("on")) handlers.push(el.tagName + "[" + a.name + "]");
      if (["href", "src", "action", "formaction", "xlink:href"].includes(a.name.toLowerCase())
          && a.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase().startsWith("javascript:")) jsLinks.push(a.value);
    }
  }
  for (const s of document.scripts) scripts.push(s.getAttribute("src") || "inline: " + s.textContent.slice(0, 60));
  return {handlers, scripts, jsLinks, pwned: window.__pwned, csp: window.__csp,
          h1: (document.querySelector("h1") || {}).textContent || "",
          nav: document.querySelectorAll("#site-nav a").length};
}"""


OWN_SCRIPTS = {"assets/site.js", "assets/site-map.js", "assets/search.js", "assets/search/meta.js"}


def _problems(page, reports: Path, path: Path, errors: list[str]) -> list[str]:
    """What is wrong with one page of the site, as the reader's browser sees it."""
    rel = str(path.relative_to(reports))
    page.goto(path.as_uri() + ("?q=script" if rel == "search.html" else ""))
    # hover everything a reader could: a mouseover payload runs only then (one call, not one per element)
    page.evaluate("""() => document.querySelectorAll("main *").forEach(
        (e) => e.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})))""")
    found = page.evaluate(SCAN)
    depth = rel.count("/")
    stray = [s for s in found["scripts"] if s.replace("../" * depth, "", 1) not in OWN_SCRIPTS
             and not re.fullmatch(r"assets/search/[gt]-\d+\.js", s.replace("../" * depth, "", 1))]  # shards
    problems = [f"{rel}: {what}: {bad[:3]}" for what, bad in (
        ("a payload ran", found["pwned"]), ("CSP violation", found["csp"]), ("event handler", found["handlers"]),
        ("javascript: link", found["jsLinks"]), ("a script not the site's own", stray), ("JavaScript error", errors))
        if bad]
    if not found["h1"].strip() or found["nav"] < 5:
        problems.append(f"{rel}: does not render (h1 {found['h1'][:40]!r}, {found['nav']} navigation links)")
    errors.clear()
    return problems


def test_no_payload_runs_on_any_page_and_every_page_renders(site, browser):
    reports, log = site
    manifest = json.loads((reports / "manifest.json").read_text(encoding="utf-8"))
    assert not manifest.get("site", {}).get("broken_links"), manifest["site"]
    assert "broken link" not in log
    pages = sorted(p for p in reports.rglob("*.html") if "raw" not in p.relative_to(reports).parts)
    assert len(pages) >= 25  # index, search, data, the documents' list and pages, the reports
    # the control: the region name written into a page unescaped is caught, both by the
    # browser's policy (the inline handler is refused) and by the scan (the element carries it)
    profile = reports / "html" / "region_profile-zh-hostilezone.html"
    control = profile.with_name("control.html")
    control.write_text(profile.read_text(encoding="utf-8").replace(
        "<main>", '<main><p><b onmouseover=__pwn("control")>某市</b><img src=x onerror=__pwn("control-img")></p>', 1),
        encoding="utf-8")
    problems = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.add_init_script(INIT)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        caught = _problems(page, reports, control, errors)
        control.unlink()
        assert any("CSP violation" in c for c in caught) and any("event handler: ['B[onmouseover]'" in c
                                                                 for c in caught), caught
        for path in pages:
            problems += _problems(page, reports, path, errors)
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
    # the payloads are on the pages, as text: the region name in its Chinese profile
    profile = (reports / "html" / "region_profile-zh-hostilezone.html").read_text(encoding="utf-8")
    assert "某市&lt;b onmouseover=__pwn(&#34;issue-25&#34;)&gt;x&lt;/b&gt;" in profile or \
        "某市&lt;b onmouseover=__pwn(\"issue-25\")&gt;x&lt;/b&gt;" in profile
