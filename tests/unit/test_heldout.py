"""The held-out test set's loader: labels located in the cleaned text of their documents."""

import pytest

from analysis import heldout
from analysis.errors import DataError


def test_locate_counts_occurrences_inside_longer_expressions():
    # "1家" occurs inside "41家" (position 1) and alone (position 6): the second occurrence is 6
    raw = "共41家，另1家"
    assert heldout._locate(raw, "1家", 2, "x") == (6, 8)


def test_locate_a_clause_only_where_a_clause_starts_and_ends():
    # the title "某市实施措施" occurs inside the first line; as a clause only the second line counts
    raw = "关于印发某市实施措施的通知\n某市实施措施\n"
    assert heldout._locate(raw, "某市实施措施", 1, "x", clause=True) == (14, 20)  # len("关于印发某市实施措施的通知\n") = 14, + 6


def test_locate_a_clause_counted_as_every_match_is_counted():
    # "某局" is a clause once (line 2), but the curator counted the match inside line 1 as the first
    raw = "某局关于某事的通知\n某局\n"
    # matches of "某局": 0 and 10 (len("某局关于某事的通知\n") = 10); as a clause only 10 counts,
    # so occurrence 2 is found among every match: (10, 12)
    assert heldout._locate(raw, "某局", 2, "x", clause=True) == (10, 12)


def test_locate_a_clause_joined_across_page_furniture():
    # a clause pasted from a PDF, broken by a line break, a page number and a running head,
    # labelled as a reader joins it: its span runs from 0 to the end of "孵化器。" (len(raw) - 1)
    raw = "支持建设\n— 3 —\n某区人民政府文件\n孵化器。\n"
    assert heldout._locate(raw, "支持建设孵化器。", 1, "x", clause=True) == (0, len(raw) - 1)


def test_locate_refuses_a_missing_occurrence_in_one_line():
    with pytest.raises(DataError, match=r"row 3: '2家' does not occur 2 time"):
        heldout._locate("共2家", "2家", 2, "quantities.csv, row 3")


def test_the_held_out_sets_load_with_every_label_placed():
    # the held-out sets (tests/fixtures/heldout/README.md): 168 + 181 + 364 + 331 + 319 + 316 + 288 + 397 + 376
    # + 426 + 351 + 355 quantities, 164 + 162 + 319 + 304 + 336 + 305 + 318 + 330 + 319 + 301 + 313 + 304 clauses, every
    # clause label the
    # cleaning keeps on a clause of the segmenter,
    # none on the same clause twice
    sets = {n: heldout.load(n) for n in heldout.set_names()}
    assert sorted(sets) == ["set_a", "set_b", "set_c", "set_d", "set_e", "set_f", "set_g", "set_h", "set_i", "set_j",
                            "set_k", "set_l"]
    assert sum(int(s.quantities["is_quantity"].sum()) for s in sets.values()) == (168 + 181 + 364 + 331 + 319 + 316
                                                                                 + 288 + 397 + 376 + 426 + 351 + 355)
    assert sum(len(s.clauses) for s in sets.values()) == (164 + 162 + 319 + 304 + 336 + 305 + 318 + 330 + 319
                                                           + 301 + 313 + 304)
    for s in sets.values():
        kept = s.clauses[s.clauses["end"] > s.clauses["start"]]
        # the cleaning removes a few labelled lines as chrome: set_c's table header; set_j's byline, two
        # hashtag lines, a spaced letterhead, a table header and an emoji-ended post (295 of 301 = 98.0%)
        assert len(kept) >= 0.97 * len(s.clauses)
        assert (kept["clause_id"] != "").all()
        assert not kept["clause_id"].duplicated().any()
        # a number in web chrome is removed by the cleaning (an empty span): few of them
        placed = s.quantities[s.quantities["end"] > s.quantities["start"]]
        assert len(placed) >= 0.95 * len(s.quantities)
