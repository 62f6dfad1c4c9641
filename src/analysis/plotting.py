"""One house style for every figure of the suite, Chinese labels included.

``setup(lang)`` is called once at the top of each notebook. It uses inline SVG
figures in a notebook and the Agg backend elsewhere, registers the Noto Sans CJK SC font shipped by the ``mplfonts`` package
(installed from PyPI with the other dependencies, so Chinese renders on any
machine without system fonts), and makes SVG output deterministic: a fixed
``svg.hashsalt`` and no creation date in the file.
"""

from __future__ import annotations

import io
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib
import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.rcsetup import cycler  # what matplotlib.cycler is (typed here)

from analysis import funding
from analysis.corpus import region_names
from analysis.files import write_atomic
from analysis.i18n import GENRES, Text, word

if TYPE_CHECKING:  # for the annotations only: pandas and the chart types load when a chart is drawn
    from collections.abc import Iterable

    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    from analysis.funding import Rule
    from analysis.instruments import Framework

__all__ = ["setup", "cjk_font_path", "label", "LANGS", "STYLE", "save"]

LANGS = ("en", "zh")
# seaborn's "colorblind" palette (seaborn.color_palette("colorblind").as_hex(), seaborn 0.13)
COLORBLIND = ["#0173b2", "#de8f05", "#029e73", "#d55e00", "#cc78bc", "#ca9161", "#fbafe4", "#949494", "#ece133",
              "#56b4e9"]
CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
CJK_FAMILY = "Noto Sans CJK SC"

STYLE: dict[str, Any] = {
    "figure.figsize": (7.5, 4.2),
    "figure.dpi": 110,
    "savefig.dpi": 200,
    "savefig.bbox": "tight",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "normal",  # the CJK font ships one weight
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "svg.hashsalt": "shuangchuang-suite",
    "svg.fonttype": "path",  # glyphs as paths: the SVG renders without the font installed
    "axes.unicode_minus": False,  # the CJK font has no U+2212 glyph
    "text.parse_math": False,  # titles and labels carry names from the data: a "$" is a dollar sign, not TeX
}


@lru_cache(maxsize=1)
def cjk_font_path() -> Path:
    path = Path(str(resources.files("mplfonts").joinpath("fonts").joinpath(CJK_FONT_FILE)))
    if not path.is_file():
        raise FileNotFoundError(f"{CJK_FONT_FILE} not found in the mplfonts package at {path}")
    return path


@lru_cache(maxsize=1)
def _register_font() -> str:
    font_manager.fontManager.addfont(str(cjk_font_path()))
    return CJK_FAMILY


def setup(lang: str = "en") -> None:
    """Apply the house style. Chinese glyphs render in both languages (labels from
    the data, such as region names, may be Chinese even in an English report)."""
    if lang not in LANGS:
        from analysis.errors import ParameterError

        raise ParameterError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    # seaborn's whitegrid theme and colorblind palette, from matplotlib's own copy of seaborn's
    # styles: importing seaborn for its theme costs 0.7 s a kernel (it imports scipy.stats), and
    # only the heatmaps need seaborn itself
    plt.style.use(["seaborn-v0_8-whitegrid", "seaborn-v0_8-notebook"])
    plt.rcParams["axes.prop_cycle"] = cycler(color=COLORBLIND)
    family = _register_font()
    plt.rcParams.update(STYLE)  # type: ignore[arg-type]  # matplotlib types the keys as literals; STYLE's are valid
    # Concrete families, not the generic "sans-serif": matplotlib falls back glyph by
    # glyph only across the families named in font.family.
    plt.rcParams["font.family"] = ["DejaVu Sans", family] if lang == "en" else [family, "DejaVu Sans"]
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:
        shell = None
    if shell is not None and type(shell).__name__ == "ZMQInteractiveShell":
        # inside a notebook: inline SVG figures with no date, so reports are byte-identical across runs
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        shell.run_line_magic("matplotlib", "inline")
        set_matplotlib_formats("svg", metadata={"Date": None})
    else:
        matplotlib.use("Agg")


