"""The clause's role in its document (``analysis.clause_roles``) and the automatic coder's rules
that use it. Every sentence here was written for the test; the expected codes are by hand,
from the codebook (v1.1) and its rules."""

import numpy as np
import pandas as pd
import pytest

from analysis import autocoder, clause_roles, instruments, keywordcoder


@pytest.fixture(scope="module")
def fw():
    return instruments.load_framework()


def _no_measure(text, cid="d:3.1.1"):
    return bool(clause_roles.no_measure([cid], [text])[0])


@pytest.mark.parametrize("text", [
    "为促进科技企业孵化器高质量发展，结合我区实际，制定本办法。",  # preamble: 制定本
    "为推动大众创业，结合本县实际，特制订以下措施。",  # 特制订以下
    "现就开展2025年度市级孵化器认定工作有关事项通知如下。",  # 通知如下
    "现将今年上半年工作情况报告如下。",  # 报告如下
    "主要目标是：",  # the lead-in of a list of targets
    "本办法自2025年1月1日起施行。",  # validity: 本办法自
    "本细则由市科技局负责解释。",  # 负责解释 (and 本细则由)
    "有效期五年。",  # 有效期
    "此前规定与本办法不一致的，以本办法为准。",  # 以本办法为准
    "某某市科学技术局",  # signature: no final mark, ends with 局
    "2025年3月8日",  # a date alone
    "联系电话：0571-12345678",  # contact line
    "（记者 张三）",  # byline
    "但仍存在服务能力不强、资金投入不足等问题。",  # problems: 存在…问题
    "二是专业人才依然短缺。",  # 二是…短缺
    "（三）创业生态持续优化。",  # outcome phrase ending a short clause
    "全市双创工作取得显著成效。",  # 取得…成效
    "全年技术合同成交额120亿元，同比增长15%。",  # a change against the last year, no target mark
])
def test_clauses_that_state_no_measure(text):
    assert _no_measure(text)


@pytest.mark.parametrize("text", [
    "对新认定的市级孵化器给予一次性奖励30万元。",  # a grant
    "到2027年，全市孵化器达到60家。",  # a target
    "（二）加快建设专业化众创空间。",  # a measure heading: verb and object, no outcome ending
    "鼓励龙头企业建设孵化器，力争孵化面积比上年增长10%以上。",  # a change, but a target (力争, 以上)
    "支持载体提升服务水平。",  # 提升 not at the end of an outcome phrase: a measure
])
def test_measures_are_not_marked_no_measure(text):
    assert not _no_measure(text)


def test_the_title_is_the_first_paragraph_without_a_final_mark():
    # the same line is a title in paragraph 1 and not in paragraph 4 (a heading in the body)
    assert _no_measure("某市推动孵化器高质量发展", "d:1.1.1")
    assert not _no_measure("某市推动孵化器高质量发展", "d:4.1.1")
    # a first paragraph that is a sentence (ends with 。) is no title
    assert not _no_measure("支持孵化器建设公共技术平台。", "d:1.1.1")


def test_a_target_clause_and_the_clauses_of_its_sentence():
    ids = ["d:5.1.1", "d:5.1.2", "d:6.1.1", "d:7.1.1", "d:8.1.1"]
    texts = ["到2027年，全市众创空间达到80家；",  # 到…年 with 达到 and a number: a target
             "孵化面积突破100万平方米。",  # same sentence (d:5.1), 突破: a target
             "孵化面积突破100万平方米。",  # another sentence without a year: not marked
             "截至2024年底，全市众创空间已达到50家。",  # 截至, 已: the past, no target
             "力争新增省级孵化器5家以上。"]  # 力争 and 以上
    assert clause_roles.target(ids, texts).tolist() == [True, True, False, False, True]


def test_planned_and_grant_structures():
    assert clause_roles.planned(["五年累计投入不少于5亿元。", "累计投入5亿元。"]).tolist() == [True, False]
    assert clause_roles.grant(["对认定的众创空间，给予20万元奖励。",  # 对…给予
                               "按实际租金的50%给予房租补贴。",  # 给予…补贴
                               "鼓励社会资本设立孵化器。"]).tolist() == [True, True, False]


def _model(fw):
    # a small training set of two documents, written for the test: a subsidy, a talent measure,
    # a venture fund, none lines
    texts = ["对新认定的众创空间给予一次性补助。", "引进高层次创业人才团队。", "设立天使投资引导基金。", "今天召开会议。",
             "对入驻企业给予房租补贴。", "加强创业导师队伍建设。", "发展创业投资和融资担保。", "会议召开了。"]
    primary = ["S_FUN", "S_TAL", "E_FIN", "none"] * 2
    training = pd.DataFrame({"clause_id": [f"{d}:{i}.1.1" for d in "ab" for i in range(1, 5)],
                             "doc_id": [d for d in "ab" for _ in range(4)], "text": texts, "primary": primary})
    return autocoder.fit(training, fw, calibrate=False)


