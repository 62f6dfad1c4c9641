"""Drafts by code, for every document: what the curated tables would say, guessed from
the text and the codebooks, each row marked as drafted and with a confidence.

- **figures**: every extractor mention, with an indicator and a scope tagged from the
  words around it (the ``aliases`` and ``cues`` of ``indicators.csv``, the ``cues`` of
  ``scopes.csv``), kind and year from the extractor, the clause as its quote (offsets
  computed), and the reason when no indicator fits (a drafted out-of-scope row);
- **instruments**: every clause coded by the automatic coder, with a confidence;
- **funding** (``analysis.fundingdrafts``, beside funding's rules): instrument, payer level
  and what the amount is per, from cue words, else ``unknown``;
- **pmc**: the items the drafted layers decide (targets and horizons, instrument types
  present, ...) scored with the rule that scored them; the others left unscored with
  the reason, so that such a document gets no PMC grade rather than a low one.

Drafts are generated, never hand-edited: ``write`` puts them in ``data/processed/drafts/``
(one file per document and layer, ``analysis.draftfiles``) with a fingerprint of their inputs,
and ``ensure`` rebuilds them when the catalogue, a codebook, a tuning set's labels or the package changed. Only the
command line and ``analysis.inuse`` call them; reading drafts never builds them. How good the
drafts are is ``analysis.draftquality``. The review
workflow (``python -m analysis review``) turns a document's drafts into curated rows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from analysis import (
    calibration,
    calibration_sets,
    corpus,
    counting,
    curation,
    document_subject,
    draftfiles,
    english_counting,
    figure_decision,
    figures,
    indicator_words,
    instruments,
    paths,
    pmc,
    quantities,
    quantities_english,
    schema,
    segments,
    table_cells,
    table_grid,
    text_shape,
    topic_counts,
    units,
)
from analysis.cache import HashCache, key
from analysis.figures import FIGURE_FIELDS, draft_mention_start
from analysis.files import csv_bytes
from analysis.i18n import Text, flatten
from analysis.tables import read_rows

__all__ = ["Tagger", "draft_figures", "draft_instruments", "draft_pmc", "build", "write", "ensure",
           "DRAFT_FIGURE_COLUMNS"]

# the columns of the curated tables (the data package's), plus what only a draft has
DRAFT_FIGURE_COLUMNS = FIGURE_FIELDS + ["confidence", "out_of_scope_reason", "sentence", "evidence"]
INSTRUMENT_COLUMNS = schema.field_names("instruments-hand") + ["confidence"]
PMC_COLUMNS = schema.field_names("pmc-scores")


# --- figures --------------------------------------------------------------------------------
_PUNCT = re.compile(r"[,，。；;、:：!！?？\n]")


@dataclass
class Tagger:
    """The codebooks as the figure drafter reads them: aliases (each with its indicator and
    unit, longest first), cue words and scope cues, and the reader that decides what each number
    counts, its level and kind from its clause (``analysis.counting``)."""

    aliases: list[tuple[str, str, str]]  # (alias, indicator, unit), longest alias first
    cues: dict[str, list[str]]  # indicator -> cue words
    scope_cues: list[tuple[str, str]]  # (cue, scope), longest first
    reader: counting.Reader

    @classmethod
    def from_codebooks(cls, indicators: dict[str, dict], scopes: list[dict]) -> Tagger:
        aliases = [(a, code, row["unit"]) for code, row in indicators.items()
                   for a in _split(row.get("aliases"))]
        cues = {code: _split(row.get("cues")) for code, row in indicators.items()}
        scope_cues = [(c, s["code"]) for s in scopes for c in _split(s.get("cues"))]
        return cls(sorted(aliases, key=lambda a: -len(a[0])), cues,
                   sorted(scope_cues, key=lambda c: -len(c[0])), _reader(indicators, scopes))


# A reader costs about 2.7 s to build (jieba loads its dictionary and the part-of-speech table
# for a tokenizer of its own), and every build of the drafts needs one: kept per process by the
# codebooks' content, so that a second build (an accept on the review page, a test) pays nothing.
# A reader changes no state of its own once built (its memo of cut sentences depends on the
# sentence only).
_READERS = HashCache(4)


def _reader(indicators: dict[str, dict], scopes: list[dict]) -> counting.Reader:
    k = key(json.dumps([indicators, scopes], sort_keys=True, ensure_ascii=False, default=str))
    reader = _READERS.get(k)
    if reader is None:
        reader = counting.Reader(indicators, scopes)
        _READERS.put(k, reader)
    return reader


def _split(value) -> list[str]:
    return [v.strip() for v in str(value or "").split("|") if v.strip()]


def load_scopes() -> list[dict]:
    return read_rows(paths.curated_dir() / "scopes.csv", ["code", "cues"], "scope codebook")


def clauses_of(doc: corpus.Document, cleaned) -> list[segments.Segment]:
    return [s for s in segments.segment(doc.doc_id, cleaned.text) if s.level == "clause"]


def draft_figures(doc: corpus.Document, cleaned, tagger: Tagger, clauses: list | None = None) -> pd.DataFrame:
    """One row per extractor mention of the document; ``out_of_scope_reason`` says why a
    mention concerns no indicator (the drafted out-of-scope rows)."""
    text = cleaned.text
    mentions = quantities.extract_text(cleaned, doc.doc_id, doc.year,
                                       default_kind="actual" if doc.genre == "news_report" else "other")
    clauses = clauses if clauses is not None else clauses_of(doc, cleaned)
    rows, k = [], 0
    municipality = text_shape.in_municipality(doc.region_zh, doc.region, doc.parent_province)
    previous: list[counting.Reading] = []
    english = english_counting.EnglishReader(tagger.reader.units, tagger.reader.umbrellas)  # a release's English
    sentence_start = -1
    cells = {c.start: c for c in table_cells.cells(text, doc.year)}  # the table cells the extractor read
    row_above: list[counting.Reading] = []  # the readings of a table's last row that is no 其中 row
    subject = document_subject.subject_level(doc.title, text, doc.level, municipality)  # 市级众创空间认定办法: municipal
    if subject and subject[0] == "municipal_level" and "市" in subject[1] and municipality:
        subject = ("provincial_level", subject[1])  # 北京市级众创空间认定: the city is a province
    # a document about one carrier (its own report, a case study): its level, for the figures about it and its firms
    carrier = document_subject.carrier_level(doc.title, text) if subject is None else None
    # a guide to applying for the issuer's fund, its procurement of a service: the issuer's programme
    programme = document_subject.programme_level(doc.title, doc.level, municipality) \
        if subject is None and carrier is None else None
    carriers = _carrier_counts(tagger.reader)
    umbrellas = {code for code, _ in tagger.reader.umbrellas}  # the codebook's totals whose members it lists
    passage = topic_counts.Passage(tagger.reader.words, carriers)  # the carriers a passage counts, for bare counts
    # a notice handing money down to carriers (关于下达…奖补资金的通知): the carriers its title names are those paid
    paid_to = _evaluated_carriers(tagger.reader, doc.title) \
        if document_subject.disbursement_level(doc.title, doc.level) else None
    for m in mentions:
        while k + 1 < len(clauses) and clauses[k].end <= m.start:
            k += 1
        clause = clauses[k] if clauses and clauses[k].start <= m.start < clauses[k].end + 1 else None
        c0, c1 = (clause.start, clause.end) if clause else (m.start, m.end)
        c1 = max(c1, m.end)
        s0 = text.rfind("\n", 0, c0) + 1
        s1 = text.find("\n", c1)
        s1 = len(text) if s1 < 0 else s1
        # what the number counts, its level and kind, from the clause's structure (analysis.counting)
        t0 = max([text.rfind(p, s0, m.start) + 1 for p in "。！？!?"] + [s0])
        # 已达312家；⏎其中国家级67家: a subset on a line of its own keeps the counts of the line before
        previous = previous if t0 == sentence_start or text_shape.subset_line(text, t0, m.start) else []
        cell = cells.get(m.start)
        if cell and table_grid.is_subset(cell.label) and t0 != sentence_start:
            previous = list(row_above)  # 科技企业孵化器（家） 68 90⏎其中：国家级（家） 12 18: a subset of the row above
        elif cell and t0 != sentence_start:
            row_above = []
        sentence_start = t0
        # 亩, 公顷, 平方公里 are compared with the area indicators in m2, the factor in the note
        value, unit, converted = units.to_canonical(m.value if m.value is not None else m.low, m.unit)
        if cell and cell.noun:
            # | 2023 | 249 | under | 年份 | 孵化器（家） |: the cell counts its header's noun, not the words before it
            phrase = cell.noun + text[m.start:m.end] + cell.unit_text
            read = tagger.reader.read(phrase, len(cell.noun), len(phrase), 0, 0, unit or "", previous)
        elif quantities_english.is_english(m):
            read = english.read(text, m, unit or "")
        else:
            read = tagger.reader.read(text, m.start, m.end, c0, t0, unit or "", previous)
        item = text_shape.item_label(text, m.start) if cell is None and not read.indicator else None
        if item:
            # 1.新增国家级孵化器：目标值3家，实际值2家: the value word counts the item's label before the colon
            phrase = item[0] + item[1] + text[m.start:m.end]
            read = tagger.reader.read(phrase, len(item[0]) + len(item[1]), len(phrase), 0, 0, unit or "", [])
        shape = indicator_words.unnamed(text[t0:m.start], text[m.end:m.end + 60], unit or "") \
            if cell is None and not read.indicator else None
        if shape:
            # 观音桥青创港为市级众创空间，面积5,400平方米, 一等奖2名: no alias, the number's shape (an inference)
            level, cue = tagger.reader.level_in(shape[1])
            read = replace(read, indicator=shape[0], evidence="nearest", out_of_scope_reason="", scope=level or "all",
                           scope_evidence="phrase" if level else "none", scope_cue=cue,
                           notes=read.notes + [f"{shape[2]}: {shape[0]}" + (f", at its level '{cue}'" if cue else "")])
        if cell is None and unit == "count":
            # 北京以312家居首 after 全国国家备案众创空间达到4,119家: the passage's carriers (a grade of an evaluation the line
            # names, 考核结果优秀三家, is text_shape.grade_before's, below)
            read = passage.read(read, m.text, text, c0, t0, m.start, "" if read.indicator else text_shape.grade_before(text, m.start))
        parent = next((r for r in reversed(row_above) if r.indicator), None) if cell else None
        if parent and not read.indicator and cell and table_grid.is_subset(cell.label):
            # 其中：国家级（家） 12 18 under 科技企业孵化器（家）: the row above's noun, this row's level
            read = replace(read, indicator=parent.indicator, noun=parent.noun, evidence="subset", out_of_scope_reason="",
                           notes=read.notes + [f"a 其中 row of the table: a subset of '{parent.noun or parent.indicator}'"])
        previous.append(read)
        row_above = row_above + [read] if cell and not table_grid.is_subset(cell.label) else row_above
        read.caveats.extend(text_shape.caveats(text, m.start))  # a clause a line break or a table cut may be misread
        if read.evidence != "umbrella" and indicator_words.general_carriers(read.indicator, tagger.aliases, umbrellas):
            read.caveats.append("general_carriers")  # 双创载体11家: all carriers or the incubation institutions?
        if read.scope == "municipal_level" and "市" in read.scope_cue and municipality:
            read.scope = "provincial_level"  # 重庆市级众创空间: the city is a province
            read.notes.append(f"'{read.scope_cue}' in a municipality (a province-level city): provincial")
        indicator, scope, kind, year, notes, reason, evidence = figure_decision.decide(read, m, doc.year,
                                                                                   cell.column if cell else "")
        newly = indicator_words.newly_recognised(text[c0:m.start]) if indicator else None
        renamed = tagger.reader.indicator_of(newly, unit or "")[0] if newly else None
        if renamed and renamed != indicator and indicator and renamed.startswith(indicator + "_new"):
            # 新认定省级众创空间42家: the codebook's 新增省级众创空间 (analysis.indicator_words)
            notes.append(f"'{newly}': a new carrier at its level ({renamed}), not all {indicator}")
            indicator = renamed
        narrower = indicator_words.refined(indicator or "", cell.noun if cell and cell.noun else text[t0:m.start],
                                           unit or "")
        if narrower:
            notes.append(f"{narrower[1]}: {narrower[0]}")
            indicator = narrower[0]
        if indicator and unit == "CNY" and indicator_words.government_input(indicator, text[t0:m.start]):
            # 全市财政投入孵化载体的扶持资金达1.8亿元: the government's input, a programme's budget
            notes.append("money a government put in (财政…投入): a programme's budget, not subsidies")
            indicator = "programme_budget"
        graded = text_shape.grade_before(text, m.start) if reason and unit == "count" else ""
        evaluated = _evaluated_carriers(tagger.reader, text[max(0, m.start - _GRADE_REACH):m.start]) if graded else None
        if evaluated:
            # 评定优秀8家、良好15家: the grades count the carriers evaluated, named before the list (an inference)
            indicator, reason, evidence = evaluated, "", "|".join(["nearest"] + evidence.split("|")[1:])
            notes.append(f"'{graded}' is a grade of an evaluation: it counts the carriers evaluated ({evaluated})")
        if paid_to and unit == "count" and m.text.endswith("家") and (not indicator or indicator in carriers):
            # 新认定奖励（4家，380万元）, 涉及孵化载体11家 in a notice handing money down: the carriers paid (an inference)
            parts = evidence.split("|")
            if not indicator:
                indicator, reason, parts[0] = paid_to, "", "nearest"
            kind, evidence = "funding", "|".join(parts[:2] + ["section"] + parts[3:])
            notes.append(f"carriers paid by a notice handing money down ({indicator}): funding")
        if paid_to and indicator == "programme_budget":
            # 本次共下达奖补资金1,086万元: the money handed down to the carriers is theirs
            indicator = "subsidies"
            notes.append("money a notice hands down to carriers: subsidies")
        contract = document_subject.contract_money(doc.title, text[s0:m.start]) if unit == "CNY" and not indicator else None
        if contract and "programme_budget" in tagger.reader.units:
            # 中标（成交）金额：186万元/年 in a procurement's notice: what the buyer pays for the service, its programme's money
            indicator, kind, reason = "programme_budget", "funding", ""
            evidence = "|".join(["nearest"] + evidence.split("|")[1:])
            notes.append(f"'{contract}' of a procurement: the programme's money")
        example = indicator_words.worked_example(text[s0:m.start], unit or "") if cell is None else None
        if example:
            # 示例：某众创空间…按30%计算为36万元…按36万元拨付: what the rule pays one carrier, a rule's figure
            indicator, kind, reason = example[0] or None, "rule", "" if example[0] else "a carrier's own spending in a worked example"
            notes.append(f"a worked example ('{example[1]}'): " + (f"{example[0]}, a rule" if example[0] else "no figure"))
            evidence = evidence if evidence.split("|")[0] != "none" else "|".join(["nearest"] + evidence.split("|")[1:])
        budget = document_subject.budget_level(doc.title, doc.level, municipality, indicator or "",
                                               text[t0:m.start]) if unit == "CNY" else None
        paid = document_subject.disbursement_level(doc.title, doc.level, municipality, indicator or "") \
            if unit == "CNY" and not budget else None
        if (budget or paid) and scope == "all" and evidence.split("|")[1] == "none":
            # 年初预算为1,200.00万元 in a county bureau's final accounts, 共下达奖补资金1,086万元 in a city's notice handing
            # money down: the issuer's own money (an inference)
            parts = evidence.split("|")
            scope, evidence = budget or paid or scope, "|".join(parts[:1] + ["document"] + parts[2:])
            notes.append(f"scope {scope}: " + ("a budget in the issuer's own budget report" if budget else
                                               "money the issuer hands down") + ", no level named near the number")
        if unit == "CNY" and kind == "rule" and document_subject.paid_line(doc.title, text[s0:m.start]):
            # 1.某创业园 新增孵化面积12,000平方米 补助60万元 in a notice handing money down: paid (read from the list)
            parts = evidence.split("|")
            kind, evidence = "funding", "|".join(parts[:2] + ["section"] + parts[3:])
            notes.append("kind funding: an amount on a numbered line of a notice handing money down")
        # money of a subject of several levels (市级以上孵化器…绩效评价) is paid to carriers of each: no one level
        several = subject is not None and "以上" in subject[1] and unit == "CNY"
        # 在孵企业186家 in a 国家大学科技园's own report: the park's level; but a count of carriers is not about the one
        # carrier, and a programme's budget is a government's
        one = carrier if carrier and indicator not in carriers | {"programme_budget"} else None
        inferred = subject if subject and not several and indicator != "programme_budget" else one or programme
        if inferred and indicator and scope == "all" and evidence.split("|")[1] == "none":
            # no level near the number, in a document about carriers of one level or about one carrier: theirs (an
            # inference)
            parts = evidence.split("|")
            scope, evidence = inferred[0], "|".join(parts[:1] + ["document"] + parts[2:])
            whose = "the document's subject" if inferred is subject else "the issuer's programme" \
                if inferred is programme else "the carrier the document is about"
            notes.append(f"scope {scope} from {whose} ('{inferred[1]}'): no level named near the number")
        conf = calibration.score(evidence) if indicator else 0.0
        if m.note:
            notes.append(m.note)
        if converted:
            notes.append(f"converted: {converted}")
        if indicator is not None and value is None:
            reason = f"no single value ({m.qualifier}: {m.note or 'a range'})"
        rows.append({
            "figure_id": figures.draft_figure_id(doc.doc_id, m.start), "doc_id": doc.doc_id, "indicator": indicator or "",
            "scope": scope, "kind": kind, "year": int(year), "value": value, "unit": unit,
            "qualifier": m.qualifier, "mention": m.text, "quote": text[c0:c1], "quote_start": c0, "quote_end": c1,
            "implied": False, "note": "drafted by code: " + "; ".join(notes), "extractor_reason": "",
            **dict(zip(("locality", "locality_level"), draft_locality(text[c0:m.start], doc), strict=False)),
            "flags": draft_flags(text[c0:c1]),
            # the evidence's score; ``build`` maps the evidence to the share of such drafts found right
            # (analysis.calibration)
            "confidence": conf, "out_of_scope_reason": reason, "sentence": m.sentence, "evidence": evidence,
        })
    return pd.DataFrame(_mark_baselines(rows), columns=DRAFT_FIGURE_COLUMNS)


def _carrier_counts(reader: counting.Reader) -> set[str]:
    """The indicators that count carriers (an umbrella's parts, the umbrella, and their new-at-level codes)."""
    parts = {c for code, members in reader.umbrellas if reader.units.get(code) == "count" for c in members | {code}}
    return {code for code in reader.units if any(code == p or code.startswith(p + "_") for p in parts)}


_GRADE_REACH = 300  # characters back to the carriers an evaluation's grades count (the sentence or the lead-in)


def _evaluated_carriers(reader: counting.Reader, before: str) -> str | None:
    """The carriers of the last clause of ``before`` that names any (an umbrella's part, or the umbrella when the
    clause names several of its parts: 对全市96家孵化器和众创空间开展了绩效评价), if any."""
    carriers = {c for code, parts in reader.umbrellas if reader.units.get(code) == "count" for c in parts | {code}}
    for clause in reversed(re.split(r"[。；;，,！？\n]", before)):
        named = [c for c in reader.named(clause, "count") if c in carriers]
        umbrella = next((code for code, parts in reader.umbrellas if len(set(named)) > 1 and set(named) <= parts), None)
        if named:
            return umbrella or named[-1]
    return None


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
    rows = [{"clause_id": s.id, "doc_id": doc.doc_id, "region": doc.region, "genre": doc.genre,
             "start": s.start, "end": s.end, "text": s.text}
            for s in (clauses if clauses is not None else clauses_of(doc, cleaned))]
    if not rows:
        return pd.DataFrame(columns=INSTRUMENT_COLUMNS)
    from analysis import autocoder  # imported when drafting: reports only read drafts

    training = training if training is not None else autocoder.training_data(framework)
    coded = autocoder.code(pd.DataFrame(rows), framework, training)
    coded["note"] = "drafted by the automatic coder"
    coded["framework_version"] = framework.version
    return coded[INSTRUMENT_COLUMNS]


# --- PMC --------------------------------------------------------------------------------------
def draft_pmc(doc: corpus.Document, figures: pd.DataFrame, coding: pd.DataFrame, framework, instrument_fw) -> pd.DataFrame:
    """PMC items scored from the drafted (or reviewed) figures and codes, each with the rule
    that scored it; the rest unscored (empty score) with the reason."""
    figs = figures[figures["doc_id"] == doc.doc_id]
    codes = coding[coding["doc_id"] == doc.doc_id]
    primary = set(codes["primary"]) | set(codes.get("secondary", pd.Series(dtype=str)).fillna(""))
    targets = figs[figs["kind"] == "target"]
    rules: dict[str, tuple[int, Text]] = {}
    if len(targets):
        n = len(targets)
        rules["X1:1"] = (1, Text(f"rule: {n} drafted target figure(s)", f"规则:草拟了{n}个目标数字"))
        example = targets.iloc[0]["quote"][:30]
        rules["X7:5"] = (1, Text(f"rule: {n} drafted target figure(s), e.g. '{example}'", f"规则:草拟了{n}个目标数字,如“{example}”"))
        last = int(targets["year"].max())
        horizon = last - doc.year
        for item, ok in (("X2:1", horizon > 5), ("X2:2", 3 <= horizon <= 5), ("X2:3", horizon < 3)):
            rules[item] = (int(ok), Text(f"rule: latest target year {last} - document year {doc.year} = {horizon} years",
                                         f"规则:最晚目标年份{last} - 文献年份{doc.year} = {horizon}年"))
    if len(figs[figs["kind"].isin(["actual", "baseline"])]):
        rules["X1:4"] = (1, Text("rule: the drafted figures include status figures", "规则:草拟的数字包含现状数字"))
    if len(codes):
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


# --- building and storing -----------------------------------------------------------------------
def build(docs: list[corpus.Document] | None = None, progress: bool = False) -> dict[str, bytes]:
    """Every draft file of the corpus, by name, as bytes (deterministic): the figures and the
    clause codes of each document. Funding attributes and PMC items are drafted where they are
    used (``analysis.inuse``), from the figures and codes in use, so they are not stored."""
    docs = docs or corpus.load_catalogue()
    tagger = Tagger.from_codebooks(figures.load_indicators(), load_scopes())
    ins_fw = instruments.load_framework()
    # each document cleaned once, for its drafts and for the clauses the automatic coder learns from
    cleaned_of = {d.doc_id: corpus.load_clean(d) for d in docs}
    from analysis import autocoder  # see draft_instruments

    training = autocoder.training_data(ins_fw, instruments.clauses(cleaned=cleaned_of))
    iterator = docs
    if progress:
        from tqdm import tqdm  # only for a terminal: kept out of the import of the drafters
        iterator = tqdm(docs, desc="drafting", unit="doc")
    files: dict[str, bytes] = {}
    figures_of: dict[str, pd.DataFrame] = {}
    for doc in iterator:
        cleaned = cleaned_of[doc.doc_id]
        clauses = clauses_of(doc, cleaned)  # segmented once for both layers
        figs = figures_of[doc.doc_id] = draft_figures(doc, cleaned, tagger, clauses)
        codes = draft_instruments(doc, cleaned, ins_fw, clauses, training)
        files[f"{doc.doc_id}.instruments.csv"] = csv_bytes(codes)
    # a confidence is the share right, on the reviewed documents and the tuning sets, of drafts with such evidence
    calibrated = calibration_sets.fitted(reviewed_judged(figures_of, figures.validate(extractor=False, quotes=False)),
                                         lambda d, c: draft_figures(d, c, tagger))
    for doc_id, figs in figures_of.items():
        files[f"{doc_id}.figures.csv"] = csv_bytes(figs.assign(
            confidence=calibration.confidence(calibrated, figs["confidence"], figs["evidence"])))
    return files


def reviewed_judged(figures_of: dict[str, pd.DataFrame], curated: pd.DataFrame) -> pd.DataFrame:
    """The in-scope drafts of the documents whose figures are reviewed, judged against their curated figures
    (stated ones: an implied figure has no mention; ``calibration.judge``)."""
    reviewed = curation.reviewed_documents("figures")
    frames = [f.assign(mention_start=[draft_mention_start(i) for i in f["figure_id"]])
              for d, f in figures_of.items() if d in reviewed and len(f)]
    gold = curated[curated["doc_id"].isin(reviewed) & ~curated["implied"]]
    if not frames or gold.empty:
        return pd.DataFrame(columns=["doc_id", "evidence", "score", "right"])
    return calibration.judge(pd.concat(frames, ignore_index=True), gold)[1]


def write(docs: list[corpus.Document] | None = None, progress: bool = False) -> Path:
    """(Re)build ``data/processed/drafts/`` whole, swapped in atomically (nothing half-written)."""
    with draftfiles.locked():
        stamp = draftfiles.fingerprint()
        return draftfiles.store(build(docs, progress), stamp)


def ensure(progress: bool = False) -> Path:
    """The drafts folder, rebuilt first if its inputs changed (the runner calls this before the
    notebooks run, through ``analysis.inuse.build``; reading drafts never rebuilds them)."""
    with draftfiles.locked():
        if not draftfiles.is_current():
            draftfiles.store(build(None, progress), draftfiles.fingerprint())
    return draftfiles.drafts_dir()
