"""Government buying, eighth round of the coder (issue 26, read on set J's errors): the codebook's two
demand-side sub-tools of public purchase, read where a text states them by the form of a purchase rather
than by the codebook's keywords.

- ``notice_codes``: a procurement notice (采购公告, 中标（成交）结果公告, 招标公告, 竞争性磋商公告 …) states one
  measure, the purchase, in the lines that set the contract's terms: its amount or budget (中标金额, 采购预算,
  最高限价), what is bought (服务内容, 采购需求) and the duties, payment and assessment of the supplier
  (服务要求, 服务费按季度支付, 考核不合格的解除合同). Each such line is the purchase's code: D_OUT where a
  service is bought (the codebook's service outsourcing: "government contracting services out", as the
  operation of a maker space), else D_PRO (government procurement of products). The notice's parties, its
  bidders and their scores, its reviewers, its contacts and its period are the notice's frame: none.
- ``contracted_service``: a service contracted out to a provider (委托…机构…提供…服务, 通过政府购买服务方式委托…,
  服务项目…优先向…购买) is D_OUT, also where the words of a purchase (政府购买服务) read D_PRO; a service
  commissioned to assess (委托第三方机构…开展绩效评价, 委托会计师事务所对…进行审计) is no demand: the
  codebook's assessment, E_STR (R3).

Written by hand: the fixed headings and field names of Chinese procurement notices (政府采购法's forms),
which no library lists.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["CONTRACTED", "notice_codes", "contracted_service", "commissioned_assessment", "notice_rule", "service_rule"]

_SERVICE, _PRODUCT, _ASSESSMENT = "D_OUT", "D_PRO", "E_STR"

# a notice's title: a purchase (采购, 招标, 中标, 成交, 磋商, 询价, 单一来源) announced (公告, 公示)
_TITLE = re.compile(r"(?:采购|招标|中标|成交|磋商|询价|单一来源)[^。；]{0,24}(?:公告|公示)$")
# the title names a service (运营服务项目, 服务采购, 委托运营): the purchase is contracting a service out
_SERVICE_BOUGHT = re.compile(r"服务|运营|托管|咨询|评估|外包")
# a term of the contract: its money, what is bought, the supplier's duties, payment and assessment
_TERM = re.compile(r"(?:中标|成交|合同)[^，。；：]{0,6}金额|(?:采购|项目)?预算|最高限价|控制价"
                   r"|服务(?:内容|要求|期|期限|范围|标准|费)|采购(?:需求|内容|标的)|受托|托管"
                   r"|考核|支付|解除合同|违约|验收")
# the notice's frame: parties, bidders and their bids and scores, reviewers, contacts, the notice's period
_FRAME = re.compile(r"^(?:[一二三四五六七八九十]+、)?(?:采购人|采购代理|代理机构|供应商|项目编号|项目名称|招标人)"
                    r"|评审|投标|报价|[价商技]\S?分|评标|联系(?:电话|方式|人)|公告(?:期限|发布)|询问|质疑")
# a heading of the notice's sections (六、合同履行, 四、主要标的信息): names a section, no term
_HEADING = re.compile(r"^[一二三四五六七八九十]+、[^，。；：:]{0,12}$")


def _document(clause_id: str) -> str:
    return clause_id.rpartition(":")[0]


def notice_codes(ids: list[str], texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(per clause: the purchase's code, "D_OUT" or "D_PRO", for a term of a procurement notice's contract,
    "none" for the notice's frame, "" otherwise; per clause: the purchase's code for every line of a notice
    after its title that is no section heading, "" otherwise). A notice is a document one of whose first
    three clauses is a notice's title (``_TITLE``)."""
    codes = np.array([""] * len(texts), dtype=object)
    purchase = codes.copy()
    starts: dict[str, int] = {}
    for i, cid in enumerate(ids):
        starts.setdefault(_document(cid), i)
    for doc, first in starts.items():
        head = [j for j in range(first, min(first + 3, len(texts))) if _document(ids[j]) == doc]
        title = next((j for j in head if _TITLE.search(texts[j].strip())), None)
        if title is None:
            continue
        code = _SERVICE if _SERVICE_BOUGHT.search(texts[title]) else _PRODUCT
        for j in range(title + 1, len(texts)):
            if _document(ids[j]) != doc:
                break
            text = texts[j].strip()
            if _HEADING.match(text):
                continue
            purchase[j] = code
            if _FRAME.search(text):
                codes[j] = "none"
            elif _TERM.search(text):
                codes[j] = code
    return codes, purchase


def notice_rule(ids: list[str], texts: list[str], primary: np.ndarray, none: str) -> np.ndarray:
    """A procurement notice's lines (``notice_codes``): a term of its contract, or a line an earlier rule
    coded as a measure (服务要求's listed duties: 每年引进创业团队不少于30个；), takes the purchase's code; its
    frame is ``none`` (the codebook's code for no measure), whatever the earlier rules read."""
    primary = primary.copy()
    codes, purchase = notice_codes(ids, texts)
    for i, code in enumerate(codes):
        if code == "none":
            primary[i] = none
        elif code or (purchase[i] and primary[i] != none):
            primary[i] = code or purchase[i]
    return primary


# a service contracted out to a provider: 委托 a provider to deliver (提供, 开展, 承接, 运营), an operation
# entrusted (受托运营, 委托…运营管理), a provider chosen by tender (公开招标确定…运营服务商), a government's services
# taken over by associations (承接政府转移的…职能) or bought from firms or society (服务项目…优先向…购买, 向社会力量购买)
CONTRACTED = re.compile(r"委托[^，。；]{0,20}(?:机构|企业|公司|单位|组织|协会|团队|事务所)[^。；]{0,30}(?:提供|开展|承担|运营|负责)"
                        r"|受托运营|委托[^，。；]{0,16}运营(?:管理)?|运营[^，。；]{0,6}委托给?[^，。；]{0,16}(?:机构|企业|公司|团队)"
                        r"|(?:公开招标|竞争性磋商|竞争性谈判)[^，。；]{0,8}(?:确定|选定|选聘|遴选)[^，。；]{0,16}(?:运营|服务)(?:机构|商|团队|单位|方)"
                        r"|承接[^，。；]{0,12}(?:政府|公共)[^，。；]{0,12}(?:服务|职能)"
                        r"|(?:服务|事项)(?:项目)?[^。；]{0,20}向[^，。；]{0,15}购买|向社会力量购买")
# what is commissioned is an assessment: R3's assessing, whoever carries it out
_ASSESSING = re.compile(r"委托[^，。；]{0,24}(?:对|开展|进行|实施)[^。；]{0,40}(?:评价|评估|审计|考核|核查|验收|监测|检查)")


def contracted_service(text: str) -> bool:
    """A service contracted out to a provider (``CONTRACTED``) that is no assessment."""
    return bool(CONTRACTED.search(text)) and not commissioned_assessment(text)


def commissioned_assessment(text: str) -> bool:
    """An assessment commissioned from a third party (``_ASSESSING``)."""
    return bool(_ASSESSING.search(text))


def service_rule(texts: list[str], primary: np.ndarray) -> np.ndarray:
    """A clause coded a public purchase (D_PRO) that contracts a service out (``contracted_service``) is D_OUT;
    a clause coded D_OUT whose commissioned service is an assessment (``commissioned_assessment``) is E_STR."""
    primary = primary.copy()
    for i, text in enumerate(texts):
        if primary[i] == _PRODUCT and contracted_service(text):
            primary[i] = _SERVICE
        elif primary[i] == _SERVICE and commissioned_assessment(text):
            primary[i] = _ASSESSMENT
    return primary
