"""What each analysis found, said first: a few sentences generated from the analysis' own
numbers, in both languages (``Text``), that a report shows right after its title with the one
chart that shows it (the notebooks' ``findings`` cell). The sections after it give the method,
the parameters and the tables the sentences rest on.

Nothing here computes a result: each function reads the frames the analysis modules made
(the targets' scorecard, the corpus inventory, the funding and instrument tables, the PMC
index) and says what they hold.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown, display

from analysis import comparison, instrument_tables, plotting, profile
from analysis import funding as funding_analysis
from analysis import targets as targets_analysis
from analysis.i18n import Text, pick, word

__all__ = ["corpus", "judged_targets", "region", "region_chart", "show", "strategies", "targets"]


def show(lines: list, lang: str = "en") -> None:
    """The sentences as a list under a "Findings" heading (``Text`` in the report's language)."""
    heading = Text("## Findings", "## 主要发现")(lang)
    items = [line(lang) if isinstance(line, Text) else str(line) for line in lines if line]
    display(Markdown(heading + "\n\n" + "\n".join(f"- {item}" for item in items)))


def corpus(inventory: pd.DataFrame) -> list[Text]:
    """How many documents of which kinds and years, and what cleaning took out of them."""
    if inventory.empty:
        return [Text("The selection holds no document.", "所选范围内没有文献。")]
    raw, clean = int(inventory["raw_chars"].sum()), int(inventory["clean_chars"].sum())
    ruby, chrome = int(inventory["ruby_chars"].sum()), int(inventory["chrome_chars"].sum())
    kept = clean / raw if raw else 1.0
    lines = [Text(f"Cleaning kept {clean:,} of the raw files' {raw:,} characters ({kept:.0%}); it removed "
                  f"{ruby:,} characters of pinyin ruby and {chrome:,} of web chrome (navigation, login boxes, "
                  f"related reading); the rest was white space.",
                  f"清洗保留了原始文件 {raw:,} 个字符中的 {clean:,} 个({kept:.0%});去除了拼音注音 {ruby:,} 个字符、"
                  f"网页杂项(导航、登录框、相关阅读){chrome:,} 个字符,其余为空白。")]
    share = 1 - inventory["clean_chars"] / inventory["raw_chars"].where(inventory["raw_chars"] > 0)
    most = inventory.loc[share.idxmax()] if share.notna().any() else None
    if most is not None and share.max() > 0:
        lines.append(Text(
            f"The most was removed from {most['region_en']}'s {most['doc_id']} ({share.max():.0%} of its characters).",
            f"去除最多的是{most['region_zh']}的 {most['doc_id']}(占其字符的 {share.max():.0%})。"))
    clauses = int(inventory["clauses"].sum())
    lines.append(Text(f"The cleaned texts hold {clauses:,} clauses, the unit the instrument coding reads.",
                      f"清洗后的文本共 {clauses:,} 个条款,即政策工具编码的单位。"))
    return lines


def judged_targets(card: pd.DataFrame) -> list[Text]:
    """One sentence per target with a verdict other than unknown: its verdict and why."""
    lines = []
    for r in card[card["verdict"] != "unknown"].to_dict("records"):
        fragile = r.get("robustness") == "fragile"
        reason = Text(str(r.get("verdict_reason") or ""), str(pick(r, "verdict_reason", "zh") or ""))
        flip = Text(f" (fragile: {r.get('flipped_by')})", f"(结论不稳健:{pick(r, 'flipped_by', 'zh')})") \
            if fragile and r.get("flipped_by") else Text("", "")
        lines.append(Text(f"{r['region_en']}, {r['label_en']} ({r['target_id']}): **{r['verdict']}**; ",
                          f"{r['region_zh']}{r['label_zh']}({r['target_id']}):**{word(r['verdict'], 'zh')}**;")
                     + reason + flip + Text(".", "。"))
    return lines


def targets(card: pd.DataFrame) -> list[Text]:
    """The targets that can be judged, each with its numbers; the others counted by why not."""
    if card.empty:
        return [Text("No target matches the parameters.", "没有符合参数的目标。")]
    judged = card[card["verdict"] != "unknown"]
    unknown = card[card["verdict"] == "unknown"]
    lines = [Text(f"{len(judged)} of {len(card)} targets can be judged against an observed outcome.",
                  f"{len(card)} 个目标中有 {len(judged)} 个可以与实际结果对照判断。")]
    lines += judged_targets(judged)
    if len(unknown):
        no_outcome = int(unknown["observed_value"].isna().sum())
        no_base = int((unknown["observed_value"].isna() & unknown["baseline_value"].isna()).sum())
        lines.append(Text(f"The other {len(unknown)} cannot be judged: {no_outcome} have no observed outcome in the "
                          f"reference data, and {no_base} of them also have no baseline in the documents or the "
                          f"reference data (grouped by reason under the scorecard).",
                          f"其余 {len(unknown)} 个无法判断:{no_outcome} 个在参考数据中没有实际结果,其中 {no_base} 个"
                          f"在文献和参考数据中也没有基线(按原因归组列在记分卡下)。"))
    return lines


def strategies(chi_square_text: str, emphasis: list[str], index: pd.DataFrame | None,
               lang: str = "en") -> list:
    """Which instrument types each region leans on, whether types depend on the region, and the
    PMC index's range."""
    lines: list = [chi_square_text, *emphasis]
    if index is not None and len(index) and index["PMC"].notna().any():
        ranked = index[index["PMC"].notna()].sort_values("PMC", ascending=False)
        top, bottom = ranked.iloc[0], ranked.iloc[-1]
        grade = "grade_zh" if lang == "zh" else "grade"
        lines.append(Text(
            f"PMC index: highest {top.name} ({top['PMC']:.2f}, {top['grade']}), lowest {bottom.name} "
            f"({bottom['PMC']:.2f}, {bottom['grade']}), of {len(ranked)} scored documents.",
            f"PMC 指数:最高为 {top.name}({top['PMC']:.2f},{top[grade]}),最低为 {bottom.name}"
            f"({bottom['PMC']:.2f},{bottom[grade]}),共 {len(ranked)} 篇已评分文献。")(lang))
    return lines


def region(region_code: str, figures: pd.DataFrame, card: pd.DataFrame, fund: pd.DataFrame, table: pd.DataFrame,
           coding: pd.DataFrame, framework, lang: str = "en") -> list:
    """A region's profile in a few lines: its figures, its targets (those that can be judged,
    with their numbers), its funding and its measures."""
    lines: list = [profile.figures_headline(figures, region_code, lang)]
    if card.empty:
        lines.append(profile.nothing("targets", lang))
    else:
        lines += [targets_analysis.headline(card, lang), *[t(lang) for t in judged_targets(card)]]
    lines.append(profile.nothing("funding", lang) if fund.empty else funding_analysis.headline(fund, table, lang))
    lines.append(instrument_tables.headline(coding, framework, "consensus", lang) if len(coding)
                 else profile.nothing("clauses", lang))
    return lines


def region_chart(card: pd.DataFrame, coding: pd.DataFrame, framework, lang: str = "en"):
    """The profile's one chart and its file name: its targets when one can be drawn, else the
    shares of its measures by instrument type; (None, "") when it has neither."""
    fig = plotting.targets_grid(card, lang) if not card.empty else None
    if fig is not None:
        return fig, "targets_grid"
    if len(coding):
        drafted = set(coding.loc[coding["status"] == "draft", "region"])
        return plotting.stacked_shares_chart(comparison.counts(coding, framework, "type"), framework, lang,
                                             drafted=drafted), "instrument_shares"
    return None, ""
