"""A sixth document reviewed: a researcher adds a document to the open corpus (the five reviewed
documents and six drafted ones, tests/integration/test_open_corpus.py), reviews every layer of it
through `review` and `review --accept`, and the unit tests still pass on that corpus (they are about
the five documents and select rows by id, so neither drafted documents nor a sixth reviewed one move
any of them). The unit tests run once here, for both: each run costs as long as `make test-fast`."""

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT
from tests.integration.helpers import add_arguments, cli, copy_of_repository, unit_tests_in

pytestmark = pytest.mark.integration

# a city's five-year plan for 双创 carriers, from the held-out set (tests/fixtures/heldout/set_a/):
# not one of the unit tests' new documents, which they add themselves as drafts
HELDOUT = ROOT / "tests" / "fixtures" / "heldout" / "set_a"
SIXTH = "wuhu-2021"


def _cli(copy: Path, *args: str) -> subprocess.CompletedProcess:
    return cli(copy, *args, ANALYSIS_REVIEWER="test")


def _score_the_unscored(path: Path) -> None:
    """What a reviewer does with the PMC items no rule scored: reads the text and scores them
    (here 0, with a justification)."""
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for row in rows:
        if row["score"] == "":
            row["score"], row["justification"] = "0", "reviewed: the text does not state it"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def reviewed_copy(tmp_path_factory, open_corpus):
    copy = copy_of_repository(tmp_path_factory.mktemp("sixth"), source=open_corpus)
    meta = next(r for r in csv.DictReader(io.StringIO((HELDOUT / "catalogue.csv").read_text(encoding="utf-8")))
                if r["doc_id"] == SIXTH)
    doc = meta["doc_id"]
    for command in (["corpus", "add", str(HELDOUT / "documents" / f"{doc}.txt"), *add_arguments(meta)], ["corpus", "clean", "--quiet"],
                    ["review", doc]):
        done = _cli(copy, *command)
        assert done.returncode == 0, done.stdout + done.stderr
    _score_the_unscored(copy / "data" / "review" / f"{doc}.pmc.csv")
    for command in (["review", doc, "--accept"], ["review", doc, "--layer", "funding"],
                    ["review", doc, "--layer", "funding", "--accept"]):
        done = _cli(copy, *command)
        assert done.returncode == 0, done.stdout + done.stderr
    return copy, doc


def test_every_layer_of_the_sixth_document_is_reviewed(reviewed_copy):
    copy, doc = reviewed_copy
    status = (copy / "data" / "curated" / "curation.csv").read_text(encoding="utf-8")
    for layer in ("figures", "instruments", "funding", "pmc"):
        assert f"{doc},{layer},reviewed,test," in status
    # the accepts rebuilt the drafts from the new tables: up to date before any command builds them
    current = subprocess.run([sys.executable, "-c", "from analysis import draftfiles; print(draftfiles.is_current())"],
                             cwd=copy, capture_output=True, text=True, env={**os.environ, "SHUANGCHUANG_ROOT": str(copy)})
    assert current.stdout == "True\n", current.stderr
    done = _cli(copy, "figures", "check")
    assert done.returncode == 0, done.stdout + done.stderr
    # the five reviewed, the six drafted of the open corpus, and this one
    assert "6 of 12 documents reviewed" in done.stdout


def test_the_unit_tests_pass_on_the_open_corpus_with_a_sixth_reviewed_document(reviewed_copy):
    copy, _ = reviewed_copy
    done = unit_tests_in(copy, "-x")
    assert done.returncode == 0, done.stdout[-3000:]
