"""Quotes: direct speech in “…” marks, with the speaker and the speaker's title.

Attribution is read from the words after the closing mark (“……”李敏说) or
before the opening one (熊杏敏深有感触：“……”). A pronoun (他说) resolves to the
last speaker named before it, including people cited without quote marks
(据某某负责人介绍). Short quoted terms (“链主”, “一件事”) are not speech.
"""

from __future__ import annotations

import re

from ...models import Evidence, Quote

_QUOTE = re.compile(r"“([^“”]*)”")
_SPEECH_VERB = r"(?:介绍说|介绍|表示|说道|说|透露|坦言|指出|告诉记者|感慨道|感慨|强调|认为|称|补充道|笑着说)"
# After the closing mark, maybe behind a short scene-setting clause (在座谈会上，一位企业负责人说).
_AFTER = re.compile(rf"^(?:[^，。！？“”\n]{{0,16}}[，,])?(?P<who>[^，。！？“”：:,\n]{{1,45}}?){_SPEECH_VERB}")
_BEFORE = re.compile(rf"(?P<who>[^，。！？“”：:,\n]{{1,45}}?)(?:{_SPEECH_VERB}|深有感触|直言)?[：:]$")
_CITED = re.compile(r"据(?P<who>[^，。！？“”：:,\n]{2,40}?)(?:介绍|透露|表示)")
_TITLE_WORDS = (
    "首席执行官",
    "首席技术官",
    "党组书记",
    "总经理助理",
    "副总经理",
    "总经理",
    "董事长",
    "副局长",
    "局长",
    "副主任",
    "主任",
    "副书记",
    "书记",
    "副部长",
    "部长",
    "科长",
    "院长",
    "所长",
    "处长",
    "总监",
    "创始人",
    "经理",
    "负责人",
    "工作人员",
    "主席",
    "市长",
    "区长",
    "教授",
    "研究员",
    "专家",
    "助理",
    "总裁",
)
_PRONOUNS = {"他", "她", "他们", "她们", "对方", "该负责人", "这位负责人"}
_LEADING = re.compile(r"^.*?(?:对此|同时|此外|其中|随后|谈及|谈到|说起)[，,]?")
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
    phrase = re.sub(r"(?:深有感触|对此|也|还|则|再次|进一步|在接受记者采访时|接受采访时)$", "", phrase)
    if phrase in _PRONOUNS:
        return phrase, ""
    if phrase.endswith("负责人") or phrase.endswith("工作人员"):
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
