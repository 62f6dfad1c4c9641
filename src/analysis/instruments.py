"""Policy instruments: the Rothwell-Zegveld codebook and the human codings of the corpus clauses.

``data/curated/instruments_framework.yml`` is the versioned codebook (a parameter of
the strategies notebook: another framework of the same shape can be swapped in).
``data/curated/instruments_hand.csv`` is the first coding: every clause of the reviewed
documents, with a primary sub-tool (and an optional secondary) or ``none`` when it states no
measure; ``instruments_coder2.csv`` the blind second coding; ``instruments_adjudication.csv``
settles their disagreements (``load_consensus``).

The codes the analyses use (human where reviewed, drafts elsewhere) are ``analysis.inuse``;
the coders' agreement ``analysis.agreement``; the comparison of regions
``analysis.comparison``; the notebooks' tables and sentences ``analysis.instrument_tables``;
the keyword coder ``analysis.keywordcoder``, the automatic coder ``analysis.autocoder``; the
unit of analysis (measures, not lines) ``analysis.measures``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import corpus, curation, inputs, paths, rule_review, schema, segments
from analysis.errors import DataError
from analysis.i18n import Text
from analysis.tables import read_rows, read_yaml

__all__ = ["NONE", "Framework", "framework_path", "load_framework", "clauses", "hand_path", "load_hand_coding",
           "validate_hand_rows", "adjudication_path", "load_adjudication", "load_consensus", "coder2_path",
           "load_second_coding", "codebook_examples"]


NONE = "none"
NO_MEASURE = Text("no measure", "无政策措施")  # the label of NONE


@dataclass
class Framework:
    name: str
    version: str
    types: dict[str, dict]  # type code -> {name_en, name_zh, definition}
    subtools: dict[str, dict]  # subtool code -> {type, name_en, name_zh, definition, keywords, ...}
    path: str = ""
    order: list[str] = field(default_factory=list)
    rules: dict[str, dict] = field(default_factory=dict)  # rule id -> {codes, text} (version 1.1 on)
    unit: dict = field(default_factory=dict)  # the unit of analysis' settings (analysis.measures)
    changelog: list[dict] = field(default_factory=list)

    def type_of(self, code: str) -> str:
        return NONE if code in (NONE, "", None) else self.subtools[code]["type"]

    def label(self, code: str, lang: str = "en") -> str:
        key = "name_zh" if lang == "zh" else "name_en"
        if code == NONE:
            return NO_MEASURE(lang)
        return (self.subtools.get(code) or self.types[code])[key]


def framework_path() -> Path:
    return paths.curated_dir() / "instruments_framework.yml"


def load_framework(path: Path | str | None = None) -> Framework:
    path = Path(path or framework_path())
    where = paths.relative(path)
    data = read_yaml(path, inputs.INSTRUMENTS_FRAMEWORK, "framework file")
    types, subtools, order = {}, {}, []
    for t in data["types"]:
        if t["code"] in types:
            raise DataError(f"duplicate type code '{t['code']}'", file=where, field="types")
        types[t["code"]] = {k: t.get(k, "") for k in ("name_en", "name_zh", "definition")}
        for s in t.get("subtools", []):
            if s["code"] in subtools or s["code"] == NONE:
                raise DataError(f"duplicate or reserved sub-tool code '{s['code']}'", file=where, field="subtools")
            missing = [k for k in ("name_en", "name_zh", "definition") if not s.get(k)]
            if missing:
                raise DataError(f"sub-tool '{s['code']}' lacks {', '.join(missing)}", file=where, field="subtools")
            subtools[s["code"]] = {**s, "type": t["code"], "keywords": list(s.get("keywords") or [])}
            order.append(s["code"])
    rules = {}
    for r in data.get("rules") or []:
        if not r.get("id") or not r.get("text"):
            raise DataError("every rule needs an id and a text", file=where, field="rules")
        if r["id"] in rules:
            raise DataError(f"duplicate rule id '{r['id']}'", file=where, field="rules")
        rules[r["id"]] = r
    return Framework(data["name"], str(data["version"]), types, subtools, where, order, rules,
                     dict(data.get("unit") or {}), list(data.get("changelog") or []))


def clauses(docs: list | None = None, cleaned: dict | None = None) -> pd.DataFrame:
    """Every clause of the corpus: clause_id, doc_id, region, start, end, text. ``cleaned``
    (doc_id -> cleaned text) spares cleaning again what a caller has cleaned already."""
    rows = []
    for d in docs if docs is not None else corpus.load_catalogue():
        text = cleaned[d.doc_id].text if cleaned and d.doc_id in cleaned else corpus.load_clean(d).text
        for s in segments.segment(d.doc_id, text):
            if s.level == "clause":
                rows.append({"clause_id": s.id, "doc_id": d.doc_id, "region": d.region, "genre": d.genre,
                             "start": s.start, "end": s.end, "text": s.text})
    return pd.DataFrame(rows, columns=["clause_id", "doc_id", "region", "genre", "start", "end", "text"])


def hand_path() -> Path:
    return paths.curated_dir() / "instruments_hand.csv"


def load_hand_coding(framework: Framework, path: Path | None = None, all_clauses: pd.DataFrame | None = None,
                     documents: Collection[str] | None = None) -> pd.DataFrame:
    """The hand coding, checked: every clause present once, text at its offsets, codes in the
    framework. ``documents``: only these documents' rows, checked against ``all_clauses`` (their
    clauses): a region's report reads its own (issue 22); None, every row, against the corpus."""
    path = Path(path or hand_path())
    where = paths.relative(path)
    rows = read_rows(path, ["clause_id", "start", "end", "primary", "secondary", "text"])
    all_clauses = all_clauses if all_clauses is not None else clauses()
    numbered = segments.of_documents(list(enumerate(rows, 1)), documents)
    seen = validate_hand_rows(numbered, framework, all_clauses, where)
    return _reviewed_coding([row for _, row in numbered], seen, framework, all_clauses, where)


