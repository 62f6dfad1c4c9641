"""The hedges around a Chinese number and the qualifier they give (``analysis.quantities`` reads the number, this module
what is said about it): a word right before it (近, 超过, 不少于 …, also before 为/有/达: ``约为30家``), a tail after its
unit (以上, 左右, 余 …), and the hedges further away that still bound it:

- a hedge that is an adverb before a short verb (``至少建成1家``, ``最高可申请30万元``, ``最长滞留达7个月``): at least or
  up to, as right before the number;
- a hedge before a share of something (``不低于合同金额的30%``, ``不超过参评总数的20%``, ``不低于出资额的1.5倍``): the hedge
  bounds the share;
- a deadline (``限期6个月整改``, ``压缩至20个工作日``, ``可延长至5年``) and a cap (``上限为50万元``, ``可提高至30%``): up to;
- a threshold a condition names (``规模达到500万元的``, ``营收过五百万的``): at least, more than;
- one hedge shared by a list (``分别给予最高15万元、10万元、5万元``: each up to; ``200万元、100万元以内``: both up to;
  ``上限由50万元提高到80万元``: both caps), read by ``shared`` once every mention of a text is read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.quantity_mention import Mention, bounds

__all__ = ["HEDGE_RIGHT_BEFORE", "HEDGE_QUALIFIER", "hedges", "shared"]

_PRE_HEDGES = [  # (text immediately before the number, qualifier); sorted longest first below
    ("最高不超过", "up_to"), ("不超过", "up_to"), ("最高", "up_to"), ("最多", "up_to"), ("不高于", "up_to"),
    ("不足", "up_to"), ("不到", "up_to"), ("少于", "up_to"), ("低于", "up_to"), ("不满", "up_to"),
    ("不少于", "at_least"), ("不低于", "at_least"), ("至少", "at_least"), ("最低", "at_least"), ("最少", "at_least"),
    ("最长", "up_to"), ("突破", "more_than"), ("超出", "more_than"), ("将近", "almost"), ("接近", "almost"),
    ("近", "almost"), ("大约", "approx"), ("大概", "approx"), ("差不多", "approx"), ("约", "approx"),
    ("超过", "more_than"), ("逾", "more_than"), ("超", "more_than"),
    ("未超过", "up_to"), ("未超出", "up_to"), ("没有超过", "up_to"), ("未达到", "up_to"),  # 未超过50万元上限: within the cap
    # a deadline or a cap: 限期6个月整改, 审核时限压缩至20个工作日, 可延长至5年, 上限为50万元, 投资比例可提高至30%
    ("限期", "up_to"), ("压缩至", "up_to"), ("压缩到", "up_to"), ("缩短至", "up_to"), ("缩短到", "up_to"),
    ("延长至", "up_to"), ("延长到", "up_to"), ("可提高至", "up_to"), ("可提高到", "up_to"), ("上限为", "up_to"),
    ("上限由", "up_to"), ("上限", "up_to"), ("封顶", "up_to"),
    ("不小于", "at_least"), ("不大于", "up_to"),
    # a slide's or a table's signs: ≥ 72家 at least, ≤ 3个月 up to, ＞50% more than, ＜60分 up to (no "below")
    ("≥", "at_least"), ("≧", "at_least"), ("⩾", "at_least"), ("≤", "up_to"), ("≦", "up_to"), ("⩽", "up_to"),
    (">", "more_than"), ("＞", "more_than"), ("<", "up_to"), ("＜", "up_to"),
    ("百分之", None),  # percent written out: handled separately
]
_PRE_HEDGES.sort(key=lambda h: -len(h[0]))  # 不少于 before 少于
HEDGE_QUALIFIER = {w: q for w, q in _PRE_HEDGES if q}
# 约 of a word (签约12个, 节约30%, 预约, 履约) is no "about"; 折合约6.8亿 is (合约 is no word before a number)
_HEDGE_WORDS = "|".join(r"(?<![签节预条契邀履违特制隐婚])约" if w == "约" else re.escape(w) for w in HEDGE_QUALIFIER)
# a hedge right before the number, or before 为/有/达/了 and the number (约为30家, 最高可达100万元):
# searched in the few characters before the number, the leftmost match is the longest hedge
# ≥ 72家; 约合新台币22万元, 約NT$8,800: a currency named between the hedge and the number
_HEDGE_BEFORE = re.compile(rf"(?P<hedge>{_HEDGE_WORDS})(?P<link>可达|为|有|达|了|可|合)?[ \u3000]?"
                           r"(?:新台币|台币|新臺幣|NT\$|人民币|港币|美元|US\$|HK\$)?$")
HEDGE_RIGHT_BEFORE = re.compile(rf"(?:{_HEDGE_WORDS})$")
# an adverb before a verb of one or two characters (至少建成1家, 至少配备3名, 最高可申请30万元, 单户最高可贷一千万元,
# 最高补助200万元, 最长滞留达7个月); the verb is no numeral, no punctuation, no 的 (最高的)
_ADVERB_VERB = re.compile(r"(?P<hedge>至少|最多|最少|最高|最低|最长)(?:可|能|可以|将)?(?P<verb>[\u4e00-\u9fff]{1,2})"
                          r"(?:达|为|到)?$")
_NOT_A_VERB = re.compile(r"[零〇一二两三四五六七八九十百千万亿的了和与或及等]|分别")
# a hedge before a share of something (不低于合同金额的30%, 不超过参评总数的20%, 不低于母基金出资额的1.5倍)
_SHARE_OF = re.compile(r"(?P<hedge>不低于|不高于|不超过|不少于|不足|最高不超过|低于|高于)[^，。；,;、\d\n]{1,14}的$")
_SHARE_UNITS = ("percent", "times")
# a condition's threshold: 规模达到500万元的, 销售额达到500万元的企业 (at least); 营收过五百万的 (more than)
_THRESHOLD_BEFORE = re.compile(r"(?:达到|达)$")
_THRESHOLD_AFTER = re.compile(r"的(?!目标|水平|规模|任务|要求|标准|比例|增长)")
# 营收过五百万, 人数破千, 年龄过40岁: 过 and 破 after a noun of an amount exceed it; after a verb 过 is a past (举办过3届)
_PAST = re.compile(r"(?:(?<=[收入额数量龄模值润积金资本产])过|(?<=[\u4e00-\u9fff])(?<![打突冲攻识看说])破)$")
_TAILS = [("(含)以上", "at_least"), ("（含）以上", "at_least"), ("及以上", "at_least"), ("及以下", "up_to"),
          ("以上", "at_least"), ("以下", "up_to"), ("以内", "up_to"), ("之内", "up_to"), ("为限", "up_to"),
          ("左右", "approx"), ("上下", "approx"), ("多", "more_than"), ("余", "more_than")]
_TAILS_AFTER_UNIT = {w for w, _ in _TAILS} - {"余"}


def hedges(text: str, start: int, pos: int, qualifier: str, unit: str | None = None) -> tuple[str, int, int]:
    """Hedges before the number (近, 超过, 至少建成 …) and after the unit (以上, 左右 …): (qualifier, start of the
    mention, end of the mention). ``unit`` is the number's unit code (a share's hedge bounds a percent or a multiple)."""
    pre_start = start - 3 if text[max(0, start - 3):start] == "百分之" else start
    upward = pre_start > 0 and text[pre_start - 1] in "上过破" and text[start:start + 1] in ("百", "千", "万", "亿")
    if upward:  # 上万人: ten thousand or more; 过万家, 破亿元: more than
        qualifier, pre_start = ("at_least" if text[pre_start - 1] == "上" else "more_than"), pre_start - 1
    hedge = None if upward else _HEDGE_BEFORE.search(text, max(0, pre_start - 10), pre_start)
    if hedge:
        qualifier, pre_start = HEDGE_QUALIFIER[hedge.group("hedge")], hedge.start()
    elif not upward and qualifier == "exact":
        qualifier, pre_start = _hedge_further(text, pre_start, pos, unit, qualifier)
    tail = next(((w, q) for w, q in _TAILS if text.startswith(w, pos)), None)
    if tail and tail[0] == "多":  # 翻了一番多, 3年多; not 30家多措并举
        many = re.match(r"多(?:元|种|样|个|家|项|方|层|次|措|渠道|形式|部门)", text[pos:pos + 3])
        tail = None if many or qualifier != "exact" else tail
    if tail and tail[0] in _TAILS_AFTER_UNIT:
        qualifier = tail[1] if qualifier == "exact" or tail[1] == "at_least" and qualifier == "more_than" else qualifier
        pos += len(tail[0])
    return qualifier, pre_start, pos


def _hedge_further(text: str, pre_start: int, pos: int, unit: str | None, qualifier: str) -> tuple[str, int]:
    """A hedge a few words before the number (an adverb and its verb, a share's hedge, a threshold): (qualifier,
    start of the mention). The mention still starts at the number (``1家`` of ``至少建成1家``): the words between are
    the clause's verb, which the figure drafter reads as such."""
    verb = _ADVERB_VERB.search(text, max(0, pre_start - 8), pre_start)
    if verb and not _NOT_A_VERB.search(verb.group("verb")):
        return HEDGE_QUALIFIER[verb.group("hedge")], pre_start
    if unit in _SHARE_UNITS and (share := _SHARE_OF.search(text, max(0, pre_start - 20), pre_start)):
        return HEDGE_QUALIFIER[share.group("hedge")], pre_start
    if _PAST.search(text, max(0, pre_start - 2), pre_start):
        return "more_than", pre_start - 1
    if _THRESHOLD_BEFORE.search(text, max(0, pre_start - 2), pre_start) and _THRESHOLD_AFTER.match(text, pos):
        return "at_least", pre_start
    return qualifier, pre_start


