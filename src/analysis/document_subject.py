"""The level of carriers a whole document is about, when its subject says one: the title or its purpose
clause (第一条 为规范…) or its opening paragraph names the recognition, management, application or evaluation
of carriers of one level (``新乡市众创空间认定和管理办法`` with ``第一条 为规范市级众创空间的认定和管理``;
``关于组织开展2024年度市级科技企业孵化器和众创空间认定工作的通知``; ``我局…对全市42家市级以上科技企业孵化器…
开展了绩效评价``). Its conditions, quotas and grants then concern that level
unless a clause names another, though no word next to the number says so: the figure drafter
(``analysis.drafts``) gives such a number the document's level, as an inference (evidence ``document``,
never confident: ``analysis.calibration``).

A document about one carrier (its own annual report, a case study, a profile, a news story about one named park or
incubator: ``南京理工大学国家大学科技园2023年度运营工作报告``, ``宁夏中宁县国家级星创天地建设纪实``) gives that carrier's level
to the figures about it and its firms (``carrier_level``): the level is in the carrier's name in the title, or where
the opening introduces the carrier the title names (``XX孵化器…2019年被认定为省级科技企业孵化器``), not near the number.

A notice handing down money to carriers (``关于下达2024年度科技企业孵化器和众创空间奖补资金的通知``, ``…拨付…补助资金的通知``)
is the issuer paying: its money that names no level (the total, a section's subtotal, a line of a carrier whose
level the line does not say) is the issuer's (``disbursement_level``; a carrier's level on its line stays the
figure's), and the amounts on its numbered lines are paid, not a rule's, unless the line has a rule's structure
(``paid_line``: ``3.某创业园 新增孵化面积8,000平方米 补助40万元`` is funding; ``扩建补助按每平方米50元计算`` stays a
rule). A list only proposed (``拟拨付名单的公示``) is no such notice: nothing is paid yet.

A guide to applying for the issuer's own fund (``2025年度连云港市科技创新载体建设专项资金申报指南``) or the issuer's
procurement of a service (``路南区众创空间运营服务项目中标（成交）结果公告``, ``…采购项目招标公告``) is about the issuer's own
programme: its grants, conditions, thresholds, contract terms and amounts that name no level are the programme's, at
the issuer's level (``programme_level``), whatever level of carrier may apply. In a procurement's notice the contract's amount and the budget of the
purchase (``中标（成交）金额：186万元/年``, ``合同总金额558万元``, ``每季度46.5万元`` of the 服务费) are the programme's money
(``contract_money``: programme_budget, funding); a bidder's price (报价) is not.

A government body's budget or final-accounts report (部门决算说明, 预算执行情况报告) is about the body's own money:
a programme's money in it that names no level (年初预算为1,200.00万元, 科技创新券资金1.5亿元) is the issuer's
(``budget_level``).

Hand-written patterns (no library reads what a Chinese policy document is about).
"""

from __future__ import annotations

import re

__all__ = ["subject_level", "carrier_level", "budget_level", "disbursement_level", "paid_line", "programme_level",
           "contract_money", "LEVELS", "PROGRAMME_MONEY"]

# the level words of carriers and the scope each names (州级: an autonomous prefecture's, a city's level)
LEVELS = {"国家级": "national_level", "省级": "provincial_level", "自治区级": "provincial_level",
          "市级": "municipal_level", "州级": "municipal_level", "盟级": "municipal_level", "县级": "municipal_level",
          "区级": "municipal_level", "旗级": "municipal_level"}
_CARRIER = r"(?:众创空间|孵化器|星创天地|孵化载体|双创载体|创业孵化基地|孵化基地|加速器|创新创业载体|载体)"
# a level, then (within a few words) a carrier, then what the document does with them
_SUBJECT = re.compile(r"(国家级|自治区级|省级|市级|州级|盟级|县级|区级|旗级)(?:以上)?[^，。；,;\n]{0,14}?" + _CARRIER +
                      r"(?![\d０-９]+\s*[家个所])[^。；;\n]{0,20}?(?:认定|管理|申报|备案|评价|考核|绩效|评审|遴选)")
# or what it does first, then the level and the carriers (关于认定2023年度县级星创天地的通知)
_SUBJECT_AFTER_ACT = re.compile(r"(?:认定|评定|备案|申报|遴选)[^。；;\n]{0,12}?(国家级|自治区级|省级|市级|州级|盟级|县级|区级|旗级)"
                                r"(?:以上)?[^，。；,;\n]{0,10}?" + _CARRIER + r"(?![\d０-９]+\s*[家个所])")
