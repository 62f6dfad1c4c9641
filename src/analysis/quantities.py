"""Every quantity mention in a Chinese policy text: number, magnitude, unit, hedge,
the year it refers to, and what kind of figure it is.

Works on raw or cleaned text, Traditional or Simplified: raw text is cleaned first
(``analysis.cleaning``), and offsets are given both in the cleaned text and in the
bytes of the text as given.

Numbers: Arabic (``1.5``, ``8,507``, ``8 507``), Chinese (``十二``, ``两亿``,
``三千九百``; parsed by cn2an, except a bare magnitude such as the 万 of ``逾万人``,
which cn2an refuses), followed by a magnitude (千 万 亿) and a unit. Hedges become a
qualifier. Years, dates, document numbers, ordinals, plan names and list numbering
are reported with kind ``not_a_quantity`` (left out unless asked for). A number that
lost its decimal point in the web copy (``17 4%``) is ``ambiguous``, with no value.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import asdict, dataclass

from analysis.cleaning import Cleaned, clean_text

__all__ = ["Mention", "extract", "extract_text", "parse_chinese_number", "UNITS", "QUALIFIERS", "KINDS",
           "LOWER_BOUND", "UPPER_BOUND"]

QUALIFIERS = ("exact", "at_least", "more_than", "almost", "approx", "up_to", "range", "ambiguous")
LOWER_BOUND = ("more_than", "at_least")  # the stated value is a lower bound of the true one
UPPER_BOUND = ("almost", "up_to")  # ... an upper bound
KINDS = ("target", "actual", "funding", "rule", "other", "not_a_quantity")

# measure word -> canonical unit; longest first when matching
UNITS = {
    "平方米": "m2", "平米": "m2", "㎡": "m2",
    "人次": "person", "人": "person", "名": "person", "位": "person",
    "场次": "count", "家": "count", "个": "count", "项": "count", "条": "count", "台": "count", "套": "count",
    "户": "count", "份": "count", "场": "count", "批": "count", "所": "count", "座": "count", "支": "count",
    "元": "CNY", "%": "percent", "％": "percent", "倍": "times",
}
_UNIT_RE = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_MAGNITUDES = {"千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
_CN_DIGITS = "零一二两三四五六七八九十百千万亿"

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.])|\d+(?:\.\d+)?"
_CANDIDATE = re.compile(rf"(?P<arabic>{_ARABIC})|(?P<chinese>[{_CN_DIGITS}]+)")

_PRE_HEDGES = [  # (text immediately before the number, qualifier); longest first
    ("最高不超过", "up_to"), ("不超过", "up_to"), ("最高", "up_to"), ("最多", "up_to"),
    ("将近", "almost"), ("接近", "almost"), ("近", "almost"),
    ("大约", "approx"), ("约", "approx"),
    ("超过", "more_than"), ("逾", "more_than"), ("超", "more_than"),
    ("百分之", None),  # percent written out: handled separately
]
_TAILS = [("以上", "at_least"), ("以下", "up_to"), ("以内", "up_to"), ("左右", "approx"), ("多", "more_than"),
          ("余", "more_than")]

_SENTENCE_END = re.compile(r"[。！？\n]|[!?](?=\s|$)")
_YEAR_EXPR = re.compile(r"(?P<to>到|至|截至|截止到?|截至到)?\s*(?P<year>(?:19|20)\d{2})\s*年(?P<end>年?底|末)?")
_RULE_CUES = re.compile(r"对[^。;；]{0,60}?(的|者)[,，]?[^。;；]{0,30}?(给予|补助|补贴|奖励)|按[^。;；]{0,30}?\d+(\.\d+)?\s*[%％]"
                        r"|年补助|每年不超过|最高不超过|按评定等级")
_ACTUAL_CUES = re.compile(r"截至|截止|目前|已经|已|累计|现有|共有|建成|了")
_TARGET_CUES = re.compile(r"到\s*\d{4}\s*年|力争|计划|倍增|将(?!\S{0,8}(改造|纳入|升级))|争取")
_MONEY_CUES = re.compile(r"资金|基金|补助|补贴|奖励|投入|经费|出资|奖补")


@dataclass
class Mention:
    doc: str
    start: int  # offsets in the cleaned text
    end: int
    raw_start: int  # byte offsets in the text as given
    raw_end: int
    text: str
    value: float | None
    unit: str | None
    measure_word: str
    qualifier: str
    low: float | None
    high: float | None
    year: int | None
    kind: str
    sentence: str
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def parse_chinese_number(text: str) -> float | None:
    """Chinese numerals -> number, with cn2an; a bare magnitude (万, 千, 亿) is one of it."""
    if text in _MAGNITUDES or text in ("百", "十"):
        return {"百": 100.0, "十": 10.0}.get(text, _MAGNITUDES.get(text))
    import cn2an

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return float(cn2an.cn2an(text, "normal"))  # "strict" refuses 两 (两亿)
        except (ValueError, KeyError, IndexError):
            return None


def _parse_arabic(text: str) -> float:
    return float(text.replace(",", "").replace(" ", ""))


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, pos - 2000), pos)]
    start = ends[-1] if ends else max(0, pos - 2000)
    m = _SENTENCE_END.search(text, pos)
    return start, (m.end() if m and text[m.start()] != "\n" else (m.start() if m else len(text)))


def _clause_bounds(text: str, pos: int, s0: int, s1: int) -> tuple[int, int]:
    left = max(text.rfind(c, s0, pos) for c in ";；")
    rights = [i for i in (text.find(c, pos, s1) for c in ";；") if i >= 0]
    return (left + 1 if left >= 0 else s0), (min(rights) + 1 if rights else s1)


def _not_a_quantity(text: str, start: int, end: int, num: str) -> tuple[str, int] | None:
    """(reason, end of the span to skip) when the number is not a quantity."""
    after, before = text[end:end + 6], text[max(0, start - 12):start]
    if re.fullmatch(r"(19|20)\d{2}", num) and re.match(r"\s*(年|\s*[~\-—至到]\s*(19|20)\d{2}\s*年)", after):
        m = re.match(r"\s*(?:[~\-—至到]\s*(?:19|20)\d{2}\s*)?年(?:年?底|末)?", after)
        return "year", end + m.end()
    if re.match(r"-\d{1,2}-\d{1,2}|[:：]\d{2}", after) or re.search(r"\d-$|\d-\d{1,2}-$", before):
        return "date", end
    if re.match(r"\s*(月|日|号(?!\S*[〕\]])|时|点)", after) and "号" not in after[:1] or re.match(r"\s*[月日]", after):
        return "date", end
    if re.search(r"[〔\[(（](19|20)\d{2}[〕\])）]$", before) and re.match(r"号", after):
        return "document_number", end + 1
    if re.fullmatch(r"(19|20)\d{2}", num) and re.search(r"[〔\[]$", before):
        return "document_number", end
    if before.endswith("第"):
        return "ordinal", end
    if num in ("十三五", "十二五", "十四五") or re.fullmatch(r"[一二三四五六七八九十]+五", num):
        return "plan_name", end
    quote_open = text.rfind("“", max(0, start - 10), start)
    if quote_open >= 0 and "”" not in text[quote_open:start] and "”" in text[end:end + 10]:
        return "plan_name", text.index("”", end)  # “34520”, “众创十二条”, “1+8”
    if re.match(r"位一体", after):
        return "idiom", end + 3
    if (start == 0 or text[start - 1] == "\n") and re.match(r"[.、．]", after):
        return "list_number", end + 1
    if re.match(r"\s*年", after):
        return "duration", end + re.match(r"\s*年", after).end()
    if re.match(r"\s*[是则]", after) or re.match(r"[、]", after) and not num[0].isdigit():
        return "list_number", end
    if re.match(r"\s*[-—]\d{7,8}", after):
        return "phone_number", end
    return None


def _inside_title(text: str, pos: int) -> bool:
    left = text.rfind("《", 0, pos)
    return left >= 0 and text.rfind("》", left, pos) < 0 and text.find("》", pos) >= 0


_UNIT_AT = re.compile(rf"\s*(?P<unit>{_UNIT_RE})")


def _year_for(text: str, s0: int, pos: int, s1: int, cleaned_text: str) -> tuple[int | None, bool]:
    """(year referred to, whether it is a target year 到…年) from the sentence, else a preceding 到…年."""
    years = [(m.start(), int(m.group("year")), bool(m.group("to") and m.group("to") in ("到", "至")))
             for m in _YEAR_EXPR.finditer(text, s0, s1) if not _inside_title(text, m.start())]
    before = [y for y in years if y[0] < pos]
    if before:
        return before[-1][1], before[-1][2]
    if years:
        return years[0][1], years[0][2]
    # a goal list under "到2020年, ..." earlier in the same section (up to five paragraphs back,
    # not past a top-level heading such as "二、发展目标")
    para_start = cleaned_text.rfind("\n", 0, s0) + 1
    window = cleaned_text[para_start:s0]
    for _ in range(6):
        targets = [m for m in _YEAR_EXPR.finditer(window) if m.group("to") == "到"]
        if targets:
            return int(targets[-1].group("year")), True
        if para_start <= 0 or re.match(r"[一二三四五六七八九十]+、", window):
            break
        prev = cleaned_text.rfind("\n", 0, para_start - 1) + 1
        window, para_start = cleaned_text[prev:para_start - 1], prev
    return None, False


def _kind(unit: str | None, sentence: str, clause: str, offset_in_clause: int, year: int | None,
          is_target_year: bool, doc_year: int | None, default: str) -> str:
    rule = _RULE_CUES.search(clause)
    if rule and offset_in_clause >= rule.start() - 2:  # the rule's condition or amount, not what precedes it
        return "rule"
    if unit == "CNY":
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
    number, a list number, a duration …), and where reading may go on; (None, end) if it is one."""
    if _inside_title(text, start):
        return "title", end
    found = _not_a_quantity(text, start, end, num)
    return found if found else (None, end)