def label(en: str, zh: str, lang: str = "en") -> str:
    """The label in the report's language: ``Text(en, zh)(lang)``, said shortly (the notebooks use it too)."""
    return Text(en, zh)(lang)


def save(fig: Figure, path: Path) -> Path:
    """Save a figure deterministically (SVG without a date, PNG without software metadata),
    written whole and renamed into place (``files.write_atomic``): never half a chart."""
    path = Path(path)
    metadata = {"Date": None} if path.suffix == ".svg" else {"Software": None}
    buffer = io.BytesIO()
    fig.savefig(buffer, format=path.suffix.lstrip("."), metadata=metadata)
    write_atomic(path, buffer.getvalue())
    return path


# --- corpus figures ---------------------------------------------------------------
def lengths_chart(inventory: pd.DataFrame, lang: str = "en") -> Figure:
    """Characters per document before and after cleaning, with what was removed."""
    import numpy as np

    inv = inventory.sort_values("date")
    names = inv["region_zh"] if lang == "zh" else inv["region_en"]
    y = np.arange(len(inv))
    other = inv["raw_chars"] - inv["clean_chars"] - inv["ruby_chars"] - inv["chrome_chars"]
    fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(inv) + 1.4))
    left = np.zeros(len(inv))
    parts = [
        (inv["clean_chars"], label("kept text", "保留文本", lang)),
        (inv["ruby_chars"], label("pinyin ruby", "拼音注音", lang)),
        (inv["chrome_chars"], label("web chrome", "网页杂项", lang)),
        (other, label("white space", "空白", lang)),
    ]
    for values, name in parts:
        ax.barh(y, values, left=left, label=name)
        left += values.to_numpy()
    ax.set_yticks(y, [f"{n} ({d})" for n, d in zip(names, inv["doc_id"], strict=False)])
    ax.invert_yaxis()
    ax.set_xlabel(label("characters in the raw file", "原始文件字符数", lang))
    ax.set_title(label("What cleaning keeps and removes", "清洗保留与去除的内容", lang))
    ax.legend(loc="lower right", ncols=2)
    return fig


def timeline_chart(inventory: pd.DataFrame, lang: str = "en") -> Figure:
    """The documents on a time axis, coloured by genre."""
    import pandas as pd

    inv = inventory.copy()
    inv["when"] = pd.to_datetime(inv["date"].where(inv["date"].str.len() > 4, inv["date"] + "-07-01"),
                                 format="mixed")
    inv = inv.sort_values("when").reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    genres = {code: words(lang) for code, words in GENRES.items()}
    markers = {"policy_text": "s", "news_report": "o"}
    for genre, name in genres.items():
        sel = inv[inv["genre"] == genre]
        ax.scatter(sel["when"], [0] * len(sel), s=90, marker=markers[genre], label=name, zorder=3)
    for i, row in inv.iterrows():
        name = row["region_zh"] if lang == "zh" else row["region_en"]
        approx = "" if len(row["date"]) > 4 else label(" (year only)", "(仅年份)", lang)
        ax.annotate(f"{name}\n{row['date']}{approx}", (row["when"], 0), xytext=(0, (14, -30, 40, -56)[i % 4]),
                    textcoords="offset points", ha="center", fontsize=8,
                    arrowprops={"arrowstyle": "-", "color": "0.6", "lw": 0.6})
    ax.set_yticks([])
    ax.set_ylim(-1.6, 1.6)
    ax.grid(axis="y", visible=False)
    ax.set_title(label("When the documents were published", "文献发布时间", lang))
    ax.legend(loc="upper left", ncols=2)
    return fig


MAX_PANELS = 12  # small multiples beyond this are unreadable (and slow to render); tables list the rest


