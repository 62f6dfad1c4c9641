"""Eighth round of the coder, read on set J's errors: the demand side's public purchase (``analysis.procurement``,
``analysis.demand_side``), lines of a document's frame (``analysis.frame_lines``), a budget's lines and a series'
rows (``analysis.list_lines``) and an agreement's terms (``analysis.rule_terms``). Every sentence was written for
the test (none is a held-out set's); the expected codes are by hand, from the codebook (v1.1: the sub-tools'
definitions) and its rules R1-R8."""

import numpy as np
import pytest

from analysis import coder_rules, demand_side, frame_lines, list_lines, procurement, rule_terms
from analysis.instruments import NONE


def _ids(n, doc="d"):
    """One clause per paragraph (a document whose lines are its clauses)."""
    return [f"{doc}:{p}.1.1" for p in range(1, n + 1)]


def _codes(*codes):
    return np.array(list(codes), dtype=object)


# --- a procurement notice ---------------------------------------------------------------------------------

def test_a_result_notice_for_running_a_space_codes_its_contract_terms_d_out_and_its_frame_none():
    # the title names a service (运营服务): the purchase contracts a service out, D_OUT; the amount, the budget,
    # what is bought, the duties listed under 服务要求 (coded S_TAL by an earlier rule), payment and assessment are
    # its terms; the supplier, the reviewers, the bids, the notice's period and the contacts are its frame (none);
    # a section heading (三、合同履行) is left as the earlier rules coded it (here none)
    texts = ["某某区创业孵化基地托管运营服务项目成交公告", "一、项目编号：ABC-2026-017", "二、成交供应商：某某科技服务有限公司",
             "成交金额：每年95万元，服务期2年", "服务内容：受托运营区创业孵化基地，面积5,000平方米；", "服务要求：每年举办培训不少于12期；",
             "三、合同履行", "运营服务费按半年支付；", "年度考核不合格的，扣减服务费的20%；", "四、评审小组：李某、王某、张某",
             "五、公告期限为1个工作日。", "采购人：某某区人力资源和社会保障局，联系电话：0000-1234567"]
    before = _codes(NONE, NONE, NONE, NONE, NONE, "S_TAL", NONE, NONE, "E_STR", "D_PRO", NONE, "D_PRO")
    primary = procurement.notice_rule(_ids(len(texts)), texts, before, NONE)
    assert list(primary) == [NONE, NONE, NONE, "D_OUT", "D_OUT", "D_OUT", NONE, "D_OUT", "D_OUT", NONE, NONE, NONE]


def test_a_call_for_tender_for_a_service_codes_its_budget_and_needs():
    # a call (招标公告), second paragraph after a site's line: 预算金额 and 最高限价 are the contract's money, 采购需求
    # what is bought; 投标 (how to bid) is the frame
    texts = ["首页 > 通知公告", "某某市科技局众创空间评估咨询服务采购项目招标公告", "预算金额：60万元",
             "最高限价：58万元", "采购需求：对全市众创空间开展运营评估咨询；", "投标文件递交截止时间：2026年3月2日"]
    codes, purchase = procurement.notice_codes(_ids(len(texts)), texts)
    assert list(codes) == ["", "", "D_OUT", "D_OUT", "D_OUT", "none"]
    assert list(purchase) == ["", "", "D_OUT", "D_OUT", "D_OUT", "D_OUT"]


def test_a_notice_that_buys_products_codes_its_terms_d_pro():
    # the title names equipment, no service: government procurement of products (D_PRO)
    texts = ["某某高新区孵化器共享仪器设备采购中标公告", "中标金额：320万元", "交货期：合同签订后60日内；",
             "验收合格后支付合同金额的90%。"]
    primary = procurement.notice_rule(_ids(len(texts)), texts, _codes(NONE, NONE, NONE, "S_FUN"), NONE)
    # 交货期 states no term the notice's words name, and no earlier rule coded it: left none
    assert list(primary) == [NONE, "D_PRO", NONE, "D_PRO"]


@pytest.mark.parametrize("title", [
    "关于印发《政府采购管理办法》的通知",      # a document about procurement, no notice of a purchase
    "2026年度创新创业大赛获奖名单公示",        # a notice, but of no purchase
])
def test_a_document_that_is_no_procurement_notice_is_left_alone(title):
    texts = [title, "采购预算：100万元", "服务要求：每年不少于10场。"]
    codes, purchase = procurement.notice_codes(_ids(3), texts)
    assert list(codes) == ["", "", ""] and list(purchase) == ["", "", ""]


