"""The offline backend: deterministic rules, no endpoint, no network.

It is the default when no LLM endpoint is configured, and it supplies the
candidates (numbers with spans, quotes, parks) that the anchored LLM mode
labels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ...models import Article
from ...text.segment import Segment
from ..contract import Closing, Page
from ..usage import Usage
from .figures import extract_figures
from .initiatives import extract_initiatives, report_owner
from .parks import clean_park_names, collect_parks, find_park_mentions
from .quotes import extract_quotes
from .subjects import report_place


class RulesBackend(Closing):
    """Extracts all four record kinds from a whole article at once.

    Rules need no token budget, and reading the whole article lets a figure
    inherit the period and subject named sentences earlier.
    """

    name = "rules"

    def __init__(self) -> None:
        self._clean_names: tuple[str, set[str]] = ("", set())

    def extract_article(self, text: str, segment: Segment, published: str = "") -> Article:
        mentions = find_park_mentions(text, segment.start, segment.end, self._document_park_names(text))
        parks = collect_parks(mentions, text)
        main_park = _main_park(mentions, parks)
        government = report_place(text, segment.start)  # read once: the figures' subject and the initiatives' owner
        # a report slice with no title still speaks for its place: its measures are that government's
        owner = government or report_owner(text, segment.start, segment.end)
        return Article(
            index=segment.index,
            title=segment.title,
            byline=segment.byline,
            park=main_park,
            start=segment.start,
            end=segment.end,
            body_start=segment.body_start,
            parks=parks,
            figures=extract_figures(text, segment.start, segment.end, mentions, main_park, published, government),
            quotes=extract_quotes(text, segment.start, segment.end),
            # a work report's measures are its government's: a zone it names once is no owner of the rest
            initiatives=extract_initiatives(text, segment.start, segment.end, "" if owner else main_park, owner),
        )

    def extract(self, page: Page) -> Iterator[Article]:
        # The rules resolve period words to dates later, in the pipeline; the publication date only tells which year a
        # work report cut from its title reviews (过去一年 in a report published in 2026-01 is 2025).
        published = page.meta.published if page.meta is not None else ""
        for segment in page.segments:
            yield self.extract_article(page.text, segment, published)

    def usage(self) -> Usage:
        return Usage()

    def _document_park_names(self, text: str) -> set[str]:
        """Park spellings that stand clean anywhere in the page, computed once per page."""
        if self._clean_names[0] is not text:
            self._clean_names = (text, clean_park_names(text))
        return self._clean_names[1]


def _main_park(mentions: list, parks: list) -> str:
    """The park the article is about: the one named most often (by any spelling)."""
    if not parks:
        return ""
    spelling_to_park = {name: park.name for park in parks for name in (park.name, *park.aliases)}
    counts = Counter(spelling_to_park[m.name] for m in mentions if m.name in spelling_to_park)
    return counts.most_common(1)[0][0] if counts else parks[0].name
