"""The codebook's rules applied to every clause (issue 24): what the check lists, on made-up
clauses and on the five reviewed documents, and the review that decides each listed code."""

from __future__ import annotations

import pandas as pd
import pytest
from tests.conftest import FIVE_DOCUMENTS

from analysis import codebook_rules, instruments, rule_review
from analysis.errors import DataError


@pytest.fixture(scope="module")
def fw():
    return instruments.load_framework()


def _coding(rows):
    return pd.DataFrame([dict(zip(("clause_id", "primary", "secondary", "text"), r, strict=False)) for r in rows])


def _listed(frame):
    return set(zip(frame["clause_id"], frame["rule"], frame["listed"], strict=False))


def test_made_up_clauses_each_rule_lists_the_code_its_cue_words_contradict(fw):
    coding = _coding([
        # R8: 示范带动 is a leading role, so a D_DEM secondary is listed ...
        ("t:1.1.1", "E_STR", "D_DEM", "总结推广好经验,示范带动更多众创空间提档升级。"),
        # ... but not where the clause names a pilot
        ("t:2.1.1", "D_DEM", "", "选择三个区开展试点,发挥示范带动作用。"),
        # R4: a principle line is E_GOA whatever its topic
        ("t:3.1.1", "none", "", "——坚持开放合作。"),
        # R5: drafting implementation plans is E_REG, not E_STR
        ("t:4.1.1", "E_STR", "", "各区县要制定具体实施方案。"),
        # R2: returnees only, so not S_TAL as the primary code
        ("t:5.1.1", "S_TAL", "", "支持留学归国人员创业。"),
        # no cue word of any rule: nothing listed
        ("t:6.1.1", "S_FUN", "", "对新认领的孵化器给予一次性奖励。"),
    ])
    listed = codebook_rules.contradictions(coding, fw)
    assert _listed(listed) == {("t:1.1.1", "R8", "secondary D_DEM"), ("t:3.1.1", "R4", "primary none"),
                               ("t:4.1.1", "R5", "primary E_STR"), ("t:5.1.1", "R2", "primary S_TAL")}
    assert listed.set_index("clause_id").loc["t:3.1.1", "expected"] == "E_GOA"


def test_made_up_headings_r1_compares_a_heading_with_the_codes_its_body_shares(fw):
    coding = _coding([
        # a heading over three different measures, coded with one of them: listed (none expected)
        ("a:1.1.1", "E_REG", "", "推进体制机制创新。"),
        ("a:1.2.1", "E_REG", "", "推动国有孵化机构改革。"),
        ("a:1.3.1", "E_STR", "", "提升内部管理水平。"),
        ("a:1.4.1", "E_FIN", "", "支持孵化机构上市。"),
        # a heading coded with the primary code of two of its three body measures: not listed
        ("b:1.1.1", "E_REG", "", "完善政策扶持。"),
        ("b:1.2.1", "E_REG", "", "制定操作细则。"),
        ("b:1.3.1", "S_FUN", "", "扶持资金由各区兑现。"),
        ("b:1.4.1", "E_REG", "S_FUN", "鼓励各区出台扶持政策。"),
        # a heading coded none whose one body measure has a code: listed, for a person to say
        # whether it names a section (kept none) or the measure (its code)
        ("c:1.1.1", "none", "", "(一)投资促进类。"),
        ("c:1.2.1", "E_FIN", "", "聚集天使投资人。"),
    ])
    listed = codebook_rules.contradictions(coding, fw).set_index("clause_id")
    assert set(listed.index) == {"a:1.1.1", "c:1.1.1"}
    # a:1's body: E_REG, E_STR, E_FIN, one each: no code of more than half (1 * 2 > 3 is false)
    assert listed.loc["a:1.1.1", "expected"] == "none (its body's measures share no code)"
    assert listed.loc["c:1.1.1", "expected"].startswith("E_FIN, unless it names a section")


def _five(consensus):
    """The consensus rows of the five documents (a document reviewed later has rows of its own)."""
    return consensus[consensus["doc_id"].isin(FIVE_DOCUMENTS)].reset_index(drop=True)


def test_the_five_documents_no_contradiction_is_left_unreviewed(fw):
    consensus = _five(instruments.load_consensus(fw))
    review = rule_review.load_review(fw, set(consensus["clause_id"]))
    left = rule_review.unreviewed(codebook_rules.contradictions(consensus, fw), review)
    assert left.empty, left[["clause_id", "rule", "listed"]].to_string()


def test_the_five_documents_what_the_check_listed_before_the_review_and_what_changed(fw):
    before = codebook_rules.contradictions(_five(instruments.load_consensus(fw, apply_rule_review=False)), fw)
    # the audit's three examples are listed: 「示范带动更多众创空间提档升级」 (R8), 「各区县…制定出具体的实施举措」
    # (R5) and the principle line 「——坚持聚焦重点。」 (R4)
    assert {("shaoxing-2017:26.2.1", "R8", "secondary D_DEM"), ("urumqi-2019:6.2.1", "R5", "primary E_STR"),
            ("jiaxing-2017:7.1.1", "R4", "primary none")} <= _listed(before)
    after = _five(instruments.load_consensus(fw)).set_index("clause_id")
    assert after.loc["shaoxing-2017:26.2.1", ["primary", "secondary"]].tolist() == ["E_STR", ""]
    assert after.loc["urumqi-2019:6.2.1", ["primary", "secondary", "source"]].tolist() == [
        "E_REG", "E_STR", "rule review (R5)"]
    assert after.loc["jiaxing-2017:7.1.1", "primary"] == "E_GOA"


def test_the_five_documents_a_flipped_primary_keeps_the_other_measure_as_secondary(fw):
    consensus = _five(instruments.load_consensus(fw)).set_index("clause_id")
    # 「二是为会计、评估、法律等中介服务机构提供发展平台」: one of the five maker spaces being built (S_INF, the
    # first coder's primary) for intermediaries (S_PUB, kept by R6)
    assert consensus.loc["liaoning-2015:14.1.2", ["primary", "secondary"]].tolist() == ["S_PUB", "S_INF"]
    # 「为创客提供互联网开源硬件平台、开放实验室、加工车间…的空间」: S_TEC by R6, and space (S_INF)
    assert consensus.loc["shaoxing-2017:13.2.1", ["primary", "secondary"]].tolist() == ["S_TEC", "S_INF"]
    # 「…吸纳留学归国人员创业孵化,并对其创业项目实行择优资助」: D_OVE by R2, and the grants both coders saw
    assert consensus.loc["urumqi-2019:28.2.1", ["primary", "secondary"]].tolist() == ["D_OVE", "S_FUN"]


def _rewrite(project, name, old, new):
    path = project / "data" / "curated" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_change_to_an_adjudicated_clause_belongs_in_the_adjudication(project, fw):
    _rewrite(project, "instruments_rule_review.csv", "urumqi-2019:37.1.1,R1", "urumqi-2019:37.2.1,R1")
    with pytest.raises(DataError, match=r"urumqi-2019:37.2.1 is adjudicated: change its codes in the adjudication"):
        instruments.load_consensus(fw)


def test_a_review_row_with_an_unknown_decision_is_one_line(project, fw):
    _rewrite(project, "instruments_rule_review.csv", "R5,primary E_STR,change", "R5,primary E_STR,maybe")
    with pytest.raises(DataError, match=r"instruments_rule_review.csv, row \d+ \(urumqi-2019:6.2.1.*field 'decision'"):
        instruments.load_consensus(fw)
