"""The open corpus, end to end, as a graduate student meets it: documents the suite has
never seen (tests/fixtures/new_documents/, written for this test: a Traditional text with
pinyin ruby, a district's plan with targets for 2025 and 2027, a news report of status
figures for a region already in the corpus, a development zone's subsidy rules, a notice
that states nothing) are added to a copy of the repository with `corpus add`, and the
commands a user runs then work: `corpus clean`, `figures check` and the whole suite (the unit
tests are run on this corpus grown by a sixth, reviewed document: tests/integration/test_sixth_document.py).
A second Jiaxing document whose amounts fall outside the reference years is added too: missing
reference data is a gap a report shows, never a failed report (issue 25)."""

import json
import re
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
from tests.conftest import FIVE_DOCUMENTS, NEW_DOCUMENTS
from tests.integration.helpers import cli

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def copy(open_corpus):
    """The repository with the five test documents added (``open_corpus``, tests/integration/conftest.py)."""
    return open_corpus


@pytest.fixture(scope="module")
def suite_run(copy):
    return cli(copy, "run", "--jobs", "2", "--quiet")


def test_figures_check_passes_and_lists_what_is_still_a_draft(copy):
    done = cli(copy, "figures", "check")
    assert done.returncode == 0, done.stdout + done.stderr
    for meta in NEW_DOCUMENTS.values():
        assert f"DRAFT {meta['doc_id']}: figures, instruments, funding, pmc not reviewed" in done.stdout
    assert "5 of 11 documents reviewed" in done.stdout