def test_the_coder_codes_a_documents_frame_none(fw):
    new = pd.DataFrame({"clause_id": ["n:1.1.1", "n:2.1.1", "n:9.1.1", "n:10.1.1"], "doc_id": "n",
                        "text": ["某区科技创业扶持资金管理办法",  # title -> none
                                 "为支持人才创业和创业投资，结合本区实际，制定本办法。",  # preamble -> none
                                 "本办法由区财政局负责解释，自印发之日起施行。",  # validity -> none
                                 "某区财政局"]})  # signature -> none
    assert autocoder.predict(_model(fw), new)["primary"].tolist() == ["none"] * 4


def test_the_coder_codes_targets_and_measures_abroad(fw):
    new = pd.DataFrame({"clause_id": ["n:3.1.1", "n:3.1.2", "n:4.1.1"], "doc_id": "n",
                        "text": ["到2027年，全区孵化器达到40家，", "在孵企业超过1500家。",  # a target and its sentence: E_GOA
                                 "对在香港、澳门设立离岸孵化器的企业给予运营补贴。"]})  # a grant only for carriers abroad: D_OVE
    assert autocoder.predict(_model(fw), new)["primary"].tolist() == ["E_GOA", "E_GOA", "D_OVE"]


def test_the_role_rules_on_the_classifiers_codes(fw):
    ids = ["n:2.1.1", "n:3.1.1", "n:4.1.1", "n:5.1.1", "n:6.1.1", "n:7.1.1"]
    texts = ["对获得省级认定的众创空间，经评审给予30万元启动资金。",  # none -> S_FUN (对…给予)
             "对引进的创业团队给予50万元启动资金。",  # S_TAL stays: the grant rule only fills a none
             "到2027年，孵化面积达到100万平方米。",  # S_INF -> E_GOA (a target)
             "到2027年，对新认定孵化器给予最高100万元补助。",  # S_FUN stays: a grant's cap is no target
             "到2027年，争创国家级示范基地达到3家。",  # D_DEM stays: a target rule does not move demand-side
             "现将有关情况报告如下。"]  # S_PUB -> none (the frame), its secondary dropped
    primary = np.array(["none", "S_TAL", "S_INF", "S_FUN", "D_DEM", "S_PUB"], dtype=object)
    secondary = np.array(["", "", "", "", "", "E_STR"], dtype=object)
    p, s = autocoder._role_rules(ids, texts, primary, secondary, fw)
    assert p.tolist() == ["S_FUN", "S_TAL", "E_GOA", "S_FUN", "D_DEM", "none"]
    assert s.tolist() == ["", "", "", "", "", ""]


def test_a_planned_total_is_not_a_status_report(fw):
    # the codebook's status pattern (累计) still makes a report of the past none; a planned
    # total (累计…不少于) keeps the classifier's code
    assert keywordcoder.STATUS.search("五年累计投入财政资金不少于5亿元。")
    new = pd.DataFrame({"clause_id": ["n:2.1.1", "n:3.1.1"], "doc_id": "n",
                        "text": ["五年累计对众创空间给予补助不少于5亿元。", "累计对众创空间给予补助5亿元。"]})
    assert autocoder.predict(_model(fw), new)["primary"].tolist() == ["S_FUN", "none"]


def test_demand_words_in_a_cited_title_or_a_home_region_are_no_demand_side_measure(fw):
    new = pd.DataFrame({"clause_id": ["n:2.1.1", "n:3.1.1"], "doc_id": "n",
                        "text": ["落实《关于开展创业示范工作的意见》，对新认定的众创空间给予补助。",
                                 "对入驻粤港澳大湾区孵化基地的企业给予房租补贴。"]})
    assert autocoder.predict(_model(fw), new)["type"].tolist() == ["supply", "supply"]


def test_a_reported_figure_is_a_number_without_a_target_or_an_action():
    texts = ["全区众创空间45家，其中国家备案12家。",  # figures, no verb of action: reported
             "全年新增市级孵化器4家。",  # 新增 is no government action: reported
             "支持高校建设众创空间10家。",  # 支持, 建设: a measure
             "对新认定的孵化器给予20万元奖励。",  # 给予: a measure
             "众创空间达到60家以上。",  # 以上: a target mark
             "全面优化营商环境。"]  # no figure
    assert clause_roles.reported_figure(texts).tolist() == [True, True, False, False, False, False]


