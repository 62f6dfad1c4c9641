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

import itertools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.i18n import Text, flatten, word
from analysis.quantities import LOWER_BOUND, UPPER_BOUND

__all__ = ["required_growth", "required_path", "achieved_growth", "verdict", "pair_targets", "scorecard",
           "national_trend", "NationalTrend", "NATIONAL_SERIES", "VERDICTS"]

VERDICTS = ("met", "not met", "ahead of pace", "behind pace", "unknown")
# which national series benchmarks which regional indicator
NATIONAL_SERIES = {"maker_spaces": "maker_spaces", "incubators": "incubators"}
# like with like: a target's scope and the national series' scope it may be compared with. National
# statistics count registered carriers (纳入火炬计划统计), so a region's registered carriers compare with
# them; provincial- or municipal-level carriers have no national series of their own.
NATIONAL_SCOPE = {"all": "all", "region_registered": "all", "national_level": "national_level"}
MIN_NATIONAL_POINTS = 4  # with three points the slope's 95% interval rests on one degree of freedom
_LOWER, _UPPER = LOWER_BOUND, UPPER_BOUND
# the scorecard's columns, so that a corpus with no target gives an empty table of the right shape
SCORECARD_COLUMNS = [
    "region", "region_en", "region_zh", "locality", "indicator", "label_en", "label_zh", "scope", "unit", "target_id",
    "target_doc",
    "target_value", "target_year", "target_qualifier", "target_quote", "target_status", "baseline_value",
    "baseline_year", "baseline_qualifier", "baseline_source", "baseline_ref", "baseline_quote", "baseline_implied",
    "baseline_status", "baseline_url", "no_baseline_reason", "years", "required_growth", "required_growth_bound",
    "required_additions_per_year", "target_is_minimum", "observed_value", "observed_year", "observed_as_of",
    "observed_source", "observed_quote", "observed_url", "attainment", "achieved_growth", "verdict", "verdict_reason",
    "verdict_range", "robustness", "flipped_by", "baseline_alternatives",
    "national_growth", "national_growth_low", "national_growth_high", "national_years", "vs_national"]
# the generated sentences, each also in Chinese as <name>_zh (analysis.i18n.flatten)
TEXT_COLUMNS = ["baseline_source", "no_baseline_reason", "verdict_reason", "flipped_by", "vs_national"]
SCORECARD_COLUMNS += [f"{c}_zh" for c in TEXT_COLUMNS]


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


def verdict(target: float, target_year: int, observed: float | None, observed_year: float | None,
            baseline: float | None = None, baseline_year: int | None = None,
            growth: float | None = None, path: str = "geometric") -> tuple[str, Text]:
    """(verdict, reason), the reason in both languages (``analysis.i18n.Text``). An outcome observed after the target year counts against the target.
    Years are year-ends (a target "by 2020" is due at the end of 2020); an outcome during 2020 is
    ``2019.5``, before the deadline. Before it, the outcome is set against the required path from
    the baseline: geometric (constant growth rate, ``growth``) or linear (constant additions)."""
    if observed is None:
        return "unknown", NO_OUTCOME
    assert observed_year is not None, "an observed value has a year"
    if observed_year >= target_year:
        met = observed >= target
        late = Text(f"; observed in {observed_year}, after the target year {target_year}",
                    f";观测于{observed_year}年,晚于目标年份{target_year}年") if observed_year > target_year else ""
        return ("met" if met else "not met"), Text(f"{observed:,.0f} observed vs target {target:,.0f}",
                                                   f"实际值{observed:,.0f},目标值{target:,.0f}") + late
    if observed >= target:
        return "met", Text(f"{observed:,.0f} observed in {observed_year}, already at the target {target:,.0f} of {target_year}",
                           f"{observed_year}年实际值{observed:,.0f},已达到{target_year}年的目标值{target:,.0f}")
    if baseline is None or growth is None:
        return "unknown", Text(f"{observed:,.0f} observed in {observed_year}, before {target_year}, and no baseline to "
                               "draw the required path",
                               f"{observed_year}年(早于{target_year}年)实际值{observed:,.0f},没有基线可画出所需路径")
    assert baseline_year is not None, "a baseline has a year"
    if path == "linear":
        on_path = baseline + (target - baseline) * (observed_year - baseline_year) / (target_year - baseline_year)
    else:
        on_path = baseline * (1 + growth) ** (observed_year - baseline_year)
    pace = "ahead of pace" if observed >= on_path else "behind pace"
    return pace, Text(f"{observed:,.0f} observed in {observed_year} vs {on_path:,.1f} on the required path; "
                      f"target {target:,.0f} in {target_year} not yet reached",
                      f"{observed_year}年实际值{observed:,.0f},所需路径上为{on_path:,.1f};"
                      f"{target_year}年目标值{target:,.0f}尚未达到")


