"""Policy instruments: the Rothwell-Zegveld framework, two independent human codings of the
corpus clauses and their consensus, their agreement, and the comparison of regions.

``data/curated/instruments_framework.yml`` is the versioned codebook (a parameter of
the strategies notebook: another framework of the same shape can be swapped in).
``data/curated/instruments_hand.csv`` is the first coding: every clause of the reviewed
documents, with a primary sub-tool (and an optional secondary) or ``none`` when it states no
measure; ``instruments_coder2.csv`` the blind second coding; ``instruments_adjudication.csv``
settles their disagreements (``load_consensus``). ``auto_code`` below is the keyword coder
(the codebook's keywords alone), one input of the automatic coder (``analysis.autocoder``).
The unit of analysis (measures, not lines) is ``analysis.measures``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import corpus, inputs, paths, rule_review, segments
from analysis.errors import DataError
from analysis.i18n import Text, columns, record, region_names, word
from analysis.tables import read_rows, read_yaml

__all__ = ["Framework", "load_framework", "load_hand_coding", "load_second_coding", "load_adjudication",
           "load_consensus", "load_coding", "CODINGS", "auto_code", "clauses", "cohen_kappa",
           "krippendorff_alpha", "intercoder", "confusion", "counts", "chi_square", "emphasis_text", "NONE"]

NONE = "none"


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
            return "no measure" if lang == "en" else "无政策措施"
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
    for d in docs or corpus.load_catalogue():
        text = cleaned[d.doc_id].text if cleaned and d.doc_id in cleaned else corpus.load_clean(d).text
        for s in segments.segment(d.doc_id, text):
            if s.level == "clause":
                rows.append({"clause_id": s.id, "doc_id": d.doc_id, "region": d.region, "genre": d.genre,
                             "start": s.start, "end": s.end, "text": s.text})
    return pd.DataFrame(rows)


def hand_path() -> Path:
    return paths.curated_dir() / "instruments_hand.csv"


def load_hand_coding(framework: Framework, path: Path | None = None, all_clauses: pd.DataFrame | None = None) -> pd.DataFrame:
    """The hand coding, checked: every clause present once, text at its offsets, codes in the framework."""
    path = Path(path or hand_path())
    where = paths.relative(path)
    rows = read_rows(path, ["clause_id", "start", "end", "primary", "secondary", "text"])
    all_clauses = all_clauses if all_clauses is not None else clauses()
    seen = validate_hand_rows(list(enumerate(rows, 1)), framework, all_clauses, where)
    return _reviewed_coding(rows, seen, framework, all_clauses, where)


def validate_hand_rows(numbered_rows: list[tuple[int, dict]], framework: Framework, all_clauses: pd.DataFrame,
                       where: str) -> set[str]:
    """Check coded clause rows (``(row number, row)`` pairs of the file ``where``): each a clause
    of the corpus, once, with its text at its offsets and codes of the framework. Returns the
    clause ids seen."""
    from analysis import schema

    # required fields, integer offsets, one row per clause, known documents: the data package's schema
    schema.check_rows("instruments-hand", numbered_rows, where, "clause_id")
    known = all_clauses.set_index("clause_id")
    seen: set[str] = set()
    for n, row in numbered_rows:
        def fail(field, message):
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
    # clauses of the other documents are coded by code (``load_coding``)
    from analysis import curation

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


CODINGS = ("consensus", "coder1", "coder2", "auto")


def load_coding(framework: Framework, coding: str = "consensus", curation: str = "all",
                all_clauses: pd.DataFrame | None = None) -> pd.DataFrame:
    """The clause codes an analysis uses, with ``status``, ``confidence`` and the unit of
    analysis (``heading``, ``merged_into``, ``measure``: ``analysis.measures``).

    ``consensus`` (the default): the two human codings where they agree, the adjudicated code
    where they do not (``load_consensus``); ``coder1``: the first coding
    (``instruments_hand.csv``); ``coder2``: the blind second coding. For each, clauses no
    person coded (a document not reviewed, or not second-coded) are drafted by the automatic
    coder, ``status="draft"``, or left out with ``curation="reviewed"``. ``auto``: the
    automatic coder on every clause, each document coded by a model that never saw it
    (``analysis.autocoder``)."""
    from analysis import measures

    if coding not in CODINGS:
        raise DataError(f"unknown coding '{coding}': use one of {', '.join(CODINGS)}")
    all_clauses = all_clauses if all_clauses is not None else clauses()
    if coding == "auto":
        coded = _auto(all_clauses, framework)
    else:
        human = {"coder1": lambda: load_hand_coding(framework, all_clauses=all_clauses),
                 "coder2": lambda: load_second_coding(framework, all_clauses, reviewed_only=True),
                 "consensus": lambda: load_consensus(framework, all_clauses)}[coding]()
        human = human.assign(status="reviewed", confidence=float("nan"))
        rest = all_clauses[~all_clauses["clause_id"].isin(human["clause_id"])]
        coded = human
        if curation != "reviewed" and len(rest):
            coded = pd.concat([human, _auto(rest, framework)], ignore_index=True)
    order = {c: i for i, c in enumerate(all_clauses["clause_id"])}
    coded = coded.sort_values("clause_id", key=lambda s: s.map(order)).reset_index(drop=True)
    coded["secondary"] = coded["secondary"].fillna("")
    return measures.link_headings(coded, framework)


def _auto(frame: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """The automatic coder's codes for these clauses: read from the drafts (built once per
    corpus and codebook, ``analysis.drafts``) for the project's codebook, coded afresh for
    another one."""
    from analysis import autocoder, drafts

    if paths.relative(framework_path()) == framework.path:
        drafted = drafts.load("instruments", sorted(set(frame["doc_id"])))
        coded = frame.merge(drafted[["clause_id", "primary", "secondary", "confidence"]], on="clause_id")
        if len(coded) == len(frame):
            coded["secondary"] = coded["secondary"].fillna("")
            coded["confidence"] = pd.to_numeric(coded["confidence"], errors="coerce")
            coded["type"] = coded["primary"].map(framework.type_of)
            return coded.assign(status="draft")
    return autocoder.code(frame, framework).assign(status="draft")


# --- the consensus of the two human codings ------------------------------------------------------
def adjudication_path() -> Path:
    return paths.curated_dir() / "instruments_adjudication.csv"


def load_adjudication(framework: Framework, first: pd.DataFrame, second: pd.DataFrame,
                      path: Path | None = None) -> pd.DataFrame:
    """The adjudication table, checked against the two codings: one row for every clause whose
    primary codes differ and for no other, the coders' codes as they are in their files, a
    consensus code of the framework, and a rule of the codebook."""
    path = Path(path or adjudication_path())
    where = paths.relative(path)
    rows = read_rows(path, ["clause_id", "coder1", "coder2", "primary", "secondary", "kept", "rule", "reason"],
                     "adjudication")
    from analysis import schema

    # required fields, one row per clause, kept in coder1/coder2/neither, rule ids: the schema
    schema.check_rows("instruments-adjudication", list(enumerate(rows, 1)), where, "clause_id", foreign_keys=False)
    m = first[["clause_id", "primary"]].merge(second[["clause_id", "primary"]], on="clause_id", suffixes=("_1", "_2"))
    codes = {r.clause_id: (r.primary_1, r.primary_2) for r in m.itertuples()}
    disagree = {c for c, (a, b) in codes.items() if a != b}
    seen: set[str] = set()
    for n, row in enumerate(rows, 1):
        def fail(field, message):
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
                   apply_rule_review: bool = True) -> pd.DataFrame:
    """The consensus coding: where both coders coded a clause, their primary code when they
    agree (with the first coder's secondary code, else the second's) and the adjudicated codes
    when they do not; where only the first coder coded it (a document reviewed later), the
    first coder's codes. Then the changes of the rule review (``analysis.rule_review``: the
    codebook's rules applied to every clause), unless ``apply_rule_review`` is false. ``source`` says
    which: agreed, adjudicated (rule), rule review (rule), one coder."""
    all_clauses = all_clauses if all_clauses is not None else clauses()
    first = load_hand_coding(framework, all_clauses=all_clauses)
    second = load_second_coding(framework, all_clauses)
    adj = load_adjudication(framework, first, second).set_index("clause_id")
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
        review = rule_review.load_review(framework, set(out["clause_id"]))
        out = rule_review.apply_review(out, review, protected=set(adj.index))
    out["type"] = out["primary"].map(framework.type_of)
    return out


# --- the automatic coder ----------------------------------------------------------------------
# Clauses that state no measure whatever their words: headings, responsibility lines, status.
_NO_MEASURE = [
    re.compile(r"^[(（〔]?责任单位"),
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^任务之"),
    re.compile(r"^[(（][一二三四五六七八九十]+[)）][^。]{0,8}类。?$"),
    re.compile(r"截至|截止|累计"),
]


def auto_code(frame: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """Keyword coder: each sub-tool scores the summed length of its keywords found in the clause
    (longer keywords are more specific); the best is primary, the runner-up secondary; no
    keyword, or a heading, responsibility line or status report, gives ``none``."""
    out = []
    for row in frame.itertuples():
        text = row.text
        scores = {}
        excluded = len(text) < 6 or any(p.search(text) for p in _NO_MEASURE)
        if not excluded:
            for code in framework.order:
                score = sum(len(k) for k in framework.subtools[code]["keywords"] if k in text)
                if score:
                    scores[code] = score
        ranked = sorted(scores, key=lambda c: (-scores[c], framework.order.index(c)))
        primary = ranked[0] if ranked else NONE
        secondary = ranked[1] if len(ranked) > 1 else ""
        # confidence: a heading or status pattern is near certain; no keyword at all is a
        # weak "none"; otherwise the top sub-tool's share of the keyword score, discounted
        # when the evidence is a single short keyword
        if excluded:
            confidence = 0.9
        elif not ranked:
            confidence = 0.6
        else:
            top = scores[primary]
            confidence = round(top / sum(scores.values()) * (0.9 if top >= 4 else 0.7), 2)
        out.append({"clause_id": row.clause_id, "primary": primary, "secondary": secondary,
                    "confidence": confidence})
    coded = frame.drop(columns=[c for c in ("primary", "secondary", "type", "confidence") if c in frame.columns]).merge(
        pd.DataFrame(out), on="clause_id")
    coded["type"] = coded["primary"].map(framework.type_of)
    return coded


# --- agreement ------------------------------------------------------------------------------
@dataclass
class Statistic:
    value: float | None
    low: float | None = None
    high: float | None = None
    reason: str = ""  # why it is not defined

    def __str__(self) -> str:
        if self.value is None:
            return f"not defined ({self.reason})"
        ci = f" [{self.low:.2f}, {self.high:.2f}]" if self.low is not None else ""
        return f"{self.value:.3f}{ci}"


def cohen_kappa(a, b) -> Statistic:
    """Cohen's kappa for two codings of the same units (nominal)."""
    a, b = list(a), list(b)
    if len(a) != len(b):
        raise ValueError("the two codings have different lengths")
    n = len(a)
    if n < 2:
        return Statistic(None, reason=f"{n} unit(s): too few")
    cats = sorted(set(a) | set(b))
    po = sum(x == y for x, y in zip(a, b)) / n
    pe = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    if math.isclose(pe, 1.0):
        return Statistic(None, reason="both codings put every unit in the same single category")
    return Statistic((po - pe) / (1 - pe))


