"""Quotes: direct speech in “…” marks, with the speaker and the speaker's title.

Attribution is read from the words after the closing mark (“……”李敏说) or
before the opening one (熊杏敏深有感触：“……”). A pronoun (他说) resolves to the
last speaker named before it, including people cited without quote marks
(据某某负责人介绍). Short quoted terms (“链主”, “一件事”) are not speech.
The words (verbs of saying, titles, pronouns) live in extractor/data/quotes.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...knowledge import load
from ...models import Evidence, Quote


@dataclass(frozen=True)
class _Words:
    """extractor/data/quotes.toml: an entry's key is its field's name."""

    speech_verbs: tuple[str, ...]
    colon_cues: tuple[str, ...]
    cited_verbs: tuple[str, ...]
    titles: tuple[str, ...]
    titles_as_names: tuple[str, ...]
    pronouns: frozenset[str]
    leading_words: tuple[str, ...]
    trailing_words: tuple[str, ...]


def _either(words: tuple[str, ...]) -> str:
    """The words as alternatives, in the file's order (a longer word is listed before a word it contains)."""
    return "|".join(map(re.escape, words))


_WORDS = load("quotes.toml", _Words, skip=("examples",))
_QUOTE = re.compile(r"“([^“”]*)”")
_SPEECH_VERB = f"(?:{_either(_WORDS.speech_verbs)})"
# After the closing mark, maybe behind a short scene-setting clause (在座谈会上，一位企业负责人说).
_AFTER = re.compile(rf"^(?:[^，。！？“”\n]{{0,16}}[，,])?(?P<who>[^，。！？“”：:,\n]{{1,45}}?){_SPEECH_VERB}")
_BEFORE = re.compile(rf"(?P<who>[^，。！？“”：:,\n]{{1,45}}?)(?:{_SPEECH_VERB}|{_either(_WORDS.colon_cues)})?[：:]$")
_CITED = re.compile(rf"据(?P<who>[^，。！？“”：:,\n]{{2,40}}?)(?:{_either(_WORDS.cited_verbs)})")
_TITLE_WORDS = _WORDS.titles
_PRONOUNS = _WORDS.pronouns
_LEADING = re.compile(rf"^.*?(?:{_either(_WORDS.leading_words)})[，,]?")
_TRAILING = re.compile(rf"(?:{_either(_WORDS.trailing_words)})$")
_NAME = r"[\u4e00-\u9fff]{2,3}"
_MIN_SPEECH = 12  # characters: shorter quoted text without punctuation is a term, not speech


def extract_quotes(text: str, start: int, end: int) -> list[Quote]:
    quotes: list[Quote] = []
    last_speaker = ("", "")
    cited = [(m.start(), _split_speaker(m.group("who"))) for m in _CITED.finditer(text, start, end)]  # in text order
    next_cited = 0
    for match in _QUOTE.finditer(text, start, end):
        while next_cited < len(cited) and cited[next_cited][0] < match.start():
            last_speaker = cited[next_cited][1]
            next_cited += 1
        content = match.group(1)
        if not _is_speech(content):
            continue
        speaker = _attribution(text, match, end)
        if speaker and speaker[0] in _PRONOUNS:
            speaker = last_speaker
        if speaker and speaker[0]:
            last_speaker = speaker
        name, title = speaker or ("", "")
        evidence = Evidence(start=match.start(1), end=match.end(1), text=content)
        quotes.append(Quote(text=content, speaker=name, speaker_title=title, evidence=evidence))
    return _inherit_titles(_attribute_runs(quotes))


def _is_speech(content: str) -> bool:
    return len(content) >= _MIN_SPEECH and bool(re.search(r"[，。！？,；]", content))


def _attribution(text: str, match: re.Match[str], end: int) -> tuple[str, str] | None:
    after = _AFTER.match(text[match.end() : min(end, match.end() + 50)])
    if after:
        return _split_speaker(after.group("who"))
    window = max(0, match.start() - 50)  # look back 50 characters at most, and not past a line or sentence end
    line_start = max(text.rfind("\n", window, match.start()), text.rfind("。", window, match.start())) + 1
    before = _BEFORE.search(text[max(line_start, window) : match.start()])
    if before:
        return _split_speaker(before.group("who"))
    return None


def _split_speaker(phrase: str) -> tuple[str, str]:
    """'南昌高新区科经局副局长李敏' → ('李敏', '南昌高新区科经局副局长')."""
    phrase = _LEADING.sub("", phrase).strip()
    phrase = _TRAILING.sub("", phrase)
    if phrase in _PRONOUNS:
        return phrase, ""
    if phrase.endswith(_WORDS.titles_as_names):
        return phrase, phrase
    for word in _TITLE_WORDS:
        index = phrase.rfind(word)
        if index != -1:
            name = phrase[index + len(word) :]
            title = phrase[: index + len(word)]
            if re.fullmatch(_NAME, name):
                return name, title
    name_match = re.search(rf"{_NAME}$", phrase)
    if name_match and len(phrase) <= 4:
        return phrase, ""
    return phrase, ""


def _attribute_runs(quotes: list[Quote]) -> list[Quote]:
    """A quote split over paragraphs (“…  “…”某某说) takes the speaker of the part that names one."""
    for index in range(len(quotes) - 2, -1, -1):
        current, following = quotes[index], quotes[index + 1]
        if current.speaker or not following.speaker:
            continue
        assert current.evidence and following.evidence
        if following.evidence.start - current.evidence.end <= 3:
            quotes[index] = current.model_copy(update={"speaker": following.speaker, "speaker_title": following.speaker_title})
    return quotes


def _inherit_titles(quotes: list[Quote]) -> list[Quote]:
    """熊杏敏介绍 carries the title given where 熊杏敏 was first named."""
    titles: dict[str, str] = {}
    for quote in quotes:
        if quote.speaker and quote.speaker_title:
            titles.setdefault(quote.speaker, quote.speaker_title)
    return [q.model_copy(update={"speaker_title": titles.get(q.speaker, "")}) if q.speaker and not q.speaker_title else q for q in quotes]
