"""Fixtures the integration tests share (helpers: ``tests/integration/helpers.py``)."""

from __future__ import annotations

import pytest
from tests.conftest import NEW_DOCUMENTS, NEW_DOCUMENTS_DIR
from tests.integration.helpers import CHROMIUM_FLAGS, add_arguments, chromium_path, cli, copy_of_repository


@pytest.fixture(scope="session")
def open_corpus(tmp_path_factory):
    """A copy of the repository (without its generated folders) with the five test documents
    added by `corpus add` and cleaned (tests/fixtures/new_documents/): the open corpus's tests run
    the suite in it; the sixth document's tests copy it and review one more document there, and run
    the unit tests on that grown corpus once for both."""
    copy = copy_of_repository(tmp_path_factory.mktemp("open-corpus"))
    for name, meta in NEW_DOCUMENTS.items():
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
