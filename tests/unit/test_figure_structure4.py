"""Figure drafts in the shapes the four held-out sets found wrong (issue 26, fourth round), as kinds:
the floor area of carriers in general, the last rule's recipient, a level alone after 的有, a change of
an umbrella's count, two things counted together with no umbrella, a government's own level (本级) as
the payer, money reported as paid out, recipients counted in a report, a number that counts places, each
place's number, a level inside a subject's clause. The sentences are written for these tests (no fact)."""

import pytest
from tests import drafting

from analysis import calibration


@pytest.fixture(scope="module")
def tagger():
    return drafting.tagger()


def _rows(text, tagger):
    return drafting.drafted(text, tagger, "shape-2021", 2021).set_index("mention")


def test_the_floor_area_of_carriers_in_general_is_incubation_area(tagger):
    rows = _rows("全市孵化载体总面积达到85万平方米，比上年增长12%。", tagger)
    assert (rows.loc["85万平方米", "indicator"], rows.loc["85万平方米", "scope"]) == ("incubation_area", "all")
    rows = _rows("引进专业孵化运营机构4家，运营面积合计3.2万平方米。", tagger)
    assert rows.loc["3.2万平方米", "indicator"] == "incubation_area"


def test_a_rules_recipient_is_that_of_the_last_rule_before_the_number(tagger):
    # two rules in one clause: 80万元 to the provincial incubators, 10万元 to the municipal maker spaces
    rows = _rows("对评价为优秀的省级以上孵化器给予最高80万元奖励，对评价为优秀的市级众创空间给予最高10万元奖励。", tagger)
    assert rows.loc["最高80万元", "scope"] == "provincial_level"
    assert (rows.loc["最高10万元", "scope"], rows.loc["最高10万元", "kind"]) == ("municipal_level", "rule")


def test_a_level_alone_before_de_you_is_a_subset_of_the_umbrella(tagger):
    # 52 carriers of two kinds together; 9 and 17 of them national and provincial, so the umbrella's indicator
    rows = _rows("全市共有孵化器和众创空间52家，其中国家级的有9家，省级的有17家。", tagger)
    assert (rows.loc["52家", "indicator"], rows.loc["52家", "scope"]) == ("incubation_institutions", "all")
    assert (rows.loc["17家", "indicator"], rows.loc["17家", "scope"]) == ("incubation_institutions", "provincial_level")


def test_a_change_of_an_umbrellas_count_keeps_the_umbrella(tagger):
    # 比上年增加6家 names no noun; the nearest alias (众创空间) is part of the umbrella counted before,
    # so 6 and the subset 8 after it count carriers of both kinds
    rows = _rows("全区孵化器和众创空间达到40家，比上年增加6家，其中国家级8家。", tagger)
    assert rows.loc["6家", "indicator"] == "incubation_institutions"
    assert (rows.loc["8家", "indicator"], rows.loc["8家", "scope"]) == ("incubation_institutions", "national_level")
    assert not calibration.may_be_high(rows.loc["6家", "evidence"])  # an inference: never confident


def test_two_things_with_no_umbrella_take_the_first_and_are_never_confident(tagger):
    rows = _rows("到2025年，在孵企业和创业团队达到450个。", tagger)
    assert (rows.loc["450个", "indicator"], rows.loc["450个", "kind"]) == ("firms_in_incubation", "target")
    assert rows.loc["450个", "evidence"].endswith("coordinated")
    assert not calibration.may_be_high(rows.loc["450个", "evidence"])


def test_a_governments_own_level_pays(tagger):
    rows = _rows("区本级安排科技孵化专项资金不低于3000万元。", tagger)
    row = rows.loc["不低于3000万元"]
    assert (row["indicator"], row["scope"], row["kind"]) == ("programme_budget", "municipal_level", "funding")


def test_money_reported_as_paid_out_is_funding_not_a_rule(tagger):
    rows = _rows("全年兑现孵化载体绩效奖励1200万元，惠及载体25家。", tagger)
    assert (rows.loc["1200万元", "indicator"], rows.loc["1200万元", "kind"]) == ("subsidies", "funding")
    # 用于 heads a list: both amounts (900 + 300 = 1200万元) were spent as awards
    rows = _rows("资金主要用于孵化载体运营补贴900万元、新认定载体一次性奖励300万元。", tagger)
    assert list(rows.loc[["900万元", "300万元"], "kind"]) == ["funding", "funding"]


