"""Words of the tables and headlines in the report's language: column names and the values
of categorical columns (verdicts, statuses, bounds) in Chinese for ``lang=zh``. Sentences are
generated in each language by the module that writes them (``label(en, zh, lang)``); the
notebooks' prose is in ``notebooks/i18n/<lang>/`` (``analysis.outputs.translate``).
"""

from __future__ import annotations

__all__ = ["ZH", "word", "columns"]

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
    # values
    "met": "已达成", "not met": "未达成", "ahead of pace": "快于所需进度", "behind pace": "慢于所需进度",
    "unknown": "无法判断", "robust": "稳健", "fragile": "不稳健", "reviewed": "已审核", "draft": "草拟",
    "exact": "精确", "upper bound": "上界", "lower bound": "下界", "approximate": "近似", "indeterminate": "无法确定",
}


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
