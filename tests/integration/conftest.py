"""Fixtures the integration tests share (helpers: ``tests/integration/helpers.py``)."""

from __future__ import annotations

import pytest
from tests.integration.helpers import CHROMIUM_FLAGS, chromium_path


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
