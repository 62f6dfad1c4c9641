"""A web page saved as HTML source is cleaned to the text its reader sees (analysis.html_source)."""

from __future__ import annotations

import pytest

from analysis import html_source
from analysis.cleaning import clean_text
from analysis.quantities import extract

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某市众创空间管理办法</title>
<script>var stats = "1000万元"; if (a < b && c > d) {}</script>
<style>.a{width:100px}</style><!-- 访问量 88888 --></head>
<body><div class="nav"><a href="/" title="a > b">首页</a> &gt; <a href="/zw">政务公开</a></div>
<div class="article"><h1>某市众创空间管理办法</h1>
<p>第一条&nbsp;&nbsp;截至2023年底，全市已有众创空间&#49;&#50;家，孵化器8家。</p>
<p>第二条 对新认定的国家级众创空间，给予一次性奖励100&#x4E07;元。<br>到2025年达到20家。</p>
<table><tr><th>指标</th><th>2022年</th></tr><tr><td>众创空间（家）</td><td>10</td></tr></table>
</div></body></html>
"""


def test_a_page_source_becomes_its_visible_text_line_by_line():
    text = clean_text(PAGE).text
    lines = text.split("\n")
    # the script's and the comment's numbers are gone with them; tags out; references decoded
    assert "1000万元" not in text and "88888" not in text and "<" not in text and "&" not in text
    assert "第一条 截至2023年底，全市已有众创空间12家，孵化器8家。" in lines  # &nbsp;&nbsp; -> one space
    # <br> is a line break; &#x4E07; is 万
    assert "第二条 对新认定的国家级众创空间，给予一次性奖励100万元。" in lines and "到2025年达到20家。" in lines
    # each table row a line, each cell opened by "|" (a Markdown table's row)
    assert "|指标|2022年" in lines and "|众创空间（家）|10" in lines


def test_the_numbers_a_reader_sees_are_extracted_and_traced_to_the_raw_bytes():
    cleaned = clean_text(PAGE)
    found = {(m.text, m.value) for m in extract(cleaned.text)}
    # 12家 from two references (&#49;&#50;), 100万元 = 100 x 10,000 = 1,000,000 yuan
    assert ("12家", 12) in found and ("100万元", 1_000_000) in found
    assert not any(value == 10_000_000 for _, value in found)  # the script's 1000万元
    at = cleaned.text.index("12家")
    start, end = cleaned.raw_char_span(at, at + 3)
    assert PAGE[start:end] == "&#49;&#50;家"


@pytest.mark.parametrize("text", [
    "网页中的<p>标签不是本文的内容，众创空间达到10家。",  # one tag mentioned in prose
    "对a<b且c>d的情形，给予补助。",  # comparison signs
    "AT&T 在园区设立孵化器&nbsp;1家。",  # a reference in a plain text is left (not a page)
    # inline markup only, however much (a hostile text): shown as text by every page, never stripped here
    '<img src=x onerror="alert(1)">众创空间<b>12家</b>，孵化器<b>3家</b>。<script>alert(2)</script>',
])
def test_a_plain_text_that_mentions_tags_is_not_a_page(text):
    assert not html_source.is_html(text)
    assert clean_text(text).text == text


def test_a_fragment_without_a_doctype_is_a_page_from_three_common_tags():
    fragment = "<div><p>众创空间12家</p></div>"
    assert html_source.is_html(fragment)  # <div>, <p>, </p>, </div>: four common tags
    assert clean_text(fragment).text == "众创空间12家"


def test_a_quoted_attribute_may_hold_an_angle_bracket():
    # the tag ends at the > outside the quotes: nothing of the attribute is left in the text
    assert clean_text('<html><a title="x > y" href="/">首页</a><p>孵化器3家</p></html>').text == "首页\n孵化器3家"


def test_edits_inside_a_removed_script_are_dropped_with_it():
    text = "<html><script>document.write('<p>&amp;</p>')</script><p>a</p></html>"
    spans = html_source.edits(text)
    script_end = text.index("</script>") + len("</script>")
    assert (text.index("<script>"), script_end, "") in spans
    assert all(s >= script_end or e <= text.index("<script>") for s, e, r in spans if (s, e, r) != (6, script_end, ""))


def test_a_table_of_figures_is_read_as_the_drafters_read_a_markdown_table():
    page = ("<html><body><table><tr><th>年份</th><th>众创空间（家）</th><th>孵化器（家）</th></tr>"
            "<tr><td>2022</td><td>10</td><td>3</td></tr><tr><td>2023</td><td>12</td><td>4</td></tr></table></body></html>")
    found = {(m.text, m.value, m.unit) for m in extract(clean_text(page).text)}
    # the cells take the unit of their column's head: 家 -> count; 2022 and 2023 are years, not quantities
    assert {("10", 10, "count"), ("3", 3, "count"), ("12", 12, "count"), ("4", 4, "count")} <= found
    assert not any(value in (2022, 2023) for _, value, _ in found)


def test_a_page_laid_out_in_a_one_cell_table_keeps_its_paragraphs_plain():
    page = "<html><body><table><tr><td><p>第一条 众创空间达到12家。</p><p>第二条 孵化器8家。</p></td></tr></table></body></html>"
    assert clean_text(page).text == "第一条 众创空间达到12家。\n第二条 孵化器8家。"


def test_a_cell_spanning_rows_or_columns_leaves_every_row_the_headers_number_of_cells():
    # 孵化器 spans two rows and 合计 two columns: the rows under and beside them get an empty cell, so each row has four
    # cells under the four heads: 800 m2 and 30 firms for 乙园, 2,000 m2 and 75 firms in total (1,200 + 800, 45 + 30)
    page = ("<html><body><table>"
            "<tr><th>类型</th><th>名称</th><th>面积（平方米）</th><th>在孵企业（家）</th></tr>"
            '<tr><td rowspan="2">孵化器</td><td>甲园</td><td>1200</td><td>45</td></tr>'
            "<tr><td>乙园</td><td>800</td><td>30</td></tr>"
            '<tr><td colspan="2">合计</td><td>2000</td><td>75</td></tr>'
            "</table></body></html>")
    assert clean_text(page).text.split("\n")[2:] == ["||乙园|800|30", "||合计|2000|75"]
    assert [(q.text, q.value, q.unit) for q in extract(page, doc_year=2024)] == [
        ("1200", 1200.0, "m2"), ("45", 45.0, "count"), ("800", 800.0, "m2"), ("30", 30.0, "count"),
        ("2000", 2000.0, "m2"), ("75", 75.0, "count")]


def test_a_header_of_two_rows_gives_each_sub_head_its_group_heads_unit():
    # 载体数量（家） spans 众创空间 and 孵化器: 12 and 3 are counts (家); 区县 and 孵化面积 span both header rows;
    # 5.5 万平方米 = 55,000 m2
    page = ("<html><body><table>"
            '<tr><th rowspan="2">区县</th><th colspan="2">载体数量（家）</th><th rowspan="2">孵化面积（万平方米）</th></tr>'
            "<tr><th>众创空间</th><th>孵化器</th></tr>"
            "<tr><td>东城区</td><td>12</td><td>3</td><td>5.5</td></tr>"
            "</table></body></html>")
    assert [(q.text, q.value, q.unit) for q in extract(page, doc_year=2024)] == [
        ("12", 12.0, "count"), ("3", 3.0, "count"), ("5.5", 55000.0, "m2")]