def validate_hand_rows(numbered_rows: list[tuple[int, dict]], framework: Framework, all_clauses: pd.DataFrame,
                       where: str) -> set[str]:
    """Check coded clause rows (``(row number, row)`` pairs of the file ``where``): each a clause
    of the corpus, once, with its text at its offsets and codes of the framework. Returns the
    clause ids seen."""
    # required fields, integer offsets, one row per clause, known documents: the data package's schema
    schema.check_rows("instruments-hand", numbered_rows, where, "clause_id")
    known = all_clauses.set_index("clause_id")
    seen: set[str] = set()
    for n, row in numbered_rows:
        def fail(field, message, n=n, row=row):
            raise DataError(message, file=where, row=f"{n} ({row.get('clause_id') or 'no clause_id'})", field=field)

        cid = row.get("clause_id", "")
        if cid not in known.index:
            fail("clause_id", f"no clause '{cid}' in the corpus")
        seen.add(cid)
        k = known.loc[cid]
        if (int(row["start"]), int(row["end"])) != (k["start"], k["end"]) or row["text"] != k["text"]:
            fail("text", f"clause text or offsets differ from the corpus ({k['start']}:{k['end']})")
        for col in ("primary", "secondary"):
            code = row[col]
            if code and code != NONE and code not in framework.subtools:
                fail(col, f"unknown code '{code}' in framework {framework.name} {framework.version}")
        if row["secondary"] and (row["primary"] == NONE or row["secondary"] == row["primary"]):
            fail("secondary", "a secondary code needs a different primary code")
    return seen


def _reviewed_coding(rows: list[dict], seen: set[str], framework: Framework, all_clauses: pd.DataFrame,
                     where: str) -> pd.DataFrame:
    # every clause of a document whose instruments a person reviewed must be coded; the
    # clauses of the other documents are coded by code (``analysis.inuse.load_coding``)
    reviewed = curation.reviewed_documents("instruments")
    missing = sorted(set(all_clauses.loc[all_clauses["doc_id"].isin(reviewed), "clause_id"]) - seen)
    if missing:
        raise DataError(f"{len(missing)} clause(s) of a reviewed document not coded, e.g. {missing[0]} "
                        "(a re-cleaned text has new clause ids: review its instruments again)", file=where)
    frame = pd.DataFrame(rows, columns=["clause_id", "doc_id", "start", "end", "primary", "secondary", "text", "note",
                                        "framework_version"])
    frame = frame[frame["doc_id"].isin(reviewed)]
    frame = frame.merge(all_clauses[["clause_id", "region", "genre"]], on="clause_id")
    frame["type"] = frame["primary"].map(framework.type_of)
    return frame


