"""The shape of the text around a number (``analysis.text_shape``): a clause cut by a line break
where no sentence ends (text pasted from a PDF), page furniture, a table row, who pays, and the
four municipalities. The sentences are written for these tests (no fact)."""

import pytest

from analysis import text_shape


def _caveats(text, mention):
    return text_shape.caveats(text, text.index(mention))


def test_wrapped_lines_are_a_broken_clause():
    # three lines of one sentence, each cut where the page ends (both lines of the number end mid-sentence)
    text = ("近年来全市科技企业孵化器建设取得明显成效截至去年底共有科技企业\n"
            "孵化器45家其中国家级孵化器12家省级孵化器20家众创空间达到\n"
            "38家。\n")
    assert _caveats(text, "45家") == ["broken"]
    assert _caveats(text, "38家") == ["broken"]  # the two lines before it end mid-sentence


def test_page_furniture_between_the_halves_is_a_break():
    text = "全市新认定的市级以上科技企业孵化器和众创空间达到\n— 3 —\n38家，居全省前列。\n"
    assert _caveats(text, "38家") == ["broken"]


def test_one_title_line_before_prose_is_no_break():
    # a web page's title (no full stop) and then a paragraph that ends its sentence: one line mid-sentence only
    text = "全市孵化器数量突破一百家创新创业生态持续优化\n截至2022年底，全市共有孵化器105家。\n"
    assert _caveats(text, "105家") == []


def test_numbered_headings_are_no_break():
    text = ("三、加大创新创业载体的建设力度推进专业化发展\n（一）培育一批专业化的众创空间和孵化器\n"
            "全市已建成众创空间30家。\n")
    assert _caveats(text, "30家") == []


@pytest.mark.parametrize("line", ["众创空间\t30\t45\t60", "2021年  30  45  60", "孵化器 | 12 | 15"])
def test_a_table_row_is_a_cell(line):
    assert "cell" in text_shape.caveats(line + "\n", 0 if line[0].isdigit() else line.index("3") if "3" in line
                                        else line.index("1"))


def test_prose_with_several_numbers_is_no_cell():
    # 3 numbers and 17 Chinese characters (全市众创空间 家 孵化器 家 在孵企业 家): 17 >= 4 * 3 = 12, prose
    text = "全市众创空间30家，孵化器20家，在孵企业1000家。\n"
    assert _caveats(text, "20家") == []


@pytest.mark.parametrize("head, scope", [
    ("市财政每年安排不少于", "municipal_level"),
    ("自治区本级财政安排孵化载体建设专项资金", "provincial_level"),
    ("省财政安排", "provincial_level"),
    ("各市、县配套安排资金", "municipal_level"),
    ("区财政每年安排", "municipal_level"),
    ("每年安排专项资金", ""),  # no payer written
])
def test_the_payer_sets_the_level_of_money(head, scope):
    assert text_shape.payer_level(head)[0] == scope


@pytest.mark.parametrize("region_zh, region, parent, inside", [
    ("重庆市", "chongqing", "", True),
    ("渝北区", "yubei", "chongqing", True),  # a district of a municipality
    ("上海市", "shanghai", "", True),
    ("成都市", "chengdu", "sichuan", False),
])
def test_the_four_municipalities(region_zh, region, parent, inside):
    assert text_shape.in_municipality(region_zh, region, parent) is inside
