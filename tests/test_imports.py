"""Imports run one way: down the stages of the data flow, and never in a circle.

Every module's imports are read with ``ast`` (top-level, inside functions and
under ``TYPE_CHECKING`` alike), so a lazy import inside a function cannot hide a
step back up. The stages, lowest first: text < quantities < data < analysis <
report < the command line and the package's ``__init__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "aidlib"
STAGES = ("text", "quantities", "data", "analysis", "report")
TOP = len(STAGES)  # aidlib/__init__.py and aidlib/cli.py
# Circles still being broken, each with the issue that breaks it. Only these pairs may
# import each other; any other circle fails.
KNOWN_CIRCLES: set[frozenset[str]] = set()
# Imports back up a stage still being removed, each with the issue that removes it.
KNOWN_UPWARD: set[tuple[str, str]] = set()


def _name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage(module: str) -> int:
    """The stage of a module: its folder under aidlib/, or the top for aidlib and aidlib.cli."""
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else TOP


def imports(module: str) -> dict[str, int]:
    """Every aidlib module ``module`` imports, with the line of the first import."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.module == "aidlib" and [a.name for a in node.names] == ["__version__"]:
                continue  # the release number is the package's, not a stage's
            base = node.module or ""
            if node.level:  # a relative import
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # from aidlib.analysis import indicators: the submodule, not the package
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        for target in targets:
            if target.split(".")[0] == "aidlib" and target != module:
                while target not in MODULES:  # aidlib.x.y.Name → aidlib.x.y
                    target = target.rpartition(".")[0]
                found.setdefault(target, node.lineno)
    return found


GRAPH = {m: imports(m) for m in MODULES}


def test_every_module_has_a_stage():
    assert {m for m in MODULES if stage(m) == TOP} == {"aidlib", "aidlib.cli"}


def _stage_name(module: str) -> str:
    return STAGES[stage(module)] if stage(module) < TOP else "top"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_run_down_the_stages(module):
    upward = [
        f"{MODULES[module].relative_to(SRC)}:{line} imports {target} (stage {_stage_name(target)}) "
        f"from stage {_stage_name(module)}"
        for target, line in GRAPH[module].items()
        if stage(target) > stage(module) and (module, target) not in KNOWN_UPWARD
    ]
    assert upward == []


def test_the_known_upward_imports_are_still_there():
    # when one is removed, take it off KNOWN_UPWARD so it cannot come back
    assert all(target in GRAPH[module] for module, target in KNOWN_UPWARD)


def _circles(graph: dict[str, dict[str, int]]) -> list[frozenset[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(frozenset(group))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_import_circles():
    assert [sorted(c) for c in _circles(GRAPH) if c not in KNOWN_CIRCLES] == []


def test_the_known_circles_are_still_circles():
    # when one is broken, take it off KNOWN_CIRCLES so it cannot come back
    assert set(_circles(GRAPH)) >= KNOWN_CIRCLES


@pytest.mark.parametrize(
    ("graph", "circles"),
    [
        ({"a": {"b": 1}, "b": {"a": 1}}, [{"a", "b"}]),
        ({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}}, [{"a", "b", "c"}]),  # through a third module
        ({"a": {"b": 1}, "b": {}, "c": {"b": 1}}, []),  # two modules importing one: no circle
    ],
)
def test_circles_are_found(graph, circles):
    assert [set(c) for c in _circles(graph)] == circles


def test_a_lazy_import_counts():
    # indicators imports the metrics loader only inside a function: still an edge of the graph
    assert "aidlib.data.metrics" in GRAPH["aidlib.analysis.indicators"]
    assert GRAPH["aidlib.text.mojibake"].keys() >= {"aidlib.text.hanzi", "aidlib.text.edits"}
    assert "aidlib.text.repairs" not in GRAPH["aidlib.text.mojibake"]