def adjudication_path() -> Path:
    return paths.curated_dir() / "instruments_adjudication.csv"


def load_adjudication(framework: Framework, first: pd.DataFrame, second: pd.DataFrame,
                      path: Path | None = None, documents: Collection[str] | None = None) -> pd.DataFrame:
    """The adjudication table, checked against the two codings: one row for every clause whose
    primary codes differ and for no other, the coders' codes as they are in their files, a
    consensus code of the framework, and a rule of the codebook."""
    path = Path(path or adjudication_path())
    where = paths.relative(path)
    rows = read_rows(path, schema.field_names("instruments-adjudication"), "adjudication")
    # required fields, one row per clause, kept in coder1/coder2/neither, rule ids: the schema
    schema.check_rows("instruments-adjudication", list(enumerate(rows, 1)), where, "clause_id", foreign_keys=False)
    numbered = segments.of_documents(list(enumerate(rows, 1)), documents)  # a region's report: its own rows
    rows = [row for _, row in numbered]
    m = first[["clause_id", "primary"]].merge(second[["clause_id", "primary"]], on="clause_id", suffixes=("_1", "_2"))
    codes = {r.clause_id: (r.primary_1, r.primary_2) for r in m.itertuples()}
    disagree = {c for c, (a, b) in codes.items() if a != b}
    seen: set[str] = set()
    for n, row in numbered:
        def fail(field, message, n=n, row=row):
            raise DataError(message, file=where, row=f"{n} ({row.get('clause_id') or 'no clause_id'})", field=field)

        cid = row["clause_id"]
        seen.add(cid)
        if cid not in codes:
            fail("clause_id", f"'{cid}' is not a clause both coders coded")
        if cid not in disagree:
            fail("clause_id", f"the coders agree on {codes[cid][0]}: nothing to adjudicate")
        for col, actual in (("coder1", codes[cid][0]), ("coder2", codes[cid][1])):
            if row[col] != actual:
                fail(col, f"says {row[col]} but the coding says {actual} (was the coding changed?)")
        for col in ("primary", "secondary"):
            if row[col] and row[col] != NONE and row[col] not in framework.subtools:
                fail(col, f"unknown code '{row[col]}' in framework {framework.name} {framework.version}")
        if row["secondary"] and (row["primary"] == NONE or row["secondary"] == row["primary"]):
            fail("secondary", "a secondary code needs a different primary code")
        expected = {"coder1": codes[cid][0], "coder2": codes[cid][1]}.get(row["kept"])
        if (expected is not None and row["primary"] != expected) or (
                row["kept"] == "neither" and row["primary"] in codes[cid]):
            fail("kept", f"'{row['kept']}' does not match the consensus code {row['primary']}")
        if row["rule"] not in framework.rules and not _codebook_note(framework, row["rule"]):
            fail("rule", f"no rule '{row['rule']}' in the codebook {framework.path} (version {framework.version})")
    missing = sorted(disagree - seen)
    if missing:
        c = missing[0]
        raise DataError(f"{len(missing)} disagreement(s) not adjudicated, e.g. {c} (coder1 {codes[c][0]}, coder2 "
                        f"{codes[c][1]}): add a row saying which code is kept and why", file=where)
    return pd.DataFrame(rows, columns=["clause_id", "coder1", "coder2", "primary", "secondary", "kept", "rule",
                                       "reason"])


def _codebook_note(framework: Framework, ref: str) -> bool:
    """Whether ``ref`` names a sub-tool's note in the codebook (``E_REG.exclude``): a case the
    codebook's definitions settle without one of the rules."""
    code, _, note = ref.partition(".")
    return note in ("definition", "include", "exclude") and bool(framework.subtools.get(code, {}).get(note))


