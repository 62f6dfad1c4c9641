"""Findings first (issue 23): each report opens with sentences generated from its own numbers,
in both languages. Expected values by hand from the frames given, or, where a test says so,
from the five reviewed documents (FIVE_DOCUMENTS) by id."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest
from tests.conftest import FIVE_DOCUMENTS

from analysis import findings, inuse, outputs, reference, targets


def _inventory():
    return pd.DataFrame({"doc_id": ["a-2017", "b-2019"], "region_en": ["A", "B"], "region_zh": ["甲", "乙"],
                         "raw_chars": [1000, 3000], "clean_chars": [900, 1500], "ruby_chars": [0, 1200],
                         "chrome_chars": [60, 200], "clauses": [40, 25]})


def test_corpus_findings_say_what_cleaning_kept_and_where_it_removed_most():
    lines = findings.corpus(_inventory())
    # kept 900 + 1500 = 2,400 of 1000 + 3000 = 4,000 characters: 60%; ruby 1,200, chrome 60 + 200 = 260
    assert lines[0].en.startswith("Cleaning kept 2,400 of the raw files' 4,000 characters (60%); it removed 1,200 "
                                  "characters of pinyin ruby and 260 of web chrome")
    # b-2019 lost 1 - 1500/3000 = 50%, a-2017 1 - 900/1000 = 10%
    assert lines[1].en == "The most was removed from B's b-2019 (50% of its characters)."
    assert lines[1].zh == "去除最多的是乙的 b-2019(占其字符的 50%)。"
    assert lines[2].en == "The cleaned texts hold 65 clauses, the unit the instrument coding reads."  # 40 + 25


@pytest.fixture(scope="module")
def card():
    return targets.scorecard(inuse.load_figures(), reference.load_outcomes(), reference.load_national())


def test_targets_findings_of_the_five_documents_name_the_judged_targets_with_their_numbers(card):
    # of the five reviewed documents: xinjiang-2017-005 "培育众创空间60家" (by 2020); the reference data
    # observes 64 in 2021 (outcomes.csv: 自治區已備案眾創空間64家): 64 >= 60, met
    mine = card[card["target_doc"].isin(FIVE_DOCUMENTS)]
    lines = findings.targets(mine)
    judged = mine[mine["verdict"] != "unknown"]
    assert lines[0].en == f"{len(judged)} of {len(mine)} targets can be judged against an observed outcome."
    xinjiang = next(line for line in lines if "(xinjiang-2017-005)" in line.en)
    assert "**met**; 64 observed vs target 60" in xinjiang.en
    assert "**已达成**" in xinjiang.zh
    # the last line counts the rest by why they cannot be judged
    unknown = mine[mine["verdict"] == "unknown"]
    assert lines[-1].en.startswith(f"The other {len(unknown)} cannot be judged: "
                                   f"{int(unknown['observed_value'].isna().sum())} have no observed outcome")


def test_no_target_no_judgement():
    empty = pd.DataFrame(columns=["verdict"])
    assert [t.en for t in findings.targets(empty)] == ["No target matches the parameters."]


def test_strategies_findings_name_the_highest_and_lowest_pmc():
    index = pd.DataFrame({"PMC": [6.5, 4.25, None], "grade": ["excellent", "acceptable", ""],
                          "grade_zh": ["优秀", "可接受", ""]}, index=["a-2017", "b-2019", "c-2020"])
    lines = findings.strategies("χ² = 1.00", ["A leads"], index, "en")
    assert lines == ["χ² = 1.00", "A leads", "PMC index: highest a-2017 (6.50, excellent), lowest b-2019 "
                                               "(4.25, acceptable), of 2 scored documents."]
    assert findings.strategies("χ²", [], index, "zh")[-1] == \
        "PMC 指数:最高为 a-2017(6.50,优秀),最低为 b-2019(4.25,可接受),共 2 篇已评分文献。"


def test_the_parameters_table_follows_the_findings_when_a_report_has_them():
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("lang = 'en'", id="p")
    params.metadata["tags"] = ["parameters"]
    found = nbformat.v4.new_code_cell("findings.show([])", id="findings")
    found.metadata["tags"] = ["findings"]
    found.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": "## Findings"})]
    nb.cells = [nbformat.v4.new_markdown_cell("# T", id="t"), params, found]
    outputs.normalise(nb, {"lang": "en"}, set())
    assert params.outputs == []
    assert [o["data"].get("text/markdown") for o in found.outputs][0] == "## Findings"
    assert "Parameters of this run" in found.outputs[1]["data"]["text/html"]


@pytest.mark.parametrize("stem", ["01_corpus", "02_strategies", "03_targets", "04_funding", "region_profile"])
def test_every_analysis_opens_with_its_title_then_findings_before_any_table(stem):
    from analysis import paths

    nb = nbformat.read(paths.project_root() / "notebooks" / f"{stem}.ipynb", as_version=4)
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    first_findings = next(i for i, t in enumerate(tags) if "findings" in t)
    assert nb.cells[0].source.startswith("# ") and "\n" not in nb.cells[0].source.strip()  # the title alone
    before = "".join(c.source for c in nb.cells[:first_findings] if c.cell_type == "code")
    assert "report.show" not in before and "searchable_table" not in before and "display(" not in before
    assert "figure_files.show" in nb.cells[first_findings].source  # its one chart
