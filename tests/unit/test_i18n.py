"""The reports' two languages (analysis.i18n): sentences made in both, records kept as written."""

from __future__ import annotations

import pandas as pd
from tests.languages import english_phrases

from analysis import profile, report
from analysis.i18n import Record, Text, flatten, pick, record


def test_a_sentence_is_english_where_it_is_printed_and_chinese_for_a_chinese_report():
    t = Text("3 observed", "实际值3") + Text("; late", ";晚")
    assert (str(t), t("en"), t("zh")) == ("3 observed; late", "3 observed; late", "实际值3;晚")
    joined = Text.join([Text("a", "甲"), "b"])  # a plain string stays as it is in both
    assert (joined.en, joined.zh) == ("a; b", "甲;b")
    assert repr(Text("x", "甲")) == "'x'"  # a list of readings in a CSV cell reads as before


def test_a_table_keeps_both_languages_as_two_columns():
    row = flatten({"verdict_reason": Text("no outcome", "没有结果"), "value": 3})
    assert row == {"verdict_reason": "no outcome", "verdict_reason_zh": "没有结果", "value": 3}
    frame = pd.DataFrame([row])  # survives any pandas string dtype, and a CSV
    assert pick(frame.iloc[0], "verdict_reason", "zh") == "没有结果"
    assert pick(frame.iloc[0], "verdict_reason", "en") == "no outcome"
    assert pick({"reason": "only English"}, "reason", "zh") == "only English"  # no twin: the English


def test_a_persons_words_are_shown_as_written_and_marked_with_their_language():
    assert record("a curator's note", "en", "en") == "a curator's note"  # same language: plain
    assert record("–", "en", "zh") == "–" and record(None, "en", "zh") is None
    cell = record("a <b> note", "en", "zh")
    assert cell == Record("a <b> note", "en")
    html = report.to_html(pd.DataFrame({"note": [cell], "text": ["<i>"]}))
    assert '<span lang="en">a &lt;b&gt; note</span>' in html and "&lt;i&gt;" in html  # escaped, marked


def test_the_english_check_finds_a_sentence_and_spares_codes_and_records():
    page = ('<main><p>结论:不稳健</p><p>the outcome as of mid-2020 before the deadline</p>'
            '<p>代码 <code>python -m analysis review some doc</code> S_FUN E_TAX D_DEM jiaxing-seed-fund-match</p>'
            '<td><span lang="en">a curator wrote this note in English</span></td></main>')
    # "the outcome as of mid" (5 words; "2020" ends the run); code, identifiers (one word each at
    # most) and records are spared
    assert english_phrases(page) == ["the outcome as of mid"]


def test_the_profile_headline_in_chinese_counts_by_kind(monkeypatch):
    figures = pd.DataFrame({"region": ["r"] * 4, "kind": ["target", "target", "baseline", "funding"],
                            "status": ["reviewed", "draft", "reviewed", "reviewed"]})
    # 4 figures: 1 baseline, 2 targets, 1 funding (in _KIND_ORDER); 1 drafted
    assert profile.figures_headline(figures, "r", "zh") == "4个数字(基线1个、目标2个、资金1个);1个由代码草拟,未审核"
    assert profile.figures_headline(figures, "r") == "4 figures (1 baseline, 2 target, 1 funding); 1 drafted by code, not reviewed"


def test_the_parameters_table_is_in_the_reports_language():
    from analysis import outputs

    en = outputs.parameters_output({"lang": "en", "year": 2018}, {"year"})["data"]["text/html"]
    zh = outputs.parameters_output({"lang": "zh", "year": 2018}, {"lang"})["data"]["text/html"]
    assert "<caption>Parameters of this run</caption>" in en and "<code>2018</code></td><td>given" in en
    assert "<caption>本次运行的参数</caption>" in zh and "<code>&#x27;zh&#x27;</code></td><td>给定" in zh
    assert "<code>2018</code></td><td>默认" in zh
