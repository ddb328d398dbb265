"""Parks: one Park record per zone the text names (the names are found by extractor/domain/mentions.py)."""

from __future__ import annotations

from collections import Counter

from ...domain.mentions import ParkMention, clean_park_names, find_park_mentions, short_name_definitions
from ...models import Evidence, Park

__all__ = ["ParkMention", "clean_park_names", "collect_parks", "find_park_mentions", "short_name_definitions"]


def collect_parks(mentions: list[ParkMention], text: str) -> list[Park]:
    """One park per identity key, named by its most frequent spelling, with the others as aliases."""
    counts = Counter(m.name for m in mentions)
    groups: dict[str, list[ParkMention]] = {}
    for mention in mentions:
        groups.setdefault(mention.key or mention.name, []).append(mention)
    parks = []
    for group in groups.values():
        spellings = sorted(dict.fromkeys(m.name for m in group), key=lambda n: (-counts[n], len(n)))  # ties: first seen first
        first = next(m for m in group if m.name == spellings[0])
        evidence = Evidence(start=first.start, end=first.end, text=text[first.start : first.end])
        parks.append(Park(name=spellings[0], aliases=spellings[1:], evidence=evidence))
    return parks
