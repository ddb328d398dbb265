"""The first-character guard: the same matches, found with one class test at most positions."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.domain.firstchars import first_char_guard
from extractor.domain.periods import period_pattern
from extractor.domain.registry import registry

_TEXT = st.text(alphabet="2023年1至8月份今年以来全区高新区开发区截至目前累计亿元，。到十四五“”近3年来同期", max_size=40)


@settings(deadline=None)
@given(_TEXT)
def test_guarded_patterns_find_what_the_plain_ones_find(text):
    for pattern in (period_pattern(), registry().vocabulary.type_chain):
        plain = re.compile(pattern.pattern.split("])(?:", 1)[1][:-1], pattern.flags)
        assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_the_scanned_patterns_are_guarded():
    assert period_pattern().pattern.startswith("(?=[")  # a pattern built from the data files, led by its first characters
    assert registry().vocabulary.type_chain.pattern.startswith("(?=[")


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        ("(?P<a>ab|cd)|x+", {"a", "c", "x"}),
        ("(?:该|此)(项目)|(?<=[，。])企业", {"该", "此", "企"}),
        ("(?:到)?(?:(?P<y>\\d)|(?(y)年|(?!)))", {"到", "\\d", "年"}),  # (?!) never matches: adds nothing
    ],
)
def test_first_characters_are_read_from_the_pattern(pattern, first):
    guarded = first_char_guard(re.compile(pattern))
    items = guarded.pattern[len("(?=[") : guarded.pattern.index("])(?:")]
    assert set(re.findall(r"\\d|.", items)) == first


@pytest.mark.parametrize("pattern", ["a*", "[^a]b", ".b", "(?s).*x", "(?:[^x]|y)z", "(?i)ab"])
def test_patterns_whose_start_is_unknown_stay_as_they_are(pattern):
    compiled = re.compile(pattern)
    assert first_char_guard(compiled) is compiled


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without its guard."""
    return re.compile(pattern.pattern.split("])(?:", 1)[1][:-1], pattern.flags)


def test_knowledge_patterns_and_the_lexicons_word_lists_are_guarded():
    from extractor.backends.rules.lexicon import knowledge

    facts = knowledge()
    # tail (labels.toml, compiled by the knowledge reader) and breaks, change_ends (built by the lexicon): searched per figure
    for pattern in (facts.tail, facts.breaks, facts.change_ends, facts.not_target_cues):
        assert pattern.pattern.startswith("(?=[")


_CLAUSE = st.text(alphabet="全省共有开发区营业收入达到同比增长约为的和、等实现完成计划目标力争较上年", max_size=30)


@settings(deadline=None)
@given(_CLAUSE)
def test_guarded_lexicon_patterns_find_what_the_plain_ones_find(text):
    from extractor.backends.rules.lexicon import knowledge

    facts = knowledge()
    for pattern in (facts.tail, facts.breaks, facts.change_ends, facts.not_target_cues, facts.target_cues):
        plain = _plain(pattern)
        assert pattern.sub("", text) == plain.sub("", text)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("pattern", ["(?P<a>ab|cd)|x+", "(?:该|此)(项目)|(?<=[，。])企业", "[^a]b|c", "(?s).*x", "(?i)ab|cd"])
def test_a_pattern_given_as_text_is_guarded_as_its_compiled_form_is(pattern, monkeypatch):
    """The call sites pass the text so that only the guarded form is compiled: the same pattern, one compile."""
    expected = first_char_guard(re.compile(pattern))
    compiled: list[str] = []
    real_compile = re.compile
    monkeypatch.setattr(re, "compile", lambda source, flags=0: compiled.append(source) or real_compile(source, flags))
    guarded = first_char_guard(pattern)
    assert (guarded.pattern, guarded.flags) == (expected.pattern, expected.flags)
    assert len(compiled) == 1  # the guarded form (or the text itself when no guard can be told), never both
