"""A clause written in English (sixth round of issue 26): a bilingual press release gives its news in
English before the Chinese. The coder's classifier learnt Chinese characters, so an English clause
gets a code from chance n-grams; this reads it the way the Chinese rules read a clause, from the
codebook's rules and the genre's forms:

- a report (a past or perfect verb, or a present-tense count, 67 are national-level, with a number and
  nothing to come: no will/can/aim) states no measure (the codebook's note on status reports);
- a target (aim, target, goal, by 2026) is E_GOA (R4);
- a measure for overseas, returnee or foreign people (can get, will receive) is D_OVE (R2);
- any other English clause keeps the classifier's code (a measure stated with will or can: The zone will
  invest 1 billion yuan, S_FUN as the classifier reads the money).

Written by hand: a few forms of English news; a tagger (spaCy's English model) would read tense more
fully, but it is not among the project's dependencies for so few clauses.
"""

from __future__ import annotations

import re

import numpy as np

from analysis.instruments import NONE

__all__ = ["english", "english_rule"]

_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"\d")
# what is still to come: a measure (will, can, shall, may) or a goal
_TO_COME = re.compile(r"\b(?:will|shall|can|may|must|should|aims?|plans?|targets?|goals?|strive)\b", re.I)
# a report: a perfect or past verb, a time of the past, or a count in the present tense
_REPORTED = re.compile(r"\b(?:has|have|had)\b(?:\s+\w+)?\s+\w+(?:ed|en|wn|lt|ld|ne)\b|\b\w+ed\b|\b(?:held|built|grew|drew|rose|won)\b"
                       r"|\blast year\b|\bin the first half\b|\bso far\b|\bto date\b"
                       r"|\b(?:are|is|host|hosts|provide|provides)\b", re.I)
_TARGET = re.compile(r"\b(?:aims?|targets?|goals?|strive)\b|\bby 20\d\d\b", re.I)
_OVERSEAS = re.compile(r"\b(?:overseas|returnees?|returned|foreign|international|abroad|Hong Kong|Macao|Macau|Taiwan)\b",
                       re.I)


def english(text: str) -> bool:
    """The clause is written in English: more Latin letters than Chinese characters."""
    return len(_LATIN.findall(text)) > len(_HAN.findall(text))


def english_rule(texts: list[str], primary: np.ndarray) -> np.ndarray:
    """English clauses coded by the module's list; Chinese clauses as they were."""
    primary = primary.copy()
    for i, text in enumerate(texts):
        if not english(text):
            continue
        if _TARGET.search(text):
            primary[i] = "E_GOA"
        elif _TO_COME.search(text):
            if _OVERSEAS.search(text):
                primary[i] = "D_OVE"
        elif _NUMBER.search(text) and _REPORTED.search(text):
            primary[i] = NONE
    return primary