def krippendorff_alpha(a, b) -> Statistic:
    """Krippendorff's alpha, nominal, two coders, no missing values (coincidence matrix)."""
    a, b = list(a), list(b)
    n_units = len(a)
    if n_units < 2:
        return Statistic(None, reason=f"{n_units} unit(s): too few")
    values = a + b
    n = len(values)  # pairable values
    cats = sorted(set(values))
    counts = {c: values.count(c) for c in cats}
    # observed disagreement: each unit with two different values contributes 2 ordered pairs / (m - 1) = 2
    d_o = sum(2 for x, y in zip(a, b) if x != y) / n
    d_e = (n * n - sum(v * v for v in counts.values())) / (n * (n - 1))
    if d_e == 0:
        return Statistic(None, reason="every value is the same category: no variation to agree on")
    return Statistic(1 - d_o / d_e)


def _bootstrap(a, b, fn, n_boot: int, seed: int) -> tuple[float | None, float | None]:
    """95% percentile interval of ``fn`` (Cohen's kappa or Krippendorff's alpha) over ``n_boot``
    resamples of the units. Computed for all resamples at once from category counts (the same
    draws and values as resampling one at a time, 50x faster); resamples where the statistic is
    not defined are left out, and fewer than half defined gives no interval."""
    rng = np.random.default_rng(seed)
    n = len(a)
    cats = {c: i for i, c in enumerate(sorted(set(a) | set(b), key=str))}
    k = len(cats)
    ai = np.array([cats[x] for x in a])
    bi = np.array([cats[x] for x in b])
    idx = rng.integers(0, n, (n_boot, n))
    ra, rb = ai[idx], bi[idx]
    rows = np.arange(n_boot)[:, None] * k
    count_a = np.bincount((rows + ra).ravel(), minlength=n_boot * k).reshape(n_boot, k)
    count_b = np.bincount((rows + rb).ravel(), minlength=n_boot * k).reshape(n_boot, k)
    disagree = (ra != rb).sum(axis=1)
    if fn is cohen_kappa:
        po = 1 - disagree / n
        pe = (count_a * count_b).sum(axis=1) / (n * n)
        ok = ~np.isclose(pe, 1.0)
        stats = (po[ok] - pe[ok]) / (1 - pe[ok])
    elif fn is krippendorff_alpha:
        nv = 2 * n
        d_o = 2 * disagree / nv
        d_e = (nv * nv - ((count_a + count_b) ** 2).sum(axis=1)) / (nv * (nv - 1))
        ok = d_e != 0
        stats = 1 - d_o[ok] / d_e[ok]
    else:
        raise ValueError("the bootstrap knows Cohen's kappa and Krippendorff's alpha")
    if len(stats) < n_boot * 0.5:
        return None, None
    return float(np.percentile(stats, 2.5)), float(np.percentile(stats, 97.5))


