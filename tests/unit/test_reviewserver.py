"""The review page's server without a browser: who may ask (token, host, method), what a change
does to the review file (saved at once, checked with the rules of `review --accept`, a hand edit
re-read and never overwritten), the lock shared with `--accept`, and the accept itself.

The document is zone_rules.txt (tests/fixtures/new_documents/), which the corpus has never seen;
its six drafted figures are 100万元, 5000平方米以上, 20家以上, 30万元, 30% and 最高不超过50万元."""

from __future__ import annotations

import csv
import http.client
import io
import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from tests.conftest import ROOT, add_new_document

from analysis import curation, draftfiles, inuse, locking, review
from analysis.cli import main
from analysis.reviewpage import Session
from analysis.reviewserver import CSP, TOKEN_HEADER, make_server

DOC = "zone-2018"
TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def served(tmp_path_factory, built_drafts):
    """A copy of the project with zone_rules.txt added, and a review server on its figures,
    instruments and PMC layers (started once: drafting the corpus takes a while).
    (``built_drafts``: the real project's, built before the root points at the copy)"""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    shutil.copy(ROOT / "data" / "datapackage.json", root / "data" / "datapackage.json")
    for sub in ("curated", "external"):
        shutil.copytree(ROOT / "data" / sub, root / "data" / sub)
    shutil.copytree(ROOT / "notebooks", root / "notebooks")  # the suite: what an accept makes stale
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SHUANGCHUANG_ROOT", str(root))
        add_new_document("zone_rules.txt")
        inuse.build()  # as `review` does before it starts
        session = Session(DOC, ["figures", "instruments", "pmc"], lock_wait=0.3)
        session.start()
        server, address = make_server(session, 0, "tester", token=TOKEN)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield root, server, session
        server.shutdown()
        server.server_close()


def request(server, method: str, path: str, body: dict | None = None, token: str | None = TOKEN,
            host: str | None = None, headers: dict | None = None, timeout: float = 60):
    port = server.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    hdrs = {"Host": host or f"127.0.0.1:{port}", **(headers or {})}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        hdrs["Content-Type"] = "application/json"
    if token is not None and method == "POST":
        hdrs[TOKEN_HEADER] = token
    conn.request(method, path, body=data, headers=hdrs)
    resp = conn.getresponse()
    out = resp.status, dict(resp.getheaders()), resp.read()
    conn.close()
    return out


def rows_of(root: Path, layer: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((root / f"data/review/{DOC}.{layer}.csv").read_text(encoding="utf-8"))))


def change(server, layer, row_id, field, value):
    status, _, body = request(server, "POST", "/api/change", {"layer": layer, "id": row_id, "field": field,
                                                              "value": value})
    return status, json.loads(body)


def curated_bytes(root: Path) -> dict:
    return {p.name: p.read_bytes() for p in (root / "data/curated").iterdir()}


def test_it_listens_on_127_0_0_1_only(served):
    _, server, _ = served
    assert server.server_address[0] == "127.0.0.1"


@pytest.mark.parametrize("path", ["/", "/assets/review.js", "/assets/site.css", "/favicon.ico", "/nothing"])
def test_every_request_without_the_token_is_403(served, path):
    _, server, _ = served
    assert request(server, "GET", path)[0] == 403
    assert request(server, "GET", path + "?token=wrong")[0] == 403
    assert request(server, "GET", path + "?token=")[0] == 403


def test_a_request_naming_another_host_is_403_even_with_the_token(served):
    # a page of another site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own Host
    _, server, _ = served
    assert request(server, "GET", f"/?token={TOKEN}", host="evil.example:80")[0] == 403


