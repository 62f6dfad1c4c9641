"""What a number in a Chinese policy text is when it is no quantity (``analysis.quantities`` asks before reading it):
a year (``2020年``, ``二〇一七年``, ``20年底``, ``2023届``), a date (``10月``, ``5月20日``, ``9:30``; ``为期3月`` and
``30日内`` are lengths of time), a document number (``〔2015〕94号``), an ordinal (``第三届``, ``第4至5年``), a plan's or
a programme's name (``十三五``, ``“34520”``, ``三年行动方案``), an idiom (``七位一体``), list numbering (``1.``, ``一是``,
``2.2024年`` glued to a year, ``相关阅读：1.`` after a colon), a phone number, a code (letters glued before the digits:
``M7320``, ``ISO9001``), a change of rank (``上升1位``, ``分列第二、三位``), a policy's short name (``出台科技创新20条``),
a paper's statistic or a standard's code (``analysis.statistics_notation``: ``p<0.01``, ``DB37/T 4618—2023``), or a
number inside a 《title》."""

from __future__ import annotations

import re

from analysis import statistics_notation
from analysis.numerals import parse_arabic, parse_chinese_number
from analysis.planperiods import PLAN_NAME, plan_period

__all__ = ["inside_title", "not_a_quantity"]


_DURATION_BEFORE = re.compile(r"(?:为期|逾期|超期|期限为?|期为|周期为?|满|连续|不少于|不超过|不足|超过|之日起|起|每|前|后|近|达)\s*$")
_DURATION_AFTER = re.compile(r"\s*[月日]\s*(?:以内|之内|内|以上|以下|左右)")


def _is_duration(text: str, start: int, end: int, num: str, word: str) -> bool:
    """Whether N月 / N日 is a length of time (为期3月, 30日内) rather than a date (10月, 5月20日)."""
    before = text[max(0, start - 5):start]
    if re.search(r"[年月]\s*$", before) or re.match(r"\s*月\s*[\d一二三四五六七八九十]", text[end:end + 3]):
        return False  # 2020年3月, 5月20日
    value = parse_arabic(num) if num[0].isdigit() else parse_chinese_number(num)
    if value is None:
        return False
    if value > (12 if word == "月" else 31):
        return True
    return bool(_DURATION_BEFORE.search(before) or _DURATION_AFTER.match(text, end))


def not_a_quantity(text: str, start: int, end: int, num: str) -> tuple[str, int] | None:
    """(reason, end of the span to skip) when the number is not a quantity."""
    after, before = text[end:end + 6], text[max(0, start - 12):start]
    if found := statistics_notation.statistic(text, start, end):
        return found  # p<0.01, 在1%水平上显著, R² 0.21, DB37/T 4618—2023, ICS 03.080
    if num[0].isdigit() and re.match(r"\s*[万亿]年(?!\d)", after):
        return "word", end  # 6 万年县: a place's name after a table's rank (ten thousand years is no figure of a policy)
    if re.fullmatch(r"(19|20)\d{2}", num) and (m := re.match(r"\s*(?:[~\-—至到]\s*(?:19|20)\d{2}\s*)?年(?:年?底|末)?", after)):
        return "year", end + m.end()
    if re.fullmatch(r"(19|20)\d{2}", num) and after.startswith("届"):
        return "year", end + 1  # 2023届毕业生: the class of a year
    if (start == 0 or text[start - 1] == "\n") and re.fullmatch(r"\d{1,2}[.．](19|20)\d{2}", num) and after.startswith("年"):
        return "list_number", end  # 2.2024年在孵企业中…: a note's numbering glued to a year
    # a currency, TOP (TOP10孵化器) and the x of a multiple (场次x3) are no code's letters
    if re.search(r"(?<![A-Za-z])(?!RMB$|CNY$|USD$|HKD$|EUR$|US$|HK$|TOP$|Top$|top$|(?<=[\s\u4e00-\u9fff])x$)[A-Za-z]{1,4}$",
                 before) and num[0].isdigit():
        return "code", end  # M7320, ISO9001, MA2B3C: a code, never a quantity
    if re.fullmatch(r"[〇零一二三四五六七八九]{4}", num) and after.startswith("年"):
        return "year", end + 1  # 二〇一七年
    if re.fullmatch(r"[12]\d", num) and re.match(r"年(?:底|末|初|上半年|下半年|前三季度)", after):
        return "year", end + 1  # 20年底: 2020
    if re.match(r"-\d{1,2}-\d{1,2}|[:：]\d{2}", after) or re.search(r"\d-$|\d-\d{1,2}-$", before):
        return "date", end
    day = re.match(r"\s*([月日])", after)
    if day and not _is_duration(text, start, end, num, day.group(1)):
        return "date", end
    if re.match(r"\s*(号(?!\S*[〕\]])|时|点)", after) and "号" not in after[:1]:
        return "date", end
    if re.search(r"[〔\[(（](19|20)\d{2}[〕\])）]$", before) and re.match(r"号", after):
        return "document_number", end + 1
    if re.fullmatch(r"(19|20)\d{2}", num) and re.search(r"[〔\[]$", before):
        return "document_number", end
    if before.endswith("前") and re.match(r"\s*个?季度", after):
        return "period", end  # 前三季度: the first three quarters, no top three
    if before.endswith("第") or re.search(r"第\s*[\d一二三四五六七八九十]+\s*[至到\-—~、]\s*$", before):
        return "ordinal", end  # 第三届, 第4至5年, 分列第二、三位
    if re.search(r"(?:上升|下降|前进|后退|提升|跃升|攀升|下滑|升至|降至)了?$", before) and re.match(r"[位名]", after):
        return "rank_change", end  # 上升1位, 前进3位, 下滑2名: places in a ranking, no count
    if re.match(r"条(?![\u4e00-\u9fff])", after) and re.search(r"(?:出台|印发|发布|推出|出炉)[\u4e00-\u9fff]{0,8}$", before):
        return "plan_name", end + 1  # 出台科技创新20条: a policy's name, not twenty articles (出台了20条措施 counts)
    if PLAN_NAME.fullmatch(num) and plan_period(text[max(0, start - 1):end + 4]):
        return "plan_name", end  # 十三五, “十五”期间 (a period: plan_period)
    quote_open = text.rfind("“", max(0, start - 10), start)
    if quote_open >= 0 and "”" not in text[quote_open:start] and "”" in text[end:end + 10]:
        return "plan_name", text.index("”", end)  # “34520”, “众创十二条”, “1+8”
    if re.match(r"位一体", after):
        return "idiom", end + 3
    if (start == 0 or text[start - 1] == "\n") and re.match(r"[.、．]", after) \
            or text[start - 1:start] in ("：", ":") and re.match(r"[.、．][\u4e00-\u9fff]", after):
        return "list_number", end + 1  # 1. at a line's start; 相关阅读：1.福州出台…: a list after a colon
    if re.match(r"\s*年(?:行动|计划|规划|攻坚|工作方案|实施方案|发展规划)", after):
        return "plan_name", end  # 三年行动方案: the name of a programme, not how long anything takes
    if re.match(r"\s*[是则]", after) or re.match(r"[、]", after) and not num[0].isdigit():
        return "list_number", end
    if re.match(r"\s*[-—]\d{7,8}", after):
        return "phone_number", end
    return None


def inside_title(text: str, pos: int) -> bool:
    left = text.rfind("《", 0, pos)
    return left >= 0 and text.rfind("》", left, pos) < 0 and text.find("》", pos) >= 0
