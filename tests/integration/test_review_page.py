"""The review page in Chromium (Debian's package, driven by Playwright as the site's browser tests
are): `python -m analysis review DOC --serve` started as a user starts it, on a copy of the project
with documents it has never seen (tests/fixtures/new_documents/), reviewed by keyboard and through
the page's stable attributes, accepted, and checked against the curated tables, curation.csv and
`figures check`."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from tests.conftest import NEW_DOCUMENTS, NEW_DOCUMENTS_DIR, ROOT, link_tuning_sets
from tests.integration.helpers import cli

pytestmark = pytest.mark.integration

MARKUP_TITLE = "<b>粗体</b><script>window.pwned = 1</script>众创空间通报"
MARKUP_TEXT = ("<img src=x onerror=\"window.pwned = 2\">全市已建成众创空间<b>12家</b>，"
               "<script>window.pwned = 3</script>在孵企业300家。\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory, built_drafts):
    """A copy of the project with three test documents added, one of them with markup in its
    text and title (the review page must show it as text).
    (``built_drafts``: the real project's, built before the root points at the copy)"""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    shutil.copy(ROOT / "data" / "datapackage.json", root / "data" / "datapackage.json")
    for sub in ("curated", "external"):
        shutil.copytree(ROOT / "data" / sub, root / "data" / sub)
    shutil.copytree(ROOT / "notebooks", root / "notebooks")  # the suite: what an accept makes stale
    link_tuning_sets(root)  # as in a clone: the drafts learn from the declared tuning sets
    markup = root / "markup.txt"
    markup.write_text(MARKUP_TEXT, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SHUANGCHUANG_ROOT", str(root))
        from analysis import corpus

        for name in ("zone_rules.txt", "yuhang_2025.txt", "hangzhou_ruby.txt"):
            corpus.add_document(NEW_DOCUMENTS_DIR / name, **NEW_DOCUMENTS[name])
        corpus.add_document(markup, doc_id="markup-2020", region="markupville", region_zh="某市",
                            region_en="Markup <i>City</i>", level="prefecture_city", genre="news_report",
                            title=MARKUP_TITLE, date="2020", outlet="<a href=\"http://evil.example\">某报</a>")
    return root


class Server:
    """`python -m analysis review DOC --serve …` in its own process, as a user runs it."""

    def __init__(self, root: Path, doc: str, *args: str):
        env = {**os.environ, "SHUANGCHUANG_ROOT": str(root), "ANALYSIS_REVIEWER": "tester"}
        self.proc = subprocess.Popen([sys.executable, "-m", "analysis", "review", doc, "--serve", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=root)
        self.line = self.proc.stdout.readline()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_-]{20,}\n", self.line), \
            (self.line, self.proc.stderr.read() if self.proc.poll() is not None else "")
        self.url = self.line.strip()
        self.base, self.token = self.url.split("/?token=")

    def stop(self) -> tuple[int, str, str]:
        """Ctrl-C: one line, exit status 0."""
        self.proc.send_signal(signal.SIGINT)
        out, err = self.proc.communicate(timeout=60)
        return self.proc.returncode, out, err


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda err: errors.append(str(err)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("dialog", lambda d: errors.append(f"dialog: {d.message}"))
    yield pg
    context.close()
    assert errors == [], f"JavaScript errors, CSP violations or dialogs: {errors}"


def saved(page) -> None:
    """Wait until every change the page made has been answered by the server."""
    page.wait_for_selector("body[data-pending='0']")  # a selector: the page's CSP forbids eval


def curated(root: Path, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((root / "data" / "curated" / name).read_text(encoding="utf-8"))))


def test_markup_in_a_document_or_its_catalogue_row_is_shown_as_text(project, page):
    server = Server(project, "markup-2020", "--layer", "figures")
    try:
        page.goto(server.url)
        assert page.evaluate("window.pwned") is None
        assert page.inner_text("h1") == f"Review markup-2020 {MARKUP_TITLE}"
        assert "<a href=\"http://evil.example\">某报</a>" in page.inner_text(".doc-meta")
        assert "Markup <i>City</i>" in page.inner_text(".doc-meta")
        text = page.inner_text(".source-text")
        assert "<img src=x onerror=" in text and "<script>window.pwned = 3</script>" in text
        # nothing of it became an element: no image, no bold, no link, one script (the page's)
        assert page.locator("img").count() == 0 and page.locator("h1 b, .source-text b:not(.num), a").count() == 0
        assert page.locator("script").count() == 1
        # the drafted figure's mention and sentence, from the text, are text too
        assert page.locator(".row[data-layer=figures]").count() >= 1
    finally:
        status, out, err = server.stop()
    assert (status, err) == (0, "")


def test_a_bad_edit_shows_its_problem_on_its_row_and_writes_nothing_to_curated(project, page):
    before = {p.name: p.read_bytes() for p in (project / "data" / "curated").iterdir()}
    server = Server(project, "hangzhou-2019", "--layer", "figures")
    try:
        page.goto(server.url)
        # o: least confident first, o again: text order
        conf = "rs => rs.map(r => parseFloat(r.dataset.confidence))"
        order = "rs => rs.map(r => parseFloat(r.dataset.order))"
        page.keyboard.press("o")
        shown = page.locator(".row[data-layer=figures]").evaluate_all(conf)
        assert shown == sorted(shown)
        page.keyboard.press("o")
        shown = page.locator(".row[data-layer=figures]").evaluate_all(order)
        assert shown == sorted(shown)
        first = page.locator(".row[data-layer=figures]").first
        row_id = first.get_attribute("data-row")
        year = page.locator(f"input[data-id='{row_id}'][data-field=year]")
        year.fill("20x9")
        year.press("Tab")
        saved(page)
        problem = first.locator("[data-role=problem]")
        assert "field 'year'" in problem.inner_text() and row_id in problem.inner_text()
        assert "wrong" in (year.get_attribute("class") or "")
        page.click("[data-action=accept]")
        page.wait_for_selector("[data-role=status].bad")
        assert "data/review/hangzhou-2019.figures.csv" in page.inner_text("[data-role=status]")
        # the edit is in the review file, nothing in data/curated/
        review = (project / "data/review/hangzhou-2019.figures.csv").read_text(encoding="utf-8")
        assert ",20x9," in review
        assert {p.name: p.read_bytes() for p in (project / "data" / "curated").iterdir()} == before
    finally:
        assert server.stop()[0] == 0


def test_no_token_no_answer(project):
    server = Server(project, "hangzhou-2019", "--layer", "figures")
    try:
        for path in ("/", "/assets/review.js", "/api/change"):
            with pytest.raises(urllib.error.HTTPError) as info:
                urllib.request.urlopen(server.base + path, timeout=30)
            assert info.value.code == 403
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(urllib.request.Request(server.base + "/api/accept", data=b"{}", method="POST",
                                                          headers={"Content-Type": "application/json"}), timeout=30)
        assert info.value.code == 403
    finally:
        assert server.stop()[0] == 0


def test_done_when_one_indicator_changed_one_mention_out_of_scope_and_accepted(project, page):
    """The issue's scenario, on zone_rules.txt (never seen): the drafted indicator of 100万元
    (一次性奖励 to a new national incubator, drafted `subsidies`) changed to another of the codebook's
    amounts, 5000平方米以上 (a condition of the rule) marked out of scope with a reason, accepted."""
    server = Server(project, "zone-2018", "--layer", "figures")
    try:
        page.goto(server.url)
        # it listens on 127.0.0.1 only (another loopback address of the machine is refused), and
        # answers nothing without its token
        assert server.base.startswith("http://127.0.0.1:")
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.1.1", int(server.base.rsplit(":", 1)[1])), timeout=10)
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(server.base + "/", timeout=30)
        assert info.value.code == 403
        indicator = page.locator("select[data-id='zone-2018-d00048'][data-field=indicator]")
        assert indicator.input_value() == "subsidies"
        new = "incubation_funds"
        assert "incubation_funds" in indicator.locator("option").evaluate_all("os => os.map(o => o.value)")
        indicator.select_option(new)
        saved(page)
        decision = page.locator("select[data-id='zone-2018-d00066'][data-field=decision]")
        assert decision.locator("option").evaluate_all("os => os.map(o => o.value)") == ["keep", "out_of_scope"]
        decision.select_option("out_of_scope")
        page.fill("input[data-id='zone-2018-d00066'][data-field=reason]", "a condition of the rule (test)")
        page.press("input[data-id='zone-2018-d00066'][data-field=reason]", "Tab")
        saved(page)
        problems = page.locator(".row[data-row='zone-2018-d00048'] [data-role=problem]").inner_text()
        page.click("[data-action=accept]")
        # the accept rebuilds the drafts of the copy's nine documents (the coder retrains): not instant
        page.wait_for_selector("[data-role=status].ok, [data-role=status].bad", timeout=120_000)
        status = page.inner_text("[data-role=status]")
        assert "zone-2018: figures reviewed" in status, (status, problems)
        assert "make reports" in status
    finally:
        code, out, err = server.stop()
    # after the address (read above), one line at Ctrl-C, exit status 0
    assert (code, err) == (0, "") and out.count("\n") == 1
    assert out.startswith("stopped; every change is saved in data/review/")
    mine = {r["figure_id"]: r for r in curated(project, "figures.csv") if r["doc_id"] == "zone-2018"}
    assert mine["zone-2018-d00048"]["indicator"] == new and "zone-2018-d00066" not in mine and len(mine) == 5
    skipped = [r for r in curated(project, "out_of_scope.csv") if r["doc_id"] == "zone-2018"]
    assert [(r["text"], r["reason"]) for r in skipped] == [("5000平方米以上", "a condition of the rule (test)")]
    row = next(r for r in curated(project, "curation.csv") if (r["doc_id"], r["layer"]) == ("zone-2018", "figures"))
    assert (row["status"], row["reviewer"]) == ("reviewed", "tester")
    assert not (project / "data/review/zone-2018.figures.csv").exists()


def test_a_whole_document_reviewed_by_keyboard_only_survives_a_reload(project, page):
    server = Server(project, "yuhang-2023")
    keys = 0

    def press(key: str) -> None:
        nonlocal keys
        keys += 1
        page.keyboard.press(key)

    try:
        page.goto(server.url)
        rows = page.locator(".row[data-row]")
        total = rows.count()
        layers = set(rows.evaluate_all("rs => rs.map(r => r.dataset.layer)"))
        assert layers == {"figures", "instruments", "pmc"}  # funding waits for the figures
        press("?")
        assert page.locator("[data-role=help]").is_visible()
        press("?")
        changed_scope = skipped = None
        done = 0
        while done < total:
            current = page.locator(".row.current")
            layer, row_id = current.get_attribute("data-layer"), current.get_attribute("data-row")
            if layer == "figures" and changed_scope is None:
                # choose from a list by typing: e (the indicator), Tab (the scope), type, Enter
                press("e")
                press("Tab")
                for ch in "national":
                    press(ch)
                press("Enter")
                changed_scope = row_id
            elif layer == "figures" and skipped is None and done >= 2:
                press("x")
                page.keyboard.type("a target of the plan, kept elsewhere (test)")
                keys += len("a target of the plan, kept elsewhere (test)")
                press("Enter")
                skipped = row_id
            elif layer == "pmc" and page.locator(f"select[data-id='{row_id}'][data-field=score]").input_value() == "":
                press("0")
                page.keyboard.type("read: not in the text (test)")
                keys += len("read: not in the text (test)")
                press("Enter")
            else:
                press("Enter")
            saved(page)
            assert "confirmed" in (page.locator(f".row[data-row='{row_id}'][data-layer='{layer}']")
                                   .get_attribute("class")), page.locator(f".row[data-row='{row_id}'] "
                                                                           "[data-role=problem]").inner_text()
            done += 1
            if done == total // 2:
                page.reload()
                # every change kept, and the review resumes at the first row not yet accepted
                assert page.locator(f"select[data-id='{changed_scope}'][data-field=scope]").input_value() == \
                    "national_level"
                assert page.locator(f"select[data-id='{skipped}'][data-field=decision]").input_value() == \
                    "out_of_scope"
                assert page.locator(".row.confirmed").count() == done
                assert page.locator(".row.current").get_attribute("data-row") != row_id
        assert page.inner_text("[data-role=progress]").startswith(f"{total} of {total} rows accepted")
        press("A")
        page.wait_for_selector("[data-role=status].ok, [data-role=status].bad", timeout=120_000)
        status = page.inner_text("[data-role=status]")
        assert "yuhang-2023: figures, instruments, pmc reviewed" in status, status
        assert "make reports" in status and "The drafts were rebuilt with this accept" in status
    finally:
        assert server.stop()[0] == 0
    # the curated tables, curation.csv and `figures check` agree
    mine = {r["figure_id"]: r for r in curated(project, "figures.csv") if r["doc_id"] == "yuhang-2023"}
    assert mine[changed_scope]["scope"] == "national_level" and skipped not in mine
    assert [r["reason"] for r in curated(project, "out_of_scope.csv") if r["doc_id"] == "yuhang-2023"] == [
        "a target of the plan, kept elsewhere (test)"]
    assert {r["layer"] for r in curated(project, "curation.csv")
            if r["doc_id"] == "yuhang-2023" and r["status"] == "reviewed"} == {"figures", "instruments", "pmc"}
    pmc = [r for r in curated(project, "pmc_scores.csv") if r["doc_id"] == "yuhang-2023"]
    assert pmc and not any(r["justification"].startswith("not scored") for r in pmc)
    check = cli(project, "figures", "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "DRAFT yuhang-2023: funding not reviewed" in check.stdout  # funding only: the rest is reviewed
    # the page for the next document says the coder retrained on this one
    nxt = Server(project, "hangzhou-2019", "--layer", "figures")
    try:
        page.goto(nxt.url)
        assert "it retrained after the latest accept, yuhang-2023" in page.inner_text("[data-role=coder]")
    finally:
        assert nxt.stop()[0] == 0
    print(f"keyboard review of yuhang-2023: {total} rows, {keys} keys")
