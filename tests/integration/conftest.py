"""Fixtures the integration tests share (helpers: ``tests/integration/helpers.py``)."""

from __future__ import annotations

import pytest
from tests.integration.helpers import CHROMIUM_FLAGS, chromium_path


@pytest.fixture(scope="session")
def browser():
    """Chromium, launched once for every browser test of the session (each test opens its own
    context: no cookie, storage or script of one test reaches another)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield b
        b.close()
