"""One quantity mention as the extractors give it (``analysis.quantities`` for Chinese, ``analysis.quantities_english``
for English), its qualifiers and kinds, and the bounds a qualifier gives. A leaf: both extractors build the same
record without importing each other."""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["Mention", "QUALIFIERS", "KINDS", "LOWER_BOUND", "UPPER_BOUND", "bounds", "with_note"]

QUALIFIERS = ("exact", "at_least", "more_than", "almost", "approx", "up_to", "range", "ambiguous")
LOWER_BOUND = ("more_than", "at_least")  # the stated value is a lower bound of the true one
UPPER_BOUND = ("almost", "up_to")  # ... an upper bound
KINDS = ("target", "actual", "funding", "rule", "other", "not_a_quantity")


@dataclass
class Mention:
    doc: str
    start: int  # offsets in the cleaned text
    end: int
    raw_start: int  # byte offsets in the text as given
    raw_end: int
    text: str
    value: float | None
    unit: str | None
    measure_word: str
    qualifier: str
    low: float | None
    high: float | None
    year: int | None
    kind: str
    sentence: str
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def bounds(qualifier: str, value: float | None, range_high: float | None
           ) -> tuple[str, float | None, float | None, float | None]:
    """(qualifier, low, high, value) from the qualifier: a range has bounds and no value."""
    if range_high is not None:
        return "range", value, range_high, None
    if qualifier == "exact":
        return qualifier, value, value, value
    if qualifier in LOWER_BOUND:
        return qualifier, value, None, value
    if qualifier in UPPER_BOUND:
        return qualifier, None, value, value
    return qualifier, None, None, value


def with_note(note: str, more: str) -> str:
    return (note + "; " if note else "") + more
