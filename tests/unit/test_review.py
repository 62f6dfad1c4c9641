"""From drafts to reviewed data: `python -m analysis review DOC` writes review files, the user
edits them, `--accept` checks them as strictly as the curated tables and merges them.
The document is zone_rules.txt, written for these tests (tests/fixtures/new_documents/)."""

import csv
import io

import pytest
from tests.conftest import add_new_document

from analysis import corpus, curation, draftfiles, drafts, figures, instruments, inuse, review
from analysis.cli import main
from analysis.errors import DataError

DOC = "zone-2018"


@pytest.fixture
def zone(project):
    add_new_document("zone_rules.txt")
    return project


def _rows(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write(path, rows):
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def test_figures_check_lists_drafts_and_exits_0(zone, capsys):
    assert main(["figures", "check"]) == 0
    out = capsys.readouterr().out
    # zone_rules.txt: 100万元, 5000平方米以上, 20家以上, 30万元, 30%, 最高不超过50万元
    assert f"DRAFT {DOC}: figures, instruments, funding, pmc not reviewed (6 drafted figure(s), 0 drafted out of scope" in out
    n = len(corpus.load_catalogue())  # 6: the five and zone_rules.txt (more on a grown corpus)
    status = curation.load_status()
    done = sum(all(curation.status(d.doc_id, layer, status) == "reviewed" for layer in curation.LAYERS)
               for d in corpus.load_catalogue())  # the five, and any reviewed later
    assert done >= 5 and out.strip().endswith(f"{done} of {n} documents reviewed")


def test_figures_check_exits_2_when_a_reviewed_document_has_an_uncurated_mention(zone, capsys):
    path = zone / "data/curated/figures.csv"
    path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.startswith("shaoxing-2017-002,")), encoding="utf-8")
    assert main(["figures", "check"]) == 2
    out = capsys.readouterr().out
    assert "NOT CURATED shaoxing-2017" in out and "'80家'" in out


def test_review_writes_a_file_per_layer_with_the_drafts(zone, capsys):
    assert main(["review", DOC]) == 0
    out = capsys.readouterr().out
    assert "data/review/zone-2018.figures.csv (6 rows drafted by code)" in out
    assert "funding: accept the figures first" in out
    rows = _rows(review.review_path(DOC, "figures"))
    assert [r["decision"] for r in rows] == ["keep"] * 6
    # the quote sits at its offsets in the cleaned text, as in a curated row
    text = figures._texts()[DOC]
    assert all(text[int(r["quote_start"]):int(r["quote_end"])] == r["quote"] for r in rows)
    # starting again would throw away the user's edits
    assert main(["review", DOC, "--layer", "figures"]) == 2
    assert "a review file exists already" in capsys.readouterr().err


def test_accepting_the_figures_merges_them_and_marks_the_layer_reviewed(zone, capsys):
    review.start(DOC, ["figures"])
    path = review.review_path(DOC, "figures")
    rows = _rows(path)
    rows[1]["decision"], rows[1]["reason"] = "out_of_scope", "a condition, kept as a rule elsewhere (test)"
    _write(path, rows)
    assert main(["review", DOC, "--layer", "figures", "--accept", "--reviewer", "tester"]) == 0
    assert not path.exists()
    merged = figures.validate()
    assert (merged["doc_id"] == DOC).sum() == 5
    assert [r for r in _rows(zone / "data/curated/out_of_scope.csv") if r["doc_id"] == DOC][0]["text"] == "5000平方米以上"
    row = curation.load_status()[(DOC, "figures")]
    assert (row["status"], row["reviewer"]) == ("reviewed", "tester")
    # the reports now use the reviewed rows for this document
    used = inuse.load_figures()
    assert set(used.loc[used["doc_id"] == DOC, "status"]) == {"reviewed"}
    assert main(["figures", "check"]) == 0


def test_an_accept_leaves_the_drafts_up_to_date(zone):
    # the drafts depend on the curated tables (the figure drafts' confidence is calibrated on the
    # reviewed figures, the coder learns from the reviewed codings): the accept rebuilds them, so
    # that a command reading drafts afterwards needs no build step
    stamp = zone / "data/processed/drafts" / draftfiles.STAMP
    before = stamp.read_text()
    review.start(DOC, ["figures"])
    assert main(["review", DOC, "--layer", "figures", "--accept"]) == 0
    assert draftfiles.is_current() and stamp.read_text() != before
    # the document's clause codes are still drafts, read from the rebuilt drafts
    coding = inuse.load_coding(instruments.load_framework())
    assert set(coding.loc[coding["doc_id"] == DOC, "status"]) == {"draft"}


