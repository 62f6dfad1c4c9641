"""The automatic coder's rules of its fourth round (issue 26), applied after the classifier and the
earlier rules of ``analysis.autocoder``: what makes a clause a measure, read from its form
(``analysis.measure_form``). Kept apart from ``autocoder`` so that each module stays one job:
the model there, the rules of the clause's form here.
"""

from __future__ import annotations

import re

import numpy as np

from analysis import clause_roles, continuation, keywordcoder, list_lines, measure_form, policy_cues, rule_terms
from analysis.instruments import NONE

__all__ = ["heading_rule", "measure_rule", "assessment_rule", "goal_rule",
           "excused_demand_rule", "continuation_rule", "list_rule", "terms_rule", "finance_rule"]

_GRANT, _RECOGNITION, _GOAL = "S_FUN", "E_STR", "E_GOA"
_SPACE, _TALENT = "S_INF", "S_TAL"  # the codebook's infrastructure and space, and talent
_RULES = "E_REG"  # the codebook's regulation
_FINANCE_CODE = "E_FIN"  # the codebook's financial support (market finance)  # the codebook's funding and strategic measures (R3)

# R1: a heading naming an outcome (创业主体更加丰富) names a target area (as ``autocoder._OUTCOME``)
_OUTCOME = re.compile(r"更加|日益|不断(?:完善|优化|提升)|显著")


