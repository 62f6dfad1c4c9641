"""The real suite, on its default parameters, as `make reports` runs it."""

import json

import pandas as pd
import pytest
from tests.conftest import FIVE_DOCUMENTS

from analysis import runner, suite

pytestmark = pytest.mark.integration


def test_every_notebook_of_the_suite_renders(real_reports):
    reports, results = real_reports
    assert [r.status for r in results if r.status != "done"] == [], [r.message for r in results]
    names = {r.run.name for r in results}
    assert {"01_corpus", "region_profile-xinjiang", "region_profile-shaoxing"} <= names
    for name in names:
        assert (reports / "html" / f"{name}.html").stat().st_size > 10_000
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert all(f'href="html/{n}.html"' in index for n in names)


def test_corpus_report_numbers_come_from_the_catalogue(real_reports):
    reports, results = real_reports
    inventory = pd.read_csv(reports / "tables" / "01_corpus" / "corpus_inventory.csv")
    # the five reviewed documents come first, whatever was added after them
    assert list(inventory["doc_id"])[:5] == ["xinjiang-2017", "liaoning-2015", "urumqi-2019", "jiaxing-2017",
                                             "shaoxing-2017"]
    corpus = next(r for r in results if r.run.name == "01_corpus")
    n, regions = len(inventory), inventory["region"].nunique()
    assert corpus.headline.startswith(f"{n} documents from {regions} regions, ")
    # the genres counted from the catalogue's table, whatever was added: for the five alone,
    # 2 policy texts (Jiaxing, Shaoxing) and 3 news reports
    genres = inventory["genre"].value_counts()
    policy, news = int(genres.get("policy_text", 0)), int(genres.get("news_report", 0))
    assert f": {policy} policy texts, {news} news reports; " in corpus.headline
    five = inventory[inventory["doc_id"].isin(FIVE_DOCUMENTS)]
    assert (five["genre"] == "policy_text").sum() == 2 and (five["genre"] == "news_report").sum() == 3
    # every document reviewed counts as reviewed: at least the five
    reviewed = int(corpus.headline.rsplit("· ", 1)[1].split(" of ")[0])
    assert 5 <= reviewed <= n and corpus.headline.endswith(f"of {n} documents reviewed")
    manifest = json.loads((reports / "manifest.json").read_text())
    assert manifest["data"]["data/raw/policies/catalogue.csv"]


def test_a_second_run_with_nothing_changed_skips_everything(real_reports):
    # two runs of one notebook write tables of the same name: in folders of their own, they
    # neither overwrite each other nor make each other look out of date
    reports, results = real_reports
    again = runner.run_suite(suite.plan(), runner.Options(reports_dir=reports, jobs=2, quiet=True))
    assert [r.run.name for r in again if r.status != "skipped"] == []
    # (both runs now cover every region, so their funding_figures.csv may have the same bytes)
    assert (reports / "tables/04_funding/funding_figures.csv").is_file()
    assert (reports / "tables/04_funding-prices2017/funding_figures.csv").is_file()


def test_a_report_with_figures_is_byte_identical_when_re_run(real_reports):
    reports, _ = real_reports
    # the chart's files (SVG, PDF, PNG) and the table's LaTeX too: a paper's figures must not drift
    before = {p: p.read_bytes() for p in [reports / "html/01_corpus.html", reports / "notebooks/01_corpus.ipynb",
                                          reports / "tables/01_corpus/corpus_inventory.tex",
                                          *(reports / f"figures/01_corpus/corpus_lengths.{f}" for f in ("svg", "pdf", "png"))]}
    assert b"data:image/svg+xml" in before[reports / "html/01_corpus.html"]
    [again] = runner.run_suite(suite.plan(None, ["01_corpus"]), runner.Options(reports_dir=reports, force=True, quiet=True))
    assert again.status == "done"
    assert {p: p.read_bytes() for p in before} == before


def test_funding_in_constant_prices_renders_with_the_missing_cpi_years_as_gaps(real_reports):
    # Liaoning's amounts are of 2015; 2017 prices need the CPI change of 2016, which no source
    # gives: the report renders, says why, and its headline counts the gaps (issue 25)
    reports, results = real_reports
    [result] = [r for r in results if r.run.name == "04_funding-prices2017"]
    assert result.status == "done" and "not in constant prices for want of a CPI year" in result.headline
    page = (reports / "html" / "04_funding-prices2017.html").read_text(encoding="utf-8")
    assert "not in 2017 prices: no CPI for 2016" in page


def test_the_reports_in_chinese_say_nothing_in_english(real_reports):
    """Every report the suite renders in Chinese (the analyses and the region profiles): no
    English sentence outside quotes, codes and records marked as English (tests/languages.py)."""
    from tests.languages import english_phrases

    reports, results = real_reports
    chinese = [r.run.name for r in results if r.run.parameters.get("lang") == "zh"]
    # the four analyses and a profile per region
    assert {"01_corpus-zh", "02_strategies-zh", "03_targets-zh", "04_funding-zh", "region_profile-zh-xinjiang"} <= set(chinese)
    found = {name: english_phrases((reports / "html" / f"{name}.html").read_text(encoding="utf-8")) for name in chinese}
    assert {name: phrases for name, phrases in found.items() if phrases} == {}
