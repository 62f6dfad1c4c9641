"""The shape of the text around a stated number, where it keeps the figure drafter from reading
the clause's structure (``analysis.counting``), and the level a payer writes on money.

- **caveats** (``caveats``): a line broken where no sentence ends (text pasted from a PDF: hard
  line breaks inside a sentence, page furniture such as ``— 1 —`` or a running head between its
  halves), or a table cell (a row of cells split by tabs, bars or runs of spaces, or a line of
  numbers with few words). The drafter still drafts such a figure, but a draft whose clause may
  be cut in two rests on a guess, so it stays below the confident band (``calibration``).
- **the payer** (``payer_level``): money set aside by a government's budget (``市财政每年安排``,
  ``自治区本级财政安排``, ``各市、县配套安排``) is at that government's level.
- **a grade** (``grade_before``): the counts of an evaluation's grades (``评定优秀8家、良好15家、合格16家``)
  count the carriers evaluated, whose name stands before the list, not next to each number.
- **a subset on a line of its own** (``subset_line``): ``…孵化器和众创空间已达312家；⏎其中国家级67家，⏎省级98家``: a
  line that is only ``其中`` or a level before its number continues the count of the line before it.
- **a rule's recipient named first** (``topic_recipient``): a list item ``新认定国家级孵化器，一次性奖励500万元`` names
  who is paid before the grant, with no 对; its level is the rule's.
- **an item's label before its values** (``item_label``): ``1.新增国家级孵化器：目标值3家，实际值2家`` (an evaluation's
  list of indicators): each value word (目标值, 实际值) counts what the label before the colon names.
- **a municipality** (``in_municipality``): in Beijing, Shanghai, Tianjin and Chongqing (and their
  districts) the city is a province, so a ``市级`` recognition or payer is provincial.

Hand-written patterns (no library reads the layout of pasted Chinese policy text).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["caveats", "payer_level", "in_municipality", "MUNICIPALITIES", "grade_before", "subset_line",
           "topic_recipient", "item_label", "place_name"]

_SENTENCE_END = "。！？!?；;：:…”’」』)）"
# page furniture: a page number (— 1 —, -2-, 第3页), or a line of a few characters with no sentence in it
_FURNITURE = re.compile(r"^\s*(?:[—\-–－]\s*\d+\s*[—\-–－]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+)\s*$")
_CELL_SPLIT = re.compile(r"\t|[|｜│]|\S {2,}\S|\S\u3000{2,}\S")
_NUMBER = re.compile(r"[\d０-９]+(?:[.．][\d０-９]+)?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BROKEN_MIN = 16  # a line at least this long that ends mid-sentence is prose cut by a line break, not a heading


def _lines_around(text: str, start: int) -> tuple[list[str], str, str, bool]:
    """The two non-blank lines before the one holding ``start``, that line, the first after it (page
    furniture skipped), and whether page furniture is next to it. Found by scanning line ends from
    the number (not by splitting a window: this runs once per stated number)."""
    s0 = text.rfind("\n", 0, start) + 1
    s1 = text.find("\n", start)
    s1 = len(text) if s1 < 0 else s1
    before: list[str] = []
    furniture = False
    end, first = s0 - 1, True
    while end > 0 and len(before) < 2 and s0 - end < 1200:
        b = text.rfind("\n", 0, end) + 1
        line = text[b:end]
        if line.strip():
            if _FURNITURE.match(line):
                furniture = furniture or first  # page furniture is no line of the text
            else:
                before.insert(0, line)
            first = False
        end = b - 1
    following, begin = "", s1 + 1
    while begin < len(text) and begin - s1 < 800:
        e = text.find("\n", begin)
        e = len(text) if e < 0 else e
        line = text[begin:e]
        if line.strip():
            if not _FURNITURE.match(line):
                following = line
                break
            furniture = True
        begin = e + 1
    return (["", ""] + before)[-2:], text[s0:s1], following, furniture


# a numbered heading (三、, （二）, 1., 第二章) ends without a full stop and is no break
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|"
                      r"第[一二三四五六七八九十\d]+[章节条部分])")


@lru_cache(maxsize=1024)
def _mid_sentence(line: str) -> bool:
    body = line.strip()
    return len(body) >= _BROKEN_MIN and body[-1] not in _SENTENCE_END and not _FURNITURE.match(body) \
        and not _HEADING.match(body)


def caveats(text: str, start: int) -> list[str]:
    """What about the number at ``start`` of ``text`` may cut its clause: ``broken`` (its line or
    the line before it ends mid-sentence where lines are wrapped, at least two of the lines around
    it ending so, so that one title line is no break; or page furniture is next to it) and
    ``cell`` (its line is a table row)."""
    (previous2, previous), line, following, furniture = _lines_around(text, start)
    flags = [_mid_sentence(x) for x in (previous2, previous, line, following)]
    out = []
    if (flags[1] or flags[2]) and (sum(flags) >= 2 or furniture):
        out.append("broken")
    if _is_cell(line):
        out.append("cell")
    return out


@lru_cache(maxsize=1024)
def _is_cell(line: str) -> bool:
    """A table row: cells split by tabs, bars or runs of spaces, or three numbers or more with fewer
    than four Chinese characters each (cached: a paragraph's numbers share its line)."""
    numbers = len(_NUMBER.findall(line))
    return bool(_CELL_SPLIT.search(line.strip())) or numbers >= 3 and len(_CJK.findall(line)) < 4 * numbers


MUNICIPALITIES = ("北京", "上海", "天津", "重庆")
_MUNICIPALITY_CODES = ("beijing", "shanghai", "tianjin", "chongqing")


def in_municipality(region_zh: str, region: str = "", parent_province: str = "") -> bool:
    """Whether a document's region is one of the four municipalities or lies inside one."""
    return region_zh.startswith(MUNICIPALITIES) or region.startswith(_MUNICIPALITY_CODES) \
        or parent_province.startswith(_MUNICIPALITY_CODES)


# who pays: a level of government and its budget (财政), its own matching money (配套) or its own level
# (市本级安排, 区本级兑现); the nearest before the number in its sentence
_PAYER = re.compile(r"(?:(省|自治区)|(?:各)?(市|区|县|州|盟|旗)(?:[、和及与](?:市|区|县|州|旗))*)(?:(?:本级|级)?(?:财政|配套)|本级)")


def payer_level(sentence_head: str) -> tuple[str, str]:
    """(scope, cue) of the government that pays, the last written in ``sentence_head`` (the
    sentence up to the number); ("", "") when none is."""
    matches = list(_PAYER.finditer(sentence_head))
    if not matches:
        return "", ""
    m = matches[-1]
    return ("provincial_level" if m.group(1) else "municipal_level"), m.group()


# a line that is a subset of the count before it: 其中 and/or a level only, before the number (其中国家级的, 省级的有)
_SUBSET_LINE = re.compile(r"^\W*(?:其中[:：，,]?\s*(?:国家级|国家备案|自治区级|省级|市级|州级|县级|区级)?|"
                          r"(?:国家级|国家备案|自治区级|省级|市级|州级|县级|区级))(?:的)?(?:有|为|共有|达到|达)?\s*$")


def subset_line(text: str, line_start: int, start: int) -> bool:
    """Whether the number at ``start`` is a subset (``其中国家级67家``, ``省级的五十来家``) on a line of its own that
    continues the line before it, which ends where a sentence goes on (，；、, not 。！？)."""
    if line_start < 1 or text[line_start - 1] != "\n":
        return False  # the number's sentence does not begin a line
    before = text[:line_start - 1].rstrip()
    return bool(before) and before[-1] in "，,；;、" and bool(_SUBSET_LINE.match(text[line_start:start]))


# a rule's recipient named first, as a list item's topic, then the grant with no 对 (新认定国家级孵化器，一次性奖励500万元;
# 被认定为省级众创空间的，奖励30万元): the recipient's own clause, then one phrase that is the grant
_TOPIC_RECIPIENT = re.compile(r"^[^\u4e00-\u9fff\d]*((?:新|首次)?(?:被)?(?:认定|备案|获批|获评|评为|晋升|升级)[^。;；，,:：对]{1,20})"
                              r"[,，:：][^。;；，,:：]{0,8}?(?:给予|奖励|补助|补贴|资助|奖补)[^。;；，,]{0,8}$")


def topic_recipient(head: str) -> str:
    """The recipient a grant's clause ``head`` (up to the amount) names first, or ""."""
    m = _TOPIC_RECIPIENT.match(head)
    return m.group(1) if m else ""


# an item of a list of recipients and amounts (名单及奖励金额如下：1.某某孵化器（国家级孵化器） 80万元, also
# …孵化器（国家级），30万元): the line's number, name and its bracketed kind before the amount
_AWARD_LINE = re.compile(r"^\s*\d{1,3}\s*[.、．]\s*\S[^\n]{0,60}?[（(]([^（）()\n]{2,16})[)）]\s*[，,：:]?\s*$")


def award_item(text: str, start: int) -> str:
    """The bracketed kind of the recipient (国家级孵化器) when the number at ``start`` is the amount of an item
    of a list of recipients, else ""."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _AWARD_LINE.match(text[line_start:start])
    return m.group(1) if m else ""


def coordinated_before(pattern: re.Pattern, text: str, alias: str) -> list[str]:
    """The aliases (of ``pattern``) of the last ``A和B`` (和, 及, 与, 、) in ``text`` whose last is ``alias``:
    孵化器和众创空间总数由上年的58家: [孵化器, 众创空间]; [] when ``alias`` ends no such pair."""
    pair = re.compile(f"({pattern.pattern})(?:和|及|与|以及|、)({pattern.pattern})")
    found = [m for m in pair.finditer(text) if m.group(2) == alias]
    return [found[-1].group(1), found[-1].group(2)] if found else []


# the grades of an evaluation (优秀、良好、合格、基本合格、不合格; 一等…), written right before a count, in a clause that
# says it is an evaluation's result (评定, 结果, 等次, 考核, 评价)
_GRADE = re.compile(r"(?:基本合格|不合格|优秀|良好|合格|较好|较差|[A-DＡ-Ｄ]级|[一二三]等)(?:的|等次)?(?:有|为|共)?\s*$")
_EVALUATION = re.compile(r"评定|评价|评估|考核|等次|结果")


def grade_before(text: str, start: int) -> str:
    """The grade whose count the number at ``start`` is (考核结果优秀三家: 优秀), else ""."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - 60)
    m = _GRADE.search(text, max(line_start, start - 8), start)
    return m.group().strip() if m and _EVALUATION.search(text, line_start, start) else ""


# 1.在孵企业数量：目标值2,800家，实际值3,016家: a numbered label, a colon, then values each named by a value word
_ITEM_LABEL = re.compile(r"(?:[0-9０-９]{1,2}[.．、]|[（(][一二三四五六七八九十0-9]{1,2}[)）])?\s*"
                         r"(?P<label>[^：:，,。；;\s\d]{2,24})[：:]")
_VALUE_WORD = re.compile(r"(?:(?:19|20)\d{2}年)?(?:规划|年度|考核|绩效)?(?:目标|实际|计划|预期|基期|现状|完成|考核)值?(?:为|是|达到?)?")


def item_label(text: str, start: int) -> tuple[str, str] | None:
    """(label, 目标值 or 实际值) when the number at ``start`` is a value word's of a list item whose label ends with a
    colon (``新增国家级孵化器：目标值3家，实际值2家``: 3 and 2 count 新增国家级孵化器); else None."""
    line_start = text.rfind("\n", 0, start) + 1
    label = _ITEM_LABEL.match(text, line_start, start)
    if label is None:
        return None
    head = text[label.end():start]
    word = re.split(r"[，,；;]", head)[-1].strip()
    if not _VALUE_WORD.fullmatch(word):
        return None
    # one spelling of each kind, the one the kind cues read (analysis.clause_kind): 计划值 is a 目标值, 完成值 an 实际值
    return label.group("label"), "实际值" if re.search(r"实际|完成|基期|现状", word) else "目标值"


_PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}(?:区|县|市|镇|乡|旗|街道)$")


def place_name(words: str, end: bool = False) -> bool:
    """Whether ``words`` are a place's name (鹿城区, 西安市), or with ``end`` end in one: a place's share after 其中
    (…众创空间146家，其中鹿城区31家)."""
    return bool(_PLACE_NAME.search(words) if end else _PLACE_NAME.fullmatch(words))
