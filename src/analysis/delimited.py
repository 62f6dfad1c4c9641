"""Rows of a delimited export pasted into a text (a portal's CSV download, a spreadsheet saved with semicolons, tab
separated values whose cells hold spaces), in the forms users paste::

    数据集名称：…名录            <- a metadata preamble: lines before the header, no table
    载体名称,级别,面积（平方米）,在孵企业（个）
    金华科技城孵化器,国家级,52000,186
    "浙中信息产业园孵化器","国家级","38,500","142"

``as_pipes`` rewrites such a block as a Markdown pipe table of the same length (each unquoted delimiter a ``|``,
each quote that opens or closes a cell a space), so the table readers (``analysis.table_grid``) read its header and
rows by the offsets of the text as given. A block is a header (three cells at least, each a few words or a year)
followed by rows of as many cells, one with a number at least; ``csv`` (the standard library) parses each line, and
the cells are found again in the line for their offsets. A thousands comma inside an unquoted cell cannot be told from
a delimiter: such a row has a cell too many and ends the block, as a spreadsheet would misread it too.
"""

from __future__ import annotations

import csv
import re

__all__ = ["as_pipes", "DELIMITERS"]

DELIMITERS = (",", ";", "\t")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


def _fields(line: str, delimiter: str) -> list[str] | None:
    """The cells of one delimited line, or None where it is none (no delimiter, an unclosed quote)."""
    if delimiter not in line:
        return None
    try:
        rows = list(csv.reader([line], delimiter=delimiter, skipinitialspace=True, strict=True))
    except csv.Error:
        return None
    if len(rows) != 1:
        return None
    fields = [c.strip() for c in rows[0]]
    while fields and not fields[-1]:  # a trailing delimiter (a spreadsheet's "a,b,c,"): no cell after it
        fields.pop()
    return fields


def _is_header(fields: list[str]) -> bool:
    """Three cells at least, each a few words or a year (指标,2022,2023), one of words."""
    return len(fields) >= 3 and all(0 < len(c) <= 20 and (not _NUMBER.fullmatch(c) or _YEAR.fullmatch(c))
                                    and "。" not in c for c in fields) and not all(_YEAR.fullmatch(c) for c in fields)


def _piped(line: str, delimiter: str) -> str:
    """The line with its unquoted delimiters as ``|`` and the quotes around cells as spaces (same length)."""
    out, quoted, at_cell_start, i = [], False, True, 0
    while i < len(line):
        ch = line[i]
        if quoted and line.startswith('""', i):  # a doubled quote: a quote of the cell's text
            out.append('""')
            i += 2
            continue
        if ch == '"' and (quoted or at_cell_start):
            quoted = not quoted
            out.append(" ")
        elif ch == delimiter and not quoted:
            out.append("|")
            at_cell_start = True
            i += 1
            continue
        else:
            out.append(ch)
        at_cell_start = at_cell_start and ch == " "
        i += 1
    return "".join(out)


def as_pipes(text: str) -> str:
    """``text`` with every delimited block written as a pipe table (same length, same offsets; other lines as they
    are)."""
    lines = text.split("\n")
    out = list(lines)
    i = 0
    while i < len(lines):
        found = next(((d, f) for d in DELIMITERS if (f := _fields(lines[i], d)) is not None and _is_header(f)), None)
        if found is None:
            i += 1
            continue
        delimiter, header = found
        rows = 0
        j = i + 1
        while j < len(lines) and (f := _fields(lines[j], delimiter)) is not None and len(f) == len(header) \
                and not _is_header(f):
            rows += 1
            j += 1
        if rows and any(_NUMBER.fullmatch(c) for k in range(i + 1, j) for c in _fields(lines[k], delimiter) or []):
            for k in range(i, j):
                out[k] = _piped(lines[k], delimiter)
        i = max(j, i + 1)
    return "\n".join(out)
