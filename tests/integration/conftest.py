"""Fixtures the integration tests share (helpers: ``tests/integration/helpers.py``)."""

from __future__ import annotations

import pytest
from tests.conftest import NEW_DOCUMENTS, NEW_DOCUMENTS_DIR
from tests.integration.helpers import CHROMIUM_FLAGS, add_arguments, chromium_path, cli, copy_of_repository

# Issue 25 found it with a second Jiaxing document added the README's way (a 2018–2020 plan whose
# amounts are for 2020): `make reports` failed `04_funding-prices2017`, because 2017 prices for a
# 2020 amount need the CPI change of 2018, 2019 and 2020, which the reference data lack (national CPI
# for 2017 only). tests/fixtures/new_documents/jiaxing_2020.txt was written for the test.
JIAXING_2018 = dict(doc_id="jiaxing-2018", region="jiaxing", region_zh="嘉兴市", region_en="Jiaxing",
                    level="prefecture_city", parent_province="zhejiang", genre="policy_text",
                    title="嘉兴市推进众创空间发展三年行动计划(2018—2020年)", date="2018-03", outlet="测试")


@pytest.fixture(scope="session")
def open_corpus(tmp_path_factory):
    """A copy of the repository (without its generated folders) with the five test documents
    added by `corpus add` and cleaned (tests/fixtures/new_documents/), and a second Jiaxing document
    whose amounts fall outside the reference years (``JIAXING_2018``): the open corpus's tests run
    the suite in it (the reference gaps' among them); the sixth document's tests copy it and review
    one more document there, and run the unit tests on that grown corpus once for all."""
    copy = copy_of_repository(tmp_path_factory.mktemp("open-corpus"))
    for name, meta in {**NEW_DOCUMENTS, "jiaxing_2020.txt": JIAXING_2018}.items():
        done = cli(copy, "corpus", "add", str(NEW_DOCUMENTS_DIR / name), *add_arguments(meta))
        assert done.returncode == 0, done.stderr
    done = cli(copy, "corpus", "clean", "--quiet")
    assert done.returncode == 0, done.stderr
    return copy


@pytest.fixture(scope="module")
def browser():
    """Chromium, launched once per module of browser tests (each test opens its own context: no
    cookie, storage or script of one test reaches another). Not once per session: while Playwright's
    synchronous API is open, its event loop is the thread's running loop, and the tests that run
    notebooks in this process (the runner, the suite, the lab) need one of their own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield b
        b.close()
