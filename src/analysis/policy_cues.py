"""Knowledge of the genre that transfers to documents the coder has never seen: the
wording with which Chinese policy texts state each kind of instrument (给予…补贴 a subsidy,
政府采购 procurement, 到2020年…力争 a goal …), and the codebook's own words as a prior.

The automatic coder (``analysis.autocoder``) learns mostly words of the five reviewed
documents, which do not carry over to a new document (its learning curve rises slowly with
each document). These two inputs do not depend on any document:

- ``cue_features``: for each sub-tool of the codebook, a few regular expressions of the
  phrasing that states it (written from the codebook's definitions, ``include`` notes and the
  usual verbs of policy texts, not from the clauses of any document), one 0/1 feature each,
  and their count per instrument type (supply, environment, demand), so the classifier can
  learn the side even when the sub-tool's words are new.
- ``codebook_rows``: the codebook's definition, ``include`` note, Chinese name and keywords of
  each sub-tool as extra
  training rows of low weight (``CODEBOOK_WEIGHT``): a prior that gives every sub-tool, also
  one no reviewed document uses (D_TRA), some evidence.

Leave-one-document-out on the five reviewed documents, type κ: 0.677 without either, 0.686
with the cue features, 0.714 with both and the codebook's rules R2-R8 (docs/methods-strategies.md).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["CUES", "DEMAND_WORDS", "NOT_DEMAND", "cue_features", "codebook_rows", "CODEBOOK_WEIGHT", "CODEBOOK_DOC"]

# Hand-written (no library knows this genre's wording); a cue of a code the framework in use
# does not have is skipped, so another framework of the same shape still works.
CUES: dict[str, list[str]] = {
    "S_FUN": [r"给予.{0,12}(补贴|补助|奖励|资助|支持)", r"万元", r"一次性", r"奖补", r"财政", r"资金"],
    "S_TAL": [r"人才", r"导师", r"培训", r"培养", r"毕业生|大学生|青年|科研人员|科技人员|创业者",
              r"引进.{0,6}(人才|团队)"],
    "S_TEC": [r"技术", r"实验室", r"研发", r"成果转化|技术转移", r"开放共享|共享", r"检测|仪器|设备"],
    "S_INF": [r"(建设|建成|新建|改建|创办|打造).{0,12}(空间|孵化|基地|园|载体|社区)",
              r"场地|用房|厂房|面积|平方米|用地", r"集聚区|园区|小镇"],
    "S_PUB": [r"服务平台|一站式|服务体系|服务机构|服务窗口", r"中介|咨询|代理|法律|财务"],
    "E_GOA": [r"到20\d\d年|力争|目标|达到|全覆盖|倍增", r"坚持|原则|指导思想|突出|总体要求",
              r"\d+(家|个|%|人|项)以上"],
    "E_FIN": [r"基金|投资|融资|贷款|担保|金融|资本|上市|保险|信贷"],
    "E_TAX": [r"税"],
    "E_REG": [r"出台|制定|制订|印发|意见|办法|细则|条例", r"改革|简化|放宽|登记|注册|准入|审批",
              r"知识产权|允许|取消|规范"],
    "E_STR": [r"考核|评价|评估|绩效|督查", r"认定|备案|授牌|资格|评定", r"宣传|大赛|活动|氛围|论坛|沙龙",
              r"领导小组|协调|统筹|组织|联盟|协会|合作"],
    "D_PRO": [r"政府采购|购买服务|采购"],
    "D_OUT": [r"外包|分包|委托"],
    "D_DEM": [r"示范|试点|首台|首批|推广应用"],
    "D_OVE": [r"国际|海外|国外|境外|外籍|留学|港澳|台湾|华侨|外国|香港|澳门|离岸|外资|跨境"],
    "D_TRA": [r"出口|进口|关税|贸易"],
}

# Words of the demand-side sub-tools beside the codebook's keywords, for the coder's demand rule
# (``autocoder._demand_cues``): places and money abroad the keywords 港澳/境外 do not match as
# written (香港、澳门, 离岸孵化器, 外资) and countries and regions abroad by name.
# (香港 alone also names a university at home: 香港城市大学)
DEMAND_WORDS: dict[str, list[str]] = {"D_OVE": ["香港、澳门", "在香港", "离岸", "外资", "跨境", "一带一路", "东盟",
                                                 "中日韩", "韩国", "日本", "德国", "美国", "俄罗斯", "以色列", "欧洲",
                                                 # eighth round: Taiwan's people by the words of cross-strait
                                                 # policy (R2 names 台湾; 海峡两岸青年创业基地, 对台青创业基地)
                                                 "两岸", "对台", "台胞", "台青"]}

# Demand-side words that name no demand-side measure here (fourth round of issue 26): 示范 of land
# measured in 亩 or 公顷 (建设示范基地50亩, 示范面积达到两千亩: a plot, not a pilot, R8), and the
# buyers a carrier's firms meet (对接采购商: firms' buyers, not government procurement); eighth round: a
# free-trade zone named as a place (海南自由贸易港), no trade control.
NOT_DEMAND = re.compile(r"示范(?=[^。；]*(?:亩|公顷))|采购商|自由贸易(?:港|试验区)|自贸(?:港|区|试验区)")

CODEBOOK_WEIGHT = 0.3  # a codebook row weighs 0.3 of a coded clause (0.1 did as well, 1.0 worse)
CODEBOOK_DOC = "codebook"  # the doc_id of the codebook's rows


def _compiled(framework) -> list[tuple[str, re.Pattern]]:
    return [(code, re.compile(p)) for code, patterns in CUES.items() if code in framework.subtools
            for p in patterns]


def cue_features(texts: list[str], framework) -> np.ndarray:
    """(clauses x (cues + types)): each cue found (0/1), then log(1 + cues found) per type in
    the framework's order of types."""
    cues = _compiled(framework)
    # one search of each pattern through all the clauses joined by a line break (which no
    # pattern's ``.`` crosses), not one per clause: three times faster on a long document
    joined = "\n".join(t.replace("\n", " ") for t in texts)
    starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    found = np.zeros((len(texts), len(cues)))
    for j, (_, pattern) in enumerate(cues):
        hits = [m.start() for m in pattern.finditer(joined)]
        if hits:
            found[np.searchsorted(starts, hits, side="right") - 1, j] = 1.0
    types = list(dict.fromkeys(framework.type_of(c) for c in framework.order))
    per_type = np.zeros((len(texts), len(types)))
    for j, (code, _) in enumerate(cues):
        per_type[:, types.index(framework.type_of(code))] += found[:, j]
    return np.hstack([found, np.log1p(per_type)])


def codebook_rows(framework) -> pd.DataFrame:
    """The codebook as training rows: each sub-tool's definition, ``include`` note (English with
    the Chinese terms it names), Chinese name and each of its keywords, one row each, coded with
    the sub-tool (``clause_id`` ``codebook-<code>:<n>.1.1``, its own paragraph, so no row is
    context of another)."""
    rows: list[dict] = []
    for code in framework.order:
        st = framework.subtools[code]
        texts = [str(st[f]) for f in ("definition", "include", "name_zh") if st.get(f)] + \
            [str(k) for k in st.get("keywords") or []]
        rows.extend({"clause_id": f"{CODEBOOK_DOC}-{code}:{n}.1.1", "doc_id": CODEBOOK_DOC, "text": t,
                     "primary": code} for n, t in enumerate(texts, start=1))
    return pd.DataFrame(rows, columns=["clause_id", "doc_id", "text", "primary"])
