"""The house shows its rooms: no module of the packages imports, directly or through others,
a module that imports it back, and no function outside the extraction rules runs over
80 lines."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("warwire", "streams", "schemas")


def module_files() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (REPO / package).rglob("*.py"):
            parts = path.relative_to(REPO).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of the packages it imports (anywhere in it, lazily or not)."""
    modules = module_files()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    member = f"{node.module}.{alias.name}"
                    imported.add(member if member in modules else node.module)
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
        graph[name] = {other for other in imported if other in modules and other != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_packages_have_no_import_cycle() -> None:
    graph = import_graph()
    assert "warwire.cli" in graph and "streams.app" in graph
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [{"a", "b", "c"}]


MAX_FUNCTION_LINES = 80
LONG_FUNCTIONS_ALLOWED = ("warwire/extract/",)
"""The extraction rules: long tables of patterns and cases read best in one place."""


def long_functions(source: str, limit: int) -> list[tuple[str, int]]:
    """(name, lines) of every function or method in `source` longer than `limit` lines,
    decorators and docstring included."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            lines = (node.end_lineno or node.lineno) - first + 1
            if lines > limit:
                found.append((node.name, lines))
    return found


def test_no_function_outside_the_extraction_rules_runs_over_80_lines() -> None:
    too_long = {
        f"{path.relative_to(REPO)}::{name}": lines
        for path in module_files().values()
        if not str(path.relative_to(REPO)).startswith(LONG_FUNCTIONS_ALLOWED)
        for name, lines in long_functions(path.read_text(), MAX_FUNCTION_LINES)
    }
    assert too_long == {}


def test_the_length_check_counts_a_long_function() -> None:
    body = "\n".join(f"    x{n} = {n}" for n in range(81))
    source = f"def short():\n    pass\n\n@decorated\ndef long():\n{body}\n"
    assert long_functions(source, MAX_FUNCTION_LINES) == [("long", 83)]
