"""The command-line reference (docs/cli.md), generated from the parser so it cannot drift from the code.

    python -m extractor.clidoc > docs/cli.md

A test compares docs/cli.md with what this prints.
"""

from __future__ import annotations

import argparse
import os
import sys

from .cli import _parser

_HEADER = """# Command-line reference

Generated from the parser by `python -m extractor.clidoc > docs/cli.md`; a test fails when it drifts.
"""


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps its subparsers here; there is no public accessor
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def reference() -> str:
    """The help text of the program and of every command, as markdown."""
    os.environ["COLUMNS"] = "120"  # the same line breaks on every terminal
    parser = _parser()
    parts = [_HEADER, "## extractor\n", "```text", parser.format_help().rstrip(), "```\n"]
    for name, command in _subcommands(parser).items():
        parts += [f"## extractor {name}\n", "```text", command.format_help().rstrip(), "```\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(reference())
