"""Paragraphs, sentences and clauses of a cleaned text, with stable ids.

Ids: ``<doc>:<para>`` for a paragraph, ``<doc>:<para>.<sentence>`` for a
sentence, ``<doc>:<para>.<sentence>.<clause>`` for a clause, all 1-based. A
paragraph is a line of the cleaned text; a sentence ends at 。！？ (or ! ? before
white space or the end of the paragraph: a bare "?" inside Chinese text is a
character lost in the web copy, not a question); a clause ends at a semicolon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Segment", "segment", "LEVELS"]

LEVELS = ("paragraph", "sentence", "clause")

_SENTENCE = re.compile(r".+?(?:[。！？]+|[!?]+(?=\s|$)|$)[”’」』)）]*", re.S)
_CLAUSE = re.compile(r".+?(?:[；;]+|$)", re.S)


@dataclass(frozen=True)
class Segment:
    id: str
    level: str
    para: int
    sentence: int | None
    clause: int | None
    start: int  # offsets in the cleaned text
    end: int
    text: str


def _pieces(pattern: re.Pattern, text: str, offset: int):
    for m in pattern.finditer(text):
        piece = m.group()
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        if stripped:
            yield offset + m.start() + lead, offset + m.start() + lead + len(stripped), stripped


def segment(doc_id: str, text: str) -> list[Segment]:
    """All paragraphs, sentences and clauses of ``text``, in document order
    (each paragraph followed by its sentences, each sentence by its clauses)."""
    out: list[Segment] = []
    pos = 0
    para_no = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        para_no += 1
        out.append(Segment(f"{doc_id}:{para_no}", "paragraph", para_no, None, None, start, start + len(line), line))
        for s_no, (s0, s1, s_text) in enumerate(_pieces(_SENTENCE, line, start), 1):
            sid = f"{doc_id}:{para_no}.{s_no}"
            out.append(Segment(sid, "sentence", para_no, s_no, None, s0, s1, s_text))
            for c_no, (c0, c1, c_text) in enumerate(_pieces(_CLAUSE, s_text, s0), 1):
                out.append(Segment(f"{sid}.{c_no}", "clause", para_no, s_no, c_no, c0, c1, c_text))
    return out
