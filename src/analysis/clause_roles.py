"""What a clause does in its document, read from its structure: the parts of any policy text or
report that state no measure whatever their words, and the clause structures that state a
target. Rules of the automatic coder (``analysis.autocoder``), written from the codebook's
unit and rules (R1: headings naming a target area are none; R4: targets are E_GOA; the
codebook's note that status figures and outcomes reported in a news report or work summary
are none), not from any document's clauses.

``no_measure`` marks:

- the document's frame: its title (the first paragraph, a line without a sentence's final
  mark), the preamble that introduces the text itself (为…，结合…实际，制定本方案 / 制定如下措施,
  现将…报告如下, 现印发给你们，请认真贯彻落实), its validity and interpretation (本措施自…起施行, 有效期, 由…负责解释, 以本措施为准),
  the signature, date, contact line and reporter's byline;
- a statement of problems (存在…问题, 一是…偏弱/不高/短缺);
- an outcome phrase that ends a short clause (载体规模持续扩大, 开放合作不断深化, 取得明显成效): a
  target area or a report, not a measure;
- a status report: a change against an earlier period (同比增长, 比上年, 较上年…提高) with no
  mark of a target (到…年, 力争, 将, 以上, 不少于).

``planned`` marks a clause with a level still to reach (不少于, 不低于, …以上, 力争, 每年): its
累计 is a planned total (五年累计投入4亿元以上), not a report of one, so the codebook's status
pattern (截至/累计, ``keywordcoder.NO_MEASURE``) does not make it none.

``grant`` marks the structure of a grant (对…给予/奖励/补助, 给予…补贴/资金): a clause the
classifier reads as none that has it is S_FUN (the codebook's funding definition).

``procedure`` marks a step or condition of a recognition (申报单位, 申报材料, 初审, 评审认定,
拟认定): the codebook's strategic measures (R3: recognition, its conditions and steps).

``target`` marks a clause of a target's structure: 到/力争…年 (or a clause of the same sentence
that has it) with a level to reach (达到, 突破, 超过, …以上, 不少于) and no mark of the past
(已, 截至, 累计…已, 同比). A target is E_GOA (R4) even where the classifier reads no measure.

Third round of issue 26 (docs/methods-strategies.md): ``question`` (an interview's or a reply's
question is none), ``conditions`` (a recognition's conditions listed under their heading or
lead-in: R3's E_STR), ``disbursed`` (public money paid out, reported or not: S_FUN),
``label_heading`` (a label line of its own heads the measure below it: R1), and more of the frame
and of problems in ``no_measure`` (a text's scope, a reply's thanks, chapter headings, an audit's
findings, a list of shortcomings).

Written by hand: these are the genre's fixed formulas, which no library lists.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import numpy as np

from analysis.frame_lines import frame_line
from analysis.segments import parse_id


def _per_document(function: Callable[..., np.ndarray]) -> Callable[..., np.ndarray]:
    """The coder asks several of these of the same document's clauses (each rule its own
    exceptions): remember the last few answers, keyed by the clauses themselves (tuples of their
    ids and texts; a handful of documents, so memory stays flat), and hand out copies."""
    cached = functools.lru_cache(maxsize=4)(lambda *args: function(*[list(a) for a in args]))

    @functools.wraps(function)
    def wrapper(*args: list[str]) -> np.ndarray:
        return cached(*[tuple(a) for a in args]).copy()

    return wrapper

__all__ = ["no_measure", "reported_figure", "target", "planned", "grant", "procedure",
           "question", "conditions", "disbursed", "label_heading", "sanction", "ACTION", "SPOKEN_SECTION"]

_END = re.compile(r"[。！？；;!?：:]$")

_PREAMBLE = re.compile(
    r"特?制[定订](?:本|以下|如下)|(?:通知|报告|总结|说明|公告)如下|如下(?:措施|意见|通知|规定)"
    r"|^(?:具体|主要|总体|发展)目标(?:是|为|如下)?[:：]$|现印发给你们|请(?:认真)?(?:贯彻落实|遵照执行|结合实际)"
    r"|答复如下")
_VALIDITY = re.compile(
    r"本(?:措施|办法|细则|方案|通知|意见|规定|政策|规划|计划)(?:自|由|所称|中的|未尽|[^，。]{0,6}解释)"
    r"|有效期|负责解释|以本(?:措施|办法|细则|方案|通知|意见|规定)为准|自(?:印发|发布|公布)之日起")
# more of the frame: whom the text applies to (第一条 适用范围。, 本办法适用于…), a reply's thanks,
# a chapter heading (第二章 认定条件: a section of the text, as the codebook's 一、 headings) and a
# heading that names the targets or the base (二、发展目标, 第三章 发展基础与目标)
_SCOPE = re.compile(r"适用范围|本(?:措施|办法|细则|规定|方案|政策|通知)适用于|感谢.{0,20}(?:关心|支持|关注)"
                    r"|^第[一二三四五六七八九十]+章\s*[^。，；]{0,15}$"
                    r"|^(?:第[一二三四五六七八九十]+[章节]\s*|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])"
                    r"[^。，；]{0,12}(?:目标|(?:发展|现实|工作)基础)。?$")  # not 夯实载体基础, an act
_SEAL = re.compile(r"[（(](?:印章|盖章|公章)[）)]$")  # seventh round: 南宁市科学技术局（印章）
_SIGNATURE = re.compile(r"(?:局|厅|委员会|人民政府|办公室|办公厅|管委会|管理委员会)$")
_DATE = re.compile(r"^[\d〇○零一二三四五六七八九十]{4}年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$")
_CONTACT = re.compile(r"^(?:联系人|联系电话|联系方式|咨询电话|咨询方式|热线|电话|传真|地址|邮箱|责任编辑|来源)[:：]|^[（(]记者")
# Sixth round: more of the frame. How to reach the authors (关注…公众号, 拨打0871-…); an author's byline with
# its date and no sentence's mark (中宁县科学技术局 2023年11月, …有限公司 2024年1月); an interview's host
# (主持人：…, 记者：…: the host states no measure), a speaker's reply too short for a measure (王建华：好的。;
# a field's label, 配合单位：州科技局。, is no speaker)
# and a lead-in that counts what follows (今年主要抓两件事。, 重点做好以下几点：).
_REACH = re.compile(r"关注[^，。；]{0,12}(?:公众号|微信号|微博|视频号)|拨打[^，。；]{0,8}\d{3,4}-?\d{7,8}|扫码(?:关注|咨询)")
_BYLINE = re.compile(r"^[^，。；：:\d]{2,30}?(?:局|厅|委|政府|办公室|公司|中心|大学|学院|科技园)\s*"
                     r"[\d〇○一二三四五六七八九十]{4}年[\d一二三四五六七八九十]{1,2}月(?:[\d一二三四五六七八九十]{1,3}日)?$")
_HOST = re.compile(r"^(?:主持人|记者|编者|问)[:：]")
# a speaker: 答 or a name of two to four characters, not a field's label (配合单位：, 申报时间：)
_SPEAKER = re.compile(r"^(?:答|(?![^：:]{0,2}(?:单位|部门|时间|地点|方式|对象|条件|内容|范围|期限|标准|依据|名称))"
                      r"[\u4e00-\u9fff]{2,4})[:：]")
_POINTS = re.compile(r"(?:[两二三四五六七八九几]|以下)(?:件事|点|个?方面)(?:的)?(?:工作|意见|内容)?[。：:]?$")
# seventh round, a speech's frame: what the meeting is for (今天这个会，主要是…), praise of the results (这些成绩
# 来之不易。) and the closing call to the audience (同志们，…一定能够实现！)
# a press conference's and a reply letter's frame: the host's introduction (今天我们邀请到…，请他介绍有关情况), a
# speaker's courtesy (赵明远：谢谢你的提问。 大家好。 这个问题很好。), the receipt of a request (本机关于…收到您…提交的
# …申请) and the right of appeal (如对本答复不服，可以…申请行政复议); and an evaluation's results (综合得分86.5分,
# 目标值20家，实际值23家，完成率115%): what a performance evaluation found, no measure (not a rule on its
# grades: 对评价等级为优秀的载体，给予…, ``_RULE_FORM``)
_COURTESY = re.compile(r"邀请到[^。]{0,30}(?:介绍|回答|解读)|^(?:[\u4e00-\u9fff]{2,4}[：:])?(?:(?:谢谢|感谢)[^，。；]{0,6}"
                       r"(?:提问|关心|关注)|(?:各位[^，。；]{0,8}[，,])?大家好|(?:这个|您的|你的)?问题(?:很好|问得(?:很)?好))[。！!]?$"
                       r"|收到[^。]{0,30}(?:提交|寄来|反映)的[^。]{0,12}(?:申请|来信|留言)|行政复议|行政诉讼")
_EVALUATION = re.compile(r"目标值[^，。；]{0,12}[，,]\s*实际值|综合得分|得分分别为|评价等级为|完成率(?:为|达)?[\d.]+%")
_MEETING = re.compile(r"^(?:今天|这次|本次)(?:这个|的)?(?:会议?|大会)[，,]?[^。；]{0,4}(?:主要|就是|目的)")
_PRAISE = re.compile(r"^[^，。；]{0,10}来之不易[。！!]?$")
_CLOSING = re.compile(r"^(?:同志们[，,！!]|让我们).*[！!]$")
_SHORT_REPLY = 6  # characters after the speaker's name: the codebook's shortest measure (keywordcoder)


# A section of lessons drawn (五、经验启示, 三、几点体会): what a case study or summary concludes is no measure,
# up to the next section; and a line that names an attachment (附件：…名单, 具体名单见附件。).
# what a year is (2024年是“十四五”规划实施的关键之年。): a report's framing, no measure
_YEAR_IS = re.compile(r"^20\d\d年是[^，。；]{0,24}(?:之年|一年)。?$")
_LESSONS = re.compile(r"启示|体会|几点经验|经验总结")
# seventh round: a speech opens its sections by saying so (先说成绩。再说问题。最后说今年的任务，…); a spoken
# section of problems (再说问题) states none, as a section of lessons
SPOKEN_SECTION = re.compile(r"^(?:先|首先|再|其次|然后|最后|下面|接下来)(?:说|讲|谈)(?:一下|一说|一讲)?")
_PROBLEMS_SECTION = re.compile(r"问题|不足|短板")
# seventh round: an excerpt's source note (（《…规划（2023—2027年）》节选）) and a carrier's history of recognitions
# (创业园于2019年被认定为省级众创空间，2023年通过国家备案。) are no measure; a recognition as the condition of
# a measure (被认定为…的，给予…) is
_SOURCE_NOTE = re.compile(r"^[（(][^（(]{0,4}《.+》[^）)]{0,8}[）)]$")
_RECOGNISED = re.compile(r"于?20\d\d年(?:被|获)?(?:认定|评为|授予|列为|批准|获批|通过)[^，。；]{0,20}(?:认定|备案|称号|为)")
_RULE_FORM = re.compile(r"的[，,]|给予|奖励|补助|将|要|应")
_ATTACHMENT = re.compile(r"^附件[\d一二三四五六七八九十]*[:：]|^(?:具体|详细)?(?:名单|内容|情况)?(?:详)?见附件。?$")


def _spoken_frame(text: str) -> bool:
    """An interview's host, a speaker's short reply, or a lead-in counting what follows."""
    speaker = _SPEAKER.match(text)
    rest = text[speaker.end():].strip("。！!，,～~ ") if speaker else ""
    return bool(_HOST.match(text) or (speaker and len(rest) < _SHORT_REPLY) or _POINTS.search(text)
                or _MEETING.search(text) or _PRAISE.search(text) or _CLOSING.search(text)
                or _COURTESY.search(text) or (_EVALUATION.search(text) and not _RULE_FORM.search(text)))


_PROBLEM = re.compile(r"存在.{0,30}(?:问题|不足|短板|瓶颈)|^[一二三四五]是.{0,40}(?:不高|偏弱|不足|短缺|滞后|不强|不够|较少|偏少|欠缺)"
                      r"|(?:仍然|依然|仍)(?:不高|偏弱|不足|短缺|滞后|不强|较弱)"
                      # an audit's or inspection's findings: 流于形式, 虚报…骗取, 审核不严 (not 未达到…条件的, a rule)
                      r"|流于形式|(?:审核|把关|监管)不严|未达到.{0,6}条件(?!的)|(?:挪用|挤占)(?![^，。；]{0,6}的)"
                      r"|(?:问题|不足|短板)(?:仍然|依然|仍)?存在")
# false claims found (虚报…骗取) are a finding; forbidden (严禁虚报, 不得骗取) they are a rule
_FALSE_CLAIM = re.compile(r"虚报|骗取")
_PROHIBITION = re.compile(r"严禁|不得|禁止|杜绝")
# seventh round: nor is a false claim named as the condition of a sanction (对弄虚作假骗取专项资金的，追回…): a rule
_CLAIM_CONDITION = re.compile(r"(?:虚报|骗取)[^，。；]{0,12}的[，,]")
# a list of shortcomings (数量偏少、专业化程度不高、能力不足): two or more, with no act, are a problem stated
_SHORTCOMING = re.compile(r"偏少|偏弱|不高|不足|短缺|滞后|不强|较弱|欠缺")
_OUTCOME_END = re.compile(
    r"(?:持续|不断|稳步|明显|显著|日益|更加|逐步)(?:扩大|增强|提升|提高|深化|发力|优化|完善|壮大|增长|活跃|凸显|加快)"
    r"|量质齐升|加快成长|(?:成效|效果)(?:明显|显著)|取得.{0,8}(?:成效|进展|成绩)|势头良好|初[现见]成效"
    r"|保持.{0,8}势头")
_CHANGE = re.compile(r"同比(?:增长|增加|提高|下降)|比上年|较上年|比去年|比20\d\d年|年均增长|增长逾"
                     r"|(?:提高|增长|下降|增加)[\d.]+个百分点")  # sixth round: 达到3.15%，提高0.13个百分点
_TARGET_MARK = re.compile(r"到20\d\d年|到“?十[三四五六]五|力争|将|以上|不少于|不低于|每年|目标")
# a stated figure (a number with its measure word or unit) ...
_COUNTED = re.compile(r"[\d一二三四五六七八九十百千万亿]+(?:\.\d+)?(?:余|多)?(?:家|个|人|名|项|场|期|支|亿元|万元|元|%|平方米|亩)"
                      r"|[一二三四五六七八九]成")
# ... with no verb of a government's action is a figure reported, not a measure
_ACTION = re.compile(r"支持|鼓励|引导|推动|推进|给予|设立|建设|建成|引进|出台|实施|组织|举办|开展|安排|打造|培育|建立|完善|加强"
                     r"|推行|推出|兑现|投入|搭建|创办|布局|认定|奖励|补助|补贴|资助|提供|选派|对接|举行|启动"
                     r"|改革|实行|压缩|邀请|办理|免收|减免|免费|减半"
                     # fourth round: acts a report or plan states with a figure (发放科技创新券1200万元,
                     # 新设…子基金, 制定配套措施, 评定优秀8家, 组建服务队, 共建平台2个, 改造孵化载体, 出资2亿元)
                     r"|发放|新设|制定|制订|修订|评定|组建|共建|改造|出资|通报|限期|拨付")
# a government's act reported with its change (财政安排资金…较上年增长) is still a measure
ACTION = _ACTION  # a verb of a government's action (``analysis.measure_form`` reads it too)
_GOVERNMENT_ACT = re.compile(r"财政.{0,8}安排|安排.{0,8}资金|出台|设立|引进|给予")
_TARGET_YEAR = re.compile(r"(?:到|(?<![截])至|力争)\D{0,4}20\d\d年|力争")  # 截至2023年底 is a date reached
_LEVEL = re.compile(r"达到|突破|超过|提高到|增至|以上|不少于|不低于|翻一番|倍增|全覆盖|稳定在"
                    r"|(?:发展|扩大|扩充)到")  # seventh round: a team's size to reach (导师要发展到五十人)
_PAST = re.compile(r"已|截至|截止|同比|比上年|较上年|比去年|底前已")
_ENUM = re.compile(r"^[(（〔]?[一二三四五六七八九十\d]+[)）、.．]\s*")


def _strip(text: str) -> str:
    return _ENUM.sub("", text.strip()).rstrip("。；;")


@_per_document
def no_measure(clause_ids: list[str], texts: list[str]) -> np.ndarray:
    """Booleans: the clause states no measure, whatever its words (the module's list)."""
    out = np.zeros(len(texts), dtype=bool)
    lessons, document = False, ""
    for i, (cid, text) in enumerate(zip(clause_ids, texts, strict=True)):
        text = text.strip()
        bare = _strip(text)
        doc, para, _, _ = parse_id(cid)
        spoken = bool(SPOKEN_SECTION.match(text))
        if doc != document or _SECTION.match(text) or spoken:  # a section opens (or a document): lessons or not
            document, lessons = doc, bool((_SECTION.match(text) or spoken) and _LESSONS.search(text)
                                          or (spoken and _PROBLEMS_SECTION.search(text)))
        closed = bool(_END.search(text))
        out[i] = bool(
            (para == 1 and not closed)  # the title
            or lessons or _ATTACHMENT.search(text) or _YEAR_IS.search(text) or _SOURCE_NOTE.match(text)
            or (_RECOGNISED.search(text) and not _RULE_FORM.search(text))
            or _PREAMBLE.search(text) or _VALIDITY.search(text)
            or (not closed and len(text) <= 25 and (_SIGNATURE.search(_SEAL.sub("", text)) or _DATE.match(text)))
            or _CONTACT.search(text) or _CONTACT.search(_LABEL_LEAD.sub("", text)) or _SCOPE.search(text) or _area_label(text)
            or _spoken_frame(text) or _REACH.search(text) or (not closed and _BYLINE.match(text))
            or _PROBLEM.search(text) or (_FALSE_CLAIM.search(text) and not _PROHIBITION.search(text)
                                         and not _CLAIM_CONDITION.search(text))
            or (len(_SHORTCOMING.findall(text)) >= 2 and not _ACTION.search(text))
            or (len(bare) <= 30 and _OUTCOME_END.search(bare[-8:]) is not None)
            or (_CHANGE.search(text) and not _TARGET_MARK.search(text) and not _GOVERNMENT_ACT.search(text))
            or frame_line(para, text, closed))  # eighth round: titles, definitions, surveys, table notes
    return out


_YEAR_REPORTED = re.compile(r"全年|年末|过去一年")  # a year completed (not 今年以来: still going)
_OPENS_WITH_ACT = re.compile(r"^(?:" + _ACTION.pattern + ")")
_MONEY = re.compile(r"元|资金|经费")  # 万元, 亿美元 …
# a level written on a noun (省级以上孵化器, 市级以上): the noun's scope, not a level to reach
_RANK = re.compile(r"[国省市县区]级(?:及)?以上")


# a period or deadline (20个工作日内, 满6个月): a rule's term, not a count of anything (sixth round)
_PERIOD = re.compile(r"[\d一二三四五六七八九十]+个(?:工作日|自然日|月|小时|季度)")


def _unranked(text: str) -> str:
    return _RANK.sub("级", text)


def _area_label(text: str) -> bool:
    """A dash-led label of a target area (——载体建设。, ——人才队伍。): R1's heading that names an area,
    not a measure; a principle (——坚持开放合作。) or an act (——实施…) keeps its code."""
    m = _DASH_LABEL.match(text)
    return m is not None and not re.match(r"坚持|" + _ACTION.pattern, m.group(1))


_DASH_LABEL = re.compile(r"^——([^，。；：:\d]{2,6})。?$")


@_per_document
def reported_figure(texts: list[str]) -> np.ndarray:
    """Booleans: a stated figure (a number with its measure word or unit) with no mark of a
    target and no verb of a government's action (众创空间53家，其中国家备案27家): a figure reported,
    not a measure, unless the clause is part of a target's sentence (``target``; the coder checks)."""
    out = np.zeros(len(texts), dtype=bool)
    for i, text in enumerate(texts):
        text = _PERIOD.sub("", _unranked(text))
        # a year's activities reported (全年举办…460余场): no act makes it a measure, but a grant's money does
        # a clause that opens with a government's act (举办第三届…大赛，…全年组织活动152场) states the act
        year = bool(_YEAR_REPORTED.search(text) and not _MONEY.search(text) and not _OPENS_WITH_ACT.match(text))
        out[i] = bool(_COUNTED.search(text) and not _TARGET_MARK.search(text) and (year or not _ACTION.search(text)))
    return out


@_per_document
def target(clause_ids: list[str], texts: list[str]) -> np.ndarray:
    """Booleans: the clause states a target: a level to reach and no mark of the past, with
    到…年/力争 in it or in an earlier clause of its sentence, or under a section of targets (a
    heading or lead-in that names 目标: 二、发展目标, 具体目标是：, until the next section heading)."""
    out = np.zeros(len(texts), dtype=bool)
    sentence_year: dict[str, bool] = {}
    in_goals, in_plan, document, previous = False, False, "", ""
    for i, (cid, text) in enumerate(zip(clause_ids, texts, strict=True)):
        text = _unranked(text)
        if cid.rpartition(":")[0] != document:  # a new document: no section yet
            document, in_goals, in_plan = cid.rpartition(":")[0], False, False
        if _SECTION.match(text) or SPOKEN_SECTION.match(text):  # a section heading (一、, 第二节, 最后说…) opens a
            in_goals, in_plan = "目标" in text, bool(_PLAN_HEADING.search(text))  # section of targets or ends one
        elif _GOALS_LEAD.search(text) or (_SUBSECTION.match(text) and "目标" in text):
            in_goals = True
        # a line that ended inside its sentence (…，) is continued by this one (sixth round: 到2025年，示范基地扩大到
        # 2000亩， | 年培训农民5000人次以上，): the same sentence's year
        sentence = previous if i > 0 and _OPEN_LINE.search(texts[i - 1].strip()) else cid.rpartition(".")[0]
        previous = sentence
        has_year = bool(_TARGET_YEAR.search(text) or _GOALS_INLINE.search(text)
                        or (_FUTURE_LEVEL.search(text) and not _MONEY.search(text)))
        sentence_year[sentence] = sentence_year.get(sentence, False) or has_year
        # under a year's work plan, a level with no government's act of its own (达到14家)
        planned_level = in_plan and not _ACTION.search(text)
        out[i] = bool((sentence_year[sentence] or in_goals or planned_level) and _LEVEL.search(text)
                      and re.search(r"[\d零一二两三四五六七八九十百千万]", text) and not _PAST.search(text))
    return out


# seventh round: also a line ended by ； (到2027年，…达到40家以上； | 入驻创业主体累计达到1,200个。): a clause of the
# same sentence
_OPEN_LINE = re.compile(r"[，,、；;]$")
# a section heading (一、), a subsection's (（一）), each a short line, and a lead-in to a list of targets
_SECTION = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分]\s*)[^。；]{0,20}。?$")
# a section of a year's work plan (三、2024年工作计划, 二、2024年工作安排): its levels with no act are targets
_PLAN_HEADING = re.compile(r"20\d\d年(?:工作)?(?:计划|打算|安排)"
                           # seventh round: a speech's or report's section of this year's tasks (最后说今年的任务)
                           r"|(?:今年|明年|下一步|下步)(?:的)?(?:主要)?(?:工作)?(?:任务|计划|打算|安排)")