# the issuer's own recognition of carriers with no level named (兰州市大学科技园认定和管理办法): the issuer recognises
# carriers of its own level
_OWN_RECOGNITION = re.compile(r"(?:众创空间|孵化器|星创天地|孵化载体|双创载体|孵化基地|大学科技园|加速器)[^，。；\n]{0,6}?认定")
# a fund whose level the carriers' words qualify (为规范市级科技企业孵化载体专项资金管理): the subject is the fund,
# whose grants go to carriers of any level it names, not the carriers of that level
_FUND = re.compile(r"资金|基金|经费")
_ANY_LEVEL = re.compile("|".join(sorted(LEVELS, key=len, reverse=True)))
# what the issuer does in a notice's opening (我局…开展了绩效评价; 现将…通知如下), not a rule or a news figure of it
_ACTS = re.compile(r"开展|组织|现将|如下")
_HEADING = re.compile(r"[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章条]|[（(][一二三四五六七八九十]+[)）]")
# the purpose clause of measures in articles (第一条 为规范市级众创空间的认定和管理，…制定本办法)
_FIRST_ARTICLE = re.compile(r"^\s*第一条[^\n]*", re.M)
_PURPOSE_REACH = 600  # characters from the top: the purpose clause comes before any article of substance


def subject_level(title: str, text: str, issuer_level: str = "", municipality: bool = False) -> tuple[str, str] | None:
    """(scope, cue) of the one level of carriers the document's subject names, or None: when neither the title,
    the opening paragraph nor the first article names such a subject, or the first that does names carriers of
    several levels (``国家级、省级孵化器认定``). ``市级以上`` is read as the scope codebook reads it: municipal
    (the cue, returned whole, says ``以上``: the drafter gives no level to money paid to carriers of each). A title
    naming the recognition of carriers and no level anywhere (兰州市大学科技园认定和管理办法) is the issuer's own
    recognition: the issuer's level (``issuer_level``, the catalogue's; a province-level city: provincial). A
    level on a fund of carriers (``市级科技企业孵化载体专项资金…管理``) is the fund's: no level of carriers."""
    article = _FIRST_ARTICLE.search(text[:_PURPOSE_REACH])
    opening = [line for line in _opening(text) if _ACTS.search(line)]
    sources = [title, *opening, article.group() if article else ""]
    for source in sources:
        m = _SUBJECT.search(source or "") or _SUBJECT_AFTER_ACT.search(source or "")
        if not m or _of_a_fund(m.group()):
            continue
        levels = {LEVELS[w] for w in _ANY_LEVEL.findall(source[:m.end()])}
        return (LEVELS[m.group(1)], m.group()) if len(levels) == 1 else None
    own = _OWN_RECOGNITION.search(title or "")
    if own and not any(_ANY_LEVEL.search(s or "") for s in sources) and issuer_level in _ISSUER_SCOPE:
        return ("provincial_level" if municipality else _ISSUER_SCOPE[issuer_level]), f"{own.group()} (the issuer's)"
    return None


def _of_a_fund(phrase: str) -> bool:
    """Whether the carriers a subject phrase names qualify a fund after them (孵化载体专项资金…管理)."""
    carrier = re.search(_CARRIER, phrase)
    return bool(carrier and _FUND.search(phrase[carrier.end():]))


def _opening(text: str) -> list[str]:
    """The title line and the opening paragraph's lines, up to the first heading (一、, 第一章, （一）): where a
    notice says what it does (我局…对全市42家市级以上科技企业孵化器…开展了绩效评价)."""
    lines = text[:_PURPOSE_REACH].strip().split("\n")
    opening: list[str] = []
    for line in lines[:-1]:  # the last may be cut at the reach
        if _HEADING.match(line.strip()) and opening:
            break
        opening.append(line)
    return opening


# --- a document about one carrier ---------------------------------------------------------------------------
# a carrier's kind in a name (国家大学科技园, 省级科技企业孵化器, 国家级星创天地, 国家备案众创空间)
_ONE_CARRIER = r"(?:大学科技园|科技园|孵化器|众创空间|星创天地|孵化基地|加速器|孵化中心|创业园|创业基地)"
# a level written on a carrier's name: 国家 alone only where the name is the national programme's (国家大学科技园)
_NAMED_LEVEL = re.compile(r"(国家级|国家备案|国家(?=大学科技园|科技企业孵化器|双创示范基地)|自治区级|省级|市级|州级|县级|区级)"
                          r"(?:以上)?[\u4e00-\u9fff]{0,6}?" + _ONE_CARRIER)
