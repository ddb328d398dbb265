"""Parks: one Park record per zone the text names (the names are found by extractor/domain/mentions.py)."""

from __future__ import annotations

import re
from collections import Counter

from ...domain.mentions import ParkMention, clean_park_names, find_park_mentions, short_name_definitions
from ...domain.registry import registry
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
        aliases = list(dict.fromkeys([*spellings[1:], *_without_bracketed_area(spellings)]))
        # a zone named only by its kind (经开区 on a 新乡 page) has no spelling the identities resolve: its key says the zone
        parent = next((m.parent for m in group if m.parent), "")  # a listed sub-park named again later keeps its zone
        zone = registry().find(first.key) if first.key and not parent else None
        parks.append(
            Park(
                name=spellings[0],
                aliases=[a for a in aliases if a != spellings[0]],
                evidence=evidence,
                parent_id=parent,
                park_id=zone.park_id if zone is not None else "",
                registered=zone is not None,
            )
        )
    return parks


_BRACKETED_AREA = re.compile(r"[(（][^()（）]{2,12}[)）]$")


def _without_bracketed_area(spellings: list[str]) -> list[str]:
    """A zone named with the district it is run together with (玉林高新技术产业开发区(玉东新区), 泰州医药高新区(高港区))
    is named without it too: the bracket adds the area, not another zone."""
    return [_BRACKETED_AREA.sub("", s) for s in spellings if _BRACKETED_AREA.search(s)]
