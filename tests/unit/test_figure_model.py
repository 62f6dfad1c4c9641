"""The learned reading of figures (analysis.figure_model): its examples, its fit and its choice over the rules.

The sentences are written for these tests (no document's quote); each row is a draft as ``drafts.draft_figures``
writes it, reduced to the columns the model reads.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import calibration, figure_evaluation, figure_model, heldout
from analysis import figure_model_evaluation as fme
from analysis.cli import main


def _draft(doc_id: str, quote: str, mention: str, indicator: str = "", scope: str = "all", kind: str = "actual",
           evidence: str = "object|none|cue|text|", unit: str = "count", reason: str = "", quote_start: int = 100):
    at = quote.index(mention)
    return {"doc_id": doc_id, "mention_start": quote_start + at, "quote": quote, "quote_start": quote_start,
            "mention": mention, "indicator": indicator, "scope": scope, "kind": kind, "evidence": evidence,
            "unit": unit, "out_of_scope_reason": reason, "note": "drafted by code: x"}


# --- examples: what the model reads of a draft --------------------------------------------------------
def test_examples_reads_the_clause_before_and_after_the_number():
    # 全市现有众创空间52家，其中国家级12家: before 52家 the clause "全市现有众创空间" (8 characters, all of it within 40
    # and 12), after it "，其中国家级12家" (the first 12 characters: all 10 of them)
    row = _draft("d1", "全市现有众创空间52家，其中国家级12家", "52家", "maker_spaces")
    ex = figure_model.examples(pd.DataFrame([row])).iloc[0]
    assert ex["left"] == "全市现有众创空间"
    assert ex["near"] == "全市现有众创空间"
    assert ex["right"] == "，其中国家级12家"
    assert ex["mention"] == "52家"
    assert (ex["rule_indicator"], ex["rule_scope"], ex["how"], ex["level"], ex["kind_cue"]) == \
        ("maker_spaces", "all", "object", "none", "cue")


def test_examples_keeps_the_last_twelve_characters_as_the_near_context():
    # 截至2023年底，经认定的市级以上科技企业孵化器共有38家: 26 characters before 38家; near: its last 12
    quote = "截至2023年底，经认定的市级以上科技企业孵化器共有38家"
    ex = figure_model.examples(pd.DataFrame([_draft("d1", quote, "38家", "incubators")])).iloc[0]
    assert ex["left"] == quote[:-3]
    assert ex["near"] == "级以上科技企业孵化器共有"


def test_examples_of_a_number_opening_its_clause_has_no_left_context():
    # 100万元以内给予补助: the number opens the clause
    ex = figure_model.examples(pd.DataFrame([_draft("d1", "100万元以内给予补助", "100万元", "subsidies", unit="CNY",
                                                    kind="rule", evidence="predicate|none|cue|document|")])).iloc[0]
    assert (ex["left"], ex["near"], ex["right"]) == ("", "", "以内给予补助")
    assert (ex["unit"], ex["year_cue"], ex["caveats"]) == ("CNY", "document", "-")


def test_examples_of_a_number_the_rules_left_out_of_scope():
    # 一等奖1名: the rules found no indicator; their reason's first word is kept
    row = _draft("d1", "各设一等奖1名", "1名", "", reason="the counted noun is not in the codebook",
                 evidence="none|none|default|document|")
    ex = figure_model.examples(pd.DataFrame([row])).iloc[0]
    assert (ex["rule_indicator"], ex["rule_scope"], ex["rule_reason"]) == ("-", "-", "the")


def test_examples_join_the_labels_and_a_number_no_label_is_at_is_out_of_scope():
    # two numbers of one clause: 52家 labelled maker_spaces (national? no: all, actual); 2023 not labelled
    rows = [_draft("d1", "2023年全市众创空间52家", "52家", "maker_spaces"),
            _draft("d1", "2023年全市众创空间52家", "2023", "")]
    gold = pd.DataFrame([{"doc_id": "d1", "mention_start": rows[0]["mention_start"], "indicator": "maker_spaces",
                          "scope": "all", "kind": "actual"}])
    ex = figure_model.examples(pd.DataFrame(rows), gold)
    assert list(ex["gold_indicator"]) == ["maker_spaces", "out_of_scope"]
    assert list(ex["gold_scope"]) == ["all", ""]


# --- the model: fitted on written sentences of two kinds -------------------------------------------------
def _training() -> pd.DataFrame:
    # twelve counts of incubators (孵化器…家, three wordings, one of them national) and twelve prize amounts (奖金…万元,
    # three wordings), all read by the rules as out of scope, labelled by hand: incubators, all (national_level for
    # 国家级), actual; programme_budget, all, funding
    rows, gold = [], []
    for n in range(12):
        for quote, mention, label in ((("全市孵化器", "现有孵化器", "国家级孵化器")[n % 3] + f"{n + 3}家", f"{n + 3}家",
                                       ("incubators", "national_level" if n % 3 == 2 else "all", "actual")),
                                      (("大赛奖金", "奖金总额", "设奖金")[n % 3] + f"{n + 20}万元", f"{n + 20}万元",
                                       ("programme_budget", "all", "funding"))):
            row = _draft(f"d{n}", quote, mention, "", reason="none", evidence="none|none|default|document|",
                         unit="CNY" if "万元" in mention else "count")
            rows.append(row)
            gold.append({"doc_id": row["doc_id"], "mention_start": row["mention_start"], "indicator": label[0],
                         "scope": label[1], "kind": label[2]})
    return figure_model.examples(pd.DataFrame(rows), pd.DataFrame(gold))


def test_the_model_reads_a_new_sentence_of_a_kind_it_learned():
    # 区孵化器9家 and 奖金合计50万元: words it saw (孵化器…家, 奖金…万元) in sentences it did not
    model = figure_model.FigureModel().fit(_training())
    new = figure_model.examples(pd.DataFrame([
        _draft("n1", "区孵化器9家", "9家", "", reason="none", evidence="none|none|default|document|"),
        _draft("n2", "奖金合计50万元", "50万元", "", reason="none", evidence="none|none|default|document|", unit="CNY")]))
    predicted = model.predict(new)
    assert list(predicted["indicator"]) == ["incubators", "programme_budget"]
    assert list(predicted["kind"]) == ["actual", "funding"]
    assert (predicted["p_indicator"] > 0.5).all()


# --- choose: the model's answers over the rules' ----------------------------------------------------------
def _drafted_and_predicted():
    # three numbers: the rules name no indicator for the first (各设一等奖1名), name incubators for the second, and
    # subsidies for the third; the model says competition_awards (0.9), firms_in_incubation (0.9), out of scope (0.65)
    drafted = pd.DataFrame([
        _draft("d1", "各设一等奖1名", "1名", "", reason="none", evidence="none|none|default|document|"),
        _draft("d1", "孵化器在孵企业30家", "30家", "incubators", evidence="nearest|none|cue|text|", quote_start=200),
        _draft("d1", "补助10万元", "10万元", "subsidies", kind="rule", unit="CNY", evidence="object|none|cue|text|",
               quote_start=300)])
    predicted = pd.DataFrame({"indicator": ["competition_awards", "firms_in_incubation", "out_of_scope"],
                              "p_indicator": [0.9, 0.9, 0.65],
                              "scope": ["all", "municipal_level", "all"], "p_scope": [0.9, 0.7, 0.9],
                              "kind": ["rule", "actual", "funding"], "p_kind": [0.9, 0.9, 0.55]})
    return drafted, predicted


def test_rules_first_names_an_indicator_only_where_the_rules_found_none():
    drafted, predicted = _drafted_and_predicted()
    chosen = figure_model.choose(drafted, predicted, "rules_first", threshold=0.6)
    # 1名: the model's competition_awards, all, rule; 30家: the rules' incubators kept, the model's scope (0.7 >= 0.6)
    # and kind; 10万元: subsidies kept (the model's out of scope is not put over a rule's indicator), kind rule kept
    # (the model's funding at 0.55 < 0.6)
    assert list(chosen["indicator"]) == ["competition_awards", "incubators", "subsidies"]
    assert list(chosen["scope"]) == ["all", "municipal_level", "all"]
    assert list(chosen["kind"]) == ["rule", "actual", "rule"]
    assert list(chosen["out_of_scope_reason"]) == ["", "", ""]
    assert list(chosen["evidence"]) == ["none|none|default|document||model", "nearest|none|cue|text||model",
                                        "object|none|cue|text|"]
    assert chosen["note"].iloc[0].endswith("; the model chose") and chosen["note"].iloc[2] == "drafted by code: x"


def test_the_model_policy_puts_every_sure_answer_over_the_rules_out_of_scope_included():
    drafted, predicted = _drafted_and_predicted()
    chosen = figure_model.choose(drafted, predicted, "model", threshold=0.6)
    # 10万元: out of scope at 0.65 >= 0.6: no indicator, the model's reason
    assert list(chosen["indicator"]) == ["competition_awards", "firms_in_incubation", ""]
    assert chosen["out_of_scope_reason"].iloc[2] == figure_model.MODEL_REASON


def test_the_fields_policy_keeps_the_rules_indicator():
    drafted, predicted = _drafted_and_predicted()
    chosen = figure_model.choose(drafted, predicted, "fields", threshold=0.8)
    # 30家: incubators kept; scope at 0.7 < 0.8 kept (all); kind actual as the rules said: nothing changed
    assert list(chosen["indicator"]) == ["", "incubators", "subsidies"]
    assert list(chosen["scope"]) == ["all", "all", "all"]
    assert not chosen["evidence"].str.endswith("model").any()


def test_a_model_chosen_draft_scores_as_its_rules_evidence():
    # the sixth part is not read by the score (four priors)
    assert calibration.score("object|own|cue|text||model") == calibration.score("object|own|cue|text|")
    assert figure_model._marked("object|own|cue|text|") == "object|own|cue|text||model"


def test_an_unknown_policy_is_refused():
    drafted, predicted = _drafted_and_predicted()
    with pytest.raises(ValueError, match="unknown policy"):
        figure_model.choose(drafted, predicted, "vote")


# --- leave one set out: the table of the rules and the model, per set and pooled ------------------------
def test_the_loso_table_counts_the_stated_figures_right_per_set_and_pooled():
    # one set left out, two stated figures: 一等奖1名 (competition_awards, all, rule), which the rules miss, and
    # 孵化器在孵企业30家 (firms_in_incubation, all, actual), which the rules read as incubators; 10万元 is labelled
    # out of scope, so it is no stated figure
    drafted, predicted = _drafted_and_predicted()
    labels = pd.DataFrame([
        {"doc_id": "d1", "start": 105, "end": 107, "indicator": "competition_awards", "scope": "all", "kind": "rule"},
        {"doc_id": "d1", "start": 207, "end": 210, "indicator": "firms_in_incubation", "scope": "all",
         "kind": "actual"},
        {"doc_id": "d1", "start": 302, "end": 306, "indicator": "out_of_scope", "scope": "", "kind": ""}])
    table = fme.loso_table([fme.Fold("set_x", drafted, labels, predicted, 1.0)], policies=("rules_first", "model"),
                           threshold=0.6).set_index(["set", "drafter"])
    # rules: neither right (1名 not drafted; 30家 incubators) -> indicator 0/2, kind 0/2 (a figure not found is wrong)
    assert table.loc[("set_x", "rules"), "indicator"] == 0.0
    assert table.loc[("set_x", "rules"), "stated"] == 2
    # rules_first: 1名 competition_awards, all, rule (all three right); 30家 stays incubators -> 1/2; its scope becomes
    # the model's municipal_level (0.7): scope right 1/2, kind right 2/2
    assert table.loc[("set_x", "rules_first"), "all three"] == 0.5
    assert table.loc[("set_x", "rules_first"), "kind"] == 1.0
    # model: 30家 firms_in_incubation, but its scope municipal_level against all: indicator 2/2, all three 1/2
    assert table.loc[("set_x", "model"), "indicator"] == 1.0
    assert table.loc[("set_x", "model"), "all three"] == 0.5
    assert table.loc[("pooled", "model"), "all three"] == 0.5


def test_where_weak_changes_a_field_only_where_the_rules_did_not_read_it_from_the_text():
    drafted, predicted = _drafted_and_predicted()
    # 孵化器在孵企业30家: a level the rules read from the text (own) is kept, whatever the model says (municipal_level,
    # 0.7); 10万元: no level word (none), so the model's scope stands (all, as the rules'), its kind cue kept (rule);
    # 一等奖1名: no indicator of the rules, so every field is the model's
    drafted.loc[1, "evidence"] = "nearest|own|cue|text|"
    drafted.loc[1, "scope"] = "national_level"
    chosen = figure_model.choose(drafted, predicted, "where_weak", threshold=0.6)
    assert list(chosen["indicator"]) == ["competition_awards", "incubators", "subsidies"]
    assert list(chosen["scope"]) == ["all", "national_level", "all"]
    assert list(chosen["kind"]) == ["rule", "actual", "rule"]
    assert list(chosen["evidence"].str.endswith("|model")) == [True, False, False]


def test_where_weak_puts_the_model_kind_over_a_kind_the_rules_took_by_default():
    # 孵化器30家 with no kind cue (kind default: actual); the model says target at 0.8: target, marked
    drafted = pd.DataFrame([_draft("d1", "孵化器30家", "30家", "incubators", kind="actual",
                                   evidence="object|none|default|document|")])
    predicted = pd.DataFrame({"indicator": ["incubators"], "p_indicator": [0.9], "scope": ["all"], "p_scope": [0.9],
                              "kind": ["target"], "p_kind": [0.8]})
    chosen = figure_model.choose(drafted, predicted, "where_weak", threshold=0.6)
    assert (chosen["kind"].iloc[0], chosen["evidence"].iloc[0]) == ("target", "object|none|default|document||model")
    # the same with a kind cue of the rules (cue): actual kept
    drafted.loc[0, "evidence"] = "object|none|cue|document|"
    assert figure_model.choose(drafted, predicted, "where_weak", threshold=0.6)["kind"].iloc[0] == "actual"


def test_leave_one_set_out_learns_from_the_tuning_sets_only(monkeypatch):
    # set_l is there (a blind set being written) but is no tuning set: never drafted, never learned from
    monkeypatch.setattr(heldout, "set_names", lambda: ["set_a", "set_b", "set_l"])
    drafted_sets: list[str] = []

    def drafted_set(name, tagger=None):
        drafted_sets.append(name)
        row = _draft(f"{name}-doc", "全市孵化器5家", "5家", "incubators")
        labels = pd.DataFrame([{"doc_id": row["doc_id"], "start": row["mention_start"], "end": row["mention_start"] + 2,
                                "indicator": "incubators", "scope": "all", "kind": "actual"}])
        return pd.DataFrame([row]), labels, 1

    trained_on: list[list[str]] = []

    class Recorder:
        def fit(self, train):
            trained_on.append(sorted(train["doc_id"]))
            return self

        def predict(self, frame):
            return pd.DataFrame({"indicator": ["incubators"] * len(frame), "p_indicator": 0.9, "scope": "all",
                                 "p_scope": 0.9, "kind": "actual", "p_kind": 0.9}, index=frame.index)

    monkeypatch.setattr(figure_evaluation, "drafted_set", drafted_set)
    monkeypatch.setattr(figure_evaluation, "_tagger", lambda: None)
    monkeypatch.setattr(fme.figure_model, "FigureModel", Recorder)
    folds = fme.folds()
    assert drafted_sets == ["set_a", "set_b"]
    assert [f.name for f in folds] == ["set_a", "set_b"]
    assert trained_on == [["set_b-doc"], ["set_a-doc"]]  # each fold on the other set only


def test_with_no_labelled_set_there_is_nothing_to_learn(monkeypatch):
    monkeypatch.setattr(heldout, "set_names", lambda: [])
    assert fme.folds() == []


def test_drafts_quality_model_with_no_labelled_set_says_so(monkeypatch, capsys):
    monkeypatch.setattr(heldout, "set_names", lambda: [])
    assert main(["drafts", "quality", "--model"]) == 0
    assert "no labelled tuning set" in capsys.readouterr().out
