"""The cells of a table pasted as a grid: a header row, then rows of as many cells, in the forms users paste.

A province's web page copied as Markdown (the ``|---|`` separator row the cleaning drops or keeps, thousands
separators in the cells)::

    | 年份 | 孵化器（家） | 其中国家级（家） | 在孵企业（家） |
    |---|---|---|---|
    | 2023 | 249 | 53 | 12,950 |

a plan's target table with a numbering, a unit and an attribute column (tabs become spaces in the cleaning)::

    序号 指标 单位 2025年 2030年 属性
    1 孵化载体总数 家 96 150 预期性

or aligned with spaces (``孵化面积（万平方米）   185   300`` under ``指标  2025年基期  2030年目标``).
A table's years are its columns (a header cell ``2030年目标``: each row a noun) or its rows (a first column
``年份``: each other column a noun, its unit in brackets ``（家）``). A cell is a bare number; it takes the
noun and the unit of its row label (or the unit column) or of its column header, and the year of its column
or row. A column ``其中国家级`` is a subset of the column before it (``国家级孵化器``). The numbering, the unit
column and the attribute column are never cells. Only the layout is read here: the kind of a year
(``analysis.table_cells``) and the value (``analysis.quantities``) are read elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["GridCell", "ItemCell", "grid_cells", "item_cells"]

_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年?(?:末|底|度)?\s*[（(]?(?P<word>[^\d\s（）()]{0,6}?)[）)]?")
_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_NUMBERING_HEAD = re.compile(r"序号|编号|No\.?", re.IGNORECASE)
_UNIT_HEAD = re.compile(r"(?:计量)?单位")
_ROW_YEAR_HEAD = re.compile(r"年\s*份|年度|时间|年")
_UNIT = re.compile(r"\s*[（(](?:单位[：:]\s*)?(?P<unit>[^（）()\d]{1,8})[）)]\s*$")
_SEPARATOR = re.compile(r"^[\s|:：\-—=+]*-{3,}[\s|:：\-—=+]*$")
_SUBSET = re.compile(r"^其中[：:]?\s*")
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}[.、．]\s*|[（(]\d{1,2}[）)]\s*)")
_LEVEL_ONLY = re.compile(r"^(?:国家|省|自治区|市|区|县)级$")


@dataclass(frozen=True)
class ItemCell:
    """A cell of a table whose rows are named items (carriers, firms, a ranking) and whose columns say what each
    number counts: no year of its own (the document's is the extractor's business)."""

    start: int
    end: int
    unit: str  # from the column header's brackets (孵化面积（平方米）: 平方米) or its kind (得分: 分)
    label: str  # the row's first words that are no number: the item's name
    column: str  # the column header
    bound: str = ""  # a bound the header states for its column: 补助上限（万元） up_to, 最低面积（平方米） at_least


_UPPER_HEAD = re.compile(r"上限|最高|不超过|封顶")
_LOWER_HEAD = re.compile(r"下限|最低|不少于|不低于")


@dataclass(frozen=True)
class GridCell:
    start: int  # offsets of the number in the text
    end: int
    unit: str  # the unit its row label, unit column or column header gives: 家, 万平方米
    year: int
    word: str  # the words with its year: 目标, 基期, 预计 (the kind is read from them, analysis.table_cells)
    first: bool  # the table's first year (a status when the document's year is unknown)
    label: str  # the row label (a year, in a table whose rows are years)
    column: str  # the column header
    noun: str  # what the cell counts: the row label's or the column header's words, without the unit


def _split(line: str) -> list[tuple[int, str]]:
    """A line's cells with their offsets: between pipes, else between tabs or runs of spaces."""
    if "|" in line:
        parts, pos = [], 0
        for piece in line.split("|"):
            stripped = piece.strip()
            parts.append((pos + (piece.find(stripped) if stripped else 0), stripped))
            pos += len(piece) + 1
        if parts and not parts[0][1]:
            parts = parts[1:]
        return parts[:-1] if parts and not parts[-1][1] else parts
    return [(m.start(), m.group()) for m in re.finditer(r"[^\s]+", line)]


def _is_number(cell: str) -> bool:
    return _NUMBER.fullmatch(cell) is not None


def _year(cell: str) -> re.Match | None:
    return _YEAR.fullmatch(cell)


def _unit(cell: str) -> tuple[str, str]:
    """(words, unit) of a header or label: 孵化器（家） -> (孵化器, 家)."""
    m = _UNIT.search(cell)
    return (cell[:m.start()].strip(), m.group("unit").strip()) if m else (cell.strip(), "")


