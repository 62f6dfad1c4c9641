"""Two coders, the consensus, the unit of analysis, the automatic coder held out, and the
PMC items derived from the codes."""

from __future__ import annotations

import csv
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis import autocoder, comparison, instrument_tables, inuse, measures, pmc, rule_review
from analysis import instruments as ins
from analysis.cache import HashCache
from analysis.errors import DataError


@pytest.fixture(scope="module")
def fw():
    return ins.load_framework()


def _coding(rows):
    """rows: (clause_id, text, primary, secondary)"""
    return pd.DataFrame([{"clause_id": c, "doc_id": c.split(":")[0], "region": c.split("-")[0], "genre": "policy_text",
                          "text": t, "primary": p, "secondary": s} for c, t, p, s in rows])


# --- the unit of analysis ----------------------------------------------------------------------
def test_a_heading_is_merged_with_a_body_of_its_code_and_only_then(fw):
    coding = _coding([
        ("d-2020:1.1.1", "（一）加强人才培养。", "S_TAL", ""),                 # heading, body S_TAL: merged
        ("d-2020:1.2.1", "支持高校设立创业导师队伍。", "S_TAL", ""),
        ("d-2020:2.1.1", "完善政策扶持。", "E_REG", ""),                      # heading, body S_FUN only: its own measure
        ("d-2020:2.2.1", "对新认定的众创空间给予50万元补助。", "S_FUN", ""),
        ("d-2020:3.1.1", "拓展融资渠道。", "E_FIN", ""),                      # heading, body's secondary E_FIN: merged
        ("d-2020:3.2.1", "对创业企业给予贷款贴息补助。", "S_FUN", "E_FIN"),
        ("d-2020:4.1.1", "（二）服务体系更加完善。", "none", ""),              # heading coded none: no measure anyway
        ("d-2020:4.2.1", "建成公共服务平台10个。", "E_GOA", ""),
        ("d-2020:5.1.1", "鼓励各县市区结合本地实际制定具体实施细则并认真组织落实各项政策措施。", "E_REG", ""),  # 34 chars > 30: not a heading
        ("d-2020:5.2.1", "细则报市科技局备案。", "E_REG", ""),
        ("d-2020:6.1.1", "加强宣传。", "E_STR", ""),                          # one sentence, no body: not a heading
    ])
    linked = measures.link_headings(coding, fw)
    assert list(linked["heading"]) == [True, False, True, False, True, False, True, False, False, False, False]
    assert list(linked["merged_into"]) == ["d-2020:1.2.1", "", "", "", "d-2020:3.2.1", "", "", "", "", "", ""]
    # 11 clauses, 10 coded with a sub-tool (all but 4.1.1), 2 headings merged: 10 - 2 = 8 measures
    assert int(linked["measure"].sum()) == 8
    summary = measures.merge_summary(linked)
    assert summary.loc["d-2020"].to_dict() == {"clauses": 11, "coded clauses": 10, "headings": 4,
                                               "headings merged": 2, "measures": 8}


def test_counts_count_measures_not_lines(fw):
    coding = measures.link_headings(_coding([
        ("d-2020:1.1.1", "加强人才培养。", "S_TAL", ""),
        ("d-2020:1.2.1", "支持高校设立创业导师队伍。", "S_TAL", ""),
        ("d-2020:2.1.1", "设立种子基金。", "E_FIN", ""),
    ]), fw).assign(type=lambda f: f["primary"].map(fw.type_of))
    table = comparison.counts(coding, fw, "type")
    # the heading 1.1.1 is merged: supply 1 (1.2.1), environment 1 (2.1.1), demand 0
    assert table.loc["d"].to_dict() == {"supply": 1, "environment": 1, "demand": 0}


# --- the consensus (about the five reviewed documents) -----------------------------------------
@pytest.fixture(scope="module")
def codings(fw, five):
    clauses = ins.clauses()
    first = ins.load_hand_coding(fw, all_clauses=clauses)
    second = ins.load_second_coding(fw, clauses)
    return clauses, first, second


def test_every_disagreement_of_the_five_documents_is_adjudicated(fw, codings):
    clauses, first, second = codings
    m = first.merge(second, on="clause_id", suffixes=("_1", "_2"))
    disagree = set(m.loc[m["primary_1"] != m["primary_2"], "clause_id"])
    adj = ins.load_adjudication(fw, first, second)
    assert set(adj["clause_id"]) == disagree
    # a rule of the codebook, or (issue 24) the sub-tool note that settles a case no rule covers: the
    # state-asset regulator's assessment of state-owned carriers is E_STR by E_REG's exclusion, not by R3
    notes = adj["rule"].str.contains(".", regex=False)
    assert all(adj.loc[~notes, "rule"].isin(fw.rules)) and all(adj["reason"].str.strip() != "")
    assert adj.loc[notes, ["clause_id", "rule"]].values.tolist() == [["jiaxing-2017:43.1.1", "E_REG.exclude"]]