_SUBSECTION = re.compile(r"^[(（][一二三四五六七八九十]+[)）][^。；]{0,20}。?$")
# seventh round: a level the text says will be reached, with no year (导师队伍将扩充到200人; money raised to a
# level is a budget: 资金要增加到三千万)
_FUTURE_LEVEL = re.compile(r"(?:将|要)[^，。；]{0,6}?(?:达到|突破|超过|发展到|扩充到|扩大到|增至|增加到)")
_GOALS_INLINE = re.compile(r"目标(?:是|为)[:：]")  # 主要预期目标是：…达到2.4%
_GOALS_LEAD = re.compile(r"目标(?:是|为|如下)?[:：]$")


_PLANNED = re.compile(r"不少于|不低于|以上|力争|每年")
_GRANT = re.compile(r"对.{1,40}?(?:给予|予以|奖励|补助|资助)|给予.{0,20}(?:补贴|补助|奖励|资助|资金|经费)"
                    r"|财政.{0,8}安排.{0,20}(?:资金|经费|万元|亿元)|安排.{0,8}(?:专项资金|专项经费)"
                    # sixth round: a budget to spend (the codebook's 计划5年投入资金1.5亿元; 将在未来三年投入10亿元)
                    r"|(?:将|计划|拟)[^，。；]{0,12}投入[^，。；]{0,8}?[\d.一二三四五六七八九十百千万亿]+(?:万|亿)元"
                    # seventh round, spoken: an award said with its amount (县里再奖二十万, 奖五万) and a budget
                    # raised to a level (双创资金要增加到三千万)
                    r"|(?<![获得])(?:奖|补)[\d.一二两三四五六七八九十百千]+(?:万|亿)"
                    r"|资金[^，。；]{0,6}(?:要|将|逐步|逐年)(?:增加|提高|增长|扩大)到")


