"""What a number counts, read from its clause's structure (analysis.counting), and the
confidence a figure draft carries (analysis.calibration).

The sentences are written for these tests, in the shapes issue 26 lists (not quotes from
the corpus, no fact)."""

import numpy as np
import pandas as pd
import pytest
from tests import drafting

from analysis import calibration


@pytest.fixture(scope="module")
def tagger():
    return drafting.tagger()


def _row(text, mention, tagger, year=2019):
    return drafting.drafted_row(text, mention, tagger, "test-2019", year)


@pytest.mark.parametrize("text, mention, indicator, scope, kind", [
    # the noun the measure word quantifies, whatever modifies it
    ("全市已建立了15家专业化众创空间。", "15家", "maker_spaces", "all", "actual"),
    # the subject the number is predicated of (达到), and the subject right before the number
    ("截至2018年底，全市众创空间达到103家，在孵企业1128余家。", "103家", "maker_spaces", "all", "actual"),
    ("截至2018年底，全市众创空间达到103家，在孵企业1128余家。", "1128余家", "firms_in_incubation", "all", "actual"),
    # two carriers together: the codebook's umbrella (incubation_institutions.umbrella_of names both)
    ("目前全省孵化器和众创空间131家。", "131家", "incubation_institutions", "all", "actual"),
    # the level written on the counted noun
    ("全省现有省级以上孵化器71家。", "71家", "incubators", "provincial_level", "actual"),
    # 其中 with a level alone: the parent's indicator, its own level
    ("全市共有科技企业孵化器45家，其中国家级12家。", "12家", "incubators", "national_level", "actual"),
    # a level in the predicate: 通过国家级备案
    ("全市建成众创空间35家，其中通过国家级备案15家。", "15家", "maker_spaces", "national_level", "actual"),
    # 设立…资金: funding; 对…给予: a rule with the level of its recipient
    ("市财政设立2亿元创新创业专项资金。", "2亿元", "programme_budget", "municipal_level", "funding"),
    ("对获得国家级备案的众创空间，给予50万元奖励。", "50万元", "subsidies", "national_level", "rule"),
    # 到…年 and 力争: a target
    ("到2020年，力争全区众创空间达到50家以上。", "50家以上", "maker_spaces", "all", "target"),
])
def test_the_counted_noun_its_level_and_the_kind_come_from_the_clause(tagger, text, mention, indicator, scope, kind):
    row = _row(text, mention, tagger)
    assert (row["indicator"], row["scope"], row["kind"], row["out_of_scope_reason"]) == (indicator, scope, kind, "")


@pytest.mark.parametrize("text, mention, noun", [
    # households, demonstration bases, projects, platforms in general: nouns the codebook does not name,
    # though an alias (星创天地, 高新区) stands in the clause
    ("星创天地共服务农户3000多户。", "3000多户", "服务农户"),
    ("全省建成66个省级创业孵化示范基地。", "66个", "省级创业孵化示范基地"),
    ("高新区今年实施870个项目。", "870个", "项目"),
    ("全市现有14家各类孵化平台。", "14家", "各类孵化平台"),
])
def test_a_counted_noun_the_codebook_does_not_name_is_out_of_scope_and_named(tagger, text, mention, noun):
    row = _row(text, mention, tagger)
    assert row["indicator"] == "" and row["confidence"] == 0
    assert row["out_of_scope_reason"] == f"the counted noun '{noun}' is not an indicator of the codebook"


def test_fenbie_hands_out_the_levels_in_order(tagger):
    text = "对新认定的国家级、省级、市级孵化器，分别给予200万元、100万元、30万元奖励。"
    got = [(_row(text, m, tagger)["scope"], _row(text, m, tagger)["kind"]) for m in ("200万元", "100万元", "30万元")]
    assert got == [("national_level", "rule"), ("provincial_level", "rule"), ("municipal_level", "rule")]
    assert "the level '省级' of place 2 before 分别" in _row(text, "100万元", tagger)["note"]


