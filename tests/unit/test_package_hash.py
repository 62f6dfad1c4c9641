"""The package hash (``files.package_hash``: the runner's fingerprint, the drafts' and the
parameters' "the package changed") covers every file the package ships and reads. A word list
shipped as CSV (``english_words.csv``) was left out of it once: editing it left the drafts
built with the old words marked up to date."""

from pathlib import Path

import tomllib
from tests.conftest import ROOT

from analysis import files


def test_every_kind_of_file_the_package_ships_is_in_its_hash():
    # pyproject.toml's package-data patterns (e.g. "*.csv", "templates/*.j2"): each suffix must be hashed
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["analysis"]
    suffixes = {Path(p).suffix for p in patterns}
    assert suffixes and suffixes <= set(files._PACKAGE_SUFFIXES)


def test_every_file_in_the_package_folder_is_hashed_or_is_cache():
    # what the package folder holds that the hash skips: only compiled caches
    skipped = [p for p in files.PACKAGE_DIR.rglob("*") if p.is_file() and p.suffix not in files._PACKAGE_SUFFIXES
               and "__pycache__" not in p.parts]
    assert skipped == []


def test_a_changed_word_list_changes_the_hash(tmp_path, monkeypatch):
    # a copy of a package folder with one CSV: changing one byte of it changes the hash
    pkg = tmp_path / "analysis"
    pkg.mkdir()
    (pkg / "words.csv").write_text("field,code,words\nindicator,incubators,incubators\n", encoding="utf-8")
    monkeypatch.setattr(files, "PACKAGE_DIR", pkg)
    before = files.package_hash()
    (pkg / "words.csv").write_text("field,code,words\nindicator,incubators,incubator\n", encoding="utf-8")
    assert files.package_hash() != before
