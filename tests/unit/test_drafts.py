"""Drafts by code: every document gets figures, clause codes, funding attributes and PMC
items drafted from its text and the codebooks, marked as drafts with a confidence.

The sentences below are written for these tests (not quotes from the corpus) unless a
comment names the document they come from."""

from collections import Counter

import pandas as pd
import pytest
from tests.conftest import FIVE_DOCUMENTS, add_new_document

from analysis import (
    cleaning,
    corpus,
    curation,
    draftfiles,
    draftquality,
    drafts,
    figures,
    fundingdrafts,
    instruments,
    inuse,
    pmc,
    reference,
    targets,
)


@pytest.fixture(scope="module")
def tagger():
    return drafts.Tagger.from_codebooks(figures.load_indicators(), drafts.load_scopes())


def _doc(doc_id="test-2023", level="district", genre="policy_text", date="2023"):
    return corpus.Document(doc_id, "testland", "测试区", "Testland", level, "", genre, "测试", date, "测试",
                           "simplified", "t.txt", "0" * 64, "utf-8", "")


def _draft(text, tagger, **kw):
    return drafts.draft_figures(_doc(**kw), cleaning.clean_text(text), tagger)


def _row(frame, mention):
    return frame[frame["mention"] == mention].iloc[0]


@pytest.mark.parametrize("text, mention, indicator, scope", [
    # the alias before the number
    ("全区建成众创空间29家。", "29家", "maker_spaces", "all"),
    # the counted noun after the measure word, with its level
    ("新增5个国家级众创空间。", "5个", "maker_spaces", "national_level"),
    # the unit decides which indicator an alias names: 众创空间 + 平方米 is their floor area
    ("众创空间总面积3万平方米。", "3万平方米", "maker_space_area", "all"),
    # 的 + noun describes what has the 20 firms: the alias right before the number is counted
    ("对在孵企业20家以上的孵化器给予支持。", "20家以上", "firms_in_incubation", "all"),
    # a level named once for several numbers belongs to the phrase it stands in
    ("全区创建市级众创空间150家、省级80家。", "80家", "maker_spaces", "provincial_level"),
    ("全区创建市级众创空间150家、省级80家。", "150家", "maker_spaces", "municipal_level"),
    # overlapping cues resolve to the longer: 国家备案 (national), not 备案的 (registered)
    ("其中国家备案的众创空间14家。", "14家", "maker_spaces", "national_level"),
    ("经备案的科技企业孵化器达16家。", "16家", "incubators", "region_registered"),
    ("设立创业种子资金500万元。", "500万元", "seed_funds", "all"),
])
def test_indicator_and_scope_from_the_words_around_the_number(tagger, text, mention, indicator, scope):
    row = _row(_draft(text, tagger), mention)
    assert (row["indicator"], row["scope"], row["out_of_scope_reason"]) == (indicator, scope, "")
    assert 0 < row["confidence"] <= 1


def test_a_number_no_indicator_names_is_drafted_out_of_scope_with_the_reason(tagger):
    # the subject of 共有 is 员工 (staff), a noun the codebook does not name: the reason names it
    row = _row(_draft("公司共有员工35人。", tagger), "35人")
    assert row["indicator"] == "" and row["confidence"] == 0
    assert row["out_of_scope_reason"] == "the counted noun '员工' is not an indicator of the codebook"
    # no noun at all near the number
    row = _row(_draft("共计35人。", tagger), "35人")
    assert row["out_of_scope_reason"] == "no indicator measured in person is named near the number"


def test_a_draft_has_everything_a_curated_row_has_and_its_quote_at_its_offsets(tagger):
    text = "一、目标\n到2025年，全区科技企业孵化器达到50家。"
    cleaned = cleaning.clean_text(text)
    row = _row(drafts.draft_figures(_doc(), cleaned, tagger), "50家")
    assert set(figures.FIGURE_FIELDS) <= set(row.index)
    assert cleaned.text[row["quote_start"]:row["quote_end"]] == row["quote"] == "到2025年，全区科技企业孵化器达到50家。"
    assert (row["kind"], row["year"], row["value"]) == ("target", 2025, 50.0)
    assert row["figure_id"] == f"test-2023-d{cleaned.text.index('50家'):05d}"
    assert row["note"].startswith("drafted by code")


def test_a_status_figure_before_a_target_of_the_same_kind_is_its_baseline(tagger):
    frame = _draft("截至2022年底，全区科技企业孵化器30家。到2025年，全区科技企业孵化器达到50家。", tagger)
    assert _row(frame, "30家")[["kind", "year"]].tolist() == ["baseline", 2022]
    assert _row(frame, "50家")[["kind", "year"]].tolist() == ["target", 2025]


