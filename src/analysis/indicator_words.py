"""Readings of a drafted indicator that the codebook's aliases cannot make, from the words before the number.

- A cue word of the codebook (``cues`` of indicators.csv) picks among the indicators an alias names, and names the
  money a generic word stands for (``cued``, asked by ``analysis.counting``).
- Money a government put in (``全市财政投入孵化载体的扶持资金达1.8亿元``, ``市本级财政…累计投入…扶持资金6.8亿元，其中
  2022年投入两亿三千万元``) is the programme's budget, though the alias ending last (``扶持资金``) names
  subsidies: the labels of every tuning set read a government's ``投入`` as ``programme_budget``. Money
  granted (``对…给予``, ``每家``) stays a subsidy.
- A carrier newly recognised or filed at a level (``新认定省级众创空间42家``, ``新备案``, ``获批``) is the codebook's
  indicator of new carriers at that level when it has one (``新增省级众创空间``: ``maker_spaces_new_provincial``):
  the words are the codebook's alias with another verb of the same act.
- Words around a counted noun that hide it or name another thing (``analysis.counting`` asks): a carrier's quoted
  name before the number (``其中众创空间“紫金创客汇”3200平方米``: the maker space's area), ``加`` joining two carriers
  as spoken (``孵化器加众创空间一共是一百六十多家``: both), and a codebook cue standing only in a rule's condition
  (``集中申领创新券的，每家载体每年可获得组织服务补贴5万元``: what the recipient did, not what the money is).
- The area or the firms of maker spaces written as the carrier's noun before a generic one (``众创空间孵化面积``,
  ``国家级众创空间在孵企业``, a roster's ``众创空间`` row under a ``孵化面积`` column): the codebook's maker-space
  indicators (``maker_space_area``, ``startups_in_maker_spaces``), whose descriptions are the floor area of maker
  spaces and the start-ups in them; the generic alias ending last names the incubators' (``incubation_area``,
  ``firms_in_incubation``). Not when another carrier is joined to it (``孵化器和众创空间孵化面积``: the umbrella).
- Teams and firms counted together (``团队和企业``, ``企业及创业团队``): settled in a space when ``入驻`` qualifies them
  (``新入驻团队和企业52个``, ``入驻创业团队和企业不少于15个``: ``firms_settled``, as the labels of every set read it),
  the cumulative indicator of both when ``累计`` does (``累计孵化团队和企业630余个``: ``firms_and_teams_cumulative``);
  ``初创企业`` with teams stays start-up teams, and ``在孵企业和团队`` the firms named first (``analysis.counting``).
- Firms graduated in the year (``当年毕业企业``, ``全年新入驻…，毕业企业14家``): the codebook's new graduates
  (``new_graduated_firms``), not the cumulative ``graduated_firms`` its alias ``毕业企业`` names; not under ``累计``.
- A bare area (``面积``, ``总面积``) after a carrier the sentence introduces (``观音桥青创港为市级众创空间，面积5,400平方米``,
  ``新建众创空间1个、面积4,000平方米``): that carrier's area (``carrier_area``: maker spaces' or incubators'), at the
  level written on it; an inference (the drafter's evidence ``nearest``).
- A competition's or an event's counts no alias names (``unnamed``, ``event_count``): prize winners (``一等奖2名``:
  ``competition_awards``), the entries of a competition (``创业大赛…从报名的612个项目中``: ``competition_entrants``; its
  finalists are not), projects signed at an event (``集中签约…项目28个``, ``现场签约项目27个``: ``matched_projects``).
- A general word for carriers the codebook lists no members for (``双创载体``, ``创新创业载体``: ``carriers_total``) names a
  total whose members each place decides: a county's notice may mean the incubation institutions
  (``general_carriers``); a draft read from such a word is never confident.
- A guide's worked example (``示例：某众创空间上年度实际运营投入120万元，按30%计算为36万元，未超过50万元上限，按36万元
  拨付``): its amounts are what the rule pays one carrier (``subsidies``, a rule), its 按N% the rule's rate
  (``subsidy_rate``), and the carrier's own spending the example starts from (投入120万元) no figure of the programme
  (``worked_example``).
- A measure word that is itself an alias of the codebook (``培训农民3,200人次``, ``吸引3.2万人次参与``: 人次 is
  ``participants``' alias): the number counts that indicator whatever noun stands before it.

The drafter (``analysis.drafts``) asks after the clause is read (``analysis.counting``) and notes the change.
"""

from __future__ import annotations

import re
from typing import Protocol