def terms_chart(frequencies: pd.DataFrame, inventory: pd.DataFrame, lang: str = "en", per_doc: int = 8) -> Figure:
    """Small multiples: the most frequent terms of each document (the first ``MAX_PANELS`` by
    date; the title says how many more the table lists)."""
    all_docs = list(inventory.sort_values("date", kind="stable")["doc_id"])
    docs = all_docs[:MAX_PANELS]
    ncols = min(3, len(docs))
    nrows = -(-len(docs) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.2 * ncols, 2.6 * nrows), squeeze=False)
    names = dict(zip(inventory["doc_id"], inventory["region_zh" if lang == "zh" else "region_en"], strict=False))
    for ax, doc in zip(axes.flat, docs, strict=False):
        top = frequencies[frequencies["doc_id"] == doc].head(per_doc)
        ax.barh(top["term"], top["count"])
        ax.invert_yaxis()
        ax.set_title(f"{names[doc]} ({doc})", fontsize=9)
        ax.tick_params(labelsize=8)
    for ax in list(axes.flat)[len(docs):]:
        ax.set_visible(False)
    more = len(all_docs) - len(docs)
    fig.suptitle(label("Most frequent terms", "高频词", lang)
                 + (label(f" (first {len(docs)} of {len(all_docs)} documents; the table lists all)",
                          f"(共 {len(all_docs)} 篇,图示前 {len(docs)} 篇;全部见下表)", lang) if more else ""))
    fig.tight_layout()
    return fig


# --- drafted values ---------------------------------------------------------------------------
DRAFT_HATCH = "///"


def draft_handle(lang: str = "en") -> Patch:
    """The legend entry for hatched (drafted, not yet reviewed) values."""
    from matplotlib.patches import Patch

    return Patch(facecolor="white", edgecolor="0.3", hatch=DRAFT_HATCH,
                 label=label("drafted by code, not reviewed", "代码草拟,未经人工审核", lang))


# --- targets -----------------------------------------------------------------------------
def _pct(x) -> str:
    return "n/a" if x is None or x != x else f"{x:+.1%}"