def test_funding_attributes_from_cue_words_else_unknown(tagger):
    frame = _draft("区财政每年安排专项资金3000万元。对新认定的孵化器给予一次性奖励100万元。设立基金200万元以外的资金10万元。",
                   tagger)
    frame = frame[frame["out_of_scope_reason"] == ""]
    fund = fundingdrafts.draft_funding(frame, {"test-2023": _doc()}).set_index("figure_id")
    by_mention = dict(zip(frame["mention"], frame["figure_id"], strict=False))
    assert fund.loc[by_mention["3000万元"], ["instrument", "payer_level", "per"]].tolist() == \
        ["programme_budget", "county", "total"]  # a district pays at the county level
    assert fund.loc[by_mention["100万元"], ["instrument", "per"]].tolist() == ["award", "per_entity"]


def test_pmc_items_the_drafts_decide_are_scored_with_their_rule_the_rest_are_not(tagger):
    doc = _doc(date="2023")
    figs = _draft("到2025年，全区科技企业孵化器达到50家。", tagger)
    fw, ins_fw = pmc.load_framework(), instruments.load_framework()
    coding = pd.DataFrame({"doc_id": ["test-2023"] * 2, "primary": ["S_FUN", "E_TAX"], "secondary": ["", ""]})
    scores = drafts.draft_pmc(doc, figs, coding, fw, ins_fw).set_index("item")
    # horizon: target year 2025 - document year 2023 = 2 years, under 3
    assert scores.loc["X2:3", "score"] == 1 and scores.loc["X2:1", "score"] == 0 and scores.loc["X2:2", "score"] == 0
    assert "2025 - document year 2023 = 2 years" in scores.loc["X2:3", "justification"]
    assert scores.loc["X8:1", "score"] == 1 and scores.loc["X8:3", "score"] == 0  # supply yes, demand no
    assert scores.loc["X5:3", "score"] == 1  # E_TAX: tax incentives
    assert pd.isna(scores.loc["X6:1", "score"]) and scores.loc["X6:1", "justification"].startswith("not scored")
    # a document with unscored items gets no PMC and no grade, never a low one
    frame = scores.reset_index().assign(variable=lambda f: f["item"].str.split(":").str[0], region="testland",
                                        genre="policy_text", status="draft")
    idx = pmc.index(frame, fw)
    assert pd.isna(idx.loc["test-2023", "PMC"])
    n = int(scores['score'].isna().sum())
    assert idx.loc["test-2023", "grade"] == f"not graded: {n} items not scored"
    assert idx.loc["test-2023", "grade_zh"] == f"未评级:{n}项未评分"  # the Chinese report's, from the same count
    # a drafted policy text: the draft flag alone, in both languages
    assert (idx.loc["test-2023", "flag"], idx.loc["test-2023", "flag_zh"]) == ("drafted by code, not reviewed", "由代码草拟,未审核")


# --- in a project: the five reviewed documents and new ones --------------------------------------
def test_new_documents_flow_into_every_layer_marked_as_drafts(project):
    add_new_document("yuhang_2025.txt")
    add_new_document("urumqi_status.txt")
    figs = inuse.load_figures(curation="all")
    assert set(figs.loc[figs["doc_id"].isin(["yuhang-2023", "urumqi-2021"]), "status"]) == {"draft"}
    assert set(figs.loc[figs["doc_id"] == "xinjiang-2017", "status"]) == {"reviewed"}
    reviewed_docs = set(inuse.load_figures(curation="reviewed")["doc_id"])
    assert set(FIVE_DOCUMENTS) <= reviewed_docs and not reviewed_docs & {"yuhang-2023", "urumqi-2021"}
    # yuhang_2025.txt: "到2025年……" and "到2027年，全区国家级科技企业孵化器达到15家"
    assert {2025, 2027} <= set(inuse.target_years()) and {2018, 2020} <= set(inuse.target_years())
    # a second document of Urumqi is Urumqi's: one region in every analysis
    assert set(figs.loc[figs["doc_id"] == "urumqi-2021", "region"]) == {"urumqi"}
    fw = instruments.load_framework()
    codes = inuse.load_coding(fw, curation="all")
    assert set(codes.loc[codes["doc_id"] == "yuhang-2023", "status"]) == {"draft"}
    reviewed = inuse.load_coding(fw, curation="reviewed")
    assert len(reviewed[reviewed["doc_id"].isin(FIVE_DOCUMENTS)]) == 350  # the five documents' clauses
    assert not reviewed["doc_id"].isin(["yuhang-2023", "urumqi-2021"]).any()
    # yuhang_2025.txt: "（三）落实税收优惠。对符合条件的科技企业孵化器免征房产税……" is a tax measure
    tax = codes[codes["text"].str.contains("免征房产税")].iloc[0]
    assert tax["type"] == "environment" and 0 < tax["confidence"] <= 1