__all__ = ["cued", "government_input", "newly_recognised", "without_quoted_name", "spoken_and", "outside_conditions",
           "measure_word", "maker_space_part", "teams_and_firms", "refined",
           "carrier_area", "graduated_in_the_year", "event_count", "unnamed", "general_carriers", "worked_example"]

_INPUT = re.compile(r"(?:财政|本级)[^，。；;,\n]{0,12}投入")
_GRANTED = re.compile(r"给予|每家|每个|对[^，。；]{0,20}的")
_NEW_AT_LEVEL = re.compile(r"新认定|新备案|新获批|获批|新晋")
_PHRASE_REACH = 16  # characters back from the number: the noun phrase it counts


def government_input(indicator: str, sentence_before: str) -> bool:
    """Whether money drafted as ``subsidies`` is a government's input (``财政…投入``) in the sentence before the
    number, with no grant between."""
    found = list(_INPUT.finditer(sentence_before))
    return indicator == "subsidies" and bool(found) and not _GRANTED.search(sentence_before[found[-1].end():])


def newly_recognised(before: str) -> str | None:
    """The noun phrase before the number with a verb of new recognition read as the codebook's ``新增``
    (``新认定省级众创空间`` -> ``新增省级众创空间``), or None when it has none."""
    phrase = re.split(r"[，。；;,、\n]", before[-_PHRASE_REACH:])[-1]
    return _NEW_AT_LEVEL.sub("新增", phrase) if _NEW_AT_LEVEL.search(phrase) else None


# 双创载体, 孵化载体, 孵化机构: carriers of every kind together (not 投资机构 or 中介机构, which are no carriers)
_GENERAL_CARRIER = re.compile(r"(?:载体|孵化机构)$")


def general_carriers(indicator: str, aliases: list[tuple[str, str, str]], umbrellas: set[str]) -> bool:
    """Whether ``indicator`` counts carriers, is named by a general word for them (an alias in 家 or 个 ending 载体 or
    孵化机构: ``双创载体``) and the codebook lists no members for it (``umbrellas``: the codes whose ``umbrella_of``
    says what they count): a total whose members each place decides (双创载体: all carriers here, the incubation
    institutions there). ``孵化载体`` (incubation_institutions, its members listed) is not: the labels of every tuning
    set read it as the codebook does (45 confident drafts of it, all right)."""
    return bool(indicator) and indicator not in umbrellas and any(
        code == indicator and unit == "count" and _GENERAL_CARRIER.search(alias) for alias, code, unit in aliases)


# a line that works a rule through for an invented carrier (示例：某众创空间…, 例如：某孵化器…, 计算示例：)
_EXAMPLE = re.compile(r"^\s*(?:计算)?(?:示例|举例|例如|算例|案例)[一二三123]?[:：][^\n]{0,12}?某")
_OWN_SPENDING = re.compile(r"(?:投入|支出|成本|费用|收入|营收|总额)(?:为|达|共|合计)?\s*$")
_RATE = re.compile(r"按\s*$")


def worked_example(line_before: str, unit: str) -> tuple[str, str] | None:
    """(indicator, cue) of a number in a worked example of a rule (``line_before``: its line up to the number): money
    the rule pays (``subsidies``), a rate the rule applies (按30%: ``subsidy_rate``), or ``""`` for the carrier's own
    spending the example starts from (运营投入120万元); None outside an example or for other units."""
    example = _EXAMPLE.match(line_before)
    if not example or unit not in ("CNY", "percent"):
        return None
    cue = example.group().strip()
    if unit == "percent":
        return ("subsidy_rate", cue) if _RATE.search(line_before) else None
    return ("", cue) if _OWN_SPENDING.search(line_before) else ("subsidies", cue)


_QUOTED_NAME = re.compile(r"“[^“”\n]{1,12}”\s*$")
# 加 before a carrier (孵化器加众创空间); not 参加, 增加, not 加速器
_SPOKEN_AND = re.compile(r"(?<![参增追施添更])加(?!速)(?=[\u4e00-\u9fff]{0,4}?(?:众创空间|孵化器|星创天地|加速器|科技园|孵化基地))")
_CONDITION_PART = re.compile(r"[^。;；，,\n]*的[,，]")  # a rule's condition clause (…集中申领创新券的，)


def without_quoted_name(before: str) -> str:
    """``before`` (the words up to the number) without a quoted name ending it (众创空间“紫金创客汇” -> 众创空间)."""
    return _QUOTED_NAME.sub("", before)


def spoken_and(noun: str) -> bool:
    """Whether ``加`` joins two carriers in the noun phrase (孵化器加众创空间)."""
    return bool(_SPOKEN_AND.search(noun))


