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

from analysis import delimited, table_units

__all__ = ["GridCell", "ItemCell", "grid_cells", "item_cells", "is_subset"]

_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年?(?:末|底|度)?\s*[（(]?(?P<word>[^\d\s（）()]{0,6}?)[）)]?")
# thousands grouped by a comma (also the Chinese one), a space, a thin or narrow space (2 916, 1，200, 8\u2009650)
_GROUP = "[ \u2009\u202f]"
_NUMBER = re.compile(rf"(?:\d{{1,3}}(?:[,，]\d{{3}})+|\d{{1,3}}(?:{_GROUP}\d{{3}})+|\d+)(?:\.\d+)?")
_NUMBERING_HEAD = re.compile(r"序号|编号|No\.?", re.IGNORECASE)
_UNIT_HEAD = re.compile(r"(?:计量)?单位")
_ROW_YEAR_HEAD = re.compile(r"年\s*份|年度|时间|年")
# a head's unit in brackets (孵化器（家）, 面积(单位：平方米)) or after a slash, as exports write it (面积/㎡, 资金/万元)
_UNIT = re.compile(r"\s*(?:[（(](?:单位[：:]\s*)?(?P<unit>[^（）()\d]{1,8})[）)]"
                   r"|[/／](?P<slash>万元|亿元|元|万平方米|平方米|㎡|m²|亩|公顷|万人次|人次|家|个|人|名|项|次|场|户|%|％))\s*$")
_SEPARATOR = re.compile(r"^[\s|:：\-—=+]*-{3,}[\s|:：\-—=+]*$")
# 其中国家级, 其中：国家级; a yearbook's ``#国家级`` (its note: “#”表示其中项)
_SUBSET = re.compile(r"^(?:其中[：:]?|[#＃])\s*")
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}[.、．]\s*|[（(]\d{1,2}[）)]\s*)")
_LEVEL_ONLY = re.compile(r"^(?:国家|省|自治区|市|区|县)级$")
_LEVEL_HEAD = re.compile(r"级别|层级")
_KIND_HEAD = re.compile(r"类别|类型|载体类型")
_ROSTER_GAP = 2  # short lines (…（第7至10名略）, 不合格载体：) a roster's header outlasts


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
    year: int  # 0: none written (a roster of carriers: the document's year)
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


def is_subset(label: str) -> bool:
    """Whether a row label opens a subset of the row above (``其中：国家级``, ``#国家备案``)."""
    return _SUBSET.match(label.strip()) is not None


_GROUP_HEAD = re.compile(r"\d{1,3}")
_GROUP_TAIL = re.compile(r"\d{3}(?:\.\d+)?")
_NO_CELL_START = re.compile(r"0\d+(?:\.\d+)?")  # 000, 050: the tail of a grouped number, never a cell of its own


def _grouped(line: str, cells: list[tuple[int, str]], width: int) -> list[tuple[int, str]]:
    """A row whose numbers are grouped by a space for thousands (``孵化器在孵企业 个 2 916 3 204``: the cleaning
    leaves one space between cells and inside a number alike; a thin or narrow space too) split back into ``width``
    cells: ``2 916`` one cell where exactly one way of joining a head of one to three digits with the three-digit
    groups after it gives ``width`` cells, a group that starts with 0 never starting a cell (``41 000 152``:
    41 000 | 152); the row as split otherwise (``12 345 678`` in two columns: 12 345 | 678 or 12 | 345 678, not
    read). A Markdown row (``|``) has its cells already."""
    n = len(cells)
    if n <= width or "|" in line:
        return cells
    # ways[i][k]: the joinings of cells[i:] into k cells (counted up to 2: one is all that is read)
    ways = [[0] * (width + 1) for _ in range(n + 1)]
    ways[n][0] = 1
    for i in range(n - 1, -1, -1):
        if _NO_CELL_START.fullmatch(cells[i][1]):
            continue
        ends = [e for e in range(i + 1, n + 1) if _joinable(cells, line, i, e)]
        for k in range(1, width + 1):
            ways[i][k] = min(2, sum(ways[e][k - 1] for e in ends))
    if ways[0][width] != 1:
        return cells
    out, i, k = [], 0, width
    while i < n:
        e = next(e for e in range(i + 1, n + 1) if _joinable(cells, line, i, e) and ways[e][k - 1])
        out.append((cells[i][0], line[cells[i][0]:cells[e - 1][0] + len(cells[e - 1][1])]))
        i, k = e, k - 1
    return out