def test_by_default_a_report_uses_confident_drafts_and_lists_the_others_to_review(project):
    from analysis import draft_selection

    add_new_document("yuhang_2025.txt")
    draft_selection.forget()
    every = inuse.load_figures(curation="all")
    drafted = every[every["status"] == "draft"]
    draft_selection.forget()
    used = inuse.load_figures()  # curation="confident"
    # the reviewed rows of the five documents are all there; of the drafts only those of confidence >= 0.8
    assert (used["status"] == "reviewed").sum() == (every["status"] == "reviewed").sum()
    assert sorted(used.loc[used["status"] == "draft", "figure_id"]) == sorted(
        drafted.loc[drafted["confidence"] >= 0.8, "figure_id"])
    # "To review" counts per document: yuhang-2023's drafts left out (on a grown corpus other
    # documents have drafts too, counted on their own rows)
    left_out = int(((drafted["doc_id"] == "yuhang-2023") & (drafted["confidence"] < 0.8)).sum())
    assert left_out > 0
    table = draft_selection.to_review().set_index("document")
    assert table.loc["yuhang-2023", "drafts left out"] == left_out
    assert table.loc["yuhang-2023", "review with"] == "python -m analysis review yuhang-2023"
    draft_selection.forget()


def test_adding_documents_moves_no_result_of_the_five(project):
    def scorecard():
        card = targets.scorecard(inuse.load_figures(), reference.load_outcomes(), reference.load_national())
        return card[card["target_status"] == "reviewed"].reset_index(drop=True)

    def pmc_index():
        fw = pmc.load_framework()
        return pmc.index(inuse.load_scores(fw), fw).loc[lambda f: f["status"] == "reviewed", ["PMC", "grade", "rank"]]

    before_card, before_pmc = scorecard(), pmc_index()
    for name in ("hangzhou_ruby.txt", "yuhang_2025.txt", "urumqi_status.txt", "zone_rules.txt"):
        add_new_document(name)
    after_card = scorecard()
    # Urumqi's new document is a second source for Urumqi; the five's targets keep their baselines,
    # outcomes and verdicts
    pd.testing.assert_frame_equal(before_card, after_card)
    after_pmc = pmc_index()
    pd.testing.assert_frame_equal(before_pmc[["PMC", "grade"]], after_pmc[["PMC", "grade"]])


def test_a_document_with_no_quantity_and_no_measure_drafts_empty_layers(project):
    add_new_document("notice_nothing.txt")
    assert inuse.drafted_figures(["notice-2020"]).empty
    codes = inuse.load_coding(instruments.load_framework(), curation="all")
    mine = codes[codes["doc_id"] == "notice-2020"]
    # four lines, four clauses, all drafted (the keyword coder reads 贯彻落实 in "请认真贯彻落实。" as a
    # strategic measure: one of its misses, which is why its codes stay drafts until reviewed)
    assert len(mine) == 4 and set(mine["status"]) == {"draft"}
    assert mine.set_index("text").loc["特此通知。", "primary"] == "none"
    fw = pmc.load_framework()
    idx = pmc.index(inuse.load_scores(fw), fw)
    assert idx.loc["notice-2020", "grade"].startswith("not graded")


def test_drafts_are_deterministic_and_rebuilt_when_an_input_changes(project):
    add_new_document("zone_rules.txt")
    first = {p.name: p.read_bytes() for p in drafts.write().iterdir()}
    again = {p.name: p.read_bytes() for p in drafts.write().iterdir()}
    assert first == again
    stamp = draftfiles.drafts_dir() / "fingerprint.txt"
    before = stamp.read_text()
    # a new alias in the codebook changes what is drafted: ensure() rebuilds
    path = project / "data/curated/indicators.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("众创空间|创客空间|众创平台", "众创空间|创客空间|众创平台|双创空间"),
                    encoding="utf-8")
    drafts.ensure()
    assert stamp.read_text() != before


def test_the_curation_table_is_checked_and_missing_rows_are_drafts(project):
    add_new_document("zone_rules.txt")
    table = curation.load_status()
    assert curation.status("zone-2018", "figures", table) == "draft"
    assert curation.status("jiaxing-2017", "pmc", table) == "reviewed"
    n = len(corpus.load_catalogue())  # 6: the five and zone_rules.txt (more on a grown corpus)
    path = project / "data/curated/curation.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    # a document counts as reviewed when its four layers are: the five (and any reviewed later)
    layers_done = Counter(line.split(",")[0] for line in lines[1:] if line.split(",")[2] == "reviewed")
    done = sum(1 for k in layers_done.values() if k == 4)
    assert done >= 5 and curation.summary(table=table) == f"{done} of {n} documents reviewed"
    row = next(i for i, line in enumerate(lines) if line.startswith("jiaxing-2017,pmc,"))  # the header is row 0
    path.write_text(path.read_text(encoding="utf-8").replace("jiaxing-2017,pmc,reviewed", "jiaxing-2017,pmc,done"),
                    encoding="utf-8")
    with pytest.raises(Exception) as err:
        curation.load_status()
    assert str(err.value) == (f"data/curated/curation.csv, row {row} (jiaxing-2017 pmc), field 'status': 'done' is not "
                              "allowed; expected one of draft, reviewed")