def outside_conditions(words: str) -> str:
    """``words`` without the condition clauses of a rule (…的，), where a cue says what a recipient did."""
    return _CONDITION_PART.sub("", words)


def measure_word(mention: str, aliases: list[tuple[str, str, str]], unit: str) -> tuple[str, str] | None:
    """(indicator, alias) of an alias of ``unit`` written in the mention's own words after its numerals
    (``3,200人次``: 人次), or None. ``aliases``: (alias, indicator, unit), as the drafter's reader holds them."""
    words = re.sub(r"[\d０-９.,，零〇一二两三四五六七八九十百千万亿余多几近约超逾]", "", mention)
    return next(((code, a) for a, code, u in aliases if u == unit and a in words), None)


# 众创空间 right before a generic area or firms noun, no other carrier joined before it (和, 及, 与, 、, 加)
_MAKER_SPACE_PART = {
    "incubation_area": ("maker_space_area", re.compile(r"(?<![和及与、加])众创空间的?(?:孵化|场地|运营|总)?面积[^，。；;,、\n]{0,4}$")),
    "firms_in_incubation": ("startups_in_maker_spaces",
                            re.compile(r"(?<![和及与、加])众创空间的?(?:在孵|入驻|入孵)企业[^，。；;,、\n]{0,4}$")),
}


def maker_space_part(indicator: str, before: str) -> str | None:
    """The maker-space indicator of an area or a count of firms the words before the number (``before``, up to
    it) give to maker spaces alone (``众创空间孵化面积``), or None."""
    part = _MAKER_SPACE_PART.get(indicator)
    return part[0] if part and part[1].search(before[-_PHRASE_REACH:]) else None


_PAIR = r"(?:创业)?团队(?:和|及|与|、)(?:创业|科技型?)?企业|(?<!初创)(?<!在孵)企业(?:和|及|与|、)(?:创业)?团队"
_SETTLED_PAIR = re.compile(r"入驻[^，。；;,、\n]{0,4}?(?:" + _PAIR + r")[^，。；;,、\n]{0,6}$")
_CUMULATIVE_PAIR = re.compile(r"累计[^，。；;,、\n]{0,4}?(?:" + _PAIR + r")[^，。；;,、\n]{0,6}$")


def teams_and_firms(before: str) -> str | None:
    """The indicator of teams and firms counted together, from the words up to the number (``before``), or None."""
    phrase = before[-_PHRASE_REACH:]
    if _CUMULATIVE_PAIR.search(phrase):
        return "firms_and_teams_cumulative"
    return "firms_settled" if _SETTLED_PAIR.search(phrase) else None


_IN_THE_YEAR = re.compile(r"当年|全年|本年度?|今年|年内|去年|上年")


def graduated_in_the_year(indicator: str, sentence_before: str) -> bool:
    """Whether firms drafted ``graduated_firms`` graduated in one year (a year's word in the sentence, no 累计)."""
    return indicator == "graduated_firms" and bool(_IN_THE_YEAR.search(sentence_before)) \
        and "累计" not in sentence_before


# the money of awards (奖补资金, 奖励资金): what carriers were awarded, not a budget; money from above (上级, 省级) is
# the receiving government's budget
_AWARD_MONEY = re.compile(r"(?<!上级)(?<!省级)(?<!中央)(?:奖补|奖励)资金(?:合计|共计|总计|总额|共|为|达到?)?\s*$")


def refined(indicator: str, before: str, unit: str) -> tuple[str, str] | None:
    """(indicator, why) where the words before the number name a narrower reading than the counted noun's alias (the
    maker spaces' own area or firms, teams and firms settled or cumulative), or None."""
    part = maker_space_part(indicator, before)
    if part:
        return part, f"the {indicator} of maker spaces alone (众创空间 before its noun)"
    if indicator == "programme_budget" and _AWARD_MONEY.search(before[-_PHRASE_REACH:]):
        return "subsidies", "the money of awards (奖补资金, 奖励资金), paid to carriers"
    if graduated_in_the_year(indicator, before):
        return "new_graduated_firms", "firms graduated in the year (" + _IN_THE_YEAR.findall(before)[-1] + ")"
    pair = teams_and_firms(before) if unit == "count" and indicator else None
    if pair and pair != indicator:
        return pair, "teams and firms counted together (" + ("累计" if "cumulative" in pair else "入驻") + ")"
    return None


_BARE_AREA = re.compile(r"(?:^|[，,、；;：:])\s*(?:总|占地|使用|运营)?面积(?:为|达|达到|约|共|合计)?\s*$")
_CARRIER_AREA = (("maker_space_area", r"众创空间|创客空间"),
                 ("incubation_area", r"孵化器|孵化基地|孵化载体|加速器|大学科技园|创业园"))
