"""The targets analysis as tables a reader wants (``analysis.targets`` computes them): the
scorecard with numbers formatted and values linked to their sentences, the unknown verdicts
grouped by reason, the national benchmarks and the provenance of every figure used."""

from __future__ import annotations

import math

import pandas as pd

from analysis.i18n import Text
from analysis.targets import NATIONAL_SCOPE, NATIONAL_SERIES, national_trend

__all__ = ["unknown_groups", "scorecard_table", "national_table", "provenance_table"]


def unknown_groups(card: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Per scorecard row, why the target says nothing (no verdict and nothing observed; no
    baseline either), or None: the rows a reader sees folded, one line per reason."""
    out: list[str | None] = []
    for r in card.to_dict("records"):
        if r["verdict"] != "unknown" or not pd.isna(r["observed_value"]):
            out.append(None)
            continue
        no_base = pd.isna(r["baseline_value"])
        out.append(Text("unknown: no observed outcome in the reference data" + ("; no baseline either" if no_base else ""),
                        "无法判断:参考数据中没有实际结果" + (",也没有基线" if no_base else ""))(lang))
    return pd.Series(out, dtype=object)


def _fmt(value, pct: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.1%}" if pct else f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def scorecard_table(card: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The scorecard as a reader wants it: one row per target, numbers formatted."""
    from analysis import links
    from analysis.i18n import columns, pick, word

    rows = []
    for r in card.to_dict("records"):
        base: str | links.Link
        if r["baseline_value"] is None or pd.isna(r["baseline_value"]):
            base = "–"
        else:
            text = f"{_fmt(r['baseline_value'])} ({int(r['baseline_year'])})"
            base = links.reference(text, r["baseline_source"], r.get("baseline_url"), r["baseline_quote"]) \
                if r["baseline_status"] == "reference data" else links.figure(text, r["baseline_ref"])
        minimum = Text(" or more", "以上")(lang) if r["target_is_minimum"] else ""
        observed = "–" if r["observed_value"] is None or pd.isna(r["observed_value"]) else links.reference(
            f"{_fmt(r['observed_value'])} ({r['observed_as_of']})", r["observed_source"], r.get("observed_url"),
            r["observed_quote"])
        status = word(r["target_status"], lang)
        if not (r["baseline_status"] in (None, "reviewed", "reference data") or pd.isna(r["baseline_status"])):
            status += Text(f", baseline {r['baseline_status']}", f",基线{word(r['baseline_status'], 'zh')}")(lang)
        rows.append({
            "target": links.figure(r["target_id"], r["target_id"]),
            "status": status,
            "region": links.region(r["region"], (r["region_zh"] if lang == "zh" else r["region_en"])
                                   + (f" · {r['locality']}" if r.get("locality") else ""), lang),
            "indicator": r["label_zh"] if lang == "zh" else r["label_en"],
            "scope": r["scope"],
            "baseline": base,
            "baseline from": pick(r, "no_baseline_reason" if pd.isna(r["baseline_value"]) else "baseline_source", lang),
            "target value": links.figure(f"{_fmt(r['target_value'])}{minimum} ({r['target_year']})", r["target_id"]),
            "required growth": _fmt(r["required_growth"], pct=True),
            "bound": "–" if pd.isna(r["required_growth"]) else r["required_growth_bound"],
            "observed": observed,
            "attainment": "–" if r["attainment"] is None or pd.isna(r["attainment"]) else f"{r['attainment']:.2f}",
            "achieved growth": _fmt(r["achieved_growth"], pct=True),
            "national growth": _fmt(r["national_growth"], pct=True),
            "verdict": r["verdict"],
            "readings": word(r["robustness"], lang) + (Text(": ", ":")(lang) + pick(r, "flipped_by", lang)
                                                       if r.get("flipped_by") else ""),
            "why": pick(r, "verdict_reason", lang),
            "vs nation": pick(r, "vs_national", lang) or "–",
        })
    if not rows:
        return pd.DataFrame()
    frame = pd.DataFrame(rows)
    for col in ("verdict", "bound"):
        frame[col] = frame[col].map(lambda v: word(v, lang))
    return columns(frame.set_index("target"), lang)


def national_table(national: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    rows = []
    for indicator, scope in sorted({(i, sc) for i in NATIONAL_SERIES.values() for sc in set(NATIONAL_SCOPE.values())}):
        series = national[(national["indicator"] == indicator) & (national["scope"] == scope)].sort_values("year")
        if series.empty:
            continue
        trend = national_trend(national, indicator, scope)
        rows.append({
            "indicator": indicator, "scope": scope,
            "observations": ", ".join(f"{y}: {v:,.0f}" for y, v in zip(series["year"], series["value"], strict=False)),
            "growth per year": _fmt(trend.growth, pct=True) if trend else "–",
            "95% CI": (Text(f"{trend.low:.1%} to {trend.high:.1%}", f"{trend.low:.1%} 至 {trend.high:.1%}") if trend
                       else Text("fewer than three observations", "观测值少于三个"))(lang),
        })
    from analysis.i18n import columns

    return columns(pd.DataFrame(rows), lang)


def provenance_table(card: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    from analysis.i18n import columns, record, word

    table = card[["region", "indicator", "scope", "target_id", "target_status", "target_quote", "baseline_ref",
                  "baseline_quote", "observed_source", "observed_quote"]].fillna("–")
    table = table.assign(target_status=table["target_status"].map(lambda v: word(v, lang)),
                         observed_source=table["observed_source"].map(lambda v: record(v, "en", lang)))
    return columns(table.set_index("target_id"), lang)
