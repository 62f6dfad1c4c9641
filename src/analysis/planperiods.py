"""Five-year plan periods named in a text (``十三五`` is 2016-2020): the years a plan name stands
for, and the year a figure stated "during" or "by the end of" a period is for. The extractor
(``analysis.quantities``) reports a plan name as no quantity and takes its target years from here.
"""

from __future__ import annotations

import re

from analysis.numerals import cn2an_module

__all__ = ["PLAN_NAME", "plan_period", "plan_period_target_year"]

# 十三五 is the 13th five-year plan, 2016-2020. From the 4th plan (1971-1975) on they follow
# each other without a gap: the n-th runs from 1971 + 5 (n - 4). 十X五 is always a plan; 十五,
# 九五 … are numbers too (十五个), so they are plans only in quotes or before 期间, 规划 …
PLAN_NAME = re.compile(r"十[一二三四五六七八九]五|(?<![一二三四五六七八九十])[四五六七八九十]五")
_PLAN_CONTEXT = re.compile(r"[」”\"』]?\s*(?:期间|时期|规划|计划|末|期末|初|期初|以来|中期|前期|后期|开局|收官)")
_PLAN_QUOTED = re.compile(r"[「“\"『]\s*$")
# a target "during" or "by the end of" a period is for its last year; "since" (以来) is none
_PLAN_TARGET = re.compile(rf"(?P<name>{PLAN_NAME.pattern})[」”\"』]?\s*(?:规划)?(?:期间|时期|期内|末|期末|内)")


def _plan_number(name: str) -> int:
    head = name[:-1]  # 十三五 -> 十三 -> 13
    return int(cn2an_module().cn2an(head, "normal"))


def plan_period(text: str) -> tuple[int, int] | None:
    """(first year, last year) of the first five-year plan period ``text`` names, with or without
    quotes: ``plan_period("“十三五”期间")`` is (2016, 2020), ``十四五`` (2021, 2025), ``十五五``
    (2026, 2030). None when it names none (十五 alone is fifteen: a plan only as ``“十五”`` or
    before 期间, 规划, 末 …)."""
    for m in PLAN_NAME.finditer(text):
        name = m.group()
        if name.startswith("十") and len(name) == 3 or _PLAN_CONTEXT.match(text, m.end()) \
                or _PLAN_QUOTED.search(text, 0, m.start()):
            first = 1971 + 5 * (_plan_number(name) - 4)
            return first, first + 4
    return None


def plan_period_target_year(text: str) -> int | None:
    """The year a figure stated "during" or "by the end of" a plan period is for: the period's
    last year (``"十三五"期间…达到30家`` -> 2020); None when ``text`` names no plan period that way
    (``十三五以来``, since the plan began, is no target year)."""
    m = _PLAN_TARGET.search(text)
    if not m:
        return None
    period = plan_period(text[m.start():])
    return period[1] if period else None
