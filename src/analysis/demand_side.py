"""The demand side of the codebook, sixth round of issue 26: the instruments a demand-side measure
uses, and a demand-side word that only names whom a measure is for or what a target counts.

- ``instrument``: the demand-side sub-tool whose instrument a clause names, read beside the codebook's
  keywords (``keyword_rule`` asks it). The codebook defines each demand-side sub-tool by what
  the government does, and its keywords (政府采购, 采购, 示范, 试点, 外包, 出口 …) miss the instruments
  policy texts name these by: a procurement of innovative products is carried out by 首购 (first
  purchase), 订购 (ordering a product still to be developed), reserved shares (预留份额), price deductions
  (价格扣除), single-source purchase and a catalogue of innovative products; a first use or an opened
  application scene is a demonstration (D_DEM: "first-use of new products"); contracting a service out
  is D_OUT; export and customs support is D_TRA ("export support, customs and trade facilitation").
  Each pattern below names the part of the codebook's definition it is written from.
- ``structure_rule``: a clause coded demand-side whose structure decides another code (R4: a target is
  E_GOA whatever its topic; the codebook's funding: money paid to a demonstration base or to the maker
  of a first-use product is S_FUN; R3: recognising, assessing, monitoring or revoking a demonstration
  base's status is E_STR; a duty of a demonstration base, 各示范基地要举办…, is the act's) takes that
  code, the demand-side code becoming its secondary. R8 already says a demand-side word is not enough for D_DEM; this reads what else the clause does.

Written by hand: these are the genre's fixed terms of public procurement and pilots, which no library
lists.
"""

from __future__ import annotations

import re

import numpy as np

from analysis import clause_roles, policy_cues, procurement
from analysis.instruments import NONE

__all__ = ["INSTRUMENTS", "LEADING_ROLE", "instrument", "keyword_rule", "structure_rule", "instrument_rule",
           "trade_rule"]

# What each demand-side sub-tool's measures use, beyond the codebook's keywords.
INSTRUMENTS: dict[str, re.Pattern] = {
    # D_PRO, "government purchases of innovative products and services": the ways a purchase is made
    # (首购, 订购, 单一来源, 远期约定采购), who buys (采购人), the share kept for small firms (预留份额, 预留给),
    # the price preference (价格扣除), the catalogue bought from (创新产品目录) and the government buying services
    # (政府购买; a firm that buys a service, 支持企业购买检测服务, is no procurement); a consumer voucher
    # (消费券) pays part of a purchase as procurement pays all of it,
    # the codebook's only sub-tool of public money spent on buying (its S_FUN is money paid to producers)
    "D_PRO": re.compile(r"首购|订购|单一来源|远期约定|采购人|预留[^，。；]{0,12}(?:份额|比例|给)|价格扣除"
                        r"|创新产品[^，。；]{0,8}目录|政府购买|优先采购|消费券"
                        # eighth round: a budget line of purchases (政府采购预算145万元: a budget is coded as
                        # the measure it funds)
                        r"|采购(?:预算|资金)"),
    # D_DEM, "demonstration projects, pilots, first-use of new products": first use (首用, 首台套, 首版次,
    # 首批次) and opening application scenes to new products (应用场景, 场景开放, 示范应用)
    "D_DEM": re.compile(r"首用|首试|首版次|首批次|首台|应用场景|场景(?:开放|应用|清单)|开放[^，。；]{0,6}场景|示范应用"),
    # D_OUT, "contracting services out to innovators or intermediaries" (also, eighth round, the forms of
    # ``procurement.CONTRACTED``: 承接政府转移的服务职能, 委托专业机构运营, 公开招标确定运营服务商 …)
    "D_OUT": re.compile(r"服务外包|" + procurement.CONTRACTED.pattern),
    # D_TRA, "export support, customs and trade facilitation"
    "D_TRA": re.compile(r"外贸|通关|报关|海关|跨境电商|出海"
                        # eighth round: selling abroad, "export support" (开拓国际市场, 参加境外展会)
                        r"|开拓[^，。；]{0,4}(?:国际|海外|境外)市场|(?:境外|海外|国际)[^，。；]{0,4}展(?:会|览)"),
}


def instrument(text: str) -> str:
    """The demand-side sub-tool whose instrument the clause names (``INSTRUMENTS``), or ""."""
    for code, pattern in INSTRUMENTS.items():
        if pattern.search(text):
            return code
    return ""


