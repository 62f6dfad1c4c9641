"""What an English number counts (a bilingual press release's English paragraphs), for the figure drafter: the
English counterpart of ``analysis.counting``, which reads Chinese clauses with jieba and cannot read these.

- **the counted noun**: the words after the number up to a verb, a preposition or a mark (``312 incubators and maker
  spaces``, ``426 firms graduated``); for an area or money the phrase after ``of`` (``2.1 million square meters of
  incubation space``), else the words before it in the sentence (``a one-off award of up to 5 million yuan``). The
  English words of each indicator are in ``english_words.csv`` (the codebook's ``indicators.csv`` has one English
  label per indicator, not the words a text uses); the number's unit decides between indicators, as in Chinese. Two
  carriers together (``incubators and maker spaces``) are the codebook's umbrella; ``Of these, 67 are
  national-level`` is a subset of the number before it in the paragraph;
- **the level**: ``national-level``, ``provincial``, ``municipal`` … in the noun phrase (own) or, for a rule's money,
  in the recipient before it;
- **the kind**: the English extractor's cue (``will``, ``by 2026``, ``has``, ``last year``, ``will receive``:
  ``analysis.quantities_english``), which the drafter takes as a cue.

Every reading carries the caveat ``english``: the calibration has no reviewed English document to say how often
such readings are right, so no English draft reaches the confident band (``calibration.may_be_high``).
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources

from analysis import units
from analysis.counting import Reading
from analysis.quantity_mention import Mention

__all__ = ["EnglishReader", "words"]

_STOP_WORDS = (r"are|is|was|were|be|been|will|would|can|could|may|have|has|had|in|by|from|with|over|at|to|for|on|per"
               r"|each|which|that|who|this|these|across|during|since|under|into|through|raised|drawing|received|got"
               r"|host|hosted|provide|provided|reach|reached")
_PHRASE_END = re.compile(rf"[.,;:!?()\[\]\"“”\n\d]|\s(?:{_STOP_WORDS})\b", re.IGNORECASE)  # 86 incubators and 112 …
_SUBSET_BEFORE = re.compile(r"\b(?:of\s+(?:these|them|which)|among\s+(?:these|them|which)|including)\s*,?\s*$",
                            re.IGNORECASE)
_BUDGET_VERB = re.compile(r"\b(?:invest|invests|invested|allocate|allocates|allocated|earmark|earmarked|set\s+aside"
                          r"|budgeted|spend|spends|spent)\b", re.IGNORECASE)
_GRANT_VERB = re.compile(r"\b(?:receive|receives|get|gets|granted|awarded|paid|subsidi[sz]ed)\b", re.IGNORECASE)
_KIND_CUE = re.compile(r"kind from '([^']*)'")
_REACH = 160  # characters of the sentence before the number read for a noun or a recipient
_PARENT_REACH = 300  # characters back to the number a subset (Of these, …) belongs to


@functools.lru_cache(maxsize=1)
def words() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """((word, indicator) …, (word, scope) …) from ``english_words.csv``, longest word first."""
    with resources.files("analysis").joinpath("english_words.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    table = {field: [(w.strip().lower(), r["code"]) for r in rows if r["field"] == field
                     for w in r["words"].split("|") if w.strip()] for field in ("indicator", "scope")}
    return tuple(sorted(table["indicator"], key=lambda w: -len(w[0]))), \
        tuple(sorted(table["scope"], key=lambda w: -len(w[0])))


def _find(table, phrase: str) -> list[tuple[int, str, str]]:
    """(position, word, code) of each word of ``table`` in ``phrase``, longest first, not overlapping."""
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    low = phrase.lower()
    for word, code in table:
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", low):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                found.append((m.start(), word, code))
                taken.append(m.span())
    return sorted(found)


class EnglishReader:
    """Reads what an English number counts, its level and kind; built from the codebook's units and umbrellas."""

    def __init__(self, indicator_units: dict[str, str], umbrellas: list[tuple[str, set[str]]]):
        self.units = indicator_units
        self.umbrellas = umbrellas
        aliases, self.levels = words()
        self.aliases = tuple((w, c) for w, c in aliases if c in indicator_units)
        self.seen: list[tuple[int, Reading]] = []  # (position, reading) of the document's English numbers so far

    def _named(self, phrase: str, unit: str) -> list[tuple[str, str]]:
        """(word, indicator) of the indicators of ``unit`` the phrase names, in order."""
        table = tuple((w, c) for w, c in self.aliases if self.units.get(c) == unit)  # 补助 is a subsidy or its rate
        return [(w, c) for _, w, c in _find(table, phrase)]

    def _level(self, phrase: str, nearest_last: bool = False) -> tuple[str, str] | None:
        found = _find(self.levels, phrase)
        return (found[-1 if nearest_last else 0][2], found[-1 if nearest_last else 0][1]) if found else None

    def read(self, text: str, m: Mention, unit: str) -> Reading:
        """How the English mention ``m`` (unit as the drafter compares it) is read. One reader per document: a subset
        (``Of these, 67 are national-level``) keeps the indicator of the English number before it, up to
        ``_PARENT_REACH`` characters back (English sentences are lines of their own in a release)."""
        line_start = text.rfind("\n", 0, m.start) + 1
        sentence_start = max([line_start] + [i + 2 for i in (text.rfind(". ", line_start, m.start),) if i >= 0])
        read = self._read(text, m, unit, sentence_start, [r for at, r in self.seen if m.start - at <= _PARENT_REACH],
                          [r for at, r in self.seen if at >= sentence_start])
        self.seen.append((m.start, read))
        return read

    def _read(self, text: str, m: Mention, unit: str, sentence_start: int, previous: list[Reading],
              in_sentence: list[Reading]) -> Reading:
        number_end = m.end if m.unit in units.CURRENCIES or unit in ("m2", "percent") or m.measure_word == "" \
            else m.end - len(m.measure_word)
        before = text[max(sentence_start, m.start - _REACH):m.start]
        before = before[before.rfind(";") + 1:]  # …each; national-level ones up to RMB 3 million: the clause
        rest = text[number_end:text.find("\n", number_end) if "\n" in text[number_end:] else len(text)]
        if unit not in ("count", "person"):  # 2 million square metres of incubation space, 143 million yuan in subsidies
            linked = re.match(r"\s*(?:\([^)]*\)\s*)?(?:of|in|for)\s" if unit == "CNY" else r"\s*(?:\([^)]*\)\s*)?of\s",
                              rest)
            rest = " " + rest[linked.end():] if linked else ""
        end = _PHRASE_END.search(rest)
        phrase = rest[:end.start() if end else len(rest)].strip()
        notes: list[str] = []
        caveats = ["english"]
        named = self._named(phrase, unit) if phrase else []
        evidence = "object" if named else "none"
        indicator = named[0][1] if named else None
        noun = phrase if named else ""
        parent = next((r for r in reversed(previous) if r.indicator and self.units.get(r.indicator) == unit), None)
        if len({c for _, c in named}) > 1:
            umbrella = next((code for code, parts in self.umbrellas if {c for _, c in named} <= parts), None)
            if umbrella:
                indicator, evidence = umbrella, "umbrella"
                notes.append(f"'{phrase}' names several carriers together: the umbrella indicator")
            else:
                caveats.append("coordinated")
                notes.append(f"'{phrase}' names several things and no indicator counts them together: the first")
        elif not named and _SUBSET_BEFORE.search(before) and parent is not None:
            indicator, evidence, noun = parent.indicator, "subset", parent.noun
            notes.append(f"a subset of '{parent.noun or parent.indicator}' before it ('{before.strip()[-12:]}')")
        elif not named:
            near = self._named(before, unit)
            if near:
                indicator, evidence, noun = near[-1][1], "nearest", near[-1][0]
                notes.append(f"indicator from the nearest '{near[-1][0]}' before the number (no counted noun after it)")
            elif unit == "CNY" and _BUDGET_VERB.search(before):
                indicator, evidence = "programme_budget", "rule_money"
                notes.append("money a government invests or sets aside: a programme's budget")
            elif unit == "CNY" and _GRANT_VERB.search(before):
                indicator, evidence = "subsidies", "rule_money"
                notes.append("money carriers receive or are paid: a subsidy")
            elif (same := next((r for r in reversed(in_sentence) if r.indicator and self.units.get(r.indicator) == unit),
                               None)) is not None:
                indicator, evidence, noun = same.indicator, "nearest", same.noun
                caveats.append("parallel")
                notes.append(f"no noun or verb in its clause: the {unit} of the clause before it ({same.indicator})")
        if indicator and evidence == "object":
            notes.append(f"counts '{phrase}' (the words after the number)")
        scope, scope_evidence, scope_cue = "all", "none", ""
        own = self._level(phrase) or (self._level(rest[:40]) if evidence == "subset" else None)
        recipient = self._level(before, nearest_last=True) if unit == "CNY" and (
            _GRANT_VERB.search(before) or "parallel" in caveats) else None
        if own:
            scope, scope_cue = own
            scope_evidence = "own"
        elif recipient:
            scope, scope_cue = recipient
            scope_evidence = "rule_recipient"
        if scope_cue:
            notes.append(f"scope {scope} from '{scope_cue}'")
        cue = _KIND_CUE.search(m.note)
        kind = m.kind if cue and m.kind in ("target", "actual", "funding", "rule") else None
        if kind:
            notes.append(f"kind {kind} from '{cue.group(1)}'" if cue else f"kind {kind}")
        reason = ""
        if indicator is None:
            reason = (f"the counted noun '{phrase}' is not an indicator of the codebook" if phrase and unit not in
                      units.DURATIONS else f"no indicator measured in {unit} is named near the number")
        return Reading(indicator or "", noun, evidence, scope, scope_evidence, kind, cue.group(1) if cue and kind else "",
                       None, notes, reason, scope_cue, None, caveats)

