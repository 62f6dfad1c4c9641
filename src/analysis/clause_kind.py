"""The kind of a stated number from the structure of its clause (``analysis.counting`` reads
the rest): ``对…给予/奖励/补助`` a rule, ``设立/安排…资金`` funding, ``到/力争…年`` a target,
``截至/目前/已/累计`` a status figure, each with its cue; a target during a plan period
(``"十三五"期间``) is for the period's last year. A number among the conditions of a recognition or
an application (under ``申报条件``, ``应当具备以下条件：``; ``…不少于10家的认定条件``; ``对…面积1万平方米以上的，
给予``) is a rule: what a carrier must have, not what the region plans to reach.
"""

from __future__ import annotations

import re

from analysis import quantities

__all__ = ["kind_of", "conditions_section", "condition_of", "money_report", "STRONG_STATUS", "WEAK_STATUS", "PERIOD"]

# kind from the clause's structure: (kind, pattern); the first that matches wins
_KIND_CUES = (
    ("rule", re.compile(r"对[^。;；]{0,60}?(?:的|者)[,，]?[^。;；]{0,30}?(?:给予|补助|补贴|奖励|资助)|"
                        r"按[^。;；]{0,30}?\d+(?:\.\d+)?\s*[%％]|按照?每[^。;；，,\d]{1,6}[^。;；，,]{0,8}$|年补助|每年不超过|最高不超过|按评定等级|"
                        r"(?:给予|奖励|补助|补贴|资助)(?!资金|经费)[^。;；，,]{0,8}$|应当|应(?=[建设配具达有不])|上限|"
                        r"每[场次家个所名位项户期][^。;；，,]{0,6}?(?:给予|奖励|补助|补贴|资助|奖补)")),
    ("funding", re.compile(r"(?:设立|安排|投入|出资|筹集|整合|统筹|形成)[^。;；]{0,20}?(?:资金|基金|经费)|"
                           r"(?:资金|基金|经费)[^。;；，,]{0,6}(?:累计|达|总额|规模)")),
    # 要 of a plan (今年要新建孵化器一家, 导师要发展到五十人), not 需要, 主要, 重要
    # 到年底 of a post or a plan of the year (not 截至年底), 目标： a target's label
    ("target", re.compile(r"(?<!截)(?<!截止)(?:到|至)\s*20\d{2}\s*年|(?<![截直])到(?:今|本|明)?年(?:底|末)|目标[:：]|"
                          r"力争|争取|将(?!近|\S{0,8}(?:改造|纳入|升级))|倍增|"
                          r"(?<![需主重只必])要(?=新建|新增|建成|增加|增长|发展到|提高到|提升到|扩大到|达到|突破|培育|引进|举办)|"
                          r"十[一二三四五]五[”\"]?(?:期间|末|时期)|(?:目标|计划|预期)值")),
    ("actual", re.compile(r"截至|截止|目前|已经|已|累计|现有|共有|建成|先后|共计|当年|去年|上年|(?:实际|完成)值")),
)
# a status that no target cue elsewhere in the sentence outweighs (累计 and 建成 also state targets: 到2025年累计建成)
STRONG_STATUS = re.compile(r"截至|截止|目前|已经|已|现有|当年|去年|上年")
# a plan period named as a target's horizon
PERIOD = re.compile(r"十[一二三四五]五[”\"]?(?:期间|末|时期)")
# status cues that also state targets (到2025年累计建成50家): a kind read from one alone is a guess
WEAK_STATUS = re.compile(r"累计|建成|先后|共计|共有")
# a floor the text requires (不少于, 不低于, 至少) of the number's phrase, and a requirement of each carrier (每家)
_FLOOR = re.compile(r"不少于|不低于|至少")
_EACH = re.compile(r"每家|每所|每个(?:孵化|众创|星创|载体|空间|基地)")
# a duty each of a class must meet (各示范基地要…每年举办双创活动不少于10场): its floor is a rule, not a target
_DUTY_OF_EACH = re.compile(r"各[^。;；，,\n]{1,12}?(?:要|应|须|必须)")
# a party's duty under a contract or an agreement (服务要求：每年引进创业团队不少于30个; 甲方为乙方配备创业导师不少于1名;
# 中标人应…): what the contract requires of the operator, a rule, not what the region plans
_CONTRACT_DUTY = re.compile(r"服务(?:要求|内容|标准)|履约要求|合同(?:要求|约定)|[甲乙]方|中标(?:人|供应商|单位)|成交供应商|"
                            r"受托(?:方|单位|运营方)|承接(?:方|单位)")
