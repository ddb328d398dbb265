"""A part's records, made once its call is answered and kept in the response cache under the part's own key.

A packed call's answer serves several pages. Its whole answer is cached under
the call's messages, but a run stopped before some of those pages were written
packs them differently on ``--resume`` (the pages written are left out), so the
call's key is not asked again and its answer would be paid for a second time.
Each part's records (and the tally of its answer) are therefore made as soon as
the answer comes and cached under a key of the part alone: its page, its chunk,
its candidates and everything else that shapes them. A page whose every part is
found there needs no call at all.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ...models import Figure, Initiative, Park, Quote
from ..usage import ChunkTally
from .anchoring import ChunkRecords
from .prompting import Part, value_start

_CODE = ("anchoring.py", "answers.py", "settled.py")  # the code that turns an answer into records: a change makes new keys


@dataclass
class Settled:
    """One part's share of an answered call: its records (None: the answer could not be used, ``error`` says why)."""

    records: ChunkRecords | None
    tally: ChunkTally
    error: str = ""
    call: str = ""  # the key of the call that answered it
    first: bool = False  # the first part of that call: a restored call is counted once, with it (whichever process restores it)


def part_key(part: Part, call_settings: dict[str, Any]) -> str:
    """The part's own cache key: the call's settings (endpoint, model, modes, prompt and schema versions), the code
    that makes records, and the part's page, chunk and candidates; not the other pages the call carried."""
    digest = hashlib.sha256()
    for value in (repr(sorted(call_settings.items())), _code_version(), part.doc, part.published, part.text):
        digest.update(value.encode("utf-8"))
        digest.update(b"\0")
    article, chunk = part.article, part.chunk
    digest.update(repr((article.index, article.title, article.park, article.start, article.end, chunk.start, chunk.end)).encode())
    figures = [(value_start(f), f.model_dump_json()) for f in part.article.figures if f.evidence]
    digest.update(repr((figures, [q.model_dump_json() for q in part.article.quotes])).encode("utf-8"))
    return "part-" + digest.hexdigest()


def dump(settled: Settled) -> dict[str, Any]:
    records = settled.records
    assert records is not None
    tally = settled.tally
    return {
        "call": settled.call,
        "first": settled.first,
        "records": {name: [item.model_dump(mode="json") for item in getattr(records, name)] for name in ChunkRecords._fields},
        "tally": {"candidates": tally.candidates, "applied": tally.applied, "merged": tally.merged, "dropped": dict(tally.dropped)},
    }


def load(stored: dict[str, Any]) -> Settled | None:
    """A cached part's records; None when the entry is damaged or of another shape (the part is asked again)."""
    try:
        records = stored["records"]
        tally = ChunkTally(**{k: v for k, v in stored["tally"].items() if k != "dropped"})
        tally.dropped.update(stored["tally"]["dropped"])
        made = ChunkRecords(
            [Figure.model_validate(item) for item in records["figures"]],
            [Quote.model_validate(item) for item in records["quotes"]],
            [Park.model_validate(item) for item in records["parks"]],
            [Initiative.model_validate(item) for item in records["initiatives"]],
        )
        return Settled(made, tally, call=str(stored.get("call", "")), first=bool(stored.get("first")))
    except Exception:  # written by another version, or damaged: ask again
        return None


@cache
def _code_version() -> str:
    package = resources.files(__package__ or "extractor.backends.llm")
    digest = hashlib.sha256()
    for name in _CODE:
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()[:12]