def test_a_reported_figure_in_a_targets_sentence_stays_a_target(fw):
    # 孵化器达到50家 has no target mark of its own; the sentence's 到2027年 makes it a target
    ids, texts = ["n:4.1.1", "n:4.1.2"], ["到2027年，众创空间达到80家，", "孵化器达到50家。"]
    p, _ = autocoder._role_rules(ids, texts, np.array(["none", "S_INF"], dtype=object),
                                 np.array(["", ""], dtype=object), fw)
    assert p.tolist() == ["E_GOA", "E_GOA"]
    # alone in its sentence it is a figure reported: none
    p, _ = autocoder._role_rules(["n:5.1.1"], ["孵化器50家。"], np.array(["S_INF"], dtype=object),
                                 np.array([""], dtype=object), fw)
    assert p.tolist() == ["none"]


def test_the_steps_of_a_recognition_are_strategic_measures(fw):
    assert clause_roles.procedure(["申报单位须提交营业执照复印件。", "各区对申报材料进行初审。",
                                   "区科技局组织专家评审认定。", "鼓励企业建设研发中心。"]).tolist() == [True, True, True, False]
    ids = ["n:2.1.1", "n:3.1.1", "n:4.1.1", "n:5.1.1"]
    texts = ["申报单位应在本区注册并具有独立法人资格。",  # none -> E_STR (R3: a condition of recognition)
             "各街道对申报材料进行初审，择优推荐。",  # D_DEM (the classifier's) -> E_STR
             "一、申报条件",  # a section heading (一、): stays none
             "对通过初审的单位给予5万元补助。"]  # a grant: the procedure rule leaves it to the grant rule, S_FUN
    p, _ = autocoder._role_rules(ids, texts, np.array(["none", "D_DEM", "none", "none"], dtype=object),
                                 np.array([""] * 4, dtype=object), fw)
    assert p.tolist() == ["E_STR", "E_STR", "none", "S_FUN"]


@pytest.mark.parametrize("text", [
    "现印发给你们，请认真贯彻落实。",  # a cover letter's formula
    "三市的孵化载体数量占全省的六成左右。",  # a reported share (六成), no action
])
def test_more_clauses_that_state_no_measure(text):
    assert _no_measure(text) or bool(clause_roles.reported_figure([text])[0])


def test_public_money_set_aside_is_a_grant_and_a_reported_act_is_a_measure():
    # 财政…安排…资金 is a grant's structure; with its change on the last year it is still a
    # government's act, not a status report
    text = "2024年，市财政安排孵化器专项资金3000万元，较上年增长20%。"
    assert clause_roles.grant([text]).tolist() == [True]
    assert not _no_measure(text)
    # the same change without an act is a status report
    assert _no_measure("孵化器营业收入30亿元，较上年增长20%。")


def test_the_demand_rule_reads_countries_abroad_and_not_cited_titles(fw):
    texts = ["举办中日韩创新创业大赛。",  # E_STR -> D_OVE (a country abroad by name), E_STR secondary
             "对在香港、澳门设立孵化器的企业给予补贴。",  # S_FUN -> D_OVE, S_FUN secondary
             "落实《关于推进创业示范城市建设的意见》。",  # E_REG stays: 示范 only in a cited title
             "构建网络化、国际化的孵化体系。",  # E_GOA stays: 国际化 is an adjective of the goal
             "推动海外人才来本市创业。"]  # none stays none: the rule only moves a measure
    primary = np.array(["E_STR", "S_FUN", "E_REG", "E_GOA", "none"], dtype=object)
    p, s = autocoder._demand_cues(texts, primary, np.array([""] * 5, dtype=object), fw)
    assert p.tolist() == ["D_OVE", "D_OVE", "E_REG", "E_GOA", "none"]
    assert s.tolist() == ["E_STR", "S_FUN", "", "", ""]


def test_a_level_under_a_section_of_targets_is_a_target():
    ids = [f"d:{k}.1.1" for k in range(1, 8)] + ["e:1.1.1"]
    texts = ["二、发展目标",  # a section of targets opens
             "（一）服务能力更加完善。",  # a subsection does not close it
             "众创空间60%以上配备专业服务团队。",  # 以上 and a number under the section: a target
             "三、重点任务",  # the next section closes it
             "众创空间60%以上配备专业服务团队。",  # the same words: no target now
             "主要目标是：",  # a lead-in opens a list of targets
             "孵化器达到40家。",  # 达到 and a number: a target
             "孵化器达到40家。"]  # the same in another document (e): nothing open there
    assert clause_roles.target(ids, texts).tolist() == [False, False, True, False, False, False, True, False]