def test_a_rule_stays_a_rule_beside_a_paying_word(tagger):
    # 列支 after the amount, 发放 in an earlier phrase: neither reports the amount as paid
    rows = _rows("对新认定的孵化器给予一次性奖励50万元，奖励资金从专项资金中列支。", tagger)
    assert rows.loc["50万元", "kind"] == "rule"
    rows = _rows("每年发放创新券，每张最高补助5万元。", tagger)
    assert rows.loc["5万元", "kind"] == "rule"


def test_recipients_counted_and_each_paid_are_a_report_of_funding(tagger):
    # 3 incubators each paid 80万元 (3 × 80 = 240万元 paid): a report; 22 carriers paid: counted, no rule
    text = "其中，对新认定的国家级孵化器3家各奖励80万元，对22家市级以上孵化器和众创空间发放运营补助1500万元。"
    rows = _rows(text, tagger)
    assert (rows.loc["80万元", "scope"], rows.loc["80万元", "kind"]) == ("national_level", "funding")
    row = rows.loc["22家"]
    # the money before it is no parent of a count; 市级以上 stays on the noun the measure word quantifies
    assert (row["indicator"], row["scope"]) == ("incubation_institutions", "municipal_level")
    assert not calibration.may_be_high(row["evidence"])  # no kind cue of its own


def test_a_number_that_counts_places_does_not_count_the_object_of_their_verb(tagger):
    # 六个 counts 县区 (not in the codebook); 建有 is their predicate, so 孵化载体 is no object of 个
    row = _rows("全市十个县区中已有六个建有省级以上孵化载体。", tagger).loc["六个"]
    assert not row["evidence"].startswith("object")
    assert not calibration.may_be_high(row["evidence"])


def test_each_places_number_is_never_confident(tagger):
    row = _rows("每个乡镇至少建成1家省级以上众创空间。", tagger).loc["1家"]
    assert (row["indicator"], row["kind"]) == ("maker_spaces", "target")
    assert row["evidence"].endswith("per_place") and not calibration.may_be_high(row["evidence"])


def test_a_level_inside_a_subjects_clause_is_not_the_subjects_own(tagger):
    # 省级 is the money passed down's; the budget added is the document's: a phrase level, not its own
    row = _rows("年中根据省级资金下达情况追加预算900万元。", tagger).loc["900万元"]
    assert row["evidence"].split("|")[1] != "own"
    assert not calibration.may_be_high(row["evidence"])


def test_an_item_of_a_list_of_recipients_is_money_paid_at_its_level(tagger):
    text = "优秀等次单位名单及奖励金额如下：\n1.某某创业中心（国家级孵化器） 80万元\n2.某某众创空间（省级众创空间） 50万元\n"
    rows = _rows(text, tagger)
    assert tuple(rows.loc["80万元", ["indicator", "scope", "kind"]]) == ("subsidies", "national_level", "funding")
    assert tuple(rows.loc["50万元", ["indicator", "scope", "kind"]]) == ("subsidies", "provincial_level", "funding")
    assert not calibration.may_be_high(rows.loc["80万元", "evidence"])  # read from the list's shape: an inference


def test_an_umbrellas_pair_before_a_number_with_no_noun_is_the_umbrella(tagger):
    # 58 → 67 (9 more) carriers of both kinds: 众创空间, the nearest alias, ends the pair 孵化器和众创空间
    rows = _rows("全市孵化器和众创空间总数由上年的58家增至67家。", tagger)
    assert list(rows.loc[["58家", "67家"], "indicator"]) == ["incubation_institutions"] * 2
    # a pair the codebook has no umbrella for keeps the nearest alias
    rows = _rows("全市高新技术企业和众创空间由上年的58家增至67家。", tagger)
    assert rows.loc["67家", "indicator"] == "maker_spaces"
