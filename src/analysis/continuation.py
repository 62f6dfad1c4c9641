"""A clause that continues the measure before it (sixth round of issue 26): a rule's cap, floor, rate,
period or share (单个项目最高1000万元, 贴息期限最长2年, 其中预留给小微企业的比例不低于60%), a condition with what
it gets (升到省级的，再给五十万), or the rest of a sentence a line break cut (奖金池提高到三百五十万，after
二是办好第九届创新创业大赛，). The codebook's unit is the measure: such a clause states part of the measure
before it, not a measure of its own nor no measure, so it takes that measure's code. A rule of the
automatic coder (``analysis.autocoder``), applied to clauses every other rule left none.

Written by hand: these are the genre's fixed forms of a rule's terms, which no library lists.
"""

from __future__ import annotations

import re

import numpy as np

from analysis.instruments import NONE

__all__ = ["continues", "continuation_rule"]

# a term of the measure before it: a cap, a floor, a rate, a period, a deadline, a share; or a part of
# it (其中…, 单个/单笔/单份…, 每家/每年…)
_TERM = re.compile(r"最高|最多|最长|不超过|不高于|不低于|不少于|以内|上限|封顶|比例|期限|额度|[\d.]+%|百分之"
                   r"|\d+个?工作日|^其中|^单[个笔份项家户次]|^每[家个年项场笔户人]")
# a condition (…的，) followed by what it gets: an amount of money, also spoken (五十万)
_CONDITION = re.compile(r"的[，,][^。；]*?[\d.一二两三四五六七八九十百千]+(?:万|亿)")
# a line that ends inside its sentence (…，) continues on the next line
_OPEN_END = re.compile(r"[，,、～~]$")
# a report, not a term: the past (已, 截至, 累计, 同比, 比前年), a year's results (全年, 去年) and who gained (惠及)
_REPORTED = re.compile(r"已|截至|截止|累计|同比|比(?:上|去|前)年|全年|去年|惠及|上年度?[^，。；]{0,4}(?:完成|实现|达到)")


def _document(cid: str) -> str:
    return cid.rpartition(":")[0]


def continues(ids: list[str], texts: list[str]) -> np.ndarray:
    """Booleans: the clause has the form of a continuation (a term or a condition, ``_TERM``,
    ``_CONDITION``; or the clause before it in the same document ended inside its sentence) and
    reports nothing (``_REPORTED``), nor continues a report (the clause before it reports: 累计兑现…，惠及…)."""
    out = np.zeros(len(texts), dtype=bool)
    for i, text in enumerate(texts):
        t = text.strip()
        if _REPORTED.search(t) or (i > 0 and _REPORTED.search(texts[i - 1])):
            continue
        opened = i > 0 and _document(ids[i - 1]) == _document(ids[i]) and bool(_OPEN_END.search(texts[i - 1].strip()))
        out[i] = bool(_TERM.search(t) or _CONDITION.search(t) or opened)
    return out


def continuation_rule(ids: list[str], texts: list[str], primary: np.ndarray, framed: np.ndarray) -> np.ndarray:
    """A clause left none, not ``framed`` (the frame, a question, a problem, a heading's pattern), that
    ``continues`` takes the code of the clause before it in the same document when that one is a
    measure; in document order, so a measure's terms one per line all take its code."""
    primary = primary.copy()
    form = continues(ids, texts)
    for i in range(1, len(texts)):
        if primary[i] == NONE and form[i] and not framed[i] and primary[i - 1] != NONE \
                and _document(ids[i - 1]) == _document(ids[i]):
            primary[i] = primary[i - 1]
    return primary
