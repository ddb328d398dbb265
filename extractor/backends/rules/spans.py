"""Names that end in a known word (…高新区, …有限公司, …行动), found from the end word back.

Scanning for the end word first and then taking the run of name characters
before it is much faster than a regex with a lazy prefix, which retries at
every character of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def runs_ending_in(
    text: str, start: int, end: int, ending: re.Pattern[str], name_chars: str, min_prefix: int, max_prefix: int
) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each run of ``name_chars`` (min..max long) right before a match of ``ending``.

    Runs never reach back past the previous match, as a leftmost regex match would not.
    """
    run_pattern = _run_pattern(name_chars, min_prefix, max_prefix)
    floor = start
    for match in ending.finditer(text, start, end):
        run = run_pattern.search(text, max(floor, match.start() - max_prefix), match.start())
        if run:
            yield run.start(), match.end(), text[run.start() : match.end()]
            floor = match.end()


_RUN_PATTERNS: dict[tuple[str, int, int], re.Pattern[str]] = {}


def _run_pattern(name_chars: str, min_prefix: int, max_prefix: int) -> re.Pattern[str]:
    key = (name_chars, min_prefix, max_prefix)
    if key not in _RUN_PATTERNS:
        _RUN_PATTERNS[key] = re.compile(rf"{name_chars}{{{min_prefix},{max_prefix}}}$")
    return _RUN_PATTERNS[key]