def confusion(hand: pd.DataFrame, auto: pd.DataFrame, level: str = "type",
              names: tuple[str, str] = ("hand", "auto")) -> pd.DataFrame:
    col = "primary" if level == "subtool" else "type"
    first, second = (f" ({n})" for n in names)
    merged = hand[["clause_id", col]].merge(auto[["clause_id", col]], on="clause_id", suffixes=(first, second))
    return pd.crosstab(merged[f"{col}{first}"], merged[f"{col}{second}"])


# --- comparing regions ------------------------------------------------------------------------
def measures_of(coding: pd.DataFrame) -> pd.DataFrame:
    """The clauses that count as measures (``analysis.measures``: a sub-tool code, not a heading
    merged with its body); a frame without the unit columns counts every coded clause."""
    return coding[coding["measure"]] if "measure" in coding else coding[coding["primary"] != NONE]


def counts(coding: pd.DataFrame, framework: Framework, level: str = "type", by: str = "region") -> pd.DataFrame:
    """Counts of types or sub-tools per region (or document), of measures (primary codes)."""
    col = "type" if level == "type" else "primary"
    measures = measures_of(coding)
    categories = list(framework.types) if level == "type" else framework.order
    table = pd.crosstab(measures[by], measures[col]).reindex(columns=categories, fill_value=0)
    return table