def _lost_decimal(text: str, end: int) -> re.Match | None:
    """A decimal point lost in the web copy: "17 4%" (digits, a space, one or two digits, a unit)."""
    return re.match(r" (\d{1,2})(?!\d)(?=\s*(?:" + _UNIT_RE + r"|[千万亿]))", text[end:end + 4])


def _number_value(text: str, start: int, num: str, is_chinese: bool, lost: bool) -> tuple[float | None, str | None]:
    """The number's value, or why it is not counted: "一批" is "a batch", "千人计划" a
    programme; only "逾万人", "近千人" count."""
    value = parse_chinese_number(num) if is_chinese else (None if lost else _parse_arabic(num))
    bare_magnitude = is_chinese and num in ("十", "百", "千", "万", "亿")
    hedged = any(text[max(0, start - len(w)):start] == w for w, q in _PRE_HEDGES if q) or text[start - 1:start] == "上"
    if is_chinese and (value is None or num == "一" or bare_magnitude and not hedged):
        return value, "not_a_number" if value is None else "vague"
    return value, None


def _range_and_magnitude(text: str, pos: int, value: float | None, is_chinese: bool
                         ) -> tuple[float | None, float | None, str, int]:
    """A range's upper end ("3-5万"), then 余/多 and the magnitude (万, 亿 …) after the number:
    (value, range_high, qualifier, position after them)."""
    range_high = None
    r = re.match(rf"\s*[-~～至到]\s*({_ARABIC})", text[pos:pos + 20]) if not is_chinese else None
    if r and _UNIT_AT.match(text, pos + r.end()) or (r and re.match(r"\s*[千万亿]", text[pos + r.end():])):
        range_high = _parse_arabic(r.group(1))
        pos += r.end()
    qualifier = "exact"
    post = re.match(r"(余|多)?(?:\s?(万亿|亿|万|千))?(余|多)?", text[pos:pos + 5])
    if post.group():
        if post.group(1) or post.group(3):
            qualifier = "more_than"
        if post.group(2):
            factor = _MAGNITUDES[post.group(2)]
            value = value * factor if value is not None else None
            range_high = range_high * factor if range_high is not None else None
        pos += post.end()
    return value, range_high, qualifier, pos