_AT_LEAST_AFTER = re.compile(r"\s*(?:以上|及以上)")  # 常年保持在40家以上: a floor written after the number
_JOINED_LINES = 4  # lines ending in ； a sentence runs on across (服务要求：…不少于30个；⏎…40家以上；⏎…)
# a grant that is a modal or a per-unit amount (每家载体每年可获得补贴5万元): a rule's, though 获得 also reports money paid
_MAY_GET = re.compile(r"可(?:获得|享受|申请|领取)|每[场次家个所名位项户期]")
# a grant reported as made: dated (县财政今年给予星创天地运营补助30万元; but 2024年起给予: a rule from then on) or an
# item of an income (收入2,156万元，其中…各级政府补助250万元: money received)
_DATED_GRANT = re.compile(r"(?:今年|去年|全年|上年|当年|本年度?|20\d{2}\s*年)(?![起后]|开始|以后)[^。;；，,的]{0,12}?"
                          r"(?:给予|拨付|奖励|补助|补贴|资助)")
_INCOME_ITEM = re.compile(r"收入[^。;；]{0,30}?其中")
# the section a sentence with no cue of its own stands in: work to come (下一步, 重点任务, 我们将重点抓好以下工作)
# or work done (工作成效, 总体进展); the nearer heading or lead-in before the sentence decides
_FUTURE_SECTION = re.compile(r"下一?步|今后|明年|来年|新的一年|工作(?:安排|计划|打算|思路)|重点抓好|将(?:重点|着力|围绕)|预算草案|"
                             r"今年(?:的)?(?:主要|重点)?(?:任务|目标)|"
                             r"20\d{2}\s*年度?(?:工作)?(?:计划|打算|目标)(?!\S{0,4}(?:完成|执行|落实|情况))|"
                             r"主要目标|重点任务|主要任务|发展目标|具体目标|绩效目标(?!\S{0,4}(?:完成|执行|实现|情况|自评|评价))|对策建议|工作建议|政策建议")
_PAST_SECTION = re.compile(r"工作成效|主要成效|取得的成效|工作进展|总体进展|基本情况|发展现状|主要成绩|回顾|存在的问题|主要做法")
_SECTION_REACH = 1500  # characters back: a section's numbers are read within a page or so of its heading


# a numbered heading (三、重点任务, （二）工作进展) or a lead-in line (…抓好以下工作。, …如下：); a speech's spoken ones
# (一是抓载体。, 先说成绩。, 最后说今年的任务，…)
_HEADING_LINE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节部分])"
                           r"[^\n。]{0,30}$|^[^\n]*(?:以下工作|如下|以下几个方面)[^\n]{0,4}$|^[^\n]{0,60}[:：]$|"
                           r"^[一二三四五六七八九十]是[^\n，,；;]{1,12}。?$|^(?:先|再|最后|首先|其次|下面)(?:说|讲|谈)[^\n]{1,40}$", re.M)


def _section(text: str, s0: int) -> tuple[str, str] | None:
    lines = _HEADING_LINE.finditer(text, max(0, text.rfind("\n", 0, max(0, s0 - _SECTION_REACH)) + 1),
                                   max(0, text.rfind("\n", 0, s0 + 1)))
    window = "\n".join(m.group() for m in lines)  # the headings and lead-ins before the sentence's line
    future, past = _last(_FUTURE_SECTION, window), _last(_PAST_SECTION, window)
    if future and (past is None or future.start() > past.start()):
        return "target", future.group()
    return ("actual", past.group()) if past else None


# the conditions a carrier must meet to be recognised, to apply or to be paid: a heading or lead-in naming them
# (二、申报条件; 第三条 申请认定市级众创空间，应当具备以下条件：), and the rank of a numbered line, which ends a
# section of its own rank or a lower one (三、申报材料 ends 二、申报条件; （一）… items under it do not)
_CONDITIONS = re.compile(r"(?:认定|申报|申请|备案|评审|评定|准入|遴选|入驻|入选|基本)(?:的)?(?:基本)?条件|"
                         r"(?:具备|符合|满足|达到)(?:以下|下列|如下)[^\n。]{0,6}(?:条件|要求)")