def test_a_target_during_a_plan_period_is_for_its_last_year(tagger):
    # 十三五 = 2016-2020: a target "during" it is for 2020, not for the document's year 2016
    row = _row("“十三五”期间，全区众创空间达到30家。", "30家", tagger, year=2016)
    assert (row["kind"], row["year"]) == ("target", 2020)
    assert "a target during the plan period: its last year, 2020" in row["note"]


def test_each_decision_names_its_cue_in_the_note(tagger):
    row = _row("全省现有省级以上孵化器71家。", "71家", tagger)
    assert "counts '省级以上孵化器' (the subject, '孵化器')" in row["note"]
    assert "scope provincial_level from '省级以上' on the counted noun" in row["note"]
    assert "kind actual from '现有'" in row["note"]
    assert row["evidence"] == "subject|own|cue|text|"  # no caveat: the fifth part is empty


def test_the_evidence_score_is_the_product_of_its_parts():
    # object 0.95 x own level 0.98 x kind cue 0.97 x year in the text 1.0 = 0.90307
    assert calibration.score("object|own|cue|text") == pytest.approx(0.9031, abs=1e-4)
    assert calibration.score("none|none|cue|text") == 0


def test_the_calibration_is_monotone_and_never_promises_certainty_from_few_drafts():
    # 4 drafts at score 0.9, all right: with one right and one wrong pseudo-draft the share is
    # (4 + 1) / (4 + 2) = 0.8333; 4 drafts at 0.5, 1 right: (1 + 1) / (4 + 2) = 0.3333
    fitted = calibration.fit([0.9] * 4 + [0.5] * 4, [1, 1, 1, 1, 1, 0, 0, 0])
    assert fitted([0.9, 0.5]).tolist() == pytest.approx([0.833, 0.333], abs=1e-3)
    # a higher score never gets a lower confidence, and no indicator stays 0
    assert np.all(np.diff(fitted(np.linspace(0.01, 1, 50))) >= 0)
    assert fitted([0.0]).tolist() == [0.0]


def test_a_draft_is_judged_right_only_when_indicator_scope_and_kind_agree():
    drafted = pd.DataFrame({"doc_id": ["d"] * 3, "mention_start": [0, 10, 20], "indicator": ["a", "a", "b"],
                            "scope": ["all"] * 3, "kind": ["baseline", "target", "actual"],
                            "evidence": ["object|own|cue|text"] * 3, "out_of_scope_reason": [""] * 3})
    gold = pd.DataFrame({"doc_id": ["d", "d", "d"], "mention_start": [0, 10, 30], "indicator": ["a", "a", "c"],
                         "scope": ["all", "national_level", "all"], "kind": ["actual", "target", "actual"]})
    stated, judged = calibration.judge(drafted, gold)
    # mention 0: a baseline is a status figure (right); 10: wrong scope; 30: not drafted
    assert stated["all_right"].tolist() == [True, False, False]
    assert stated["found"].tolist() == [True, True, False]
    # the draft at 20 has no labelled figure: wrong
    assert judged["right"].tolist() == [True, False, False]


def test_a_sentence_whose_mention_is_not_in_it_is_one_line_naming_file_row_and_field(tmp_path):
    from analysis import figure_evaluation
    from analysis.errors import DataError

    path = tmp_path / "sentences.csv"
    path.write_text("id,sentence,mention,indicator,scope,kind,doc_year\n1,全市众创空间达到103家。,104家,maker_spaces,all,"
                    "actual,2019\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        figure_evaluation.sentence_set(calibration.Calibration([], [], 0), path)
    assert "'104家' is not in the sentence" in str(err.value) and "row 2" in str(err.value)
    assert "\n" not in str(err.value)


def test_the_developers_sentences_are_read_as_their_labels_say(tagger):
    from analysis import figure_evaluation

    # 58 rows of 50 sentences (41 + 9 added in issue 26's second round); 49 rows name an indicator (39 + 10; 9 are
    # out of scope: households, bases, places, a project's investment ...)
    measured = figure_evaluation.sentence_set(calibration.Calibration([], [], 0))
    assert (measured.documents, len(measured.stated)) == (50, 49)
    assert measured.stated["all_right"].all()