def _joinable(cells: list[tuple[int, str]], line: str, i: int, e: int) -> bool:
    """Whether ``cells[i:e]`` join into one number grouped by single spaces (or thin or narrow ones)."""
    if e == i + 1:
        return True
    return bool(_GROUP_HEAD.fullmatch(cells[i][1])) and all(
        _GROUP_TAIL.fullmatch(cells[j][1])
        and re.fullmatch(_GROUP, line[cells[j - 1][0] + len(cells[j - 1][1]):cells[j][0]]) is not None
        for j in range(i + 1, e))


def _is_number(cell: str) -> bool:
    return _NUMBER.fullmatch(cell) is not None


def _year(cell: str) -> re.Match | None:
    return _YEAR.fullmatch(cell)


def _unit(cell: str) -> tuple[str, str]:
    """(words, unit) of a header or label: 孵化器（家） -> (孵化器, 家)."""
    m = _UNIT.search(cell)
    return (cell[:m.start()].strip(), (m.group("unit") or m.group("slash")).strip()) if m else (cell.strip(), "")


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


def _year_columns(header: list[str], row: list[tuple[int, str]], base: int, table_unit: str = "") -> list[GridCell]:
    """A row of a table whose columns are years: its label (or unit column) gives noun and unit, else the unit the
    table states once (``table_unit``, from its caption)."""
    roles = ["year" if _year(h) else "numbering" if _NUMBERING_HEAD.fullmatch(h) else
             "unit" if _UNIT_HEAD.fullmatch(h) else "text" for h in header]
    label_at = next((i for i, r in enumerate(roles) if r == "text"), None)
    if label_at is None or _is_number(row[label_at][1]):
        return []
    words, unit = _unit(row[label_at][1])
    # a unit column says the unit; a bracket of the label may say something else (资金（年度）)
    unit = next((row[i][1] for i, r in enumerate(roles) if r == "unit"), unit) or table_unit
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


# a cell that carries its own unit (20万元, 500平方米): a table of rules by level pasted one cell a line
_VALUE_CELL = re.compile(r"(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*"
                         r"(?P<unit>万元|亿元|元|万平方米|平方米|家|个|人|名|项|%)")


def _cell_roster_at(lines: list[tuple[int, str]], width: int) -> list[GridCell]:
    """The cells of a table pasted one cell a line whose rows are labelled (a level, 市级; a name) and whose cells
    carry their units, under a header of words (``级别 / 一次性奖励 / 每年运营补助上限``, then ``市级 / 20万元 / 10万元``):
    each cell counts its row label and its column header together (``市级一次性奖励``); two rows at least, else []."""
    header = [c for _, c in lines[:width]]
    if any(_is_number(c) or _year(c) or _VALUE_CELL.fullmatch(c) for c in header):
        return []
    out: list[GridCell] = []
    for at in range(width, len(lines) - width + 1, width):
        row = lines[at:at + width]
        values = [_VALUE_CELL.fullmatch(c) for _, c in row[1:]]
        label = row[0][1]
        if _is_number(label) or _VALUE_CELL.fullmatch(label) or _year(label) or not all(values):
            break
        for (pos, _), value, head in zip(row[1:], values, header[1:], strict=True):
            assert value is not None
            out.append(GridCell(pos, pos + len(value.group("number")), value.group("unit"), 0, head, True, label, head,
                                label + head))
    return out if len(out) >= 2 * (width - 1) else []


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
            found = max([_table_at(run[i:], w) for w in range(3, 9)] + [_cell_roster_at(run[i:], w) for w in range(2, 9)],
                        key=len)
            out.extend(found)
            i = next((j + 1 for j, (at, _) in enumerate(run) if found and at == found[-1].start), i + 1)
        run = []
    return out


def grid_cells(text: str) -> list[GridCell]:
    """The cells of every grid table of the text, in its order (a delimited export read as a pipe table)."""
    text = delimited.as_pipes(text)
    out = _rows_of_cells(text) + _one_cell_a_line(text)
    taken = {c.start for c in out}
    return sorted(out + [c for c in _roster_cells(text) if c.start not in taken], key=lambda c: c.start)


def _roster_roles(cells: list[str]) -> list[str] | None:
    """The roles of a roster's header (a ranking or a list of named carriers, one a row, no year anywhere)::

        排名 载体名称 类别 级别 孵化面积（平方米） 在孵企业（家） 得分 等次

    ``level`` (级别), ``kind`` (类别), ``value`` (a unit in brackets), else ``text``; None when the line is no such
    header (a year in it, a number, fewer than three cells, no value column or no text column)."""
    if len(cells) < 3 or any(len(c) > 20 or not c or _is_number(c) or _year(c) for c in cells):
        return None
    roles = ["level" if _LEVEL_HEAD.fullmatch(c) else "kind" if _KIND_HEAD.fullmatch(c) else
             "value" if _unit(c)[1] else "text" for c in cells]
    return roles if "value" in roles and "text" in roles else None