@_per_document
def planned(texts: list[str]) -> np.ndarray:
    """Booleans: the clause names a level still to reach (``planned`` above)."""
    return np.array([bool(_PLANNED.search(t)) for t in texts], dtype=bool)


@_per_document
def grant(texts: list[str]) -> np.ndarray:
    """Booleans: the clause has the structure of a grant (``grant`` above)."""
    return np.array([bool(_GRANT.search(t)) for t in texts], dtype=bool)


_PROCEDURE = re.compile(r"申报(?:单位|材料|主体|条件|时间|方式|程序|流程)|单位申报|新申报|初审|评审认定|拟认定|认定申报|申请认定"
                        # seventh round: a public notice's period and objections to it (公示期为…, 对公示结果有异议的…)
                        r"|公示期|有异议")  # 公示无异议的，由区财政直接拨付… is the grant's step: S_FUN


def procedure(texts: list[str]) -> np.ndarray:
    """Booleans: a step or condition of a recognition (``procedure`` above)."""
    return np.array([bool(_PROCEDURE.search(t)) for t in texts], dtype=bool)


# a question (an interview's 记者：…？, a reply's 问：…？) asks, it states no measure
_QUESTION = re.compile(r"[？?][”\"」』]?$")


@_per_document
def question(texts: list[str]) -> np.ndarray:
    """Booleans: the clause is a question (ends with ？): none, whatever its words."""
    return np.array([bool(_QUESTION.search(t.strip())) for t in texts], dtype=bool)


