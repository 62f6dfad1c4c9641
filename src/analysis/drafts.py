"""Drafts by code, for every document: what the curated tables would say, guessed from
the text and the codebooks, each row marked as drafted and with a confidence.

- **figures**: every extractor mention, with an indicator and a scope tagged from the
  words around it (the ``aliases`` and ``cues`` of ``indicators.csv``, the ``cues`` of
  ``scopes.csv``), kind and year from the extractor, the clause as its quote (offsets
  computed), and the reason when no indicator fits (a drafted out-of-scope row);
- **instruments**: every clause coded by the automatic coder, with a confidence;
- **funding**: instrument, payer level and what the amount is per, from cue words, else
  ``unknown``;
- **pmc**: the items the drafted layers decide (targets and horizons, instrument types
  present, ...) scored with the rule that scored them; the others left unscored with
  the reason, so that such a document gets no PMC grade rather than a low one.

Drafts are generated, never hand-edited: ``write`` puts them in ``data/processed/drafts/``
(one file per document and layer) with a fingerprint of their inputs, and ``ensure``
rebuilds them when the catalogue, a codebook or this package changed. The review
workflow (``python -m analysis review``) turns a document's drafts into curated rows.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import corpus, paths, quantities, segments, units
from analysis.curation import LAYERS  # one draft file per document and layer
from analysis.errors import DataError
from analysis.i18n import Text, flatten
from analysis.tables import read_rows

__all__ = ["Tagger", "draft_figures", "draft_instruments", "draft_funding", "draft_pmc", "write", "ensure",
           "load", "drafts_dir", "DRAFT_FIGURE_COLUMNS"]

# the columns of a drafted figure: a curated row's, plus what only a draft has
DRAFT_FIGURE_COLUMNS = ["figure_id", "doc_id", "indicator", "scope", "kind", "year", "value", "unit", "qualifier",
                        "mention", "quote", "quote_start", "quote_end", "implied", "note", "extractor_reason",
                        "locality", "locality_level", "flags", "confidence", "out_of_scope_reason", "sentence"]
INSTRUMENT_COLUMNS = ["clause_id", "doc_id", "start", "end", "primary", "secondary", "text", "note",
                      "framework_version", "confidence"]
PMC_COLUMNS = ["doc_id", "item", "score", "justification"]


def drafts_dir() -> Path:
    return paths.processed_dir() / "drafts"


# --- figures --------------------------------------------------------------------------------
_PUNCT = re.compile(r"[,，。；;、:：!！?？\n]")


@dataclass
class Tagger:
    """Indicator and scope from the words around a number, driven by the codebooks.

    An indicator is named by one of its aliases; the number's unit decides which of the
    indicators sharing an alias is meant (众创空间 + 家 = maker spaces, 众创空间 + 平方米 =
    maker-space area). The alias right after the number (``14家众创空间``) wins, else the
    nearest before it in the clause (``众创空间29家``), longer aliases breaking ties; a cue
    word of the indicator anywhere in the sentence brings it 20 characters nearer. The
    scope is the nearest scope cue between the previous number and this one."""

    aliases: list[tuple[str, str, str]]  # (alias, indicator, unit), longest alias first
    cues: dict[str, list[str]]  # indicator -> cue words
    scope_cues: list[tuple[str, str]]  # (cue, scope), longest first

    @classmethod
    def from_codebooks(cls, indicators: dict[str, dict], scopes: list[dict]) -> "Tagger":
        aliases = [(a, code, row["unit"]) for code, row in indicators.items()
                   for a in _split(row.get("aliases"))]
        cues = {code: _split(row.get("cues")) for code, row in indicators.items()}
        scope_cues = [(c, s["code"]) for s in scopes for c in _split(s.get("cues"))]
        return cls(sorted(aliases, key=lambda a: -len(a[0])), cues,
                   sorted(scope_cues, key=lambda c: -len(c[0])))

    def indicator(self, text: str, start: int, end: int, c0: int, s0: int, s1: int, prev_end: int, unit: str
                  ) -> tuple[str | None, float, str]:
        """(indicator, confidence, how) for the mention text[start:end] in a clause from c0.

        Chinese puts the counted noun after the measure word (``800套大型科技仪器设备``)
        or before the number (``在孵企业1128余家``): an alias after the number, before the
        next punctuation or number, wins; else the nearest alias before it in the clause,
        those before the previous number of the clause counting as farther away."""
        sentence = text[s0:s1]
        stop = _AFTER_STOP.search(text, end, end + 14)
        after = text[end:stop.start() if stop else min(len(text), end + 14)]
        best = None  # (score, -len(alias), indicator, how)
        for alias, code, alias_unit in self.aliases:
            if alias_unit != unit:
                continue
            bonus = 20 if any(c in sentence for c in self.cues.get(code, [])) else 0
            i = after.find(alias)
            if i >= 0:
                cand = (i - bonus, -len(alias), code, f"'{alias}' after the number")
            else:
                j = text.rfind(alias, c0, start)
                if j < 0:
                    continue
                d = start - (j + len(alias))
                # "在孵企业20家以上的孵化器": a noun after 的 is what the phrase describes, so an
                # alias right before the number is what is counted
                near = after.startswith("的") and d <= 2
                cand = ((d if near else 100 + d) + (50 if j + len(alias) <= prev_end else 0) - bonus, -len(alias), code,
                        f"'{alias}' before the number")
            best = min(best, cand) if best else cand
        if best is None:
            j = max(((text.rfind(a, s0, c0), a, code) for a, code, u in self.aliases if u == unit), default=(-1, "", ""))
            if j[0] >= 0:
                return j[2], 0.5, f"'{j[1]}' earlier in the sentence"
            return None, 0.0, ""
        score = best[0] % 100 if best[0] < 150 else 50
        confidence = 0.9 if score <= 2 else 0.8 if score <= 12 else 0.6
        return best[2], confidence, best[3]

    def scope(self, text: str, c0: int, prev_end: int, start: int, end: int) -> tuple[str, str]:
        """(scope, how): the scope cue nearest the number within its phrase (from the last
        comma or enumeration mark, or the previous number, to the next punctuation);
        overlapping cues resolve to the longest (国家备案 over 备案的)."""
        head = text[c0:start]
        cut = max([head.rfind(p) for p in ",，、:：;；"] + [-1])
        w0 = max(c0 + cut + 1, prev_end if c0 <= prev_end <= start else c0)
        stop = _AFTER_STOP.search(text, end, end + 14)
        window = text[w0:start] + "|" + text[end:stop.start() if stop else min(len(text), end + 14)]
        spans = []
        for cue, scope in self.scope_cues:  # longest first
            for m in re.finditer(re.escape(cue), window):
                if not any(m.start() < b and a < m.end() for a, b, _, _ in spans):
                    spans.append((m.start(), m.end(), scope, cue))
        if not spans:
            return "all", ""
        anchor = start - w0
        _, _, scope, cue = min(spans, key=lambda sp: (abs(anchor - sp[1]) if sp[1] <= anchor else sp[0] - anchor, sp[0]))
        return scope, cue


_AFTER_STOP = re.compile(r"[,，。；;、:：!！?？\n\d]")


def _split(value) -> list[str]:
    return [v.strip() for v in str(value or "").split("|") if v.strip()]


def load_scopes() -> list[dict]:
    return read_rows(paths.curated_dir() / "scopes.csv", ["code", "cues"], "scope codebook")


def _kind(mention: quantities.Mention) -> tuple[str, float]:
    if mention.kind in ("target", "actual", "funding", "rule"):
        return mention.kind, 1.0
    return "actual", 0.7  # no cue either way: read as a status figure


def clauses_of(doc: corpus.Document, cleaned) -> list[segments.Segment]:
    return [s for s in segments.segment(doc.doc_id, cleaned.text) if s.level == "clause"]


def draft_figures(doc: corpus.Document, cleaned, tagger: Tagger, clauses: list | None = None) -> pd.DataFrame:
    """One row per extractor mention of the document; ``out_of_scope_reason`` says why a
    mention concerns no indicator (the drafted out-of-scope rows)."""
    text = cleaned.text
    mentions = quantities.extract_text(cleaned, doc.doc_id, doc.year,
                                       default_kind="actual" if doc.genre == "news_report" else "other")
    clauses = clauses if clauses is not None else clauses_of(doc, cleaned)
    rows, prev_end, k = [], 0, 0
    for m in mentions:
        while k + 1 < len(clauses) and clauses[k].end <= m.start:
            k += 1
        clause = clauses[k] if clauses and clauses[k].start <= m.start < clauses[k].end + 1 else None
        c0, c1 = (clause.start, clause.end) if clause else (m.start, m.end)
        c1 = max(c1, m.end)
        s0 = text.rfind("\n", 0, c0) + 1
        s1 = text.find("\n", c1)
        s1 = len(text) if s1 < 0 else s1
        # 亩, 公顷, 平方公里 are compared with the area indicators in m2, the factor in the note
        value, unit, converted = units.to_canonical(m.value if m.value is not None else m.low, m.unit)
        indicator, conf, how = tagger.indicator(text, m.start, m.end, c0, s0, s1, prev_end, unit)
        scope, scope_cue = tagger.scope(text, c0, prev_end, m.start, m.end)
        prev_end = m.end
        kind, kind_conf = _kind(m)
        year, notes = m.year, []
        if year is None:
            year, kind_conf = doc.year, kind_conf * 0.8
            notes.append("no year in the text: the document's year")
        if how:
            notes.append(f"indicator from {how}")
        if scope_cue:
            notes.append(f"scope from '{scope_cue}'")
        if m.note:
            notes.append(m.note)
        if converted:
            notes.append(f"converted: {converted}")
        reason = ""
        if indicator is None:
            reason = f"no indicator measured in {unit} is named near the number"
        elif value is None:
            reason = f"no single value ({m.qualifier}: {m.note or 'a range'})"
        rows.append({
            "figure_id": f"{doc.doc_id}-d{m.start:05d}", "doc_id": doc.doc_id, "indicator": indicator or "",
            "scope": scope, "kind": kind, "year": int(year), "value": value, "unit": unit,
            "qualifier": m.qualifier, "mention": m.text, "quote": text[c0:c1], "quote_start": c0, "quote_end": c1,
            "implied": False, "note": "drafted by code: " + "; ".join(notes), "extractor_reason": "",
            **dict(zip(("locality", "locality_level"), draft_locality(text[c0:m.start], doc))),
            "flags": draft_flags(text[c0:c1]),
            # a scope read from a cue word is surer than the default "all" where the text names none
            "confidence": round(conf * kind_conf * (1.0 if scope_cue else 0.8), 2) if indicator else 0.0,
            "out_of_scope_reason": reason, "sentence": m.sentence,
        })
    return pd.DataFrame(_mark_baselines(rows), columns=DRAFT_FIGURE_COLUMNS)


# a place the text names before a number (the figure is about it, not the whole region): a zone,
# a district or county, a city; words that only look like one (全市, 各区, 城区, 园区) are not
_PLACE = re.compile(r"([\u4e00-\u9fff]{2,4}?(?:高新区|开发区|经开区|高新技术产业开发区)|[\u4e00-\u9fff]{2,3}?(?:市|县|区))")
_NOT_PLACES = re.compile(r"^(?:全|本|各|该|城|地|社|辖|新|园|自治|特区|示范|开发|高新|市|县|区|试点|片|景|小|校|社区|城市|地区|园区|"
                         r"城区|市区|县区|全市|全区|全县|本市|本区|各市|各区|各县)")
_PLACE_LEVEL = (("高新技术产业开发区", "development_zone"), ("高新区", "development_zone"), ("开发区", "development_zone"),
                ("经开区", "development_zone"), ("区", "district"), ("县", "county"), ("市", "prefecture_city"))
_FLAG_CUES = (("first_batch", ("第一批", "首批")), ("cumulative", ("累计",)),
              ("under_construction", ("正在打造", "正在建设", "在建")))


def draft_locality(before: str, doc: corpus.Document) -> tuple[str, str]:
    """(locality, level) from the last place named in ``before`` (the clause up to the number),
    unless it is the document's own region; ("", "") when the text names none."""
    own = {doc.region_zh, doc.region_zh[:-1] if len(doc.region_zh) > 2 else doc.region_zh}
    for m in reversed(list(_PLACE.finditer(before))):
        name = m.group(1)
        if _NOT_PLACES.match(name) or name in own or name[:-1] in own or name[:2] in {r[:2] for r in own}:
            continue
        level = next(lv for suffix, lv in _PLACE_LEVEL if name.endswith(suffix))
        return name, level
    return "", ""


