"""Which drafts an analysis uses (curation: reviewed, confident, all) and what each report
lists under "To review" (analysis.draft_selection)."""

import pandas as pd
import pytest

from analysis import draft_selection


@pytest.fixture(autouse=True)
def fresh_ledger():
    draft_selection.forget()
    yield
    draft_selection.forget()


def _drafts():
    return pd.DataFrame({"doc_id": ["new-2023", "new-2023", "new-2023", "other-2024"],
                         "confidence": [0.9, 0.8, 0.79, 0.5]})


@pytest.mark.parametrize("curation, kept", [("reviewed", 0), ("confident", 2), ("all", 4)])
def test_curation_decides_which_drafts_are_used(curation, kept):
    # confident: 0.9 and 0.8 (>= 0.8), not 0.79 nor 0.5
    assert len(draft_selection.select("figures", _drafts(), curation)) == kept
    assert draft_selection.included() == kept


def test_what_the_default_leaves_out_is_listed_with_the_command_that_reviews_it():
    draft_selection.select("figures", _drafts(), draft_selection.DEFAULT)
    table = draft_selection.to_review()
    assert table.to_dict("records") == [
        {"document": "new-2023", "layer": "figures", "drafts used": 2, "drafts left out": 1,
         "review with": "python -m analysis review new-2023"},
        {"document": "other-2024", "layer": "figures", "drafts used": 0, "drafts left out": 1,
         "review with": "python -m analysis review other-2024"}]
    assert draft_selection.to_review_note(table).startswith("This report leaves out 2 drafts")
    assert "草稿" in draft_selection.to_review_note(draft_selection.to_review("zh"), "zh")


def test_a_region_profile_counts_and_lists_only_its_own_documents_drafts():
    # the profile's loaders read every region's drafts; its report is of its documents (issue 22)
    draft_selection.select("figures", _drafts(), draft_selection.DEFAULT)
    # new-2023: 0.9 and 0.8 used, 0.79 left out; other-2024's 0.5 left out, not counted
    assert draft_selection.included(documents=["new-2023"]) == 2
    assert draft_selection.included(documents=["other-2024"]) == 0
    table = draft_selection.to_review(documents=["other-2024"])
    assert list(table["document"]) == ["other-2024"] and list(table["drafts left out"]) == [1]


def test_loading_the_same_documents_again_counts_them_once():
    draft_selection.select("figures", _drafts(), "confident")
    draft_selection.select("figures", _drafts(), "confident")
    assert draft_selection.included() == 2


def test_an_unknown_curation_is_refused():
    with pytest.raises(ValueError, match="unknown curation 'some'"):
        draft_selection.select("figures", _drafts(), "some")


def test_with_nothing_left_out_the_section_says_so():
    assert draft_selection.to_review().empty
    assert draft_selection.to_review_note(draft_selection.to_review()).startswith("This report leaves out no draft")