def chi_square(table: pd.DataFrame, n_sim: int = 20000, seed: int = 20261121) -> dict:
    """Chi-square test of independence on the observed table (scipy's ``chi2_contingency``,
    no continuity correction), adjusted standardised residuals from the same observed table,
    and a Monte Carlo p-value when expected counts are small.

    Not statsmodels' ``Table``: it adds 0.5 to every cell when one is zero, so a region with
    no demand-side clause would be tested on a table it does not have."""
    from scipy.stats import chi2_contingency

    table = table.loc[table.sum(axis=1) > 0, table.sum(axis=0) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return {"defined": False, "reason": Text(f"a {table.shape[0]} x {table.shape[1]} table has nothing to test",
                                                 f"{table.shape[0]}×{table.shape[1]}的表没有可检验的内容")}
    observed = table.to_numpy()
    res = chi2_contingency(observed, correction=False)
    expected = res.expected_freq
    n = observed.sum()
    row_share = observed.sum(axis=1, keepdims=True) / n
    col_share = observed.sum(axis=0, keepdims=True) / n
    # adjusted standardised residuals (Agresti): (O - E) / sqrt(E (1 - row share) (1 - column share));
    # scipy has none, statsmodels' are of its shifted table
    residuals = (observed - expected) / np.sqrt(expected * (1 - row_share) * (1 - col_share))
    small = float((expected < 5).mean())
    out = {"defined": True, "chi2": float(res.statistic), "df": int(res.dof), "p_asymptotic": float(res.pvalue),
           "share_expected_below_5": small, "min_expected": float(expected.min()),
           "residuals": pd.DataFrame(residuals, index=table.index, columns=table.columns)}
    if small > 0.2 or expected.min() < 1:
        # permute the column labels of the clauses, keeping both margins (our own loop: the same
        # for every SciPy the lock resolves, and the same draws for the same seed)
        rows = np.repeat(np.arange(table.shape[0]), observed.sum(axis=1))
        cols = np.concatenate([np.repeat(np.arange(table.shape[1]), observed[i]) for i in range(table.shape[0])])
        rng = np.random.default_rng(seed)
        n_cols, hits, batch = table.shape[1], 0, 2000
        for done in range(0, n_sim, batch):
            # a batch of permutations in one call (Generator.permuted shuffles each row on its
            # own), their tables and statistics computed at once: 15x faster than one by one
            size = min(batch, n_sim - done)
            perms = rng.permuted(np.broadcast_to(cols, (size, len(cols))), axis=1)
            cells = (np.arange(size)[:, None] * table.size + rows * n_cols + perms).ravel()
            sims = np.bincount(cells, minlength=size * table.size).reshape(size, *table.shape)
            hits += int((((sims - expected) ** 2 / expected).sum(axis=(1, 2)) >= res.statistic - 1e-9).sum())
        out["p_simulated"] = (hits + 1) / (n_sim + 1)
        out["n_sim"] = n_sim
        out["method"] = Text(f"Monte Carlo p-value ({n_sim:,} permutations): {small:.0%} of expected counts are below 5",
                             f"蒙特卡洛p值({n_sim:,}次置换):{small:.0%}的期望频数小于5")
    else:
        out["method"] = Text("asymptotic chi-square", "渐近卡方分布")
    return out


def secondary_presence(coding: pd.DataFrame, framework: Framework, level: str = "type",
                       by: str = "region") -> pd.DataFrame:
    """How many clauses hold each type (or sub-tool) only as a secondary code, per region (or
    document): what a statement about presence ("has no demand-side measure") must count too."""
    col = "type" if level == "type" else "primary"
    categories = list(framework.types) if level == "type" else framework.order
    sec = coding[coding["secondary"].fillna("") != ""].copy()
    sec["_cat"] = sec["secondary"].map(framework.type_of) if level == "type" else sec["secondary"]
    sec = sec[sec["_cat"] != sec[col]]
    groups = sorted(set(coding[by]), key=list(coding[by]).index)
    return pd.crosstab(sec[by], sec["_cat"]).reindex(index=groups, columns=categories, fill_value=0)


def emphasis_text(table: pd.DataFrame, framework: Framework, lang: str = "en",
                  coding: pd.DataFrame | None = None, level: str = "type") -> list[str]:
    """What each region emphasises and omits, from the shares of its measures (generated, not
    hand-written). With ``coding``, "none on X" is said only when X is absent from primary and
    secondary codes alike; X held only as a secondary code is said so."""
    shares = table.div(table.sum(axis=1), axis=0)
    pooled = table.sum() / table.to_numpy().sum()
    secondary = (secondary_presence(coding, framework, level) if coding is not None
                 else pd.DataFrame(0, index=table.index, columns=table.columns))
    names = region_names(lang) if lang == "zh" else {}
    lines = []
    for region, row in shares.iterrows():
        if table.loc[region].sum() == 0:
            continue
        top = row.sort_values(ascending=False)
        lead = top.index[0]
        over = [c for c in row.index if row[c] - pooled[c] >= 0.10]
        zero = [c for c in row.index if table.loc[region, c] == 0]
        held = {c: int(secondary.loc[region, c]) if region in secondary.index and c in secondary else 0 for c in zero}
        name = framework.label
        n = int(table.loc[region].sum())
        absent = [c for c in zero if not held[c]]
        if lang == "zh":
            parts = [f"{n}项措施中{name(lead, lang)}最多,占{top.iloc[0]:.0%}"]
            if over:
                parts.append("高于总体占比:" + "、".join(f"{name(c, lang)}({row[c]:.0%},总体{pooled[c]:.0%})" for c in over))
            if absent:
                parts.append("没有" + "、".join(name(c, lang) for c in absent) + "措施" + ("(主要与次要编码均无)" if coding is not None else ""))
            parts += [f"{name(c, lang)}只作为次要编码出现({held[c]}个条款)" for c in zero if held[c]]
            lines.append(f"{names.get(region, region)}:" + ";".join(parts) + "。")
            continue
        parts = [f"{name(lead, lang)} leads with {top.iloc[0]:.0%} of its {n} measures"]
        if over:
            parts.append("above the pooled share: " + ", ".join(f"{name(c, lang)} ({row[c]:.0%} vs {pooled[c]:.0%})" for c in over))
        if absent:
            parts.append("none on " + ", ".join(name(c, lang) for c in absent)
                         + (" (primary or secondary)" if coding is not None else ""))
        for c in zero:
            if held[c]:
                parts.append(f"{name(c, lang)} only as a secondary code ({held[c]} clause{'s' if held[c] > 1 else ''})")
        lines.append(f"{region.capitalize()}: " + "; ".join(parts) + ".")
    return lines


def for_chart(table: pd.DataFrame, framework: Framework, lang: str = "en") -> pd.DataFrame:
    """A region-by-code table labelled for a chart: codes by their names; in Chinese, regions
    by their Chinese names and the axes named in Chinese."""
    out = table.rename(columns=lambda c: framework.label(c, lang))
    if lang == "zh":
        names = region_names(lang)
        out = out.rename(index=lambda r: names.get(r, r))
        out.index.name, out.columns.name = word(out.index.name or "", lang), word(out.columns.name or "", lang)
    return out


def confusion_table(first: pd.DataFrame, second: pd.DataFrame, framework: Framework, level: str = "type",
                    lang: str = "en") -> pd.DataFrame:
    """Two coders' codes cross-tabulated (rows: first, columns: second), labelled for a chart."""
    names = ("第一编码者", "第二编码者") if lang == "zh" else ("first coder", "second coder")
    table = confusion(first, second, level, names)
    if lang == "zh":
        table = table.rename(index=lambda c: framework.label(c, lang), columns=lambda c: framework.label(c, lang))
        kind = "子工具" if level == "subtool" else "类型"
        table.index.name, table.columns.name = f"{kind}({names[0]})", f"{kind}({names[1]})"
    return table


# --- for the notebooks -----------------------------------------------------------------------
def select(coding: pd.DataFrame, regions="all") -> pd.DataFrame:
    items = [r.strip() for r in str(regions).split(",") if r.strip()]
    return coding if not items or "all" in items else coding[coding["region"].isin(items)].reset_index(drop=True)


def headline(coding: pd.DataFrame, framework: Framework, which: str, lang: str = "en") -> str:
    measures = measures_of(coding)
    shares = measures["type"].value_counts(normalize=True)
    drafted = int((coding["status"] == "draft").sum()) if "status" in coding and which != "auto" else 0
    if lang == "zh":
        parts = "、".join(f"{framework.label(t, lang)}{shares.get(t, 0):.0%}" for t in framework.types)
        how = f"{CODING_ZH.get(which, which)}编码" + (f";{drafted}个条款由自动编码器草拟,未审核" if drafted else "")
        return f"{len(coding)}个条款中的{len(measures)}项措施({how}):{parts}"
    parts = ", ".join(f"{framework.label(t)} {shares.get(t, 0):.0%}" for t in framework.types)
    how = f"{which} coding" + (f"; {drafted} clauses drafted by the automatic coder, not reviewed" if drafted else "")
    return f"{len(measures)} measures in {len(coding)} clauses ({how}): {parts}"


CODING_ZH = {"consensus": "共识", "coder1": "第一编码者", "coder2": "第二编码者", "auto": "自动"}


def counts_table(table: pd.DataFrame, framework: Framework, lang: str = "en",
                 coding: pd.DataFrame | None = None, by: str = "region") -> pd.DataFrame:
    """Counts with shares; with ``coding``, a ``status`` column says how many of each row's
    measures were coded by code and not reviewed."""
    shares = table.div(table.sum(axis=1).replace(0, 1), axis=0)
    out = pd.DataFrame(index=table.index)
    for code in table.columns:
        out[framework.label(code, lang)] = [f"{n} ({s:.0%})" for n, s in zip(table[code], shares[code])]
    out["measures"] = table.sum(axis=1)
    if coding is not None and "status" in coding:
        measures = measures_of(coding)
        drafted = measures[measures["status"] == "draft"].groupby(by).size()
        out["status"] = [((f"草拟:{n}项中{drafted[r]}项由代码编码" if lang == "zh" else f"draft: {drafted[r]} of {n} coded by code")
                          if r in drafted.index else word("reviewed", lang)) for r, n in zip(out.index, out["measures"])]
    if lang == "zh" and by == "region":
        names = region_names(lang)
        out = out.rename(index=lambda r: names.get(r, r))
    return columns(out, lang)


def counts_long(coding: pd.DataFrame, framework: Framework, level: str) -> pd.DataFrame:
    table = counts(coding, framework, level, by="doc_id")
    long = table.stack().rename("measures").reset_index()
    long.columns = ["doc_id", "code", "measures"]
    long["share"] = long["measures"] / long.groupby("doc_id")["measures"].transform("sum")
    long["label"] = long["code"].map(framework.label)
    return long


def chi_square_text(test: dict, lang: str = "en") -> str:
    zh = lang == "zh"
    if not test["defined"]:
        return f"无定义:{test['reason'](lang)}。" if zh else f"Not defined: {test['reason']}."
    p = test.get("p_simulated", test["p_asymptotic"])
    how = test["method"](lang)
    if zh:
        return (f"χ² = {test['chi2']:.2f},自由度 = {test['df']},p = {p:.4f}({how};渐近p = "
                f"{test['p_asymptotic']:.4f})。最小期望频数{test['min_expected']:.2f}。")
    return (f"χ² = {test['chi2']:.2f}, df = {test['df']}, p = {p:.4f} ({how}; asymptotic p = "
            f"{test['p_asymptotic']:.4f}). Smallest expected count {test['min_expected']:.2f}.")


def disagreements(hand: pd.DataFrame, auto: pd.DataFrame, framework: Framework, level: str = "type",
                  lang: str = "en") -> pd.DataFrame:
    col = "primary" if level == "subtool" else "type"
    m = hand[["clause_id", "text", col]].merge(auto[["clause_id", col]], on="clause_id", suffixes=("_hand", "_auto"))
    m = m[m[f"{col}_hand"] != m[f"{col}_auto"]]
    return pd.DataFrame({"clause": m["clause_id"], "hand": m[f"{col}_hand"].map(lambda c: framework.label(c, lang)),
                         "auto": m[f"{col}_auto"].map(lambda c: framework.label(c, lang)), "text": m["text"]})


def disagreements_table(first: pd.DataFrame, second: pd.DataFrame, framework: Framework, lang: str = "en") -> pd.DataFrame:
    """The clauses two coders coded differently (sub-tool level), each linked to the viewer."""
    from analysis import links

    table = disagreements(first, second, framework, "subtool", lang).rename(
        columns={"hand": "first coder", "auto": "second coder"})
    table["clause"] = [links.clause(c, c) for c in table["clause"]]
    return columns(table, lang)


def adjudication_table(adjudication: pd.DataFrame, all_clauses: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Every adjudicated clause with its text, linked to the viewer; the adjudicator's reason
    is a record in the language it was written in (English)."""
    from analysis import links

    table = adjudication.merge(all_clauses[["clause_id", "text"]], on="clause_id")
    table["clause_id"] = [links.clause(c, c) for c in table["clause_id"]]
    table["reason"] = table["reason"].map(lambda v: record(v, "en", lang))
    return columns(table, lang)


def rules_text(adjudication: pd.DataFrame, framework: Framework, lang: str = "en") -> list[str]:
    """The codebook rules the adjudication used, with how many clauses each settled, and which
    coder's code was kept how often. The rules' text is the codebook's (English), marked so
    (the report's Markdown renderer, ``analysis.safemarkdown``, escapes it and keeps the mark)."""
    zh = lang == "zh"
    lines = []
    for r in framework.rules:
        n = int((adjudication["rule"] == r).sum())
        text = framework.rules[r]["text"]
        lines.append(f"**{r}**({n}个条款):<span lang=\"en\">{text}</span>" if zh else f"**{r}** ({n} clauses): {text}")
    kept = adjudication["kept"].value_counts()
    if zh:
        lines.append("保留:" + "、".join(f"{CODING_ZH.get(k, KEPT_ZH.get(k, k))}{n}个" for k, n in kept.items()) + "。")
    else:
        lines.append("Kept: " + ", ".join(f"{k} {n}" for k, n in kept.items()) + ".")
    return lines


KEPT_ZH = {"neither": "均未采用"}


def clause_table(coding: pd.DataFrame, framework: Framework, lang: str = "en") -> pd.DataFrame:
    from analysis import links

    zh = lang == "zh"
    return columns(pd.DataFrame({
        "clause": [links.clause(c, c) for c in coding["clause_id"]], "document": coding["doc_id"],
        "status": (coding["status"] if "status" in coding else pd.Series("reviewed", index=coding.index))
        .map(lambda v: word(v, lang)),
        "type": coding["type"].map(lambda c: framework.label(c, lang) if c != NONE else "–"),
        "sub-tool": coding["primary"].map(lambda c: framework.label(c, lang)),
        "secondary": coding["secondary"].fillna("").map(lambda c: framework.label(c, lang) if c else ""),
        "counted as": ([(("措施" if zh else "measure") if m else
                         ((f"并入{into}" if zh else f"merged into {into}") if into else "–"))
                        for m, into in zip(coding["measure"], coding["merged_into"])] if "measure" in coding
                       else ""),
        "text": coding["text"]}), lang)


# --- two human coders -----------------------------------------------------------------------------
def coder2_path() -> Path:
    return paths.curated_dir() / "instruments_coder2.csv"


def load_second_coding(framework: Framework, all_clauses: pd.DataFrame | None = None,
                       path: Path | None = None, reviewed_only: bool = False) -> pd.DataFrame:
    """The blind second coding (copied unchanged from the shared coding folder; never edited to
    agree), checked: known clauses, once each, codes of the framework. ``reviewed_only``: only
    the documents whose instruments layer a person reviewed (as the first coding)."""
    path = Path(path or coder2_path())
    where = paths.relative(path)
    rows = read_rows(path, ["clause_id", "primary", "secondary", "confidence"], "second coding")
    all_clauses = all_clauses if all_clauses is not None else clauses()
    from analysis import schema

    schema.check_rows("instruments-coder2", list(enumerate(rows, 1)), where, "clause_id", foreign_keys=False)
    known = set(all_clauses["clause_id"])
    for n, row in enumerate(rows, 1):
        def fail(field, message):
            raise DataError(message, file=where, row=f"{n} ({row.get('clause_id') or 'no clause_id'})", field=field)

        if row["clause_id"] not in known:
            fail("clause_id", f"no clause '{row['clause_id']}' in the corpus")
        for col in ("primary", "secondary"):
            if row[col] and row[col] != NONE and row[col] not in framework.subtools:
                fail(col, f"unknown code '{row[col]}' in framework {framework.name} {framework.version}")
    frame = pd.DataFrame(rows).merge(all_clauses[["clause_id", "doc_id", "region", "genre", "start", "end", "text"]],
                                     on="clause_id")
    if reviewed_only:
        from analysis import curation

        frame = frame[frame["doc_id"].isin(curation.reviewed_documents("instruments"))].reset_index(drop=True)
    frame["type"] = frame["primary"].map(framework.type_of)
    return frame


def codebook_examples(framework: Framework) -> set[str]:
    """The clauses the codebook cites as examples (agreement on them is high by construction)."""
    return {c for s in framework.subtools.values() for c in (s.get("examples") or [])}


def _stat_numbers(a: list, b: list, n_boot: int, seed: int) -> dict:
    k, al = cohen_kappa(a, b), krippendorff_alpha(a, b)
    k_ci = _bootstrap(a, b, cohen_kappa, n_boot, seed) if k.value is not None else (None, None)
    al_ci = _bootstrap(a, b, krippendorff_alpha, n_boot, seed) if al.value is not None else (None, None)
    return {"clauses": len(a), "agreement": sum(x == y for x, y in zip(a, b)) / len(a) if a else None,
            "kappa": k.value, "kappa_low": k_ci[0], "kappa_high": k_ci[1],
            "alpha": al.value, "alpha_low": al_ci[0], "alpha_high": al_ci[1],
            "not_defined": k.reason or al.reason}


def intercoder(first: pd.DataFrame, second: pd.DataFrame, framework: Framework, n_boot: int = 1000,
               seed: int = 20261121) -> pd.DataFrame:
    """Agreement of two codings of the same clauses, as numbers (estimate and 95% bootstrap
    interval): at type and sub-tool level and for measure versus none; over all clauses,
    without the codebook's example clauses, per document and per type (that type against the
    rest)."""
    m = first[["clause_id", "doc_id", "primary", "type"]].merge(
        second[["clause_id", "primary", "type"]], on="clause_id", suffixes=("_1", "_2"))
    examples = codebook_examples(framework)
    levels = {"type": ("type_1", "type_2"), "sub-tool": ("primary_1", "primary_2")}
    rows = []

    def add(level, subset, frame, a, b):
        rows.append({"level": level, "subset": subset, **_stat_numbers(list(a), list(b), n_boot, seed)})

    for level, (c1, c2) in levels.items():
        add(level, "all clauses", m, m[c1], m[c2])
        rest = m[~m["clause_id"].isin(examples)]
        add(level, "without the codebook's examples", rest, rest[c1], rest[c2])
    measure = (m["primary_1"] != NONE, m["primary_2"] != NONE)
    add("measure vs none", "all clauses", m, *measure)
    for doc_id, g in m.groupby("doc_id", sort=False):
        add("type", f"document {doc_id}", g, g["type_1"], g["type_2"])
    for t in framework.types:
        add("type", f"{t} vs the rest", m, m["type_1"] == t, m["type_2"] == t)
    return pd.DataFrame(rows)


def _subset_words(subset: str, lang: str) -> str:
    """An agreement subset's name in the report's language ("document X", "supply vs the rest")."""
    if lang != "zh":
        return subset
    if subset.startswith("document "):
        return f"文献{subset[len('document '):]}"
    if subset.endswith(" vs the rest"):
        return f"{subset[:-len(' vs the rest')]}与其余类型"
    return word(subset, lang)


def intercoder_table(stats: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The agreement table for reading: estimates with their intervals, two decimals."""
    def fmt(v, lo, hi):
        if v is None or pd.isna(v):
            return word("not defined", lang)
        return f"{v:.2f} [{lo:.2f}, {hi:.2f}]" if lo is not None and not pd.isna(lo) else f"{v:.2f}"

    return columns(pd.DataFrame({
        "level": stats["level"].map(lambda v: word(v, lang)), "subset": stats["subset"].map(lambda v: _subset_words(v, lang)),
        "clauses": stats["clauses"],
        "agreement": [f"{a:.1%}" for a in stats["agreement"]],
        "Cohen's κ [95% CI]": [fmt(*r) for r in stats[["kappa", "kappa_low", "kappa_high"]].itertuples(index=False)],
        "Krippendorff's α [95% CI]": [fmt(*r) for r in stats[["alpha", "alpha_low", "alpha_high"]].itertuples(index=False)],
    }).set_index(["level", "subset"]), lang)


# --- the comparison under each coding, and within genre ---------------------------------------------
def chi_square_by_coding(codings: dict[str, pd.DataFrame], framework: Framework, n_sim: int = 20000,
                         lang: str = "en") -> pd.DataFrame:
    """The region-by-type test under each coding (the conclusion's sensitivity to who coded):
    measures, chi-square, df, p (simulated where expected counts are small), and the cells whose
    adjusted residual exceeds 2 in absolute value."""
    rows = []
    for name, coding in codings.items():
        test = chi_square(counts(coding, framework, "type"), n_sim=n_sim)
        row = {"coding": name, "measures": int(coding["measure"].sum()) if "measure" in coding else None}
        if test["defined"]:
            res = test["residuals"]
            names = region_names(lang)
            cells = [f"{names.get(r, r)} {framework.label(c, lang)} {res.loc[r, c]:+.2f}" for r in res.index
                     for c in res.columns if abs(res.loc[r, c]) > 2]
            row.update(chi2=test["chi2"], df=test["df"], p=test.get("p_simulated", test["p_asymptotic"]),
                       p_asymptotic=test["p_asymptotic"], cells_beyond_2="; ".join(cells) or word("none", lang))
        else:
            row.update(chi2=None, df=None, p=None, p_asymptotic=None, cells_beyond_2=test["reason"](lang))
        rows.append(row)
    return pd.DataFrame(rows)


def by_genre(coding: pd.DataFrame, framework: Framework, n_sim: int = 20000, lang: str = "en") -> pd.DataFrame:
    """The region-by-type test within each genre (news reports describe measures, policy texts
    enact them), where a genre has at least two regions with measures."""
    rows = []
    for genre, g in coding.groupby("genre", sort=True):
        table = counts(g, framework, "type")
        table = table[table.sum(axis=1) > 0]
        names = region_names(lang) if lang == "zh" else {}
        row = {"genre": GENRE_ZH.get(genre, genre) if lang == "zh" else genre,
               "regions": ("、" if lang == "zh" else ", ").join(names.get(r, r) for r in table.index),
               "measures": int(table.to_numpy().sum())}
        test = chi_square(table, n_sim=n_sim) if len(table) >= 2 else {
            "defined": False, "reason": Text("one region: nothing to compare", "只有一个地区:无可比较")}
        if test["defined"]:
            row.update(chi2=test["chi2"], df=test["df"], p=test.get("p_simulated", test["p_asymptotic"]),
                       note=test["method"](lang))
        else:
            row.update(chi2=None, df=None, p=None, note=test["reason"](lang))
        rows.append(row)
    return pd.DataFrame(rows)


def confound_text(coding: pd.DataFrame, docs: list | None = None, lang: str = "en") -> list[str]:
    """What a contrast between regions may reflect besides local strategy, from the catalogue:
    different genres, and policy texts of one province (a provincial template)."""
    docs = docs if docs is not None else corpus.load_catalogue()
    used = [d for d in docs if d.doc_id in set(coding["doc_id"])]
    lines = []
    genres: dict[str, list[str]] = {}
    for d in used:
        genres.setdefault(d.genre, []).append(d.region)
    zh = lang == "zh"
    names = {d.region: (d.region_zh if zh else d.region) for d in used}
    if len(genres) > 1 and zh:
        parts = ";".join(f"{GENRE_ZH.get(g, g)}:{'、'.join(sorted({names[x] for x in r}))}" for g, r in sorted(genres.items()))
        lines.append(f"体裁与地区混杂({parts})。新闻报道描述政府已采取或宣布的措施;政策文本则制定措施,附有目标、原则和"
                     "责任分工。不同体裁地区之间的差异可能反映体裁而非策略:请阅读同一体裁内的比较。")
    elif len(genres) > 1:
        parts = "; ".join(f"{g.replace('_', ' ')}s: {', '.join(sorted(set(r)))}" for g, r in sorted(genres.items()))
        lines.append(f"Genre confounds region ({parts}). News reports describe measures a government took or "
                     "announced; policy texts enact them, with targets, principles and responsibility lines. A "
                     "contrast between regions of different genres may reflect the genre rather than the strategy: "
                     "read the comparison within genre.")
    provinces: dict[str, list[str]] = {}
    for d in used:
        if d.genre == "policy_text" and d.parent_province:
            provinces.setdefault(d.parent_province, []).append(d.region)
    for prov, regions in sorted(provinces.items()):
        if len(set(regions)) > 1 and zh:
            lines.append(f"{'、'.join(sorted({names[x] for x in regions}))}是同一省份({prov})的城市政策文本:它们一致之处"
                         "可能沿用省级(或国家级)模板,而非地方选择。")
        elif len(set(regions)) > 1:
            lines.append(f"{', '.join(sorted(set(regions)))} are policy texts of cities of one province ({prov}): "
                         "where they agree, they may follow the provincial (or national) template rather than "
                         "a local choice.")
    return lines


GENRE_ZH = {"news_report": "新闻报道", "policy_text": "政策文本"}