def load_consensus(framework: Framework, all_clauses: pd.DataFrame | None = None,
                   apply_rule_review: bool = True, documents: Collection[str] | None = None) -> pd.DataFrame:
    """The consensus coding: where both coders coded a clause, their primary code when they
    agree (with the first coder's secondary code, else the second's) and the adjudicated codes
    when they do not; where only the first coder coded it (a document reviewed later), the
    first coder's codes. Then the changes of the rule review (``analysis.rule_review``: the
    codebook's rules applied to every clause), unless ``apply_rule_review`` is false. ``source`` says
    which: agreed, adjudicated (rule), rule review (rule), one coder. ``documents``: only
    these documents' codings, checked against ``all_clauses`` (their clauses)."""
    all_clauses = all_clauses if all_clauses is not None else clauses()
    first = load_hand_coding(framework, all_clauses=all_clauses, documents=documents)
    second = load_second_coding(framework, all_clauses, documents=documents)
    adj = load_adjudication(framework, first, second, documents=documents).set_index("clause_id")
    second = second.set_index("clause_id")
    out = first.copy()
    sources = []
    for i, row in out.iterrows():
        cid = row["clause_id"]
        if cid in adj.index:
            out.at[i, "primary"] = adj.at[cid, "primary"]
            out.at[i, "secondary"] = adj.at[cid, "secondary"]
            sources.append(f"adjudicated ({adj.at[cid, 'rule']})")
        elif cid in second.index:
            if not row["secondary"] and second.at[cid, "secondary"] != row["primary"]:
                out.at[i, "secondary"] = second.at[cid, "secondary"]
            sources.append("agreed")
        else:
            sources.append("one coder")
    out["source"] = sources
    if apply_rule_review:
        review = rule_review.load_review(framework, set(out["clause_id"]), documents=documents)
        out = rule_review.apply_review(out, review, protected=set(adj.index))
    out["type"] = out["primary"].map(framework.type_of)
    return out


def coder2_path() -> Path:
    return paths.curated_dir() / "instruments_coder2.csv"


def load_second_coding(framework: Framework, all_clauses: pd.DataFrame | None = None,
                       path: Path | None = None, reviewed_only: bool = False,
                       documents: Collection[str] | None = None) -> pd.DataFrame:
    """The blind second coding (copied unchanged from the shared coding folder; never edited to
    agree), checked: known clauses, once each, codes of the framework. ``reviewed_only``: only
    the documents whose instruments layer a person reviewed (as the first coding)."""
    path = Path(path or coder2_path())
    where = paths.relative(path)
    rows = read_rows(path, ["clause_id", "primary", "secondary", "confidence"], "second coding")
    all_clauses = all_clauses if all_clauses is not None else clauses()
    schema.check_rows("instruments-coder2", list(enumerate(rows, 1)), where, "clause_id", foreign_keys=False)
    numbered = segments.of_documents(list(enumerate(rows, 1)), documents)  # a region's report: its own rows
    rows = [row for _, row in numbered]
    known = set(all_clauses["clause_id"])
    for n, row in numbered:
        def fail(field, message, n=n, row=row):
            raise DataError(message, file=where, row=f"{n} ({row.get('clause_id') or 'no clause_id'})", field=field)

        if row["clause_id"] not in known:
            fail("clause_id", f"no clause '{row['clause_id']}' in the corpus")
        for col in ("primary", "secondary"):
            if row[col] and row[col] != NONE and row[col] not in framework.subtools:
                fail(col, f"unknown code '{row[col]}' in framework {framework.name} {framework.version}")
    frame = pd.DataFrame(rows, columns=list(rows[0]) if rows else ["clause_id", "primary", "secondary", "confidence"]
                         ).merge(all_clauses[["clause_id", "doc_id", "region", "genre", "start", "end", "text"]],
                                     on="clause_id")
    if reviewed_only:
        frame = frame[frame["doc_id"].isin(curation.reviewed_documents("instruments"))].reset_index(drop=True)
    frame["type"] = frame["primary"].map(framework.type_of)
    return frame


def codebook_examples(framework: Framework) -> set[str]:
    """The clauses the codebook cites as examples (agreement on them is high by construction)."""
    return {c for s in framework.subtools.values() for c in (s.get("examples") or [])}