def test_an_accept_whose_draft_build_fails_writes_nothing(zone, monkeypatch, capsys):
    review.start(DOC, ["figures"])
    before = {p: p.read_bytes() for p in (zone / "data/curated").iterdir()}

    def fails(docs=None, progress=False):
        raise DataError("the drafter failed (test)", file="data/processed/drafts")

    # the drafts are current before the accept (the command's own build step finds nothing to do):
    # the accept's rebuild is the one that fails
    monkeypatch.setattr(drafts, "build", fails)
    assert main(["review", DOC, "--layer", "figures", "--accept"]) == 2
    assert capsys.readouterr().err == "error: data/processed/drafts: the drafter failed (test)\n"
    # the curated tables as they were (figures, out of scope, curation.csv), the review file kept,
    # and the drafts still those of these tables
    assert {p: p.read_bytes() for p in (zone / "data/curated").iterdir()} == before
    assert review.review_path(DOC, "figures").exists()
    assert draftfiles.is_current()


@pytest.mark.parametrize("edit, message", [
    (lambda rows: rows[0].update(decision="maybe"), "row 1, field 'decision': 'maybe' is not one of keep, out_of_scope"),
    (lambda rows: rows[0].update(quote_start=str(int(rows[0]["quote_start"]) + 1)), "field 'quote': the quote is not at"),
    (lambda rows: rows[0].update(indicator="unicorns"), "field 'indicator': unknown indicator 'unicorns' (not in data/curated/indicators.csv)"),
    (lambda rows: rows[0].update(value="2000000"), "field 'value': 2000000 disagrees with the extractor (1000000.0)"),
    (lambda rows: rows.pop(2), "1 extractor mention(s) neither kept nor out of scope, e.g. '20家以上'"),
    (lambda rows: rows[0].update(decision="out_of_scope"), "row 1, field 'reason': an out-of-scope mention needs a reason"),
])
def test_a_wrong_review_file_is_one_line_and_writes_nothing(zone, capsys, edit, message):
    review.start(DOC, ["figures"])
    path = review.review_path(DOC, "figures")
    rows = _rows(path)
    edit(rows)
    _write(path, rows)
    before = {p: p.read_bytes() for p in (zone / "data/curated").iterdir()}
    assert main(["review", DOC, "--layer", "figures", "--accept"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: data/review/zone-2018.figures.csv")
    assert message in err
    assert {p: p.read_bytes() for p in (zone / "data/curated").iterdir()} == before
    assert path.exists()


def test_a_pmc_item_no_rule_scored_must_be_scored_by_a_person(zone, capsys):
    review.start(DOC, ["pmc"])
    path = review.review_path(DOC, "pmc")
    rows = _rows(path)
    unscored = next(n for n, r in enumerate(rows, 1) if not r["score"])
    assert main(["review", DOC, "--layer", "pmc", "--accept"]) == 2
    assert f"row {unscored}" in capsys.readouterr().err
    for r in rows:
        r["score"] = r["score"] or "0"
    _write(path, rows)
    # a score needs its reason: the drafts' "not scored: ..." note is not one
    assert main(["review", DOC, "--layer", "pmc", "--accept"]) == 2
    assert f"row {unscored}, field 'justification': item {rows[unscored - 1]['item']}: give the reason for its score" \
        in capsys.readouterr().err
    for r in rows:
        r["justification"] = "read: absent" if r["justification"].startswith("not scored:") else r["justification"]
    _write(path, rows)
    assert main(["review", DOC, "--layer", "pmc", "--accept"]) == 0
    assert curation.status(DOC, "pmc") == "reviewed"


def test_funding_is_reviewed_after_the_figures_it_describes(zone, capsys):
    assert main(["review", DOC, "--layer", "funding"]) == 2
    assert "review the figures of zone-2018 first" in capsys.readouterr().err
    review.start(DOC, ["figures"])
    review.accept(DOC, ["figures"], "tester")
    review.start(DOC, ["funding"])
    path = review.review_path(DOC, "funding")
    rows = _rows(path)
    # the drafted instruments: 一次性奖励 is an award, 运营补贴 and 补助 are subsidies, 30% a rate
    assert [r["instrument"] for r in rows] == ["award", "subsidy", "subsidy", "subsidy"]
    rows[0]["instrument"] = "unknown"
    _write(path, rows)
    assert main(["review", DOC, "--layer", "funding", "--accept"]) == 2
    assert "field 'instrument': 'unknown' is not allowed; expected one of seed_fund" in capsys.readouterr().err
    rows[0]["instrument"] = "award"
    _write(path, rows)
    assert main(["review", DOC, "--layer", "funding", "--accept"]) == 0


def test_an_unknown_document_is_one_line(zone, capsys):
    assert main(["review", "atlantis-2020"]) == 2
    assert capsys.readouterr().err.startswith("error: unknown document 'atlantis-2020'; the catalogue has")
