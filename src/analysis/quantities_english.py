"""Quantities written in English, in an English or bilingual text (a press release's English paragraphs): the
number, its scale, currency, unit and hedge, and the non-quantities around them.

- numbers: ``8,000``, ``2.1``, ``312``, with a scale (``2.1 million``, ``3.5bn``, ``$3m``: ``m``/``k`` only after a
  currency), spelled out where they count (``two`` … ``twelve``; ``one`` only before a length of time; ``dozens`` and
  ``hundreds`` are no number);
- currencies before (``RMB``, ``CNY``, ``US$``, ``USD``, ``$``, ``HK$``, ``HKD``, ``EUR``, ``€``, ``£``, ``¥``) or
  after (``yuan``, ``US dollars``, ``euros``); units after (square metres, ``sq m``, ``m²``, ``km²``, hectares,
  ``mu``, percent, percentage points, times, ``-fold``, years, months, days); a number before a people noun
  (``participants``, ``mentors``) counts persons, before any other noun a count;
- hedges as the Chinese extractor's qualifiers (``more than``, ``over``, ``nearly``, ``about``, ``some``, ``up to``,
  ``at least``, ``no more than``, ``5,200+``, ``or more``), a range ``3–5`` / ``3 to 5`` / ``between 3 and 5``;
- non-quantities: years (``2024``, unless a unit, a currency or a hedge makes it one), dates (``July 8``,
  ``30 September``), times, phone numbers, ``No. 3``, ``Article 12``, rooms and floors, codes glued to letters
  (``FM102.8``, ``5G``), ordinals (``3rd``), list numbering, ``N-year plan``.

A number is read here only when the words nearest it on both sides are not Chinese (``in_english``); the Chinese
extractor (``analysis.quantities``) reads the rest, and asks this module first (``mentions``). No library fits: the
package lists have neither ``word2number`` nor ``quantulum3``; ``number-parser`` reads number words but no currency,
scale after digits (``3.5bn``) or unit, and ``pint`` parses units, not prose; so this small reader is our own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis import statistics_notation
from analysis import units as unit_codes
from analysis.cleaning import Cleaned
from analysis.quantity_mention import Mention, bounds, with_note

__all__ = ["Reading", "read", "mentions", "in_english", "is_english", "SMALL_NUMBERS", "ENGLISH"]

SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6, "mln": 1e6}
_SHORT_SCALES = {"m": 1e6, "k": 1e3}  # only after a currency: $3m, RMB10k
_CURRENCY_BEFORE = {"US$": "USD", "USD": "USD", "$": "USD", "HK$": "HKD", "HKD": "HKD", "NT$": "TWD", "TWD": "TWD",
                    "RMB": "CNY", "CNY": "CNY",
                    "¥": "CNY", "EUR": "EUR", "€": "EUR", "£": "GBP", "GBP": "GBP"}
# after the number and its scale; longest first
_UNITS_AFTER = [
    (r"(?:US|U\.S\.)\s+dollars?", "USD"), (r"(?:HK|Hong\s+Kong)\s+dollars?", "HKD"), (r"yuan|RMB|CNY|renminbi", "CNY"),
    (r"dollars?|USD", "USD"), (r"euros?|EUR", "EUR"), (r"HKD", "HKD"),
    (r"square[\s-]+kilomet(?:re|er)s?|sq\.?\s?km|km²|km2", "km2"),
    (r"square[\s-]+met(?:re|er)s?|sq\.?\s?m\b|sqm|m²|m2\b", "m2"), (r"hectares?|ha\b", "ha"), (r"mu\b", "mu"),
    (r"percentage\s+points?|ppts?\b|pp\b", "pp"), (r"per\s?cent|pct\b|%", "percent"),
    (r"times\b|-?fold\b", "times"), (r"(?:working|business)\s+days?|days?\b", "days"), (r"months?\b", "months"),
    (r"years?\b", "years"),
    (r"(?:people|persons?|person-times|participants|visitors|attendees|trainees|students|graduates|entrepreneurs"
     r"|founders|mentors|tutors|experts|talents|employees|researchers|scientists)\b", "person"),
]
_UNIT_AFTER = re.compile(r"(?:\s*|-)(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNITS_AFTER)) + ")",
                         re.IGNORECASE)
_DURATION_ADJECTIVE = re.compile(r"-(year|month|day)s?\b(?P<plan>\s+(?:action\s+)?(?:plan|programme|program))?",
                                 re.IGNORECASE)

_HEDGES = [("more than", "more_than"), ("over", "more_than"), ("above", "more_than"), ("exceeding", "more_than"),
           ("in excess of", "more_than"), ("upwards of", "more_than"), ("top", "more_than"), ("tops", "more_than"),
           ("topped", "more_than"), ("surpassing", "more_than"), ("nearly", "almost"), ("almost", "almost"),
           ("close to", "almost"), ("approximately", "approx"), ("approx.", "approx"), ("about", "approx"),
           ("around", "approx"), ("roughly", "approx"), ("some", "approx"), ("an estimated", "approx"),
           ("up to", "up_to"), ("at most", "up_to"), ("no more than", "up_to"), ("not more than", "up_to"),
           ("not exceeding", "up_to"), ("a maximum of", "up_to"), ("maximum of", "up_to"), ("capped at", "up_to"),
           ("less than", "up_to"), ("fewer than", "up_to"), ("under", "up_to"), ("below", "up_to"),
           ("within", "up_to"), ("at least", "at_least"), ("no less than", "at_least"), ("not less than", "at_least"),
           ("no fewer than", "at_least"), ("a minimum of", "at_least"), ("minimum of", "at_least")]
_HEDGE_OF = {h: q for h, q in _HEDGES}
_HEDGE_BEFORE = re.compile(r"(?<![A-Za-z])(?P<hedge>" + "|".join(re.escape(h) for h, _ in
                           sorted(_HEDGES, key=lambda h: -len(h[0]))) + r")\s*(?:\(|of\s+)?$", re.IGNORECASE)
_TAIL_AFTER = [(r"\+(?!\d)|-plus\b", "more_than"), (r"\s+or\s+more\b|\s+or\s+above\b|\s+and\s+above\b", "at_least"),
               (r"\s+or\s+(?:less|fewer|below)\b", "up_to")]

_MONTHS = (r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
           r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_LABEL_BEFORE = re.compile(r"(?:\bNo\.?|\bNos\.?|\bNumber|#|\bArticle|\bArt\.|\bItem|\bClause|\bSection|\bChapter"
                           r"|\bParagraph|\bPart|\bRoom|\bFloor|\bBuilding|\bSuite|\bLevel|\bPhase|\bBatch|\bSession"
                           r"|\bTel\.?|\bPhone|\bFax|\bExt\.?|\bthe\s+top|\bRank(?:ed)?|\bFig(?:ure)?\.?|\bTable|\bChart|\bAppendix"
                           r"|\bAnnex|\bPage|\bpp?\.|\bVersion|\bv\.|\bIndustry|\bISO|\bTier|\bLine|\bGlobal|\bFortune)\s*$",
                           re.IGNORECASE)
_YEAR_CONTEXT = re.compile(r"(?:\b(?:in|by|of|since|until|till|before|after|during|from|through|end|early|mid|late"
                           r"|fiscal|year)\s+|[-–/])$", re.IGNORECASE)

_NUMBER = re.compile(r"(?<![\d.,])(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                     r"|\b(?P<word>" + "|".join(SMALL_NUMBERS) + r")\b)", re.IGNORECASE)
_CURRENCY_RE = re.compile(r"(?P<cur>US\$|HK\$|NT\$|USD|HKD|TWD|RMB|CNY|EUR|GBP|\$|€|£|¥)\s?$")
_SCALE_AFTER = re.compile(r"\s?(?P<scale>thousand|million|billion|trillion|bn|mn|mln)\b|(?P<short>[mk])\b",
                          re.IGNORECASE)
_RANGE = re.compile(r"\s*(?:–|—|-|~|to|and)\s*(?P<cur>US\$|HK\$|RMB|\$|€|£|¥)?\s?(?P<high>\d{1,3}(?:,\d{3})+(?:\.\d+)?"
                    r"|\d+(?:\.\d+)?|" + "|".join(SMALL_NUMBERS) + r")\b", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ENGLISH = "English"  # the first part of an English mention's note (``is_english``)


@dataclass
class Reading:
    """One English number: a quantity (``reason`` empty) or why it is none."""

    start: int  # the mention: hedge and currency included
    end: int
    number_start: int
    value: float | None
    high: float | None  # a range's upper end
    unit: str | None
    measure_word: str
    qualifier: str
    reason: str = ""


def _scale_letter(text: str, i: int) -> bool:
    """Whether the letter at ``i`` is Chinese web shorthand for a scale glued to digits (the k of ``5k平方米``, the w
    of ``3.2w``, ``4.7w ❤️ 2.1k``): a scale, no English word, so it does not make the number English."""
    return text[i] in "kKwW" and i > 0 and text[i - 1].isdigit() and not re.match(r"[A-Za-z]", text[i + 1:i + 2])


def in_english(text: str, start: int, end: int) -> bool:
    """Whether the letters nearest the number on its line, on both sides, are not Chinese and one is Latin (a scale
    glued to digits, ``5k``, ``3.2w``, is no letter here)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left_from = max(line_start, start - 30)
    left = next((c for i, c in reversed(list(enumerate(text[left_from:start], left_from)))
                 if c.isalpha() and not _scale_letter(text, i)), "")
    right = next((c for i, c in enumerate(text[end:min(line_end, end + 30)], end)
                  if c.isalpha() and not _scale_letter(text, i)), "")
    if _CJK.match(left) or _CJK.match(right):
        return False
    return bool(re.match(r"[A-Za-zÀ-ÿ]", left) or re.match(r"[A-Za-zÀ-ÿ]", right))


