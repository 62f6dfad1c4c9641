"""Tables a person reads (issue 23): empty columns out, statuses as badges, quotes on hover and
in an expandable cell, rows folded by reason, the full table one click away."""

from __future__ import annotations

import pandas as pd

from analysis import i18n, table_view


def _frame():
    return pd.DataFrame({"status": ["reviewed", "draft"], "value": ["60", "40"], "place": ["", None],
                         "flags": ["", "first_batch, cumulative"], "quote": ["培育众创空间60家", "<b>40家</b>"],
                         "note": ["", "a person's note"]},
                        index=pd.Index(["xinjiang-2017-005", "xinjiang-2017-006"], name="figure_id"))


def test_empty_columns_badges_and_texts_leave_the_grid():
    shown, changed = table_view.readable(_frame())
    assert changed
    assert list(shown.columns) == ["value", "⋯"]  # place was empty on both rows; status, flags, quote, note moved
    first, second = (str(k) for k in shown.index)
    # a reviewed row carries no badge; a draft does, and each flag is one
    assert "badge" not in first and 'title="培育众创空间60家"' in first
    assert '<span class="badge draft">draft</span>' in second
    assert '<span class="badge flags">first_batch</span> <span class="badge flags">cumulative</span>' in second
    # the quote is escaped wherever it is shown
    assert "&lt;b&gt;40家&lt;/b&gt;" in second and "<b>40家</b>" not in str(shown.iloc[1]["⋯"])
    assert "<details class=\"row-more\">" in str(shown.iloc[1]["⋯"]) and "a person&#39;s note" in str(shown.iloc[1]["⋯"])


def test_chinese_columns_are_recognised_by_their_translation():
    shown, _ = table_view.readable(i18n.columns(_frame(), "zh"), "zh")
    assert list(shown.columns) == ["数值", "⋯"]  # 状态, 标记, 原文, 备注 moved like their English names
    assert "原文与备注" in str(shown.iloc[0]["⋯"])


def test_a_table_with_nothing_to_move_is_shown_as_it_is():
    frame = pd.DataFrame({"region": ["xinjiang"], "measures": [19]})
    shown, changed = table_view.readable(frame)
    assert not changed and shown.to_dict() == frame.to_dict()
    assert "full table" not in table_view.html(frame)


def test_grouped_rows_fold_into_one_line_per_reason_and_the_full_table_stays():
    frame = pd.DataFrame({"target": ["a", "b", "c"], "verdict": ["met", "unknown", "unknown"]})
    group = pd.Series([None, "unknown: no observed outcome", "unknown: no observed outcome"])
    html = str(table_view.html(frame, "en", group))
    assert html.count('<details class="row-group">') == 1
    assert "<summary>unknown: no observed outcome (2 rows)</summary>" in html
    assert "full table (all 2 columns)" in html
    assert table_view.language(i18n.columns(frame.rename(columns={"target": "verdict"}), "zh")) == "zh"


def test_long_text_gets_a_width_floor_so_its_row_stays_short():
    frame = pd.DataFrame({"why": ["x" * 41, "y" * 101, "short"], "status": ["reviewed"] * 3})
    shown, _ = table_view.readable(frame)
    cells = [str(v) for v in shown["why"]]
    assert 'class="long"' in cells[0] and 'class="longer"' in cells[1] and cells[2] == "short"
