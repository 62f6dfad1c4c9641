"""Funding: the money the documents name, put on a common footing and compared like with like.

``data/curated/funding.csv`` adds to each money figure of the curated table (kind
``funding``, and the figures of subsidy rules) what a comparison needs: instrument,
payer, recipient, what the amount is per, its period, which curated figures are its
denominators (entities, firms, area), and its class: whose money (``payer_type``:
government, carrier, market), what it is (``money``: spent, budget, plan, fund size, rule)
and whether it is a stock or a flow. Every number therefore still traces to a quote.

Like with like: amounts are compared across regions only within one class; a share of GDP or
a per-capita figure is given only for a government flow about a whole region (a carrier's own
fund, a cumulative stock, a city's or a zone's budget get the reason instead).

Hedges carry through: dividing a lower bound (``1600余万元``) by an exact count gives
a lower bound; dividing by a lower bound (``1128余家``) gives an upper bound; a lower
bound over a lower bound is indeterminate. Per capita and share of GDP use the
reference data only when it has a value within one year of the figure; otherwise the
row says "no denominator" and why. Constant prices need the CPI of every year between
the figure and the base year: an amount for which one is missing is a gap, not a failure
(its rows say "not in 2017 prices: no CPI for 2018–2020", it is left out of every per-unit
value and comparison, and the headline counts it).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

import pandas as pd

from analysis import paths, schema
from analysis.errors import DataError
from analysis.i18n import Text, flatten
from analysis.quantities import LOWER_BOUND, UPPER_BOUND

__all__ = ["divide", "intensity", "deflate", "rules", "Rule",
           "comparison_text", "MEASURES"]

MEASURES = ("year", "entity", "firm", "area", "capita", "gdp")
_LOWER, _UPPER = LOWER_BOUND, UPPER_BOUND
FIELDS = schema.field_names("funding")
CLASS = ["payer_type", "money", "stock_flow"]  # amounts are compared across regions only within one class


# the words of a class of money, by the codes of funding.csv
_WHO = {"government": Text("government", "政府"), "carrier": Text("carriers' own", "载体自有"),
        "market": Text("market", "社会资本"), "unknown": Text("payer not stated:", "出资方未说明的")}
_WHAT = {"fund_size": Text("fund size", "基金规模"), "plan": Text("plan", "计划投入"), "budget": Text("budget", "预算"),
         "spent": Text("spending", "支出"), "rule": Text("rule", "补助规则")}


def money_class_text(payer_type: str, money: str, stock_flow: str) -> Text:
    """A class of money in words: "government budget (flow)", "carriers' own fund size (stock)"."""
    who, what = _WHO.get(payer_type, Text(payer_type, payer_type)), _WHAT.get(money, Text(money, money))
    return Text(f"{who.en} {what.en} ({stock_flow})", f"{who.zh}{what.zh}({'存量' if stock_flow == 'stock' else '流量'})")


def money_class(payer_type: str, money: str, stock_flow: str, lang: str = "en") -> str:
    """``money_class_text`` in the report's language."""
    return money_class_text(payer_type, money, stock_flow)(lang)


def _path():
    return paths.curated_dir() / "funding.csv"


def validate_rows(numbered_rows: list[tuple[int, dict]], figures: pd.DataFrame, where: str) -> None:
    """Check funding rows (``(row number, row)`` pairs of the file ``where``): the data package's
    schema (enums, types, one row per figure), then what it cannot say: that the figures a row
    describes and refers to are among ``figures`` (the curated ones, or those a review is
    accepting); raise ``DataError`` naming file, row and field."""
    schema.check_rows("funding", numbered_rows, where, "figure_id", foreign_keys=False)
    known = set(figures["figure_id"])
    for n, row in numbered_rows:
        for column in ("figure_id", "entities_figure", "firms_figure", "area_figure"):
            if row[column] and row[column] not in known:
                raise DataError(f"no curated figure '{row[column]}'", file=where,
                                row=f"{n} ({row.get('figure_id') or 'no figure_id'})", field=column)