def _value(token: str) -> float:
    return float(SMALL_NUMBERS[token.lower()]) if token.lower() in SMALL_NUMBERS else float(token.replace(",", ""))


_DURATION_ADJECTIVES = re.compile(r"\s+(?:consecutive|straight|successive|full)(?=\s+(?:years?|months?|days?)\b)",
                                  re.IGNORECASE)


def _unit_after(text: str, pos: int) -> tuple[str | None, str, int]:
    adjective = _DURATION_ADJECTIVES.match(text, pos)  # three consecutive years: a length of time
    m = _UNIT_AFTER.match(text, adjective.end() if adjective else pos)
    if not m:
        return None, "", pos
    i = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
    return _UNITS_AFTER[i][1], m.group().strip(), m.end()


def _rejected(text: str, start: int, end: int, token: str, is_word: bool, has_unit: bool, hedged: bool) -> str:
    before, after = text[max(0, start - 20):start], text[end:end + 20]
    if not is_word and statistics_notation.sample_size(text, start):
        return ""  # N=1,300, a row N 1820 1820: a count of observations
    if not is_word and (stat := statistics_notation.statistic(text, start, end)):
        return stat[0]  # p<0.01, R² 0.214, ICS 03.080, DB37/T 4618—2023
    if not is_word:
        if re.match(r"[A-Za-z]", after) and not re.match(r"(?:bn|mn|mln|[mk]\b|m²|m2\b|km|sq|sqm|pp|pct|ha\b|mu\b)",
                                                          after, re.IGNORECASE):
            return "ordinal" if re.match(r"(?:st|nd|rd|th)\b", after) else "code"  # 3rd, 5G, 3D
        if re.search(r"[A-Za-z]-?$", before) and not _CURRENCY_RE.search(before):
            return "code"  # FM102.8, G20, COVID-19
        if re.fullmatch(r"(?:19|20)\d{2}", token) and _YEAR_CONTEXT.search(before) \
                or re.search(r"(?:19|20)\d{2}/$", before):
            return "year"  # in 2024, by 2026, 2023-2025, 2023/24
        if re.fullmatch(r"0\d+", token) or re.search(r"\d/$", before) or re.match(r"/\d", after):
            return "code"  # (0571) an area code, 3/4 a fraction or a code
        if re.search(r"\+$|\d[-–]$|\d\s$", before) or re.match(r"[-–]\d{3,}|\s\d{4}", after) \
                or len(token.replace(".", "")) >= 7 and "," not in token and not has_unit:
            return "phone_number"
        if re.match(r"[:：]\d{2}", after) or re.search(r"\d[:：]$", before) or re.match(r"\s*(?:a\.m\.|p\.m\.|am|pm)\b",
                                                                                      after, re.IGNORECASE):
            return "time"
        if re.search(_MONTHS + r"\s*$", before) or re.match(r"\s*(?:st|nd|rd|th)?\s*(?:of\s+)?" + _MONTHS + r"\b",
                                                            after):
            return "date"
        if re.fullmatch(r"(?:19|20)\d{2}", token) and not has_unit and not hedged and not _CURRENCY_RE.search(before):
            return "year"
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip() in ("", "(") and re.match(r"[.)、]\s", after):
            return "list_number"  # 1. …, (2) …
    if re.match(r"\s*min(?:ute)?s?\s+read\b", after, re.IGNORECASE):
        return "reading_time"  # 6 min read: a page's chrome
    if _LABEL_BEFORE.search(before):
        return "label_number"  # No. 3, Article 12, Room 306, the top 10
    duration = _DURATION_ADJECTIVE.match(text, end)
    if duration and duration.group("plan"):
        return "plan_name"  # a three-year action plan: a programme's name
    if is_word and token.lower() == "one" and not re.match(r"[\s-]+(?:years?|months?|days?)\b", after, re.IGNORECASE):
        return "vague"  # one of, one-stop: "a" more often than one
    if is_word and re.match(r"-(?!(?:years?|months?|days?)\b)", after):
        return "vague"  # two-way, three-dimensional
    return ""


