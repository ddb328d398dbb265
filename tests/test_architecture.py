"""The house: per-document work is a module of its own that the runner and the engines both import."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "extractor"


def _imports(module: str) -> set[str]:
    """The extractor modules a module imports, at its top or inside a function."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}


def test_the_runner_and_the_engines_do_not_import_each_other_through_a_function():
    assert "runner" not in _imports("engines")  # the cycle engines ⇄ runner, once hidden by imports in functions
    assert "document" in _imports("engines") and "document" in _imports("runner")
    assert not {"runner", "engines", "cluster"} & _imports("document")