# The conditions of a recognition or a scheme (R3: recognition, its conditions and steps are
# E_STR): a heading that names them (二、备案条件, 第二章 认定条件) or a lead-in that lists them
# (应当具备以下条件：, 满足下列条件之一的，可以…：), then its enumerated items ((一)…；).
_CONDITIONS_HEADING = re.compile(r"条件")
_CONDITIONS_LEAD = re.compile(r"(?:以下|下列|如下)条件.{0,20}[:：]$")
_ITEM = re.compile(r"^[(（][一二三四五六七八九十\d]+[)）]|^\d+[.．、]")


def conditions(clause_ids: list[str], texts: list[str]) -> np.ndarray:
    """Booleans: a lead-in to a list of conditions, or an enumerated item (and the rest of its
    paragraph) under such a lead-in or under a heading that names conditions, until a paragraph
    that is not an item. The heading itself is left to the other rules (a section title)."""
    out = np.zeros(len(texts), dtype=bool)
    listing, paragraph, in_item = False, "", False
    for i, (cid, text) in enumerate(zip(clause_ids, texts, strict=True)):
        text = text.strip()
        para = cid.rpartition(".")[0].rpartition(".")[0]
        new_paragraph = para != paragraph
        paragraph = para
        # in an open list, a short item ((二)运营满1年。) has a subsection's shape but is no heading
        if _SECTION.match(text) or (_SUBSECTION.match(text) and not listing):
            listing, in_item = bool(_CONDITIONS_HEADING.search(text)), False
            continue
        if _CONDITIONS_LEAD.search(text):
            listing, in_item, out[i] = True, False, True
            continue
        item = bool(_ITEM.match(text))
        if new_paragraph and not item:  # a paragraph that is no item ends the list
            listing = in_item = False
        elif listing and item:
            in_item = True
        out[i] = in_item
    return out