_NAME_LEVEL = {"国家备案": "national_level", "国家": "national_level", **LEVELS}
# a title that is a rule, a notice or a list, not an account of one carrier
_POLICY_TITLE = re.compile(r"办法|通知|意见|措施|细则|规定|方案|规划|决定|公告|公示|名单|指南|条例|计划|政策|新政|若干|认定|申报|"
                           r"评价|考核|奖励|补贴|补助|资金")
# words that make a title's carriers many (各, 全市, 一批, 等, a count: 新增国家级孵化器5家)
_MANY = re.compile(r"各|全[省市区县州]|一批|多家|等|[\d０-９.一二两三四五六七八九十百千万]+\s*[家个所座批]")
# where the opening introduces a carrier the title names with no level (XX孵化器…被认定为省级科技企业孵化器)
_INTRODUCED = re.compile(r"(?:被|为|是|获批|获评|晋升|升级|认定|备案|评为|列为|成为)[^。；;，,\n]{0,10}?"
                         r"(国家级|国家备案|国家(?=大学科技园|科技企业孵化器)|自治区级|省级|市级|州级|县级|区级)"
                         r"[\u4e00-\u9fff]{0,6}?" + _ONE_CARRIER)
# a carrier's own name before its kind: a quoted name, or two characters that end no place or time word
_PROPER_NAME = re.compile(r"(?:[”」』]|[\u4e00-\u9fff]{2}(?<![区县市省州镇乡村年度级本我该全各新]))$")
_INTRO_REACH = 300  # characters from the top: where a profile or a report says what its carrier is


def carrier_level(title: str, text: str) -> tuple[str, str] | None:
    """(scope, cue) of the one carrier a document is about, or None. The title names one carrier and no
    several (no 各, 全市, count or list) and is no rule, notice or list; its level is written on the carrier's name
    in the title (``南京理工大学国家大学科技园2023年度运营工作报告``: national), or, the title naming the carrier with no
    level, where the opening introduces it (``…2019年被科技部备案为国家级星创天地``). Several levels: None."""
    title = title or ""
    if not re.search(_ONE_CARRIER, title) or _POLICY_TITLE.search(title) or _MANY.search(title):
        return None
    named = list(_NAMED_LEVEL.finditer(title))
    if not named:
        # no level in the title: the carrier is one only if it has a name of its own (创客工场孵化器, “枸杞”星创天地),
        # not a place's or a year's (闵行区孵化器, 2023年度星创天地: carriers in general)
        kinds = {m.group() for m in re.finditer(_ONE_CARRIER, title) if _PROPER_NAME.search(title[:m.start()])}
        named = [m for m in _INTRODUCED.finditer(text[:_INTRO_REACH])
                 if any(m.group().endswith(k) for k in kinds)]
    levels = {_NAME_LEVEL[m.group(1)] for m in named}
    if len(levels) != 1:
        return None
    where = "the title" if _NAMED_LEVEL.search(title) else "the opening"
    return levels.pop(), f"{named[0].group()}, in {where}"


_BUDGET_REPORT = re.compile(r"决算|预算")
# the issuer's level (the catalogue's) as a scope; a zone's is left unsaid
_ISSUER_SCOPE = {"province": "provincial_level", "provincial_capital": "municipal_level",
                 "prefecture_city": "municipal_level", "county": "municipal_level", "district": "municipal_level"}


# a guide to applying for a fund (资金…申报指南, 申报…资金的通知 is the same act) or a procurement's notice (采购, 招标,
# 中标, 成交): the issuer's own programme
_OWN_PROGRAMME = re.compile(r"(?:资金|经费)[^，。；\n]{0,8}?申报(?:指南|通知)|申报[^，。；\n]{0,20}?(?:资金|经费)[^，。；\n]{0,4}?(?:指南|通知)"
                            r"|采购|招标|中标|成交")


