"""Missing reference data is a gap a report shows, never a failed report (issue 25).

Issue 25 found it with a second Jiaxing document added the README's way (a 2018–2020 plan
whose amounts are for 2020): `make reports` failed `04_funding-prices2017`, because 2017 prices
for a 2020 amount need the CPI change of 2018, 2019 and 2020, which the reference data lack
(national CPI for 2017 only: /work/shared/reference has no sourced value for another year).
Here the same document (tests/fixtures/new_documents/jiaxing_2020.txt, written for the test) is
added to a copy of the repository, and every report of the suite renders."""

from __future__ import annotations

import json

import pytest
from tests.conftest import NEW_DOCUMENTS_DIR
from tests.integration.helpers import cli, copy_of_repository

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    copy = copy_of_repository(tmp_path_factory.mktemp("reference-gaps"))
    done = cli(copy, "corpus", "add", str(NEW_DOCUMENTS_DIR / "jiaxing_2020.txt"), "--id", "jiaxing-2018",
                "--region", "jiaxing", "--region-zh", "嘉兴市", "--region-en", "Jiaxing", "--level", "prefecture_city",
                "--parent-province", "zhejiang", "--genre", "policy_text",
                "--title", "嘉兴市推进众创空间发展三年行动计划(2018—2020年)", "--date", "2018-03", "--outlet", "测试")
    assert done.returncode == 0, done.stderr
    done = cli(copy, "corpus", "clean", "--quiet")
    assert done.returncode == 0, done.stderr
    return copy


def test_every_report_renders_when_amounts_fall_outside_the_reference_years(copy):
    done = cli(copy, "run", "--jobs", "2", "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = json.loads((copy / "reports" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["runs"] and all(r["status"] == "done" for r in manifest["runs"].values())
    prices = manifest["runs"]["04_funding-prices2017"]
    # every region now (the suite's run no longer names the regions the CPI covers): Liaoning's
    # 2015 amounts (no CPI for 2016) and the new Jiaxing plan's 2020 amount (none for 2018–2020)
    assert "not in constant prices for want of a CPI year" in prices["headline"]
    page = (copy / "reports" / "html" / "04_funding-prices2017.html").read_text(encoding="utf-8")
    assert "not in 2017 prices: no CPI for 2018–2020" in page and "not in 2017 prices: no CPI for 2016" in page
    table = (copy / "reports" / "tables" / "04_funding-prices2017" / "funding_intensity-prices2017.csv").read_text(
        encoding="utf-8")
    assert "jiaxing-2018-d" in table  # the new document's amount is in the table, as a gap
