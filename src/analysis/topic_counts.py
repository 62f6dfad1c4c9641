"""Bare counts of the carriers a passage is about: a place or a grade and a number of 家, no noun.

A ranking article or an evaluation notice names its carriers once and then lists places or grades with a count
each, the noun left unsaid::

    截至2023年底，全国国家备案众创空间达到4,119家。…北京以312家居首，上海（268家）、深圳（245家）分列第二、三位。
    广州231家、杭州206家…；福州以96家排名第12位，在省内仅次于厦门的103家。
    本次参评的国家级科技企业孵化器共1,606家…分区域看，东部地区优秀161家、中部地区52家、西部地区38家。

Each such number counts the carriers counted last before it in the passage (the *topic*: 国家备案众创空间,
国家级科技企业孵化器), at the topic's level; 家 is the measure word of carriers and firms, never of a place. The
phrase before the number must end in a place (a name jieba tags ``ns``: 北京, 厦门; a word for places: 城市,
地区, 省份) or a grade (优秀, 良好的), after the function words a list puts between (以, 的, 合计, 共, 有, 为).
An inference, never confident (the drafter's evidence ``nearest`` with the level ``inherited``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from analysis.counting import Reading

__all__ = ["bare_count", "Passage", "REACH"]

REACH = 400  # characters back from the number to the count of its topic: the passage, not the whole document
_MEASURE = re.compile(r"家\s*$")
# the words a list puts between a place or a grade and its number (北京以312家, 厦门的103家, 城市合计2,047家)
_BETWEEN = {"以", "的", "合计", "共计", "共", "有", "共有", "为", "达", "达到", "计", "约", "分别", "各", "则", "仅"}
_PLACE_WORDS = re.compile(r"(?:城市|地区|省份|省市|地市|区县|县区|全国|全省|全市)$")
_GRADE_WORDS = re.compile(r"(?:基本合格|不合格|优秀|良好|合格|较好|较差|[A-DＡ-Ｄ]级|[一二三]等|[A-DＡ-Ｄ]类)$")
_CLAUSE = re.compile(r"[，,、；;。！？!?\n]")


def bare_count(mention: str, before: str, words: Callable[[str], list[tuple[str, str]]], listing: bool = False) -> str:
    """The place or grade a count of 家 is listed under when the phrase before it (``before``: its clause up to the
    number) ends in one after the function words of a list (``北京以``, ``上海（``, ``东部地区优秀``, ``良好的``),
    else "". ``words`` cuts a phrase into (word, part of speech) (``analysis.counting.Reader.words``). ``listing``:
    a place was listed before it in the sentence, so that a name jieba tags as a person's (嘉兴: ``nr``) is a place."""
    if not _MEASURE.search(mention):
        return ""
    phrase = _CLAUSE.split(before)[-1].rstrip(" （(")
    cut = list(words(phrase)) if phrase else []  # a copy: the reader keeps its cut phrases
    while cut and cut[-1][0] in _BETWEEN:
        cut.pop()
    if not cut:
        return ""
    word, pos = cut[-1]
    if _GRADE_WORDS.search(word):
        return word
    named_place = re.fullmatch(r"[\u4e00-\u9fff]{1,6}(?:省|市|县|区)", word) and pos != "n"  # 西安市, not 园区
    if pos == "ns" or pos == "nr" and listing or _PLACE_WORDS.search(word) or named_place:
        return word
    return ""


@dataclass
class Passage:
    """The carriers a document's passage counts last by a noun (its *topic*), read number by number in the text's
    order; a bare count of a place or a grade after it counts them (``read``)."""

    words: Callable[[str], list[tuple[str, str]]]
    carriers: set[str]  # the indicators that count carriers
    topic: tuple[int, Reading] | None = None  # where the topic was counted, and its reading
    listing: int = -1  # the start of the sentence whose places are being listed

    def read(self, read: Reading, mention: str, text: str, c0: int, t0: int, start: int, grade: str = "") -> Reading:
        """The reading of the count at ``start`` (its clause from ``c0``, sentence from ``t0``): a bare count of a
        place or a grade within ``REACH`` of the topic counts the topic's carriers, at the level written on them
        (inherited), else none; a count of carriers by a noun becomes the topic. ``grade``: a grade of an evaluation
        the line names, which ``analysis.text_shape`` reads instead."""
        topic = self.topic[1] if self.topic and start - self.topic[0] <= REACH else None
        listed = bare_count(mention, text[c0:start], self.words, self.listing == t0) \
            if topic and not read.indicator and not grade else ""
        if topic and listed:
            self.listing = t0
            level = topic.scope if topic.scope_evidence == "own" else "all"
            return replace(read, indicator=topic.indicator, evidence="nearest", out_of_scope_reason="", scope=level,
                           scope_evidence="inherited" if level != "all" else "none",
                           notes=read.notes + [f"'{listed}' listed with a bare count: the carriers counted before "
                                               f"('{topic.noun}')" + (f", at their level {level}" if level != "all" else "")])
        if read.indicator in self.carriers and read.evidence in ("object", "subject"):
            self.topic = (start, read)
        return read