def test_tables_are_written_at_full_precision_without_scientific_notation(tmp_path, monkeypatch):
    from analysis import report

    monkeypatch.setenv("ANALYSIS_TABLES_DIR", str(tmp_path))
    # 8500万元 = 85,000,000; 8500万元 / 16 = 5,312,500; 64 / 60 = 1.0666…; a missing value stays empty
    report.save_table(pd.DataFrame({"value": [85_000_000.0, 85_000_000 / 16, 64 / 60, float("nan")],
                                    "unit": ["CNY", "CNY", "", "CNY"]}), "t")
    assert (tmp_path / "t.csv").read_text().splitlines() == [
        "value,unit", "85000000,CNY", "5312500,CNY", "1.0666666666666667,", ",CNY"]


def test_drafts_quality_measures_each_reviewed_document_on_its_own(capsys):
    from analysis.cli import main

    q = draftquality.quality()
    per = q["per_document"].set_index("document")
    five = ["xinjiang-2017", "liaoning-2015", "urumqi-2019", "jiaxing-2017", "shaoxing-2017"]
    assert list(per.index)[:5] == five  # the five reviewed documents (and any reviewed later)
    # 100 curated figures of the five (99, and Jiaxing's 全覆盖 target since issue 12), of which 2
    # implied (Jiaxing's 倍增 baselines): 98 stated
    assert per.loc[five, "curated figures"].sum() == 98
    # Liaoning's "并择优推荐了16家企业和4家团队参加全国行业总决赛": 企业 names no indicator of the
    # codebook, but 参加全国 in its predicate does (competition_entrants, as curated): drafted
    assert per.loc["liaoning-2015", "missed"] == 0
    # Jiaxing's "各地国家级孵化器全覆盖" (curated as 100% coverage) has no number the extractor reads
    assert per.loc["jiaxing-2017", "missed"] == 1
    assert per.loc[five, "clauses"].sum() == 350
    assert sum(r["n"] for r in q["instruments"]["calibration"]) == q["instruments"]["clauses"]
    assert main(["drafts", "quality"]) == 0
    out = capsys.readouterr().out
    assert "calibration, instruments (type right):" in out
    # the figure drafts per labelled set, each with its calibration table, and the chart
    assert "calibration, reviewed, leave one document out (indicator, scope and kind right):" in out
    assert "calibration, sentences written by the developers" in out
    assert "reliability chart: reports/drafts_quality/reliability.svg" in out
    # the labelled sets, each on its own line (tests/fixtures/heldout/set_a, set_b: tuning sets, each judged with a
    # map fitted without it), their pooled row, and the confidence against the reviewed documents' map of before
    assert "tuning: set_a" in out and "tuning: set_b" in out
    assert "calibration, tuning sets, each left out (indicator, scope and kind right):" in out
    assert "confidence (each set judged with a map that never saw it; five only:" in out
    assert "Brier (five only)" in out


def test_drafts_read_twice_are_read_again_once_rebuilt(project):
    # a report reads a layer's drafts once per coding it compares: the files are read once while the
    # folder keeps its fingerprint, and read again when the drafts are rebuilt with a new one
    add_new_document("zone_rules.txt")
    drafts.ensure()
    first = draftfiles.read("instruments", ["zone-2018"])
    first.loc[0, "primary"] = "changed by a caller"  # not what the next reader gets
    assert draftfiles.read("instruments", ["zone-2018"]).equals(draftfiles.read("instruments", ["zone-2018"]))
    assert draftfiles.read("instruments", ["zone-2018"]).loc[0, "primary"] != "changed by a caller"
    path = draftfiles.drafts_dir() / "zone-2018.instruments.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    with draftfiles.locked():  # rebuilt with one row less and a new fingerprint
        draftfiles.store({p.name: p.read_bytes() for p in draftfiles.drafts_dir().glob("*.csv")}
                         | {path.name: ("\n".join(rows[:-1]) + "\n").encode("utf-8")}, draftfiles.fingerprint())
    stamp = draftfiles.drafts_dir() / draftfiles.STAMP
    assert draftfiles.is_current() and stamp.is_file()
    assert len(draftfiles.read("instruments", ["zone-2018"])) == len(rows) - 2  # the header and the row left out