def draft_flags(clause: str) -> str:
    return ";".join(flag for flag, cues in _FLAG_CUES if any(c in clause for c in cues))


def _mark_baselines(rows: list[dict]) -> list[dict]:
    """An actual figure of the same indicator and scope as a later target of the same
    document is that target's baseline (the curated tables' kind ``baseline``)."""
    latest: dict[tuple[str, str], int] = {}
    for r in rows:
        if r["kind"] == "target" and not r["out_of_scope_reason"]:
            key = (r["indicator"], r["scope"])
            latest[key] = max(latest.get(key, r["year"]), r["year"])
    for r in rows:
        if r["kind"] == "actual" and not r["out_of_scope_reason"] and latest.get((r["indicator"], r["scope"]), 0) > r["year"]:
            r["kind"] = "baseline"
    return rows


# --- instruments ------------------------------------------------------------------------------
def draft_instruments(doc: corpus.Document, cleaned, framework, clauses: list | None = None,
                      training: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every clause coded by the automatic coder (``analysis.autocoder``: trained on the
    consensus coding of the reviewed documents, never on this document's own clauses)."""
    from analysis import autocoder

    rows = [{"clause_id": s.id, "doc_id": doc.doc_id, "region": doc.region, "genre": doc.genre,
             "start": s.start, "end": s.end, "text": s.text}
            for s in (clauses if clauses is not None else clauses_of(doc, cleaned))]
    if not rows:
        return pd.DataFrame(columns=INSTRUMENT_COLUMNS)
    coded = autocoder.code(pd.DataFrame(rows), framework, training)
    coded["note"] = "drafted by the automatic coder"
    coded["framework_version"] = framework.version
    return coded[INSTRUMENT_COLUMNS]


# --- funding ----------------------------------------------------------------------------------
_INSTRUMENT_CUES = [("seed_fund", ("种子", "天使", "孵化资金", "基金")), ("voucher", ("创新券", "科技券")),
                    ("matching_grant", ("配套",)), ("award", ("奖励", "奖补", "以奖代补")),
                    ("subsidy", ("补助", "补贴", "资助")), ("programme_budget", ("专项资金", "经费", "预算", "投入"))]
_PAYER_LEVEL = {"province": "provincial", "provincial_capital": "municipal", "prefecture_city": "municipal",
                "county": "county", "district": "county", "development_zone": "zone"}


def is_money(figures: pd.DataFrame) -> pd.Series:
    """The figures funding attributes describe: amounts in CNY, and the rates of subsidy rules."""
    return (figures["unit"] == "CNY") | ((figures["kind"] == "rule") & (figures["unit"] == "percent"))


def _money_class(kind: str, context: str, carrier: bool) -> dict:
    """payer_type, money and stock_flow from cue words: a rule is a rule; 基金 a fund's size; 计划/拟
    a plan; 已/累计 money spent; else a budget (安排, 设立, 投入). 累计 and a fund's size are stocks."""
    money = ("rule" if kind == "rule" else "fund_size" if "基金" in context else
             "plan" if re.search(r"计划|拟|将投入", context) else "spent" if re.search(r"已投入|累计投入|共投入", context)
             else "budget")
    stock = money == "fund_size" or "累计" in context
    return {"payer_type": "carrier" if carrier else "government", "money": money,
            "stock_flow": "stock" if stock else "flow"}


def draft_funding(figures: pd.DataFrame, docs: dict[str, corpus.Document]) -> pd.DataFrame:
    """Funding attributes for the money figures of ``figures`` (amounts in CNY, and the rates
    of subsidy rules), from cue words in the quote; what the words do not settle is ``unknown``."""
    from analysis import funding

    rows = []
    for f in figures[is_money(figures)].itertuples():
        doc = docs[f.doc_id]
        context = f"{f.quote} {getattr(f, 'sentence', '')}"
        instrument = next((code for code, cues in _INSTRUMENT_CUES if any(c in context for c in cues)), "unknown")
        carrier = any(c in context for c in ("自有", "自筹", "设立", "社会资本"))
        per = ("per_entity_year" if f.kind == "rule" and re.search(r"每年|年补助|年度", context) else
               "per_entity" if f.kind == "rule" else "total")
        years = re.search(r"([0-9一二三四五六七八九十]+)年(?:内|间)?投入", context)
        rows.append({
            "figure_id": f.figure_id, "instrument": instrument,
            "payer_level": "carrier" if carrier else _PAYER_LEVEL.get(doc.level, "unknown"),
            "payer": "unknown (drafted)", **_money_class(f.kind, context, carrier),
            "recipient": "unknown (drafted)", "per": per,
            "period_years": quantities.parse_chinese_number(years.group(1)) if years and not years.group(1).isdigit()
            else (int(years.group(1)) if years else None),
            "entities_figure": "", "firms_figure": "", "area_figure": "", "rule_id": "", "rule_role": "",
            "rule_base": "", "counts_in_total": per == "total", "note": "drafted from cue words: review before use",
        })
    frame = pd.DataFrame(rows, columns=funding.FIELDS)
    frame["period_years"] = pd.to_numeric(frame["period_years"]).astype("Int64")
    frame["counts_in_total"] = frame["counts_in_total"].astype(bool)
    return frame


# --- PMC --------------------------------------------------------------------------------------
def draft_pmc(doc: corpus.Document, figures: pd.DataFrame, coding: pd.DataFrame, framework, instrument_fw) -> pd.DataFrame:
    """PMC items scored from the drafted (or reviewed) figures and codes, each with the rule
    that scored it; the rest unscored (empty score) with the reason."""
    figs = figures[figures["doc_id"] == doc.doc_id]
    codes = coding[coding["doc_id"] == doc.doc_id]
    primary = set(codes["primary"]) | set(codes.get("secondary", pd.Series(dtype=str)).fillna(""))
    targets = figs[figs["kind"] == "target"]
    horizon = int(targets["year"].max()) - doc.year if len(targets) else None
    rules: dict[str, tuple[int, Text]] = {}
    if len(targets):
        n = len(targets)
        rules["X1:1"] = (1, Text(f"rule: {n} drafted target figure(s)", f"规则:草拟了{n}个目标数字"))
        example = targets.iloc[0]["quote"][:30]
        rules["X7:5"] = (1, Text(f"rule: {n} drafted target figure(s), e.g. '{example}'", f"规则:草拟了{n}个目标数字,如“{example}”"))
        last = int(targets["year"].max())
        for item, ok in (("X2:1", horizon > 5), ("X2:2", 3 <= horizon <= 5), ("X2:3", horizon < 3)):
            rules[item] = (int(ok), Text(f"rule: latest target year {last} - document year {doc.year} = {horizon} years",
                                         f"规则:最晚目标年份{last} - 文献年份{doc.year} = {horizon}年"))
    if len(figs[figs["kind"].isin(["actual", "baseline"])]):
        rules["X1:4"] = (1, Text("rule: the drafted figures include status figures", "规则:草拟的数字包含现状数字"))
    if len(codes):
        from analysis import pmc

        for r in pmc.instrument_items(doc.doc_id, codes, framework, instrument_fw).itertuples():
            rules[r.item] = (r.score, Text(r.justification, r.justification_zh))
        for item, sub in (("X5:1", "S_TAL"), ("X5:2", "S_FUN"), ("X5:3", "E_TAX"), ("X5:4", "E_FIN"), ("X5:5", "S_INF")):
            if sub in instrument_fw.subtools:
                present = sub in primary
                rules[item] = (int(present), Text(f"rule: sub-tool {sub} {'present' if present else 'absent'} in the clause codes",
                                                  f"规则:条款编码中{'有' if present else '没有'}子工具{sub}"))
    level_item = {"province": "X3:1"}.get(doc.level, "X3:2")
    if doc.genre == "policy_text":
        issued = Text(f"rule: issued at the {doc.level.replace('_', ' ')} level (catalogue)",
                      f"规则:发布层级为{doc.level}(文献目录)")
        rules["X3:1"] = (int(level_item == "X3:1"), issued)
        rules["X3:2"] = (int(level_item == "X3:2"), issued)
    rows = []
    for item in framework.items:
        if item in rules:
            score, why = rules[item]
            rows.append(flatten({"doc_id": doc.doc_id, "item": item, "score": score, "justification": why}))
        else:
            rows.append({"doc_id": doc.doc_id, "item": item, "score": None,
                         "justification": "not scored: no drafting rule decides this item; a person must read the text",
                         "justification_zh": "未评分:没有草拟规则能判断此项;须由人阅读文本"})
    # the review file a person edits has the English justification (PMC_COLUMNS); the reports
    # in Chinese show justification_zh
    return pd.DataFrame(rows, columns=PMC_COLUMNS + ["justification_zh"])


# --- building, storing, loading ------------------------------------------------------------------
def _fingerprint() -> str:
    """What the drafts depend on: the catalogue (which carries every raw file's sha256), the
    codebooks, the human codings the automatic coder learns from, and this package's code."""
    h = hashlib.sha256()
    files = [paths.catalogue_path()] + [paths.curated_dir() / n for n in
                                        ("indicators.csv", "scopes.csv", "instruments_framework.yml",
                                         "pmc_framework.yml", "instruments_hand.csv", "instruments_coder2.csv",
                                         "instruments_adjudication.csv", "curation.csv")]
    files += sorted(Path(__file__).parent.glob("*.py")) + sorted(Path(__file__).parent.glob("*.yml"))
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes() if f.is_file() else b"-")
    return h.hexdigest()


def _csv(frame: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def build(docs: list[corpus.Document] | None = None, progress: bool = False) -> dict[str, bytes]:
    """Every draft file of the corpus, by name, as bytes (deterministic)."""
    from analysis import figures, instruments, pmc

    docs = docs or corpus.load_catalogue()
    tagger = Tagger.from_codebooks(figures.load_indicators(), load_scopes())
    ins_fw = instruments.load_framework()
    pmc_fw = pmc.load_framework()
    from analysis import autocoder

    # each document cleaned once, for its drafts and for the clauses the automatic coder learns from
    cleaned_of = {d.doc_id: corpus.load_clean(d) for d in docs}
    training = autocoder.training_data(ins_fw, instruments.clauses(cleaned=cleaned_of))
    by_id = {d.doc_id: d for d in docs}
    iterator = docs
    if progress:
        from tqdm import tqdm
        iterator = tqdm(docs, desc="drafting", unit="doc")
    files: dict[str, bytes] = {}
    for doc in iterator:
        cleaned = cleaned_of[doc.doc_id]
        clauses = clauses_of(doc, cleaned)  # segmented once for both layers
        figs = draft_figures(doc, cleaned, tagger, clauses)
        codes = draft_instruments(doc, cleaned, ins_fw, clauses, training)
        in_scope = figs[figs["out_of_scope_reason"] == ""]
        files[f"{doc.doc_id}.figures.csv"] = _csv(figs)
        files[f"{doc.doc_id}.instruments.csv"] = _csv(codes)
        files[f"{doc.doc_id}.funding.csv"] = _csv(draft_funding(in_scope, by_id))
        files[f"{doc.doc_id}.pmc.csv"] = _csv(draft_pmc(doc, in_scope, codes, pmc_fw, ins_fw)[PMC_COLUMNS])
    return files


@contextmanager
def _locked():
    """One writer at a time: notebooks running in parallel, or a `corpus clean` beside them."""
    folder = paths.processed_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".drafts.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _write(out_dir: Path, docs: list[corpus.Document] | None, progress: bool) -> Path:
    fingerprint = _fingerprint()
    files = build(docs, progress)
    files["fingerprint.txt"] = (fingerprint + "\n").encode()
    staging = Path(tempfile.mkdtemp(prefix=".drafts-", dir=out_dir.parent))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        old = out_dir.with_name(f".{out_dir.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if out_dir.exists():
            os.replace(out_dir, old)
        os.replace(staging, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out_dir


def write(docs: list[corpus.Document] | None = None, progress: bool = False) -> Path:
    """(Re)build ``data/processed/drafts/`` whole, swapped in atomically (nothing half-written)."""
    with _locked():
        return _write(drafts_dir(), docs, progress)


def ensure(progress: bool = False) -> Path:
    """The drafts folder, rebuilt first if its inputs changed. Parallel callers (notebooks
    running at once) wait on a lock, so one builds and the others read."""
    out_dir = drafts_dir()
    with _locked():
        stamp = out_dir / "fingerprint.txt"
        if not stamp.is_file() or stamp.read_text().strip() != _fingerprint():
            _write(out_dir, None, progress)
    return out_dir


def load(layer: str, doc_ids: list[str] | None = None) -> pd.DataFrame:
    """The drafts of one layer for the given documents (default: the whole catalogue)."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer}")
    folder = ensure()
    doc_ids = doc_ids if doc_ids is not None else [d.doc_id for d in corpus.load_catalogue()]
    frames = []
    for doc_id in doc_ids:
        path = folder / f"{doc_id}.{layer}.csv"
        if not path.is_file():
            raise DataError(f"no drafts for '{doc_id}'; run `python -m analysis corpus clean`", file=paths.relative(path))
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frames.append(frame)
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)


# --- how good the drafts are --------------------------------------------------------------------
def _bins(confidence: pd.Series, right: pd.Series) -> list[dict]:
    out = []
    for low, high, name in ((0.8, 1.01, "high (>= 0.8)"), (0.6, 0.8, "medium (0.6-0.8)"), (0.0, 0.6, "low (< 0.6)")):
        mask = (confidence >= low) & (confidence < high)
        out.append({"confidence": name, "n": int(mask.sum()),
                    "agree": float(right[mask].mean()) if mask.any() else float("nan")})
    return out


def quality(doc_ids: list[str] | None = None) -> dict:
    """The drafts of the reviewed documents against what a person curated, one held-out document
    at a time. The drafters read only the codebooks (aliases, cue words, keywords) and learn
    nothing from the curated tables, so each document is held out by construction; the per-
    document rows show how much the result varies from one document to the next.

    Figures: of the curated stated figures, how many the drafts miss (no drafted figure at the
    mention, or drafted out of scope), and of the others how often indicator, scope and kind
    (baseline counted as actual's kin: both are status figures) agree. Instruments: type-level
    agreement and Cohen's kappa of the drafted codes with the consensus of the two human codings
    (each reviewed document's drafts come from a model that never saw it). Both with agreement
    by the drafts' own confidence (calibration)."""
    from analysis import curation, figures, instruments

    reviewed = curation.reviewed_documents("figures") & curation.reviewed_documents("instruments")
    doc_ids = [d for d in (doc_ids or [d.doc_id for d in corpus.load_catalogue()]) if d in reviewed]
    curated = figures.validate(extractor=False)
    fw = instruments.load_framework()
    hand = instruments.load_consensus(fw)
    per_doc, fig_rows, code_rows = [], [], []
    for doc_id in doc_ids:
        draft = figures.drafted([doc_id], in_scope=False)
        by_start = {int(r.figure_id.rsplit("-d", 1)[1]): r for r in draft.itertuples()}
        gold = curated[(curated["doc_id"] == doc_id) & ~curated["implied"]]
        missed, rows = 0, []
        for g in gold.itertuples():
            d = by_start.get(g.mention_start)
            if d is None or d.out_of_scope_reason:
                missed += 1
                continue
            rows.append({"doc_id": doc_id, "indicator": d.indicator == g.indicator, "scope": d.scope == g.scope,
                         "kind": d.kind == g.kind, "confidence": d.confidence})
        frame = pd.DataFrame(rows, columns=["doc_id", "indicator", "scope", "kind", "confidence"])
        frame["all three"] = frame["indicator"] & frame["scope"] & frame["kind"]
        fig_rows.append(frame)
        drafted_codes = load("instruments", [doc_id])
        merged = hand[hand["doc_id"] == doc_id][["clause_id", "type"]].merge(
            drafted_codes[["clause_id", "primary", "confidence"]], on="clause_id")
        merged["type_auto"] = merged["primary"].map(fw.type_of)
        merged["agree"] = merged["type"] == merged["type_auto"]
        merged["confidence"] = merged["confidence"].astype(float)
        code_rows.append(merged.assign(doc_id=doc_id))
        kappa = instruments.cohen_kappa(merged["type"], merged["type_auto"])
        per_doc.append({"document": doc_id, "curated figures": len(gold), "missed": missed,
                        "indicator": frame["indicator"].mean(), "scope": frame["scope"].mean(),
                        "kind": frame["kind"].mean(), "all three": frame["all three"].mean(),
                        "clauses": len(merged), "type agreement": merged["agree"].mean(),
                        "type kappa": kappa.value})
    figs = pd.concat(fig_rows, ignore_index=True) if fig_rows else pd.DataFrame()
    codes = pd.concat(code_rows, ignore_index=True) if code_rows else pd.DataFrame()
    pooled_kappa = instruments.cohen_kappa(codes["type"], codes["type_auto"]) if len(codes) else None
    return {
        "per_document": pd.DataFrame(per_doc),
        "figures": {"curated": sum(r["curated figures"] for r in per_doc), "missed": sum(r["missed"] for r in per_doc),
                    **{k: float(figs[k].mean()) for k in ("indicator", "scope", "kind", "all three")},
                    "calibration": _bins(figs["confidence"], figs["all three"])} if len(figs) else {},
        "instruments": {"clauses": len(codes), "type agreement": float(codes["agree"].mean()),
                        "type kappa": pooled_kappa.value if pooled_kappa else None,
                        "calibration": _bins(codes["confidence"], codes["agree"])} if len(codes) else {},
    }
