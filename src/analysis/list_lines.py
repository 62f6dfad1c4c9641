"""Lines of a list or table pasted into a text (seventh round of the coder, read on set I's errors): a
notice that allocates money lists each carrier's or each level's amount on a line of its own, and a
公示 pastes the rows of a ranking. The classifier reads such a line as a name and a figure, so it codes
it by chance; the codebook reads it by what the list does:

- ``grant_list``: the lines under a lead-in that introduces a scale of grants (分别给予一次性奖励，标准如下：,
  奖补标准如下：) up to the first sentence that is no list line. A line of the scale with an amount of money
  (a table's cell 20万元 pasted one cell a line, 国家级 100万元) states the grant's rule: S_FUN (the
  codebook's funding). A line without money (a header cell 一次性奖励, a row label 市级) names what the
  amounts are for and is none. An allocation to named carriers (资金拨付明细如下： then 1.某孵化器 200万元) is
  left to the other rules: the curators of the tuning sets code its lines none (two sets) and S_FUN (one);
- ``list_lead``: a lead-in to a list of money that itself gives nothing (资金拨付明细如下：, no 给予)
  introduces the list and states no measure;
- ``table_row``: a data row of a table pasted as cells separated by spaces or tabs (a rank, a name, a kind,
  figures, a grade) with two or more bare numbers and no money or verb: a record, no measure (the
  codebook's status figures), and a short label line ending in ： right above such rows (不合格载体：);
- ``indicator_row``: a row of a plan's indicator table (孵化载体总数 家 96 150 预期性), or a row under a header that
  names the target (指标 2020年基期 2025年目标, then 科技企业孵化器（家） 68 90): a target, E_GOA (R4); the header
  itself is none.

Written by hand: the fixed forms of allocation notices and pasted tables; ``analysis.table_grid`` reads
tables for the quantity drafter, but it does not say which lines of a text are a list's items.
"""

from __future__ import annotations

import re

import numpy as np

from analysis.clause_roles import ACTION
from analysis.english_clauses import english
from analysis.segments import document_of, paragraph_key

__all__ = ["grant_list", "list_lead", "table_row", "budget_line", "indicator_row", "target_table"]

# a lead-in to a list of money (names money or a grant and ends with 如下：), and to a scale of grants (标准)
_LEAD = re.compile(r"(?:如下|见下表)[:：]$")
_SCALE = re.compile(r"标准")
_GRANT_WORD = re.compile(r"资金|经费|奖补|奖励|补助|补贴|资助|扶持")
# an amount of money: 200万元, 1,086万元, 3.5亿元, 50元
_MONEY = re.compile(r"[\d,.，]*\d(?:\.\d+)?\s*(?:万|亿)?元|[一二两三四五六七八九十百千]+(?:万|亿)元")
_SENTENCE_END = re.compile(r"[。；;！!？?]$")
# what gives the grant in a lead-in (分别给予…奖励，标准如下：): then the lead-in states the measure itself
_GIVES = re.compile(r"给予|奖励[\d一二三四五六七八九十]|补助[\d一二三四五六七八九十]|资助[\d一二三四五六七八九十]")
# a table's data row: cells apart by tabs or runs of spaces; bare numbers (52000, 96.5) among them
_CELL_GAP = re.compile(r"\t|\s{2,}|\s")
_BARE_NUMBER = re.compile(r"^[\d,]+(?:\.\d+)?%?$")
_LABEL = re.compile(r"^[^，,。；;：:\d]{2,12}[:：]$")


def _is_lead(text: str) -> bool:
    return bool(_LEAD.search(text) and _GRANT_WORD.search(text))


def grant_list(clause_ids: list[str], texts: list[str]) -> np.ndarray:
    """For each clause: "grant" (a line of a scale of grants with money), "label" (one without money) or
    "" (no line of a scale). A list runs from the paragraph after its lead-in while the lines
    carry no sentence's final mark (。；！？), in the same document."""
    out = np.array([""] * len(texts), dtype=object)
    listing, document = False, ""
    for i, (cid, text) in enumerate(zip(clause_ids, texts, strict=True)):
        text = text.strip()
        doc = document_of(cid)
        if doc != document:
            document, listing = doc, False
        if _is_lead(text):
            listing = bool(_SCALE.search(text))
            continue
        if listing and (_SENTENCE_END.search(text) or not text):
            listing = False
        if listing:
            out[i] = "grant" if _MONEY.search(text) else "label"
    return out


def list_lead(texts: list[str]) -> np.ndarray:
    """Booleans: the lead-in of a grant list that gives nothing itself (资金拨付明细如下：)."""
    return np.array([_is_lead(t.strip()) and not _GIVES.search(t) for t in texts], dtype=bool)