def read(text: str) -> list[Reading]:
    """Every English number of a text, a quantity or not (``Reading.reason``)."""
    out: list[Reading] = []
    skip_to = 0
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        if start < skip_to or not in_english(text, start, end):
            continue
        token, is_word = m.group(), m.group("word") is not None
        before = text[max(0, start - 30):start]
        currency_m = _CURRENCY_RE.search(before)
        currency = _CURRENCY_BEFORE.get(currency_m.group("cur").upper() if currency_m else "", None) \
            if currency_m else None
        mention_start = start - len(currency_m.group()) if currency_m else start
        value, pos = _value(token), end
        high, factor, scale_word = None, 1.0, ""
        rng = _RANGE.match(text, pos)
        if rng and (rng.group().strip()[:3].lower() != "and" or re.search(r"between\s*$", before, re.IGNORECASE)) \
                and not re.fullmatch(r"(?:19|20)\d{2}", token):
            high, pos = _value(rng.group("high")), rng.end()
        scale = _SCALE_AFTER.match(text, pos)
        if scale and (scale.group("scale") or currency):
            factor = _SCALES.get((scale.group("scale") or "").lower()) or _SHORT_SCALES[scale.group("short").lower()]
            scale_word, pos = scale.group().strip(), scale.end()
        qualifier = "exact"
        for pattern, q in _TAIL_AFTER[:1]:
            tail = re.match(pattern, text[pos:])
            if tail:
                qualifier, pos = q, pos + tail.end()
        unit, measure_word, after_unit = _unit_after(text, pos)
        duration = _DURATION_ADJECTIVE.match(text, pos)
        if unit is None and duration and not duration.group("plan"):
            unit, measure_word, after_unit = duration.group(1).lower() + "s", duration.group(1), duration.end()
        if currency and unit in unit_codes.CURRENCIES:  # RMB 3 billion yuan: the currency once
            currency = None
        hedge = _HEDGE_BEFORE.search(text, max(0, mention_start - 25), mention_start)
        reason = _rejected(text, start, end, token, is_word, bool(unit or currency or scale_word), bool(hedge))
        if reason:
            out.append(Reading(start, end, start, None, None, None, "", "exact", reason))
            skip_to = end
            continue
        if currency:
            unit, measure_word = currency, currency_m.group("cur") if currency_m else ""
        else:
            unit = unit or "count"
            pos = after_unit
        if qualifier == "exact":
            for pattern, q in _TAIL_AFTER[1:]:
                tail = re.match(pattern, text[pos:], re.IGNORECASE)
                if tail:
                    qualifier, pos = q, pos + tail.end()
        if hedge and qualifier == "exact" and high is None:
            qualifier, mention_start = _HEDGE_OF[hedge.group("hedge").lower()], hedge.start()
        if is_word and unit == "count" and re.match(r"\s+of\b", text[end:]):
            continue  # two of them: a part of a whole counted elsewhere
        value, high = value * factor, (high * factor if high is not None else None)
        out.append(Reading(mention_start, pos, start, value, high, unit, measure_word or scale_word, qualifier))
        skip_to = pos
    shares = _fractions(text, [r for r in out if not r.reason])  # two-thirds: its "two" is no number of its own
    out = [r for r in out if not any(f.start < r.end and r.start < f.end for f in shares)]
    return sorted(out + shares, key=lambda r: r.start)


