"""The level of carriers a whole document is about, when its subject says one: the title or its purpose
clause (第一条 为规范…) names the recognition, management, application or evaluation of carriers of one
level (``新乡市众创空间认定和管理办法`` with ``第一条 为规范市级众创空间的认定和管理``; ``关于组织开展2024年度
市级科技企业孵化器和众创空间认定工作的通知``). Its conditions, quotas and grants then concern that level
unless a clause names another, though no word next to the number says so: the figure drafter
(``analysis.drafts``) gives such a number the document's level, as an inference (evidence ``document``,
never confident: ``analysis.calibration``).

Hand-written patterns (no library reads what a Chinese policy document is about).
"""

from __future__ import annotations

import re

__all__ = ["subject_level", "LEVELS"]

# the level words of carriers and the scope each names (州级: an autonomous prefecture's, a city's level)
LEVELS = {"国家级": "national_level", "省级": "provincial_level", "自治区级": "provincial_level",
          "市级": "municipal_level", "州级": "municipal_level", "盟级": "municipal_level", "县级": "municipal_level",
          "区级": "municipal_level", "旗级": "municipal_level"}
_CARRIER = r"(?:众创空间|孵化器|星创天地|孵化载体|双创载体|创业孵化基地|孵化基地|加速器|创新创业载体|载体)"
# a level, then (within a few words) a carrier, then what the document does with them
_SUBJECT = re.compile(r"(国家级|自治区级|省级|市级|州级|盟级|县级|区级|旗级)(?:以上)?[^，。；,;\n]{0,14}?" + _CARRIER +
                      r"[^。；;\n]{0,20}?(?:认定|管理|申报|备案|评价|考核|绩效|评审|遴选)")
_ANY_LEVEL = re.compile("|".join(sorted(LEVELS, key=len, reverse=True)))
# the purpose clause of measures in articles (第一条 为规范市级众创空间的认定和管理，…制定本办法)
_FIRST_ARTICLE = re.compile(r"^\s*第一条[^\n]*", re.M)
_PURPOSE_REACH = 600  # characters from the top: the purpose clause comes before any article of substance


def subject_level(title: str, text: str) -> tuple[str, str] | None:
    """(scope, cue) of the one level of carriers the document's subject names, or None: when the title
    (or, failing it, the first article) names no such subject, or names carriers of several levels
    (``国家级、省级孵化器认定``), or ``以上`` (市级以上: several levels)."""
    first_line = text.lstrip()[:80].split("\n", 1)[0]
    article = _FIRST_ARTICLE.search(text[:_PURPOSE_REACH])
    for source in (title, first_line, article.group() if article else ""):
        m = _SUBJECT.search(source or "")
        if not m:
            continue
        levels = {LEVELS[w] for w in _ANY_LEVEL.findall(source[:m.end()])}
        if len(levels) != 1 or "以上" in m.group():
            return None
        return LEVELS[m.group(1)], m.group()
    return None
