"""The reports' two languages.

- **Words** of the tables and headlines: column names and the values of categorical columns
  (verdicts, statuses, bounds) in Chinese for ``lang=zh`` (``ZH``, ``word``, ``columns``).
- **Sentences** the analyses generate (why a verdict, why no baseline, why no denominator)
  are ``Text`` values: written in both languages where they are made, from the same numbers,
  so that nothing is translated after the fact. A table keeps a generated sentence as two
  columns, ``<name>`` (English) and ``<name>_zh`` (``flatten``), which survive any pandas dtype
  and a CSV; ``pick`` takes the one of the report's language. Sentences written straight into
  a report take ``lang`` (``plotting.label(en, zh, lang)``).
- **Prose** of the notebooks is in ``notebooks/i18n/<lang>/`` (``analysis.outputs.translate``).
- **Records** a person wrote in one language (a curated justification, a source's title) are
  shown as they are, marked with their language (``Record``; ``<span lang="en">``), never
  machine-translated.

Why not gettext (Babel's catalogues): a catalogue translates a fixed sentence with slots, and
Chinese puts the slots in another order and drops the plural forms; our sentences are few,
generated from data, and reviewed more easily with the two languages side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ZH", "word", "columns", "Text", "Record", "flatten", "pick", "record", "MESSAGES", "message",
           "GENRES", "KINDS", "LAYERS", "term"]


@dataclass(frozen=True, repr=False)
class Text:
    """A generated sentence in English and in Chinese. Prints as its English (a log, a CSV of
    the English table); ``text(lang)`` in the report's language."""
    en: str
    zh: str

    def __str__(self) -> str:
        return self.en

    def __repr__(self) -> str:  # a list of them in a CSV cell reads as it did with plain strings
        return repr(self.en)

    def __call__(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" else self.en

    def __add__(self, other: Text | str) -> Text:
        return Text(self.en + str(other), self.zh + (other.zh if isinstance(other, Text) else str(other)))

    @staticmethod
    def join(parts, en: str = "; ", zh: str = ";") -> Text:
        parts = [p if isinstance(p, Text) else Text(str(p), str(p)) for p in parts]
        return Text(en.join(p.en for p in parts), zh.join(p.zh for p in parts))


@dataclass(frozen=True)
class Record:
    """Text a person wrote in one language (a curated note, a source's title): shown as it is,
    marked ``lang`` so that a reader (and a screen reader) knows it is not the report's language."""
    text: str
    lang: str = "en"

    def __str__(self) -> str:
        return self.text


def record(value, lang: str = "en", report_lang: str = "en"):
    """``value`` marked as a record in ``lang`` when the report is in another language."""
    if report_lang == lang or value is None or not isinstance(value, str) or not value.strip() or value == "–":
        return value
    return Record(value, lang)


def flatten(row: dict) -> dict:
    """A row with each ``Text`` value as two columns: ``name`` (English) and ``name_zh``."""
    out = {}
    for key, value in row.items():
        if isinstance(value, Text):
            out[key], out[f"{key}_zh"] = value.en, value.zh
        else:
            out[key] = value
    return out


def pick(row, name: str, lang: str = "en"):
    """The generated sentence ``name`` of a flattened row in the report's language."""
    zh = row.get(f"{name}_zh") if lang == "zh" else None  # a dict or a pandas row
    return zh if isinstance(zh, str) and zh else row.get(name)

ZH = {
    # columns
    "target": "目标", "status": "状态", "region": "地区", "indicator": "指标", "scope": "口径", "baseline": "基线",
    "baseline from": "基线来源", "target value": "目标值", "required growth": "所需年均增速", "bound": "界",
    "observed": "实际值", "attainment": "达成率", "achieved growth": "实际年均增速", "national growth": "全国年均增速",
    "verdict": "结论", "readings": "读法", "why": "理由", "vs nation": "与全国比较", "observations": "观测值",
    "growth per year": "年均增速", "95% CI": "95%置信区间", "place": "地点", "instrument": "工具", "class": "资金类别",
    "payer": "出资方", "recipient": "受益方", "amount": "金额", "qualifier": "限定", "per": "计量",
    "period_years": "年限", "rule_id": "规则", "rule_role": "规则角色", "year": "年份", "quote": "原文",
    "counted": "计入合计", "note": "备注", "measure": "口径", "value": "数值", "unit": "单位",
    "denominator_source": "分母来源", "no_denominator": "无分母原因", "prices": "价格", "money_class": "资金类别",
    "figure_id": "数字编号", "target_id": "目标编号", "target_status": "目标状态", "target_quote": "目标原文",
    "baseline_ref": "基线编号", "baseline_quote": "基线原文", "observed_source": "实际值来源",
    "observed_quote": "实际值原文", "rule": "规则", "rule in words": "规则内容", "figures": "数字",
    "measures": "措施数", "clauses": "条款数", "coded clauses": "有编码的条款", "headings": "标题句",
    "headings merged": "并入正文的标题句", "coding": "编码", "chi2": "χ²", "df": "自由度", "p": "p值",
    "p_asymptotic": "渐近p值", "cells_beyond_2": "调整残差绝对值大于2的单元格", "genre": "体裁", "regions": "地区",
    "level": "层级", "subset": "子集", "agreement": "一致率", "Cohen's κ [95% CI]": "Cohen's κ [95%置信区间]",
    "Krippendorff's α [95% CI]": "Krippendorff's α [95%置信区间]", "clause": "条款", "clause_id": "条款",
    "document": "文献", "doc_id": "文献", "type": "类型", "sub-tool": "子工具", "secondary": "次要编码",
    "counted as": "计为", "text": "文本", "first coder": "第一编码者", "second coder": "第二编码者",
    "coder1": "第一编码者", "coder2": "第二编码者", "primary": "主要编码", "kept": "保留", "reason": "理由",
    "definition": "定义", "item": "二级变量", "title": "标题", "date": "日期", "outlet": "发布机构/媒体",
    "script": "字形", "clean_chars": "清洗后字符数", "paragraphs": "段落数", "notes": "说明", "kind": "类别",
    "flags": "标记", "implied": "隐含", "confidence": "置信度", "all": "全部", "grade": "等级", "rank": "排名", "flag": "标注",
    "mean confidence": "平均置信度", "sub-tool agrees": "子工具一致率", "type agrees": "类型一致率",
    "band": "置信度区间", "consensus": "共识编码", "automatic": "自动编码", "example": "示例",
    "layer": "层", "drafts used": "采用的草稿", "drafts left out": "未采用的草稿", "review with": "审核命令",
    "instruments": "政策工具编码",
    # the rule check and the third coding (issue 24)
    "listed": "所列编码", "decision": "决定", "keep": "保留", "change": "更改", "listed before the review": "复核前所列",
    "changed": "已更改", "listed after the review": "复核后所列", "unreviewed": "未复核", "cue": "提示词",
    "expected": "规则要求", "third coder against": "第三编码者对照", "clauses drawn": "抽取的条款",
    "agreeing codings": "一致的编码", "their code": "其编码", "decided by": "决定依据", "adjudication": "裁定",
    "rule review": "规则复核", "examples": "示例条款", "mojibake": "乱码处", "mojibake_passages": "乱码位置",
    # values
    "measure vs none": "措施与非措施", "all clauses": "全部条款",
    "without the codebook's examples": "不含编码手册的示例条款", "not defined": "无定义", "none": "无",
    "first_batch": "第一批", "cumulative": "累计", "under_construction": "在建",  # figures' flags
    "perfect": "完美", "excellent": "优秀", "acceptable": "可接受", "poor": "不良",
    "met": "已达成", "not met": "未达成", "ahead of pace": "快于所需进度", "behind pace": "慢于所需进度",
    "unknown": "无法判断", "robust": "稳健", "fragile": "不稳健", "reviewed": "已审核", "draft": "草拟",
    "exact": "精确", "upper bound": "上界", "lower bound": "下界", "approximate": "近似", "indeterminate": "无法确定",
    "policy_text": "政策文本", "news_report": "新闻报道",  # genres (catalogue codes)
    "neither": "均未采用",  # an adjudication kept neither coder's code
    "third coder": "第三编码者", "disputed": "有分歧的", "agreed": "一致的",  # the third coding's samples
    # the codings, as the instruments' headline names them
    "consensus coding": "共识编码", "coder1 coding": "第一编码者编码", "coder2 coding": "第二编码者编码",
    "auto coding": "自动编码",
}


# Codes whose words depend on what they name (``funding`` is 资金 as a figure's kind and a review
# layer, but ZH leaves the layer column's ``funding`` as it is): a table per kind of code,
# beside ZH, each code's words in both languages.
GENRES = {"policy_text": Text("policy text", "政策文本"), "news_report": Text("news report", "新闻报道")}
KINDS = {k: Text(k, zh) for k, zh in {"baseline": "基线", "actual": "现状", "target": "目标", "funding": "资金",
                                      "rule": "规则"}.items()}  # a figure's kind
LAYERS = {k: Text(k, zh) for k, zh in {"figures": "数字", "instruments": "政策工具", "funding": "资金",
                                       "pmc": "PMC"}.items()}  # a review layer, in the region profile


def term(table: dict[str, Text], code: str, lang: str = "en") -> str:
    """``code``'s words from one of the tables above (the code itself when it has none)."""
    return table[code](lang) if code in table else code


def word(text: str, lang: str = "en") -> str:
    """``text`` in the report's language (unchanged when there is no Chinese for it)."""
    return ZH.get(text, text) if lang == "zh" else text


def columns(frame, lang: str = "en"):
    """The table with its column and index names in the report's language."""
    if lang != "zh":
        return frame
    out = frame.rename(columns=lambda c: ZH.get(c, c))
    if out.index.names and any(n in ZH for n in out.index.names if n):
        out.index = out.index.set_names([ZH.get(n, n) if n else n for n in out.index.names])
    return out


# What a report says when a selection leaves nothing to show, in both languages.
MESSAGES = {
    "no target to draw": Text("No target of this selection has a baseline or an observed value to draw.",
                              "所选范围内没有任何目标有基线或实际值可绘制。"),
    "no subsidy rule": Text("No subsidy rule in this selection.", "所选范围内没有补助规则。"),
}


def message(key: str, lang: str = "en") -> str:
    """One of ``MESSAGES`` in the report's language."""
    return MESSAGES[key](lang)
