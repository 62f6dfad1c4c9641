"""One bilingual mechanism (issue 21): a sentence is built once, as ``analysis.i18n.Text``,
never twice behind a branch on the report's language. Read from the source with ``ast``: a
branch on ``lang`` (or a ``zh`` flag) whose one side holds Chinese text and whose other side
holds English words is a sentence written twice."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "analysis"
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
ENGLISH = re.compile(r"[A-Za-z]")


def _on_lang(test: ast.AST) -> bool:
    return any(isinstance(n, ast.Name) and n.id in ("lang", "zh") for n in ast.walk(test))


def _strings(nodes: list[ast.AST]) -> list[str]:
    return [n.value for node in nodes for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _both_languages(one: list[ast.AST], other: list[ast.AST]) -> bool:
    def chinese(nodes):
        return any(CHINESE.search(s) for s in _strings(nodes))

    def english(nodes):
        return any(ENGLISH.search(s) and not CHINESE.search(s) for s in _strings(nodes))

    return (chinese(one) and english(other)) or (english(one) and chinese(other))


def sentences_built_twice(source: str) -> list[int]:
    """Line numbers of the branches on the language that build a text in both languages: an
    ``a if lang == "zh" else b``, an ``if zh: … else: …``, or an ``if zh: return …`` followed
    by the English."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.IfExp) and _on_lang(node.test) and _both_languages([node.body], [node.orelse]):
            found.add(node.lineno)
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if not isinstance(block, list):
                continue
            for i, st in enumerate(block):
                if not (isinstance(st, ast.If) and _on_lang(st.test)):
                    continue
                orelse = st.orelse
                if not orelse and st.body and isinstance(st.body[-1], (ast.Return, ast.Raise)):
                    orelse = block[i + 1:]  # `if zh: return …` and then the English
                if _both_languages(st.body, orelse):
                    found.add(st.lineno)
    return sorted(found)


def test_the_check_finds_a_sentence_written_twice_and_passes_one_written_once():
    twice = ('def f(n, lang):\n'
             '    return f"{n}个目标" if lang == "zh" else f"{n} targets"\n'
             'def g(n, lang):\n'
             '    zh = lang == "zh"\n'
             '    if zh:\n'
             '        return f"{n}篇文献"\n'
             '    return f"{n} documents"\n')
    once = ('def f(n, lang):\n'
            '    return Text(f"{n} targets", f"{n}个目标")(lang)\n'
            'def g(row, lang):\n'
            '    return row["region_zh"] if lang == "zh" else row["region_en"]  # a column, no sentence\n')
    assert sentences_built_twice(twice) == [2, 5]
    assert sentences_built_twice(once) == []


def test_no_module_builds_a_sentence_in_both_languages_by_branching_on_lang():
    found = {p.name: lines for p in sorted(PACKAGE.glob("*.py"))
             if (lines := sentences_built_twice(p.read_text(encoding="utf-8")))}
    assert found == {}, f"build the sentence once, as analysis.i18n.Text: {found}"
