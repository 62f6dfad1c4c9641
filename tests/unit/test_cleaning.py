"""Cleaning: ruby, Traditional -> Simplified, width, web chrome, and the offset map back to raw bytes."""

from __future__ import annotations

import random

import pytest

from analysis.cleaning import _t2s, clean_text, strip_ruby, utf8_offsets


# --- pinyin ruby -------------------------------------------------------------------
@pytest.mark.parametrize("raw, expected", [
    ("創(chuàng)業(yè)", "創業"),
    ("20 萬(wàn)元", "20 萬元"),  # between a number and its unit
    ("眾(zhòng)創(chuàng)空(kōng)間(jiān)", "眾創空間"),
    ("地(州、市)", "地(州、市)"),  # real parentheses stay
    ("意見(試行)", "意見(試行)"),
    ("(責任單位:市科技局)", "(責任單位:市科技局)"),
    ("計劃(2016~2018年)", "計劃(2016~2018年)"),
    ("CoCoSpace(abc)", "CoCoSpace(abc)"),  # not glued to a Chinese character
])
def test_strip_ruby(raw, expected):
    assert strip_ruby(raw) == expected


def test_toneless_syllable_is_ruby_only_in_a_ruby_text():
    # "(de)" has no tone mark: alone it may be a real label, in a ruby text it is ruby.
    assert strip_ruby("目的(de)") == "目的(de)"
    ruby_text = "創(chuàng)" * 10 + "的(de)"
    assert strip_ruby(ruby_text) == "創" * 10 + "的"


# --- conversion and width ------------------------------------------------------------
def test_traditional_becomes_simplified_and_full_width_becomes_ascii():
    c = clean_text("眾創空間ＡＢ１２　３家，共計。")
    # full-width digits/letters/space -> ASCII; Chinese punctuation kept
    assert c.text == "众创空间AB12 3家，共计。"


def test_no_traditional_characters_remain(cleaned):
    for doc_id, c in cleaned.items():
        assert _t2s().convert(c.text) == c.text, doc_id


def test_white_space_is_one_paragraph_per_line():
    c = clean_text("  第一段。 \r\n\r\n\n　　第二段   有  空格。\n\n")
    assert c.text == "第一段。\n第二段 有 空格。"


# --- web chrome ------------------------------------------------------------------------
RELATED_READING_FIGURES = ["111条", "1200亿元", "17 4%", "7 5%", "5000平方米", "18项罪名"]


@pytest.mark.parametrize("fragment", RELATED_READING_FIGURES + [
    "ICP备11041399", "010-65363056", "京公网安备", "版权", "热点视频", "微信公众号", "来源:", "转自"])
def test_xinjiang_chrome_removed(cleaned, fragment):
    assert fragment not in cleaned["xinjiang-2017"].text


def test_xinjiang_body_kept(cleaned):
    text = cleaned["xinjiang-2017"].text
    assert text.startswith('新疆:"天山众创行动"激活创新基因\n1993年')
    assert text.endswith("被纳入国家级科技企业孵化器管理服务体系。")
    assert "在孵企业1128余家" in text and "设立创业投资种子基金累计1600余万元" in text


def test_liaoning_county_link_list_and_editor_removed(cleaned):
    text = cleaned["liaoning-2015"].text
    for fragment in ("岳阳县", "麦盖提县", "相关阅读", "编辑:陈文韬", "08:41:00"):
        assert fragment not in text
    assert text.endswith("搭建了创业培训体系。")
    assert "计划5年投入资金1.5亿元" in text


def test_urumqi_companion_article_kept_but_its_heading_removed(cleaned):
    text = cleaned["urumqi-2019"].text
    assert "延伸阅读" not in text and "发布时间" not in text and "---|" not in text
    assert "任务之八" in text and "围绕8项重点任务打造“双创”升级版" in text


def test_jiaxing_login_box_removed(cleaned):
    text = cleaned["jiaxing-2017"].text
    for fragment in ("欢迎来到", "用户名和密码", "登录", "位置: 首页", "阅读次数", "视频免费观看", "赛区 部门 其他"):
        assert fragment not in text
    assert text.startswith("建设具有长三角影响力的“科技企业孵化之城”三年行动方案(2016~2018年)\n")
    assert "(责任单位:市科技局)" in text