# public money paid out (实际拨付1.08亿元, 兑现奖补资金2.3亿元, 追加预算2350万元): a grant made, reported
# or not, is a grant (the codebook's funding); an audit's finding about it (涉及资金…, 发现…, 未…到位) is not
_DISBURSED = re.compile(r"(?:拨付|兑付|兑现|下达|追加|实际支出)[^，。；]{0,14}?[\d.一二三四五六七八九十百千万亿]+(?:万|亿)?元")
_FINDING = re.compile(r"涉及(?:资金|金额)|发现|未.{0,12}到位")


def disbursed(texts: list[str]) -> np.ndarray:
    """Booleans: public money paid out, with its amount, and no audit finding about it."""
    return np.array([bool(_DISBURSED.search(t) and not _FINDING.search(t)) for t in texts], dtype=bool)


# a label line: a short paragraph of its own with no sentence mark (✅认定奖励, 房租补贴), after the title
_LABEL_MARKS = re.compile(r"[。；;！!？?：:，,\d]")
_LABEL_LEAD = re.compile(r"^[^\w]+")  # an icon or bullet before it (✅, ■, ●)


def label_heading(clause_ids: list[str], texts: list[str]) -> np.ndarray:
    """Index of the clause a label line heads (the first clause of the next paragraph), or -1:
    R1's heading that names one measure, where the label is a paragraph of its own (a WeChat
    post's ✅认定奖励 above its rule) rather than the lead sentence of its paragraph."""
    out = np.full(len(texts), -1)
    paragraphs = [cid.rpartition(".")[0].rpartition(".")[0] for cid in clause_ids]
    for i, (cid, text) in enumerate(zip(clause_ids, texts, strict=True)):
        label = _LABEL_LEAD.sub("", text.strip())
        alone = (i == 0 or paragraphs[i - 1] != paragraphs[i]) and \
            (i + 1 < len(texts) and paragraphs[i + 1] != paragraphs[i])
        if alone and parse_id(cid)[1] > 1 and 2 <= len(label) <= 10 and not _LABEL_MARKS.search(label) \
                and paragraphs[i + 1].rpartition(":")[0] == paragraphs[i].rpartition(":")[0]:
            out[i] = i + 1
    return out


# what follows a recognition's assessment (R3's strategic measures): its loss (取消/撤销…资格 or 称号, 摘牌,
# spoken 摘了七家的牌子),
# a correction ordered (限期整改, 完成整改) or a periodic review (复核), also as a report of one made
_SANCTION = re.compile(r"(?:撤销|取消|摘除).{0,12}(?:资格|称号)|摘(?:了)?[^，。；]{0,6}牌|(?:限期|完成|落实)整改|复核")


def sanction(texts: list[str]) -> np.ndarray:
    """Booleans: the clause states what follows an assessment (``_SANCTION``)."""
    return np.array([bool(_SANCTION.search(t)) for t in texts], dtype=bool)