def programme_level(title: str, issuer_level: str, municipality: bool = False) -> tuple[str, str] | None:
    """(scope, cue) of a document about the issuer's own programme (``_OWN_PROGRAMME``: a guide to applying for its
    fund, its procurement of a service), its figures that name no level being the programme's: the issuer's level
    (a province-level city: provincial); None for any other document or an issuer of no level (a zone)."""
    found = _OWN_PROGRAMME.search(title or "")
    if not found or issuer_level not in _ISSUER_SCOPE:
        return None
    return ("provincial_level" if municipality else _ISSUER_SCOPE[issuer_level]), f"{found.group()} (the issuer's programme)"


_PROCUREMENT = re.compile(r"采购|招标|中标|成交")
# the contract's amount or the purchase's budget named before the number (not 报价, a bidder's price)
_CONTRACT_AMOUNT = re.compile(r"(?:中标|成交|合同|签约)[^，。；;\n\d]{0,6}?金额|(?:采购|项目|总)?预算(?:金额)?|服务费|最高限价|控制价")


def contract_money(title: str, sentence_before: str) -> str | None:
    """The words naming a procurement's contract amount or budget before an amount (``sentence_before``: its sentence
    up to it) in a notice of the procurement (its title), else None: the programme's money."""
    if not _PROCUREMENT.search(title or ""):
        return None
    tail = sentence_before[-40:]
    found = list(_CONTRACT_AMOUNT.finditer(tail))
    return found[-1].group() if found and "报价" not in tail[found[-1].end():] else None  # 预算…，报价180万元: a bid


# a programme's own money, which a budget report sets aside at the issuer's level (a voucher budget: 科技创新券资金1.5亿元);
# subsidies are the carriers' money, whose level is their recipients'
PROGRAMME_MONEY = ("programme_budget", "innovation_vouchers")


# money paid out of a programme (科技创新券兑付860万元): the firms' or carriers' money, not the budget set aside
_PAID_OUT = re.compile(r"兑付|兑现|发放|拨付|支付")


def budget_level(title: str, issuer_level: str, municipality: bool = False, indicator: str = "programme_budget",
                 before: str = "") -> str | None:
    """The scope of a programme's money (``PROGRAMME_MONEY``) that names no level in a budget or final-accounts
    report (its title says 决算 or 预算): the issuer's own level (a province-level city and its districts:
    provincial); None otherwise, and for vouchers paid out (``before``, the phrase up to the number, says 兑付)."""
    if not _BUDGET_REPORT.search(title or "") or issuer_level not in _ISSUER_SCOPE or indicator not in PROGRAMME_MONEY:
        return None
    if indicator != "programme_budget" and _PAID_OUT.search(before):
        return None
    return "provincial_level" if municipality else _ISSUER_SCOPE[issuer_level]


# the title of a notice that hands money down (下达/拨付/兑现…资金的通知); not a list only proposed (拟拨付)
_DISBURSEMENT = re.compile(r"(?<!拟)(?:下达|拨付|兑现|兑付|发放)[^，。；\n]{0,30}?(?:资金|奖补|补助|补贴|经费|奖励)[^，。；\n]{0,6}?通知")
_CARRIER_MONEY = ("subsidies", "programme_budget")
# a numbered line of the list (1.某孵化器 …), and a rule's structure in it (对…给予, 按, 每, 最高, 不超过)
_NUMBERED_LINE = re.compile(r"^\s*(?:\d{1,3}\s*[.、．]|[（(]\d{1,3}[)）])")
_RULE_STRUCTURE = re.compile(r"对|给予|按|每|最高|不超过|以内|上限|标准")


def disbursement_level(title: str, issuer_level: str, municipality: bool = False, indicator: str = "subsidies"
                       ) -> str | None:
    """The scope of carriers' money (subsidies, a programme's budget) that names no level in a notice handing money
    down: the issuer's level (a province-level city and its districts: provincial); None in any other document."""
    if not _DISBURSEMENT.search(title or "") or issuer_level not in _ISSUER_SCOPE or indicator not in _CARRIER_MONEY:
        return None
    return "provincial_level" if municipality else _ISSUER_SCOPE[issuer_level]


def paid_line(title: str, line_before: str) -> bool:
    """Whether an amount whose line reads ``line_before`` up to it is paid on a numbered line of a notice handing money
    down, with no rule's structure on the line."""
    return bool(_DISBURSEMENT.search(title or "") and _NUMBERED_LINE.match(line_before)
                and not _RULE_STRUCTURE.search(line_before))