def test_the_page_carries_a_csp_allowing_only_its_own_script_and_style(served):
    _, server, _ = served
    status, headers, body = request(server, "GET", f"/?token={TOKEN}")
    assert status == 200
    assert headers["Content-Security-Policy"].startswith(CSP)
    assert "script-src 'self'" in CSP and "style-src 'self'" in CSP and "unsafe-inline" not in CSP
    html = body.decode()
    assert '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;' in html
    # no inline script or handler: every <script> has a src, no on... attribute
    assert html.count("<script") == html.count('<script src="/assets/review.js?token=')
    assert " onclick=" not in html and " onload=" not in html and "<style" not in html


def test_the_page_has_the_stable_attributes(served):
    _, server, _ = served
    html = request(server, "GET", f"/?token={TOKEN}")[2].decode()
    # the 100万元 figure: its indicator is a <select> whose options are the codebook's codes
    assert '<select data-layer="figures" data-id="zone-2018-d00048" data-field="indicator"' in html
    assert '<option value="maker_spaces" title="Maker spaces (众创空间), counted by the level' in html
    assert 'data-action="accept"' in html and 'data-role="status"' in html
    assert '<select data-layer="pmc" data-id="X1:1" data-field="score"' in html
    assert '<select data-layer="instruments" data-id="zone-2018:2.1.1" data-field="primary"' in html


def test_assets_are_a_fixed_list_and_no_request_names_a_file(served):
    _, server, _ = served
    status, headers, body = request(server, "GET", f"/assets/review.js?token={TOKEN}")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and b"X-Review-Token" in body
    for path in ("/assets/../reviewserver.py", "/assets/..%2Freviewserver.py", "/assets/review.html.j2",
                 "/data/review/zone-2018.figures.csv", "/assets/"):
        assert request(server, "GET", f"{path}?token={TOKEN}")[0] == 404


def test_changes_are_made_by_post_with_the_token_in_its_header_only(served):
    root, server, _ = served
    before = (root / f"data/review/{DOC}.figures.csv").read_bytes()
    body = {"layer": "figures", "id": "zone-2018-d00048", "field": "year", "value": "2019"}
    assert request(server, "GET", f"/api/change?token={TOKEN}")[0] == 405
    assert request(server, "POST", "/api/change", body, token=None)[0] == 403
    assert request(server, "POST", f"/api/change?token={TOKEN}", body, token=None)[0] == 403
    assert request(server, "POST", "/api/change", body, token="wrong")[0] == 403
    # a form post (no JSON) is refused too
    assert request(server, "POST", "/api/change", None, headers={"Content-Type": "text/plain"})[0] == 415
    assert (root / f"data/review/{DOC}.figures.csv").read_bytes() == before


def test_a_change_is_saved_at_once_and_checked_with_the_rules_of_accept(served):
    root, server, _ = served
    before = curated_bytes(root)
    # 30万元 (运营补贴) drafted as subsidies: a scope from the codebook
    status, answer = change(server, "figures", "zone-2018-d00098", "scope", "national_level")
    assert (status, answer["ok"], answer["problem"]) == (200, True, None)
    assert next(r for r in rows_of(root, "figures") if r["figure_id"] == "zone-2018-d00098")["scope"] == "national_level"
    # a bad edit: saved in the review file (the CSV path allows it too), its problem said on its row
    status, answer = change(server, "figures", "zone-2018-d00098", "year", "twenty")
    assert answer["problem"]["field"] == "year"
    assert answer["problem"]["message"].startswith("data/review/zone-2018.figures.csv, row 4 (zone-2018-d00098), "
                                                   "field 'year'")
    assert next(r for r in rows_of(root, "figures") if r["figure_id"] == "zone-2018-d00098")["year"] == "twenty"
    # an indicator counted in 家 on an amount in 元: the unit rule of --accept
    status, answer = change(server, "figures", "zone-2018-d00098", "indicator", "maker_spaces")
    assert answer["problem"]["field"] == "year"  # the first rule broken is still the year's
    change(server, "figures", "zone-2018-d00098", "year", "2018")
    status, answer = change(server, "figures", "zone-2018-d00098", "indicator", "maker_spaces")
    assert answer["problem"] == {"field": "unit", "message": "data/review/zone-2018.figures.csv, row 4 "
                                 "(zone-2018-d00098), field 'unit': 'CNY' but indicator 'maker_spaces' is measured in "
                                 "'count'"}
    change(server, "figures", "zone-2018-d00098", "indicator", "subsidies")
    assert curated_bytes(root) == before  # nothing reaches data/curated/ before the accept