def divide(numerator: float, num_qualifier: str, denominator: float, den_qualifier: str) -> tuple[float, str]:
    """(ratio, bound): exact, lower bound, upper bound, approximate or indeterminate."""
    value = numerator / denominator
    num = "lower" if num_qualifier in _LOWER else "upper" if num_qualifier in _UPPER else \
        "approx" if num_qualifier in ("approx", "ambiguous", "range") else "exact"
    den = "lower" if den_qualifier in _LOWER else "upper" if den_qualifier in _UPPER else \
        "approx" if den_qualifier in ("approx", "ambiguous", "range") else "exact"
    if "approx" in (num, den):
        return value, "approximate"
    # a larger denominator makes the ratio smaller: flip the denominator's direction
    den_effect = {"lower": "upper", "upper": "lower", "exact": "exact"}[den]
    effects = {num, den_effect} - {"exact"}
    if not effects:
        return value, "exact"
    if len(effects) == 2:
        return value, "indeterminate"
    return value, f"{effects.pop()} bound"


def _context_value(context: pd.DataFrame, region: str, indicator: str, year: int) -> tuple[pd.Series | None, Text]:
    rows = context[(context["region"] == region) & (context["indicator"] == indicator)]
    if rows.empty:
        return None, Text(f"no {indicator} for {region} in the reference data", f"参考数据中没有{region}的{indicator}")
    rows = rows.assign(distance=(rows["year"] - year).abs()).sort_values(["distance", "year"])
    best = rows.iloc[0]
    if best["distance"] > 1:
        years = ", ".join(str(y) for y in sorted(rows["year"]))
        return None, Text(f"no {indicator} for {region} within one year of {year} (the reference data has {years})",
                          f"参考数据中没有{region}在{year}年前后一年内的{indicator}(只有{years}年)")
    return best, Text("", "")


def _years(years: list[int]) -> str:
    """2018, 2019, 2020 -> "2018–2020"; 2016, 2018 -> "2016, 2018"."""
    runs: list[list[int]] = []
    for y in sorted(years):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def deflate(amount: float, year: int, region: str, base_year: int, context: pd.DataFrame) -> tuple[float | None, Text]:
    """``amount`` of ``year`` in prices of ``base_year``, with the region's CPI change, else the
    national one; ``(None, reason)`` when the reference data lack the CPI of a year in between
    (the reason names every missing year: a gap to show, not a failure)."""
    if year == base_year:
        return amount, Text("same year", "同年价格")
    lo, hi = sorted((year, base_year))
    needed = range(lo + 1, hi + 1)  # CPI change of each year after the earlier one
    cpi = context[context["indicator"] == "cpi_change_pct"]
    factor, sources, missing = 1.0, [], []
    for y in needed:
        row = cpi[(cpi["region"] == region) & (cpi["year"] == y)]
        if row.empty:
            row = cpi[(cpi["region"] == "china") & (cpi["year"] == y)]
        if row.empty:
            missing.append(y)
            continue
        factor *= 1 + float(row.iloc[0]["value"]) / 100
        sources.append(f"{row.iloc[0]['region']} {y}")
    if missing:
        return None, Text(f"not in {base_year} prices: no CPI for {_years(missing)} (neither {region} nor china in "
                          "data/external/context.csv)",
                          f"未换算为{base_year}年价格:参考数据缺少{_years(missing)}年的CPI")
    value = amount * factor if year < base_year else amount / factor
    return value, Text(f"CPI {', '.join(sources)}", f"CPI {', '.join(sources)}")


