"""Names that end in a known word (…高新区, …有限公司, …行动), found from the end word back.

Scanning for the end word first and then taking the run of name characters
before it is much faster than a regex with a lazy prefix, which retries at
every character of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .zonenames import trie_pattern


def runs_ending_in(
    text: str, start: int, end: int, ending: re.Pattern[str], name_chars: str, min_prefix: int, max_prefix: int
) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each run of ``name_chars`` (min..max long) right before a match of ``ending``.

    Runs never reach back past the previous match, as a leftmost regex match would not.
    """
    last_break_in = _break_pattern(name_chars).match
    floor = start
    for match in ending.finditer(text, start, end):
        match_start, match_end = match.span()  # read once: this loop runs for every end word of every page
        window_start = floor if floor > match_start - max_prefix else match_start - max_prefix
        last_break = last_break_in(text, window_start, match_start)
        run_start = last_break.end() if last_break else window_start  # after the last character a name cannot hold
        if match_start - run_start >= min_prefix:
            yield run_start, match_end, text[run_start:match_end]
            floor = match_end


@lru_cache(maxsize=32)
def _break_pattern(name_chars: str) -> re.Pattern[str]:
    """Everything up to the last character outside the name class (greedy, so the last one)."""
    assert name_chars.startswith("[") and name_chars.endswith("]"), name_chars
    return re.compile("(?s).*[^" + name_chars[1:])


class LastWord:
    """Where the last of some words ends in a short text, found by one search in the reversed text.

    Equivalent to matching ``.*(?:words)`` and taking its end, without the
    backtracking that costs a regex engine the whole text times the words.
    """

    def __init__(self, words: list[str], single_chars: str = "") -> None:
        # The words factored by prefix (a trie): the same longest-first choice as their alternation, one branch per character.
        alternatives = [f"(?:{trie_pattern(word[::-1] for word in words)})"] if any(words) else []
        if single_chars:
            alternatives.append(f"[{single_chars}]")
        self._pattern = re.compile("|".join(alternatives))

    def end(self, text: str) -> int:
        """The end of the last word in text, or 0 when none occurs."""
        match = self._pattern.search(text[::-1])
        return len(text) - match.start() if match else 0
