"""Numbers of a paper's statistics and of a standard's codes, which are no quantities of the text, and the one that
is (a sample's size):

- a p value or a significance level: ``p<0.01``, ``P值为0.003``, ``在1%水平上显著``, ``5%的显著性水平``,
  ``显著性水平为10%``, ``通过了1%的显著性检验``, ``在0.05的水平上显著``;
- a regression table's statistics: a row labelled ``R²``, ``Adj. R²``, ``F``, ``t``, ``p``, ``标准误``, ``系数``
  (every number on it), a coefficient with its stars (``0.132***``), a t value in brackets under it (``（3.41）``),
  ``R²=0.35``, ``t=2.31``, ``β=0.12``, ``χ²=12.3``, ``F(3, 120)=4.5``, ``F值为12.6``, ``弹性为0.15``, ``95%置信区间``;
  in English ``the coefficient is 0.13``, ``significant at the 5% level``, ``a 95% confidence interval``;
- a standard's number and a classification code: ``DB37/T 4618—2023``, ``GB/T 19001-2016``, ``T/CSTE 0012``,
  ``ICS 03.080``, ``CCS A 12``.

A sample's size is a count of observations: ``N=1,300``, ``n = 260``, ``样本量为1820``, a table row ``N  1820  1820``
or ``观测值  1820``. The Chinese extractor (``analysis.not_quantities``) and the English one
(``analysis.quantities_english``) ask here before reading a number. A leaf: no import of the package.
"""

from __future__ import annotations

import re

__all__ = ["statistic", "sample_size"]

_P_VALUE_BEFORE = re.compile(r"(?<![A-Za-z])[pP]\s*(?:值|-?value)?\s*(?:[<>=≤≥＜＞＝]|为|是|小于|大于|低于)\s*$")
# the level a result is significant at: 在1%(的)(统计)(显著性)水平上显著, 1%的显著性水平, 通过了5%的显著性检验
_LEVEL_AFTER = re.compile(r"\s*[%％]?\s*(?:的)?\s*(?:统计)?\s*(?:显著性?水平|水平[上下]?(?:显著|通过)|显著性?检验|置信水平|置信区间|CI\b)")
# in English: the 5% significance level, a 95% confidence interval, significant at the 1% level
_LEVEL_AFTER_EN = re.compile(r"\s*(?:%|percent|per\s+cent)\s*(?:significance\s+level|level\s+of\s+significance"
                             r"|confidence\s+(?:interval|level)|(?P<level>level)\b)", re.IGNORECASE)
_SIGNIFICANT = re.compile(r"significan", re.IGNORECASE)
_COEFFICIENT_EN = re.compile(r"\b(?:coefficients?|elasticity|estimate|beta)\s+(?:is|was|of|equals|=)?\s*$", re.IGNORECASE)
_LEVEL_BEFORE = re.compile(r"(?:显著性水平|置信水平|显著水平|α)\s*(?:为|是|取|=|＝)?\s*$")
# a row of statistics: its label, then the numbers (R² 0.214 0.356 0.398)
_STAT_ROW = re.compile(r"^\s*(?:Adj(?:usted)?\.?\s*R\s*[²2]|R\s*[²2]|R-squared|Pseudo\s*R\s*[²2]|F(?:值|-stat(?:istic)?)?|t值?"
                       r"|[pP]值?|Prob\.?|标准误|标准差|系数|拟合优度|常数项|_cons|Constant)(?:\s|$)")
_STAT_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?:R\s*[²2]|[tTFz]|Adj\.?\s*R\s*[²2]|[βγρ]|χ\s*[²2]|卡方)\s*[=＝]"
                          r"|(?<![A-Za-z])F\s*[(（][\d\s,，]*(?:[)）]\s*[=＝]\s*)?|系数为?|弹性为?|标准误为?"
                          r"|相关系数为?|拟合优度为?|[tTFz]\s*值\s*为?)\s*$")
_STARS_AFTER = re.compile(r"\*+")
_BRACKETED = re.compile(r"[（(]\s*-?$")
_BRACKET_CLOSE = re.compile(r"\s*[）)]")
# a standard's number (DB37/T 4618—2023, GB/T 19001-2016, GB 50016, T/CSTE 0012) and a classification code
_STANDARD_BEFORE = re.compile(r"(?<![A-Za-z])(?:(?:GB|DB\s*\d{2}|[A-Z]{2,4})\s*/\s*[TZ]|GB|T\s*/\s*[A-Z]{2,8})\s*$")
_CODE_BEFORE = re.compile(r"(?<![A-Za-z])(?:ICS|CCS|CLC|中图分类号|分类号)\s*[:：]?\s*(?:[A-Z]\s*)?$")
_STANDARD_YEAR = re.compile(r"\s*[—–\-－]\s*(?:19|20)\d{2}(?!\d)")
_SAMPLE_BEFORE = re.compile(r"(?:(?<![A-Za-z])[Nn]\s*[=＝]|样本量|样本数|观测值|观测数|观察值|Obs(?:ervations)?\.?)\s*(?:为|是|[:：])?\s*$")
_SAMPLE_ROW = re.compile(r"^\s*(?:N|n|Obs(?:ervations)?\.?|观测值|观测数|样本量|样本数)\s")


def _line(text: str, start: int) -> str:
    return text[text.rfind("\n", 0, start) + 1:start]


def statistic(text: str, start: int, end: int) -> tuple[str, int] | None:
    """(what the number at ``start:end`` is, the end of its span) when it is a statistic or a code, else None."""
    before = text[max(0, start - 12):start]
    line = _line(text, start)
    if _STANDARD_BEFORE.search(before):
        year = _STANDARD_YEAR.match(text, end)  # DB37/T 4618—2023: the year the standard was issued, part of it
        return "standard_number", year.end() if year else end
    if _CODE_BEFORE.search(before):
        return "classification_code", end
    if _P_VALUE_BEFORE.search(before) or _LEVEL_BEFORE.search(before) \
            or _LEVEL_AFTER.match(text, end):
        return "significance_level", end
    level = _LEVEL_AFTER_EN.match(text, end)
    if level and (not level.group("level") or _SIGNIFICANT.search(text, max(0, start - 40), start)):
        return "significance_level", end
    if _COEFFICIENT_EN.search(text, max(0, start - 30), start):
        return "statistic", end
    if _STAT_ROW.match(line) or _STAT_BEFORE.search(before):
        return "statistic", end
    if "." in text[start:end] and (_STARS_AFTER.match(text, end)
                                   or _BRACKETED.search(before) and _BRACKET_CLOSE.match(text, end)
                                   and not re.search(r"[\u4e00-\u9fff]", line)):
        return "statistic", end  # 0.132***, a t value (3.41) on a line of statistics
    return None


def sample_size(text: str, start: int) -> bool:
    """Whether the number at ``start`` is a sample's size (``N=1,300``, ``样本量为1820``, a row ``N 1820 1820``)."""
    return bool(_SAMPLE_BEFORE.search(text, max(0, start - 12), start) or _SAMPLE_ROW.match(_line(text, start)))