def _is_header(cells: list[str], piped: bool) -> bool:
    if len(cells) < (2 if piped else 3) or any(len(c) > 20 or not c for c in cells):
        return False
    if any(_is_number(c) and not _year(c) for c in cells):
        return False
    years = sum(1 for c in cells if _year(c))
    units = sum(1 for c in cells if _unit(c)[1])
    return bool(years) and years < len(cells) or (_ROW_YEAR_HEAD.fullmatch(cells[0]) is not None and units > 0)


def _noun(words: str, before: str) -> str:
    """A label's noun: its numbering off; 其中国家级 under 孵化器: 国家级孵化器."""
    words = _ITEM_NUMBER.sub("", words)
    rest = _SUBSET.sub("", words)
    return rest + before if rest != words and _LEVEL_ONLY.match(rest) and before else words


def _year_columns(header: list[str], row: list[tuple[int, str]], base: int) -> list[GridCell]:
    """A row of a table whose columns are years: its label (or unit column) gives noun and unit."""
    roles = ["year" if _year(h) else "numbering" if _NUMBERING_HEAD.fullmatch(h) else
             "unit" if _UNIT_HEAD.fullmatch(h) else "text" for h in header]
    label_at = next((i for i, r in enumerate(roles) if r == "text"), None)
    if label_at is None or _is_number(row[label_at][1]):
        return []
    words, unit = _unit(row[label_at][1])
    # a unit column says the unit; a bracket of the label may say something else (资金（年度）)
    unit = next((row[i][1] for i, r in enumerate(roles) if r == "unit"), unit)
    if not unit or _is_number(unit):
        return []
    years = [i for i, r in enumerate(roles) if r == "year"]
    out = []
    for i in years:
        if _is_number(row[i][1]):
            y = _year(header[i])
            assert y is not None
            out.append(GridCell(base + row[i][0], base + row[i][0] + len(row[i][1]), unit, int(y.group("year")),
                                y.group("word"), i == years[0], row[label_at][1], header[i], _noun(words, "")))
    return out


def _year_rows(header: list[str], row: list[tuple[int, str]], base: int, first: bool) -> list[GridCell]:
    """A row of a table whose rows are years: each column header gives noun and unit."""
    y = _year(row[0][1])
    if y is None:
        return []
    out, before = [], ""
    for i, head in enumerate(header[1:], start=1):
        words, unit = _unit(head)
        noun = _noun(words, before)
        before = before if _SUBSET.match(words) else words
        if unit and _is_number(row[i][1]):
            out.append(GridCell(base + row[i][0], base + row[i][0] + len(row[i][1]), unit, int(y.group("year")),
                                y.group("word"), first, row[0][1], head, noun))
    return out


def _table_at(lines: list[tuple[int, str]], width: int) -> list[GridCell]:
    """The cells of a table pasted one cell a line, its header the first ``width`` lines, else []."""
    header = [c for _, c in lines[:width]]
    if not _is_header(header, False):
        return []
    by_rows = _ROW_YEAR_HEAD.fullmatch(header[0]) is not None or not any(_year(h) for h in header)
    # every value column filled in every row: a cell a line is read only where the grid is certain
    values = sum(1 for h in header[1:] if _unit(h)[1]) if by_rows else sum(1 for h in header if _year(h))
    out: list[GridCell] = []
    for k, at in enumerate(range(width, len(lines) - width + 1, width)):
        row = lines[at:at + width]
        found = _year_rows(header, row, 0, k == 0) if by_rows else _year_columns(header, row, 0)
        if len(found) != values:
            break
        out.extend(found)
    return out


def _one_cell_a_line(text: str) -> list[GridCell]:
    """Tables pasted one cell a line (a web page's table copied cell by cell): the widest header that reads."""
    out: list[GridCell] = []
    run: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n") + [" "]:
        start, pos = pos, pos + len(line) + 1
        cell = line.strip()
        if cell and len(cell) <= 20 and not re.search(r"\s|\|", cell):
            run.append((start + line.find(cell), cell))
            continue
        i = 0
        while i < len(run) - 3:
            found = max((_table_at(run[i:], w) for w in range(3, 9)), key=len)
            out.extend(found)
            i = next((j + 1 for j, (at, _) in enumerate(run) if found and at == found[-1].start), i + 1)
        run = []
    return out


