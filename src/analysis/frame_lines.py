"""Lines of a document's frame that state no measure, eighth round of the coder (issue 26, read on set J's
errors), beside ``analysis.clause_roles``' frame (which asks ``frame_line``):

- a title below a document number or a site's line (国科火字〔2024〕56号 / 科技部火炬中心关于公布…的通知; …申报指南;
  2024年度运营报告): the frame whatever its words (``clause_roles`` knows a title only as the first paragraph);
- a signature of a centre (科技部火炬高技术产业开发中心) and a contact given after an office's name
  (市科技局…处，联系电话：…);
- a definition of a term (本办法所称…是指…; 功能分类科目“2060404”指…): says what a word means, not what is done;
- a survey's findings (受访者中…占63.4%; 中位数11个月; 满意度为86.2分; 此题为多选): what respondents said or have;
- a statistical table's notes (注：1.本表数据来源于…; 与上年口径不完全可比; …为…补助资金合计);
- an agreement's closing formula (本协议一式四份，甲乙双方各执两份…);
- a salutation (各设区市科技局，杨凌示范区科技局：), a lead-in to what the text announces (现将评价结果公布如下。),
  an attachment's title (2.取消资格的孵化器名单) and a
  department's own administration in its budget (年末占用公务用车2辆; 三公经费).

Written by hand: the genre's fixed forms, which no library lists.
"""

from __future__ import annotations

import re

__all__ = ["frame_line"]

# a document's title: 关于…的通知 (or 意见, 报告 …), or a name ending in a document's kind, not enumerated
_TITLE = re.compile(r"关于[^。；]{4,}的(?:通知|通告|公告|意见|决定|批复|函|报告|请示)$"
                    r"|[^。；，]{4,}(?:办法|指南|细则|措施|方案|规划|报告|公告|通知|意见|协议)(?:（[^）]{1,8}）)?$")
_ENUMERATED = re.compile(r"^[(（〔]?[一二三四五六七八九十\d]+[)）、.．]|^第[一二三四五六七八九十\d]+[章节条]")
# a signature: an organ's name on a line of its own (…开发中心), with no act in it
_CENTRE = re.compile(r"^[^，。；：:\d]{4,25}中心$")
_ACT = re.compile(r"建设|建立|打造|设立|组建|推动|支持|培育|依托")
# a contact after the office's name (…处，联系电话：…)
_CONTACT = re.compile(r"[，,]\s*(?:联系电话|咨询电话|联系方式)[:：]")
# a definition: 所称…是指, “X”指 …
_DEFINITION = re.compile(r"所称[^，。；]{0,20}[，,]?(?:是|系)?指|[”\"]\s*(?:是|系)?指|^[^，。；]{1,20}是指")
# a survey's findings: its respondents and sample, shares of them (…的占68.9%), medians, scores, a question
_SURVEY = re.compile(r"受访|问卷|样本|中位数|多选|此题|满意度为[\d.]+分|的占[\d.]+%")
# a lead-in to what the text announces (现将评价结果公布如下。, 现将有关事项通知如下：)
_ANNOUNCES = re.compile(r"^现将[^。；]{0,24}如下")
# an attachment's title listed under 附件： (2.取消资格的孵化器名单)
_ATTACHED = re.compile(r"^\d+[.．、][^，。；]{2,40}(?:名单|清单|汇总表|一览表|申报表|统计表)$")
# a salutation: the offices addressed, ending with a colon (各设区市科技局，杨凌示范区科技局：)
_SALUTATION = re.compile(r"^[^。；]{2,80}(?:局|厅|委|委员会|政府|单位|部门|办公室|管委会)[)）]?[:：]$")
# a department's own administration in its budget (公务用车, 公务接待, 机关运行经费, 三公): no measure of the policy
_ADMINISTRATION = re.compile(r"公务用车|公务接待|因公出国|机关运行经费|三公")
# an agreement's closing formula (本协议一式四份…; 本协议自双方签字之日起生效)
_CLOSING = re.compile(r"^本(?:协议|合同)(?:一式|自[^，。；]{0,12}(?:生效|起))")
# a table's notes: 注：, 本表, a change of scope (口径), a source, a column defined as a sum
_TABLE_NOTE = re.compile(r"^注[:：]|本表|口径不(?:完全)?可比|数据来源于|为[^，。；]{0,30}(?:合计|总和|之和)。?$")


def frame_line(para: int, text: str, closed: bool) -> bool:
    """The line states no measure (the module's list). ``para``: its paragraph's number in the document;
    ``closed``: it ends with a sentence's mark."""
    text = text.strip()
    title = para <= 3 and not closed and len(text) >= 8 and not _ENUMERATED.match(text) and bool(_TITLE.search(text))
    signature = not closed and bool(_CENTRE.match(text)) and not _ACT.search(text)
    return bool(title or signature or _CONTACT.search(text) or _DEFINITION.search(text) or _SURVEY.search(text)
                or _TABLE_NOTE.search(text) or _CLOSING.match(text)
                or _ANNOUNCES.match(text) or _ATTACHED.match(text) or _ADMINISTRATION.search(text) or _SALUTATION.match(text))