# Codebook rule R8: 示范 in the sense of a leading role is not a demonstration project. Nor
# is a demand-side word inside the title of a cited document (《…示范工作若干政策措施》), in an
# adjective of the goal (网络化、国际化), in the name of a region at home (粤港澳大湾区; eighth round: 海南自由贸易港,
# a free-trade zone named as a place, is no trade control), or in
# 国内外 (at home and abroad: not aimed only abroad, R2; 国内外资本市场 is no 外资); nor is an
# agricultural demonstration plot (农业科技示范基地, 示范茶园: a place of land, not a pilot project).
LEADING_ROLE = re.compile(r"示范(?:引领|带动|作用)|《[^》]*》|国际化|粤港澳大湾区|国内外|自由贸易(?:港|试验区)|自贸(?:港|区|试验区)"
                           r"|农[业牧][^，。；]{0,10}示范(?:基地|园)|示范(?:茶园|果园|田|农场)")


def keyword_rule(texts: list[str], primary: np.ndarray, secondary: np.ndarray, fw) -> tuple[np.ndarray, np.ndarray]:
    """The codebook's demand-side sub-tools decided by their keywords: a clause the classifier
    reads as a measure and that names a demand-side keyword (政府采购, 外包, 试点, 港澳 …, read from
    the framework, R8's leading-role 示范 excepted) takes that sub-tool, the classifier's code
    becoming its secondary. Demand-side measures are rare (19 of 350 clauses of the five
    reviewed documents), too rare for the classifier to learn from a few documents (held-out
    recall 0.16); their vocabulary is small and the codebook names it. Leave-one-document-out
    type kappa 0.604 -> 0.629 (README, "The automatic coder"). Moved here from ``autocoder`` in the sixth
    round, which added the instruments (``instrument``)."""
    demand = [(code, list(st["keywords"]) + policy_cues.DEMAND_WORDS.get(code, []))
              for code, st in fw.subtools.items() if st["type"] == "demand" and st.get("keywords")]
    primary, secondary = primary.copy(), secondary.copy()
    for i, text in enumerate(texts):
        if primary[i] == NONE or fw.type_of(primary[i]) == "demand":
            continue
        text = policy_cues.NOT_DEMAND.sub("", LEADING_ROLE.sub("", text))
        for code, keywords in demand:  # the codebook's keywords, then the instruments it defines (sixth round)
            if any(k in text for k in keywords) or instrument(text) == code:
                primary[i], secondary[i] = code, primary[i]
                break
    return primary, secondary


# R4's own cues of a target (instruments_framework.yml: ^力争, 到20xx年) at the clause's start or after
# its article number (第九条 到2025年，…)
_TARGET_CUE = re.compile(r"^(?:第[一二三四五六七八九十百]+条\s*)?(?:到|至)20\d\d年|^力争|力争到20\d\d年")
# R3: a demonstration base's status granted, assessed, monitored, reported or revoked
_STATUS_ACT = re.compile(r"认定[^，。；]{0,30}为|授予[^，。；]{0,12}称号|(?:撤销|取消|摘除)[^，。；]{0,12}(?:资格|称号)"
                         r"|摘[^，。；]{0,6}牌|评估|考核|统计监测|监测|报送[^，。；]{0,12}(?:情况|报告|材料)")
# a purchase's money buys (用于订购, 用于采购): the procurement's budget, not a grant
_BUYS = re.compile(r"用于[^，。；]{0,6}(?:订购|采购|购买)")
# the terms of a grant's money (奖补资金主要用于示范基地内…): the funding's, where it is spent is no demonstration
_MONEY_USE = re.compile(r"^[^，。；]{0,8}(?:资金|经费)[^，。；]{0,6}用于")
# a duty's verb: what comes before it names who must act (各示范基地要…), what follows the act itself
_DUTY = re.compile(r"(?<![重主需])要(?!求)|应当|应(?![用急])|必?须|负责")  # not 应用, 重要, 要求
# R8's leading role (示范带动作用) is no demonstration; what is left of 示范 and 试点 after it
_LEADING = re.compile(r"示范(?:引领|带动|作用)|(?:引领|带动)示范")
_DEMONSTRATION = re.compile(r"示范|试点")


def _subject_only(text: str) -> bool:
    """A demonstration's word (示范, 试点) only in who must act (各示范基地要举办…), not in the act."""
    duty = _DUTY.search(text)
    if not duty:
        return False
    return bool(_DEMONSTRATION.search(text[:duty.start()])) and not _DEMONSTRATION.search(
        _LEADING.sub("", text[duty.end():])) and not instrument(text[duty.end():])


