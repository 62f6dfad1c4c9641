"""Every quantity mention in a Chinese policy text: number, magnitude, unit, hedge, the year it refers to, and what
kind of figure it is. Works on raw or cleaned text, Traditional or Simplified: raw text is cleaned first
(``analysis.cleaning``), and offsets are given both in the cleaned text and in the bytes of the text as given.

Numbers (``analysis.numerals``): Arabic (``1.5``, ``8,507``, ``8 507``, ``1，200``, a full-width point ``1．2``),
Chinese (``十二``, ``两亿``, ``十五``, ``三点五``; cn2an, except a bare magnitude: the 万 of ``逾万人``, the 十 of
``十余家``), mixed (``3亿5000万``, ``3亿5千万``, ``5千万``, ``1万2千余``, ``1万2``: cn2an's "smart" mode), ratios
(``按1:1配套``), tenths (``六成``: 60 percent), followed by a magnitude (千 万 亿, 千万 …) and a unit, also a noun
used as one (``三市两区``: places counted). The value is as stated, in the unit stated (``50亩`` is 50 ``mu``,
``3万美元`` 30,000 ``USD``): conversion to an indicator's unit is ``analysis.units``' business, where figures are
compared. Hedges become a qualifier. Years, dates, document numbers, ordinals, plan names (``十三五``: a plan period, see
``plan_period``) and list numbering are reported with kind ``not_a_quantity`` (left out unless asked for). A number
that lost its decimal point in the web copy (``17 4%``) is ``ambiguous``, with no value.

Speech and informal text (``analysis.spoken_numbers``): money without 元 (``将近两个亿``, ``大概八千万``), a currency
before the number (``HK$50万``), neighbouring numerals as a range (``两三家``), ``5200+``, counts with no measure word
(``企业100余``, ``直播观看3.2w``), web shorthand (``5k平方米``, ``奖励30w``), a page's counters (``阅读 10万+``), the
top N of a ranking (``跻身前十``, ``TOP10``), ``×2``, a noun's number (``记录数：10``) and a numeral a scan lost (``囗家``:
``analysis.lost_numerals``). A paper's statistics and a standard's codes (``p<0.01``, ``R² 0.21``, ``DB37/T 4618—2023``)
are no quantities, a sample's size (``N=1,300``) a count (``analysis.statistics_notation``); tables, a CSV export
among them (``analysis.delimited``), are read cell by cell with their heads' units (``analysis.table_grid``). English numbers
(``2.1 million square meters``, ``RMB 3.5 billion``, ``24 months``) are read by ``analysis.quantities_english``, whose
reading replaces this module's for every number whose nearest letters are not Chinese.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from analysis import lost_numerals, quantities_english, quantity_hedges, spoken_numbers, table_cells, table_grid
from analysis import units as unit_codes
from analysis.cleaning import Cleaned, clean_text
from analysis.not_quantities import inside_title, not_a_quantity
from analysis.numerals import (
    MAGNITUDES,
    TENTHS,
    fraction_at,
    ocr_digits,
    parse_arabic,
    parse_chinese_number,
    ratio_at,
    strip_separators,
    tenths,
)
from analysis.planperiods import plan_period, plan_period_target_year
from analysis.quantity_hedges import HEDGE_RIGHT_BEFORE
from analysis.quantity_hedges import hedges as _hedges
from analysis.quantity_mention import KINDS, LOWER_BOUND, QUALIFIERS, UPPER_BOUND, Mention, bounds, with_note

__all__ = ["Mention", "extract", "extract_text", "parse_chinese_number", "plan_period", "plan_period_target_year",
           "UNITS", "QUALIFIERS", "KINDS", "LOWER_BOUND", "UPPER_BOUND"]


# measure word -> unit code (analysis.units); longest first when matching. 月 and 日 are durations only where the text
# is no date (analysis.not_quantities decides first); 年 after a year (2020年) is a year, after any other number a duration;
# 成 is tenths (六成 = 60 percent, numerals.tenths); a place is a measure word too (三市两区五县: places counted)
UNITS = {
    "平方米": "m2", "平米": "m2", "平": "m2", "㎡": "m2", "m²": "m2", "平方公里": "km2", "平方千米": "km2", "km²": "km2",
    "公顷": "ha", "亩": "mu", "人次": "person", "人": "person", "名": "person", "位": "person",
    "场次": "count", "家次": "count", "项次": "count", "批次": "count", "户次": "count",
    "家": "count", "个": "count", "项": "count", "条": "count", "台": "count", "套": "count",
    "户": "count", "份": "count", "场": "count", "批": "count", "所": "count", "座": "count", "支": "count",
    "件": "count", "次": "count", "笔": "count", "间": "count", "栋": "count", "幢": "count", "张": "count",
    "篇": "count", "款": "count", "类": "count", "门": "count", "处": "count", "辆": "count", "种": "count", "期": "count",
    "册": "count", "本": "count", "页": "count", "章": "count", "学时": "count", "课时": "count", "机时": "count", "方面": "count",  # 16学时, 三方面
    "届": "count",  # after Arabic digits only (举办3届): 十九届 names a Party congress
    "大": "count",  # 3大平台 (slides): after Arabic digits only, 十九大 names a congress and 两大 is often "two big"
    "分": "count",  # a score (综合得分86.5分, as the labels count it); after Arabic digits only (十分 is "very"), no time
    "市": "count", "区": "count", "县": "count", "省": "count", "镇": "count", "乡": "count", "街道": "count",
    "地": "count",  # 北京、上海、深圳三地: places counted
    "元": "CNY", "块钱": "CNY", "美元": "USD", "美金": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD", "日元": "JPY",
    "英镑": "GBP", "韩元": "KRW", "澳元": "AUD", "加元": "CAD", "新加坡元": "SGD", "新台币": "TWD",
    "澳门元": "MOP", "澳门币": "MOP", "瑞士法郎": "CHF", "卢布": "RUB",
    "%": "percent", "％": "percent", "成": "percent", "个百分点": "pp", "百分点": "pp", "倍": "times", "番": "times",
    "年": "years", "周年": "years", "周岁": "years", "岁": "years", "个月": "months", "月": "months",
    "个工作日": "days", "工作日": "days", "天": "days", "日": "days",
}
# a measure word that starts another word: 3天使投资机构 is no 3 days, 三市场 no three cities
_UNIT_NOT_BEFORE = {"页": "面码眉脚", "章": "程节法", "地": "方址铁标图球毯位产点税下上面表道段基带震质形貌理势",
                    "天": "使津山府", "大": "学赛会厦道街楼数力幅于型中专批步部多小概约致体师将队众户家",
                    "年": "度级", "场": "地所景", "间": "隔", "门": "类户槛", "处": "理置", "种": "子",
                    "支": "持付出", "期": "间末初限满中工项", "次": "产", "市": "场民值级属辖区县委政内外", "区": "间域块位别级内外",
                    "县": "级域城市区内", "省": "级份市内外会委政", "镇": "级", "乡": "村镇级", "成": "员果为立本功效交熟长都绩型品",
                    "类": "似型别比推", "本": "市区县省级地届次年月期部单报科专土办条领身",
                    "平": "台均方米安稳衡价等面常时原行坦息整稳",  # 2k+平, 100平: informal 平方米 after digits only
                    "分": "钟之别类析配享会局行支部站园院所校区期批级档步项散布工担摊成管流段红秒公"}  # 5分钟, 三分之一, 2分公司
_UNIT_RE = "|".join(re.escape(u) + (f"(?![{_UNIT_NOT_BEFORE[u]}])" if u in _UNIT_NOT_BEFORE else "")
                    for u in sorted(UNITS, key=len, reverse=True))
_MAGNITUDE_RE = f"万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|{spoken_numbers.LATIN_WAN}|{spoken_numbers.LATIN_THOUSAND}"
_FACTOR = {**MAGNITUDES, "w": 1e4, "W": 1e4, "k": 1e3, "K": 1e3}  # 5千万 = 5 x 10^7; 10w+ = more than 100,000; 5k = 5,000
_FINANCIAL = "壹贰叁肆伍陆柒捌玖拾佰仟"  # the numerals of amounts on cheques and contracts (壹佰万元)
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿" + _FINANCIAL

# thousands with a comma (also the Chinese one of full-width text, １，２００ → 1，200), with a
# space, a thin or narrow space (2 916, 2\u2009916), or none; a decimal point, also the full-width one (１．２亿 → 1．2亿)
_ARABIC = (r"\d{1,3}(?:,\d{3})+(?:[.．]\d+)?|\d{1,3}(?:，\d{3})+(?![\d.．])|\d{1,3}(?:[ \u2009\u202f]\d{3})+(?![\d.．])"
           r"|\d+(?:[.．]\d+)?")
_CANDIDATE = re.compile(rf"(?P<arabic>{_ARABIC})|(?P<chinese>[{_CN_DIGITS}]+(?:点[零〇一二三四五六七八九]+)?)")
# a mixed numeral after its first magnitude: 3亿|5000万, 3亿|5千万, 1万|2千
_COMPOUND_TAIL = re.compile(r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)(?:千万|百万|十万|万|千|百)")
_TENTH_TAIL = re.compile(rf"[1-9一二两三四五六七八九](?=\s*(?:{_UNIT_RE}))")  # 1万2家: one digit after 万 is its tenths


_SENTENCE_END = re.compile(r"[。！？\n]|[!?](?=\s|$)")
_YEAR_EXPR = re.compile(r"(?P<to>到|至|截至|截止到?|截至到)?\s*(?P<year>(?:19|20)\d{2})\s*年(?P<end>年?底|末)?")
_RULE_CUES = re.compile(r"对[^。;；]{0,60}?(的|者)[,，]?[^。;；]{0,30}?(给予|补助|补贴|奖励)|按[^。;；]{0,30}?\d+(\.\d+)?\s*[%％]"
                        r"|年补助|每年不超过|最高不超过|按评定等级")
_ACTUAL_CUES = re.compile(r"截至|截止|目前|已经|已|累计|现有|共有|建成|了")
_STATUS_CUES = re.compile(r"截至|截止|目前|已经|已|累计|现有|共有")  # that outweigh a plan period's "during"
_TARGET_CUES = re.compile(r"到\s*\d{4}\s*年|力争|计划|倍增|将(?!\S{0,8}(改造|纳入|升级))|争取")
_MONEY_CUES = re.compile(r"资金|基金|补助|补贴|奖励|投入|经费|出资|奖补")

def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, pos - 2000), pos)]
    start = ends[-1] if ends else max(0, pos - 2000)
    m = _SENTENCE_END.search(text, pos)
    return start, (m.end() if m and text[m.start()] != "\n" else (m.start() if m else len(text)))


def _clause_bounds(text: str, pos: int, s0: int, s1: int) -> tuple[int, int]:
    left = max(text.rfind(c, s0, pos) for c in ";；")
    rights = [i for i in (text.find(c, pos, s1) for c in ";；") if i >= 0]
    return (left + 1 if left >= 0 else s0), (min(rights) + 1 if rights else s1)


_UNIT_AT = re.compile(rf"\s*(?P<unit>{_UNIT_RE})")


def _year_for(text: str, s0: int, pos: int, s1: int, cleaned_text: str) -> tuple[int | None, bool, bool]:
    """(year referred to, whether it is a target year 到…年, whether it is a plan period's last
    year) from the sentence, else a plan period the sentence is about ("十三五"期间: its last
    year), else a preceding 到…年 or period."""
    years = [(m.start(), int(m.group("year")), bool(m.group("to") and m.group("to") in ("到", "至")))
             for m in _YEAR_EXPR.finditer(text, s0, s1) if not inside_title(text, m.start())]
    before = [y for y in years if y[0] < pos]
    if before:
        return before[-1][1], before[-1][2], False
    if years:
        return years[0][1], years[0][2], False
    period_end = plan_period_target_year(text[s0:s1])
    if period_end is not None:
        return period_end, True, True
    # a goal list under "到2020年, ..." (or "十三五"期间) earlier in the same section (up to five
    # paragraphs back, not past a top-level heading such as "二、发展目标")
    para_start = cleaned_text.rfind("\n", 0, s0) + 1
    window = cleaned_text[para_start:s0]
    for _ in range(6):
        targets = [m for m in _YEAR_EXPR.finditer(window) if m.group("to") == "到"]
        if targets:
            return int(targets[-1].group("year")), True, False
        period_end = plan_period_target_year(window) if re.search(r"[:：]\s*$", window) or len(window) < 30 else None
        if period_end is not None:  # a heading ("十四五"期间主要目标:), not a sentence of its own
            return period_end, True, True
        if para_start <= 0 or re.match(r"[一二三四五六七八九十]+、", window):
            break
        prev = cleaned_text.rfind("\n", 0, para_start - 1) + 1
        window, para_start = cleaned_text[prev:para_start - 1], prev
    return None, False, False


def _kind(unit: str | None, sentence: str, clause: str, offset_in_clause: int, year: int | None,
          is_target_year: bool, doc_year: int | None, default: str) -> str:
    rule = _RULE_CUES.search(clause)
    if rule and offset_in_clause >= rule.start() - 2:  # the rule's condition or amount, not what precedes it
        return "rule"
    if unit_codes.DIMENSIONS.get(unit or "") == "money":
        return "funding"
    if _ACTUAL_CUES.search(sentence) and not is_target_year:
        return "actual"
    if is_target_year or _TARGET_CUES.search(sentence):
        if doc_year is not None and year is not None and year <= doc_year and not is_target_year:
            return "actual"
        return "target"
    if doc_year is not None and year is not None:
        return "target" if year > doc_year else "actual"
    return default


# --- the stages of reading one number ----------------------------------------------------------
def _rejected(text: str, start: int, end: int, num: str) -> tuple[str | None, int]:
    """Why the number at ``start:end`` is no quantity (inside a title, a year, a document
    number, a list number, a plan's name …), and where reading may go on; (None, end) if it is one."""
    if inside_title(text, start):
        return "title", end
    found = not_a_quantity(text, start, end, num)
    return found if found else (None, end)


def _lost_decimal(text: str, end: int) -> re.Match | None:
    """A decimal point lost in the web copy: "17 4%" (digits, a space, one or two digits, a unit)."""
    return re.match(r" (\d{1,2})(?!\d)(?=\s*(?:" + _UNIT_RE + r"|[千万亿]))", text[end:end + 4])


# 一 is "a" more often than one (一批, 一家, 一次性); it counts as a multiple or a length of time
_ONE_COUNTS = re.compile(r"倍|番|个百分点|年(?!一度|[级度])|个月|天|个工作日|周年|个(?=[多余]?[万亿])")
# 一 counts after its noun at the end of an item (新建孵化器一家、众创空间两家), and 一家都没有 is none
_ONE_ITEM = re.compile(r"(?:家|个|所|座|项|支|名|位|台|套|处)(?=[、，。；,;和]|$)")
_ONE_AFTER_NOUN = re.compile(r"(?![第每这那某哪同任唯统之其单另逐])[\u4e00-\u9fff]$")
_NONE_OF = re.compile(r"(?:家|个|项|所|名|位|件)(?:都|也)(?:没有|没|无)")
_ONCE_PER = re.compile(r"每[^，。；,;\n]{0,10}$")  # 每2年开展一次: a frequency, once in each period


def _number_value(text: str, start: int, num: str, is_chinese: bool, lost: bool) -> tuple[float | None, str | None]:
    """The number's value, or why it is not counted: "一批" is "a batch", "千人计划" a
    programme; "逾万人", "近千人", "十余家", "百余人", "十家" count."""
    value = parse_chinese_number(num) if is_chinese else (None if lost else parse_arabic(num))
    end = start + len(num)
    bare_magnitude = is_chinese and num in MAGNITUDES
    hedged = bool(HEDGE_RIGHT_BEFORE.search(text, max(0, start - 5), start)) \
        or text[start - 1:start] in ("上", "过", "破") and start > 0 or text[max(0, start - 3):start] == "百分之" \
        or text[end:end + 1] in ("余", "多", "来", "几") and text[end:end + 1] != ""
    if bare_magnitude and num == "十" and not hedged and _UNIT_AT.match(text, end):
        hedged = True  # 十家左右: ten, not a magnitude
    if bare_magnitude and _TOP_N.search(text, max(0, start - 3), start):
        hedged = True  # 跻身前十, 前百强: the top ten, the top hundred
    if is_chinese and num == "一" and _NONE_OF.match(text, end):
        return 0.0, None  # 国家级的一家都没有: none
    if is_chinese and num == "一" and (_ONE_COUNTS.match(text, end) or text.startswith("次", end)
                                      and not text.startswith("次性", end) and _ONCE_PER.search(text, max(0, start - 12), start)
                                      or _ONE_ITEM.match(text, end) and _ONE_AFTER_NOUN.search(text, max(0, start - 1), start)):
        return value, None
    if is_chinese and (value is None or num == "一" or bare_magnitude and not hedged):
        return value, "not_a_number" if value is None else "vague"
    return value, None


_TOP_N = spoken_numbers.TOP_N
_RANGE_DASH = r"[-~～至到—–－]"


def _compound(text: str, start: int, pos: int, value: float, factor: float) -> tuple[float, int]:
    """A mixed numeral that goes on after its first magnitude: 3亿|5000万, 1万|2千 (value, end)."""
    tail = _COMPOUND_TAIL.match(text, pos) or _TENTH_TAIL.match(text, pos)
    if not tail or factor < 1e4:
        return value, pos
    total = parse_chinese_number(strip_separators(text[start:tail.end()]), "smart")
    if total is None or not value < total < value + factor:  # 3万5万 is two numbers, not one
        return value, pos
    return total, tail.end()


def _range_and_magnitude(text: str, pos: int, value: float | None, is_chinese: bool, start: int | None = None
                         ) -> tuple[float | None, float | None, str, int]:
    """A range's upper end ("3-5万", "三至五家"), then 余/多 and the magnitude (万, 千万, 亿 …)
    after the number, and a mixed numeral's rest (3亿5000万): (value, range_high, qualifier,
    position after them)."""
    range_high = None
    r = re.match(rf"\s*{_RANGE_DASH}\s*({_ARABIC if not is_chinese else f'[{_CN_DIGITS}]+'})", text[pos:pos + 20])
    if r and (_UNIT_AT.match(text, pos + r.end()) or re.match(r"\s*[千万亿]", text[pos + r.end():])):
        range_high = parse_chinese_number(r.group(1)) if is_chinese else parse_arabic(r.group(1))
        pos += r.end() if range_high is not None else 0
    qualifier = "exact"
    spoken = rf"(?:{spoken_numbers.SPOKEN_MAGNITUDE}(?=[多余]?[万亿]))?"  # 两个亿, 一个多亿
    post = re.match(rf"{spoken}(余|多|来|几)?(?:\s?({_MAGNITUDE_RE}))?(余|多|{spoken_numbers.PLUS})?", text[pos:pos + 6])
    assert post is not None  # every part is optional: it always matches, maybe empty
    if post.group():
        if post.group(1) or post.group(3):
            qualifier = "approx" if post.group(1) == "来" else "more_than"
        if post.group(2):
            factor = functools.reduce(lambda a, c: a * _FACTOR[c], post.group(2), 1.0)
            value = value * factor if value is not None else None
            range_high = range_high * factor if range_high is not None else None
            if start is not None and value is not None and not post.group(1) and not post.group(3) \
                    and range_high is None:
                value, end = _compound(text, start, pos + post.end(), value, factor)
                qualifier, end = ("more_than", end + 1) if end > pos + post.end() and text[end:end + 1] in "余多" else (qualifier, end)
                pos = end - post.end()
        pos += post.end()
        if range_high is None and post.group(2) and not is_chinese:  # 100万至300万元, 15万-25万, 8k–12k: both ends
            r = re.match(rf"\s*{_RANGE_DASH}\s*({_ARABIC})\s*({_MAGNITUDE_RE})", text[pos:pos + 20])
            if r and not re.match(rf"[\d{_CN_DIGITS}]", text[pos + r.end():pos + r.end() + 1]):
                range_high = parse_arabic(r.group(1)) * functools.reduce(lambda a, c: a * _FACTOR[c], r.group(2), 1.0)
                pos += r.end()
    return value, range_high, qualifier, pos


_PERSON_AFTER = re.compile(r"同学|学生|大学生|毕业生|人才|导师|专家|博士|硕士|员工|职工|创业者|创客|青年|农民|老师|教师|志愿者")


def _unit_at(text: str, start: int, pos: int) -> tuple[str | None, str, int]:
    """(unit, measure word, position after it); no unit: (None, "", pos). "百分之二十" is a percent,
    翻一番 a doubling (番 after 翻 only)."""
    unit_m = _UNIT_AT.match(text, pos)
    measure_word = unit_m.group("unit") if unit_m else ""
    if measure_word == "番" and not re.search(r"翻了?$", text[max(0, start - 2):start]) \
            or measure_word in ("届", "大") and not text[start].isdigit() \
            or measure_word == "平" and (unit_m is None or text[unit_m.start("unit") - 1] not in "0123456789kKwW+＋") \
            or measure_word == "分" and (not text[start].isdigit() or text[max(0, start - 1):start] in ("时", "点", ":", "：")):
        unit_m, measure_word = None, ""
    unit = UNITS.get(measure_word)
    if measure_word == "次" and text[start] == "一" and _ONCE_PER.search(text, max(0, start - 12), start):
        unit = "times"  # 每季度召开一次: a frequency, as the labels read it
    if measure_word == "个" and unit_m and _PERSON_AFTER.match(text, unit_m.end()):
        unit = "person"  # 两个同学, 三个毕业生: people counted with 个
    elif measure_word in ("名", "位") and re.search(r"(?:奖|前)$", text[max(0, start - 3):start]):
        unit = "count"  # 一等奖2名, 优秀奖10名, 前十名, 前5位: prizes and places, not people
    if unit is None and text[max(0, start - 3):start] == "百分之":
        unit, measure_word = "percent", "百分之"
    return unit, measure_word, (unit_m.end() if unit_m else pos)


def _unit_range(text: str, pos: int, measure_word: str) -> tuple[float, int] | None:
    """The upper end of a range written with the unit on both ends (5%-10%, 3万元至5万元) or on the lower end only, the
    upper's scale the lower's and the clause going on after it (5万元-10万, 500平方米-1000)."""
    r = re.match(rf"\s*{_RANGE_DASH}\s*({_ARABIC})\s*({_MAGNITUDE_RE})?\s*(?:{re.escape(measure_word)}|(?=[\s，。；、,;）)的]|$))",
                 text[pos:pos + 24])
    lower = re.search(rf"({_MAGNITUDE_RE})?\s*{re.escape(measure_word)}$", text[max(0, pos - 12):pos])
    if not r:
        return None
    if not r.group().endswith(measure_word) and (r.group(2) or "") != ((lower.group(1) or "") if lower else ""):
        return None  # 5万元-10: the upper end in another scale than the lower's, no range
    factor = functools.reduce(lambda a, c: a * _FACTOR[c], r.group(2) or "", 1.0)
    return parse_arabic(r.group(1)) * factor, pos + r.end()


def _as_stated(text: str, start: int, pre_start: int, pos: int, unit: str | None, measure_word: str,
               value: float | None, qualifier: str, note: str) -> tuple[float | None, str, int, int, str]:
    """What a few units mean: 翻一番 doubles (x 2^n); 近三年 is the last three years, not almost
    three; 3年内 is within three years (up to). (value, qualifier, start, end, note)."""
    if measure_word == "番" and value is not None:
        value, note = 2.0 ** value, with_note(note, f"翻{text[start:pos - 1]}番: x 2^{value:g}")
    if unit in unit_codes.DURATIONS:
        if qualifier == "almost" and text[pre_start:start] == "近":
            qualifier, pre_start, note = "exact", start, with_note(note, "近: the last … (a period), not almost")
        elif qualifier == "exact" and text.startswith("内", pos):
            qualifier, pos = "up_to", pos + 1
    return value, qualifier, pre_start, pos, note


def extract_text(cleaned: Cleaned, doc: str = "", doc_year: int | None = None,
                 include_all: bool = False, default_kind: str = "other") -> list[Mention]:
    """Quantity mentions of a cleaned text (see ``clean_text``). ``default_kind`` is the kind
    of a figure with no cue either way ("actual" suits a news report of what happened).

    Each candidate number goes through the stages above: rejected or not (``_rejected``), a
    lost decimal point, its value, a range and magnitude, its unit, the hedges around it, its
    bounds; then its sentence gives its year and kind. ``include_all`` keeps the rejected
    candidates too, as ``not_a_quantity`` with the reason."""
    text = ocr_digits(cleaned.text)  # 1O家, l00万元: letters for digits read as digits (same offsets)
    out: list[Mention] = []
    skip_to = 0
    cells = table_cells.cells(text, doc_year)  # a table's bare numbers: read below with their row's unit
    in_cell = {i for c in cells for i in range(c.start, c.end)}  # offsets, so a long table costs no pairwise test
    items = [c for c in table_grid.item_cells(text) if c.start not in in_cell and c.end - 1 not in in_cell]
    in_cell.update(i for c in items for i in range(c.start, c.end))
    for m in _CANDIDATE.finditer(text):
        start, end = m.span()
        if start < skip_to or start in in_cell or end - 1 in in_cell:
            continue
        num, is_chinese, note = m.group(), m.group("chinese") is not None, ""
        if is_chinese and len(num) == 1 and num in _FINANCIAL:
            continue  # the 伍 of 队伍, the 陆 of 大陆: a financial numeral is never written alone
        # 按1:1配套: a ratio, not a time; 五分之一, 一半: a share, in percent
        ratio = (None if is_chinese or not (r := ratio_at(text, start)) else (*r, "ratio")) or fraction_at(text, start)
        reason, skip = (None, end) if ratio else _rejected(text, start, end, num)
        lost = _lost_decimal(text, end) if not is_chinese and not ratio else None
        if reason is None and lost:
            end += lost.end()
            num = text[start:end]
            note = f"decimal point lost in the web copy? {num.replace(' ', '.')} or {num.replace(' ', '')}"
            if (u := _UNIT_AT.match(text, end)) and UNITS[u.group("unit")] in ("count", "person"):
                # 6 20户: a count has no decimal point, so the space is one a scan put inside the number (620)
                lost, note = None, f"a space inside the number (a count has no decimals): {num.replace(' ', '')}"
        value = range_high = None
        qualifier, unit, measure_word, pos = "exact", None, "", end
        value, pos, unit = (ratio[0], ratio[1], ratio[2]) if ratio else (value, pos, unit)
        measure_word = "分之" if unit == "percent" else measure_word
        spoken = spoken_numbers.neighbour_range(num, parse_chinese_number) if is_chinese and reason is None else None
        if reason is None and not ratio:
            value, reason = (spoken[0], None) if spoken else _number_value(text, start, num, is_chinese, bool(lost))
        if reason is None and not ratio:
            value, range_high, qualifier, pos = _range_and_magnitude(text, end, value, is_chinese, start)
            range_high = spoken[1] if spoken and range_high is None else range_high  # 两三家: 2 to 3
            unit, measure_word, pos = _unit_at(text, start, pos)
            if measure_word == "元" and (named := spoken_numbers.currency_before(text, start)) not in (None, "CNY"):
                unit, note = named, with_note(note, f"元 of the currency named before it ({named})")  # 新台币22万元
            previous = (out[-1].unit, text[out[-1].end:start]) if out else None
            if unit is None and (unsaid := spoken_numbers.unit_unsaid(text, start, pos, previous)):
                unit, note = unsaid[0], with_note(note, unsaid[1])
            value, range_high = (tenths(value), tenths(range_high)) if measure_word == TENTHS else (value, range_high)
            if unit is None:
                reason = "no_unit"
            elif measure_word in ("月", "日") and range_high is not None:
                reason = "date"  # 1-6月: January to June
        if reason is not None:
            if reason in ("year", "document_number", "list_number"):
                skip_to = skip
            if include_all:
                s0, s1 = _sentence_bounds(text, start)
                stop = max(end, skip)
                rs, re_ = cleaned.raw_span(start, stop)
                out.append(Mention(doc, start, stop, rs, re_, text[start:stop], None, None, "",
                                   "exact", None, None, None, "not_a_quantity", text[s0:s1].strip(), reason))
            continue
        upper = _unit_range(text, pos, measure_word) if range_high is None and not note and measure_word else None
        if upper is not None:
            range_high, pos = upper
        qualifier, pre_start, pos = _hedges(text, start, pos, qualifier, unit)
        value, qualifier, pre_start, pos, note = _as_stated(text, start, pre_start, pos, unit, measure_word,
                                                            value, qualifier, note)
        if note.startswith("decimal point lost"):
            qualifier = "ambiguous"
        qualifier, low, high, value = bounds(qualifier, value, range_high)
        s0, s1 = _sentence_bounds(text, start)
        c0, c1 = _clause_bounds(text, start, s0, s1)
        year, is_target_year, from_period = _year_for(text, s0, start, s1, text)
        if from_period:
            if doc_year is not None and year is not None and doc_year > year:
                is_target_year = False  # a review of the period, written after it: what it reached
            elif _STATUS_CUES.search(text[s0:s1]):
                year, is_target_year = None, False  # 已有30家 during the period: as of the document
            if year is not None:
                note = with_note(note, f"year: the last of the plan period ({year})")
        kind = _kind(unit, text[s0:s1], text[c0:c1], start - c0, year, is_target_year, doc_year, default_kind)
        if year is None and doc_year is not None and kind != "target":
            year = doc_year  # "截至目前", "已": as of the document
            note = with_note(note, "year of the document")
        if kind in ("funding",) and not _MONEY_CUES.search(text[s0:s1]):
            note = with_note(note, "money without a funding word in the sentence")
        if unit_codes.DIMENSIONS.get(unit or "") == "money" and (rate := _RATE_AFTER.match(text, pos)):
            pos, note = rate.end(), with_note(note, f"a rate: {measure_word}{rate.group().strip()}")
        elif unit_codes.DIMENSIONS.get(unit or "") == "money" and (rate := _RATE_BEFORE.search(text, max(0, start - 12), start)):
            note = with_note(note, f"a rate: {rate.group('per')}")
        rs, re_ = cleaned.raw_span(pre_start, pos)
        out.append(Mention(doc, pre_start, pos, rs, re_, text[pre_start:pos], value, unit, measure_word, qualifier,
                           low, high, year, kind, text[s0:s1].strip(), note))
        skip_to = pos
    out.extend(_doubling(cleaned, doc, doc_year, default_kind, m.start(), m.end()) for m in spoken_numbers.DOUBLING.finditer(text)
               if not any(q.start < m.end() and m.start() < q.end for q in out))
    out.extend(filter(None, (_cell_mention(cleaned, doc, c) for c in cells)))
    out.extend(filter(None, (_item_mention(cleaned, doc, doc_year, default_kind, c) for c in items)))
    out = lost_numerals.with_recovered(cleaned, quantity_hedges.shared(text, sorted(out, key=lambda q: q.start)))
    for q in out if text is not cleaned.text else []:
        if cleaned.text[q.start:q.end] != q.text:  # the quote as written, the value as read
            q.note, q.text = with_note(q.note, f"read as {q.text} (letters for digits)"), cleaned.text[q.start:q.end]
    english = quantities_english.mentions(cleaned, doc, doc_year, True, default_kind)  # an English number: its reading
    out = [q for q in out if not any(e.start < q.end and q.start < e.end for e in english)]
    out.extend(e for e in english if include_all or e.kind != "not_a_quantity")
    return sorted(out, key=lambda q: q.start)


def _cell_mention(cleaned: Cleaned, doc: str, cell: table_cells.Cell) -> Mention | None:
    """A table cell read as its number followed by its row's unit (``68`` in a row ``（家）``: ``68家``), with
    its column's year and kind; None when the label's unit is none the extractor knows."""
    read = _read_cell(cleaned, doc, cell.start, cell.end, cell.unit_text)
    return read and replace(read, year=cell.year, kind=cell.kind,
                            note=f"table cell: unit from the row '{cell.label}', year and kind from the column '{cell.column}'")


def _read_cell(cleaned: Cleaned, doc: str, start: int, end: int, unit: str) -> Mention | None:
    """A table cell's number read with the unit its table gives it (``68`` + ``家``), placed at the cell, its line
    the sentence; None when the unit is none the extractor knows."""
    number = cleaned.text[start:end]
    read = [q for q in extract(number + unit) if q.end >= len(number)]
    if not read or read[0].unit is None:
        return None
    rs, re_ = cleaned.raw_span(start, end)
    line = cleaned.text[cleaned.text.rfind("\n", 0, start) + 1:end]
    return replace(read[0], doc=doc, start=start, end=end, raw_start=rs, raw_end=re_, text=number, sentence=line.strip())


_PER = r"(?:平方米|㎡|m2|m²|亩|人次|人|家|户|个|项|年|月|天|日|次)"
# 30元/平方米/月, 1.5元/㎡·天: an amount per unit, the unit in the quote; 每平方米每月15元: said before the amount
_RATE_AFTER = re.compile(rf"\s*[/／]\s*{_PER}(?:\s*[/／·]\s*{_PER})?")
_RATE_BEFORE = re.compile(rf"(?P<per>每{_PER}(?:每{_PER})?)[^，。；,;\d]{{0,6}}$")


def _doubling(cleaned: Cleaned, doc: str, doc_year: int | None, default_kind: str, start: int, end: int) -> Mention:
    """翻番 said with no numeral: 2 times, of its sentence's year and kind."""
    text = cleaned.text
    s0, s1 = _sentence_bounds(text, start)
    c0, c1 = _clause_bounds(text, start, s0, s1)
    year, is_target_year, _ = _year_for(text, s0, start, s1, text)
    kind = _kind("times", text[s0:s1], text[c0:c1], start - c0, year, is_target_year, doc_year, default_kind)
    rs, re_ = cleaned.raw_span(start, end)
    return Mention(doc, start, end, rs, re_, text[start:end], 2.0, "times", "番", "exact", 2.0, 2.0,
                   year if year is not None or kind == "target" else doc_year, kind, text[s0:s1].strip(), "翻番: x 2")


def _item_mention(cleaned: Cleaned, doc: str, doc_year: int | None, default_kind: str,
                  cell: table_grid.ItemCell) -> Mention | None:
    """A cell of a table of named items read as its number followed by its column's unit (``52000`` under
    ``孵化面积（平方米）``: ``52000平方米``), of the document's year; None when the unit is none the extractor knows."""
    read = _read_cell(cleaned, doc, cell.start, cell.end, cell.unit)
    if read is None:
        return None
    kind = "funding" if unit_codes.DIMENSIONS.get(read.unit or "") == "money" else default_kind
    qualifier, low, high, value = bounds(cell.bound or read.qualifier, read.value, None)
    return replace(read, qualifier=qualifier, low=low, high=high, value=value, year=doc_year, kind=kind,
                   note=f"table cell: unit from the column '{cell.column}', of the row '{cell.label}'")


def extract(raw: str, doc: str = "", doc_year: int | None = None, include_all: bool = False,
            default_kind: str = "other") -> list[Mention]:
    """Quantity mentions of a text as given (raw or cleaned, Traditional or Simplified)."""
    return extract_text(clean_text(raw), doc, doc_year, include_all, default_kind)
