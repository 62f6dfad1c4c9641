"""The package's import graph, read from the source with ``ast``: every import counted, those
inside functions too, so that no cycle can hide behind an import placed in a function."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "analysis"


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (at the top, in a function, or anywhere)."""
    modules = {p.stem: p for p in package.glob("*.py") if p.stem not in ("__init__", "__main__")}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # from . import x, from .x import y
                    targets = [base] if base else [a.name for a in node.names]
                elif base == "analysis":
                    targets = [a.name for a in node.names]
                elif base.startswith("analysis."):
                    targets = [base.split(".")[1]]
            elif isinstance(node, ast.Import):
                targets = [a.name.split(".")[1] for a in node.names if a.name.startswith("analysis.")]
            edges[name] |= {t for t in targets if t in modules and t != name}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle_through_an_import_inside_a_function(tmp_path):
    # a imports b at the top, b imports c, and c imports a inside a function: one cycle of three
    (tmp_path / "a.py").write_text("from analysis import b\n")
    (tmp_path / "b.py").write_text("import analysis.c\n")
    (tmp_path / "c.py").write_text("def f():\n    from analysis.a import x\n")
    (tmp_path / "d.py").write_text("from analysis import a\n")  # imports into the cycle, is not in it
    assert cycles(import_graph(tmp_path)) == [["a", "b", "c"]]


def test_the_package_has_no_import_cycle():
    assert cycles(import_graph()) == []