NO_OUTCOME = Text("no observed outcome in the reference data", "参考数据中没有实际结果")


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


def compare_national(indicator: str, scope: str, achieved: float | None, y0: int | None, y1: int | None,
                     trends: dict) -> dict:
    """The national benchmark of a target, like with like: the national series of the same scope
    (``NATIONAL_SCOPE``) over the same years as the region's achieved growth, with at least
    ``MIN_NATIONAL_POINTS`` years; else the reason it is not compared. A region's growth inside
    the national trend's 95% interval is "not distinguishable", never "within the range"."""
    if indicator not in NATIONAL_SERIES:
        return {}
    nat_scope = NATIONAL_SCOPE.get(scope)
    if nat_scope is None:
        return {"vs_national": Text(f"no national series of this scope ({scope}): not compared",
                                    f"没有此口径({scope})的全国序列:不比较")}
    trend = trends.get((indicator, nat_scope))
    if trend is None:
        return {"vs_national": Text(f"fewer than three national observations ({nat_scope}): not compared",
                                    f"全国观测值({nat_scope})少于三个:不比较")}
    out = {"national_growth": trend.growth, "national_growth_low": trend.low, "national_growth_high": trend.high,
           "national_years": f"{min(trend.years)}-{max(trend.years)} (n={trend.n}, {nat_scope})"}
    if achieved is None or pd.isna(achieved):
        return out
    a, b = min(trend.years), max(trend.years)
    assert y0 is not None and y1 is not None, "an achieved growth has its years"
    if a > y0 or b < y1:
        out["vs_national"] = Text(f"not the same years: the national series covers {a}-{b}, "
                                  f"the region's growth {int(y0)}-{int(y1)}",
                                  f"年份不同:全国序列为{a}-{b}年,地区增速为{int(y0)}-{int(y1)}年")
    elif trend.n < MIN_NATIONAL_POINTS:
        out["vs_national"] = Text(f"too few points: the national trend rests on {trend.n} years",
                                  f"点数太少:全国趋势仅基于{trend.n}个年份")
    elif trend.low <= achieved <= trend.high:
        out["vs_national"] = Text(f"not distinguishable from the national pace (95% CI {trend.low:.1%} to "
                                  f"{trend.high:.1%}, n={trend.n})",
                                  f"与全国增速无法区分(95%置信区间{trend.low:.1%}至{trend.high:.1%},n={trend.n})")
    else:
        out["vs_national"] = Text("faster than the nation", "快于全国") if achieved > trend.high \
            else Text("slower than the nation", "慢于全国")
    return out


