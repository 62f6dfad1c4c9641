"""A figure draft's fields from the reading of its clause (``analysis.counting``) and the extractor's mention.

Split from ``analysis.counting`` (which reads the clause) to keep each module short: here the reading's
kind meets the extractor's (a plan period over before the document, a section's kind, a status cue against a
later target year), the year is chosen, and the evidence string ``how|level|kind|year|caveats`` is written
for ``analysis.calibration``.
"""

from __future__ import annotations

from dataclasses import replace

from analysis import clause_kind
from analysis.counting import Reading

__all__ = ["decide"]


def decide(read: Reading, mention, doc_year: int, column: str = "") -> tuple[str | None, str, str, int, list[str], str,
                                                                         str]:
    """A draft's (indicator, scope, kind, year, notes, out-of-scope reason, evidence) from the
    reading of its clause and the extractor's mention (whose kind and year stand where the
    clause has no cue; ``column``: the header of the table column the number is a cell of, whose
    kind and year the extractor read, ``analysis.table_cells``). The evidence names how each was
    found: ``how|level|kind|year``."""
    notes = list(read.notes)
    if column:
        # 指标 2020年基期 2025年目标: the column says base or target, whatever the section's heading says
        kind, kind_evidence = mention.kind, "column"
        if kind == "actual" and mention.unit == "CNY":
            kind = "funding"  # 专项资金（亿元） 0.8 under 2025年: money of a status year is funding, as in a sentence
        notes.append(f"kind {kind} and year from the table's column '{column}'")
    elif read.kind == "rule" or (mention.unit == "CNY" and not _money_target(read)):
        kind = read.kind if read.kind in ("rule", "funding") else "funding"
        kind_evidence = "cue" if read.kind in ("rule", "funding") else "unit"
        if read.kind_cue.startswith("section: "):
            kind_evidence = "section"  # a condition read from the heading it stands under, not its own words
    elif read.kind == "target" and clause_kind.PERIOD.search(read.kind_cue) and read.period_end \
            and read.period_end < doc_year:
        # "十三五"期间…增加到71家 in a 2021 document: the period is over, the figure is its outcome
        kind, kind_evidence = "actual", "cue"
        mention = replace(mention, year=mention.year if mention.year and mention.year <= read.period_end
                          else read.period_end)
        notes.append(f"'{read.kind_cue}' ended in {read.period_end}, before the document: a status figure")
    elif read.kind and read.kind_cue.startswith(("section: ", "line before: ")):
        kind, kind_evidence = read.kind, "section"  # no cue in the sentence: the section or the line it continues
    elif read.kind:
        kind, kind_evidence = read.kind, "cue"
        later = mention.kind == "target" and kind == "actual" and mention.year and mention.year > doc_year
        if later and clause_kind.STRONG_STATUS.fullmatch(read.kind_cue):
            mention = replace(mention, year=doc_year)  # 已建成30家，力争到2025年…: a status as of the document
            notes.append(f"'{read.kind_cue}' marks a status: the document's year, not a target year later in the sentence")
        elif later:
            kind, kind_evidence = "target", "year"
    elif mention.kind in ("target", "actual", "funding", "rule"):
        kind, kind_evidence = mention.kind, "extractor"
        notes.append(f"kind {kind} from the extractor (no cue in the clause)")
    else:
        kind, kind_evidence = "actual", "default"
        notes.append("no cue either way: read as a status figure")
    year, year_evidence = (read.year, "period") if kind == "target" and read.year else (mention.year, "text")
    if year is None:
        year, year_evidence = doc_year, "document"
        notes.append("no year in the text: the document's year")
    evidence = f"{read.evidence}|{read.scope_evidence}|{kind_evidence}|{year_evidence}|{'+'.join(read.caveats)}"
    return (read.indicator or None, read.scope, kind, int(year), notes,
            read.out_of_scope_reason, evidence)


def _money_target(read: Reading) -> bool:
    """Money a speaker or a plan says is to grow to a level (双创资金要增加到三千万): a target, read from the 要 of the
    sentence itself. Other target cues stay funding: money to be paid or won in a year (全年兑现…资金不低于7000万元 under
    力争, 全年争取上级补助资金120万元) is what the labels of the tuning sets call funding."""
    return read.kind == "target" and read.kind_cue.startswith("要")
