"""The cells of a target table written as text: a header row of years, rows whose label carries the unit.

A plan's table of indicators, tab- or space-separated once cleaned (``analysis.cleaning`` turns tabs into
spaces)::

    指标 2020年基期 2025年目标
    科技企业孵化器（家） 68 90
    孵化面积（万平方米） 312 420

Its cells are bare numbers: the extractor (``analysis.quantities``) finds no unit after ``68`` and drops it. Here
a row's label gives the unit (in brackets, ``（万平方米）``, or as a column of its own after the label,
``孵化面积 万平方米 312 420``) and the column's header its year and kind: a column named a target (目标, 预期,
规划) is a target, one named a base or an outcome (基期, 基数, 现状, 实际, 完成) a status; a bare year is a target
when later than the document's year, a status otherwise. Only the layout is read here; the value and unit
code are the extractor's (it reads ``68`` followed by the label's unit, ``68家``).

The forms users paste a table in are read by ``analysis.table_grid`` (a Markdown pipe table, an aligned-space
table with a numbering, a unit or an attribute column, a table whose rows are years); its cells carry the noun
their header or row label names (``Cell.noun``), read by the drafter in place of the words before the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis import table_grid

__all__ = ["Cell", "cells"]

_YEAR_COLUMN = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年(?P<word>[^\s\d]{0,6})")
_TARGET_WORDS = re.compile(r"目标|预期|规划|计划|力争")
_STATUS_WORDS = re.compile(r"基期|基数|基准|现状|实际|完成|基础")
_NUMBER = r"\d+(?:\.\d+)?"
# 科技企业孵化器（家） 68 90 | 孵化面积 万平方米 312 420: a label that is no number, its unit, then the cells
_ROW = re.compile(rf"^(?P<label>[^\d\s][^\s]*?)(?:[（(](?P<bracket>[^）()（]{{1,8}})[）)]|\s+(?P<column>[^\d\s]{{1,6}}))"
                  rf"(?P<cells>(?:[ \t]+{_NUMBER})+)[ \t]*$")


@dataclass(frozen=True)
class Cell:
    start: int  # offsets of the number in the cleaned text
    end: int
    unit_text: str  # the row label's unit as written: 家, 万平方米, %
    year: int
    kind: str  # "target" or "actual"
    label: str  # the row label, with its unit
    column: str  # the column header: 2025年目标
    noun: str = ""  # what the cell counts, when its words are not those before it on its line (a grid's header)


def _columns(line: str) -> list[re.Match] | None:
    """The year columns of a header row (at least two, ending the row), else None."""
    found = list(_YEAR_COLUMN.finditer(line))
    if len(found) < 2 or line[found[-1].end():].strip():
        return None
    between = [line[a.end():b.start()] for a, b in zip(found, found[1:], strict=False)]
    return found if all(not s.strip() for s in between) and line[:found[0].start()].strip() else None


# a column of what a rule grants (一次性奖励, 每年运营补助上限, 补贴标准): its cells are a rule's amounts
_RULE_WORDS = re.compile(r"奖励|补助|补贴|资助|奖补|上限|标准")


def _kind(year: int, word: str, first: bool, doc_year: int | None) -> str:
    """A column's (or a year row's) kind: its words (目标, 基期; a grant's, 一次性奖励: a rule) first, else its year
    against the document's."""
    if _RULE_WORDS.search(word):
        return "rule"
    if _TARGET_WORDS.search(word):
        return "target"
    if _STATUS_WORDS.search(word):
        return "actual"
    if doc_year is not None:
        return "target" if year > doc_year else "actual"
    return "actual" if first else "target"


def cells(text: str, doc_year: int | None = None) -> list[Cell]:
    """The cells of every table, in the order of the text: those under a header row of year columns whose rows
    begin with their label, then those of the other forms (``analysis.table_grid``) on the lines left."""
    out = _labelled_rows(text, doc_year)
    taken = {text.rfind("\n", 0, c.start) for c in out}
    for g in table_grid.grid_cells(text):
        # a roster's cell has no year of its own: the document's (none known: not read)
        year = g.year or doc_year
        if year and text.rfind("\n", 0, g.start) not in taken:
            out.append(Cell(g.start, g.end, g.unit, year, _kind(year, g.word, g.first, doc_year), g.label, g.column,
                            g.noun))
    return sorted(out, key=lambda c: c.start)


def _labelled_rows(text: str, doc_year: int | None) -> list[Cell]:
    out: list[Cell] = []
    columns: list[re.Match] | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        header = _columns(line)
        if header:
            columns = header
            continue
        row = _ROW.match(line) if columns else None
        if row is None:
            columns = None if columns and line.strip() else columns  # a table ends at its first other line
            continue
        assert columns is not None
        numbers = list(re.finditer(_NUMBER, row.group("cells")))
        if len(numbers) != len(columns):
            columns = None
            continue
        unit = (row.group("bracket") or row.group("column")).strip()
        label = line[:row.start("cells")].strip()
        offset = start + row.start("cells")
        for i, (number, column) in enumerate(zip(numbers, columns, strict=True)):
            out.append(Cell(offset + number.start(), offset + number.end(), unit, int(column.group("year")),
                            _kind(int(column.group("year")), column.group("word"), i == 0, doc_year), label, column.group().strip()))
    return out