# --- a service contracted out, an assessment commissioned ---------------------------------------------------

@pytest.mark.parametrize("text, contracted", [
    ("区科技局以政府购买服务方式，委托专业运营机构管理众创空间，每年支付运营服务费80万元。", True),
    ("将孵化器的日常运营委托给专业化的第三方机构。", True),
    ("通过公开招标确定众创空间运营服务商，服务期三年。", True),
    ("鼓励行业协会承接政府转移的创新创业服务职能。", True),
    ("政府部门的科技咨询、评审等事务性服务向社会力量购买。", True),
    ("物业、保洁等服务项目，同等条件下优先向园区内大学生企业购买。", True),
    ("委托第三方机构对全市孵化器开展年度绩效评价。", False),          # an assessment: R3, E_STR
    ("支持创业团队向高校、科研院所购买检测服务。", False),             # firms buy: no government contracts out
    ("加大对创新产品的政府采购力度。", False),                         # a purchase of products: D_PRO
])
def test_a_service_contracted_out_to_a_provider(text, contracted):
    assert procurement.contracted_service(text) == contracted


@pytest.mark.parametrize("text, assessed", [
    ("市科技局委托第三方机构对专项资金使用情况开展绩效评价。", True),
    ("委托会计师事务所对奖补资金进行专项审计。", True),
    ("委托专业机构对申报材料进行核查。", True),
    ("委托专业机构为在孵企业提供法律咨询。", False),
])
def test_an_assessment_commissioned_from_a_third_party(text, assessed):
    assert procurement.commissioned_assessment(text) == assessed


def test_the_service_rule_recodes_a_contracted_service_and_a_commissioned_assessment():
    # 1: bought by 政府购买服务 (D_PRO by its words) from providers who deliver the service: D_OUT
    # 2: contracted (D_OUT by 委托) but what is contracted is an assessment: E_STR (R3)
    # 3: a procurement of products stays D_PRO; 4: another code is left alone
    texts = ["通过政府购买服务方式，委托2家服务机构为在孵企业提供知识产权咨询。", "委托第三方机构对孵化器开展绩效评价。",
             "各级预算单位优先采购在孵企业的创新产品。", "委托第三方机构对孵化器开展绩效评价。"]
    primary = procurement.service_rule(texts, _codes("D_PRO", "D_OUT", "D_PRO", "S_FUN"))
    assert list(primary) == ["D_OUT", "E_STR", "D_PRO", "S_FUN"]


# --- demand-side instruments named ------------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("政府采购预算145万元，全部为服务类采购；", "D_PRO"),            # a budget line of purchases
    ("安排采购资金300万元，用于购买孵化服务。", "D_PRO"),
    ("鼓励行业协会承接政府转移的公共服务职能。", "D_OUT"),
    ("支持跨境电商孵化企业开拓国际市场。", "D_TRA"),                 # export support
    ("组织在孵企业参加境外展会。", "D_TRA"),
    ("支持企业开拓海外市场。", "D_TRA"),
    ("对新认定的孵化器给予100万元奖励。", ""),
])
def test_the_demand_side_instruments_of_the_eighth_round(text, code):
    assert demand_side.instrument(text) == code


def test_a_clause_made_a_measure_by_its_form_alone_takes_the_instrument_it_names():
    # 1: measure_rule gave the classifier's best code (S_FUN) to a clause it read as none: the voucher spent by
    #    buyers (消费券) is the codebook's only sub-tool of public money spent on buying, D_PRO
    # 2: the same code given by the classifier itself is left to the keyword rule (which runs before): kept
    # 3: a report of vouchers issued (已) stays as it was
    texts = ["发放科技创新消费券200万元，鼓励市民购买在孵企业的新产品。", "发放科技创新消费券200万元。",
             "已发放消费券200万元。"]
    formed = np.array([True, False, True])
    primary = demand_side.instrument_rule(_ids(3), texts, _codes("S_FUN", "S_FUN", "S_FUN"), formed)
    assert list(primary) == ["D_PRO", "S_FUN", "S_FUN"]


@pytest.mark.parametrize("text, expected", [
    ("支持跨境电商孵化企业开拓国际市场。", "D_TRA"),       # selling abroad: export support
    ("组织在孵企业参加境外展会。", "D_TRA"),
    ("支持孵化器在海外设立离岸孵化基地，开拓国际市场。", "D_OVE"),  # an overseas incubator: exchange (D_OVE)
    ("引进海外人才团队参加国际展会。", "D_OVE"),             # overseas people
])
def test_selling_abroad_is_trade_not_overseas_exchange(text, expected):
    assert list(demand_side.trade_rule([text], _codes("D_OVE"))) == [expected]