# what joins the items of a list a hedge is shared by; 由…提高到 a cap's old and new values
_LIST_JOIN = re.compile(r"\s*(?:、|，|和|或|及)\s*")
_RAISED = re.compile(r"\s*(?:提高到|提高至|调整为|调整到|调整至|上调至|上调到|增加到|增加至)\s*")
_BOUNDS = ("up_to", "at_least")


def shared(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions in text order with a hedge shared by a list: a hedge before the first item (``最高15万元、10万元``,
    ``不少于200期、1万人次``) bounds the items after it, a tail after the last (``200万元、100万元以内``) the items before
    it, and a cap's old value its new one (``上限由50万元提高到80万元``). Only items right after one another, joined by
    、 (or ，和 或 及 after 分别), are a list; an item that states its own hedge keeps it."""
    out = list(mentions)
    inherited: set[int] = set()  # items bounded by the hedge of the first: they pass it on (30万元、20万元、10万元)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        between = text[a.end:b.start]
        if a.qualifier in _BOUNDS and b.qualifier == "exact" and (i - 1 in inherited or _hedged_before(text, a)) and (
                between == "、" or _RAISED.fullmatch(between) or _LIST_JOIN.fullmatch(between) and _respectively(text, a)):
            out[i] = _with(b, a.qualifier, "a hedge shared by the list")
            inherited.add(i)
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if b.qualifier in _BOUNDS and a.qualifier == "exact" and text[a.end:b.start] == "、" and not _hedged_before(text, b):
            out[i - 1] = _with(a, b.qualifier, "a hedge shared by the list")
    return out


def _hedged_before(text: str, m: Mention) -> bool:
    """Whether the mention's qualifier comes from words before its number (its quote starts with them)."""
    return bool(re.match(r"[^\d零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]", m.text))


def _respectively(text: str, m: Mention) -> bool:
    """分别 a few words before the first item: 分别给予最高500万元、200万元."""
    return "分别" in text[max(0, m.start - 8):m.start + 4]


def _with(m: Mention, qualifier: str, note: str) -> Mention:
    qualifier, low, high, value = bounds(qualifier, m.value, None)
    return replace(m, qualifier=qualifier, low=low, high=high, value=value,
                   note=(m.note + "; " if m.note else "") + note)