def heading_rule(ids: list[str], texts: list[str], primary: np.ndarray, secondary: np.ndarray,
                 scores: np.ndarray | None = None, classes: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """R1 for a numbered heading on a line of its own ((二)落实扶持资金。) that the earlier rules leave
    none: the code most of its body's measures have (ties: the first), when more than half of its
    body's clauses are measures. A heading the classifier codes keeps its code (a short phrase of a
    measure is read well: （七）落实税收优惠。); one that names a section (（三）总体目标。, （四）存在的问题。,
    ``measure_form.SECTION_NAME``) or a category ((一)…类) stays none, and so does an outcome heading
    over figures reported (（一）孵化载体量质齐升。)."""
    primary, secondary = primary.copy(), secondary.copy()
    framed = clause_roles.no_measure(ids, texts) | clause_roles.question(texts) \
        | np.array([bool(_OUTCOME.search(t)) for t in texts], dtype=bool)
    for i, body in enumerate(measure_form.heading_bodies(ids, texts)):
        if not body or primary[i] != NONE or measure_form.names_section(texts[i]) or framed[i] \
                or (not measure_form.measure_section(texts[i])
                    and any(p.search(texts[i]) for p in keywordcoder.NO_MEASURE)):
            continue
        measures = [j for j in body if primary[j] != NONE]
        if 2 * len(measures) > len(body):
            shared = _shared_code(measures, primary, secondary) or _tie_by_words(i, texts, measures, primary, scores,
                                                                                      classes)
            if shared:
                primary[i], secondary[i] = shared, ""
    return primary, secondary


def _tie_by_words(heading: int, texts: list[str], body: list[int], primary: np.ndarray, scores: np.ndarray | None,
                  classes: np.ndarray | None) -> str:
    """Sixth round: where the body's measures split evenly between two codes (一、扩大科技信贷风险补偿资金池。 over
    an E_FIN and an E_GOA clause), the heading names the one its own words score higher (the classifier's
    decision values for the heading), when the heading is a sentence (ends with 。: a plan's section title,
    第三节 实施开放合作工程, names a group); more than two codes, or no scores, stay none (R1: mixed measures)."""
    codes = [str(primary[j]) for j in body]
    tied = list(dict.fromkeys(codes))
    if scores is None or classes is None or len(tied) != 2 or codes.count(tied[0]) != codes.count(tied[1]) \
            or not texts[heading].strip().endswith("。"):
        return ""
    column = {str(c): k for k, c in enumerate(classes)}
    if any(c not in column for c in tied):
        return ""
    return max(tied, key=lambda c: scores[heading, column[c]])


def _shared_code(body: list[int], primary: np.ndarray, secondary: np.ndarray) -> str:
    """The codebook's reading of R1 for a heading's body (instruments_framework.yml, R1's check): a
    code that is the primary code of more than half of the body's measures, or a code of every one
    of them (primary or secondary); else ""."""
    codes = [primary[j] for j in body]
    for code in dict.fromkeys(codes):
        if 2 * codes.count(code) > len(codes) or all(code in (primary[j], secondary[j]) for j in body):
            return str(code)
    return ""


def measure_rule(ids: list[str], texts: list[str], scores: np.ndarray, classes: np.ndarray,
                 primary: np.ndarray) -> np.ndarray:
    """A clause the classifier itself reads as none (its best score is none's) and that no rule
    decided, but that has the form of a measure (``measure_form.states_measure``: a duty, a
    government as the subject of an act, a plan's task opening with its verb), takes the best
    code other than none; not the frame, a question, a problem, a figure reported, a status report
    or a heading's pattern (those stay none). A shortfall, a view or a year's summary reported
    (``measure_form.states_no_measure``) is none, whatever the classifier reads."""
    primary = primary.copy()
    none = list(classes).index(NONE) if NONE in classes else -1
    if none < 0:
        return primary
    raw_none = np.argmax(scores, axis=1) == none
    framed = clause_roles.no_measure(ids, texts) | clause_roles.question(texts) \
        | (clause_roles.reported_figure(texts) & ~clause_roles.target(ids, texts)) \
        | np.array([len(t) < keywordcoder.SHORTEST_MEASURE or any(p.search(t) for p in keywordcoder.NO_MEASURE)
                    for t in texts], dtype=bool)
    masked = scores.copy()
    masked[:, none] = -np.inf
    best = classes[np.argmax(masked, axis=1)]
    unstated = measure_form.states_no_measure(texts)
    chosen = raw_none & (primary == NONE) & ~framed & ~unstated & measure_form.states_measure(texts)
    primary[chosen] = best[chosen]
    primary[unstated] = NONE
    return primary


def assessment_rule(texts: list[str], primary: np.ndarray) -> np.ndarray:
    """R3: a clause the classifier reads as funding (S_FUN) that assesses carriers or public money
    (``measure_form.assesses``: 开展绩效自评, 专项审计调查, 纳入评价指标, 加强资金监管) and gives none of it
    (no grant's structure, no money paid out: ``clause_roles.grant``, ``disbursed``) is E_STR."""
    primary = primary.copy()
    chosen = (primary == _GRANT) & measure_form.assesses(texts) & ~clause_roles.grant(texts) \
        & ~clause_roles.disbursed(texts)
    primary[chosen] = _RECOGNITION
    return primary


def goal_rule(ids: list[str], texts: list[str], scores: np.ndarray, classes: np.ndarray,
              primary: np.ndarray) -> np.ndarray:
    """R4 read the other way: a clause the classifier codes as goal planning (E_GOA) that has no
    target's structure (``clause_roles.target``) and opens with a government's act, naming no goal
    (``measure_form.opens_with_act``: 依托…新建星创天地4家以上, 开设实训班4个) states that act: its best
    supply- or environment-side code other than E_GOA. A level in a measure is the measure's size,
    not a target."""
    primary = primary.copy()
    masked = scores.copy()
    for j, code in enumerate(classes):  # nor a demand-side code: those come from their words (_demand_cues)
        if code in (NONE, _GOAL) or str(code).startswith("D_"):
            masked[:, j] = -np.inf
    best = classes[np.argmax(masked, axis=1)]
    chosen = (primary == _GOAL) & ~clause_roles.target(ids, texts) & measure_form.opens_with_act(texts)
    primary[chosen] = best[chosen]
    return primary


def excused_demand_rule(texts: list[str], scores: np.ndarray, classes: np.ndarray, primary: np.ndarray
                        ) -> np.ndarray:
    """A clause the classifier codes demand-side whose only demand-side word names no demand here
    (``policy_cues.NOT_DEMAND``: 示范 of land measured in 亩, 对接采购商) takes its best supply- or
    environment-side code: the words it learnt the demand side from are not a demand measure's."""
    primary = primary.copy()
    masked = scores.copy()
    for j, code in enumerate(classes):
        if code == NONE or str(code).startswith("D_"):
            masked[:, j] = -np.inf
    best = classes[np.argmax(masked, axis=1)]
    for i, text in enumerate(texts):
        if str(primary[i]).startswith("D_") and policy_cues.NOT_DEMAND.search(text) \
                and not _DEMAND_LEFT.search(policy_cues.NOT_DEMAND.sub("", text)):
            primary[i] = best[i]
    return primary


# what is left of a demand-side measure's words once the excused ones are gone (the codebook's
# demand-side cue words, ``policy_cues.CUES``)
_DEMAND_LEFT = re.compile("|".join(p for code, ps in policy_cues.CUES.items() if code.startswith("D_") for p in ps))


def continuation_rule(ids: list[str], texts: list[str], primary: np.ndarray) -> np.ndarray:
    """Sixth round: a clause that continues the measure before it (``analysis.continuation``) takes its
    code; not the frame, a question, a problem, a shortfall, a status report or a heading's pattern."""
    framed = clause_roles.no_measure(ids, texts) | clause_roles.question(texts) | measure_form.states_no_measure(texts) \
        | np.array([len(t) < keywordcoder.SHORTEST_MEASURE or any(p.search(t) for p in keywordcoder.NO_MEASURE)
                    for t in texts], dtype=bool)
    return continuation.continuation_rule(ids, texts, primary, framed)


def list_rule(ids: list[str], texts: list[str], primary: np.ndarray, secondary: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]:
    """Seventh round: the lines of a grant list (``list_lines.grant_list``) with an amount of money are
    S_FUN, its lines without money and its lead-in that gives nothing are none; a table's data rows and
    the label above them (``list_lines.table_row``) are none; a row of a plan's indicator table or of a
    target table (``list_lines.target_table``) is E_GOA (R4), its header none; a budget's line of a programme's
    money left none (``list_lines.budget_line``) is S_FUN. Over every earlier code: a
    list line's words are a name and a figure, which the classifier codes by chance."""
    primary, secondary = primary.copy(), secondary.copy()
    kind = list_lines.grant_list(ids, texts)
    granted = kind == "grant"
    unstated = (kind == "label") | list_lines.list_lead(texts) | (list_lines.table_row(ids, texts) & ~granted)
    primary[granted], secondary[granted] = _GRANT, ""
    primary[unstated], secondary[unstated] = NONE, ""
    header, rows = list_lines.target_table(ids, texts)
    primary[header], secondary[header] = NONE, ""
    goal = list_lines.indicator_row(texts) | rows
    primary[goal] = _GOAL
    # eighth round: a budget's line of a programme's money is the codebook's funding ("programme budgets")
    budget = list_lines.budget_line(ids, texts) & (primary == NONE)
    primary[budget] = _GRANT
    return primary, secondary


def terms_rule(ids: list[str], texts: list[str], primary: np.ndarray) -> np.ndarray:
    """Seventh round: the terms a rules document sets (``analysis.rule_terms``). A term of using space is
    S_INF and mentors assigned S_TAL where every earlier rule left none (not the frame, a question or a
    heading's pattern); the cases of a loss and the conditions for applying for a status are E_STR (R3)
    over any code but a demand-side one."""
    primary = primary.copy()
    framed = clause_roles.no_measure(ids, texts) | clause_roles.question(texts) \
        | np.array([len(t) < keywordcoder.SHORTEST_MEASURE or any(p.search(t) for p in keywordcoder.NO_MEASURE)
                    for t in texts], dtype=bool)
    left = (primary == NONE) & ~framed
    primary[left & rule_terms.staffing(texts)] = _TALENT
    primary[left & rule_terms.space_terms(texts)] = _SPACE
    # eighth round: an agreement's rules are regulation also where money read as a grant (a deposit is no grant)
    primary[((primary == _GRANT) | left) & rule_terms.contract_terms(texts)] = _RULES
    # a graduation's threshold may be cumulative (融资累计500万元以上的，视为毕业): 累计 is no status report here
    graduating = (primary == NONE) & ~clause_roles.no_measure(ids, texts) & ~clause_roles.question(texts)
    primary[graduating & rule_terms.graduation(texts)] = _RECOGNITION
    demand = np.array([str(c).startswith("D_") for c in primary], dtype=bool)
    status = rule_terms.exit_cases(ids, texts) | rule_terms.entry_conditions(texts)
    primary[status & ~demand & ~clause_roles.question(texts)] = _RECOGNITION
    return primary


# a loan's instruments: a guaranteed or credit loan, its interest subsidy, a risk pool (the codebook's financial support)
_FINANCE = re.compile(r"担保贷款|信用贷款|贴息|风险补偿|风险资金池|创业贷")


def finance_rule(texts: list[str], primary: np.ndarray) -> np.ndarray:
    """Seventh round: a clause read as a grant (S_FUN) that names a loan's instrument (``_FINANCE``: 可申请创业担保
    贷款最高50万元，财政全额贴息) is E_FIN: the codebook keeps market finance, loans and their interest subsidies
    apart from grants, even where public money pays the interest (every labelled set codes 贴息 E_FIN)."""
    primary = primary.copy()
    chosen = (primary == _GRANT) & np.array([bool(_FINANCE.search(t)) for t in texts], dtype=bool)
    primary[chosen] = _FINANCE_CODE
    return primary