def intensity(fund: pd.DataFrame, figures: pd.DataFrame, context: pd.DataFrame, measures: Collection[str] = MEASURES,
              price_base_year: int | None = None) -> pd.DataFrame:
    """Funding totals normalised: per year, per entity, per firm, per m2, per capita, share of GDP.
    One row per (figure, measure), with the bound and the denominator's source, or the reason
    there is no denominator. Measures, units, sources and reasons are said in both languages
    (``<column>_zh``, ``analysis.i18n.flatten``); ``measure`` is the key the code uses."""
    by_id = figures.set_index("figure_id")
    rows = []
    for f in fund[(fund["per"] == "total")].itertuples():
        amount, price_note, gap = float(f.value), Text("nominal", "名义价格"), NO_TEXT
        if price_base_year is not None:
            deflated, price_note = deflate(amount, int(f.year), f.region, int(price_base_year), context)
            if deflated is None:  # a gap: shown with its reason, left out of every per-unit value
                gap = price_note
            else:
                amount = deflated
        locality = getattr(f, "locality", "") or ""
        base = {"figure_id": f.figure_id, "status": f.status, "region": f.region, "region_en": f.region_en, "region_zh": f.region_zh,
                "place": locality or f.region_zh, "instrument": f.instrument, "payer": f.payer,
                "payer_type": f.payer_type, "money": f.money, "stock_flow": f.stock_flow,
                "money_class": money_class(f.payer_type, f.money, f.stock_flow), "year": int(f.year),
                "amount": None if gap.en else amount, "amount_qualifier": f.qualifier, "prices": price_note,
                "price_gap": bool(gap.en), "quote": f.quote}

        def add(measure: Text, denominator=None, den_qualifier="exact", unit: Text = NO_TEXT, source: Text = NO_TEXT,
                reason: Text = NO_TEXT, numerator=None, base=base, amount=amount, f=f, gap=gap):
            if gap.en:  # the amount is not in the asked prices: no per-unit value from it
                denominator, reason = None, gap
            if denominator is None:
                rows.append(flatten({**base, "measure": measure, "value": None, "unit": unit, "bound": None,
                                     "denominator": None, "denominator_source": NO_TEXT, "no_denominator": reason}))
                return
            value, bound = divide(amount if numerator is None else numerator, f.qualifier, denominator, den_qualifier)
            rows.append(flatten({**base, "measure": measure, "value": value, "unit": unit, "bound": bound,
                                 "denominator": denominator, "denominator_source": source, "no_denominator": NO_TEXT}))

        if "year" in measures:
            per_year, unit = Text("per year", "每年"), Text("CNY/year", "元/年")
            if f.stock_flow == "stock":
                add(per_year, unit=unit, reason=Text("a stock (accumulated, or a fund's size): it has no period",
                                                     "存量(累计额或基金规模):没有期限"))
            elif pd.isna(f.period_years):
                add(per_year, unit=unit, reason=Text("the text gives no period", "文本没有给出期限"))
            else:
                n = int(f.period_years)
                add(per_year, n, "exact", unit, Text(f"{n} years (the text)", f"{n}年(文本)"))
        for measure, column in (("entity", "entities_figure"), ("firm", "firms_figure"), ("area", "area_figure")):
            if measure not in measures:
                continue
            ref = getattr(f, column)
            name = {"entity": Text("per entity", "每个载体"), "firm": Text("per firm", "每家企业"),
                    "area": Text("per m2", "每平方米")}[measure]
            if not ref:
                add(name, reason=Text("the documents give no such figure for this amount", "文献没有给出该金额的此类数字"))
                continue
            d = by_id.loc[ref]
            # the unit names what is counted (firms now in incubation are not the graduates the money
            # also covered): the denominator's own indicator
            unit = Text("CNY/m2", "元/平方米") if measure == "area" else \
                Text(f"CNY per {d['label_en']}", f"元/{d['label_zh']}") if measure == "entity" else \
                Text(f"CNY per firm ({d['label_en']})", f"元/家企业({d['label_zh']})")
            if measure == "entity":
                name = Text(f"per {d['label_en'].rstrip('s')}", f"每个{d['label_zh']}")
            add(name, float(d["value"]), d["qualifier"], unit, Text(f"{ref}: {d['quote']}", f"{ref}:{d['quote']}"))
        for measure, indicator, name, unit in (
                ("capita", "population_year_end", PER_CAPITA, Text("CNY/person", "元/人")),
                ("gdp", "gdp", GDP_SHARE, Text("share", "比重"))):
            if measure not in measures:
                continue
            if f.payer_type == "unknown":
                add(name, unit=unit, reason=Text(
                    "the text does not say whose money it is: not put against the region's GDP or population",
                    "文本没有说明资金来源:不与地区GDP或人口相比"))
                continue
            if f.payer_type != "government":
                add(name, unit=unit, reason=Text(
                    f"not government money ({money_class(f.payer_type, f.money, f.stock_flow)}): not put against the "
                    "region's GDP or population",
                    f"不是政府资金({money_class(f.payer_type, f.money, f.stock_flow, 'zh')}):不与地区GDP或人口相比"))
                continue
            if f.stock_flow == "stock":
                add(name, unit=unit, reason=Text("a stock accumulated over years: not put against one year's GDP or population",
                                                 "多年累计的存量:不与某一年的GDP或人口相比"))
                continue
            if not f.counts_in_total:
                add(name, unit=unit, reason=Text(
                    "a sum of other rows, possibly of different payers and places: its parts are put against their "
                    "own place's denominators, never the sum",
                    "其他各行之和,出资方和地域可能不同:各组成部分按各自地域的分母计算,总和不计算"))
                continue
            if locality:
                add(name, unit=unit, reason=Text(
                    f"about {locality}, not the whole of {f.region_en}: the reference data give no denominator for it",
                    f"关于{locality},而非{f.region_zh}全域:参考数据没有它的分母"))
                continue
            row, reason = _context_value(context, f.region, indicator, int(f.year))
            # a flow over several years is put against one year's denominator a year at a time
            years = 1 if pd.isna(f.period_years) else int(f.period_years)
            if row is None:
                add(name, unit=unit, reason=reason)
            else:
                where = f"{indicator} {f.region} {int(row['year'])}"
                add(name + (Text(" a year", "(每年)") if years > 1 else ""), float(row["value"]), "exact", unit,
                    Text(f"{where}: {row['source']}" + (f"; the amount over its {years} years" if years > 1 else ""),
                         f"{where}:{row['source']}" + (f";金额按其{years}年平均" if years > 1 else "")),
                    numerator=amount / years)
    return pd.DataFrame(rows)


