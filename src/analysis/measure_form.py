"""What makes a clause a measure, read from its form (fourth round of issue 26): rules of the
automatic coder (``analysis.autocoder``, applied by ``analysis.coder_rules``), written from the
codebook's unit and rules, not from any document's clauses.

- ``heading_bodies``: a numbered heading on a line of its own (（二）落实扶持资金。, 第一节 实施载体倍增工程; and,
  sixth round, 第三条 首购。 and 一、降低科技担保费率。) heads the paragraphs below it, up to the next heading of
  its kind or a section's; by R1 it takes the code of the measures of that body (the lead-sentence heading of a paragraph is
  ``analysis.measures``' and is read there).

Written by hand: these are the genre's fixed forms, which no library lists.
"""

from __future__ import annotations

import re

import numpy as np

from analysis.clause_roles import ACTION
from analysis.segments import paragraph_key, parse_id

__all__ = ["heading_bodies", "names_section", "measure_section", "states_measure", "states_no_measure", "assesses",
           "opens_with_act"]

# a subsection's heading ((二)落实扶持资金。, 第一节 实施…工程): a short line with no comma or clause mark
_SUB_HEADING = re.compile(r"^(?:[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+节)\s*[^，,；;：:。]{2,20}。?$")
# sixth round: an article's heading on a line of its own (第三条 首购。, 第八条 付款保障。) heads the lines below
# it up to the next article, and a measure's heading numbered as a section (一、扩大科技信贷风险补偿资金池。,
# ``measure_section``) on a line of its own heads the lines below it up to the next section
# seventh round: an English text's article heading (Article 3 Office space and housing) the same way
_ARTICLE_HEADING = re.compile(r"^第[一二三四五六七八九十百]+条\s*[^，,；;：:。]{2,12}。?$|^Article\s+\d+\s+[A-Za-z ,&-]{2,40}$")
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百]+条|^Article\s+\d+\b")
# a section's heading (一、…, 第二章 …) closes a subsection's body
_SECTION_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章部])")


def heading_bodies(clause_ids: list[str], texts: list[str]) -> list[list[int]]:
    """For each clause, the indices of the clauses its body holds if it is a heading, else an empty
    list. A numbered heading on a line of its own (``_SUB_HEADING``, the only clause of its
    paragraph) heads the following paragraphs of the document until the next such heading, a
    section heading or the document's end; the numbered lead sentence of a paragraph (one clause of
    at most 30 characters, as ``analysis.measures`` defines a heading; numbered, as a policy text's
    headings are, where a news paragraph's short lead, 重磅！, is none) heads the rest of its paragraph."""
    paragraphs = [paragraph_key(c) for c in clause_ids]
    sentences = [parse_id(c)[2] for c in clause_ids]
    size: dict[tuple[str, int], int] = {}
    for p in paragraphs:
        size[p] = size.get(p, 0) + 1
    heads = [size[paragraphs[i]] == 1 and bool(_SUB_HEADING.match(t.strip()) or _ARTICLE_HEADING.match(t.strip())
                                               or measure_section(t)) for i, t in enumerate(texts)]
    out: list[list[int]] = [[] for _ in texts]
    for i, text in enumerate(texts):
        body = []
        if heads[i]:
            for j in range(i + 1, len(texts)):
                if paragraphs[j][0] != paragraphs[i][0] or heads[j] or _SECTION_HEADING.match(texts[j].strip()) \
                        or _ARTICLE.match(texts[j].strip()):
                    break
                body.append(j)
        elif sentences[i] == 1 and len(text) <= _LEAD_MAX and _NUMBERED.match(text.strip()) \
                and (i == 0 or paragraphs[i - 1] != paragraphs[i]) \
                and i + 1 < len(texts) and paragraphs[i + 1] == paragraphs[i] and sentences[i + 1] == 2:
            body = [j for j in range(i + 1, len(texts)) if paragraphs[j] == paragraphs[i]]
        out[i] = body
    return out


