"""A unit a table states once, for all its cells or for each column, rather than in every label:

- for the whole table, in its caption or on a line of its own above the header (``表1 孵化载体情况（单位：家）``,
  ``单位：万元``, ``金额单位：万元``);
- for each column, in a row of units right under the header (``指标 孵化器 众创空间`` then ``单位 家 家``).

``analysis.table_grid`` reads a table's layout; this module gives it the header such a table means, each column's
unit written as the bracket the grid reads already (``孵化器`` over ``家``: ``孵化器（家）``), and the unit of a table
whose rows are labelled and whose columns are years (``孵化器 12 15 18`` under ``单位：家``). A leaf: no import of
the package.
"""

from __future__ import annotations

import re

__all__ = ["CAPTION_REACH", "caption_unit", "with_unit_row", "with_table_unit"]

# 单位：万元, （单位：家）, 金额单位：万元 at the end of a line: the unit of the table under it
_TABLE_UNIT = re.compile(r"(?:计量|金额|数量|面积)?单位\s*[：:]\s*(?P<unit>[^\s（）()，,；;：:\d]{1,6})\s*[）)]?\s*$")
CAPTION_REACH = 2  # lines between the caption that says the unit and the table's header
_UNIT_WORD = re.compile(r"[^\d\s（）()|]{1,6}")
_BRACKET = re.compile(r"[（(][^（）()]{1,8}[）)]\s*$")
_UNIT_HEAD = re.compile(r"(?:计量)?单位")


def caption_unit(line: str) -> str:
    """The unit a caption or a line of its own states for the table under it (``单位：万元``: 万元), else ''."""
    m = _TABLE_UNIT.search(line)
    return m.group("unit") if m else ""


def with_unit_row(header: list[str], row: list[str]) -> list[str] | None:
    """The header with each column's unit from the row of units under it (``指标 孵化器 众创空间`` over ``单位 家
    万平方米``: ``指标 孵化器（家） 众创空间（万平方米）``); None when ``row`` is no such row (its first cell is no
    ``单位`` or a cell holds a digit). A header of words the cleaning took for a menu is gone (the row of units
    under it has no number): the row of units is then the header, its columns named by their units only."""
    if len(row) < 3 or not _UNIT_HEAD.fullmatch(row[0]) or not all(_UNIT_WORD.fullmatch(u) for u in row[1:]):
        return None
    if len(header) != len(row):
        header = [row[0]] + [""] * (len(row) - 1)
    return [header[0]] + [h if _BRACKET.search(h) else f"{h}（{u}）" for h, u in zip(header[1:], row[1:], strict=True)]


def with_table_unit(header: list[str], unit: str, keep: re.Pattern) -> list[str]:
    """The header with the table's unit in a bracket on every column after the first that states none of its own
    and that ``keep`` does not name (a numbering, a unit column, a year): the first such column is the label's."""
    out, label_seen = [], False
    for head in header:
        if keep.fullmatch(head) or _BRACKET.search(head):
            out.append(head)
        elif not label_seen:
            out.append(head)
            label_seen = True
        else:
            out.append(f"{head}（{unit}）")
    return out