def _unit_at(text: str, start: int, pos: int) -> tuple[str | None, str, int]:
    """(unit, measure word, position after it); no unit: (None, "", pos). "百分之二十" is a percent."""
    unit_m = _UNIT_AT.match(text, pos)
    measure_word = unit_m.group("unit") if unit_m else ""
    unit = UNITS.get(measure_word)
    if unit is None and text[max(0, start - 3):start] == "百分之":
        unit, measure_word = "percent", "百分之"
    return unit, measure_word, (unit_m.end() if unit_m else pos)


def _hedges(text: str, start: int, pos: int, qualifier: str) -> tuple[str, int, int]:
    """Hedges before the number (近, 超过 …) and after the unit (以上, 左右 …): (qualifier,
    start of the mention, end of the mention)."""
    pre_start = start - 3 if text[max(0, start - 3):start] == "百分之" else start
    for word, qual in _PRE_HEDGES:
        if qual and text[max(0, pre_start - len(word)):pre_start] == word:
            qualifier, pre_start = qual, pre_start - len(word)
            break
    tail = next(((w, q) for w, q in _TAILS if text.startswith(w, pos)), None)
    if tail and tail[0] in ("以上", "以下", "以内", "左右"):
        qualifier = tail[1] if qualifier == "exact" or tail[1] == "at_least" and qualifier == "more_than" else qualifier
        pos += len(tail[0])
    return qualifier, pre_start, pos