_LEVEL_ON = re.compile(r"(国家级|国家备案|省级|自治区级|市级|州级|区级|县级)[^，。；;,、\n]{0,8}$")


def carrier_area(sentence_before: str) -> tuple[str, str] | None:
    """(area indicator, level word or "") of a bare area (the phrase before the number is only ``面积``) after the
    last carrier the sentence names before it, or None."""
    if not _BARE_AREA.search(sentence_before):
        return None
    found = [(m.start(), code) for code, kinds in _CARRIER_AREA for m in re.finditer(kinds, sentence_before)]
    if not found:
        return None
    at, code = max(found)
    level = _LEVEL_ON.search(sentence_before[:at])
    return code, level.group(1) if level else ""


_PRIZE = re.compile(r"(?:[一二三]等奖|特等奖|优秀奖|优胜奖|金奖|银奖|铜奖)(?:项目|获得者|获奖者)?(?:各|共|为|有)?$")
_COMPETITION = re.compile(r"大赛|比赛|竞赛|创业赛|挑战赛")
_ENTERED = re.compile(r"(?:报名|参赛|参加比赛)[^，。；;,\n]{0,6}$")
_ENTRY_NOUN = re.compile(r"^\s*(?:个|支|家|项)?\s*(?:项目|团队|企业|创业团队)")
_SIGNED = re.compile(r"签约[^，。；;,\n]{0,20}?项目\s*(?:共|达)?$")


def event_count(sentence_before: str, after: str) -> str | None:
    """The indicator of a count of a competition's prize winners or entries, or of projects signed at an event, from
    the sentence up to the number and the words right after it (``612个项目``: ``个项目``), or None."""
    phrase = re.split(r"[，,；;。：:]", sentence_before)[-1]
    if _PRIZE.search(phrase) and _COMPETITION.search(sentence_before + after[:40]) or \
            _PRIZE.search(phrase) and re.match(r"\s*(?:名|个|项)", after):
        return "competition_awards"
    if _COMPETITION.search(sentence_before) and _ENTERED.search(phrase) and _ENTRY_NOUN.match(after):
        return "competition_entrants"
    if _SIGNED.search(phrase) or ("签约" in phrase and re.match(r"\s*个?项目", after)):
        return "matched_projects"
    return None


def unnamed(sentence_before: str, after: str, unit: str) -> tuple[str, str, str] | None:
    """(indicator, level word, why) of a number whose clause names no indicator of the codebook but whose shape does:
    a bare area after a carrier (``carrier_area``), a competition's or an event's count (``event_count``); or None."""
    if unit == "m2" and (area := carrier_area(sentence_before)):
        return area[0], area[1], "a bare area after the carrier the sentence introduces"
    event = event_count(sentence_before, after) if unit in ("count", "person") else None
    return (event, "", "a count of a competition or an event, read from its shape") if event else None


_GENERIC_MONEY = ("programme_budget", "subsidies")


class Codebook(Protocol):
    """What ``cued`` reads of the drafter's reader (``analysis.counting.Reader``)."""

    aliases: list[tuple[str, str, str]]  # (alias, indicator, unit)
    units: dict[str, str]
    cues: dict[str, list[str]]


def cued(indicator: str | None, alias: str, unit: str, sentence: str, before_end: str, reader: Codebook
         ) -> tuple[str, str] | None:
    """A cue word of the codebook in the sentence (``cues`` of indicators.csv) picks among the
    indicators an alias names (高新区 + 试点: pilot zones), and names the money a generic word
    (经费, 资金, 出资) stands for (创新券: innovation vouchers), where the cue is before the number
    in its sentence or in its own phrase (开展创新券工作,安排经费1550万元: the vouchers' money; but
    安排专项资金15亿元，扩大创新券发放规模: the budget, the vouchers only named after it). A cue in a rule's
    condition only (申领创新券的，每家…补贴5万元) says what a recipient did: the subsidy stays."""
    shared = [code for a, code, u in reader.aliases if a == alias and u == unit]
    pool = shared if len(shared) > 1 else ([code for code, u in reader.units.items() if u == unit]
                                           if unit == "CNY" and indicator in (None, *_GENERIC_MONEY) else [])
    where = sentence if len(shared) > 1 else before_end
    if indicator == "subsidies" and alias != "扶持资金" and len(shared) <= 1:
        where = outside_conditions(where)
    for code in pool:
        cue = next((c for c in reader.cues.get(code, []) if c in where), None)
        if cue and code != indicator:
            return code, cue
    return None
