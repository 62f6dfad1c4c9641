"""Garbled text (mojibake) in a raw document: found, reported, never repaired.

A web page saved through the wrong encoding loses characters for good: Xinjiang's report reads
「统筹当?shù)乜萍纴m?xiàng)资金」 where the page had 「统筹当(dāng)地(dì)科(kē)技(jì)专(zhuān)项(xiàng)资金」.
Cleaning cannot restore it, so ``find`` says where it is, ``corpus clean`` reports it per
document in the inventory, and the document's page in the source viewer marks the paragraphs;
the text stays as it is (raw data is never edited, and a guess is not a source).

What counts as garbled (``KINDS``): the Unicode replacement character; a ``?`` inside a run of
toned pinyin closed by ``)`` (a ruby annotation whose characters were lost); an ASCII ``?``
between two Chinese characters (a character that did not survive, 中兴?众创空间 for 中兴·众创空间);
and sequences no Chinese text has: UTF-8 bytes read as Latin-1 or cp1252 (``åˆ›``), the 锟斤拷 /
烫烫烫 runs of broken GBK conversions, C1 control characters and private-use characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

__all__ = ["Garble", "find", "KINDS", "in_clean"]

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = f"a-zü{_TONED}"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"

KINDS = {
    "replacement_character": re.compile("\ufffd+"),
    # a ? with pinyin letters around it, closed like a ruby annotation, with a tone mark somewhere
    "question_mark_in_pinyin": re.compile(f"[{_PINYIN}]*\\?[{_PINYIN}]*[{_TONED}][{_PINYIN}]*\\)"
                                          f"|[{_PINYIN}]*[{_TONED}][{_PINYIN}]*\\?[{_PINYIN}]*\\)"),
    "question_mark_between_characters": re.compile(f"(?<=[{_HAN}\\)])\\?+(?=[{_HAN}])"),
    # a UTF-8 lead byte and its 1-3 continuation bytes, read one character each (Latin-1 or cp1252)
    "utf8_read_as_latin1": re.compile("(?:[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
                                      "\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{1,3}){2,}"),
    "broken_gbk_run": re.compile("(?:锟斤拷)+|烫{3,}|屯{3,}"),
    "control_or_private_character": re.compile("[\u0080-\u009f\ue000-\uf8ff]+"),
}


@dataclass(frozen=True)
class Garble:
    kind: str
    start: int  # character offsets in the raw text
    end: int
    text: str  # the garbled span with a few characters either side

    def __str__(self) -> str:
        return f"{self.kind} at {self.start}: {self.text}"


def find(raw: str, context: int = 4) -> list[Garble]:
    """Every garbled span of ``raw``, in text order (overlapping finds of two kinds are kept
    once, the first kind of ``KINDS`` that found them)."""
    found: list[Garble] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in KINDS.items():
        for m in pattern.finditer(raw):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            excerpt = raw[max(0, m.start() - context):m.end() + context].replace("\n", " ")
            found.append(Garble(kind, m.start(), m.end(), excerpt))
    return sorted(found, key=lambda g: g.start)


def in_clean(garble: Garble, source) -> tuple[int, int] | None:
    """The cleaned span that came from the garbled raw span (``source``: the cleaned text's map
    to raw characters, ``Cleaned.source``), or None when cleaning removed it (web chrome)."""
    inside = np.flatnonzero((source >= garble.start) & (source < garble.end))
    if not len(inside):
        return None
    return int(inside[0]), int(inside[-1]) + 1