def _roster_cells(text: str) -> list[GridCell]:
    """The cells of rosters: under a header of ``_roster_roles``, each row of as many cells names a carrier; a
    value cell counts its column's noun (``孵化面积``), with the row's level and kind before it (``国家级众创空间``:
    its level is the figure's scope), in the document's year. The header holds across ``_ROSTER_GAP`` short
    lines (an ellipsis of the rows left out, the heading of a second block)."""
    out: list[GridCell] = []
    header: list[str] | None = None
    roles: list[str] = []
    gap = 0
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        split = [(a, c) for a, c in _split(line) if c != "|"]
        split = _grouped(line, split, len(header)) if header is not None else split
        cells = [c for _, c in split]
        if header is not None and len(cells) == len(header) and _roster_roles(cells) is None:
            found = _roster_row(header, roles, split, start)
            if found:
                out.extend(found)
                gap = 0
                continue
        found_roles = _roster_roles(cells)
        if found_roles:
            header, roles, gap = cells, found_roles, 0
        elif header is not None and gap < _ROSTER_GAP and 0 < len(line.strip()) <= 20 and "。" not in line:
            gap += 1
        else:
            header = None
    return out


def _roster_row(header: list[str], roles: list[str], row: list[tuple[int, str]], base: int) -> list[GridCell]:
    if not any(r == "text" and not _is_number(c) for r, (_, c) in zip(roles, row, strict=True)):
        return []  # a row of numbers only: no carrier named
    level = next((c for r, (_, c) in zip(roles, row, strict=True) if r == "level" and _LEVEL_ONLY.match(c)), "")
    kind = next((c for r, (_, c) in zip(roles, row, strict=True) if r == "kind" and not _is_number(c)), "")
    name = next(c for r, (_, c) in zip(roles, row, strict=True) if r == "text" and not _is_number(c))
    out = []
    for head, role, (at, cell) in zip(header, roles, row, strict=True):
        words, unit = _unit(head)
        if role == "value" and _is_number(cell):
            out.append(GridCell(base + at, base + at + len(cell), unit, 0, "", True, name, head, level + kind + words))
    return out


def _rows_of_cells(text: str) -> list[GridCell]:
    out: list[GridCell] = []
    header: list[str] | None = None
    rows = 0
    pos = 0
    units = _TableUnits()
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if header is not None and _SEPARATOR.match(line):
            continue  # |---|---|: the separator row, never a cell
        split = _split(line)
        split = _grouped(line, split, len(header)) if header is not None else split
        cells = [c for _, c in split]
        if header is not None and len(cells) == len(header) and not _is_header(cells, "|" in line):
            by_rows = _ROW_YEAR_HEAD.fullmatch(header[0]) is not None or not any(_year(h) for h in header)
            found = _year_rows(header, split, start, rows == 0) if by_rows else \
                _year_columns(header, split, start, units.of_header)
            if found:
                out.extend(found)
                rows += 1
                units.next_line(line, cells)
                continue
        candidate = table_units.with_noun_counts(units.header(cells, with_years=True))
        header, rows = (candidate, 0) if units.unit_row or _is_header(candidate, "|" in line) else (None, 0)
        units.next_line(line, cells)
    return out


class _TableUnits:
    """The unit a table states once (``analysis.table_units``) as a reader of its lines meets it: a caption's unit
    for the header up to ``CAPTION_REACH`` lines under it, a row of units for the header above it."""

    def __init__(self) -> None:
        self.caption, self.since = "", table_units.CAPTION_REACH + 1
        self.previous: list[str] = []  # the cells of the line before: a header a row of units may follow
        self.unit_row = False
        self.of_header = ""  # the caption's unit of the current header (a table whose columns are years)

    def header(self, cells: list[str], with_years: bool = False) -> list[str]:
        """The header ``cells`` mean: with each column's unit from the unit row they are, from the group heads over
        them, or the caption's."""
        by_row = table_units.with_unit_row(self.previous, cells) or table_units.with_group_row(self.previous, cells)
        self.unit_row = by_row is not None
        if by_row is not None:
            self.of_header = ""
            return by_row
        unit = self.caption if self.since <= table_units.CAPTION_REACH else ""
        has_years = any(_year(c) for c in cells)
        self.of_header = unit if has_years and with_years else ""
        return table_units.with_table_unit(cells, unit, _KEEP_HEAD) if unit and not has_years else cells

    def next_line(self, line: str, cells: list[str]) -> None:
        caption = table_units.caption_unit(line)
        self.caption, self.since = (caption, 0) if caption else (self.caption, self.since + 1)
        self.previous = cells