def pair_targets(figures: pd.DataFrame, outcomes: pd.DataFrame) -> pd.DataFrame:
    """One row per target with its baseline (or the reason there is none)."""
    rows = []
    # candidates grouped once by (region, indicator, scope): a large corpus has many targets
    from analysis.figures import NOT_A_STOCK, has_flag

    # a first batch or carriers under construction are not the region's stock (figures' flags)
    for col in ("locality", "flags"):
        if col not in figures:
            figures = figures.assign(**{col: ""})
    stocks = figures["kind"].isin(["baseline", "actual"])
    status = figures[stocks & ~has_flag(figures, *NOT_A_STOCK)]
    # a baseline is of the same place: a city's or a zone's figure is not the province's
    candidates = {key: group for key, group in status.groupby(["region", "locality", "indicator", "scope"])}
    # ... but a first batch read as the stock is a reading a verdict may be tested against
    subsets = {key: group for key, group in figures[stocks & has_flag(figures, *NOT_A_STOCK)]
               .groupby(["region", "locality", "indicator", "scope"])}
    references = {key: group for key, group in outcomes.groupby(["region", "indicator", "scope"])}
    empty_f, empty_o = status.iloc[:0], outcomes.iloc[:0]
    for t in figures[figures["kind"] == "target"].itertuples():
        key = (t.region, t.indicator, t.scope)
        same = candidates.get((t.region, t.locality, t.indicator, t.scope), empty_f)
        same = same[same["year"] < t.year]
        in_doc = same[same["doc_id"] == t.doc_id]
        other_docs = same[same["doc_id"] != t.doc_id]
        ref = references.get(key, empty_o) if not t.locality else empty_o  # reference data are regions'
        ref = ref[(ref["year"] < t.year) & (ref["year"] <= int(str(t.doc_date)[:4]))]
        base: dict[str, Any] = {"baseline_value": None, "baseline_year": None, "baseline_qualifier": None, "baseline_source": None,
                "baseline_ref": None, "baseline_quote": None, "baseline_implied": False, "baseline_status": None,
                "baseline_url": None, "no_baseline_reason": None}
        if len(in_doc) or len(other_docs):
            pool = in_doc if len(in_doc) else other_docs
            # prefer a stated figure over an implied one, then what the document gives as its base
            # (kind baseline), then the latest year
            pool = pool.assign(_pref=pool["kind"].eq("baseline").astype(int), _stated=(~pool["implied"]).astype(int))
            b = pool.sort_values(["_stated", "_pref", "year"]).iloc[-1]
            source = Text("same document", "同一文献") if len(in_doc) else \
                Text(f"another document ({b.doc_id})", f"另一文献({b.doc_id})")
            if b.implied:
                source += Text(", implied", ",隐含")
            base.update(baseline_value=b.value, baseline_year=int(b.year), baseline_qualifier=b.qualifier,
                        baseline_source=source, baseline_ref=b.figure_id, baseline_quote=b.quote,
                        baseline_implied=bool(b.implied), baseline_status=b.status)
        elif len(ref):
            b = ref.sort_values("year").iloc[-1]
            base.update(baseline_value=float(b.value), baseline_year=int(b.year), baseline_qualifier="exact",
                        # the source's title is a record in its own language: on hover in the table
                        baseline_source=Text(f"reference data ({b.source})", "参考数据(来源见悬停提示)"),
                        baseline_ref=f"outcomes.csv {b.as_of}",
                        baseline_quote=b.quote, baseline_status="reference data",
                        baseline_url=getattr(b, "source_url", None))
        else:
            base["no_baseline_reason"] = Text(
                f"no {t.indicator} ({t.scope}) figure before {t.year} in the region's documents or in the reference data",
                f"该地区的文献和参考数据中都没有{t.year}年以前的{t.label_zh}({t.scope})数字")
        chosen = base["baseline_ref"]
        alternatives = [{"value": float(a.value), "year": int(a.year), "figure_id": a.figure_id,
                         "reading": Text(f"baseline {a.value:,.0f} ({int(a.year)}, {a.figure_id}: "
                                         f"{a.flags.replace('_', ' ')}) read as the stock",
                                         f"把基线{a.value:,.0f}({int(a.year)}年,{a.figure_id}:"
                                         f"{'、'.join(word(f, 'zh') for f in a.flags.split(';') if f)})读作存量")}
                        for a in subsets.get((t.region, t.locality, t.indicator, t.scope), empty_f).itertuples()
                        if a.year < t.year]
        alternatives += [{"value": float(a.value), "year": int(a.year), "figure_id": a.figure_id,
                          "reading": Text(f"baseline {a.value:,.0f} ({int(a.year)}, {a.figure_id})",
                                          f"基线{a.value:,.0f}({int(a.year)}年,{a.figure_id})")}
                         for a in same.itertuples() if a.figure_id != chosen and not a.implied]
        base["baseline_alternatives"] = alternatives
        rows.append({"region": t.region, "region_en": t.region_en, "region_zh": t.region_zh, "locality": t.locality,
                     "indicator": t.indicator,
                     "label_en": t.label_en, "label_zh": t.label_zh, "scope": t.scope,
                     "unit": getattr(t, "unit", ""),  # of the target, its baseline and the outcome (a paper's units column)
                     "target_id": t.figure_id,
                     "target_doc": t.doc_id, "target_value": t.value, "target_year": int(t.year),
                     "target_qualifier": t.qualifier, "target_quote": t.quote, "target_status": t.status,
                     **base})
    return pd.DataFrame(rows)


