"""A numeral a scan lost (``囗``, ``□``, ``■`` where a digit was: ``星创天地囗家``), recovered where the text says it
twice: a total and a breakdown of it (``等3家…其中众创空间2家、星创天地囗家``: 3 − 2 = 1). The lost part is the total
less the parts the breakdown states, in the same measure word; where no total stands before the breakdown (``每年最高
囗万元``) nothing is recovered and the glyph stays no number. ``analysis.quantities`` reads the numbers; this module
adds the mention of a lost one, its year and kind those of the part beside it."""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.cleaning import Cleaned
from analysis.quantity_mention import Mention, with_note

__all__ = ["LOST", "with_recovered"]

LOST = "囗□■"  # a box a scan or a typist puts where a numeral could not be read
_BREAKDOWN = re.compile(r"其中")
_REACH = 80  # characters from the breakdown back to its total, and from the lost numeral back to the breakdown


def with_recovered(cleaned: Cleaned, mentions: list[Mention]) -> list[Mention]:
    """The mentions, in text order, with each lost numeral a total and its other parts recover (the parts of the
    breakdown, before the lost one and after it to the sentence's end, are taken to be all of the total: the text
    of a breakdown under 其中 lists them all, which no reader can check)."""
    text = cleaned.text
    found = []
    for m in re.finditer(f"[{LOST}]", text):
        recovered = _recover(cleaned, mentions, m.start())
        if recovered is not None:
            found.append(recovered)
    return sorted(mentions + found, key=lambda q: q.start) if found else mentions


def _recover(cleaned: Cleaned, mentions: list[Mention], at: int) -> Mention | None:
    text = cleaned.text
    breakdown = [b for b in _BREAKDOWN.finditer(text, max(0, at - _REACH), at) if not re.search("[。；;]", text[b.end():at])]
    if not breakdown:
        return None
    split = breakdown[-1].start()
    stop = re.compile("[。；;]").search(text, at)
    parts = [q for q in mentions if split < q.start < (stop.start() if stop else len(text)) and q.measure_word
             and q.value is not None]
    word = parts[-1].measure_word if parts else ""
    if not word or not text.startswith(word, at + 1) or any(q.qualifier != "exact" for q in parts):
        return None
    parts = [q for q in parts if q.measure_word == word]
    totals = [q for q in mentions if split - _REACH < q.start < split and q.measure_word == word and q.qualifier == "exact"
              and q.value is not None and not re.search("[。；;]", text[q.end:split])]
    if not totals:
        return None
    total = totals[-1].value
    assert total is not None  # totals hold only mentions with a value
    value = total - sum(q.value or 0.0 for q in parts)
    if value <= 0:
        return None
    end = at + 1 + len(word)
    rs, re_ = cleaned.raw_span(at, end)
    note = with_note(parts[-1].note if parts[-1].note.startswith("year") else "",
                     f"a numeral lost in the scan ({text[at]}): the total {total:g} less the other parts = {value:g}")
    return replace(parts[-1], start=at, end=end, raw_start=rs, raw_end=re_, text=text[at:end], value=value, low=value,
                   high=value, note=note)
