"""A region's report reads its own slice of every layer (issue 22): the rows the whole corpus
would give it, read from its own documents' texts, drafts and codings only, so that its cost
does not grow with the corpus.

The oracle is the corpus-wide reading, limited afterwards to the region's documents: the slice
must give exactly those rows (the region profiles rendered both ways were byte-identical at 5
and 100 documents; docs/performance.md)."""

import pandas as pd
import pytest
from tests.conftest import FIVE_DOCUMENTS, add_new_document

from analysis import corpus, draftfiles, instruments, inuse, links, pmc, segments


def _ids(region: str) -> list[str]:
    return [d.doc_id for d in corpus.documents(region)]


def _same(sliced: pd.DataFrame, whole: pd.DataFrame, ids: list[str]) -> None:
    expected = whole[whole["doc_id"].isin(ids)].reset_index(drop=True)
    pd.testing.assert_frame_equal(sliced.reset_index(drop=True), expected, check_dtype=False)


@pytest.fixture
def mixed(project):
    """The project with two test documents added and drafted: one of Urumqi, which has a reviewed
    document too (tests about the five reviewed documents: urumqi-2019), and one of a new region."""
    assert "urumqi-2019" in FIVE_DOCUMENTS
    add_new_document("urumqi_status.txt")
    add_new_document("zone_rules.txt")
    return project


@pytest.mark.parametrize("curation", ["reviewed", "confident", "all"])
def test_a_regions_slice_is_the_corpus_rows_of_its_documents(mixed, curation):
    fw, pmc_fw = instruments.load_framework(), pmc.load_framework()
    whole_figures = inuse.load_figures(curation=curation)
    whole_coding = inuse.load_coding(fw, "consensus", curation)
    whole_funding = inuse.load_funding(whole_figures)
    whole_scores = inuse.load_scores(pmc_fw, curation=curation, figures=whole_figures, coding=whole_coding)
    for region in ("urumqi", "testzone"):
        ids = _ids(region)
        # urumqi: urumqi-2019 (reviewed) and urumqi-2021 (a draft); testzone: zone-2018 (a draft); a grown
        # corpus may hold more of either region
        assert {"urumqi": {"urumqi-2019", "urumqi-2021"}, "testzone": {"zone-2018"}}[region] <= set(ids)
        figures = inuse.load_figures(curation=curation, documents=ids)
        coding = inuse.load_coding(fw, "consensus", curation, documents=ids)
        _same(figures, whole_figures, ids)
        _same(coding, whole_coding, ids)
        _same(inuse.load_funding(figures, documents=ids), whole_funding, ids)
        _same(inuse.load_scores(pmc_fw, curation=curation, figures=figures, coding=coding, doc_ids=ids),
              whole_scores, ids)
        if curation == "all":  # the slices are not empty: the comparison compared something
            assert set(figures["doc_id"]) == set(ids) and set(coding["doc_id"]) == set(ids)


def test_a_region_reads_no_other_documents_text_or_drafts(mixed, monkeypatch):
    read: set[str] = set()
    load_clean, read_drafts = corpus.load_clean, draftfiles.read

    def clean(doc, *a, **k):
        read.add(doc.doc_id)
        return load_clean(doc, *a, **k)

    def drafts(layer, doc_ids):
        read.update(doc_ids)
        return read_drafts(layer, doc_ids)

    monkeypatch.setattr(corpus, "load_clean", clean)
    monkeypatch.setattr(draftfiles, "read", drafts)
    ids = _ids("testzone")
    fw = instruments.load_framework()
    figures = inuse.load_figures(curation="all", documents=ids)
    coding = inuse.load_coding(fw, "consensus", "all", documents=ids)
    inuse.load_funding(figures, documents=ids)
    inuse.load_scores(pmc.load_framework(), curation="all", figures=figures, coding=coding, doc_ids=ids)
    for figure_id in figures["figure_id"]:
        assert links.figure("x", figure_id).href  # each drafted figure found and anchored in its text
    # at least seven documents in the corpus (the five, urumqi-2021, zone-2018; a grown corpus has more):
    # only the region's own were read
    assert len(corpus.load_catalogue()) >= 7 and "zone-2018" in ids
    assert read == set(ids)


def test_rows_of_documents_keep_their_row_numbers():
    rows = [(1, {"clause_id": "a-2019:1.1.1"}), (2, {"clause_id": "b-2020:3.1.2"}),
            (3, {"clause_id": "a-2019:2.1.1"}), (4, {"clause_id": ""})]
    # clause ids are <doc>:<paragraph>.<sentence>.<clause>: rows 1 and 3 are a-2019's
    assert segments.of_documents(rows, ["a-2019"]) == [rows[0], rows[2]]
    assert segments.of_documents(rows, None) == rows
    assert segments.of_documents(rows, []) == []


def test_a_figure_link_finds_drafts_in_their_own_document_only(mixed):
    drafted = draftfiles.read("figures", ["zone-2018"])
    first = drafted["figure_id"].iloc[0]  # zone-2018-d<offset>
    row = links.figure_row(first)
    assert row is not None and row["status"] == "draft" and row["doc_id"] == "zone-2018"
    assert links.figure_row("zone-2018-d999999") is None  # no such mention
    assert links.figure_row("nowhere-2020-d5") is None  # no such document
    assert links.figure("x", "nowhere-2020-d5").broken  # shown as a broken link, not an error