_RANKS = ((re.compile(r"^第[一二三四五六七八九十百]+[章节部分编]"), 0.0), (re.compile(r"^第[一二三四五六七八九十百]+条"), 1.0),
          (re.compile(r"^[一二三四五六七八九十]+、"), 1.0), (re.compile(r"^[（(][一二三四五六七八九十]+[)）]"), 2.0),
          (re.compile(r"^[0-9０-９]+[.．、]"), 3.0))
_LEAD_IN_RANK = 1.5  # an unnumbered lead-in (…应具备以下条件：) governs the numbered items under it
# a floor that names the conditions it is one of (明确州级载体孵化面积不少于1000平方米、在孵企业不少于10家的认定条件)
_CONDITION_AFTER = re.compile(r"[^。;；！？]{0,30}?的[^。;；，,！？]{0,8}条件")
# the condition of a rule (对新建孵化面积1万平方米以上的，省级财政给予一次性补助200万元): 对 before, 的 and a grant after
_RULE_CONDITION_BEFORE = re.compile(r"对(?:(?!给予|补助|补贴|奖励|资助)[^。;；！？]){0,50}$")
_RULE_CONDITION_AFTER = re.compile(r"[^。;；！？]{0,40}?的[,，]?[^。;；！？]{0,40}?(?:给予|补助|补贴|奖励|资助|奖补)")
# …的, ending right after the number, then a grant in the next clause (辅导在孵企业10家以上的，按每名导师…给予奖励;
# 设立种子资金规模达到500万元的，市财政按…给予配套): the condition of a grant, with or without 对 before it
_CONDITION_CLAUSE = re.compile(r"[^。;；，,！？\n]{0,6}?的[,，][^。;；！？]{0,40}?(?:给予|补助|补贴|奖励|资助|奖补)")
# a cap on money (每年最高8万元, 年度补助总额不超过50万元, 合计不超过500万元): a rule's, unless 最高 is of money paid
_CAP = re.compile(r"(?:最高|不超过|不高于|上限为?)(?:可达|为)?[^。;；，,:：]{0,10}$")


def _rank(line: str) -> float | None:
    return next((rank for pattern, rank in _RANKS if pattern.match(line)),
                _LEAD_IN_RANK if re.search(r"[:：]\s*$", line) else None)


def conditions_section(text: str, s0: int) -> str | None:
    """The heading or lead-in of the conditions section the line at ``s0`` stands in, if any."""
    line_start = text.rfind("\n", 0, s0 + 1) + 1
    w0 = text.rfind("\n", 0, max(0, line_start - _SECTION_REACH)) + 1
    active: tuple[float, str] | None = None
    for line in text[w0:line_start].split("\n"):
        line = line.strip()
        rank = _rank(line)
        if active and rank is not None and rank <= active[0]:
            active = None  # the next section of the same rank or higher: the conditions are over
        heading = rank is not None and (re.search(r"[:：]\s*$", line) or (len(line) <= 30 and "。" not in line))
        cue = _CONDITIONS.search(line) if heading else None
        if cue and rank is not None:
            active = (rank, cue.group())
    own = _rank(text[line_start:text.find("\n", line_start) % (len(text) + 1)].strip())
    if active and own is not None and own <= active[0] and own != _LEAD_IN_RANK:
        return None  # 第六条 到2026年…: the number's own line begins the next section
    return active[1] if active else None


def condition_of(text: str, s0: int, start: int, end: int, counted_recipients: bool) -> str | None:
    """The cue that makes the number at ``start:end`` a condition (a rule), if any: a conditions section
    above it, a floor naming the conditions it belongs to, or the 对…的 clause of a grant."""
    head = text[s0:start]
    if STRONG_STATUS.search(head):
        return None  # 截至5月底已有…: a status, also under a conditions heading
    section = conditions_section(text, s0)
    if section:
        return f"section: {section}"
    after = _CONDITION_AFTER.match(text, end)
    if after and _FLOOR.search(text[max(s0, start - 8):end]):
        return after.group()[-4:]
    before = _RULE_CONDITION_BEFORE.search(text, max(0, start - 60), start)
    if before and not counted_recipients and _RULE_CONDITION_AFTER.match(text, end):
        return "对…的"
    if not counted_recipients and _CONDITION_CLAUSE.match(text, end):
        return "…的，…给予"
    return None