def test_the_consensus_keeps_agreed_codes_and_takes_adjudicated_ones(fw, codings):
    clauses, first, second = codings
    consensus = ins.load_consensus(fw, clauses).set_index("clause_id")
    adj = ins.load_adjudication(fw, first, second).set_index("clause_id")
    # revoking a qualification: coder1 E_REG, coder2 E_STR, rule R3 keeps E_STR
    assert consensus.loc["xinjiang-2017:14.2.3", ["primary", "source"]].tolist() == ["E_STR", "adjudicated (R3)"]
    # the clauses the coders agree on keep their code, except where the rule review changed it (issue 24)
    review = pd.read_csv(rule_review.review_path(), keep_default_na=False)
    changed = review.loc[review["decision"] == "change"].drop_duplicates("clause_id").set_index("clause_id")
    agreed = first.set_index("clause_id").index.difference(adj.index)
    kept = agreed.difference(changed.index)
    assert (consensus.loc[kept, "primary"] == first.set_index("clause_id").loc[kept, "primary"]).all()
    assert (consensus.loc[changed.index, "primary"] == changed["primary"]).all()
    assert (consensus.loc[adj.index, "primary"] == adj["primary"]).all()


def _copy_without(src, dst, drop_first: int = 0, edit=None):
    rows = list(csv.DictReader(open(src, encoding="utf-8")))
    rows = rows[drop_first:]
    if edit:
        edit(rows)
    with open(dst, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def test_a_disagreement_left_out_of_the_adjudication_is_named(fw, codings, tmp_path):
    clauses, first, second = codings
    path = tmp_path / "adj.csv"
    _copy_without(ins.adjudication_path(), path, drop_first=1)
    with pytest.raises(DataError, match=r"1 disagreement\(s\) not adjudicated, e.g. xinjiang-2017:14.2.3 "
                                        r"\(coder1 E_REG, coder2 E_STR\)"):
        ins.load_adjudication(fw, first, second, path)


def test_an_adjudication_row_that_no_longer_matches_the_coding_is_refused(fw, codings, tmp_path):
    clauses, first, second = codings
    path = tmp_path / "adj.csv"

    def edit(rows):
        rows[0]["coder1"] = "S_FUN"

    _copy_without(ins.adjudication_path(), path, edit=edit)
    with pytest.raises(DataError, match="says S_FUN but the coding says E_REG"):
        ins.load_adjudication(fw, first, second, path)


def test_coding_names_are_checked_and_coder2_is_the_second_coders_codes(fw, codings):
    clauses, first, second = codings
    with pytest.raises(DataError, match="unknown coding 'hand': use one of consensus, coder1, coder2, auto"):
        inuse.load_coding(fw, "hand", "reviewed", clauses)
    two = inuse.load_coding(fw, "coder2", "reviewed", clauses).set_index("clause_id")
    assert (two.loc[second["clause_id"], "primary"].to_numpy() == second["primary"].to_numpy()).all()


# --- the automatic coder -------------------------------------------------------------------------
def _training():
    texts = {"S_FUN": ["对新认定的众创空间给予一次性补助。", "设立专项资金支持孵化器建设。", "给予创新券补贴。"],
             "E_FIN": ["设立天使投资引导基金。", "支持开展知识产权质押融资。", "鼓励创业投资机构投资初创企业。"],
             "none": ["（责任单位:市科技局）", "截至2016年底共有众创空间29家。", "任务之一"]}
    rows = []
    for d, doc in enumerate(["a-2020", "b-2020", "c-2020"]):
        for code, items in texts.items():
            rows.append((f"{doc}:{d + 1}.{len(rows) + 1}.1", items[d], code, ""))
    frame = _coding(rows)
    frame["type"] = frame["primary"].map(ins.load_framework().type_of)
    return frame


def test_held_out_evaluation_never_trains_on_the_held_out_document(fw):
    training = _training()
    held, folds = autocoder.evaluate(training, fw)
    for doc_id, trained_on in folds.items():
        own = set(training.loc[training["doc_id"] == doc_id, "clause_id"])
        assert not own & trained_on
        assert trained_on == set(training["clause_id"]) - own  # and every other clause was
    assert sorted(held["clause_id"]) == sorted(training["clause_id"])


def test_code_gives_a_training_document_the_model_that_left_it_out(fw, monkeypatch):
    training = _training()
    seen = []
    real = autocoder.predict

    def spy(model, frame):
        seen.append((set(frame["doc_id"]), model.trained_on))
        return real(model, frame)

    monkeypatch.setattr(autocoder, "predict", spy)
    monkeypatch.setattr(autocoder, "_MODELS", HashCache(32))  # no model remembered from another test
    frame = training[training["doc_id"] == "b-2020"].drop(columns=["primary", "secondary", "type"])
    coded = autocoder.code(frame, fw, training)
    outer = [t for docs, t in seen if docs == {"b-2020"}][-1]
    assert not outer & set(frame["clause_id"])
    # a code of the codebook: its own words are a prior for every sub-tool (analysis.policy_cues),
    # so the coder is no longer limited to the three codes of the training rows
    assert coded["primary"].isin([*fw.order, "none"]).all()
    assert coded["confidence"].between(0, 1).all()


def test_calibration_bands_count_agreement():
    held = pd.DataFrame({"confidence": [0.2, 0.4, 0.6, 0.9, 0.95],
                         "primary": ["S_FUN", "none", "E_FIN", "E_FIN", "S_TAL"],
                         "primary_consensus": ["S_FUN", "S_FUN", "E_FIN", "E_FIN", "S_FUN"],
                         "type": ["supply", "none", "environment", "environment", "supply"],
                         "type_consensus": ["supply", "supply", "environment", "environment", "supply"]})
    cal = autocoder.calibration(held)
    # below 0.5: 2 clauses, 1 sub-tool agrees (0.5); 0.5-0.8: 1 of 1; 0.8-1: 1 of 2 (0.5), types 2 of 2
    assert cal["clauses"].tolist() == [2, 1, 2]
    assert cal["sub-tool agrees"].tolist() == [0.5, 1.0, 0.5]
    assert cal["type agrees"].tolist() == [0.5, 1.0, 1.0]


# --- presence and the PMC items -----------------------------------------------------------------
def test_x8_counts_secondary_codes_and_cannot_be_scored_by_hand(fw):
    pmc_fw = pmc.load_framework()
    coding = _coding([("d-2020:1.1.1", "支持留学人员回国创业。", "S_TAL", "D_OVE"),
                      ("d-2020:2.1.1", "设立种子基金。", "E_FIN", ""),
                      ("e-2020:1.1.1", "设立种子基金。", "E_FIN", "")])
    items = pmc.instrument_items("d-2020", coding, pmc_fw, fw).set_index("item")["score"].to_dict()
    assert items == {"X8:1": 1, "X8:2": 1, "X8:3": 1}  # demand-side only as a secondary code still counts
    items = pmc.instrument_items("e-2020", coding, pmc_fw, fw).set_index("item")["score"].to_dict()
    assert items == {"X8:1": 0, "X8:2": 1, "X8:3": 0}
    with pytest.raises(DataError, match="X8:1 is derived from the instrument coding"):
        pmc.validate_rows([(1, {"doc_id": "d-2020", "item": "X8:1", "score": "1", "justification": "x"})],
                          pmc_fw, {"d-2020"}, "pmc_scores.csv")


def test_absence_is_said_only_when_no_secondary_code_holds_the_type(fw):
    coding = measures.link_headings(_coding([
        ("north-2020:1.1.1", "支持留学人员回国创业。", "S_TAL", "D_OVE"),
        ("north-2020:2.1.1", "设立种子基金。", "E_FIN", ""),
        ("south-2020:1.1.1", "设立种子基金。", "E_FIN", ""),
        ("south-2020:2.1.1", "给予补助。", "S_FUN", ""),
    ]), fw).assign(type=lambda f: f["primary"].map(fw.type_of), region=lambda f: f["doc_id"].str.split("-").str[0])
    table = comparison.counts(coding, fw, "type")
    lines = instrument_tables.emphasis_text(table, fw, coding=coding)
    assert lines[0].endswith("demand-side only as a secondary code (1 clause).")
    assert lines[1].endswith("none on demand-side (primary or secondary).")


def test_confounds_are_said_from_the_catalogue():
    docs = [SimpleNamespace(doc_id="a", region="a", genre="news_report", parent_province=""),
            SimpleNamespace(doc_id="b", region="b", genre="policy_text", parent_province="zhejiang"),
            SimpleNamespace(doc_id="c", region="c", genre="policy_text", parent_province="zhejiang")]
    lines = comparison.confound_text(pd.DataFrame({"doc_id": ["a", "b", "c"]}), docs)
    assert lines[0].startswith("Genre confounds region (news reports: a; policy texts: b, c).")
    assert lines[1].startswith("b, c are policy texts of cities of one province (zhejiang)")
    assert comparison.confound_text(pd.DataFrame({"doc_id": ["b"]}), docs) == []