def test_a_row_is_confirmed_only_when_it_passes(served):
    _, server, session = served
    status, body, _ = None, None, None
    status, _, body = request(server, "POST", "/api/confirm", {"layer": "figures", "id": "zone-2018-d00048"})
    assert json.loads(body) == {"ok": True, "reread": False, "problem": None}
    assert ("figures", "zone-2018-d00048") in session.confirmed
    # X1:1 is not scored by any drafting rule: a person must score it
    answer = json.loads(request(server, "POST", "/api/confirm", {"layer": "pmc", "id": "X1:1"})[2])
    assert answer["ok"] is False and answer["problem"]["field"] == "score"


def test_a_pmc_score_keeps_no_drafted_not_scored_note_as_its_justification(served):
    _, server, _ = served
    status, answer = change(server, "pmc", "X1:1", "score", "0")
    assert answer["problem"]["field"] == "justification"
    status, answer = change(server, "pmc", "X1:1", "justification", "read: no forecast in the text (test)")
    assert answer["problem"] is None


@pytest.mark.parametrize("body, message", [
    ({"layer": "figures", "id": "zone-2018-d00048", "field": "quote", "value": "x"}, "field 'quote' cannot be changed"),
    ({"layer": "figures", "id": "zone-2018-d99999", "field": "year", "value": "2018"}, "no row 'zone-2018-d99999'"),
    ({"layer": "funding", "id": "zone-2018-d00048", "field": "per", "value": "total"}, "'funding' is not a layer"),
    ({"layer": "../../curated/figures", "id": "x", "field": "year", "value": "1"}, "is not a layer of this review"),
])
def test_a_change_the_page_cannot_make_is_refused_in_one_line(served, body, message):
    root, server, _ = served
    before = (root / f"data/review/{DOC}.figures.csv").read_bytes()
    status, _, answer = request(server, "POST", "/api/change", body)
    assert status == 409 and message in json.loads(answer)["message"]
    assert (root / f"data/review/{DOC}.figures.csv").read_bytes() == before


def test_a_hand_edited_review_file_is_re_read_not_overwritten(served):
    root, server, _ = served
    request(server, "GET", f"/?token={TOKEN}")  # the page reads the file
    path = root / f"data/review/{DOC}.figures.csv"
    rows = rows_of(root, "figures")
    rows[5]["note"] = "checked in a spreadsheet (test)"  # 最高不超过50万元, edited by hand meanwhile
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n")  # a spreadsheet's line ends
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8-sig")  # and its byte-order mark
    status, answer = change(server, "figures", "zone-2018-d00048", "year", "2018")
    assert answer["reread"] is True
    after = rows_of(root, "figures")
    assert after[5]["note"] == "checked in a spreadsheet (test)" and after[0]["year"] == "2018"
    # the next change is made on what the page wrote: nothing to re-read
    assert change(server, "figures", "zone-2018-d00048", "year", "2018")[1]["reread"] is False