def _cells(text: str) -> bool:
    """Four or more cells, two of them bare numbers, no sentence's final mark; not English words."""
    if english(text):
        return False
    cells = [c for c in _CELL_GAP.split(text.strip()) if c]
    numbers = sum(bool(_BARE_NUMBER.match(c)) for c in cells)
    return len(cells) >= 4 and numbers >= 2 and not _SENTENCE_END.search(text.strip())


def _row(text: str) -> bool:
    return _cells(text) and not _MONEY.search(text) and (not ACTION.search(text) or _series(text))


def _series(text: str) -> bool:
    """Eighth round: a row of a series (a label, perhaps its unit, then four or more figures: 获得财政资助额 万元 8 650
    9 120 …), a table's row whatever its label's words; a sentence has words between its figures."""
    cells = _cell_list(text)
    numbers = sum(bool(_BARE_NUMBER.match(c)) for c in cells)
    return numbers >= 4 and numbers >= len(cells) - 2


# a budget's own line of a programme's money (1.众创空间奖补资金1,200万元（功能分类2060404）…), in a document whose
# title names a budget (部门预算, 预算说明); not the budget's totals, its basic or administrative spending
_BUDGET_TITLE = re.compile(r"预算(?:说明|公开|草案|情况)?$|部门预算")
_PROGRAMME_MONEY = re.compile(r"(?:资金|专项|经费|奖补|补助|兑付)[^，。；]{0,4}?" + _MONEY.pattern)
_BUDGET_TOTAL = re.compile(r"总计|合计|基本支出|拨款|收入|三公|公务|机关运行|人员|预算总|决算")


def budget_line(clause_ids: list[str], texts: list[str]) -> np.ndarray:
    """Booleans: a line of a programme's money in a budget document (``_BUDGET_TITLE`` in its first three
    paragraphs): names the money of a programme (``_PROGRAMME_MONEY``), none of the budget's totals."""
    titled: dict[str, bool] = {}
    for cid, text in zip(clause_ids, texts, strict=True):
        doc, para = paragraph_key(cid)
        if para <= 3 and not _SENTENCE_END.search(text.strip()) and _BUDGET_TITLE.search(text.strip()):
            titled[doc] = True
    return np.array([titled.get(document_of(cid), False) and bool(_PROGRAMME_MONEY.search(t))
                     and not _BUDGET_TOTAL.search(t) for cid, t in zip(clause_ids, texts, strict=True)], dtype=bool)


_INDICATOR = re.compile(r"(?:预期性|约束性)$")
_TARGET_HEADER = re.compile(r"目标")


def _cell_list(text: str) -> list[str]:
    return [c for c in _CELL_GAP.split(text.strip()) if c]


def _header(text: str) -> bool:
    """A target table's header: two or more cells, no bare number, no sentence's mark, one naming the target."""
    cells = _cell_list(text)
    return len(cells) >= 3 and not english(text) and not _SENTENCE_END.search(text.strip()) \
        and not any(_BARE_NUMBER.match(c) for c in cells) and any(_TARGET_HEADER.search(c) for c in cells[1:])


def _target_row(text: str) -> bool:
    cells = _cell_list(text)
    return len(cells) >= 2 and not english(text) and not _SENTENCE_END.search(text.strip()) \
        and sum(bool(_BARE_NUMBER.match(c)) for c in cells) >= 1 and not _BARE_NUMBER.match(cells[0])


def target_table(clause_ids: list[str], texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(the header of a target table, its rows): the rows below a header that names the target, while they are
    rows (a name, then figures), in the same document."""
    header = np.zeros(len(texts), dtype=bool)
    rows = np.zeros(len(texts), dtype=bool)
    open_table, document = False, ""
    for i, (cid, text) in enumerate(zip(clause_ids, texts, strict=True)):
        doc = document_of(cid)
        if doc != document:
            document, open_table = doc, False
        if _header(text):
            header[i], open_table = True, True
            continue
        open_table = open_table and _target_row(text)
        rows[i] = open_table
    return header, rows


def indicator_row(texts: list[str]) -> np.ndarray:
    """Booleans: a row of a plan's indicator table, its last cell the indicator's nature (预期性, 约束性)."""
    return np.array([bool(_INDICATOR.search(t.strip()) and _cells(t))
                     for t in texts], dtype=bool)


def table_row(clause_ids: list[str], texts: list[str]) -> np.ndarray:
    """Booleans: a table's data row (``_row``), or a short label line ending in ： right above one; not a row
    of a plan's indicator table (``indicator_row``)."""
    rows = np.array([_row(t) for t in texts], dtype=bool) & ~indicator_row(texts)
    out = rows.copy()
    for i, text in enumerate(texts[:-1]):
        if rows[i + 1] and _LABEL.match(text.strip()) and document_of(clause_ids[i]) == document_of(clause_ids[i + 1]) \
                and not ACTION.search(text):
            out[i] = True
    return out
