"""A unit a table states once, for all its cells or for each column, rather than in every label:

- for the whole table, in its caption or on a line of its own above the header (``表1 孵化载体情况（单位：家）``,
  ``单位：万元``, ``金额单位：万元``);
- for each column, in a row of units right under the header (``指标 孵化器 众创空间`` then ``单位 家 家``);
- for a group of columns, in a head over them (a page's ``<th colspan="2">载体数量（家）</th>`` over ``众创空间``
  and ``孵化器``: the cleaning leaves the row ``区县 | | 载体数量（家）`` over `` | 众创空间 | 孵化器``);
- for each column, by its head alone: a head that is a noun of things or people and no unit at all (a web page's
  ``<th>区县</th><th>众创空间</th><th>孵化器</th><th>在孵企业</th>``) counts them, each cell a number of its noun.

``analysis.table_grid`` reads a table's layout; this module gives it the header such a table means, each column's
unit written as the bracket the grid reads already (``孵化器`` over ``家``: ``孵化器（家）``), and the unit of a table
whose rows are labelled and whose columns are years (``孵化器 12 15 18`` under ``单位：家``). A leaf: no import of
the package.
"""

from __future__ import annotations

import re

__all__ = ["CAPTION_REACH", "caption_unit", "with_unit_row", "with_group_row", "with_table_unit", "with_noun_counts"]

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


# a head that names what a number measures, who or where it is, or when, never a count of things: a name, a place, a
# code, a time, a grade or kind, a score, an area, money, a rate or share (``在孵企业数``, ``众创空间`` count)
_NOT_COUNTED = re.compile(r"名称|名单|单位|地区|区县|县区|县市|城市|地市|区域|地址|序号|编号|排名|名次|代码|编码|邮编|电话|手机|联系"
                          r"|年份|年度|年限|时间|日期|月份|季度|期限|批次|等级|等次|级别|层级|类型|类别|性质|备注|说明|得分|分数"
                          r"|评分|分值|面积|金额|资|额|费|价|薪|收入|营收|产值|利润|税|比例|比重|占比|率|增长|增幅|增速|同比"
                          r"|环比|变化|平均|指数|密度|规模|状态|结果|负责人|依据|内容|方式|领域|行业|方向|主体|来源|情况|措施"
                          r"|号|成立|认定|值|差|均|系数|弹性|中位")  # a paper's 均值, 标准差, 最小值, 人均: statistics, no counts
_PEOPLE_HEAD = re.compile(r"(?:人数|人员|人才|导师|专家|学员|员工|职工|会员)$")
_NOUN_HEAD = re.compile(r"[\u4e00-\u9fff]{2,10}")
_NUMBERING = re.compile(r"序号|编号|排名|名次|No\.?", re.IGNORECASE)
_STATED = re.compile(r"[（(][^（）()]{1,8}[）)]\s*$|[/／]\S{1,4}$")  # a head that states its unit: 面积（平方米）, 面积/㎡


def with_noun_counts(header: list[str]) -> list[str]:
    """The header with a count's measure word in a bracket on every column whose head is a noun of things or people
    (``众创空间``: ``众创空间（个）``; ``创业导师``: ``创业导师（人）``), where every head is a short Chinese noun or
    states its unit (``名称 面积（平方米） 在孵企业``); the header as it is otherwise. The first column after a numbering
    (序号, 排名) names the rows (区县, 载体); a head of a name, place, time, grade, score, area, money or rate
    (``_NOT_COUNTED``) is no count. A table with a unit column (单位) gives each row's unit there instead."""
    if len(header) < 3 or not all(_NOUN_HEAD.fullmatch(h) or _STATED.search(h) or _NUMBERING.fullmatch(h) for h in header) \
            or any(_UNIT_HEAD.fullmatch(h) for h in header):
        return header  # 指标 单位 年末数: each row states its unit
    label = next((i for i, h in enumerate(header) if not _NUMBERING.fullmatch(h)), 0)
    return [h if i <= label or not _NOUN_HEAD.fullmatch(h) or _NOT_COUNTED.search(h)
            else f"{h}（{'人' if _PEOPLE_HEAD.search(h) else '个'}）" for i, h in enumerate(header)]


_GROUP_UNIT = re.compile(r"[（(](?:单位[：:]\s*)?(?P<unit>[^（）()\d]{1,8})[）)]\s*$")


def with_group_row(group: list[str], heads: list[str]) -> list[str] | None:
    """A header of two rows as one: each column's sub-head with the unit of the group head over it (``载体数量（家）``
    over ``众创空间``: ``众创空间（家）``), a column with no sub-head named by the head above it (``区县``, a cell spanning
    both rows). A group head stands in the last column it spans, the empty cells before it the others (as
    ``analysis.html_source`` writes a ``colspan``). None when the two rows are no such header: other lengths, no group
    head with a unit over a sub-head, a column named by neither row."""
    heads = heads + [""] * (len(group) - len(heads))  # a column spanning both rows at the end: no cell under it
    if len(group) != len(heads) or len(heads) < 3 or any(not g and not h for g, h in zip(group, heads, strict=True)):
        return None
    units, pending = [""] * len(group), []
    for i, g in enumerate(group):
        pending.append(i)
        if g:
            m = _GROUP_UNIT.search(g)
            if m is not None and len(pending) > 1:
                for j in pending:
                    units[j] = m.group("unit").strip()
            pending = []
    if pending or not any(u and h for u, h in zip(units, heads, strict=True)):
        return None
    return [(h if _BRACKET.search(h) or not u else f"{h}（{u}）") if h else g
            for g, h, u in zip(group, heads, units, strict=True)]