# --- lines of a document's frame ----------------------------------------------------------------------------

@pytest.mark.parametrize("para, text, closed, frame", [
    (2, "某某市科技局关于公布2025年度众创空间绩效评价结果的通知", False, True),   # a title below a document number
    (2, "2026年度市科技创新载体专项资金申报指南", False, True),
    (3, "2025年度运营报告", False, True),
    (2, "（一）完善政策措施", False, False),                    # a numbered heading is no title
    (9, "某某市推动众创空间发展若干措施", False, False),         # far down the text: a title only near the top
    (30, "某某市火炬高技术产业开发中心", False, True),           # a signature
    (30, "建设区域创新服务中心", False, False),                  # an act, not a signature
    (28, "市科技局高新技术处，联系电话：0000-7654321", True, True),
    (4, "本办法所称星创天地，是指面向农业农村创新创业的服务平台。", True, True),  # a definition
    (29, "功能分类科目“2060402”指科学技术支出中的应用研究。", True, True),
    (12, "受访创业者中女性占41.2%；", True, True),                # a survey's findings
    (13, "团队平均规模5.6人，中位数4人。", True, True),
    (14, "享受过房租减免的占56.0%。", True, True),
    (15, "对入驻企业的研发投入，按其占比给予补助。", True, False),   # a grant: no finding
    (20, "注：本表数据来源于市统计局。", True, True),            # a table's notes
    (21, "3.2022年起众创空间含区级备案众创空间，与上年口径不完全可比。", True, True),
    (22, "4.财政资助额为各级财政拨付的补助资金合计。", True, True),
    (30, "本协议一式两份，双方各执一份。", True, True),            # an agreement's closing formula
    (30, "申报材料一式三份。", True, False),                       # a call's requirement: no closing formula
    (5, "现将2025年度考核结果通报如下。", True, True),              # a lead-in to what is announced
    (5, "现将有关事项通知如下：", True, True),
    (28, "3.新认定众创空间名单", False, True),                     # an attachment's title
    (20, "公务接待费3.2万元，公务用车运行维护费8.0万元。", True, True),  # the department's own administration
    (21, "年末实有公务用车3辆。", True, True),
    (3, "各区县科技局，高新区管委会：", False, True),                # a salutation
    (3, "各省、自治区、直辖市科技厅（委、局）：", False, True),
    (8, "申报条件如下：", False, False),                            # a lead-in, no office addressed
])
def test_lines_of_a_document_s_frame(para, text, closed, frame):
    assert frame_lines.frame_line(para, text, closed) == frame


# --- a budget's lines, a series' rows -------------------------------------------------------------------

def test_a_budget_document_s_programme_lines_are_funding_and_its_totals_none():
    # a department's budget explanation: its programme lines (money of a carrier's awards, a voucher's payments,
    # a contest's funds) are coded as the measure they fund, the codebook's funding (S_FUN: "programme budgets");
    # its totals, basic spending and 三公 are none; the procurement line keeps the code an earlier rule gave it
    texts = ["某某区科技局2026年部门预算说明", "支出预算总计2,100万元，其中基本支出600万元。",
             "1.孵化器绩效奖补资金500万元（2060404），比上年增加50万元；", "2.创新券兑付资金200万元，与上年持平；",
             "3.创业大赛经费60万元；", "“三公”经费预算12万元。", "政府采购预算80万元。"]
    primary, _ = coder_rules.list_rule(_ids(len(texts)), texts, _codes(NONE, NONE, NONE, NONE, NONE, NONE, "D_PRO"),
                                       _codes(*[""] * len(texts)))
    assert list(primary) == [NONE, NONE, "S_FUN", "S_FUN", "S_FUN", NONE, "D_PRO"]


def test_money_lines_of_a_document_that_is_no_budget_are_left_alone():
    texts = ["某某区2025年科技工作总结", "1.孵化器绩效奖补资金500万元；"]
    assert list(list_lines.budget_line(_ids(2), texts)) == [False, False]