def _bounds(qualifier: str, value: float | None, range_high: float | None
            ) -> tuple[str, float | None, float | None, float | None]:
    """(qualifier, low, high, value) from the qualifier: a range has bounds and no value."""
    if range_high is not None:
        return "range", value, range_high, None
    if qualifier == "exact":
        return qualifier, value, value, value
    if qualifier in ("at_least", "more_than"):
        return qualifier, value, None, value
    if qualifier in ("up_to", "almost"):
        return qualifier, None, value, value
    return qualifier, None, None, value


def _with_note(note: str, more: str) -> str:
    return (note + "; " if note else "") + more


def extract_text(cleaned: Cleaned, doc: str = "", doc_year: int | None = None,
                 include_all: bool = False, default_kind: str = "other") -> list[Mention]:
    """Quantity mentions of a cleaned text (see ``clean_text``). ``default_kind`` is the kind
    of a figure with no cue either way ("actual" suits a news report of what happened).

    Each candidate number goes through the stages above: rejected or not (``_rejected``), a
    lost decimal point, its value, a range and magnitude, its unit, the hedges around it, its
    bounds; then its sentence gives its year and kind. ``include_all`` keeps the rejected
    candidates too, as ``not_a_quantity`` with the reason."""
    text = cleaned.text
    out: list[Mention] = []
    skip_to = 0
    for m in _CANDIDATE.finditer(text):
        start, end = m.span()
        if start < skip_to:
            continue
        num, is_chinese, note = m.group(), m.group("chinese") is not None, ""
        reason, skip = _rejected(text, start, end, num)
        lost = _lost_decimal(text, end) if not is_chinese else None
        if reason is None and lost:
            end += lost.end()
            num = text[start:end]
            note = f"decimal point lost in the web copy? {num.replace(' ', '.')} or {num.replace(' ', '')}"
        value = range_high = None
        qualifier, unit, measure_word, pos = "exact", None, "", end
        if reason is None:
            value, reason = _number_value(text, start, num, is_chinese, bool(lost))
        if reason is None:
            value, range_high, qualifier, pos = _range_and_magnitude(text, end, value, is_chinese)
            unit, measure_word, pos = _unit_at(text, start, pos)
            if unit is None:
                reason = "no_unit"
        if reason is not None:
            if reason in ("year", "document_number", "list_number", "duration"):
                skip_to = skip
            if include_all:
                s0, s1 = _sentence_bounds(text, start)
                stop = max(end, skip)
                rs, re_ = cleaned.raw_span(start, stop)
                out.append(Mention(doc, start, stop, rs, re_, text[start:stop], None, None, "",
                                   "exact", None, None, None, "not_a_quantity", text[s0:s1].strip(), reason))
            continue
        qualifier, pre_start, pos = _hedges(text, start, pos, qualifier)
        if note:
            qualifier = "ambiguous"
        qualifier, low, high, value = _bounds(qualifier, value, range_high)
        s0, s1 = _sentence_bounds(text, start)
        c0, c1 = _clause_bounds(text, start, s0, s1)
        year, is_target_year = _year_for(text, s0, start, s1, text)
        kind = _kind(unit, text[s0:s1], text[c0:c1], start - c0, year, is_target_year, doc_year, default_kind)
        if year is None and doc_year is not None and kind != "target":
            year = doc_year  # "截至目前", "已": as of the document
            note = _with_note(note, "year of the document")
        if kind in ("funding",) and not _MONEY_CUES.search(text[s0:s1]):
            note = _with_note(note, "money without a funding word in the sentence")
        rs, re_ = cleaned.raw_span(pre_start, pos)
        out.append(Mention(doc, pre_start, pos, rs, re_, text[pre_start:pos], value, unit, measure_word, qualifier,
                           low, high, year, kind, text[s0:s1].strip(), note))
        skip_to = pos
    return out


def extract(raw: str, doc: str = "", doc_year: int | None = None, include_all: bool = False,
            default_kind: str = "other") -> list[Mention]:
    """Quantity mentions of a text as given (raw or cleaned, Traditional or Simplified)."""
    return extract_text(clean_text(raw), doc, doc_year, include_all, default_kind)
