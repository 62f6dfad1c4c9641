"""Numbers of speech and informal text that the written forms the extractor reads (``analysis.quantities``) leave
without a unit, and the unit their context gives them:

- money without 元 (``大概八千万``, ``将近两个亿``, ``奖金池提高到三百五十万``, ``补贴最高500万``): a number whose scale is
  stated (万 or 亿) with no measure word after it is CNY when the words before it in its clause (or right after it,
  ``三十万的一次性奖励``) are of money (``资金``, ``投入``, ``补贴``, ``贷款``, ``融资``, ``基金``, ``奖励``, ``预算``, ``花了``,
  ``拿出`` …), with no counted noun between the cue and the number. A count in 万 keeps its measure word (``10万人``,
  ``5万平方米``) and never reaches here; a number with no scale (``给300``) is never made money;
- an informal count with no measure word (``惠及企业100余``, ``在孵企业5200+``, ``服务创业者两千多``): a number whose
  hedge after it (余, 多, +) says it counts something, with a noun before it, is a ``count``;
- a currency written before a Chinese number with no measure word (``HK$50万``, ``US$300万``, ``¥80万``, ``人民币2亿``) is
  that currency;
- two neighbouring numerals of speech (``两三家``, ``三五个``, ``二三十家``, ``七八十人``, ``一两千万元``, ``一百五六十家``) are a
  range, as ``三到五家`` is: each end read with the words around the pair (``一百五六十`` is 150 to 160);
- ``w`` for 万 and ``k`` for a thousand after a number in web slang (``阅读10w+``, ``3.5w人次``, ``5k平方米``, ``奖励30w``: money
  as 万 is, ``直播观看3.2w``: a count with no measure word, of people after a verb of people);
- a zero at a list item's end with no unit (``因公出国（境）费0``): the unit of the item before it;
- a page's counters (``阅读 10万+``, ``👍256``, ``在看 38``): web chrome, counted (``count``) as the labels read them,
  with a note so no draft takes them for a figure of the text.

The spoken scale ``两个亿`` and the ``+`` of ``5200+家`` are read where the extractor reads a magnitude and a tail.
"""

from __future__ import annotations

import re

from analysis import statistics_notation

__all__ = ["LATIN_WAN", "LATIN_THOUSAND",
           "currency_before", "DOUBLING", "money_unsaid", "page_counter", "count_unsaid", "people_unsaid",
           "SCALE_AFTER_DIGITS", "zero_unsaid", "neighbour_range", "SPOKEN_MAGNITUDE", "PLUS", "TOP_N", "unit_unsaid"]

LATIN_WAN = r"[wW](?![A-Za-z0-9])"  # 阅读10w+, 3.5w人: w for 万 in web slang (not 5W1H)
# 阅读5k, 2k+人, 2.5K+: k or K for a thousand after digits; K before a Chinese word only where a unit or + follows
# (2.5K人), never 4K视频 nor 5KW
LATIN_THOUSAND = r"k(?![A-Za-z0-9])|K(?=[+＋人家个户名位次元平㎡]|[^\w]|$)"
SCALE_AFTER_DIGITS = re.compile(r"\d(?:[千万亿]|[kKwW])[+＋]?$")  # 5k, 3.2w, 30W, 2千, 1.8万: a scale after digits
SPOKEN_MAGNITUDE = "个"  # 两个亿, 一个多亿: 个 between a numeral and its scale, in speech
PLUS = r"[+＋](?![\d\s]*\d)"  # 5200+家, 10万+: more than (1+8 is a name, not a tail)

_MONEY_BEFORE = re.compile(r"资金|经费|基金|奖金|奖金池|补贴|补助|奖补|奖励|资助|扶持|投入|投了|投到|花了|花费|拿出|安排|预算|"
                           r"贷款|融资|投资|募资|营收|收入|税收|利润|产值|销售额|营业额|💰|给予?|再给|拨付|兑现|"
                           r"奖|房租|租金|费用|成本|工资|年薪|月薪|薪资|薪酬|底薪|估值|市值|卖了|卖出|售出|成交|带货|流水")
# 再奖二十万, 房租一年大概要十几万, 年薪15万-25万
_MONEY_AFTER = re.compile(r"\s*(?:的)?(?:一次性)?(?:资金|经费|奖励|补贴|补助|奖补|奖金|扶持|资助|投入|投资|贷款|融资|💰)"
                          r"|的[\u4e00-\u9fff]{0,8}?(?:基金|资金池)")  # 五千万的天使投资引导基金
# a counted noun between the money cue and the number: 融资企业3万 counts firms, 投入使用的场地2万 no money
_COUNTED_BETWEEN = re.compile(r"企业|公司|人|项目|家|团队|机构|载体|空间|户|场地|面积|平方|岗位|次")
_CLAUSE_STOP = re.compile(r"[。；;！？!?\n]")
# 浏览量：863, a portal's 下载次数：1,368 and 评分：4.6
_COUNTERS = re.compile(r"(?:阅读量?|浏览量?|浏览次数|下载量|下载次数|评分|点赞|赞|在看|转发|分享|评论|收藏|播放量?|👍|❤️?|👀|💬|🔁|⭐)"
                       r"\s*[:：]?\s*$")


