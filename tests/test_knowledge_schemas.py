"""Every module that reads a knowledge file reads it through a schema (``knowledge.load``): a misspelled key in
the file stops the reader with a KnowledgeError that names the file and the entry, instead of a KeyError deep in
a run or a silently ignored setting."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from extractor import knowledge
from extractor.backends.rules import lexicon, subjects
from extractor.domain import meta, periods, zonenames
from extractor.text import load as text_load


def _misspelled(key: str) -> str:
    """The key with its last two characters swapped (header_lines → header_linse), a typo the schema must catch."""
    return key[:-2] + key[-1] + key[-2]


@contextmanager
def _file_with_typo(name: str, table: tuple[str | int, ...], key: str) -> Iterator[str]:
    """The knowledge file ``name`` as the loader sees it, with ``key`` of the table at ``table`` misspelled."""
    content = copy.deepcopy(knowledge._parsed(name))
    place: Any = content
    for step in table:
        place = place[step]
    place[_misspelled(key)] = place.pop(key)
    real = knowledge._parsed
    knowledge.load.cache_clear()
    knowledge._parsed = lambda wanted: content if wanted == name else real(wanted)  # type: ignore[assignment]
    try:
        yield _misspelled(key)
    finally:
        knowledge._parsed = real  # type: ignore[assignment]
        knowledge.load.cache_clear()


def _uncached(reader: Callable[[], Any]) -> Callable[[], Any]:
    return getattr(reader, "__wrapped__", reader)


READERS: list[tuple[Callable[[], Any], str, tuple[str | int, ...], str]] = [
    (meta.knowledge, "meta.toml", (), "header_lines"),
    (meta.knowledge, "meta.toml", ("labels",), "source_if_outlet"),
    (text_load.settings, "text.toml", (), "legacy"),
    (text_load.settings, "text.toml", ("garbage",), "max_bad_char_share"),
    (periods.knowledge, "periods.toml", (), "five_year_plans"),
    (periods.knowledge, "periods.toml", ("words",), "weak_stock"),
    (zonenames.zone_words, "zone_words.toml", ("type", 5), "max_modifier"),
    (zonenames.zone_words, "zone_words.toml", ("company_names",), "names"),
    (zonenames.zone_words, "zone_words.toml", ("company_parks",), "max_gap"),
    (lexicon.knowledge, "metrics.toml", ("metric", 0), "signals"),
    (lexicon.knowledge, "metrics.toml", ("metric", 4), "parts"),
    (lexicon.knowledge, "labels.toml", ("phrase",), "breaks"),
    (lexicon.knowledge, "labels.toml", ("target",), "not_cues"),
    (subjects.subject_words, "subjects.toml", (), "place_self_words"),
    (subjects.subject_words, "subjects.toml", (), "canonical_groups"),
]


@pytest.mark.parametrize(("reader", "name", "table", "key"), READERS, ids=lambda v: v if isinstance(v, str) else None)
def test_a_misspelled_key_stops_the_reader_naming_the_file_and_the_entry(reader, name, table, key):
    with _file_with_typo(name, table, key) as typo, pytest.raises(knowledge.KnowledgeError) as stopped:
        _uncached(reader)()
    message = str(stopped.value)
    assert f"extractor/data/{name}" in message and typo in message
    for step in table:  # the table the key stands in, and an array's entry by its place
        assert (step if isinstance(step, str) else f"#{step + 1}") in message


def test_the_readers_read_the_real_files_without_error():
    for reader, *_ in READERS:
        assert _uncached(reader)() is not None


def test_the_knowledge_files_name_modules_and_files_that_exist():
    """A comment that points a reader to extractor/numbers.py after the module moved to extractor/domain/ misleads."""
    root = Path(knowledge.__file__).resolve().parent.parent
    data = root / "extractor" / "data"
    named = {
        found
        for path in [*sorted(data.glob("*.toml")), data / "README.md"]
        for found in re.findall(r"[\w./-]+\.(?:py|csv|toml)\b", path.read_text(encoding="utf-8"))
    }
    assert any(name.startswith("extractor/") for name in named)  # the check sees the paths it is about
    missing = sorted(name for name in named if not (root / name).exists() and not (data / name).exists())
    assert not missing, missing
