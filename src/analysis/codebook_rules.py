"""The codebook's rules applied to every clause, not only to the disputed ones.

Rules R1-R8 of ``instruments_framework.yml`` (version 1.1) were written to settle the clauses
on which two coders disagreed. Each rule carries a ``check``: cue words (regular expressions)
that make the rule apply to a clause, and the codes the rule then contradicts (``contradicts``:
as ``primary`` code, or ``any`` code, primary or secondary) or the one primary code it expects
(``expects``); ``unless`` lists words that make it not apply. R1, about headings, is checked by
structure (``structure: heading``): a heading by the codebook's ``unit`` that has a body of
measures is compared with the codes those measures share (a code that is the primary code of
more than half of them, or a code of every one of them): a heading coded with another code, or
coded ``none`` when they share one, is listed.

``contradictions`` lists every code of a coding that a rule's check contradicts. A person reviews
each listed code once and records the decision in ``data/curated/instruments_rule_review.csv``
(``keep``, with the reason the rule does not decide the clause, or ``change``, with the codes
that replace it), which ``analysis.rule_review`` reads and puts into the consensus
(``analysis.instruments.load_consensus``); ``rule_review.unreviewed`` is what is still listed
without a decision: nothing, when the review is complete (a test says so).
"""

from __future__ import annotations

import re

import pandas as pd

from analysis import links, measures
from analysis.i18n import columns, record, word
from analysis.rule_review import unreviewed
from analysis.segments import paragraph_of

__all__ = ["contradictions", "summary", "review_table"]

NONE = "none"


def _matches(patterns: list[str], text: str) -> str:
    """The first cue of ``patterns`` found in ``text`` (as written in the codebook), else ''."""
    for p in patterns or []:
        if re.search(p, text):
            return p
    return ""


def _body_codes(members: list[dict]) -> set[str]:
    """The codes a heading's body shares: the primary code of more than half of its measures,
    and any code (primary or secondary) of every one of them."""
    coded = [m for m in members if m["primary"] != NONE]
    if not coded:
        return set()
    primaries = pd.Series([m["primary"] for m in coded]).value_counts()
    shared = {c for c, n in primaries.items() if n * 2 > len(coded)}
    every = set.intersection(*({m["primary"], m["secondary"]} - {""} for m in coded))
    return shared | every


def _headings(coding: pd.DataFrame, framework) -> list[tuple[dict, set[str]]]:
    """Each heading with a coded body (the codebook's ``unit``) and the codes its body shares."""
    linked = measures.link_headings(coding, framework)
    rows = linked.to_dict("records")
    by_paragraph: dict[str, list[dict]] = {}
    for r in rows:
        by_paragraph.setdefault(paragraph_of(r["clause_id"]), []).append(r)
    out = []
    for r in rows:
        if not r["heading"]:
            continue
        body = [m for m in by_paragraph[paragraph_of(r["clause_id"])] if m["clause_id"] != r["clause_id"]]
        if any(m["primary"] != NONE for m in body):
            out.append((r, _body_codes(body)))
    return out


def contradictions(coding: pd.DataFrame, framework) -> pd.DataFrame:
    """Every code of ``coding`` (clause_id, text, primary, secondary) that a rule's check
    contradicts: clause_id, rule, listed (``primary X`` or ``secondary X``), cue (the cue word
    found, or ``heading``), expected (what the rule says instead), text."""
    frame = coding.assign(secondary=coding["secondary"].fillna("")) if "secondary" in coding else \
        coding.assign(secondary="")
    rows = []

    def add(r, rule, field, code, cue, expected):
        rows.append({"clause_id": r["clause_id"], "rule": rule, "listed": f"{field} {code}", "cue": cue,
                     "expected": expected, "text": r["text"]})

    records = frame.to_dict("records")
    for rule_id, rule in framework.rules.items():
        for check in rule.get("check") or []:
            if check.get("structure") == "heading":
                for r, shared in _headings(frame, framework):
                    if r["primary"] != NONE and r["primary"] not in shared:
                        add(r, rule_id, "primary", r["primary"], "heading",
                            " or ".join(sorted(shared)) + " (the body's shared code) or none" if shared else
                            "none (its body's measures share no code)")
                    elif r["primary"] == NONE and shared:
                        add(r, rule_id, "primary", NONE, "heading",
                            f"{' or '.join(sorted(shared))}, unless it names a section or a target area")
                continue
            for r in records:
                cue = _matches(check.get("cues"), r["text"])
                if not cue or _matches(check.get("unless"), r["text"]):
                    continue
                if check.get("expects") and r["primary"] != check["expects"]:
                    add(r, rule_id, "primary", r["primary"], cue, check["expects"])
                against = check.get("contradicts") or {}
                if r["primary"] in (against.get("primary") or []) + (against.get("any") or []):
                    add(r, rule_id, "primary", r["primary"], cue, f"not {r['primary']}")
                if r["secondary"] in (against.get("any") or []):
                    add(r, rule_id, "secondary", r["secondary"], cue, f"not {r['secondary']}")
    return pd.DataFrame(rows, columns=["clause_id", "rule", "listed", "cue", "expected", "text"])


def summary(before: pd.DataFrame, after: pd.DataFrame, review: pd.DataFrame) -> pd.DataFrame:
    """Per rule: the codes listed in the consensus before the review, the decisions (kept,
    changed), and the codes still listed after it with and without a decision."""
    rules = sorted(set(before["rule"]) | set(after["rule"]) | set(review["rule"]), key=lambda r: int(r[1:]))
    left = unreviewed(after, review)
    return pd.DataFrame({
        "rule": rules,
        "listed before the review": [int((before["rule"] == r).sum()) for r in rules],
        "kept": [int(((review["rule"] == r) & (review["decision"] == "keep")).sum()) for r in rules],
        "changed": [int(((review["rule"] == r) & (review["decision"] == "change")).sum()) for r in rules],
        "listed after the review": [int((after["rule"] == r).sum()) for r in rules],
        "unreviewed": [int((left["rule"] == r).sum()) for r in rules],
    }).set_index("rule")


def review_table(review: pd.DataFrame, all_clauses: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Every reviewed code with its clause's text, linked to the viewer; the reviewer's reason
    is a record in the language it was written in (English)."""
    table = review.merge(all_clauses[["clause_id", "text"]], on="clause_id", how="left")
    table["clause_id"] = [links.clause(c, c) for c in table["clause_id"]]
    table["decision"] = table["decision"].map(lambda v: word(v, lang))
    table["reason"] = table["reason"].map(lambda v: record(v, "en", lang))
    return columns(table, lang)