def money_unsaid(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` (its scale included, no measure word after it) is money whose 元 is unsaid:
    a scale stated (万, 亿) and a money cue before it in its clause with no counted noun between, or right after it."""
    if not re.search("[万亿]", text[start:end]) and not SCALE_AFTER_DIGITS.search(text, start, end):
        return False  # 30w, 5k, 3千 after digits: a scale as 万 is
    clause_start = max((m.end() for m in _CLAUSE_STOP.finditer(text, max(0, start - 40), start)), default=max(0, start - 40))
    before = text[clause_start:start]
    cues = list(_MONEY_BEFORE.finditer(before))
    if cues and not _COUNTED_BETWEEN.search(before[cues[-1].end():]):
        return True
    return bool(_MONEY_AFTER.match(text, end))


def page_counter(text: str, start: int) -> bool:
    """Whether the number at ``start`` is a page's counter (``阅读 10万+``, ``👍256``): web chrome."""
    return bool(_COUNTERS.search(text, max(0, start - 5), start))


# a count of people said with a verb of watching or joining before it (直播观看3.2w, 参与1.5万, 粉丝10w+)
_PEOPLE_BEFORE = re.compile(r"(?:观看|围观|参与|参加|报名|观众|粉丝|访客|网友)(?:了|的|量|数|人数)?[:：]?$|人数[:：]?$")


def people_unsaid(text: str, start: int) -> bool:
    """Whether a count with no measure word at ``start`` counts people (a verb of watching or joining before it)."""
    return bool(_PEOPLE_BEFORE.search(text, max(0, start - 6), start))


# units outside the suite's list (3.2万吨, 86万度, 1.2万公里): a measure of its own, no count with its word unsaid
# (3万5万元: two numbers, no count either)
_OTHER_UNIT = re.compile(r"\s?(?:吨|度|公里|千米|千瓦|兆瓦|瓦|立方|升|公斤|千克|斤|克|米|小时|分钟|秒|标箱|头|只|株|棵|尾|箱|袋)")


def count_unsaid(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` (no measure word after it) is an informal count: it ends in 余, 多 or +
    and a Chinese word stands right before it (``企业100余``; not ``第100余``, an ordinal, nor a line's first number);
    or it is a bare scale a count breaks (``差两家就破百了``, ``企业数过千``, ``粉丝破万``); or digits with a scale
    after a word (``直播观看3.2w``, ``访问量1.8万``)."""
    if re.fullmatch(r"[百千万]", text[start:end]) and re.search(r"[\u4e00-\u9fff][破过]$", text[max(0, start - 2):start]):
        return True
    if SCALE_AFTER_DIGITS.search(text, start, end) and re.search(r"[\u4e00-\u9fff][:：]?$", text[max(0, start - 2):start]) \
            and not re.match(r"[\d零〇一二两三四五六七八九十]", text[end:end + 1]) and not _OTHER_UNIT.match(text, end):
        return True  # 直播观看3.2w, 访问量1.8万: a scale after digits, after a word, counts (no money cue: money_unsaid first)
    return bool(re.search(r"[余多+＋]$", text[start:end])) and bool(re.search(r"[\u4e00-\u9fff]$", text[max(0, start - 1):start])) \
        and text[start - 1:start] != "第"


def zero_unsaid(text: str, start: int, end: int, before: str | None, gap: str) -> bool:
    """Whether the number at ``start:end`` is a zero whose unit is the list's (``公务接待费4.6万元，…，因公出国（境）费0``):
    a bare 0 or 零 at an item's end, after a word, the item before it in the same sentence (``gap`` the text between)
    of unit ``before``. A zero needs no scale, so the list's unit is all it lacks."""
    return text[start:end] in ("0", "零") and before is not None and not re.search(r"[。；;\n]", gap) \
        and re.search(r"[\u4e00-\u9fff）)]$", text[max(0, start - 1):start]) is not None \
        and not re.search(r"(?:编号|代码|序号|号|第)$", text[max(0, start - 2):start]) \
        and re.match(r"\s*(?:[。，；、,;]|$)", text[end:end + 2]) is not None


_DIGIT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NEIGHBOURS = re.compile(r"(?P<head>.*?)(?P<low>[一两二三四五六七八九])(?P<high>[两二三四五六七八九])(?P<tail>[十百千万亿]*)")


def neighbour_range(numeral: str, parse) -> tuple[float, float] | None:
    """(low, high) of a Chinese numeral with two neighbouring digits (``两三``, ``七八十``, ``一两千万``, ``一百五六十``;
    ``三五`` is three to five), read by ``parse`` (``numerals.parse_chinese_number``) at each end; None otherwise.
    ``三五`` after a head (``十三五``: a plan's name) is no range."""
    m = _NEIGHBOURS.fullmatch(numeral)
    if not m:
        return None
    low, high = _DIGIT[m.group("low")], _DIGIT[m.group("high")]
    if not (high == low + 1 or (low, high) == (3, 5) and not m.group("head")):
        return None
    ends = [parse(m.group("head") + d + m.group("tail")) for d in (m.group("low"), m.group("high"))]
    return (float(ends[0]), float(ends[1])) if None not in ends and ends[0] < ends[1] else None


_CURRENCY_BEFORE = re.compile(r"(?P<cur>HK\$|US\$|NT\$|RMB|CNY|USD|HKD|EUR|TWD|NTD|人民币|港币|港元|美元|欧元|新台币|台币|新臺幣|臺幣"
                              r"|\$|¥|￥|€)\s?$")
_CURRENCY_CODE = {"HK$": "HKD", "HKD": "HKD", "港币": "HKD", "港元": "HKD", "US$": "USD", "USD": "USD", "$": "USD",
                  "美元": "USD", "RMB": "CNY", "CNY": "CNY", "人民币": "CNY", "¥": "CNY", "￥": "CNY", "EUR": "EUR",
                  "欧元": "EUR", "€": "EUR", "NT$": "TWD", "TWD": "TWD", "NTD": "TWD", "新台币": "TWD", "台币": "TWD",
                  "新臺幣": "TWD", "臺幣": "TWD"}


def currency_before(text: str, start: int) -> str | None:
    """The currency written right before the number at ``start`` (``HK$50万``: HKD), or None."""
    m = _CURRENCY_BEFORE.search(text, max(0, start - 4), start)
    return _CURRENCY_CODE[m.group("cur")] if m else None


# 翻番 with no numeral: doubled (x 2), as 翻一番 is; 翻两番 and 翻了一番 have their numeral and are read as numbers
DOUBLING = re.compile(r"(?<![一两二三四五六七八九十\d了])翻番")


# a noun's number (记录数：10, 企业数量为120, 参训人数：85): a count, of people after 人; an index, a coefficient, a
# multiple, a score or a code is no count (指数, 系数, 倍数, 分数, 参数, 号数)
# (a row label of a table, 企业数 1820 12.5, is the table's business: a colon, 为 or nothing between)
_NUMBER_OF = re.compile(r"[\u4e00-\u9fff](?:(?P<people>人)|(?<![指系倍分函参基常乘读约岁级位码号小序天年月日时秒多少]))数(?:量)?"
                        r"(?:\s*(?:[:：]|为|是|达到?)\s*)?$")
# the top N of a ranking (数量前十的城市, 排名前10, 跻身前十, 前百强, TOP10孵化器): a count of places with no measure word
TOP_N = re.compile(r"(?:(?<![之以此其提目当日空向眼面事])前|(?<![A-Za-z])(?:TOP|Top|top)\s?)$")
_RANGE_AFTER = re.compile(r"\s*[-~～至到—–－]")
# 融资额 ×2, 场次x3: times; never after a number (3×5, 3 x 5米: a size)
_TIMES_BEFORE = re.compile(r"(?:^|(?<=[\n\u4e00-\u9fff：:，,（(])|(?<=[\u4e00-\u9fff：:，,（(][ \u3000]))[×xX✕]\s?$")


def unit_unsaid(text: str, start: int, end: int, previous: tuple[str | None, str] | None) -> tuple[str, str] | None:
    """(unit, why) of a number at ``start:end`` with no measure word after it, from what stands around it, else None:
    a currency before it, a page's counter, money from the context, a zero of a list, ``×2`` (times), the top N of a
    ranking, a sample's size (``N=1,300``: ``analysis.statistics_notation``), an informal count. ``previous`` is the
    unit of the mention before it in the text and the text between them."""
    if currency := currency_before(text, start):
        return currency, "currency before the number"
    if page_counter(text, start):  # 补贴 … 阅读 2.3w: the counter, no money
        return "count", "web chrome: a page's counter"
    if money_unsaid(text, start, end):
        return "CNY", "元 unsaid: money from the context"
    if previous and previous[0] is not None and zero_unsaid(text, start, end, previous[0], previous[1]):
        return previous[0], "a zero with the unit of the list item before it"
    if _TIMES_BEFORE.search(text, max(0, start - 2), start) and text[start].isdigit():
        return "times", "×N: a multiple"
    if TOP_N.search(text, max(0, start - 4), start) and not _RANGE_AFTER.match(text, end):
        return "count", "前N: the top N of a ranking"
    if statistics_notation.sample_size(text, start):
        return "count", "a sample's size (N=): observations counted"
    if counted := _NUMBER_OF.search(text, max(0, start - 8), start):  # 记录数：10, 在孵企业数为120, 参训人数：85
        return ("person" if counted.group("people") else "count"), "a number of …: 数 names the count"
    if count_unsaid(text, start, end):
        return ("person" if people_unsaid(text, start) else "count"), \
            "no measure word after an informal count (100余, 5200+, 3.2w)"
    return None
