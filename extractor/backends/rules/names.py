"""The subject names of one article, indexed once for the per-figure look-ups of the labeler.

Each figure's metric phrase is cut after any name printed in the words before it
(labels._phrase). Asking every name of the article whether it occurs there costs the
article's names times its figures; one automaton over the names finds those that occur
in a single pass over the words.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick


class NameIndex(list):
    """The names, longest first, as the labeler has them (a list), with a set for ``in`` and an automaton for ``ends_in``."""

    def __init__(self, names: Iterable[str]) -> None:
        super().__init__(names)
        self._members = frozenset(self)
        self._automaton: ahocorasick.Automaton | None = None
        words = {name for name in self if name}
        if words:
            self._automaton = ahocorasick.Automaton()
            for word in words:
                self._automaton.add_word(word, len(word))
            self._automaton.make_automaton()

    def __contains__(self, name: object) -> bool:
        return name in self._members

    def ends_in(self, words: str) -> list[int]:
        """Where the first occurrence of each name printed in words ends (``words.find(name) + len(name)``)."""
        if self._automaton is None or not words:
            return []
        seen: set[str] = set()
        ends = []
        for last, length in self._automaton.iter(words):  # by end: a name's first hit is its leftmost occurrence
            name = words[last + 1 - length : last + 1]
            if name not in seen:
                seen.add(name)
                ends.append(last + 1)
        return ends


def name_ends(words: str, names: list[str]) -> list[int]:
    """Where the first occurrence of each of the names printed in words ends; any list of names, indexed or not."""
    if isinstance(names, NameIndex):
        return names.ends_in(words)
    return [words.find(name) + len(name) for name in names if name and name in words]
