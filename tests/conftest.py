from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A throw-away copy of the project's data folder, used as the project root,
    so a test can break files without touching the real ones."""
    shutil.copytree(ROOT / "data" / "raw", tmp_path / "data" / "raw")
    shutil.copy(ROOT / "data" / "datapackage.json", tmp_path / "data" / "datapackage.json")
    for sub in ("curated", "external"):
        if (ROOT / "data" / sub).is_dir():
            shutil.copytree(ROOT / "data" / sub, tmp_path / "data" / sub)
    monkeypatch.setenv("SHUANGCHUANG_ROOT", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def catalogue():
    from analysis import corpus

    return corpus.load_catalogue(ROOT / "data" / "raw" / "policies" / "catalogue.csv")


@pytest.fixture(scope="session")
def cleaned(catalogue):
    """doc_id -> Cleaned for the five real documents."""
    from analysis.cleaning import clean_text

    return {d.doc_id: clean_text((ROOT / "data" / "raw" / "policies" / d.file).read_text(encoding="utf-8"))
            for d in catalogue}