def grid_cells(text: str) -> list[GridCell]:
    """The cells of every grid table of the text, in its order."""
    return sorted(_rows_of_cells(text) + _one_cell_a_line(text), key=lambda c: c.start)


def _rows_of_cells(text: str) -> list[GridCell]:
    out: list[GridCell] = []
    header: list[str] | None = None
    rows = 0
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if header is not None and _SEPARATOR.match(line):
            continue  # |---|---|: the separator row, never a cell
        split = _split(line)
        cells = [c for _, c in split]
        if header is not None and len(cells) == len(header) and not _is_header(cells, "|" in line):
            by_rows = _ROW_YEAR_HEAD.fullmatch(header[0]) is not None or not any(_year(h) for h in header)
            found = _year_rows(header, split, start, rows == 0) if by_rows else _year_columns(header, split, start)
            if found:
                out.extend(found)
                rows += 1
                continue
        header, rows = (cells, 0) if _is_header(cells, "|" in line) else (None, 0)
    return out


# a column of scores has no bracket: its header says it (得分 86.5, as the labels count a score: 分)
_SCORE_HEAD = re.compile(r"(?:综合|考核|评价|绩效|总)?(?:得分|分数|评分|总分|分值)")
_ROW_UNIT = "\0"  # a value column whose unit is the row's cell under 单位
_GAP_LINES = 3  # short lines inside a table (…（第7至10名略）, 不合格载体：) that do not end it


def _item_header(cells: list[str]) -> list[str] | None:
    """The unit of each column of an item table's header (``''`` for a column that is no value), else None: at least
    three cells of words, no year, at least one value column (a unit in brackets or a score)."""
    if len(cells) < 3 or any(not c or len(c) > 20 or _is_number(c) or _year(c) for c in cells):
        return None
    units = [u if re.search(r"[\u4e00-\u9fff%％㎡]", u := _unit(c)[1]) else "分" if _SCORE_HEAD.fullmatch(c) else ""
             for c in cells]
    units = ["" if _NUMBERING_HEAD.fullmatch(c) or _UNIT_HEAD.fullmatch(c) else u for c, u in zip(cells, units, strict=True)]
    if any(_UNIT_HEAD.fullmatch(c) for c in cells):  # 指标 单位 年末数: the other columns take the row's unit
        others = [i for i, c in enumerate(cells) if not units[i] and not _NUMBERING_HEAD.fullmatch(c)
                  and not _UNIT_HEAD.fullmatch(c)]
        for i in others[1:]:
            units[i] = _ROW_UNIT
    return units if any(units) else None


def item_cells(text: str) -> list[ItemCell]:
    """The value cells of tables whose rows are named items, pasted from a spreadsheet (tabs, cleaned to spaces),
    aligned with spaces or as a Markdown pipe table: ``排名 载体名称 … 孵化面积（平方米） 在孵企业（家） 得分 等次``,
    then rows of as many cells. A cell is read only where its row has exactly the header's number of cells, a name
    that is no number, and a bare number under a value column; the numbering (序号, 排名) is never a cell. A few
    short lines inside the table (``…（第7至10名略）``, ``不合格载体：``) do not end it. Tables whose columns or rows
    are years are ``grid_cells``'."""
    out: list[ItemCell] = []
    header: list[str] | None = None
    units: list[str] = []
    gap = pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if header is not None and _SEPARATOR.match(line):
            continue
        split = _split(line)
        cells = [c for _, c in split]
        if header is not None and len(cells) == len(header):
            label = next((c for c, u in zip(cells, units, strict=True) if not u and not _is_number(c)), "")
            row_unit = next((c for c, h in zip(cells, header, strict=True) if _UNIT_HEAD.fullmatch(h)), "")
            found = [ItemCell(start + at, start + at + len(c), row_unit if u == _ROW_UNIT else u, label, h,
                              "up_to" if _UPPER_HEAD.search(h) else "at_least" if _LOWER_HEAD.search(h) else "")
                     for (at, c), u, h in zip(split, units, header, strict=True)
                     if u and _is_number(c) and not (u == _ROW_UNIT and (not row_unit or _is_number(row_unit)))]
            if label and found:
                out.extend(found)
                gap = 0
                continue
        found_units = _item_header(cells)
        if found_units is not None:
            header, units, gap = cells, found_units, 0
        elif header is not None and len(line.strip()) <= 20 and gap < _GAP_LINES:
            gap += 1
        else:
            header = None
    return out
