"""What a stated number counts, read from the structure of its clause.

A number in a policy text counts a noun: the noun its measure word quantifies
(``建立了15家专业化众创空间``), or the subject it is predicated of (``众创空间达到103家``,
``在孵企业1128余家``). The clause around the mention is segmented with jieba's part-of-speech
tagger (``jieba.posseg``, no model download) and read for:

- **the counted noun**: the noun phrase after the measure word, else the one before the number
  (skipping the predicate: 达到, 建成 …); the codebook (``indicators.csv`` aliases, the
  number's unit deciding between indicators sharing an alias) names its indicator. A counted
  noun the codebook does not name is out of scope, and the reading says which noun it was.
  ``A和B N家`` (two carriers together) is the umbrella indicator of the codebook (its
  ``umbrella_of`` column); ``其中`` opens a subset that keeps its parent's indicator and
  takes its own level; ``分别`` hands out a list of levels in order;
- **the level**: a scope cue (``scopes.csv``) written on the counted noun or on the
  recipient of a rule (``对市级以上孵化器…给予``) is the scope; one only found earlier in the
  phrase is *inherited*, and the note says so;
- **the kind**: ``对…给予/奖励/补助`` a rule, ``设立/安排…资金`` funding, ``到/力争…年`` a
  target, ``截至/目前/已/累计`` a status figure, each with the cue in the note; a target during
  a plan period (``"十三五"期间``) is for the period's last year.

Each reading carries its evidence (``Reading.evidence``): how the noun, the level and the
kind were found (``analysis.figure_decision`` joins it with the extractor's mention into a
draft's fields). ``analysis.calibration`` turns that evidence into a confidence measured
on reviewed documents.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from importlib import resources

from analysis import clause_kind, indicator_words, quantities, text_shape, units

__all__ = ["Reader", "Reading", "EVIDENCE"]

# what a reading's indicator rests on, surest first (the calibration's first feature)
EVIDENCE = ("object", "subject", "subset", "umbrella", "predicate", "nearest", "rule_money", "none")

_STOP = re.compile(r"[,，。；;:：!！?？\n]")
_PAREN = re.compile(r"[(（][^()（）]{0,30}[)）]")
_NOUNISH = ("n", "nz", "nt", "ns", "vn", "j", "l", "b", "an", "ng", "s")
_PREDICATES = {"达到", "达", "为", "有", "共有", "拥有", "现有", "建成", "新增", "累计", "增至", "增加到", "突破", "超过",
               "共", "总计", "合计", "计", "已达", "已有", "达成", "增长", "增加", "是", "约", "近", "逾", "到",
               "力争", "争取", "计划", "预计", "实现", "培育", "建设", "创建", "打造", "引进", "吸引", "建有", "设有"}
_PER_PLACE = re.compile(r"每个?(?:县|市|区|乡|镇|街道|园区|村)")
_CONJ = {"和", "及", "与", "以及", "、", "或"}

# money a rule hands out after the number: 按每平方米20元的标准给予运营补贴, 10万元奖励
_WHOLE_REGION = re.compile(r"(?:全|本|我)(?:自治区|省|市|区|县|州|盟|旗)")  # the document's whole region, by name
_TOTAL_WORDS = re.compile(r"(?:总|累计|全部|合计)?(?:总数|总量|数量|数|规模|总计|合计)")  # the number of the noun before
# money no indicator names, by what the clause does with it: a rule hands it out, a budget is set up
_MONEY_BY_VERB = (("rule", "subsidies"), ("funding", "programme_budget"))
_FUNDING_VERB = re.compile(r"(?:设立|安排|投入|统筹|筹集|出资|整合|拨付|下达)[^。;；，,]{0,6}$")


# a total of the money named before it in the sentence (several payers, several awards): the whole region's
_SUM = re.compile(r"(?:形成|合计|共计|总计|总额|共|累计)[^，,。；;\d]{0,4}$")
_MONEY = re.compile(r"\d[\d.,，]*\s*[万亿]?元")


@dataclass
class Reading:
    """What one number counts, with the cue of each decision (``notes``)."""

    indicator: str  # "" when the counted noun is out of scope (or none was found)
    noun: str  # the counted noun phrase as written, "" when none was found
    evidence: str  # one of EVIDENCE
    scope: str
    scope_evidence: str  # own, distributed, rule_recipient, inherited, none
    kind: str | None  # None: no structural cue (the extractor's kind stands)
    kind_cue: str = ""
    year: int | None = None  # a plan period's last year, when the text names one
    notes: list[str] = field(default_factory=list)
    out_of_scope_reason: str = ""
    scope_cue: str = ""  # the words the scope was read from
    period_end: int | None = None  # the last year of a plan period the sentence names (十三五期间: 2020)
    caveats: list[str] = field(default_factory=list)  # what keeps the reading out of the confident band


def _tokenizer():
    """A tokenizer of its own (the codebook's words are added to it, not to ``analysis.terms``',
    whose term frequencies must not change). jieba is imported here: its tables load at import (1.0 s), reports tag nothing."""
    import jieba
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    with resources.as_file(resources.files("analysis").joinpath("userdict.txt")) as path:
        tok.load_userdict(str(path))
    return tok


class Reader:
    """Reads the counted noun, its level and the kind of each number; built from the codebooks."""

    def __init__(self, indicators: dict[str, dict], scopes: list[dict]):
        self.aliases = sorted(((a, code, row["unit"]) for code, row in indicators.items()
                               for a in _split(row.get("aliases"))), key=lambda a: -len(a[0]))
        self.units = {code: row["unit"] for code, row in indicators.items()}
        self.cues = {code: _split(row.get("cues")) for code, row in indicators.items()}
        self.umbrellas = [(code, set(_split(row.get("umbrella_of")))) for code, row in indicators.items()
                          if _split(row.get("umbrella_of"))]
        self.scope_cues = sorted(((c, s["code"]) for s in scopes for c in _split(s.get("cues"))),
                                 key=lambda c: -len(c[0]))
        # one pattern per unit (aliases longest first) and one of the scope cues: a scan, not a loop of scans
        self._alias_code: dict[tuple[str, str], str] = {}
        for alias, code, unit in self.aliases:
            self._alias_code.setdefault((alias, unit), code)
        self._alias_re = {unit: re.compile("|".join(re.escape(a) for a, _, u in self.aliases if u == unit))
                          for unit in {u for _, _, u in self.aliases}}
        self._scope_of = dict(self.scope_cues)
        self._level_re = re.compile("|".join(re.escape(c) for c, _ in self.scope_cues)) if self.scope_cues else None
        import jieba.posseg  # see _tokenizer
        tok = _tokenizer()
        base = jieba.posseg.POSTokenizer(tok)
        # an alias that is no noun phrase (入网, 参加全国, 荣获) says what the counted things do
        self.predicates = set()
        for alias, _, _ in self.aliases:
            parts = [w.flag for w in base.cut(alias, HMM=False)]
            if not parts[-1].startswith(_NOUNISH) or re.search(r"^参加|全国$", alias):
                self.predicates.add(alias)
            # kept whole; a word jieba knows keeps its part of speech (入网 and 申请 are verbs)
            tok.add_word(alias, max(2000, tok.FREQ.get(alias) or 0),
                         None if tok.FREQ.get(alias) else "v" if alias in self.predicates else "n")
        for cue, _ in self.scope_cues:
            tok.add_word(cue, 2000, "b")
        self._pos = base  # holds the user dictionary's parts of speech; the words added above join at the first cut
        self._cache: dict[str, list[tuple[str, str]]] = {}

    @classmethod
    def from_codebooks(cls, indicators: dict[str, dict], scopes: list[dict]) -> Reader:
        return cls(indicators, scopes)

    # --- words ------------------------------------------------------------------------------
    def words(self, text: str) -> list[tuple[str, str]]:
        """(word, part of speech) of a short span (cached: policy texts repeat their phrases)."""
        got = self._cache.get(text)
        if got is None:
            got = [(w.word, w.flag) for w in self._pos.cut(text, HMM=False)]
            if len(self._cache) > 20000:
                self._cache.clear()
            self._cache[text] = got
        return got

    def indicator_of(self, noun: str, unit: str) -> tuple[str | None, str]:
        """The indicator an alias in ``noun`` names for numbers in ``unit`` (the alias ending
        last, the longest of those), and the alias."""
        best = None
        for alias, code, alias_unit in self.aliases:
            if alias_unit != unit:
                continue
            j = noun.rfind(alias)
            if j >= 0:
                key = (j + len(alias), len(alias))
                if best is None or key > best[0]:
                    best = (key, code, alias)
        return (best[1], best[2]) if best else (None, "")

    def named(self, noun: str, unit: str) -> list[str]:
        """Every indicator of ``unit`` an alias in ``noun`` names, in the order they appear (the
        longest alias at each place: 科技企业孵化器 rather than 孵化器)."""
        pattern = self._alias_re.get(unit)
        if pattern is None:
            return []
        return [self._alias_code[(m.group(), unit)] for m in pattern.finditer(noun)]

    def level_in(self, words: str) -> tuple[str, str]:
        """(scope, cue) of the scope cue in ``words`` nearest their end (longest of overlapping)."""
        if self._level_re is None:
            return "", ""
        matches = list(self._level_re.finditer(words))
        last = matches[-1] if matches else None
        return (self._scope_of[last.group()], last.group()) if last else ("", "")

    # --- the counted noun -----------------------------------------------------------------------
    def noun_after(self, after: str) -> str:
        """The noun phrase the measure word quantifies: the words after the mention up to a
        predicate, punctuation or number (``15家专业化众创空间`` → 专业化众创空间)."""
        words = self.words(after)
        out: list[str] = []
        for i, (w, pos) in enumerate(words):
            nxt = words[i + 1][1] if i + 1 < len(words) else ""
            if pos.startswith(_NOUNISH) or pos in ("r", "a", "f") and out == [] and w not in ("以上", "以下") \
                    or w in ("以上", "以下") and out and self.level_in(out[-1])[0]:  # 31家市级以上孵化器
                out.append(w)
            elif pos.startswith("v") and nxt.startswith(_NOUNISH) and (out or w not in _PREDICATES):
                out.append(w)  # 创业孵化示范基地: a verb that modifies the noun after it
            elif (w == "的" or w in _CONJ) and out and nxt.startswith(_NOUNISH):
                out.append(w)  # 的 before the noun it describes; 、和及 in a list of nouns
            else:
                break
        while out and not words[len(out) - 1][1].startswith(_NOUNISH):
            out.pop()
        return "".join(out)

    def noun_before(self, before: str) -> tuple[str, bool]:
        """The subject a number is predicated of (``众创空间达到103家``, ``在孵企业1128余家``),
        read backwards from the number over the predicate; and whether it is a ``其中`` subset."""
        words = self.words(before)
        i = len(words) - 1
        while i >= 0 and (words[i][0] in _PREDICATES or words[i][1] in ("d", "p", "ul", "m", "u", "q", "eng")
                          and words[i][0] not in ("的", "其中")):
            i -= 1
        if i > 0 and words[i][0] == "的" and words[i - 1][1].startswith(_NOUNISH) and any(
                w == "其中" for w, _ in words[:i]):
            i -= 1  # 其中成长为高新技术企业的有1100家: those of the subset that became the noun before 的
        out: list[str] = []
        while i >= 0:
            w, pos = words[i]
            if w in _PREDICATES:
                break
            if pos.startswith(_NOUNISH) or w in _CONJ and out or w in ("的",) and out or pos == "f" and w in ("以上", "以下"):
                out.insert(0, w)
            elif pos.startswith("v") and out and w not in _PREDICATES and i > 0 and (
                    words[i - 1][0] == "的" or words[i - 1][1].startswith(_NOUNISH)):
                out.insert(0, w)  # 经备案的孵化器, 孵化场地使用面积: a verb inside the noun phrase
            else:
                break
            i -= 1
        while out and (out[0] in _CONJ or out[0] == "的"):
            out.pop(0)
        subset = i >= 0 and words[i][0] == "其中"
        return "".join(out), subset

    # --- the whole reading ------------------------------------------------------------------------
    def read(self, text: str, start: int, end: int, c0: int, s0: int, unit: str, previous: list[Reading]
             ) -> Reading:
        """How the number ``text[start:end]`` (the extractor's mention, unit included) in the
        clause from ``c0`` (sentence from ``s0``) is read; ``previous`` are the readings of
        the numbers before it in the same sentence (for 其中 and inherited levels)."""
        stop = _STOP.search(text, end, end + 40)
        rest = text[end:stop.start() if stop else min(len(text), end + 40)]  # the clause after the number
        after = re.split(r"[\d０-９]", rest, maxsplit=1)[0]
        head = text[c0:start]
        cut = max(head.rfind(p) for p in ",，:：;；")
        phrase_start = c0 + cut + 1
        enum = text.rfind("、", phrase_start, start)
        before = indicator_words.without_quoted_name(_PAREN.sub("", text[max(phrase_start, enum + 1, start - 24):start]))
        s1 = re.search(r"[。！？!?\n]", text[end:])
        sentence = text[s0:end + s1.start() if s1 else len(text)]
        notes: list[str] = []
        noun, evidence, subset = "", "none", False
        if not after.startswith("的") or unit not in ("count", "person"):
            # 2600万元的专项经费: the money of the fund; but 在孵企业20家以上的孵化器: the firms, not the incubators
            noun = self.noun_after(after[1:] if after.startswith("的") else after)
            # 孵化面积3000平方米以上的载体: the noun after 的 has the area, unless it names an indicator of the unit
            noun = "" if after.startswith("的") and noun and not self.indicator_of(noun, unit)[0] else noun
            evidence = "object" if noun else "none"
        if not noun:
            noun, subset = self.noun_before(before)
            evidence = "subject" if noun else "none"
            if after.startswith("的") and noun:
                notes.append("a noun after 的 describes what has the number; the noun before it is counted")
        subset = subset or "其中" in before
        level_only = not noun and self._level_re is not None and re.search(
            f"(?:{self._level_re.pattern})(?:的)?(?:有|为|共有|达到|达)?$", before)
        if level_only and previous:
            subset = True  # 共有孵化器和众创空间68家，其中国家级的有14家，省级的有26家: a level of the noun before
        if noun and self._level_re is not None and not re.search("[\u4e00-\u9fff]", self._level_re.sub("", noun)):
            noun, evidence = "", "none"  # 省级80家, 其中国家级10家: a level only; the noun is the parent's
            subset = True
        elif noun and subset and previous and text_shape.place_name(noun):
            noun, evidence = "", "none"  # …众创空间146家，其中鹿城区31家: a place's share of the noun before
        elif noun and _TOTAL_WORDS.fullmatch(noun) and previous:
            noun, evidence, subset = "", "none", True  # 新认定120家，总数达到650家: the total of the noun before
        indicator, alias = self.indicator_of(noun, unit) if noun else (None, "")
        named = self.named(noun, unit) if noun else []
        coordinated = False
        if len(set(named)) > 1 and (re.search("|".join(map(re.escape, _CONJ)), noun) or indicator_words.spoken_and(noun)):
            umbrella = next((code for code, parts in self.umbrellas if set(named) <= parts), None)
            if umbrella:
                indicator, evidence = umbrella, "umbrella"
                notes.append(f"'{noun}' names several carriers together: the umbrella indicator")
            else:
                # 在孵企业和创业团队达到300个: no indicator counts both; the first named heads the phrase (a guess)
                indicator, coordinated = named[0], True
                notes.append(f"'{noun}' names several things and no indicator counts them together: the first")
        # the parent a subset keeps: a number before it of the same unit (对31家孵化器发放补助4270万元: not the money)
        parent = next((r for r in reversed(previous) if r.indicator and self.units.get(r.indicator) == unit), None)
        if not noun:
            parts = {r.indicator for r in previous if r.indicator and self.units.get(r.indicator) == unit}
            # 孵化器三家、众创空间五家、星创天地四家；其中省级的有两家: a subset of them all, their umbrella
            several = next((c for c, members in self.umbrellas if len(parts) > 1 and parts <= members
                            and head.rfind("（") <= head.rfind("）")), None)  # 众创空间4家（其中市级2家）: that one
            if subset and parent is not None:
                indicator, evidence, coordinated = several or parent.indicator, "subset", several is not None
                notes.append(f"a subset of '{several or parent.noun or parent.indicator}' earlier in the sentence (其中 or "
                             "a level alone" + (", after several of its parts)" if several else ")"))
            else:
                # nothing structural: the nearest alias of the unit in the clause
                indicator, alias = self._nearest(text, c0, start, rest, unit)
                evidence = "nearest" if indicator else "none"
                pair = text_shape.coordinated_before(self._alias_re[unit], text[c0:start], alias) if indicator else []
                umbrella = next((c for c, parts in self.umbrellas if {self._alias_code[(a, unit)] for a in pair} <= parts
                                 and len(set(pair)) > 1), None)
                if umbrella:  # 孵化器和众创空间总数由上年的58家增至67家: the nearest alias ends an umbrella's pair
                    indicator = umbrella
                    notes.append(f"'{pair[0]}' and '{pair[1]}' together before the number: the umbrella indicator")
                elif indicator and parent is not None and parent.evidence == "umbrella" and alias in parent.noun:
                    # 孵化器和众创空间达到46家，比上年增加5家: the alias is part of the umbrella counted before
                    indicator = parent.indicator
                    notes.append(f"'{alias}' is part of '{parent.noun}' counted before: its indicator")
        if indicator is None and noun and not re.search("[\u4e00-\u9fff]", noun):
            noun = ""
        if indicator is None and noun:
            pred, palias = self._predicate(rest, text[phrase_start:start], unit, noun)
            if pred:
                indicator, evidence, alias = pred, "predicate", palias
                notes.append(f"'{noun}' is what is counted; '{palias}' in the clause says which of them")
        worded = indicator_words.measure_word(text[start:end], self.aliases, unit) if indicator is None else None
        if worded:  # 培训农民3,200人次: the measure word is the codebook's alias (人次: participants), whatever the noun
            indicator, evidence, alias = worded[0], "nearest", worded[1]
            notes.append(f"the measure word '{worded[1]}' names the indicator")
        cued = indicator_words.cued(indicator, alias, unit, sentence, text[s0:end] + rest, self)
        if cued:
            notes.append(f"'{cued[1]}' in the sentence: {cued[0]} rather than {indicator or 'no indicator'}")
            indicator = cued[0]
            evidence = evidence if evidence != "none" else "nearest"
        if indicator and alias and evidence in ("object", "subject"):
            notes.append(f"counts '{noun}' (the {'noun the measure word quantifies' if evidence == 'object' else 'subject'}"
                         f", '{alias}')")
        elif indicator and alias and evidence == "nearest":
            notes.append(f"indicator from the nearest '{alias}' (no counted noun read)")
        reason = ""
        if indicator is None:
            # a length of time counts years, months or days, not the noun after it (3年房租补贴)
            reason = (f"the counted noun '{noun}' is not an indicator of the codebook"
                      if noun and unit not in units.DURATIONS else
                      f"no indicator measured in {unit} is named near the number")
        fen = head.rfind("分别")
        k_fenbie = len(re.findall(r"\d+(?:\.\d+)?", head[fen:])) if fen >= 0 else None
        scope, scope_evidence, scope_note = self._scope(noun, text[phrase_start:start], head, rest, previous, parent, evidence,
                                                        k_fenbie, indicator)
        if scope_note:
            notes.append(scope_note)
        kind, kind_cue, year = clause_kind.kind_of(text, c0, s0, start, end, unit)
        if kind:
            notes.append(f"kind {kind} from '{kind_cue}'")
        if year:
            notes.append(f"a target during the plan period: its last year, {year}")
        verb = _FUNDING_VERB.search(text[phrase_start:start]) if unit == "CNY" and kind not in ("rule", "funding") else None
        if verb:
            kind, kind_cue = "funding", verb.group()  # 区财政每年安排1000万元
            notes.append(f"kind funding from '{kind_cue}'")
        awarded = text_shape.award_item(text, start) if unit == "CNY" and not indicator else ""
        if awarded and "subsidies" in self.units:  # 1.某某孵化器（国家级孵化器） 80万元: an award paid to a recipient
            indicator, evidence, kind, kind_cue, reason = "subsidies", "rule_money", "funding", "award list", ""
            notes.append(f"an item of a list of recipients ('{awarded}'): money paid to it")
            listed = self.level_in(awarded)[0]
            scope, scope_evidence = (listed, "own") if scope_evidence == "none" and listed else (scope, scope_evidence)
        money = dict(_MONEY_BY_VERB).get(kind or "") if unit == "CNY" and not indicator else None
        if money in self.units:
            # 对单个孵化器给予最高200万元, 对一等奖给予10万元奖金: the noun is the recipient or the prize, the amount a
            # subsidy; 安排1000万元用于…: a budget
            notes.append(f"money {'a rule hands out' if kind == 'rule' else 'set aside'} ('{kind_cue}'): {money}"
                         + (f", to or for '{noun}'" if noun else ""))
            indicator, evidence, reason = money, "rule_money", ""
        got = next((r for r in reversed(previous) if r.scope_evidence == "own"), None)
        if unit == "CNY" and kind == "rule" and scope_evidence == "none" and got is not None:
            scope, scope_evidence = got.scope, "inherited"  # 认定市级孵化器5家，分别给予每家20万元: the recipient counted before
            notes.append(f"scope {got.scope} inherited from the recipient '{got.noun}' counted before")
        payer, payer_cue = text_shape.payer_level(text[s0:start]) if unit == "CNY" and kind == "funding" else ("", "")
        summed = _SUM.search(text[phrase_start:start]) if unit == "CNY" else None
        if summed and len(_MONEY.findall(text[s0:phrase_start])) >= 2:
            # 省本级安排1550万元,各市出资1050万元,形成2600万元: a total of the amounts before it, at no one level
            scope, scope_evidence, payer = "all", "total", ""
            notes.append(f"scope all: '{summed.group()}' sums the amounts named before it in the sentence")
        if payer and scope_evidence in ("none", "phrase", "rule_recipient", "inherited"):
            # 市财政每年安排…，五年累计投入4亿元: money set aside is at the level of the government that pays
            scope, scope_evidence = payer, "payer"
            notes.append(f"scope {payer} from the payer '{payer_cue}'")
        cue_of = re.search(r"from '([^']+)'", scope_note) if scope_evidence != "payer" else None
        caveats = ["weak_kind"] if kind == "actual" and clause_kind.WEAK_STATUS.fullmatch(kind_cue) else []
        if coordinated:
            caveats.append("coordinated")
        if _PER_PLACE.search(text[phrase_start:start]):
            caveats.append("per_place")  # 每个县至少建成1家: each place's number, not the region's count
        nested = re.search(r"对[^。;；，,]*?" + re.escape(cue_of.group(1) if cue_of else "\0") +
                           r"([^。;；，,的]*?)的[^。;；，,的]{2,}?[,，]", head) if scope_evidence == "rule_recipient" else None
        if nested and len(re.sub(r"备案|认定|评定", "", nested.group(1))) >= 2:
            # 对入驻市级以上孵化器的在孵企业，给予: the level is the carriers', the recipients are the firms in them
            # (but 对获得国家级备案的众创空间: the level is the recipients' own)
            caveats.append("nested_level")
        paid = text_shape.payer_level(text[s0:start])[0] if unit == "CNY" and scope_evidence != "payer" else ""
        if paid and paid != scope:
            caveats.append("payer")  # 对国家级孵化器，区财政给予100万元: the recipient's level or the payer's?
        return Reading(indicator or "", noun, evidence, scope, scope_evidence, kind, kind_cue, year, notes, reason,
                       payer_cue if scope_evidence == "payer" else cue_of.group(1) if cue_of else "",
                       quantities.plan_period_target_year(sentence), caveats)

    def _head(self, noun: str) -> str:
        """A subject after the last verb inside it that no 的 follows: 省级资金下达情况追加预算 → 预算 (the level
        is the money's that was passed down, not the budget's); 国家级备案的众创空间 stays whole."""
        words = self.words(noun)
        cut = max((i for i, (_, pos) in enumerate(words[:-1]) if pos.startswith("v") and pos != "vn"
                   and words[i + 1][0] != "的" and i > 0), default=-1)
        return "".join(w for w, _ in words[cut + 1:])

    def _level_list(self, text: str) -> list[str]:
        """The last list of levels in ``text`` (国家级、省级、市级): cues joined by 、和及与."""
        if self._level_re is None:
            return []
        runs: list[list[re.Match]] = []
        for m in self._level_re.finditer(text):
            if self._scope_of[m.group()] == "region_registered" or re.search(r"财政|本级", m.group()):
                continue  # 认定的, 市级备案的: a filing; 市财政: the payer (国家级、省级星创天地，市财政分别给予): no level listed
            between = text[runs[-1][-1].end():m.start()] if runs else ""
            # 国家级、省级、合作区级: a place's own level word (合作区级, 高新区级) is an item of the list too
            place_level = len(m.group()) == 2 and re.fullmatch(r"[、和及与,，][\u4e00-\u9fff]{1,3}", between)
            if runs and (re.fullmatch(r"[、和及与,，]|备案", between) or place_level):
                runs[-1].append(m)
            else:
                runs.append([m])
        return [m.group() for m in runs[-1]] if runs else []

    def _nearest(self, text: str, c0: int, start: int, rest: str, unit: str) -> tuple[str | None, str]:
        """The alias of ``unit`` ending nearest before the number in its clause, else the first
        after it (``分别给予200万元、100万元奖励``)."""
        best = None
        for alias, code, alias_unit in self.aliases:
            if alias_unit != unit:
                continue
            j = text.rfind(alias, c0, start)
            if j >= 0 and (best is None or j + len(alias) > best[0]):
                best = (j + len(alias), code, alias)
        if best:
            return best[1], best[2]
        after = [(rest.find(a), -len(a), code, a) for a, code, u in self.aliases if u == unit and a in rest]
        return (min(after)[2], min(after)[3]) if after else (None, "")

    def _predicate(self, rest: str, before: str, unit: str, noun: str) -> tuple[str | None, str]:
        """What a generic counted noun (企业, 单位) is, from the rest of its clause: an alias in the
        predicate after it (``企业通过高新技术企业认定``, ``单位入网``, ``参加全国…``) not itself counted
        by another number, else a verb alias before it (``入网高校、企业13家``)."""
        found = []
        for alias, code, alias_unit in self.aliases:
            if alias_unit != unit or alias in noun or alias not in rest:
                continue
            for m in re.finditer(re.escape(alias), rest):
                counted = alias not in self.predicates and re.search(r"\d\s*[家个名项位人条份户所支座套台批]\S{0,2}$",
                                                                    rest[:m.start()])
                if not counted:
                    found.append((alias not in self.predicates, m.start(), -len(alias), code, alias))
        if found:
            _, _, _, code, alias = min(found)
            return code, alias
        for alias, code, alias_unit in self.aliases:
            if alias_unit == unit and alias in self.predicates and alias in before:
                return code, alias
        return None, ""

    def _scope(self, noun, before, head, rest, previous, parent, evidence, k_fenbie, indicator
               ) -> tuple[str, str, str]:
        """(scope, how it was found, note): a level in a 分别 list, on the counted noun (or right
        before the number: 其中国家级10家), in the predicate (通过国家级备案), on a rule's recipient
        (对市级以上孵化器…), else inherited from a number of the same sentence whose noun had one."""
        fen = head.rfind("分别")
        if fen >= 0 and k_fenbie is not None:
            levels = self._level_list(head[:fen])
            if len(levels) > 1 and k_fenbie < len(levels):
                cue = levels[k_fenbie]
                scope = dict(self.scope_cues)[cue]
                return scope, "distributed", f"scope {scope}: the level '{cue}' of place {k_fenbie + 1} before 分别"
        # a subject read backwards may hold a clause (省级资金下达情况追加预算): its head's level only
        own, cue = self.level_in(self._head(noun) if evidence == "subject" else noun) if noun else ("", "")
        if not own and evidence != "object":
            own, cue = self.level_in(before[-8:])
        if own:
            return own, "own", f"scope {own} from '{cue}' on the counted noun"
        filed = re.match(r"\S{0,6}?(?:通过|经|获)([^，,。；;]{0,12}?)(?:备案|认定|认证|评定)", rest)
        if filed:
            scope, cue = self.level_in(filed.group(0))
            if scope:
                return scope, "own", f"scope {scope} from '{cue}' in '{filed.group(0)}'"
        # the last rule of the clause (对省级以上孵化器给予50万元，对市级众创空间给予20万元: the second's recipient)
        recipient = ([None] + list(re.finditer(r"对([^。;；，,]{0,40}?)(?:[,，]|给予|按|奖励|补助)", head)))[-1]
        if recipient:
            scope, cue = self.level_in(recipient.group(1))
            if scope:
                return scope, "rule_recipient", f"scope {scope} from '{cue}' on the rule's recipient"
        scope, cue = self.level_in(text_shape.topic_recipient(head))
        if scope:  # 新认定国家级孵化器，一次性奖励500万元: the recipient named first, a list item's topic
            return scope, "rule_recipient", f"scope {scope} from '{cue}' on the rule's recipient named first"
        phrase, cue = self.level_in(before)
        if phrase:
            return phrase, "phrase", f"scope {phrase} from '{cue}' earlier in the phrase (not on the counted noun)"
        inherited = next((r for r in reversed(previous) if r.scope_evidence in ("own", "rule_recipient", "inherited")
                          and r.scope != "all"), None)
        if inherited is not None and inherited.indicator == indicator and not noun and (
                evidence != "subset" or text_shape.place_name(before, end=True)):  # 市级以上…146家，其中鹿城区31家: the parent's level
            return inherited.scope, "inherited", f"scope {inherited.scope} inherited from '{inherited.noun}' earlier"
        whole = _WHOLE_REGION.search(before)
        if whole:  # 全市众创空间达到30家: the whole region's, said in words
            return "all", "region", f"scope all from '{whole.group()}' (the whole region, no level)"
        return "all", "none", ""

def _split(value) -> list[str]:
    return [v.strip() for v in str(value or "").split("|") if v.strip()]