def test_shaoxing_table_pipe_removed(cleaned):
    assert cleaned["shaoxing-2017"].text.endswith("激发全社会创新创业热情。")


# --- offsets ------------------------------------------------------------------------
def test_utf8_offsets():
    # "a" 1 byte, "é" 2 bytes, "众" 3 bytes, "😀" 4 bytes: cumulative 0, 1, 3, 6, 10
    assert utf8_offsets("aé众😀").tolist() == [0, 1, 3, 6, 10]


def test_each_clean_character_comes_from_its_raw_bytes(cleaned):
    width = str.maketrans({0x3000: " ", 0xA0: " "})
    for doc_id, c in cleaned.items():
        raw = c.raw.encode("utf-8")
        for i, ch in enumerate(c.text):
            rs, re_ = c.raw_span(i, i + 1)
            source = raw[rs:re_].decode("utf-8")
            assert len(source) == 1, (doc_id, i)
            if source == ch or source == "\n":
                continue
            converted = _t2s().convert(source).translate(width)
            if converted != ch and 0xFF00 < ord(source) < 0xFF5F:
                converted = chr(ord(source) - 0xFEE0)
            assert converted == ch, (doc_id, i, source, ch)


def _reclean(fragment: str) -> str:
    """What the cleaning does to text inside one paragraph: ruby, t2s, width, spaces."""
    return " ".join(_t2s().convert(strip_ruby(fragment)).translate(str.maketrans({0x3000: " "})).split())


def test_random_spans_round_trip_to_raw_bytes(cleaned):
    # 400 random spans inside each paragraph of each document: the raw bytes the span
    # maps to, cleaned again, give back the span.
    rng = random.Random(20261121)
    checked = 0
    for doc_id, c in cleaned.items():
        raw = c.raw.encode("utf-8")
        paragraphs, pos = [], 0
        for line in c.text.split("\n"):
            paragraphs.append((pos, pos + len(line)))
            pos += len(line) + 1
        for _ in range(400):
            p0, p1 = rng.choice(paragraphs)
            start = rng.randrange(p0, p1)
            end = rng.randrange(start + 1, min(p1, start + 60) + 1)
            rs, re_ = c.raw_span(start, end)
            assert _reclean(raw[rs:re_].decode("utf-8")) == " ".join(c.text[start:end].split()), (doc_id, start, end)
            checked += 1
    assert checked == 2000


def test_a_hedged_figure_traces_back_to_its_ruby_bytes(cleaned):
    c = cleaned["xinjiang-2017"]
    start = c.text.index("35万余平方米")
    rs, re_ = c.raw_span(start, start + len("35万余平方米"))
    assert c.raw.encode("utf-8")[rs:re_].decode("utf-8") == "35萬(wàn)余平方米"  # as in the raw file: ruby on 萬 only


def test_runs_cover_the_cleaned_text(cleaned):
    for c in cleaned.values():
        runs = c.runs()
        assert runs[0][0] == 0 and runs[-1][1] == len(c.text)
        assert all(a[1] == b[0] for a, b in zip(runs, runs[1:], strict=False))


def test_cleaning_is_deterministic(catalogue, cleaned):
    for c in cleaned.values():
        again = clean_text(c.raw)
        assert again.text == c.text and (again.source == c.source).all()


@pytest.mark.parametrize("line", ["视频里这位小姐姐直播带货单场卖了50w‼️", "视频号粉丝破万", "本期视频播放量3.2万次",
                                  "创业大赛视频直播观看人数超过1200人"])
def test_a_post_about_a_video_that_reports_a_figure_is_kept(line):
    # a figure with its unit or scale (50w, 破万, 3.2万次, 1200人) is content, not a video's title on a page
    assert line in clean_text(f"今天的创业大赛太精彩了！\n{line}\n").text


@pytest.mark.parametrize("line", ["成长在线视频免费观看", "2024年双创活动周视频回顾"])
def test_a_video_title_is_still_chrome(line):
    # a title with no figure (a year is no figure) stays web chrome
    assert line not in clean_text(f"今天的创业大赛太精彩了！\n{line}\n").text