def load_readings(path: Path | None = None) -> pd.DataFrame:
    """``data/curated/readings.csv``: other plausible readings of a verdict's inputs, checked
    against the data package's schema."""
    from analysis import paths, schema
    from analysis.tables import read_rows

    path = path or paths.curated_dir() / "readings.csv"
    cols = ["subject", "field", "value", "reading", "reading_zh", "reason"]
    rows = read_rows(path, [c for c in cols if c != "reading_zh"], "readings table")  # reading_zh is optional
    schema.check_file("readings", path, list(enumerate(rows, 1)), ("subject", "field", "value"))
    frame = pd.DataFrame(rows, columns=cols).fillna({"reading_zh": ""})
    frame["value"] = frame["value"].astype(float)
    return frame


def robustness(row: dict, readings: pd.DataFrame) -> dict:
    """The verdict of one scorecard row under every plausible reading of its inputs: the
    outcome's date (``readings``: as_of), the baseline (the others the documents give, a first
    batch read as the stock; an implied 倍增 baseline read as a slogan, that is no baseline), and
    the required path (geometric, linear). ``robust`` when all readings agree, else ``fragile``
    with each single reading that flips the verdict."""
    t, y1, ov, oy = row["target_value"], row["target_year"], row["observed_value"], row["observed_year"]
    if ov is None or pd.isna(ov):
        return {"verdict_range": row["verdict"], "robustness": "robust", "flipped_by": Text("", "")}
    b, y0 = row["baseline_value"], row["baseline_year"]
    has_base = b is not None and not pd.isna(b)
    dates = [(oy, "")] + [(float(r.value), Text(r.reading, r.reading_zh or r.reading)) for r in readings[
        (readings["subject"] == f"outcomes:{row['region']}") & (readings["field"] == "as_of")].itertuples()]
    bases: list[tuple[tuple[Any, Any] | None, str | Text]] = [((b, y0) if has_base else None, "")]
    bases += [((a["value"], a["year"]), a["reading"]) for a in (row.get("baseline_alternatives") or [])]
    if has_base and row.get("baseline_implied"):
        bases.append((None, Text("倍增 read as a slogan: no implied baseline", "把倍增读作口号:没有隐含基线")))
    outcomes: dict[str, list[Text]] = {}
    for (date, r1), (base, r2), path in itertools.product(dates, bases, ("geometric", "linear")):
        if base is not None and base[1] >= date:
            continue  # a baseline after the outcome is no baseline for it
        g = required_growth(base[0], t, base[1], y1) if base is not None else None
        v, _ = verdict(t, y1, ov, date, base[0] if base else None, base[1] if base else None, g, path)
        linear = Text("a linear required path", "线性所需路径") if path == "linear" else ""
        reading = Text.join([x for x in (r1, r2, linear) if x])
        outcomes.setdefault(v, []).append(reading)
    verdicts = list(outcomes)
    main = row["verdict"]
    # the simplest reading that flips it: the one said in the fewest words
    flips = [Text(f"{v} under the reading: ", f"在以下读法下为{word(v, 'zh')}:") + min(outcomes[v], key=lambda r: len(r.en))
             for v in verdicts if v != main]
    return {"verdict_range": " / ".join([main] + [v for v in verdicts if v != main]),
            "robustness": "robust" if not flips else "fragile", "flipped_by": Text.join(flips)}