def structure_rule(ids: list[str], texts: list[str], primary: np.ndarray, secondary: np.ndarray,
                   scores: np.ndarray, classes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A demand-side code that the clause's structure overrides (the module's list): a target (R4:
    ``clause_roles.target`` or R4's cue) is E_GOA; a demonstration's (D_DEM) grant (``clause_roles.grant``,
    unless the money buys) or its money's terms are S_FUN, its status act (``_STATUS_ACT``, R3) E_STR, and a
    duty whose demonstration word names only who must act (``_subject_only``) takes its best code
    (``scores``, one column per class of ``classes``) off the demand side. The demand-side code becomes the
    secondary. A measure for overseas people keeps R2's D_OVE (举办中日韩…大赛，力争引进外资项目15个:
    the measure is aimed at overseas people, whatever its target)."""
    primary, secondary = primary.copy(), secondary.copy()
    masked = scores.copy()  # the best code on neither the demand side nor none, for a duty's act
    for j, c in enumerate(classes):
        if c == NONE or str(c).startswith("D_"):
            masked[:, j] = -np.inf
    best = classes[np.argmax(masked, axis=1)]
    targets = clause_roles.target(ids, texts)
    grants = clause_roles.grant(texts)
    for i, text in enumerate(texts):
        code = str(primary[i])
        if not code.startswith("D_"):
            continue
        new = ""
        if code != "D_OVE" and (targets[i] or _TARGET_CUE.search(text.strip())):
            new = "E_GOA"
        elif code == "D_DEM" and ((grants[i] and not _BUYS.search(text)) or _MONEY_USE.search(text.strip())):
            new = "S_FUN"
        elif code == "D_DEM" and _STATUS_ACT.search(text):
            new = "E_STR"
        elif code == "D_DEM" and _subject_only(text):
            new = str(best[i])
        if new:
            primary[i], secondary[i] = new, code
    return primary, secondary


# a report of a demand-side instrument used (已开放应用场景20个, 累计首购…): the past is no measure
_REPORTED = re.compile(r"已|累计|截至|截止|同比|去年|上年|全年")


def instrument_rule(ids: list[str], texts: list[str], primary: np.ndarray,
                    formed: np.ndarray | None = None) -> np.ndarray:
    """Seventh round: a clause every rule left none that names a demand-side instrument (``instrument``: 在县城建
    一个创新产品示范应用场景, 对首购产品…) states that demand-side measure; not a report (``_REPORTED``), the frame or
    a question (``clause_roles``), nor a cited title or R8's leading role (``LEADING_ROLE``). The keyword rule
    reads only clauses the classifier took as measures; an instrument's words are specific enough to say it.
    Eighth round: so does a clause ``formed`` a measure by its form alone (``coder_rules.measure_rule`` gave it the
    classifier's best code other than none: 发放消费券…，鼓励市民购买在孵企业的新产品 read as S_FUN)."""
    primary = primary.copy()
    formed = np.zeros(len(texts), dtype=bool) if formed is None else formed
    framed = clause_roles.no_measure(ids, texts) | clause_roles.question(texts)
    for i, text in enumerate(texts):
        if (primary[i] != NONE and not formed[i]) or framed[i] or _REPORTED.search(text):
            continue
        code = instrument(LEADING_ROLE.sub("", text))
        if code:
            primary[i] = code
    return primary


# whom D_OVE's measures are for or with: overseas people, institutions and cooperation (the codebook's definition)
_OVERSEAS_PEOPLE = re.compile(r"人才|留学|外籍|外国|港澳|台湾|华侨|侨|团队|孵化器|离岸|合作|交流|引进|大赛")


def trade_rule(texts: list[str], primary: np.ndarray) -> np.ndarray:
    """Eighth round: a clause coded D_OVE (overseas exchange) whose measure is selling abroad (``INSTRUMENTS``'
    D_TRA: 支持跨境电商孵化企业开拓国际市场, 组织在孵企业参加境外展会) and that names no overseas people, institution
    or cooperation (``_OVERSEAS_PEOPLE``) is D_TRA: the codebook puts export support there, exchange in D_OVE."""
    primary = primary.copy()
    for i, text in enumerate(texts):
        if primary[i] == "D_OVE" and INSTRUMENTS["D_TRA"].search(text) and not _OVERSEAS_PEOPLE.search(text):
            primary[i] = "D_TRA"
    return primary