NO_TEXT = Text("", "")
# The measures put against a region's population and GDP. A row's ``measure`` is its English
# words (the saved table's column, unchanged), these two followed by " a year" for a flow over
# several years: read by their start, through these constants only.
PER_CAPITA, GDP_SHARE = Text("per capita", "人均"), Text("share of GDP", "占GDP比重")
REGION_MEASURES = (GDP_SHARE.en, PER_CAPITA.en)


def is_gdp_share(measure: str) -> bool:
    """Whether an intensity row's ``measure`` is a share of GDP (a fraction, not yuan)."""
    return measure.startswith(GDP_SHARE.en)


# --- subsidy rules --------------------------------------------------------------------------
@dataclass
class Rule:
    rule_id: str
    region: str
    recipient: str
    conditions: list[tuple[str, float, str]] = field(default_factory=list)  # (variable, minimum, figure_id)
    place: str = ""  # the locality the rule is about (沈阳市), "" for the whole region
    amount: float | None = None
    amount_qualifier: str = "exact"
    rate: float | None = None  # a fraction
    rate_base: str | None = None
    cap: float | None = None
    figures: list[str] = field(default_factory=list)

    def payout(self, **size: float) -> tuple[float, float]:
        """(low, high) yuan a year for a carrier of the given size. An amount stated as
        "at most" gives (0, amount): the text does not say what is paid below the maximum."""
        for variable, minimum, _ in self.conditions:
            if variable not in size:
                raise ValueError(f"{self.rule_id} needs {variable}")
            if size[variable] < minimum:
                return 0.0, 0.0
        if self.rate is not None:
            if self.rate_base not in size:
                raise ValueError(f"{self.rule_id} needs {self.rate_base}")
            value = self.rate * size[self.rate_base]
            if self.cap is not None:
                value = min(value, self.cap)
            return value, value
        if self.amount is None and self.cap is not None:  # only an upper limit (每年不超过100万元)
            return 0.0, float(self.cap)
        assert self.amount is not None, f"{self.rule_id} states no amount, rate or cap"
        if self.amount_qualifier in _UPPER:
            return 0.0, float(self.amount)
        return float(self.amount), float(self.amount)

    def describe(self, lang: str = "en") -> str:
        """The rule in words. In Chinese, the curated recipient (English free text) gives way to
        the rule's id; variables are named by their codes in both."""
        parts = []
        if self.conditions:
            conditions = [f"{v} ≥ {m:,.0f}" for v, m, _ in self.conditions]
            parts.append(Text("if " + " and ".join(conditions), "若" + "且".join(conditions)))
        if self.rate is not None:
            cap = f"{self.cap / 1e4:,.0f}万元" if self.cap else ""
            parts.append(Text(f"{self.rate:.0%} of {self.rate_base}" + (f", at most {cap}" if cap else ""),
                              f"每年按{self.rate_base}的{self.rate:.0%}补助" + (f",最多{cap}" if cap else "")))
        elif self.amount is None and self.cap is not None:
            cap = f"{self.cap / 1e4:,.0f}万元"
            parts.append(Text(f"at most {cap}", f"每年最多补助{cap}"))
        elif self.amount is not None:
            upto, amount = self.amount_qualifier in _UPPER, f"{self.amount / 1e4:,.0f}万元"
            parts.append(Text(("at most " if upto else "") + amount, ("每年最多补助" if upto else "每年补助") + amount))
        return Text(f"{self.recipient}: " + ", ".join(p.en for p in parts) + " a year",
                    f"{self.rule_id}:" + ",".join(p.zh for p in parts))(lang)