# money paid out or spent (a report of funding): the award it was paid as is no rule
_PAID = re.compile(r"兑现|发放|拨付|支出|列支|用于|获得|多获|到位")
_COUNTED_EACH = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)\s*[家个所名位][\u4e00-\u9fff]{0,8}?各(?:奖励|补助|补贴|资助|给予)")
_EACH_PAID_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}?各(?:奖励|补助|补贴|资助|给予)")  # the count of recipients each paid
_RULE_AFTER = re.compile(r"[^。;；，,]{0,10}?(?:给予|奖励|补助|补贴|资助|奖补)")


# a total of the amounts before it (分别给予30万元、15万元、5万元，共计545万元): money paid out, whatever rule it follows
_SUM_PHRASE = re.compile(r"^(?:共计|合计|总计|总额|累计)")
_MONEY_BEFORE = re.compile(r"\d[\d.,，]*\s*[万亿]?元")


def money_report(text: str, s0: int, start: int, end: int) -> str | None:
    """The cue that money is reported as paid out or spent (funding) though its clause reads like a rule:
    the total of the amounts before it in the sentence, or an item of a list under a lead-in of spending
    (该项支出主要用于：⏎1.…运营补助628.50万元)."""
    phrase = text[max([text.rfind(p, s0, start) + 1 for p in ",，;；:："] + [s0]):start]
    summed = _SUM_PHRASE.match(phrase)
    if summed and len(_MONEY_BEFORE.findall(text[s0:start])) >= 2:
        return summed.group()
    line_start = text.rfind("\n", 0, start) + 1
    if _rank(text[line_start:start].strip()) not in (2.0, 3.0):
        return None  # not an item of a numbered list
    at = line_start - 1
    for _ in range(12):  # up the list's items to its lead-in
        prev_start = text.rfind("\n", 0, max(0, at)) + 1
        line = text[prev_start:at].strip()
        if re.search(r"[:：]$", line):
            paid = _last(_PAID, line)
            return paid.group() if paid else None
        if _rank(line) not in (2.0, 3.0) or prev_start == 0:
            return None
        at = prev_start - 1
    return None