_KEEP_HEAD = re.compile(r"序号|编号|No\.?|排名|名次|(?:计量)?单位", re.IGNORECASE)  # no unit of the table's own


# a column of scores has no bracket: its header says it (得分 86.5, as the labels count a score: 分), a score's words
# (分数, 评分, 分值) or a part of the score (商务分, 技术分, 价格分, 加分, 满分); 部分, 划分, 区分, 成分 are no score
_SCORE_HEAD = re.compile(r"[\u4e00-\u9fff]{0,4}(?:得分|分数|评分|总分|分值)|[\u4e00-\u9fff]{1,4}(?<![部划区成充细过省])分")
_ROW_UNIT = "\0"  # a value column whose unit is the row's cell under 单位
_TOTAL_ROW = re.compile(r"合\s*计|总\s*计|小\s*计|共\s*计|总数|全[市省区县州盟]")
_GAP_LINES = 3  # short lines inside a table (…（第7至10名略）, 不合格载体：) that do not end it


def _item_header(cells: list[str]) -> list[str] | None:
    """The unit of each column of an item table's header (``''`` for a column that is no value), else None: at least
    three cells of words, no year, at least one value column (a unit in brackets or a score)."""
    if len(cells) < 3 or any(not c or len(c) > 20 or _is_number(c) or _year(c) for c in cells):
        return None
    units = [u if re.search(r"[\u4e00-\u9fff%％㎡]", u := _unit(c)[1]) and "、" not in u else "分" if _SCORE_HEAD.fullmatch(c) else ""
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
    are years are ``grid_cells``'. A delimited export (CSV) is read as a pipe table (``analysis.delimited``)."""
    text = delimited.as_pipes(text)
    out: list[ItemCell] = []
    header: list[str] | None = None
    units: list[str] = []
    gap = pos = 0
    stated = _TableUnits()
    columns: dict[str, tuple[str, str]] = {}  # a value column's words -> (unit, head), of every table above
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if header is not None and _SEPARATOR.match(line):
            continue
        split = _split(line)
        split = _grouped(line, split, len(header)) if header is not None else split
        cells = [c for _, c in split]
        # a total row whose label spans the numbering and the name (合计 under 排名 and 县（市、区）): one cell fewer
        heads, row_units = (header[1:], units[1:]) if header is not None and len(cells) == len(header) - 1 \
            and _TOTAL_ROW.fullmatch(cells[0]) and not units[0] else (header, units)
        if heads is not None and len(cells) == len(heads):
            label = next((c for c, u in zip(cells, row_units, strict=True) if not u and c and not _is_number(c)), "")
            row_unit = next((c for c, h in zip(cells, heads, strict=True) if _UNIT_HEAD.fullmatch(h)), "")
            found = [ItemCell(start + at, start + at + len(c), row_unit if u == _ROW_UNIT else u, label, h,
                              "up_to" if _UPPER_HEAD.search(h) else "at_least" if _LOWER_HEAD.search(h) else "")
                     for (at, c), u, h in zip(split, row_units, heads, strict=True)
                     if u and _is_number(c) and not (u == _ROW_UNIT and (not row_unit or re.search(r"\d", row_unit)))]
            if label and found:
                out.extend(found)
                gap = 0
                stated.next_line(line, cells)
                continue
        out.extend(_totals(line, start, columns))
        candidate = table_units.with_noun_counts(stated.header(cells))
        found_units = _item_header(candidate)
        stated.next_line(line, cells)
        if found_units is not None:
            header, units, gap = candidate, found_units, 0
            columns.update((_unit(h)[0], (u, h)) for h, u in zip(header, units, strict=True) if u and u != _ROW_UNIT)
        elif header is not None and len(line.strip()) <= 20 and gap < _GAP_LINES:
            gap += 1
        else:
            header = None
    return out


_TOTAL_OF = re.compile(r"(?:合计|总计|共计|小计|总数)\s*[：:为]?\s*(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
                       r"(?![\d.,]|，\d{3}|\s*[\u4e00-\u9fff%％㎡])")


def _totals(line: str, start: int, columns: dict[str, tuple[str, str]]) -> list[ItemCell]:
    """A table's total said with no unit on a line under it (``面积合计146700`` under ``面积（平方米）``): a cell of the
    column its words name, the longest that ends right before 合计."""
    out = []
    for m in _TOTAL_OF.finditer(line):
        named = max((w for w in columns if w and line[:m.start()].endswith(w)), key=len, default=None)
        if named is not None:
            out.append(ItemCell(start + m.start("number"), start + m.end("number"), columns[named][0], "合计",
                                columns[named][1]))
    return out
