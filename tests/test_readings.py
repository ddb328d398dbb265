"""The registry's spellings read once and kept (extractor/domain/readings.py): the same answer as reading them."""

from __future__ import annotations

import dataclasses

import pytest

from extractor.domain import readings as readings_module
from extractor.domain.registry import Registry, load_registry


def _fresh(registry: Registry) -> Registry:
    return Registry(list(registry.zones), list(registry.user_zones))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_stored_readings_give_what_reading_the_spellings_gives(cache, monkeypatch):
    packaged = load_registry()
    cold = _fresh(packaged)
    keys, tokens = dict(cold._by_key), dict(cold.vocabulary.tokens)
    assert len(list(cache.glob("spellings-*.json"))) == 1
    monkeypatch.setattr(Registry, "_read_spellings", lambda self: pytest.fail("read again despite the stored readings"))
    warm = _fresh(packaged)
    assert warm._by_key == keys and warm.vocabulary.tokens == tokens
    assert warm.find(warm.vocabulary.parse("武汉东湖新技术开发区").key).park_id == cold.find(
        cold.vocabulary.parse("武汉东湖新技术开发区").key
    ).park_id


def test_another_registry_or_a_damaged_file_is_read_afresh(cache):
    packaged = load_registry()
    assert _fresh(packaged)._by_key
    [stored] = cache.glob("spellings-*.json")
    first = packaged.zones[0]
    renamed = Registry([dataclasses.replace(first, short_names=(*first.short_names, "甲乙高新区")), *packaged.zones[1:]])
    assert "甲乙高新区" in renamed._by_key  # its own digest: the new spelling is read, not the stored keys used
    assert len(list(cache.glob("spellings-*.json"))) == 2
    stored.write_text("{not json", encoding="utf-8")
    assert _fresh(packaged)._readings == _fresh(packaged)._read_spellings()  # a damaged file is read over, and rewritten
    assert stored.read_text(encoding="utf-8").startswith('{"proper"')


def test_off_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_CACHE_DIR", "off")
    assert readings_module.cache_folder() is None
    monkeypatch.setenv("HOME", str(tmp_path))
    assert _fresh(load_registry())._by_key
    assert not list(tmp_path.rglob("spellings-*.json"))