@pytest.mark.parametrize("text, row", [
    ("获得财政资助额 万元 8 650 9 120 7 840 8 210", True),   # a series whose label names a grant
    ("创业导师 人 1 420 1 575 1 690 1 836", True),
    ("支持孵化器 建设 给予 3 家 奖励", False),                 # words between the figures: no series
])
def test_a_series_row_is_a_table_row_whatever_its_label_says(text, row):
    assert list(list_lines.table_row(["t:5.1.1"], [text])) == [row]


# --- an agreement's terms -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, term", [
    ("乙方应于签约后5个工作日内交纳相当于1个月租金的保证金。", True),
    ("乙方逾期交纳租金的，每逾期1日按应付金额的0.1%支付违约金；", True),
    ("乙方提前退租的，应提前30日书面通知甲方，已减免的租金按50%退还。", True),  # 已减免 is a condition, no report
    ("截至去年底，共收取保证金12万元。", False),                                # a report
])
def test_an_agreement_s_rules(text, term):
    assert rule_terms.contract_terms([text])[0] == term


@pytest.mark.parametrize("text, graduating", [
    ("在孵企业年营业收入达到800万元或融资累计300万元以上的，视为毕业。", True),   # 累计 names a threshold
    ("毕业条件由孵化器另行制定。", True),
    ("全年毕业企业35家。", False),
])
def test_a_firm_s_graduation(text, graduating):
    assert rule_terms.graduation([text])[0] == graduating


@pytest.mark.parametrize("text, term", [
    ("场地租金标准为每月30元/平方米，物业费每月3元/平方米；", True),
    ("单个企业租用面积原则上不超过200平方米。", True),
    ("毕业企业可按标准租金的70%租用加速器场地1年。", True),
    ("对初创企业按实际租金的50%给予补贴。", False),   # a rent subsidy: the codebook's funding, not a term of space
])
def test_the_eighth_round_s_terms_of_using_space(text, term):
    assert rule_terms.space_terms([text])[0] == term


def test_the_terms_rule_codes_an_agreement_s_rules_over_a_grant_and_a_graduation_left_none():
    # 1: a deposit read as a grant (S_FUN: money) is the agreement's rule, E_REG (money the tenant pays)
    # 2: a late-payment penalty left none: E_REG; 3: a graduation's threshold left none: E_STR (R3)
    # 4: a grant stays a grant
    texts = ["乙方应于签约后5个工作日内交纳相当于2个月租金的保证金。", "逾期交纳租金的，每日按0.05%支付违约金；",
             "在孵企业融资累计500万元以上的，视为毕业。", "对新认定的孵化器给予50万元奖励。"]
    primary = coder_rules.terms_rule(_ids(4), texts, _codes("S_FUN", NONE, NONE, "S_FUN"))
    assert list(primary) == ["E_REG", "E_REG", "E_STR", "S_FUN"]


# --- words of the demand side that name no demand here, and Taiwan's people ---------------------------

def test_a_free_trade_zone_named_as_a_place_is_no_trade_control():
    # 1: the classifier reads D_TRA from 贸易 in a place's name: its best code off the demand side (E_REG)
    # 2: an import duty's rule is trade control (the codebook's D_TRA): kept
    texts = ["为落实海南自由贸易港建设总体方案，县科工信局起草了《措施》。", "对进口研发设备免征进口关税。"]
    classes = np.array([NONE, "E_REG", "D_TRA"], dtype=object)
    scores = np.array([[0.0, 0.2, 0.5], [0.0, 0.1, 0.9]])
    primary = coder_rules.excused_demand_rule(texts, scores, classes, _codes("D_TRA", "D_TRA"))
    assert list(primary) == ["E_REG", "D_TRA"]


class _Framework:
    """The demand side of the codebook as ``keyword_rule`` reads it (the codebook's D_OVE keywords)."""
    subtools = {"D_OVE": {"type": "demand", "keywords": ["海外", "台湾", "港澳"]}, "S_FUN": {"type": "supply", "keywords": []}}

    @staticmethod
    def type_of(code):
        return "demand" if str(code).startswith("D_") else ("none" if code == NONE else "supply")


@pytest.mark.parametrize("text, expected", [
    ("对经认定的对台青创业基地，每年给予最高100万元运营补贴；", "D_OVE"),   # R2: people of Taiwan
    ("举办海峡两岸青年创新创业大赛。", "D_OVE"),
    ("对新认定的孵化器给予50万元奖励。", "S_FUN"),
])
def test_cross_strait_words_name_taiwan_s_people(text, expected):
    primary, _ = demand_side.keyword_rule([text], _codes("S_FUN"), _codes(""), _Framework())
    assert list(primary) == [expected]