def target_chart(ax: Axes, row: dict, lang: str = "en") -> None:
    """One target: baseline, required path, target marker, observed point, national-pace band."""
    import numpy as np

    b, y0, t, y1 = row["baseline_value"], row["baseline_year"], row["target_value"], row["target_year"]
    has_base = b is not None and b == b
    if has_base:
        y0 = int(y0)
        years = np.arange(y0, y1 + 1)
        g = row["required_growth"]
        ax.plot(years, b * (1 + g) ** (years - y0), color="C0", lw=1.6,
                label=label(f"required path ({_pct(g)}/yr)", f"所需路径(年均{_pct(g)})", lang))
        # the other reading of the path: constant additions rather than a constant rate
        ax.plot(years, b + (t - b) * (years - y0) / (y1 - y0), color="C0", lw=1, ls="--", alpha=0.6,
                label=label("linear path (the other reading)", "线性路径(另一种读法)", lang))
        base_draft = row.get("baseline_status") == "draft"
        ax.scatter([y0], [b], color="C0", zorder=3, facecolors="white" if base_draft else "C0",
                   label=label("baseline (drafted)", "基线(草拟)", lang) if base_draft else label("baseline", "基线", lang))
        ng = row.get("national_growth")
        if ng is not None and ng == ng:
            end = max(y1, int(row["observed_year"]) if row.get("observed_year") == row.get("observed_year")
                      and row.get("observed_year") is not None else y1)
            yrs = np.arange(y0, end + 1)
            ax.fill_between(yrs, b * (1 + row["national_growth_low"]) ** (yrs - y0),
                            b * (1 + row["national_growth_high"]) ** (yrs - y0), color="0.6", alpha=0.25,
                            label=label("national pace (95% CI)", "全国增速(95%置信区间)", lang))
    draft = row.get("target_status") == "draft"
    ax.scatter([y1], [t], marker="*", s=160, color="C3", zorder=4, facecolors="white" if draft else "C3",
               label=label("target (drafted, hollow)", "目标(草拟,空心)", lang) if draft else label("target", "目标", lang))
    ov = row.get("observed_value")
    if ov is not None and ov == ov:
        ax.scatter([row["observed_year"]], [ov], marker="D", color="C2", zorder=4,
                   label=label("observed", "实际", lang))
    name = row["region_zh"] if lang == "zh" else row["region"].capitalize()
    ind = row["label_zh"] if lang == "zh" else row["label_en"]
    scope = "" if row["scope"] == "all" else f"\n({row['scope'].replace('_', ' ')})"
    verdicts = row.get("verdict_range") or row.get("verdict") or ""
    fragile = row.get("robustness") == "fragile"
    shown = "/".join(word(v, lang) for v in verdicts.split(" / ")) if lang == "zh" else verdicts
    ax.set_title(f"{name}: {ind}{scope}" + (label(" [draft]", " [草拟]", lang) if draft else "")
                 + (f"\n{shown}" + (label(" (fragile)", "(结论不稳健)", lang) if fragile else "") if verdicts else ""),
                 fontsize=8.5, color="C3" if fragile else "black")
    ax.tick_params(labelsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # the default locator, a MaxNLocator


def targets_grid(scorecard: pd.DataFrame, lang: str = "en") -> Figure | None:
    """Small multiples of the targets that have a baseline or an observed value (the others
    have nothing to draw but a star; the scorecard lists them)."""
    drawable = scorecard["required_growth"].notna() | scorecard["observed_value"].notna()
    rows = scorecard[drawable].to_dict("records")
    if not rows:
        return None
    ncols = min(3, max(1, len(rows)))
    nrows = -(-len(rows) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.4 * ncols, 3.0 * nrows), squeeze=False)
    for ax, row in zip(axes.flat, rows, strict=False):
        target_chart(ax, row, lang)
    for ax in list(axes.flat)[len(rows):]:
        ax.set_visible(False)
    handles: dict[str, tuple[Any, str]] = {}
    for ax in axes.flat:
        for h, lab in zip(*ax.get_legend_handles_labels(), strict=False):
            # one entry per kind of mark; the required path's label carries each chart's own rate
            key = "path" if ("required path" in lab or "所需路径" in lab) else lab
            handles.setdefault(key, (h, lab))
    fig.legend([h for h, _ in handles.values()],
               [label("required path", "所需路径", lang) if key == "path" else lab for key, (_, lab) in handles.items()],
               loc="lower center", ncols=5, fontsize=8, bbox_to_anchor=(0.5, -0.02))
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def required_growth_chart(scorecard: pd.DataFrame, lang: str = "en") -> Figure:
    """Required annual growth of every target that has a baseline, side by side."""
    rows = scorecard[scorecard["required_growth"].notna()].sort_values("required_growth")
    names = [f"{r['region_zh'] if lang == 'zh' else r['region_en']}: {r['label_zh'] if lang == 'zh' else r['label_en']}"
             f" ({r['scope']})" for r in rows.to_dict("records")]
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(rows) + 1.2))
    colors = ["C1" if b in ("upper bound", "approximate") else "C0" for b in rows["required_growth_bound"]]
    drafted = [r.get("target_status") == "draft" or r.get("baseline_status") == "draft" for r in rows.to_dict("records")]
    bars = ax.barh(names, rows["required_growth"] * 100, color=colors)
    for bar, d in zip(bars, drafted, strict=False):
        if d:
            bar.set_hatch(DRAFT_HATCH)
            bar.set_edgecolor("0.2")
    if any(drafted):
        ax.legend(handles=[draft_handle(lang)], fontsize=8, loc="lower right")
    for y, (g, b) in enumerate(zip(rows["required_growth"], rows["required_growth_bound"], strict=False)):
        ax.text(g * 100, y, f" {g:.1%}" + ("" if b == "exact" else f" ({word(b, lang)})"), va="center", fontsize=8)
    ax.set_xlabel(label("required growth per year (%)", "所需年均增长率(%)", lang))
    ax.set_title(label("How fast each target required the region to grow", "各目标所需的年均增速", lang))
    return fig


