"""The third, blind coding of 76 clauses (issue 24): its agreement with the consensus and with
each coder, and the clauses where two codings that agree differ from the consensus."""

from __future__ import annotations

import pandas as pd
import pytest
from tests.conftest import FIVE_DOCUMENTS

from analysis import instruments as ins
from analysis import inuse, rule_review, third_coding
from analysis.errors import DataError


@pytest.fixture(scope="module")
def setting():
    fw = ins.load_framework()
    every = ins.clauses()  # the codings are checked against the whole corpus (a document reviewed later has rows)
    clauses = every[every["doc_id"].isin(FIVE_DOCUMENTS)]
    c1, c2, consensus = (coding[coding["doc_id"].isin(FIVE_DOCUMENTS)].reset_index(drop=True)
                         for coding in (inuse.load_coding(fw, c, "reviewed", every) for c in ("coder1", "coder2", "consensus")))
    third = third_coding.load_third_coding(fw, clauses)
    adjudication = ins.load_adjudication(fw, c1, c2)
    return fw, clauses, c1, c2, consensus, third, adjudication


def _row(stats, with_, drawn, level, examples="all clauses"):
    row = stats[(stats["with"] == with_) & (stats["clauses drawn"] == drawn) & (stats["level"] == level)
                & (stats["examples"] == examples)]
    assert len(row) == 1
    return row.iloc[0]


def test_the_five_documents_third_coder_agreement_with_the_consensus_and_each_coder(setting):
    fw, clauses, c1, c2, consensus, third, adjudication = setting
    stats = third_coding.agreement(third, {"consensus": consensus, "first coder": c1, "second coder": c2}, fw,
                                   set(adjudication["clause_id"]), n_boot=200)
    # 76 clauses: the 31 disputed and 45 controls; the three codebook examples are among the controls
    assert _row(stats, "consensus", "all 76", "sub-tool")["clauses"] == 76
    assert _row(stats, "consensus", "all 76", "sub-tool", "without the codebook's examples")["clauses"] == 73
    # sub-tool: 29 of 31 disputed (urumqi-2019:29.1.1 and 32.1.1 differ; shaoxing-2017:25.1.1 was
    # re-adjudicated to the E_REG the second and third coders share) and 42 of 45 controls
    assert _row(stats, "consensus", "disputed 31", "sub-tool")["agreement"] == pytest.approx(29 / 31)
    assert _row(stats, "consensus", "agreed 45", "sub-tool")["agreement"] == pytest.approx(42 / 45)
    # on the disputed clauses the third coder reads as the second coder 25 times and the first 4
    assert _row(stats, "second coder", "disputed 31", "sub-tool")["agreement"] == pytest.approx(25 / 31)
    assert _row(stats, "first coder", "disputed 31", "sub-tool")["agreement"] == pytest.approx(4 / 31)
    k = _row(stats, "consensus", "all 76", "sub-tool")
    assert k["kappa_low"] < k["kappa"] < k["kappa_high"]


def test_the_five_documents_every_clause_against_two_agreeing_codings_has_a_decision(setting):
    fw, clauses, c1, c2, consensus, third, adjudication = setting
    review = rule_review.load_review(fw, set(consensus["clause_id"]))
    against = third_coding.against_two(consensus, {"first coder": c1, "second coder": c2, "third coder": third},
                                       adjudication, review)
    assert (against["decided by"] != "").all(), against
    # 「各区县…制定出具体的实施举措」: both first codings read E_STR, the rule review E_REG (R5)
    row = against.set_index("clause_id").loc["urumqi-2019:6.2.1"]
    assert (row["consensus"], row["their code"], row["decided by"]) == ("E_REG", "E_STR", "rule review")


def test_made_up_codings_two_agreeing_codings_against_the_consensus_are_listed():
    consensus = pd.DataFrame({"clause_id": ["a:1.1.1", "a:2.1.1"], "primary": ["E_STR", "S_FUN"],
                              "text": ["x", "y"]})
    one = pd.DataFrame({"clause_id": ["a:1.1.1", "a:2.1.1"], "primary": ["E_REG", "S_FUN"]})
    two = pd.DataFrame({"clause_id": ["a:1.1.1"], "primary": ["E_REG"]})  # a coding of one clause only
    empty = pd.DataFrame(columns=["clause_id", "rule", "listed", "decision", "primary", "secondary", "reason"])
    adjudication = pd.DataFrame(columns=["clause_id", "reason"])
    against = third_coding.against_two(consensus, {"one": one, "two": two}, adjudication, empty)
    assert against[["clause_id", "agreeing codings", "their code", "decided by"]].values.tolist() == [
        ["a:1.1.1", "one + two", "E_REG", ""]]


def test_a_third_coding_with_an_unknown_code_is_one_line(project):
    path = project / "data" / "curated" / "instruments_coder3.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("jiaxing-2017:15.1.1,E_GOA", "jiaxing-2017:15.1.1,X_YZ", 1),
                    encoding="utf-8")
    fw = ins.load_framework()
    with pytest.raises(DataError, match=r"instruments_coder3.csv, row 1 \(jiaxing-2017:15.1.1\), field 'primary'"):
        third_coding.load_third_coding(fw, ins.clauses())
