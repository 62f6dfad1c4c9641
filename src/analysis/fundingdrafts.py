"""Funding attributes drafted from cue words, for the money figures of a document no person has
reviewed: instrument, payer and its level, what the money is (a rule, a fund's size, a plan, a
budget, money spent), stock or flow, and what an amount is per; what the words do not settle is
``unknown``. The columns are ``funding.csv``'s (``analysis.funding``).
"""

from __future__ import annotations

import re

import pandas as pd

from analysis import corpus, quantities
from analysis.funding import FIELDS

__all__ = ["draft_funding", "is_money"]

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
    frame = pd.DataFrame(rows, columns=FIELDS)
    frame["period_years"] = pd.to_numeric(frame["period_years"]).astype("Int64")
    frame["counts_in_total"] = frame["counts_in_total"].astype(bool)
    return frame