def rules(fund: pd.DataFrame) -> dict[str, Rule]:
    """The subsidy rules, assembled from their curated figures."""
    out: dict[str, Rule] = {}
    for f in fund[fund["rule_id"] != ""].itertuples():
        rule = out.setdefault(f.rule_id, Rule(f.rule_id, f.region, f.recipient, place=getattr(f, "locality", "") or ""))
        rule.figures.append(f.figure_id)
        if f.rule_role == "condition":
            rule.conditions.append((f.rule_base, float(f.value), f.figure_id))
        elif f.rule_role == "amount":
            rule.amount, rule.amount_qualifier = float(f.value), f.qualifier
        elif f.rule_role == "rate":
            rule.rate, rule.rate_base = float(f.value) / 100, f.rule_base
        elif f.rule_role == "cap":
            rule.cap = float(f.value)
    return out


def _wan(x: float) -> str:
    return f"{x / 1e4:,.2f}".rstrip("0").rstrip(".") + "万元"


def comparison_text(fund: pd.DataFrame, table: pd.DataFrame, rule_set: dict[str, Rule], lang: str = "en") -> list[str]:
    """Generated sentences, one per class of money (whose, what, stock or flow) and one per
    region's subsidy rules: amounts are set side by side only within a class, and a last
    sentence says which classes are not compared with each other."""
    from analysis.i18n import pick, word

    lines = []
    totals = fund[(fund["per"] == "total") & fund["counts_in_total"]]
    classes = list(dict.fromkeys(zip(totals["payer_type"], totals["money"], totals["stock_flow"], strict=False)))
    for cls in classes:
        rows = totals[(totals["payer_type"] == cls[0]) & (totals["money"] == cls[1]) & (totals["stock_flow"] == cls[2])]
        parts = []
        for f in rows.itertuples():
            hedge = Text(" or more", "以上") if f.qualifier in _LOWER else Text("", "")
            per = table[(table["figure_id"] == f.figure_id) & table["value"].notna()
                        & ~table["measure"].str.startswith(REGION_MEASURES)] if len(table) else table
            unit_parts = []
            for p in per.to_dict("records"):
                bound = Text("", "") if p["bound"] == "exact" else Text(f" ({p['bound']})", f"({word(p['bound'], 'zh')})")
                amount = f"{p['value']:,.0f}元" if p["measure"] == "per m2" else _wan(p["value"])
                unit_parts.append(Text(f"{amount} {p['measure']}{bound.en}", f"{pick(p, 'measure', 'zh')}{amount}{bound.zh}"))
            where = getattr(f, "locality", "") or ""
            place = Text(f"{f.region_en}{' (' + where + ')' if where else ''}", f"{f.region_zh}{'·' + where if where else ''}")
            per_unit = Text.join(unit_parts, ", ", "、")
            parts.append(Text(f"{place.en}: {f.instrument.replace('_', ' ')} of {_wan(f.value)}{hedge.en} in {f.year} from "
                              f"{f.payer}" + (f" = {per_unit.en}" if unit_parts else ""),
                              f"{place.zh}:{_wan(f.value)}{hedge.zh}({f.year}年,{f.instrument})"
                              + (f"={per_unit.zh}" if unit_parts else "")))
        label = money_class_text(*cls)
        said = Text.join(parts, "; ", ";")
        lines.append(Text(f"{label.en[0].upper() + label.en[1:]}: " + said.en + ".", f"{label.zh}:" + said.zh + "。")(lang))
    if len(classes) > 1:
        names = [money_class_text(*c) for c in classes]
        lines.append(Text(f"The {len(classes)} classes ({'; '.join(n.en for n in names)}) are different kinds of money and "
                          "are not compared with each other.",
                          f"以上{len(classes)}类资金({'、'.join(n.zh for n in names)})性质不同,不相互比较。")(lang))
    for region, rows in fund.groupby("region", sort=False):
        mine = [r for r in rule_set.values() if r.region == region]
        if mine:
            first = rows.iloc[0]
            lines.append(Text(f"{first['region_en']}: " + "; ".join(
                ("in " + r.place + ", " if r.place else "") + f"a rule paying {r.describe()}" for r in mine) + ".",
                f"{first['region_zh']}的补助规则:" + ";".join((f"{r.place}:" if r.place else "") + r.describe("zh")
                                                             for r in mine) + "。")(lang))
    return lines