def test_every_report_renders_with_the_new_documents(copy, suite_run):
    assert suite_run.returncode == 0, suite_run.stdout + suite_run.stderr
    html = copy / "reports" / "html"
    # a profile for each new region; Urumqi's second document joins Urumqi's profile
    for region in ("hangzhou", "yuhang", "testzone", "noticeville", "urumqi"):
        assert (html / f"region_profile-{region}.html").is_file()
    assert not (html / "region_profile-urumqi-2021.html").exists()
    manifest = json.loads((copy / "reports" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["runs"] and all(r["status"] == "done" for r in manifest["runs"].values())
    # one targets report per target year the reports use by default (reviewed rows, drafts of confidence
    # >= 0.8): the five's 2018 and 2020, yuhang_2025.txt's 2025 and 2027 ("新增省级众创空间10家以上",
    # "国家级科技企业孵化器达到15家": a level on the counted noun); and no report for a year whose targets are
    # all drafts below 0.8 (which years those are depends on the calibration: read from the copy's drafts)
    for year in (2018, 2020, 2025, 2027):
        assert (html / f"03_targets-{year}.html").is_file()
    drafted = pd.concat(pd.read_csv(p, dtype=str, keep_default_na=False)
                        for p in (copy / "data" / "processed" / "drafts").glob("*.figures.csv"))
    drafted = drafted[~drafted["doc_id"].isin(FIVE_DOCUMENTS) & (drafted["kind"] == "target")
                      & (drafted["out_of_scope_reason"] == "") & (drafted["indicator"] != "")
                      & drafted["year"].str.fullmatch(r"\d{4}")]
    confident = {int(y) for y in drafted.loc[drafted["confidence"].astype(float) >= 0.8, "year"]}
    assert {2025, 2027} <= confident
    for page in html.glob("03_targets-*.html"):
        named = re.fullmatch(r"03_targets-(\d{4})(-zh)?", page.stem)  # 03_targets(-zh): the default year's
        if named:
            assert int(named[1]) in {2018, 2020} | confident, f"{page.name} rests on drafts below 0.8 only"
    index = (copy / "reports" / "index.html").read_text(encoding="utf-8")
    assert "5 of 11 documents reviewed" in index
    # each new document has its page in the source viewer, its drafted figures marked
    viewer = (copy / "reports" / "documents" / "yuhang-2023.html").read_text(encoding="utf-8")
    assert 'id="f-yuhang-2023-d' in viewer and 'href="raw/' in viewer
    assert any((copy / "reports" / "documents" / "raw").iterdir())
    # listed with the documents (the navigation links the list, not each document: issue 22)
    assert 'href="yuhang-2023.html"' in (copy / "reports" / "documents" / "index.html").read_text(encoding="utf-8")


def test_a_new_region_profile_shows_its_drafted_figures_with_quotes_and_status(copy, suite_run):
    page = (copy / "reports" / "html" / "region_profile-yuhang.html").read_text(encoding="utf-8")
    # yuhang_2025.txt: "到2027年，全区国家级科技企业孵化器达到15家。"
    assert "到2027年，全区国家级科技企业孵化器达到15家。" in page
    assert "drafted by code, not reviewed" in page and "0 of 1 document reviewed" in page
    assert "python -m analysis review yuhang-2023" in page


def test_strategies_targets_and_funding_include_the_new_documents_as_drafts(copy, suite_run):
    tables = copy / "reports" / "tables"
    counts = pd.read_csv(tables / "02_strategies" / "instruments_counts-type-consensus.csv")
    # the confident default counts drafted codes of confidence >= 0.8: yuhang's and the zone's
    # measures; hangzhou_ruby.txt's one such clause is a status report (no measure), so its others
    # clauses are listed under "To review" instead
    assert {"yuhang-2023", "zone-2018"} <= set(counts["doc_id"])
    strategies = (copy / "reports" / "html" / "02_strategies.html").read_text(encoding="utf-8")
    assert "python -m analysis review hangzhou-2019" in strategies
    card = pd.read_csv(tables / "03_targets-2025" / "targets_scorecard-2025.csv")
    assert set(card["target_doc"]) == {"yuhang-2023"} and set(card["target_status"]) == {"draft"}
    fund = pd.read_csv(tables / "04_funding" / "funding_figures.csv")
    # zone_rules.txt: "对新认定的国家级科技企业孵化器，给予一次性奖励100万元" — drafted (confidence 0.83: the level
    # is written on the recipient), beside the reviewed amounts
    mine = fund[fund["figure_id"].str.startswith("zone-2018")]
    # 100万元 = 1,000,000 yuan, a plain number in the table a paper is built from
    assert set(mine["status"]) == {"draft"} and 1_000_000 in set(mine["value"])
    assert set(mine["unit"]) == {"CNY"}
    assert "reviewed" in set(fund["status"])
    # hangzhou_ruby.txt's "市财政设立创业种子资金5000万元" and yuhang_2025.txt's "区财政每年安排专项资金3000万元" are
    # drafted with confidence 0.65 (their level is read from the paying government, an inference): left out by
    # default, and listed under "To review" with the command that reviews them
    assert not fund["figure_id"].str.startswith(("hangzhou-2019", "yuhang-2023")).any()
    page = (copy / "reports" / "html" / "04_funding.html").read_text(encoding="utf-8")
    assert "To review" in page and "python -m analysis review yuhang-2023" in page
    assert "python -m analysis review hangzhou-2019" in page


def test_the_five_reviewed_documents_keep_their_results(copy, suite_run):
    card = pd.read_csv(copy / "reports" / "tables" / "03_targets" / "targets_scorecard-all.csv")
    xinjiang = card.set_index("target_id")
    # "培育众创空间60家" by 2020 from 29 at the end of 2016: 64 observed in 2021 -> met, 64/60 = 1.07
    assert xinjiang.loc["xinjiang-2017-005", "verdict"] == "met"
    assert xinjiang.loc["xinjiang-2017-005", "attainment"] == pytest.approx(64 / 60)
    # (60/29)^(1/4) - 1 = 0.1993
    assert xinjiang.loc["xinjiang-2017-005", "required_growth"] == pytest.approx((60 / 29) ** 0.25 - 1)


def test_every_report_renders_when_amounts_fall_outside_the_reference_years(copy, suite_run):
    manifest = json.loads((copy / "reports" / "manifest.json").read_text(encoding="utf-8"))
    # the suite's run: Liaoning's reviewed 2015 amounts (no CPI for 2016) are a gap it shows, not a failure
    assert "not in constant prices for want of a CPI year" in manifest["runs"]["04_funding-prices2017"]["headline"]
    # jiaxing_2020.txt's "2020年市财政安排众创空间发展专项资金3000万元" is drafted below 0.8 (its level is read from
    # the payer), so the default leaves it out: the constant-prices report with every draft is a run of its own
    done = cli(copy, "run", "04_funding-prices2017", "-p", "curation", "all", "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = json.loads((copy / "reports" / "manifest.json").read_text(encoding="utf-8"))
    name = "04_funding-prices2017-curation-all"
    assert manifest["runs"][name]["status"] == "done"
    assert "not in constant prices for want of a CPI year" in manifest["runs"][name]["headline"]
    page = (copy / "reports" / "html" / f"{name}.html").read_text(encoding="utf-8")
    assert "not in 2017 prices: no CPI for 2018–2020" in page and "not in 2017 prices: no CPI for 2016" in page
    table = (copy / "reports" / "tables" / name / "funding_intensity-prices2017.csv").read_text(encoding="utf-8")
    assert "jiaxing-2018-d" in table  # the new document's amount is in the table, as a gap


@contextmanager
def _quote_moved(copy: Path):
    """shaoxing-2017-002's quote start moved by one character in the copy's curated table (as a
    re-cleaning of the corpus would move it), restored afterwards."""
    path = copy / "data" / "curated" / "figures.csv"
    original = path.read_text(encoding="utf-8")
    row = "shaoxing-2017-002,shaoxing-2017,maker_spaces,provincial_level,target,2020,80,count,exact,80家,省级80家,"
    assert row in original
    try:
        start = original.index(row) + len(row)
        offset = original[start:].split(",")[0]
        path.write_text(original[:start] + str(int(offset) + 1) + original[start + len(offset):], encoding="utf-8")
        yield
    finally:
        path.write_text(original, encoding="utf-8")


def test_a_wrong_offset_edited_into_the_curated_table_is_one_line_and_exit_2(copy):
    with _quote_moved(copy):
        done = cli(copy, "figures", "check")
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1
        assert done.stderr.startswith("error: data/curated/figures.csv, row ")
        assert "(shaoxing-2017-002), field 'quote': the quote is not at" in done.stderr


def test_a_quote_moved_by_re_cleaning_breaks_its_links_not_the_report(copy):
    """The corpus re-cleaned with other rules moves a curated quote: the report still renders,
    the number's link is marked broken with the reason, the run lists it, verify would fail."""
    with _quote_moved(copy):
        done = cli(copy, "run", "03_targets", "--quiet")
        assert done.returncode == 0, done.stderr
        assert "BROKEN LINK html/03_targets.html: 80 (2020)" in done.stderr
        assert "its quote is no longer at" in done.stderr and " broken link(s); index:" in done.stdout
        page = (copy / "reports" / "html" / "03_targets.html").read_text(encoding="utf-8")
        assert 'class="link-broken"' in page and "shaoxing-2017-002: its quote is no longer at" in page
        manifest = json.loads((copy / "reports" / "manifest.json").read_text(encoding="utf-8"))
        assert any("shaoxing-2017-002" in b["reason"] for b in manifest["site"]["broken_links"])
        viewer = (copy / "reports" / "documents" / "shaoxing-2017.html").read_text(encoding="utf-8")
        assert 'id="broken-shaoxing-2017-002"' in viewer and 'id="f-shaoxing-2017-002"' not in viewer


def test_the_chinese_reports_stay_chinese_with_drafted_documents(copy, suite_run):
    """Drafts bring generated text of their own (PMC justifications, reasons, the drafter's
    notes): the Chinese reports of the open corpus say it in Chinese, or mark it as English."""
    from tests.languages import english_phrases

    html = copy / "reports" / "html"
    pages = ["02_strategies-zh", "03_targets-zh", "04_funding-zh", "region_profile-zh-yuhang", "region_profile-zh-testzone"]
    found = {p: english_phrases((html / f"{p}.html").read_text(encoding="utf-8")) for p in pages}
    assert {p: phrases for p, phrases in found.items() if phrases} == {}
    # a drafted PMC item's justification, in Chinese (drafts.draft_pmc)
    assert "未评分:没有草拟规则能判断此项;须由人阅读文本" in (html / "02_strategies-zh.html").read_text(encoding="utf-8")
