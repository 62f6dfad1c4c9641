"""The chi-square test's permutation counts are kept across runs (``comparison._permutation_hits``):
the three 02_strategies runs and a re-run test the same tables, and at 200 documents a test's
20,000 permutations cost about 8 s."""

import json

import pandas as pd
import pytest

from analysis import comparison, paths
from analysis.cache import HashCache


@pytest.fixture(autouse=True)
def _fresh(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "processed_dir", lambda: tmp_path)
    monkeypatch.setattr(comparison, "_TESTS", HashCache(16))  # nothing remembered in memory from another test


def _perfect_split():
    # [[3, 0], [0, 3]]: every expected count is 1.5 (< 5), so the p-value is simulated
    return pd.DataFrame([[3, 0], [0, 3]], index=["a", "b"], columns=["x", "y"])


def test_a_later_run_reads_the_counts_and_draws_nothing(tmp_path, monkeypatch):
    first = comparison.chi_square(_perfect_split(), n_sim=2000)
    stored = json.loads((tmp_path / ".chi-square-permutations.json").read_text(encoding="utf-8"))
    # one table, one count: p = (hits + 1) / (n_sim + 1)
    assert list(stored.values()) == [round(first["p_simulated"] * 2001) - 1]
    # a new kernel: the in-memory results are gone, the file is not
    monkeypatch.setattr(comparison, "_TESTS", HashCache(16))
    monkeypatch.setattr(comparison, "_draw_hits", lambda *a: pytest.fail("drew permutations again"))
    again = comparison.chi_square(_perfect_split(), n_sim=2000)
    assert again["p_simulated"] == first["p_simulated"]


def test_other_draws_or_another_table_are_drawn_anew(tmp_path):
    comparison.chi_square(_perfect_split(), n_sim=2000)
    comparison.chi_square(_perfect_split(), n_sim=4000)  # more permutations asked: a new count
    # [[4, 0], [0, 3]]: expected 16/7, 12/7, 12/7, 9/7, all < 5: simulated too
    comparison.chi_square(pd.DataFrame([[4, 0], [0, 3]], index=["a", "b"], columns=["x", "y"]), n_sim=2000)
    assert len(json.loads((tmp_path / ".chi-square-permutations.json").read_text(encoding="utf-8"))) == 3


def test_the_kept_count_is_the_count_a_fresh_draw_gives():
    table = _perfect_split()
    kept = comparison.chi_square(table, n_sim=2000)["p_simulated"]
    observed = table.to_numpy()
    # expected 1.5 everywhere; chi2 of the observed perfect split = 4 * 1.5^2 / 1.5 = 6
    fresh = comparison._draw_hits(observed, observed * 0 + 1.5, 6.0, 2000, 20261121)
    assert kept == (fresh + 1) / 2001