# --- funding ------------------------------------------------------------------------------
def payout_curves(rule_set: dict[str, Rule], lang: str = "en") -> Figure:
    """What each subsidy rule pays a year, against the size it depends on, side by side."""
    import numpy as np

    rules = list(rule_set.values())
    names = region_names(lang)

    def unit(var):  # the size a rule depends on is an area or a count (variables are codes)
        return " (m2)" if "area" in var else ""

    fig, axes = plt.subplots(1, len(rules), figsize=(3.5 * len(rules), 3.2), squeeze=False)
    for ax, rule in zip(axes.flat, rules, strict=False):
        if rule.rate is not None:
            assert rule.rate_base is not None, f"{rule.rule_id}: a rate has a base"
            x = np.linspace(0, (rule.cap / rule.rate) * 1.6 if rule.cap else 1e7, 200)
            low = [rule.payout(**{rule.rate_base: v})[0] for v in x]
            ax.plot(x / 1e4, np.array(low) / 1e4, color="C0")
            ax.set_xlabel(label(f"{rule.rate_base.replace('_', ' ')} (万元)", f"{rule.rate_base}(万元)", lang))
        elif rule.conditions:
            var, minimum, _ = rule.conditions[0]
            x = np.linspace(0, minimum * 2.5, 300)
            fixed = {v: m for v, m, _ in rule.conditions[1:]}
            y = [rule.payout(**{var: v, **fixed})[0] for v in x]
            ax.step(x, np.array(y) / 1e4, where="post", color="C0")
            others = ", ".join(f"{v.replace('_', ' ')} = {m:,.0f}" for v, m in fixed.items())
            ax.set_xlabel(label(f"{var.replace('_', ' ')}{unit(var)}" + (f"\n({others})" if others else ""),
                                f"{var}{unit(var)}" + (f"\n({others})" if others else ""), lang), fontsize=8)
        else:
            # the most the rule pays: its amount, or its cap when only a cap is stated (payout)
            ax.fill_between([0, 1], [0, 0], [rule.payout()[1] / 1e4] * 2, color="C1", alpha=0.3,
                            label=label("somewhere in this range, by rating", "按评定等级,在此区间内", lang))
            ax.set_xticks([])
            ax.set_xlabel(label("rating (amounts per rating not stated)", "评定等级(各等级金额未载明)", lang), fontsize=8)
            ax.legend(fontsize=7, loc="lower center")
        ax.set_ylabel(label("payout per year (万元)", "每年补助(万元)", lang))
        # in Chinese the rule's id: its recipient is curated English free text
        ax.set_title(f"{rule.region.capitalize()}: {rule.recipient}"[:60] if lang == "en" else
                     f"{names.get(rule.region, rule.region)}:{rule.rule_id}"[:60], fontsize=8.5)
    fig.suptitle(label("What each subsidy rule pays", "各补助规则的补助额", lang))
    fig.tight_layout()
    return fig


