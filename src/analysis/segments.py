"""Paragraphs, sentences and clauses of a cleaned text, with stable ids.

Ids: ``<doc>:<para>`` for a paragraph, ``<doc>:<para>.<sentence>`` for a
sentence, ``<doc>:<para>.<sentence>.<clause>`` for a clause, all 1-based. A
paragraph is a line of the cleaned text; a sentence ends at 。！？ (or ! ? before
white space or the end of the paragraph: a bare "?" inside Chinese text is a
character lost in the web copy, not a question); a clause ends at a semicolon.
"""

from __future__ import annotations

import re
from collections.abc import Collection
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


# --- ids: built and parsed here only -----------------------------------------------------------------
def segment_id(doc_id: str, para: int, sentence: int | None = None, clause: int | None = None) -> str:
    """``<doc>:<para>[.<sentence>[.<clause>]]``."""
    return f"{doc_id}:{para}" + "".join(f".{n}" for n in (sentence, clause) if n is not None)


def parse_id(sid: str) -> tuple[str, int, int | None, int | None]:
    """(doc_id, paragraph, sentence, clause) of a segment id (None for the levels it does not have)."""
    doc, _, local = sid.rpartition(":")
    numbers: list[int | None] = [int(x) for x in local.split(".")]
    numbers += [None] * (3 - len(numbers))
    para = numbers[0]
    assert para is not None
    return doc, para, numbers[1], numbers[2]


def document_of(sid: str) -> str:
    return sid.rpartition(":")[0]


def of_documents(numbered_rows: list[tuple[int, dict]], documents: Collection[str] | None) -> list[tuple[int, dict]]:
    """The ``(row number, row)`` pairs whose ``clause_id`` is of one of ``documents`` (every
    pair when None): a region's report checks and uses the codings of its own documents."""
    if documents is None:
        return numbered_rows
    keep = set(documents)
    return [(n, row) for n, row in numbered_rows if document_of(row.get("clause_id", "")) in keep]


def paragraph_key(sid: str) -> tuple[str, int]:
    """(doc_id, paragraph) of a sentence or clause: the key clauses of one paragraph share."""
    doc, para, _, _ = parse_id(sid)
    return doc, para


def paragraph_of(sid: str) -> str:
    """The id of the paragraph a sentence or clause is in."""
    doc, para, _, _ = parse_id(sid)
    return segment_id(doc, para)


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
        out.append(Segment(segment_id(doc_id, para_no), "paragraph", para_no, None, None, start, start + len(line),
                           line))
        for s_no, (s0, s1, s_text) in enumerate(_pieces(_SENTENCE, line, start), 1):
            out.append(Segment(segment_id(doc_id, para_no, s_no), "sentence", para_no, s_no, None, s0, s1, s_text))
            for c_no, (c0, c1, c_text) in enumerate(_pieces(_CLAUSE, s_text, s0), 1):
                out.append(Segment(segment_id(doc_id, para_no, s_no, c_no), "clause", para_no, s_no, c_no, c0, c1,
                                   c_text))
    return out
