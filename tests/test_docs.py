"""The README guides and the docs cannot drift: the CLI reference is the parser's, every command parses."""

import re
import shlex
from pathlib import Path

import pytest

from extractor.cli import _parser, main
from extractor.clidoc import reference

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"```(?:bash|sh)\n(.*?)```", re.S)


def test_the_cli_reference_is_the_parsers():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == reference(), "run: python -m extractor.clidoc > docs/cli.md"


def test_the_readme_is_a_guide_not_a_reference():
    assert len((ROOT / "README.md").read_bytes()) < 10_000
    links = re.findall(r"\]\((docs/[^)#]+)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert links and all((ROOT / link).exists() for link in links)


def _commands() -> list[tuple[str, list[str]]]:
    """Every extractor command written in a shell block of the README and docs/, as arguments (a synopsis with
    [options] or PATH... is a pattern, not a command)."""
    found = []
    for document in DOCUMENTS:
        for block in _BLOCK.findall(document.read_text(encoding="utf-8")):
            for line in block.splitlines():
                for command in re.split(r"&&|\|\|", line.split("  #")[0]):
                    words = shlex.split(command.strip(), comments=True) if command.strip() else []
                    if words[:1] in (["extractor"], [".venv/bin/extractor"]) and not re.search(r"\[|\.\.\.|[A-Z]{3,}", command):
                        found.append((f"{document.name}: {command.strip()}", words[1:]))
    return found


@pytest.mark.parametrize("command", _commands(), ids=lambda c: c[0][:80])
def test_every_documented_command_parses(command):
    _name, arguments = command
    try:
        _parser().parse_args(arguments)
    except SystemExit as exc:
        assert exc.code == 0, f"does not parse: {command[0]}"


def test_the_readmes_first_command_runs(tmp_path, seeds_dir):
    out = tmp_path / "out"
    assert main(["extract", str(seeds_dir), "-o", str(out), "--report"]) == 0
    assert main(["eval", str(out / "records.jsonl"), "--gold", str(seeds_dir / "gold")]) == 0
    assert main(["table", str(out)]) == 0 and (out / "facts.csv").stat().st_size > 0


_PYTHON = re.compile(r"```python\n(.*?)```", re.S)


def test_the_readmes_library_example_runs_with_what_the_package_exports(monkeypatch, capsys):
    """What the README tells importers to call is in ``extractor.__all__``, and its example runs as written
    (from the checkout, where its seed path points)."""
    import extractor

    blocks = _PYTHON.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    lines = [names for block in blocks for names in re.findall(r"^from extractor import (.+)$", block, re.M)]
    imported = {name.strip() for names in lines for name in names.split(",")}
    assert imported and imported <= set(extractor.__all__), imported - set(extractor.__all__)
    monkeypatch.chdir(ROOT)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})  # as a reader pastes it: a failing line raises here
    printed = capsys.readouterr().out
    assert "1200亿元" in printed  # the example's figure, printed with the fields the README names
