"""The held-out test set's loader: labels located in the cleaned text of their documents."""

import pytest

from analysis import heldout
from analysis.errors import DataError


def test_locate_counts_occurrences_inside_longer_expressions():
    # "1家" occurs inside "41家" (position 1) and alone (position 6): the second occurrence is 6
    raw = "共41家，另1家"
    assert heldout._locate(raw, "1家", 2, "x") == 6


def test_locate_a_clause_only_where_a_clause_starts_and_ends():
    # the title "某市实施措施" occurs inside the first line; as a clause only the second line counts
    raw = "关于印发某市实施措施的通知\n某市实施措施\n"
    assert heldout._locate(raw, "某市实施措施", 1, "x", clause=True) == 14  # len("关于印发某市实施措施的通知\n") = 14


def test_locate_refuses_a_missing_occurrence_in_one_line():
    with pytest.raises(DataError, match=r"row 3: '2家' does not occur 2 time"):
        heldout._locate("共2家", "2家", 2, "quantities.csv, row 3")


def test_the_held_out_sets_load_with_every_label_placed():
    # the held-out set (tests/fixtures/heldout/README.md): 168 + 181 quantities, 164 + 162 clauses,
    # every clause label on a clause of the segmenter, none on the same clause twice
    sets = {n: heldout.load(n) for n in heldout.set_names()}
    assert sorted(sets) == ["set_a", "set_b"]
    assert sum(int(s.quantities["is_quantity"].sum()) for s in sets.values()) == 168 + 181
    assert sum(len(s.clauses) for s in sets.values()) == 164 + 162
    for s in sets.values():
        assert (s.clauses["clause_id"] != "").all()
        assert not s.clauses["clause_id"].duplicated().any()
        # a number in web chrome is removed by the cleaning (an empty span): few of them
        placed = s.quantities[s.quantities["end"] > s.quantities["start"]]
        assert len(placed) >= 0.95 * len(s.quantities)
