"""Tables as LaTeX beside their CSV (issue 23): booktabs, cells escaped, numbers rounded for
reading (the CSV keeps them whole), empty columns left out, a note with the units."""

from __future__ import annotations

import pandas as pd

from analysis import latex


def _frame():
    return pd.DataFrame({"figure_id": ["xinjiang-2017-013", "liaoning-2015-004"],
                         "year": [2017, 2015],
                         "amount": [85000000.0, 0.123456],
                         "unit": ["yuan", "%"],
                         "note": [None, ""],
                         "reason": ["a stock & no period", "50% a year"],
                         "reason_zh": ["存量,没有期限", "每年50%"]})


def test_booktabs_table_with_caption_label_and_escaped_cells():
    tex = latex.table_latex(_frame(), "funding_figures", caption="Funding figures")
    assert "\\toprule" in tex and "\\midrule" in tex and "\\bottomrule" in tex
    assert "\\caption{Funding figures}" in tex and "\\label{tab:funding_figures}" in tex
    assert "xinjiang-2017-013 & 2017 & 85,000,000 & yuan & a stock \\& no period \\\\" in tex
    # 0.123456 read as three significant digits; the year without a thousands separator
    assert "liaoning-2015-004 & 2015 & 0.123 & \\% & 50\\% a year \\\\" in tex


def test_columns_empty_on_every_row_and_the_other_languages_twin_are_left_out():
    tex = latex.table_latex(_frame(), "funding_figures")
    assert "note" not in tex.split("\\midrule")[0]  # None and "" on both rows
    assert "存量" not in tex
    zh = latex.table_latex(_frame(), "funding_figures", lang="zh")
    assert "存量,没有期限" in zh and "a stock" not in zh


def test_the_note_says_where_full_precision_is_and_which_column_has_the_units():
    tex = latex.table_latex(_frame(), "funding_figures", notes="Drafted rows are marked")
    assert ("\\footnotesize Notes: Drafted rows are marked; numbers rounded for reading; full precision in "
            "funding\\_figures.csv; units in column(s) unit.") in tex


def test_numbers_for_reading():
    assert latex.number(85000000.0) == "85,000,000"
    assert latex.number(1234.5) == "1,234"  # ≥ 1000: whole units
    assert latex.number(0.0451) == "0.0451"
    assert latex.number(float("nan")) == "–"
    assert latex.number(pd.NA) == "–"