# --- for the notebooks -----------------------------------------------------------------------
def select(fund: pd.DataFrame, regions: str = "all") -> pd.DataFrame:
    items = [r.strip() for r in str(regions).split(",") if r.strip()]
    if not items or "all" in items:
        return fund
    return fund[fund["region"].isin(items)].reset_index(drop=True)


def measures(per: str = "all") -> tuple[str, ...]:
    items = [p.strip() for p in str(per).split(",") if p.strip()]
    return MEASURES if not items or "all" in items else tuple(i for i in MEASURES if i in items)


def headline(fund: pd.DataFrame, table: pd.DataFrame, lang: str = "en") -> str:
    totals = fund[(fund["per"] == "total") & fund["counts_in_total"]]
    n_rules = fund.loc[fund["rule_id"] != "", "rule_id"].nunique()
    shown = int(table["value"].notna().sum()) if len(table) else 0
    missing = int(table["value"].isna().sum()) if len(table) else 0
    classes = len(set(zip(totals["payer_type"], totals["money"], totals["stock_flow"], strict=False))) if len(totals) else 0
    gaps = int(table.drop_duplicates("figure_id")["price_gap"].sum()) if "price_gap" in table and len(table) else 0
    return Text(f"{len(totals)} funding amounts in {totals['region'].nunique()} regions ({classes} classes of money, "
                f"compared only within a class), {n_rules} subsidy rules; "
                f"{shown} per-unit values, {missing} without a denominator (reason given)"
                + (f"; {gaps} amount(s) not in constant prices for want of a CPI year (reason given)" if gaps else ""),
                f"{totals['region'].nunique()}个地区的{len(totals)}笔资金({classes}类,不跨类比较)、{n_rules}条补助规则;"
                f"{shown}个单位金额,{missing}个无分母(附原因)"
                + (f";{gaps}笔金额因缺少CPI未换算为不变价格(附原因)" if gaps else ""))(lang)


