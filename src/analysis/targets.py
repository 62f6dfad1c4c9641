"""Growth toward the 2018 and 2020 targets: required pace, observed outcomes, and
the national benchmark.

Each target (a curated figure of kind ``target``) is paired with a baseline of the
same region, indicator and scope: from the same document where it states one (an
implied baseline such as Jiaxing's 倍增 counts, marked), else from another document
of the region, else from the reference data; all marked with where they came from.
Observed outcomes come from the reference data only.

Hedged figures keep their meaning: a baseline of ``300余`` is a lower bound, so the
required growth computed from it is an upper bound; a target ``以上`` is a minimum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.quantities import LOWER_BOUND, UPPER_BOUND

__all__ = ["required_growth", "required_path", "achieved_growth", "verdict", "pair_targets", "scorecard",
           "national_trend", "NationalTrend", "NATIONAL_SERIES", "VERDICTS"]

VERDICTS = ("met", "not met", "ahead of pace", "behind pace", "unknown")
# which national series benchmarks which regional indicator
NATIONAL_SERIES = {"maker_spaces": "maker_spaces", "incubators": "incubators"}
_LOWER, _UPPER = LOWER_BOUND, UPPER_BOUND
# the scorecard's columns, so that a corpus with no target gives an empty table of the right shape
SCORECARD_COLUMNS = [
    "region", "region_en", "region_zh", "indicator", "label_en", "label_zh", "scope", "target_id", "target_doc",
    "target_value", "target_year", "target_qualifier", "target_quote", "target_status", "baseline_value",
    "baseline_year", "baseline_qualifier", "baseline_source", "baseline_ref", "baseline_quote", "baseline_implied",
    "baseline_status", "baseline_url", "no_baseline_reason", "years", "required_growth", "required_growth_bound",
    "required_additions_per_year", "target_is_minimum", "observed_value", "observed_year", "observed_as_of",
    "observed_source", "observed_quote", "observed_url", "attainment", "achieved_growth", "verdict", "verdict_reason",
    "national_growth", "national_growth_low", "national_growth_high", "national_years", "vs_national"]


def required_growth(baseline: float, target: float, year0: int, year1: int) -> float:
    """Compound annual growth rate needed: (target / baseline) ** (1 / (year1 - year0)) - 1."""
    if year1 <= year0:
        raise ValueError(f"target year {year1} is not after the baseline year {year0}")
    if baseline <= 0 or target <= 0:
        raise ValueError("baseline and target must be positive")
    return (target / baseline) ** (1 / (year1 - year0)) - 1


def required_path(baseline: float, growth: float, year0: int, year1: int) -> list[tuple[int, float]]:
    """The value each year on the way from the baseline to the target at the required rate."""
    return [(y, baseline * (1 + growth) ** (y - year0)) for y in range(year0, year1 + 1)]


def achieved_growth(baseline: float, observed: float, year0: int, year_observed: int) -> float | None:
    if year_observed <= year0 or baseline <= 0 or observed <= 0:
        return None
    return (observed / baseline) ** (1 / (year_observed - year0)) - 1


def growth_bound(baseline_qualifier: str | None) -> str:
    """What the required growth computed from the stated baseline is."""
    if baseline_qualifier in _LOWER:
        return "upper bound"  # the true baseline is larger, so less growth was needed
    if baseline_qualifier in _UPPER:
        return "lower bound"
    if baseline_qualifier == "approx":
        return "approximate"
    return "exact"


def verdict(target: float, target_year: int, observed: float | None, observed_year: int | None,
            baseline: float | None = None, baseline_year: int | None = None,
            growth: float | None = None) -> tuple[str, str]:
    """(verdict, reason). An outcome observed after the target year counts against the target."""
    if observed is None:
        return "unknown", "no observed outcome in the reference data"
    if observed_year >= target_year:
        met = observed >= target
        late = f"; observed in {observed_year}, after the target year {target_year}" if observed_year > target_year else ""
        return ("met" if met else "not met"), f"{observed:,.0f} observed vs target {target:,.0f}{late}"
    if observed >= target:
        return "met", f"{observed:,.0f} observed in {observed_year}, already at the target {target:,.0f} of {target_year}"
    if baseline is None or growth is None:
        return "unknown", f"{observed:,.0f} observed in {observed_year}, before {target_year}, and no baseline to draw the required path"
    on_path = baseline * (1 + growth) ** (observed_year - baseline_year)
    pace = "ahead of pace" if observed >= on_path else "behind pace"
    return pace, (f"{observed:,.0f} observed in {observed_year} vs {on_path:,.1f} on the required path; "
                  f"target {target:,.0f} in {target_year} not yet reached")


@dataclass
class NationalTrend:
    indicator: str
    growth: float  # annual growth rate from the log-linear fit
    low: float  # 95% confidence interval of the growth rate
    high: float
    years: list[int]
    n: int
    slope: float
    intercept: float

    def predict(self, year: int) -> float:
        return float(np.exp(self.intercept + self.slope * year))


def national_trend(national: pd.DataFrame, indicator: str, scope: str = "all") -> NationalTrend | None:
    """Log-linear trend log(value) = a + b * year fitted by OLS (statsmodels); growth = e^b - 1,
    with the 95% confidence interval of b. None when fewer than three observations."""
    import statsmodels.api as sm

    rows = national[(national["indicator"] == indicator) & (national["scope"] == scope)].sort_values("year")
    if len(rows) < 3:
        return None
    X = sm.add_constant(rows["year"].astype(float).to_numpy())
    fit = sm.OLS(np.log(rows["value"].astype(float).to_numpy()), X).fit()
    lo, hi = fit.conf_int(alpha=0.05)[1]
    b = fit.params[1]
    return NationalTrend(indicator, math.exp(b) - 1, math.exp(lo) - 1, math.exp(hi) - 1,
                         rows["year"].tolist(), len(rows), float(b), float(fit.params[0]))


def pair_targets(figures: pd.DataFrame, outcomes: pd.DataFrame) -> pd.DataFrame:
    """One row per target with its baseline (or the reason there is none)."""
    rows = []
    # candidates grouped once by (region, indicator, scope): a large corpus has many targets
    status = figures[figures["kind"].isin(["baseline", "actual"])]
    candidates = {key: group for key, group in status.groupby(["region", "indicator", "scope"])}
    references = {key: group for key, group in outcomes.groupby(["region", "indicator", "scope"])}
    empty_f, empty_o = status.iloc[:0], outcomes.iloc[:0]
    for t in figures[figures["kind"] == "target"].itertuples():
        key = (t.region, t.indicator, t.scope)
        same = candidates.get(key, empty_f)
        same = same[same["year"] < t.year]
        in_doc = same[same["doc_id"] == t.doc_id]
        other_docs = same[same["doc_id"] != t.doc_id]
        ref = references.get(key, empty_o)
        ref = ref[(ref["year"] < t.year) & (ref["year"] <= int(str(t.doc_date)[:4]))]
        base = {"baseline_value": None, "baseline_year": None, "baseline_qualifier": None, "baseline_source": None,
                "baseline_ref": None, "baseline_quote": None, "baseline_implied": False, "baseline_status": None,
                "baseline_url": None, "no_baseline_reason": None}
        if len(in_doc) or len(other_docs):
            pool = in_doc if len(in_doc) else other_docs
            # prefer a stated figure over an implied one, then what the document gives as its base
            # (kind baseline; a later "first batch" is a subset, not the total), then the latest year
            pool = pool.assign(_pref=pool["kind"].eq("baseline").astype(int), _stated=(~pool["implied"]).astype(int))
            b = pool.sort_values(["_stated", "_pref", "year"]).iloc[-1]
            source = "same document" if len(in_doc) else f"another document ({b.doc_id})"
            if b.implied:
                source += ", implied"
            base.update(baseline_value=b.value, baseline_year=int(b.year), baseline_qualifier=b.qualifier,
                        baseline_source=source, baseline_ref=b.figure_id, baseline_quote=b.quote,
                        baseline_implied=bool(b.implied), baseline_status=b.status)
        elif len(ref):
            b = ref.sort_values("year").iloc[-1]
            base.update(baseline_value=float(b.value), baseline_year=int(b.year), baseline_qualifier="exact",
                        baseline_source=f"reference data ({b.source})", baseline_ref=f"outcomes.csv {b.as_of}",
                        baseline_quote=b.quote, baseline_status="reference data",
                        baseline_url=getattr(b, "source_url", None))
        else:
            base["no_baseline_reason"] = (f"no {t.indicator} ({t.scope}) figure before {t.year} in the region's documents "
                                          "or in the reference data")
        rows.append({"region": t.region, "region_en": t.region_en, "region_zh": t.region_zh, "indicator": t.indicator,
                     "label_en": t.label_en, "label_zh": t.label_zh, "scope": t.scope, "target_id": t.figure_id,
                     "target_doc": t.doc_id, "target_value": t.value, "target_year": int(t.year),
                     "target_qualifier": t.qualifier, "target_quote": t.quote, "target_status": t.status,
                     **base})
    return pd.DataFrame(rows)


def scorecard(figures: pd.DataFrame, outcomes: pd.DataFrame, national: pd.DataFrame) -> pd.DataFrame:
    """Per target: baseline, required growth and additions, observed outcome, attainment,
    achieved growth, verdict with its reason, and the national benchmark."""
    pairs = pair_targets(figures, outcomes)
    observed = {key: group for key, group in outcomes.groupby(["region", "indicator", "scope"])}
    # fitted only when a target needs them (the fit imports statsmodels, a second or more)
    needed = set(pairs["indicator"]) if len(pairs) else set()
    trends = {ind: national_trend(national, ser) for ind, ser in NATIONAL_SERIES.items() if ind in needed}
    out = []
    for p in pairs.to_dict("records"):
        row = dict(p)
        b, y0, t, y1 = p["baseline_value"], p["baseline_year"], p["target_value"], p["target_year"]
        has_base = b is not None and not pd.isna(b)
        g = required_growth(b, t, y0, y1) if has_base else None
        row.update(years=(y1 - y0) if has_base else None, required_growth=g,
                   required_growth_bound=growth_bound(p["baseline_qualifier"]) if has_base else None,
                   required_additions_per_year=(t - b) / (y1 - y0) if has_base else None,
                   target_is_minimum=p["target_qualifier"] in _LOWER)
        obs = observed.get((p["region"], p["indicator"], p["scope"]), outcomes.iloc[:0])
        if has_base:  # an outcome is what came after the baseline
            obs = obs[obs["year"] > y0]
        if len(obs):
            o = obs.sort_values("year").iloc[-1]
            ov, oy = float(o.value), int(o.year)
            row.update(observed_value=ov, observed_year=oy, observed_as_of=o.as_of, observed_source=o.source,
                       observed_quote=o.quote, observed_url=getattr(o, "source_url", None), attainment=ov / t,
                       achieved_growth=achieved_growth(b, ov, y0, oy) if has_base else None)
        else:
            ov = oy = None
            row.update(observed_value=None, observed_year=None, observed_as_of=None, observed_source=None,
                       observed_quote=None, observed_url=None, attainment=None, achieved_growth=None)
        v, reason = verdict(t, y1, ov, oy, b if has_base else None, y0, g)
        if v == "unknown" and ov is None and not has_base:
            reason = f"no observed outcome in the reference data; {p['no_baseline_reason']}"
        row.update(verdict=v, verdict_reason=reason)
        trend = trends.get(p["indicator"])
        if trend is not None:
            row.update(national_growth=trend.growth, national_growth_low=trend.low, national_growth_high=trend.high,
                       national_years=f"{min(trend.years)}-{max(trend.years)} (n={trend.n})")
            ag = row["achieved_growth"]
            if ag is not None:
                row["vs_national"] = ("faster than the nation" if ag > trend.high else
                                      "slower than the nation" if ag < trend.low else "within the national range")
        out.append(row)
    frame = pd.DataFrame(out, columns=None if out else SCORECARD_COLUMNS)
    for col in ("national_growth", "national_growth_low", "national_growth_high", "national_years", "vs_national"):
        if col not in frame.columns:
            frame[col] = None
    return frame


# --- for the notebooks -----------------------------------------------------------------------
def _items(value) -> list[str] | None:
    if value in (None, "all"):
        return None
    items = [v.strip() for v in str(value).split(",") if v.strip()]
    return None if "all" in items else items


def select(card: pd.DataFrame, target_year="all", regions="all", indicators="all") -> pd.DataFrame:
    out = card
    if str(target_year) != "all":
        out = out[out["target_year"] == int(target_year)]
    if _items(regions):
        out = out[out["region"].isin(_items(regions))]
    if _items(indicators):
        out = out[out["indicator"].isin(_items(indicators))]
    return out.reset_index(drop=True)


def headline(card: pd.DataFrame) -> str:
    if card.empty:
        return "No target matches the parameters"
    counts = card["verdict"].value_counts()
    parts = ", ".join(f"{counts[v]} {v}" for v in VERDICTS if v in counts)
    with_base = int(card["required_growth"].notna().sum())
    return f"{len(card)} targets: {parts}; {with_base} with a baseline to measure the required pace"


def _fmt(value, pct: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.1%}" if pct else f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def scorecard_table(card: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The scorecard as a reader wants it: one row per target, numbers formatted."""
    from analysis import links

    rows = []
    for r in card.to_dict("records"):
        if r["baseline_value"] is None or pd.isna(r["baseline_value"]):
            base = "–"
        else:
            text = f"{_fmt(r['baseline_value'])} ({int(r['baseline_year'])})"
            base = links.reference(text, r["baseline_source"], r.get("baseline_url"), r["baseline_quote"]) \
                if r["baseline_status"] == "reference data" else links.figure(text, r["baseline_ref"])
        minimum = " or more" if r["target_is_minimum"] else ""
        observed = "–" if r["observed_value"] is None or pd.isna(r["observed_value"]) else links.reference(
            f"{_fmt(r['observed_value'])} ({r['observed_as_of']})", r["observed_source"], r.get("observed_url"),
            r["observed_quote"])
        rows.append({
            "target": links.figure(r["target_id"], r["target_id"]),
            "status": r["target_status"] if r["baseline_status"] in (None, "reviewed", "reference data")
            or pd.isna(r["baseline_status"]) else f"{r['target_status']}, baseline {r['baseline_status']}",
            "region": links.region(r["region"], r["region_zh"] if lang == "zh" else r["region_en"]),
            "indicator": r["label_zh"] if lang == "zh" else r["label_en"],
            "scope": r["scope"],
            "baseline": base,
            "baseline from": r["no_baseline_reason"] if pd.isna(r["baseline_value"]) else r["baseline_source"],
            "target value": links.figure(f"{_fmt(r['target_value'])}{minimum} ({r['target_year']})", r["target_id"]),
            "required growth": _fmt(r["required_growth"], pct=True),
            "bound": "–" if pd.isna(r["required_growth"]) else r["required_growth_bound"],
            "observed": observed,
            "attainment": "–" if r["attainment"] is None or pd.isna(r["attainment"]) else f"{r['attainment']:.2f}",
            "achieved growth": _fmt(r["achieved_growth"], pct=True),
            "national growth": _fmt(r["national_growth"], pct=True),
            "verdict": r["verdict"],
            "why": r["verdict_reason"],
        })
    return pd.DataFrame(rows).set_index("target") if rows else pd.DataFrame()


def national_table(national: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for indicator in sorted(set(NATIONAL_SERIES.values())):
        trend = national_trend(national, indicator)
        series = national[(national["indicator"] == indicator) & (national["scope"] == "all")].sort_values("year")
        rows.append({
            "indicator": indicator,
            "observations": ", ".join(f"{y}: {v:,.0f}" for y, v in zip(series["year"], series["value"])),
            "growth per year": _fmt(trend.growth, pct=True) if trend else "–",
            "95% CI": f"{trend.low:.1%} to {trend.high:.1%}" if trend else "fewer than three observations",
        })
    return pd.DataFrame(rows)


def provenance_table(card: pd.DataFrame) -> pd.DataFrame:
    return card[["region", "indicator", "scope", "target_id", "target_status", "target_quote", "baseline_ref",
                 "baseline_quote", "observed_source", "observed_quote"]].fillna("–").set_index("target_id")
