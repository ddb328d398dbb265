"""Quotes: the examples of extractor/data/quotes.toml (speech verbs, titles, pronouns) give their speaker and title."""

import pytest

from extractor import knowledge
from extractor.backends.rules.quotes import extract_quotes

EXAMPLES = knowledge.examples("quotes.toml")


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:12] for e in EXAMPLES])
def test_each_example_gives_its_speaker(example):
    quotes = extract_quotes(example["text"], 0, len(example["text"]))
    if not example["speaker"]:
        assert quotes == []  # a quoted term, not speech
        return
    assert [(q.speaker, q.speaker_title) for q in quotes] == [(example["speaker"], example["title"])]


def test_the_words_come_from_the_data_file():
    words = knowledge.data("quotes.toml")
    assert "副局长" in words["titles"] and words["titles"].index("副局长") < words["titles"].index("局长")
    assert "他" in words["pronouns"] and "说" in words["speech_verbs"]