_NUMBERED = re.compile(r"^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、]|第[一二三四五六七八九十]+[条节])")
_LEAD_MAX = 30  # the codebook's heading_max_chars (instruments_framework.yml, unit)
# a measure's heading numbered as a section (一、支持载体提档升级。): a sentence, where a section's title
# (一、总体要求, 二、支持措施) has no final mark, which the codebook's no-measure pattern for 一、 is for
_MEASURE_SECTION = re.compile(r"^[一二三四五六七八九十]+、[^，,；;：:。]{2,14}。$")


def measure_section(text: str) -> bool:
    """A heading numbered as a section that is a sentence naming a measure (``_MEASURE_SECTION``)."""
    return bool(_MEASURE_SECTION.match(text.strip()))


# a heading that names a section, not a measure: its last word is the section's (指导思想, 基本原则,
# 总体目标, 发展基础, 存在的问题, 主要成效, 工作情况)
_SECTION_NAME = re.compile(r"(?:思想|原则|要求|目标|任务|基础|现状|问题|不足|成效|成绩|情况|意义|背景|形势|总则|附则)。?$"
                           r"|\b(?:[Ss]cope|[Tt]argets?|[Oo]bjectives?|[Gg]oals?|[Gg]eneral|[Dd]efinitions|[Ee]ffect"
                           r"|[Ss]upplementary(?: provisions)?)$")


def names_section(text: str) -> bool:
    """The heading names a section (``_SECTION_NAME``)."""
    return bool(_SECTION_NAME.search(text.strip()))


# The form of a measure, whatever its words: a government's or a carrier's duty (要/应/须 … a verb;
# 严禁, 不得), a government as the subject of an act (各县区科技主管部门于…完成推荐, 州科技局要…, 县里成立…,
# 我局联合…), or a clause that opens with a verb of a government's act (建立…联席会议制度, 推动…共建,
# 发挥…作用，新设…基金), as a plan's tasks are written.
_ACT = (r"(?:支持|鼓励|引导|推动|推进|给予|设立|建设|建立|成立|组建|引进|出台|实施|组织|举办|开展|安排|打造|培育"
        r"|完善|加强|强化|落实|完成|制定|修订|报送|提交|审核|推荐|免收|减免|提供|搭建|共建|整合|优化|降低|拓宽"
        r"|拓展|营造|依托|聚焦|发挥|探索|健全|深化|加大|加快|严格|做好|确保|对接|帮助|指导|督促|推广|培训|评选"
        r"|表彰|实行|执行|开设|发放|联合|推出|设置|启动|配备|建成"
        r"|抓(?!住)|通报)")  # seventh round: a speech's verbs (一把手要亲自抓, 县政府每季度通报一次进度)
_DUTY = re.compile(r"(?:要|应当?|须|必须|需)(?:在|于|按|对|与|向|将|把|从)?[^，。；]{0,12}?" + _ACT + r"|严禁|不得|禁止")
_GOVERNMENT = re.compile(r"^(?:答：|第[一二三四五六七八九十]+条\s*)?(?:各[^，。；]{0,10}?(?:部门|单位|地|县|市|区|乡镇)"
                         r"|(?:自治区|[省市县区州])[^，。；]{0,8}?(?:局|厅|委|政府|办|管委会|部门)|(?:县|市|区|州)里|我们|我[局市县区委办])"
                         r"[^，。；]{0,20}?" + _ACT)
# (sixth round: after a time phrase of a plan, 全年举办…不少于60场, 每年安排…, 年内建成…)
_OPENS = re.compile(r"^(?:答：)?(?:全年|每年|今年|明年|年内|次年)?" + _ACT)
# not a salutation (各县（市、区）人民政府，…各有关单位：) nor a lead-in ending with a colon
_LEAD_IN = re.compile(r"[:：]$")
# nor a short line without a sentence's mark (加快推动创新创业发展动力升级): a heading, which R1 decides
_CLOSED = re.compile(r"[。；;！!？?]$")


