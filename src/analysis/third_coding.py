"""A third, blind coding of 76 clauses at codebook version 1.1, and what it says about the
consensus.

``data/curated/instruments_coder3.csv`` (copied unchanged from the shared coding folder) codes
the 31 clauses on which the first two codings disagreed and 45 drawn at random from those on
which they agreed, by a coder who saw neither earlier coding nor the consensus, only the texts
and codebook 1.1 with its rules R1-R8. Since R1-R8 restate the second coder's own decision
rules, its agreement with the consensus measures whether version 1.1 is applied reproducibly by
someone who did not write it, not whether the adjudication was independent of the second coder.

``agreement`` reuses the two coders' agreement statistics (``agreement.intercoder``: Cohen's
κ and Krippendorff's α with 95% bootstrap intervals, at type and sub-tool level, with and
without the codebook's example clauses, and measure versus none) for the third coding against
the consensus and against each coder, over the 76 clauses, the disputed 31 and the 45 controls.
``against_two`` lists the clauses where the consensus has a primary code that two other codings,
agreeing with each other, do not: each must carry a decision (the adjudication or the rule
review), and the table shows it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import instrument_tables, instruments, links, paths, schema
from analysis.agreement import intercoder
from analysis.errors import DataError
from analysis.i18n import columns, record, word
from analysis.tables import read_rows

__all__ = ["coder3_path", "load_third_coding", "agreement", "agreement_table", "against_two", "against_two_table",
           "SUBSETS"]

SUBSETS = ("all 76", "disputed 31", "agreed 45")  # the clauses drawn, as the shared README describes them


def coder3_path() -> Path:
    return paths.curated_dir() / "instruments_coder3.csv"


def load_third_coding(framework, all_clauses: pd.DataFrame, path: Path | None = None) -> pd.DataFrame:
    """The third coding, checked: the data package's schema, known clauses, codes of the framework."""
    path = Path(path or coder3_path())
    where = paths.relative(path)
    rows = read_rows(path, schema.field_names("instruments-coder3"), "third coding")
    schema.check_rows("instruments-coder3", list(enumerate(rows, 1)), where, "clause_id", foreign_keys=False)
    known = set(all_clauses["clause_id"])
    for n, row in enumerate(rows, 1):
        def fail(field, message, n=n, row=row):
            raise DataError(message, file=where, row=f"{n} ({row.get('clause_id') or 'no clause_id'})", field=field)

        if row["clause_id"] not in known:
            fail("clause_id", f"no clause '{row['clause_id']}' in the corpus")
        for col in ("primary", "secondary"):
            if row[col] and row[col] != instruments.NONE and row[col] not in framework.subtools:
                fail(col, f"unknown code '{row[col]}' in framework {framework.name} {framework.version}")
    frame = pd.DataFrame(rows).merge(all_clauses[["clause_id", "doc_id", "region", "text"]], on="clause_id")
    frame["type"] = frame["primary"].map(framework.type_of)
    return frame


def agreement(third: pd.DataFrame, codings: dict[str, pd.DataFrame], framework, disputed: set[str],
              n_boot: int = 1000, seed: int = 20261121) -> pd.DataFrame:
    """The third coding against each of ``codings`` (name -> coding), as numbers: per subset of
    the clauses drawn (``SUBSETS``) and level, agreement, κ and α with their intervals."""
    drawn = set(third["clause_id"])
    subsets = {SUBSETS[0]: drawn, SUBSETS[1]: drawn & disputed, SUBSETS[2]: drawn - disputed}
    keep = {("type", "all clauses"), ("type", "without the codebook's examples"), ("sub-tool", "all clauses"),
            ("sub-tool", "without the codebook's examples"), ("measure vs none", "all clauses")}
    frames = []
    for name, coding in codings.items():
        for subset, ids in subsets.items():
            stats = intercoder(coding[coding["clause_id"].isin(ids)], third[third["clause_id"].isin(ids)],
                                           framework, n_boot, seed)
            stats = stats[[(lv, s) in keep for lv, s in zip(stats["level"], stats["subset"], strict=False)]]
            frames.append(stats.rename(columns={"subset": "examples"}).assign(**{"with": name, "clauses drawn": subset}))
    out = pd.concat(frames, ignore_index=True)
    return out[["with", "clauses drawn", "level", "examples"] + [c for c in out.columns
                                                                 if c not in ("with", "clauses drawn", "level", "examples")]]


def agreement_table(stats: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The agreement for reading: estimates with their intervals, two decimals."""
    table = instrument_tables.intercoder_table(stats.rename(columns={"examples": "subset"}), lang)
    index = [(word(w, lang), _drawn(d, lang)) for w, d in zip(stats["with"], stats["clauses drawn"], strict=False)]
    table = table.reset_index()
    table.insert(0, word("third coder against", lang), [i[0] for i in index])
    table.insert(1, word("clauses drawn", lang), [i[1] for i in index])
    return table.set_index(list(table.columns[:4]))


def _drawn(sample: str, lang: str) -> str:
    """A sample of clauses in words: "all 76", "disputed 31" (全部76个, 有分歧的31个)."""
    kind, _, n = sample.rpartition(" ")
    if lang != "zh" or kind not in ("all", "disputed", "agreed") or not n.isdigit():
        return sample
    return f"{word(kind, lang)}{n}个"


def against_two(consensus: pd.DataFrame, codings: dict[str, pd.DataFrame], adjudication: pd.DataFrame,
                review: pd.DataFrame) -> pd.DataFrame:
    """Clauses whose consensus primary code differs from a code two other codings agree on
    (``codings``: name -> coding; a coding that did not code a clause has no say), with the
    decision recorded for it: the adjudication's or the rule review's reason, else empty."""
    primary = {name: dict(zip(c["clause_id"], c["primary"], strict=False)) for name, c in codings.items()}
    adjudicated = adjudication.set_index("clause_id")
    changed = review[review["decision"] == "change"].drop_duplicates("clause_id").set_index("clause_id")
    rows = []
    for r in consensus.itertuples():
        codes = {name: p[r.clause_id] for name, p in primary.items() if r.clause_id in p}
        for code in sorted(set(codes.values())):
            agreeing = [n for n, c in codes.items() if c == code]
            if len(agreeing) < 2 or code == r.primary:
                continue
            if r.clause_id in adjudicated.index:
                decided, reason = "adjudication", adjudicated.at[r.clause_id, "reason"]
            elif r.clause_id in changed.index:
                decided, reason = "rule review", changed.at[r.clause_id, "reason"]
            else:
                decided, reason = "", ""
            rows.append({"clause_id": r.clause_id, "consensus": r.primary, "agreeing codings": " + ".join(agreeing),
                         "their code": code, "decided by": decided, "reason": reason, "text": r.text})
    return pd.DataFrame(rows, columns=["clause_id", "consensus", "agreeing codings", "their code", "decided by",
                                       "reason", "text"])


def against_two_table(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """``against_two`` for reading: clauses linked to the viewer, reasons marked as English records."""
    table = frame.assign(
        clause_id=[links.clause(c, c) for c in frame["clause_id"]],
        reason=frame["reason"].map(lambda v: record(v, "en", lang)),
        **{"agreeing codings": frame["agreeing codings"].map(
            lambda v: "、".join(word(n, lang) for n in v.split(" + ")) if lang == "zh" else v),
           "decided by": frame["decided by"].map(lambda v: word(v, lang))})
    return columns(table, lang)