def kind_of(text: str, c0: int, s0: int, start: int, end: int, unit: str) -> tuple[str | None, str, int | None]:
    """A rule or funding cue in the clause; else the status or target cue nearest before the
    number in its sentence, where a strong status cue (截至, 目前, 已, 现有) outweighs a 将 of
    another phrase, and a target cue after the last strong status cue outweighs 累计 or 建成."""
    clause, sentence_head = text[c0:end], text[s0:end]
    year = quantities.plan_period_target_year(sentence_head)  # 十三五期间 -> 2020
    # a rule or funding cue of the number's own phrase before one of an earlier phrase (对…给予50万元，市财政安排
    # 专项资金1500万元: the budget is set aside, not handed out)
    own = text[max([text.rfind(p, c0, start) + 1 for p in ",，;；:："] + [c0]):end]
    # 对22家孵化器发放补助: the number counts the recipients paid (a report); a rule does not count them
    counted_recipients = unit != "CNY" and (re.search(r"对\s*$", text[max(c0, start - 3):start]) or
                                            _EACH_PAID_AFTER.match(text, end))  # 对考核优秀的三家星创天地各奖励5万元
    condition = condition_of(text, s0, start, end, bool(counted_recipients))
    if condition:
        return "rule", condition, None  # what a carrier must have to be recognised or paid: a rule
    reported = money_report(text, s0, start, end) if unit == "CNY" else None
    if reported:
        return "funding", reported, None
    for part in ((own, clause) if not counted_recipients else ()):
        for kind, pattern in _KIND_CUES[:2]:
            m = _last(pattern, part)
            if m and (kind == "rule" or unit == "CNY"):
                # the paid word in the number's own phrase (每年发放创新券，每张最高补助5万元: a rule)
                paid = _last(_PAID, text[end - len(own):end - len(part) + m.start()]) if unit == "CNY" else None
                each = _COUNTED_EACH.search(own) if unit == "CNY" else None
                if kind == "rule" and each:
                    # 对新认定的国家级孵化器2家各奖励100万元: so many recipients counted, each paid: a report of funding
                    return "funding", each.group(), None
                before = text[end - len(own):end - len(part) + m.start()]
                if kind == "rule" and paid and not re.search(r"给予|对|按|每|最高", m.group()) and not _MAY_GET.search(before):
                    # 兑现孵化载体绩效奖励1650万元, 资金主要用于…奖励4200万元: money paid out, not a rule's amount
                    return "funding", paid.group(), None
                reported = _reported_grant(own, text[s0:start]) if kind == "rule" and unit == "CNY" else None
                if reported and not re.search(r"对|按|每|最高", m.group()):
                    return "funding", reported, None  # 县财政今年给予星创天地运营补助30万元: a grant made, not a rule
                return kind, m.group(), None
    cap = _last(_CAP, own) if unit == "CNY" else None
    if cap and not (cap.group().startswith("最高") and _PAID.search(own)):
        return "rule", cap.group()[:3], None  # a cap on what a rule pays (最高获得100万元: a report)
    handed = _RULE_AFTER.match(text, end, end + 14) if unit == "CNY" else None
    if handed:
        return "rule", handed.group().strip(), None
    cues = [(m.end(), kind, m.group()) for kind, pattern in _KIND_CUES[2:] for m in [_last(pattern, sentence_head)] if m]
    line_start = text.rfind("\n", 0, s0 + 1) + 1
    continued = not cues and s0 <= line_start and re.search(r"[;；]\s*$", text[max(0, line_start - 5):max(0, line_start - 1)])
    if continued:
        # 截至2022年底，全省共有…97家；⏎孵化面积318万平方米: a line after one ending in ； continues its sentence, whose
        # cue is read across the line break (an inference, like a section's)
        sentence_head = text[max(text.rfind(p, 0, line_start - 1) + 1 for p in "。！？\n"):end]
        cues = [(m.end(), kind, m.group()) for kind, pattern in _KIND_CUES[2:] for m in [_last(pattern, sentence_head)] if m]
    phrase = text[max([text.rfind(p, s0, start) + 1 for p in ",，;；:："] + [s0]):end]
    floor = _FLOOR.search(phrase)
    at_least = floor or _AT_LEAST_AFTER.match(text, end) or text[start:end].endswith("以上")
    duty = _CONTRACT_DUTY.search(_joined_head(text, s0, end)) if at_least else None
    if duty and not STRONG_STATUS.search(sentence_head):
        return "rule", duty.group(), None  # a floor the contract sets its operator
    if floor and not any(kind == "target" for _, kind, _ in cues) and not STRONG_STATUS.search(sentence_head):
        # 至少建成1家, 举办活动不少于200场: a floor is required, not reported (each carrier's: a rule)
        each = _EACH.search(phrase) or _DUTY_OF_EACH.search(sentence_head)  # 各示范基地要…不少于10场: each's duty
        return ("rule" if each else "target"), floor.group(), year
    if not cues:
        section = _section(text, s0)
        return (section[0], f"section: {section[1]}", None) if section else (None, "", None)
    at, kind, cue = max(cues)
    strong = _last(STRONG_STATUS, sentence_head)
    target = next((c for c in cues if c[1] == "target"), None)
    phrase_start = max(sentence_head.rfind(p) for p in ",，;；:：") + 1
    if kind == "actual" and not STRONG_STATUS.fullmatch(cue) and target and (strong is None or target[0] > strong.end()):
        _, kind, cue = target  # 到2025年，累计建成50家: a target
    elif kind == "target" and cue == "将" and strong is not None and at <= phrase_start:
        kind, cue = "actual", strong.group()  # 目前已有20家，…将…: 将 of another phrase is weak
    elif kind == "actual" and strong is not None:
        cue = strong.group()  # 已建成20家: the status is 已's, whatever target the sentence names later
    explicit_year = re.search(r"20\d{2}\s*年", sentence_head)
    cue = f"line before: {cue}" if continued else cue
    return kind, cue, year if kind == "target" and year and not explicit_year else None



def _joined_head(text: str, s0: int, end: int) -> str:
    """The sentence up to ``end`` with the lines before it that end in ； (a list of requirements a line each)."""
    head = s0
    for _ in range(_JOINED_LINES):
        line_start = text.rfind("\n", 0, head) + 1
        if line_start < 2 or text[line_start - 2] not in "；;":
            head = line_start
            break
        head = line_start - 1
    return text[head:end]


def _reported_grant(own: str, sentence_head: str) -> str | None:
    """The cue that a grant in the number's phrase ``own`` was made, not ruled: a time it was made in (今年给予, not
    2024年起给予) with no condition, recipient class or cap (对, 的, 每, 最高, 按, 可), or an item of an income."""
    dated = _DATED_GRANT.search(own)
    if dated and not re.search(r"对|的|每|最高|按|可|不超过", own):
        return dated.group()
    income = _INCOME_ITEM.search(sentence_head)
    return income.group() if income else None


def _last(pattern: re.Pattern, text: str) -> re.Match | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


