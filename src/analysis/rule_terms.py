"""The terms a rules document sets (seventh round of the coder, read on set I's errors): a park's or a
carrier's rules in chapters and articles (入园管理办法, 认定管理办法) state their measures as terms of use, of
staffing, of entry and of exit, in words the classifier learnt little of. Each is read from the codebook's
definitions:

- ``space_terms``: the terms of using space (免收场地费, 租金减半, 按每平方米每月15元收取, 使用面积…, 在园期限最长…):
  the codebook's infrastructure and space, S_INF;
- ``staffing``: mentors or commissioners assigned to the firms (聘请创业导师80名, 每个项目至少配备1名导师, 至少对接5名
  科技特派员, 导师每指导1个项目…计…工作量): the codebook's talent, S_TAL;
- ``exit_cases``: the cases in which a firm or carrier loses its place or status, under their lead-in
  (有下列情形之一的，应当退出：…的；…的；) and that lead-in: R3's loss of a status, E_STR;
- ``entry_conditions``: the conditions for applying for a status, written as floors with no list
  (申请市级众创空间的，场地面积应不少于500平方米；): R3's conditions of a recognition, E_STR;
- ``contract_terms`` (eighth round, read on a lease template): a tenant's deposit, a penalty for paying late and
  the notice to give before leaving (交纳…保证金, 按…0.05%支付违约金, 应提前30日书面通知): the rules of the
  agreement, the codebook's regulation, E_REG (money the tenant pays is no grant);
- ``graduation`` (eighth round): when a firm graduates from an incubator (…的，视为毕业；毕业条件): a status it
  reaches, R3, E_STR.

None of them is a report: a clause with a mark of the past (已, 累计, 截至, 同比) is left to the other rules.
Written by hand: the genre's fixed forms, which no library lists.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["space_terms", "staffing", "exit_cases", "entry_conditions", "contract_terms", "graduation"]

_PAST = re.compile(r"已|累计|截至|截止|同比|比上年|较上年|去年|上年")
_SPACE = re.compile(r"免(?:收|交|缴)?(?:场地|租金|房租|场租|物业|工位)(?:费|费用)?|免租"
                    r"|(?:租金|房租|场地费|场租|物业费)[^，。；]{0,6}(?:减半|减免|优惠|折)"
                    r"|按每平方米每月[\d.一二三四五六七八九十]+元(?:收取)?|按[\d.]+元(?:/平方米)?收取"
                    r"|(?:使用|办公|免租|租用)面积[^，。；]{0,6}(?:为|不超过|一般为|最多)|(?:在园|入驻|入园)期限(?:一般|最长|不超过|为)"
                    # eighth round: a rent's rate (租金标准为每月35元/平方米) and a share of the rent (按标准租金的80%租用)
                    r"|(?:租金|房租|场租|物业费)(?:标准)?为?每月[\d.]+元/平方米|租金的[\d.]+%(?:租用|收取|缴纳|交纳)")
_STAFF = re.compile(r"(?:聘请|聘任|配备|选派|对接|安排)[^，。；]{0,12}?(?:创业)?(?:导师|特派员|辅导员|联络员|专家)"
                    r"|(?:导师|特派员)每(?:指导|服务|联系)")
# a lead-in to the cases of a loss (有下列情形之一的，应当退出：, 出现以下情况的，取消其资格：)
_CASES_LEAD = re.compile(r"(?:下列|以下)(?:情形|情况)(?:之一)?的?[，,]?[^：:]{0,20}?"
                         r"(?:退出|清退|取消|撤销|摘牌|终止|收回|不再)[^：:]{0,12}[:：]")
# a case: a clause that ends on 的 (连续6个月无实际经营的；擅自转租场地的；), or an enumerated one
_CASE = re.compile(r"的[；;。]?$|^[(（][一二三四五六七八九十\d]+[)）]|^\d+[.．、]")
# a status applied for (申请市级众创空间的，) and a floor it must meet (应不少于500平方米)
_ENTRY = re.compile(r"申请[^，。；]{0,14}(?:众创空间|孵化器|星创天地|孵化基地|创业园|资格|认定|备案)[^，。；]{0,4}的[，,]"
                    r"[^。；]{0,20}?(?:应|须|需)(?:当)?(?:不少于|不低于|达到|具备|满足|在)")


def space_terms(texts: list[str]) -> np.ndarray:
    """Booleans: a term of using space (``_SPACE``), not reported."""
    return np.array([bool(_SPACE.search(t) and not _PAST.search(t)) for t in texts], dtype=bool)


def staffing(texts: list[str]) -> np.ndarray:
    """Booleans: mentors or commissioners assigned (``_STAFF``), not reported."""
    return np.array([bool(_STAFF.search(t) and not _PAST.search(t)) for t in texts], dtype=bool)


def exit_cases(clause_ids: list[str], texts: list[str]) -> np.ndarray:
    """Booleans: a lead-in to the cases of a loss (``_CASES_LEAD``), the case written in its own clause, and
    the cases that follow it in the same document (``_CASE``) until a clause that is none."""
    out = np.zeros(len(texts), dtype=bool)
    listing, document = False, ""
    for i, (cid, text) in enumerate(zip(clause_ids, texts, strict=True)):
        text = text.strip()
        doc = cid.rpartition(":")[0]
        if doc != document:
            document, listing = doc, False
        if _CASES_LEAD.search(text):
            listing = out[i] = True
            continue
        listing = listing and bool(_CASE.search(text))
        out[i] = listing
    return out


def entry_conditions(texts: list[str]) -> np.ndarray:
    """Booleans: a condition for applying for a status, stated as a floor (``_ENTRY``)."""
    return np.array([bool(_ENTRY.search(t)) for t in texts], dtype=bool)


# a lease's or an agreement's rules: a deposit, a penalty, late payment, notice before leaving
_CONTRACT = re.compile(r"保证金|押金|违约金|滞纳金|逾期[^，。；]{0,6}(?:交纳|缴纳|支付)|提前[\d一二三四五六七八九十]+[日天个][^，。；]{0,6}通知")
# a firm graduates (视为毕业, 准予毕业, 毕业条件, 毕业标准)
_GRADUATION = re.compile(r"视为毕业|准予毕业|毕业(?:条件|标准|要求)")


# a report of the year (截至…, 同比): an agreement's terms name 已减免的租金 and 累计500万元以上 as conditions
_REPORTED = re.compile(r"截至|截止|同比|比上年|较上年|去年")


def contract_terms(texts: list[str]) -> np.ndarray:
    """Booleans: a rule of an agreement (``_CONTRACT``), not reported (``_REPORTED``)."""
    return np.array([bool(_CONTRACT.search(t) and not _REPORTED.search(t)) for t in texts], dtype=bool)


def graduation(texts: list[str]) -> np.ndarray:
    """Booleans: the conditions of a firm's graduation (``_GRADUATION``), not reported (``_REPORTED``)."""
    return np.array([bool(_GRADUATION.search(t) and not _REPORTED.search(t)) for t in texts], dtype=bool)