def states_measure(texts: list[str]) -> np.ndarray:
    """Booleans: the clause has the form of a measure (``_DUTY``, ``_GOVERNMENT``, ``_OPENS``) and
    is no salutation or lead-in (ends with a colon) and no heading (25 characters or fewer without
    a sentence's mark)."""
    out = np.zeros(len(texts), dtype=bool)
    for i, text in enumerate(texts):
        t = text.strip()
        if _LEAD_IN.search(t) or (len(t) <= 25 and not _CLOSED.search(t)):
            continue
        out[i] = bool(_DUTY.search(t) or _GOVERNMENT.search(t) or _OPENS.search(t))
    return out


# What a report states that is no measure, whatever its words:
# - a shortfall: a part of the carriers (部分/个别/少数…) found short, or a clause that ends on a
#   shortcoming (专业化服务人才缺乏, 绩效目标设置不够细化, 3个县市尚无州级以上载体), with no act against it;
_SHORT = r"(?:缺乏|不足|较弱|偏弱|偏少|较少|不高|不强|滞后|薄弱|欠缺|短缺|不够[^，。；]{0,4}|不平衡|不充分|不明显|不到位|不规范)"
_SHORTFALL = re.compile(r"^(?:部分|个别|少数|一些)[^。；]{0,30}?" + _SHORT + r"|" + _SHORT + r"[。；;]?$|尚无[^，。；]{0,12}[。；;]?$")
_AGAINST = re.compile(r"解决|破解|弥补|补齐|克服|针对|改进|整改")
# - a view reported (业内人士认为…, 专家认为…) and a summary of the year's work (…各项工作取得积极进展).
_VIEW = re.compile(r"^[^，。；]{0,12}(?:人士|专家|学者|业内|观察者)[^，。；]{0,4}认为|各项工作取得")


def states_no_measure(texts: list[str]) -> np.ndarray:
    """Booleans: a shortfall (``_SHORTFALL``, with no act of a government and nothing done against
    it) or a view or a year's summary reported (``_VIEW``)."""
    return np.array([bool(_VIEW.search(t) or (_SHORTFALL.search(t.strip()) and not ACTION.search(t)
                                                and not _AGAINST.search(t))) for t in texts], dtype=bool)


# Assessing carriers or public money (R3: assessing is E_STR): a performance evaluation, an audit,
# supervision, an assessment's indicators or results (市场监管, a department's name, is none of them)
_ASSESS = re.compile(r"绩效(?:评价|自评|管理|考核)|审计|(?<!市场)监管|考核|评价(?:指标|结果|办法|机制)|督查|抽查")


def assesses(texts: list[str]) -> np.ndarray:
    """Booleans: the clause names an assessment (``_ASSESS``)."""
    return np.array([bool(_ASSESS.search(t)) for t in texts], dtype=bool)


# a clause (or a numbered heading) whose predicate is a government's act, with nothing of a goal
# (a date to reach, 力争, 目标, a principle's 坚持/突出)
_NUMBER_MARK = re.compile(r"^(?:[(（][一二三四五六七八九十]+[)）]|\d+[.．、]|第[一二三四五六七八九十]+[条节])\s*")
_GOAL_WORDS = re.compile(r"(?:到|至)\D{0,4}20\d\d年|力争|目标|坚持|突出|原则|规划")  # a plan is goal planning


def opens_with_act(texts: list[str]) -> np.ndarray:
    """Booleans: the clause opens with a verb of a government's act (after its number, if any)
    and names no goal (``_GOAL_WORDS``)."""
    return np.array([bool(_OPENS.match(_NUMBER_MARK.sub("", t.strip())) and not _GOAL_WORDS.search(t))
                     for t in texts], dtype=bool)