# a share said in words, in percent (one decimal, as a labeller writes it): a third 33.3, a fifth 20, two-thirds 66.7;
# a quarter and half only before "of" and never a period of a year (the first half, the third quarter)
_FRACTION_WORDS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10, "thirds": 3, "quarters": 4,
                   "fifths": 5}
_FRACTION = re.compile(r"\b(?P<num>a|one|two|three|four)[\s-]+(?P<den>third|fifth|tenth|thirds|quarters|fifths|quarter|half)\b"
                       r"|\b(?P<half>half)(?=\s+of\b)", re.IGNORECASE)
_PERIOD_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|next|this|each|per|latter|the)\s*$", re.IGNORECASE)


def _fractions(text: str, found: list[Reading]) -> list[Reading]:
    out = []
    for m in _FRACTION.finditer(text):
        if any(r.start < m.end() and m.start() < r.end for r in found) or not in_english(text, m.start(), m.end()) \
                or _PERIOD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        den = _FRACTION_WORDS[(m.group("den") or m.group("half")).lower()]
        num = 1 if m.group("half") or m.group("num").lower() in ("a", "one") else SMALL_NUMBERS[m.group("num").lower()]
        if num >= den or den in (2, 4) and not re.match(r"\s+of\b", text[m.end():]):
            continue
        hedge = _HEDGE_BEFORE.search(text, max(0, m.start() - 25), m.start())
        start, qualifier = (hedge.start(), _HEDGE_OF[hedge.group("hedge").lower()]) if hedge else (m.start(), "exact")
        out.append(Reading(start, m.end(), m.start(), round(100 * num / den, 1), None, "percent", m.group(), qualifier))
    return out


