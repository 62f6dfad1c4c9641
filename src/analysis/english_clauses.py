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

Seventh round (set I's English feature, set H's English measures): the classifier's code of an English
clause is chance, so an English clause is now read by its words alone, in this order:

- an article's heading (Article 2 Start-up grants) is none here (R1's heading rule gives it its body's code
  after; ``measure_form``), and so is the title (a document's first clause, with no sentence's final mark);
- a target (above) is E_GOA; a scope over overseas people (These measures apply to foreign nationals…) D_OVE;
- the text's own rules (the following measures are formulated, These measures take effect…, may not be
  combined) are E_REG, as the English policy text's curator codes them;
- a view reported (Founders complain that…, An economist noted that…) is none;
- a recognition's conditions (To be recognized, it must have…) are E_STR (R3);
- an instrument named by its English words (an award, a refund, a fund of funds, rent-free space, a one-stop
  window, mentors …; ``_INSTRUMENTS``, written from the codebook's definitions) in the form of a measure
  (receives, are refunded, up to, will, can: ``_MEASURE_FORM``) is that sub-tool, D_OVE where it is for
  overseas people (R2: the clause names them, or the document's title or scope does; a budget for the
  measures, arranges RMB 50 million, stays S_FUN);
- a measure for overseas people (above) is D_OVE; a report (above, or a perfect tense: Venture money has
  followed) none; a clause that names no instrument none (The zone's support is generous by any standard.);
- the rest (an instrument named with no measure's form, an application's schedule: Applications close on
  30 September) keeps the classifier's code.

Written by hand: a few forms of English news; a tagger (spaCy's English model) would read tense more
fully, but it is not among the project's dependencies for so few clauses.
"""

from __future__ import annotations

import re

import numpy as np

from analysis.instruments import NONE

__all__ = ["english", "english_rule", "instrument"]

_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"\d")
# what is still to come: a measure (will, can, shall, may) or a goal
_TO_COME = re.compile(r"\b(?:will|shall|can|may|must|should|aims?|plans?|targets?|goals?|strive)\b", re.I)
# a report: a perfect or past verb, a time of the past, or a count in the present tense
_REPORTED = re.compile(r"\b(?:has|have|had)\b(?:\s+\w+)?\s+\w+(?:ed|en|wn|lt|ld|ne)\b|\b\w+ed\b|\b(?:held|built|grew|drew|rose|won)\b"
                       r"|\blast year\b|\bin the first half\b|\bso far\b|\bto date\b"
                       r"|\b(?:are|is|host|hosts|provide|provides|offer|house|counts?)\b", re.I)
_TARGET = re.compile(r"\b(?:aims?|targets?|goals?|strive)\b|\bby 20\d\d\b", re.I)
_OVERSEAS = re.compile(r"\b(?:overseas|returnees?|returned|foreign|international|abroad|Hong Kong|Macao|Macau|Taiwan)\b",
                       re.I)


def english(text: str) -> bool:
    """The clause is written in English: more Latin letters than Chinese characters."""
    return len(_LATIN.findall(text)) > len(_HAN.findall(text))


_PERFECT = re.compile(r"\b(?:has|have)\s+(?:also\s+)?\w+(?:ed|en|wn|lt|ld|ne)\b", re.I)
_CLOSED = re.compile(r"[.!?\"”]$")  # a title has no sentence's final mark
# an application's schedule (Applications close on 15 October) is a grant's step: the classifier's code stays
_APPLICATION = re.compile(r"\bapplications?\b", re.I)
_ARTICLE = re.compile(r"^Article\s+\d+\b", re.I)
_SCOPE = re.compile(r"\bappl(?:y|ies)\s+to\b", re.I)
_OWN_RULES = re.compile(r"\b(?:these|the following|this)\s+measures\b|\btakes?\s+effect\b|\bvalid for\b"
                        r"|\bmay not be combined\b", re.I)
_VIEW = re.compile(r"\b(?:complain(?:s|ed)?|argue[sd]?|worr(?:y|ies|ied)|warn(?:s|ed)?|note[sd]?|say|says|said"
                   r"|believe[sd]?|doubt(?:s|ed)?)\s+that\b", re.I)
_CONDITIONS = re.compile(r"\bto be (?:recogni[sz]ed|certified|accredited)\b|\bmust (?:also\s+)?(?:have|employ|meet)\b", re.I)
_BUDGET = re.compile(r"\b(?:arranges?|set(?:s)? aside|allocates?|earmarks?)\b", re.I)
# each sub-tool's English words (the codebook's definitions), first match wins: money before space
_INSTRUMENTS = [
    ("S_FUN", r"\bawards?\b|\bgrants?\b|subsid|allowance|refund|\bbonus|operating support|"
              r"\b(?:arranges?|set(?:s)? aside|allocates?|invests?|receives?)\b[^.]*?\b(?:RMB|yuan)\b"),
    ("E_FIN", r"fund of funds|venture|\bloans?\b|guarantee|interest subsid|\bequity\b|financing|\bcredit\b"),
    ("E_TAX", r"\btax"),
    ("D_PRO", r"procure|\bpurchas"),
    ("D_TRA", r"customs|\bexport"),
    ("S_PUB", r"one-stop|service (?:window|centre|center)|\bvisas?\b|residence permit|work permit|registration"),
    ("S_INF", r"\brent\b|rent-free|office space|free of charge|apartment|\bhousing\b"),
    ("S_TAL", r"\bmentors?\b|\btraining\b|\btalent"),
    ("S_TEC", r"\bplatforms?\b|laborator"),
]
_INSTRUMENT = [(code, re.compile(p, re.I)) for code, p in _INSTRUMENTS]
# the form of a measure: what a firm receives or may do, a cap, a rate
_MEASURE_FORM = re.compile(r"\b(?:receives?|gets?|granted|offered|refunded|halved|eligible|up to|free of charge|rent-free"
                           r"|handles?|arranges?|set(?:s)? aside|allocates?|invests?|apply for|per cent of|\d+%)", re.I)


def instrument(text: str) -> str:
    """The sub-tool an English clause names by its words (``_INSTRUMENTS``), or ""."""
    return next((code for code, p in _INSTRUMENT if p.search(text)), "")


def _overseas_documents(ids: list[str], texts: list[str]) -> set[str]:
    """Documents whose English title or scope names overseas people: their measures are for them (R2)."""
    out, seen = set(), set()
    for cid, text in zip(ids, texts, strict=True):
        doc = cid.rpartition(":")[0]
        first = doc not in seen
        seen.add(doc)
        if english(text) and _OVERSEAS.search(text) and (first or _SCOPE.search(text)):
            out.add(doc)
    return out


def english_rule(texts: list[str], primary: np.ndarray, ids: list[str] | None = None) -> np.ndarray:
    """English clauses coded by the module's list; Chinese clauses as they were."""
    primary = primary.copy()
    ids = ids if ids is not None else [f"d:{i + 1}.1.1" for i in range(len(texts))]
    overseas_docs = _overseas_documents(ids, texts)
    seen: set[str] = set()
    for i, text in enumerate(texts):
        doc = ids[i].rpartition(":")[0]
        first = doc not in seen
        seen.add(doc)
        if not english(text):
            continue
        code = instrument(text)
        measure = bool(_MEASURE_FORM.search(text) or _TO_COME.search(text))
        for_overseas = bool(_OVERSEAS.search(text) or doc in overseas_docs)
        if (first and not _CLOSED.search(text)) or _ARTICLE.match(text):
            primary[i] = NONE
        elif _TARGET.search(text):
            primary[i] = "E_GOA"
        elif _SCOPE.search(text) and _OVERSEAS.search(text):
            primary[i] = "D_OVE"
        elif _OWN_RULES.search(text) and not _BUDGET.search(text):
            primary[i] = "E_REG"
        elif _VIEW.search(text):
            primary[i] = NONE
        elif _CONDITIONS.search(text):
            primary[i] = "E_STR"
        elif code and measure:
            primary[i] = "D_OVE" if for_overseas and not _BUDGET.search(text) else code
        elif _TO_COME.search(text) and _OVERSEAS.search(text):
            primary[i] = "D_OVE"
        elif (_NUMBER.search(text) and _REPORTED.search(text)) or _PERFECT.search(text) \
                or not (code or _APPLICATION.search(text)):
            primary[i] = NONE
    return primary