def figures_csv(fund: pd.DataFrame) -> pd.DataFrame:
    """The funding figures as a paper's table is built from them: the amount as a plain number
    in its unit (yuan, or percent for a rate), the place and the class of money as data."""
    cols = ["figure_id", "status", "region", "locality", "instrument", "payer_type", "money", "stock_flow", "payer",
            "recipient", "value", "unit", "qualifier", "per", "period_years", "rule_id", "rule_role", "year",
            "counts_in_total", "quote", "note"]
    return fund[[c for c in cols if c in fund]]


def funding_table(fund: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    from analysis import links

    out = fund.assign(
        region_name=[links.region(c, n, lang) for c, n in zip(fund["region"], fund["region_zh"] if lang == "zh"
                                                              else fund["region_en"], strict=False)],
        amount=[links.figure(f"{v / 1e4:,.0f}万元" if u == "CNY" else f"{v:g}%" if u == "percent" else f"{v:,.0f} {u}", f)
                for v, u, f in zip(fund["value"], fund["unit"], fund["figure_id"], strict=False)],
        counted=fund["counts_in_total"].map({True: "", False: Text("not in totals", "不计入合计")(lang)}),
        period_years=[("" if pd.isna(p) else str(int(p))) for p in fund["period_years"]],
    )
    out["place"] = fund["locality"].fillna("") if "locality" in fund else ""
    out["class"] = [money_class(a, b, c, lang) for a, b, c in zip(fund["payer_type"], fund["money"], fund["stock_flow"], strict=False)]
    from analysis.i18n import columns, word

    out["status"] = out["status"].map(lambda v: word(v, lang))

    cols = ["figure_id", "status", "region_name", "place", "instrument", "class", "payer", "recipient", "amount",
            "qualifier", "per", "period_years", "rule_id", "rule_role", "year", "quote", "counted", "note"]
    if lang == "zh":  # the curated payer, recipient and note are English free text: in the CSV, not the zh table
        cols = [c for c in cols if c not in ("payer", "recipient", "note")]
    return columns(out[cols].rename(columns={"region_name": "region"}).set_index("figure_id"), lang)


def intensity_table(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    from analysis.i18n import columns

    if table.empty:
        return table
    from analysis.i18n import word

    shown = table.assign(value=[("–" if pd.isna(v) else f"{v:.4%}" if is_gdp_share(m) else f"{v:,.2f}")
                                for v, m in zip(table["value"], table["measure"], strict=False)],
                         money_class=[money_class(a, b, c, lang) for a, b, c in
                                      zip(table["payer_type"], table["money"], table["stock_flow"], strict=False)],
                         bound=[word(b, lang) if isinstance(b, str) else b for b in table["bound"]],
                         status=table["status"].map(lambda v: word(v, lang)))
    if lang == "zh":  # the generated words in Chinese (the <column>_zh twins)
        shown = shown.assign(**{c: shown[f"{c}_zh"] for c in ("measure", "unit", "denominator_source", "no_denominator",
                                                               "prices") if f"{c}_zh" in shown})
    return columns(shown[["figure_id", "status", "region", "place", "money_class", "instrument", "measure", "value",
                          "unit", "bound", "denominator_source", "no_denominator", "prices"]].fillna("")
                   .set_index(["figure_id", "measure"]), lang)


def rules_table(rule_set: dict[str, Rule], lang: str = "en") -> pd.DataFrame:
    from analysis.i18n import columns

    return columns(pd.DataFrame([{"rule": r.rule_id, "region": r.region, "place": r.place,
                                  "rule in words": r.describe(lang), "figures": ", ".join(r.figures)}
                                 for r in rule_set.values()]).set_index("rule"), lang) if rule_set else pd.DataFrame()