# --- the sentence around a number: its kind and year ---------------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<!\bNo)(?<!\bMr)(?<!\bDr)[.!?](?=\s|$)|\n")
_RULE = re.compile(r"\b(?:will|can|may|shall|could)\s+(?:\w+\s+){0,2}?(?:receive|get|be\s+(?:granted|awarded|given)|enjoy"
                   r"|claim)\b|\beligible\b|\bentitled\b|\b(?:award|reward|grant|subsidy|bonus)\s+of\b|\bcapped\s+at\b"
                   r"|\bper\s+(?:year|project|event|firm|enterprise|square)|\bfor\s+each\b|\beach\s+(?:newly|new)\b",
                   re.IGNORECASE)
_TARGET = re.compile(r"\b(?:will|aims?\s+to|aiming\s+to|plans?\s+to|target(?:s|ed)?|goal|strive|strives|expected\s+to"
                     r"|is\s+set\s+to|next\s+year|in\s+the\s+coming)\b", re.IGNORECASE)
_ACTUAL = re.compile(r"\b(?:has|have|had|was|were|so\s+far|to\s+date|as\s+of|already|currently|now|there\s+are"
                     r"|last\s+year|first\s+half|(?:held|built|hosted|graduated|raised|attracted|received|reached"
                     r"|drew|totall?ed|grew|rose))\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?P<by>by|until|to)?\s*(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, pos - 600), pos)]
    start = starts[-1] if starts else max(0, pos - 600)
    m = _SENTENCE_END.search(text, pos)
    return start, (m.end() if m else len(text))


def _kind_and_year(sentence: str, offset: int, unit: str | None, doc_year: int | None, default: str
                   ) -> tuple[str, int | None, str]:
    """(kind, year, the cue) of a number at ``offset`` in its English sentence, in the Chinese extractor's order: a
    rule's amount, money (funding), a status, a target (``will``, ``by 2026``), else the year against the document's."""
    years = [(m.start(), int(m.group("year")), bool(m.group("by") and m.group("by").lower() == "by"))
             for m in _YEAR.finditer(sentence)]
    before = [y for y in years if y[0] < offset]  # the last year before the number, else the first after it
    _, year, target_year = before[-1] if before else years[0] if years else (0, None, False)
    target_year = target_year and (doc_year is None or year is None or year > doc_year)  # by the end of 2023, in 2024
    if re.search(r"\blast\s+year\b", sentence, re.IGNORECASE) and doc_year is not None:
        year = year or doc_year - 1
    if (rule := _RULE.search(sentence)) and offset >= rule.start() - 40:
        return "rule", None, rule.group()
    if unit_codes.DIMENSIONS.get(unit or "") == "money":
        return "funding", year or doc_year, "money"
    if (actual := _ACTUAL.search(sentence)) and not target_year:
        return "actual", year or doc_year, actual.group()
    target = _TARGET.search(sentence)
    if target_year or target:
        return "target", year, target.group() if target and not target_year else f"by {year}"
    if doc_year is not None and year is not None:
        return ("target" if year > doc_year else "actual"), year, f"the year {year}"
    return default, year or doc_year, ""


def is_english(m: Mention) -> bool:
    """Whether a mention was read by this module (the figure drafter reads its noun in English)."""
    return m.note.split("; ")[0] == ENGLISH


def mentions(cleaned: Cleaned, doc: str = "", doc_year: int | None = None, include_all: bool = False,
             default_kind: str = "other") -> list[Mention]:
    """The English quantities of a cleaned text as the extractor's mentions (the rest as ``not_a_quantity`` when
    ``include_all``)."""
    text = cleaned.text
    out: list[Mention] = []
    for r in read(text):
        s0, s1 = _sentence(text, r.number_start)
        sentence = text[s0:s1].strip()
        rs, re_ = cleaned.raw_span(r.start, r.end)
        if r.reason:
            if include_all:
                out.append(Mention(doc, r.start, r.end, rs, re_, text[r.start:r.end], None, None, "", "exact", None,
                                   None, None, "not_a_quantity", sentence, r.reason))
            continue
        kind, year, cue = _kind_and_year(text[s0:s1], r.number_start - s0, r.unit, doc_year, default_kind)
        qualifier, low, high, value = bounds(r.qualifier, r.value, r.high)
        note = with_note(ENGLISH, f"kind from '{cue}'") if cue else ENGLISH
        out.append(Mention(doc, r.start, r.end, rs, re_, text[r.start:r.end], value, r.unit, r.measure_word, qualifier,
                           low, high, year, kind, sentence, note))
    return out