def scorecard(figures: pd.DataFrame, outcomes: pd.DataFrame, national: pd.DataFrame,
              readings: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per target: baseline, required growth and additions, observed outcome, attainment,
    achieved growth, verdict with its reason, how it holds under the other plausible readings
    of its inputs (``robustness``), and the national benchmark, like with like."""
    readings = load_readings() if readings is None else readings
    pairs = pair_targets(figures, outcomes)
    observed = {key: group for key, group in outcomes.groupby(["region", "indicator", "scope"])}
    # fitted only when a target needs them (the fit imports statsmodels, a second or more)
    needed = set(pairs["indicator"]) if len(pairs) else set()
    trends = {(ind, scope): national_trend(national, ser, scope) for ind, ser in NATIONAL_SERIES.items()
              if ind in needed for scope in set(NATIONAL_SCOPE.values())}
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
        # observed outcomes are the reference data's, of whole regions: none for a city's or zone's target
        obs = observed.get((p["region"], p["indicator"], p["scope"]), outcomes.iloc[:0]) if not p.get("locality") \
            else outcomes.iloc[:0]
        if has_base:  # an outcome is what came after the baseline
            obs = obs[obs["year"] > y0]
        ov: float | None
        oy: int | None
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
            reason = Text.join([NO_OUTCOME, p["no_baseline_reason"]])
        row.update(verdict=v, verdict_reason=reason)
        row.update(robustness(row, readings))
        row.update(compare_national(p["indicator"], p["scope"], row["achieved_growth"], y0 if has_base else None,
                                    oy, trends))
        out.append(flatten(row))
    frame = pd.DataFrame(out, columns=None if out else SCORECARD_COLUMNS)
    for col in ("national_growth", "national_growth_low", "national_growth_high", "national_years", "vs_national",
                "vs_national_zh", *(f"{c}_zh" for c in TEXT_COLUMNS)):
        if col not in frame.columns:
            frame[col] = None
    # each sentence's Chinese beside its English, whatever order the rows brought them in
    twins = {f"{c}_zh" for c in TEXT_COLUMNS}
    order = [c for c in frame.columns if c not in twins]
    for c in TEXT_COLUMNS:
        if c in order:
            order.insert(order.index(c) + 1, f"{c}_zh")
    return frame[order]


# --- for the notebooks -----------------------------------------------------------------------
def _items(value) -> list[str] | None:
    if value in (None, "all"):
        return None
    items = [v.strip() for v in str(value).split(",") if v.strip()]
    return None if "all" in items else items


def select(card: pd.DataFrame, target_year: str | int = "all", regions: str = "all", indicators: str = "all") -> pd.DataFrame:
    out = card
    if str(target_year) != "all":
        out = out[out["target_year"] == int(target_year)]
    if _items(regions):
        out = out[out["region"].isin(_items(regions))]
    if _items(indicators):
        out = out[out["indicator"].isin(_items(indicators))]
    return out.reset_index(drop=True)


def headline(card: pd.DataFrame, lang: str = "en") -> str:
    from analysis.i18n import word

    if card.empty:
        return Text("No target matches the parameters", "没有符合参数的目标")(lang)
    counts = card["verdict"].value_counts()
    with_base = int(card["required_growth"].notna().sum())
    fragile = int((card["robustness"] == "fragile").sum()) if "robustness" in card else 0
    parts = Text.join([Text(f"{counts[v]} {v}", f"{word(v, 'zh')}{counts[v]}个") for v in VERDICTS if v in counts], ", ", "、")
    return Text(f"{len(card)} targets: {parts.en}; {with_base} with a baseline to measure the required pace"
                + (f"; {fragile} verdict{'s' if fragile != 1 else ''} fragile" if fragile else ""),
                f"{len(card)}个目标:{parts.zh};{with_base}个有基线可算所需增速"
                + (f";{fragile}个结论不稳健" if fragile else ""))(lang)
