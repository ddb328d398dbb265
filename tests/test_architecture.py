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


_SQL = ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE", "CREATE VIEW", "DROP TABLE", "PRAGMA ", "BEGIN")


def _sql_strings(path: Path) -> list[str]:
    """The string literals of a module that read as SQL statements."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    texts = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    return [text for text in texts if any(text.lstrip().startswith(word) or f" {word}" in text for word in _SQL if text.isascii())]


def test_only_the_ledger_writes_sql():
    offenders = {
        str(path.relative_to(PACKAGE)): found
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PACKAGE / "outputs" / "sqlite.py" and (found := _sql_strings(path))
    }
    assert not offenders  # the SQL lives in outputs/sqlite.py, behind Ledger
    assert _sql_strings(PACKAGE / "outputs" / "sqlite.py")  # the check can see SQL where it is


def test_the_facts_and_the_outputs_do_not_import_each_other():
    assert "facts" not in _imports("outputs/sqlite") and not any("facts" in name for name in _imports("outputs/sqlite"))
    assert "outputs.sqlite" in _imports("facts")


def test_identity_reads_spellings_without_a_backend():
    imported = _imports("identity") | _imports("mentions")
    assert "mentions" in _imports("identity")
    assert not any(name.startswith("backends") for name in imported)  # the mention finder sits beside zonenames.py


def test_only_the_knowledge_loader_parses_the_data_files():
    readers = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if "tomllib" in p.read_text(encoding="utf-8"))
    assert readers == ["knowledge.py"]  # every module reads extractor/data/ through extractor/knowledge.py
