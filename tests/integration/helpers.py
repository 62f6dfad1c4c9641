"""What several integration tests share: a copy of the repository a test may change, the command
line run in it as a user runs it, and the browser (Debian's ``chromium`` package, driven by
Playwright with ``executable_path``: nothing is downloaded). The browser itself is launched once
per module of browser tests (``browser`` in ``tests/integration/conftest.py``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT

# `corpus add`'s options, by the catalogue column each sets
ADD_OPTIONS = {"doc_id": "--id", "region": "--region", "region_zh": "--region-zh", "region_en": "--region-en",
               "level": "--level", "parent_province": "--parent-province", "genre": "--genre", "title": "--title",
               "date": "--date", "outlet": "--outlet"}


def add_arguments(meta: dict[str, str]) -> list[str]:
    """`corpus add`'s options for a catalogue row (columns it has no option for, and empty values, left out)."""
    return [x for key, value in meta.items() if key in ADD_OPTIONS and value for x in (ADD_OPTIONS[key], value)]


def cli(copy: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``python -m analysis ARGS`` in ``copy``, as a user runs it there (``env``: more variables)."""
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=copy, capture_output=True, text=True,
                          env={**os.environ, "SHUANGCHUANG_ROOT": str(copy), **env}, timeout=900)


def copy_of_repository(base: Path, source: Path = ROOT) -> Path:
    """A copy of the repository (or of ``source``, a copy made by another test) under ``base``,
    without its generated folders."""
    copy = base / "repo"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns(".venv", ".git", "reports", "processed", "__pycache__",
                                                              ".pytest_cache", "*.egg-info"))
    (copy / "reports").mkdir()
    (copy / "data" / "processed").mkdir()
    return copy


def unit_tests_in(copy: Path, *options: str) -> subprocess.CompletedProcess:
    """The unit tests, run in ``copy`` (its corpus and curated tables) as `make test-fast` runs them
    (in two processes)."""
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", *options, "-m", "not integration", "-p",
                           "no:cacheprovider", "tests/unit"], cwd=copy, capture_output=True, text=True, timeout=1800,
                          env={k: v for k, v in os.environ.items() if k != "SHUANGCHUANG_ROOT"})


CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync", "--disable-quic"]


def chromium_path() -> str:
    """``$ANALYSIS_CHROMIUM``, else ``chromium`` (or ``chromium-browser``) on the PATH."""
    for candidate in (os.environ.get("ANALYSIS_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail("no Chromium to run the browser tests with: install Debian's package "
                "(`sudo apt-get install -y chromium`, as .ci/run does) or set ANALYSIS_CHROMIUM to a Chromium or "
                "Chrome executable; the tests never download a browser", pytrace=False)