def test_two_tabs_changing_at_once_lose_nothing_and_the_last_change_to_a_field_wins(served):
    root, server, _ = served
    changes = [("figures", "zone-2018-d00130", "locality", "某区"), ("figures", "zone-2018-d00122", "year", "2018"),
               ("pmc", "X1:3", "justification", "read: tab one (test)"), ("pmc", "X1:4", "justification",
                                                                         "read: tab two (test)")] * 3
    answers = []
    threads = [threading.Thread(target=lambda c=c: answers.append(change(server, *c))) for c in changes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [status for status, _ in answers] == [200] * 12
    figs = {r["figure_id"]: r for r in rows_of(root, "figures")}
    pmc = {r["item"]: r for r in rows_of(root, "pmc")}
    assert (figs["zone-2018-d00130"]["locality"], figs["zone-2018-d00122"]["year"]) == ("某区", "2018")
    assert (pmc["X1:3"]["justification"], pmc["X1:4"]["justification"]) == ("read: tab one (test)",
                                                                            "read: tab two (test)")
    assert len(figs) == 6 and len(pmc) == 43  # the file whole: 43 items, X8's derived ones left out
    change(server, "figures", "zone-2018-d00130", "locality", "")


def test_a_change_waits_for_the_lock_on_the_curated_tables_and_then_says_so(served):
    root, server, _ = served
    with locking.curated_tables():  # an accept or a run holds it
        status, _, body = request(server, "POST", "/api/change", {"layer": "figures", "id": "zone-2018-d00048",
                                                                  "field": "year", "value": "2017"})
    assert status == 503 and "the curated tables are in use by another command" in json.loads(body)["message"]
    assert rows_of(root, "figures")[0]["year"] == "2018"


def test_accept_runs_review_accept_and_says_what_is_stale(served):
    root, server, _ = served
    # a file-wide rule (every PMC item scored) fails: one line, nothing written
    before = curated_bytes(root)
    answer = json.loads(request(server, "POST", "/api/accept", {})[2])
    # the first PMC item no rule scored (which one depends on the drafts): rows are numbered from 1
    first = next(n for n, row in enumerate(rows_of(root, "pmc"), 1) if not row["score"])
    assert answer["ok"] is False and answer["message"].startswith(f"data/review/zone-2018.pmc.csv, row {first},")
    assert curated_bytes(root) == before
    for row in rows_of(root, "pmc"):
        if not row["score"]:
            change(server, "pmc", row["item"], "score", "0")
            change(server, "pmc", row["item"], "justification", "read: absent from the text (test)")
    # the accept rebuilds the drafts of the corpus (the coder retrains): minutes on a grown corpus and a busy machine
    answer = json.loads(request(server, "POST", "/api/accept", {}, timeout=600)[2])
    assert answer["ok"] is True, answer
    assert answer["layers"] == ["figures", "instruments", "pmc"] and answer["rebuild"] == "make reports"
    # no report was built into this copy: every run of the suite is stale
    assert answer["stale"] and all(s["why"] == "never run into this reports folder" for s in answer["stale"])
    assert answer["retrain"] is True
    # the page's accept is `review --accept`'s: the drafts rebuilt from the new tables (the coder retrained)
    assert draftfiles.is_current()
    status = curation.load_status()
    assert {(layer, status[(DOC, layer)]["reviewer"]) for layer in ("figures", "instruments", "pmc")} == {
        ("figures", "tester"), ("instruments", "tester"), ("pmc", "tester")}
    assert not review.review_path(DOC, "figures").exists()
    figures_csv = list(csv.DictReader(io.StringIO((root / "data/curated/figures.csv").read_text(encoding="utf-8"))))
    mine = {r["figure_id"]: r for r in figures_csv if r["doc_id"] == DOC}
    assert len(mine) == 6 and mine["zone-2018-d00098"]["scope"] == "national_level"
    assert main(["figures", "check"]) == 0


def test_serve_and_accept_together_is_one_line(capsys, project):
    assert main(["review", DOC, "--serve", "--accept"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_a_bad_port_is_one_line(capsys, port):
    with pytest.raises(SystemExit) as info:
        main(["review", DOC, "--serve", "--port", port])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--port" in err


def test_a_port_in_use_is_one_line(served):
    _, server, session = served
    with pytest.raises(Exception) as info:
        make_server(session, server.server_address[1])
    assert "choose another --port" in str(info.value)
    assert os.linesep not in str(info.value)