def intensity_chart(table: pd.DataFrame, lang: str = "en") -> Figure | None:
    """Funding per unit, by region and measure (log scale; hatched bars are bounds)."""
    rows = table[table["value"].notna() & ~table["measure"].str.startswith(funding.GDP_SHARE.en)].copy()
    if rows.empty:
        return None
    if lang == "zh":  # region names, measures and bounds in Chinese (the intensity table's _zh twins)
        names = region_names(lang)
        rows["name"] = [f"{names.get(r.region, r.region)}:{r.instrument},{r.measure_zh}" for r in rows.itertuples()]
    else:
        rows["name"] = [f"{r.region.capitalize()}: {r.instrument.replace('_', ' ')}, {r.measure}" for r in rows.itertuples()]
    rows = rows.sort_values("value")
    fig, ax = plt.subplots(figsize=(7.5, 0.42 * len(rows) + 1.4))
    colors = {"exact": "C0", "lower bound": "C2", "upper bound": "C1", "indeterminate": "0.6", "approximate": "C4"}
    for y, r in enumerate(rows.itertuples()):
        draft = getattr(r, "status", "reviewed") == "draft"
        ax.barh(y, r.value, color=colors.get(r.bound, "C0"), label=word(r.bound, lang),
                hatch=DRAFT_HATCH if draft else None, edgecolor="0.2" if draft else None)
        ax.text(r.value, y, f" {r.value:,.0f} ({word(r.bound, lang)})" if r.bound != "exact" else f" {r.value:,.0f}",
                va="center", fontsize=7.5)
    ax.set_yticks(range(len(rows)), rows["name"], fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel(label("yuan (log scale)", "元(对数坐标)", lang))
    ax.set_title(label("Funding per unit", "单位资助强度", lang))
    handles = {lab: h for h, lab in zip(*ax.get_legend_handles_labels(), strict=False)}
    if "status" in rows and (rows["status"] == "draft").any():
        handle = draft_handle(lang)
        handles[handle.get_label()] = handle
    ax.legend(handles.values(), handles.keys(), fontsize=8, loc="lower right")
    return fig


# --- instruments -------------------------------------------------------------------------
def stacked_shares_chart(table: pd.DataFrame, framework: Framework, lang: str = "en", title: str | None = None,
                         drafted: Iterable[str] = ()) -> Figure:
    """Shares of types or sub-tools per region (rows sum to 100%); the rows of ``drafted``
    (regions with clauses coded by code, not reviewed) are hatched."""
    shares = table.div(table.sum(axis=1).replace(0, 1), axis=0) * 100
    names = region_names(lang) if lang == "zh" else {}  # English: the code, capitalised, as ever
    fig, ax = plt.subplots(figsize=(7.5, 0.5 * len(shares) + 1.8))
    left = [0.0] * len(shares)
    cmap = plt.get_cmap("tab20")
    for i, code in enumerate(shares.columns):
        vals = shares[code].to_numpy()
        bars = ax.barh([names.get(r, str(r).capitalize()) for r in shares.index], vals, left=left, label=framework.label(code, lang),
                       color=cmap(i % 20))
        for bar, region in zip(bars, shares.index, strict=False):
            if region in drafted:
                bar.set_hatch(DRAFT_HATCH)
                bar.set_edgecolor("0.25")
        left = [a + b for a, b in zip(left, vals, strict=False)]
    ax.set_xlim(0, 100)
    ax.set_xlabel(label("share of measures (%)", "占政策措施的比例(%)", lang))
    ax.set_title(title or label("Policy instruments by region", "各地区政策工具结构", lang))
    handles, labels = ax.get_legend_handles_labels()
    if any(r in drafted for r in shares.index):
        handles.append(draft_handle(lang))
        labels.append(handles[-1].get_label())
    ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    return fig


def heatmap(table: pd.DataFrame, lang: str = "en", title: str = "", fmt: str = "d", cmap: str = "Blues",
            center: float | None = None) -> Figure:
    import seaborn as sns

    fig, ax = plt.subplots(figsize=(max(4.5, 0.55 * table.shape[1] + 2.5), 0.45 * table.shape[0] + 1.6))
    sns.heatmap(table, annot=True, fmt=fmt, cmap=cmap, center=center, cbar=False, ax=ax, linewidths=0.5)
    ax.set_title(title)
    ax.tick_params(axis="x", rotation=45, labelsize=8)
    ax.tick_params(axis="y", rotation=0, labelsize=8)
    fig.tight_layout()
    return fig
