"""Step 6, merge: one set of records per article.

Overlapping chunks and repeated passes can report the same record twice; park
spellings are unified under one name with the others as aliases.
"""

from __future__ import annotations

from ..models import Article, Figure, Park
from .identity import DocumentZones, identify_article


def merge_article(article: Article, zones: DocumentZones | None = None) -> Article:
    """De-duplicated records; with the document's zones, parks grouped by identity (identity.py)."""
    merged = article.model_copy(
        update={
            "parks": _merge_parks(article.parks),
            "initiatives": _unique(article.initiatives, lambda r: r.name),
            "figures": _unique(article.figures, _figure_key),
            "quotes": _unique(article.quotes, lambda r: r.text),
        }
    )
    return identify_article(merged, zones) if zones is not None else merged


def _figure_key(figure: Figure) -> tuple:
    span = (figure.evidence.start, figure.evidence.end) if figure.evidence else None
    return (span, figure.value_text, figure.amount)


def _unique(records: list, key) -> list:
    seen = set()
    kept = []
    for record in records:
        identity = key(record)
        if identity not in seen:
            seen.add(identity)
            kept.append(record)
    return kept


def _merge_parks(parks: list[Park]) -> list[Park]:
    merged: dict[str, Park] = {}
    spelling_owner: dict[str, str] = {}
    for park in parks:
        owner = next((spelling_owner[s] for s in (park.name, *park.aliases) if s in spelling_owner), None)
        if owner is None:
            merged[park.name] = park
            owner = park.name
        else:
            known = merged[owner]
            aliases = [a for a in (*known.aliases, park.name, *park.aliases) if a != owner]
            merged[owner] = known.model_copy(update={"aliases": list(dict.fromkeys(aliases))})
        for spelling in (park.name, *park.aliases):
            spelling_owner[spelling] = owner
    return list(merged.values())
