"""The anchoring policy: how a model's answer and the rules' candidates become one chunk's records.

The rules' candidates always stay: a verified reading is never lost to an
answer. A label the model gives wins over the rules' (the schema admits only
valid keys and measures); the rules' stays where it gives none. A figure the
model lists at a candidate's number is that candidate's label (merged, not
added); a reading of the number (a longer value_text, a base unit, an amount)
replaces the candidate's only where the text bears it out. Quotes, parks and
initiatives the model names are kept where their words stand in the chunk. A
chunk without a usable answer keeps the rules' records (``stand_in``).

Everything here is a pure function of the text, the candidates and the answer:
the tests give it hand-made answers, no server.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import Any, NamedTuple

from ...checks.verify import check, reading_at
from ...domain.numbers import parse_quantity, split_unit
from ...models import Article, Evidence, Figure, Initiative, Measure, Park, Qualifier, Quote, Span, Status
from ..build import build_figure, quantity_fields
from ..rules.labels import list_key, metric_key
from ..usage import ChunkTally
from .answers import AddedFigure, FigureItem, FigureLabel, Meaning, without_marks
from .labelpolicy import DEFAULT_POLICY, LABEL_KINDS, label_policy
from .modes import Mode
from .prompting import Batch, Part, value_start

ADDED_PER_CHUNK = 5  # figures one answer may add beyond the chunk's candidates (the rules find nearly every number)


class ChunkRecords(NamedTuple):
    """One chunk's records, made of its answer and its candidates."""

    figures: list[Figure]
    quotes: list[Quote]
    parks: list[Park]
    initiatives: list[Initiative]


def chunk_records(
    text: str, article: Article, part: Part, answer: Any, batch: Batch, mode: Mode, tally: ChunkTally, policy: str = DEFAULT_POLICY
) -> ChunkRecords:
    """The chunk's records from the answer to its call (``batch``); raises on an answer it cannot use. ``policy`` names
    where the rules' labels stand against the model's (data/model_labels.toml)."""
    span, page = _span(part), batch.page_of(part)
    parks = [item for item in answer.parks if _may_be_on(item, page)]
    initiatives = [item for item in answer.initiatives if _may_be_on(item, page)]
    return ChunkRecords(
        _figures(text, part, answer, batch, mode, tally, policy),
        _quotes(text, part, answer, batch, mode, tally),
        [p for p in (_park(text, span, item.name, item.aliases) for item in parks) if p.evidence],  # named here
        [i for i in (_initiative(text, span, item.name, item.kind, item.park or article.park) for item in initiatives) if i.evidence],
    )


def _may_be_on(item: Any, page: int) -> bool:
    """Whether an answer's item may belong to this page of the call: it names this page, or none (its words decide)."""
    return getattr(item, "page", None) in (None, page)


def stand_in(part: Part) -> ChunkRecords:
    """A chunk without a usable answer: the rules' candidates stand in for it (parks and initiatives: the article's)."""
    return ChunkRecords(list(part.figures.values()), list(part.quotes.values()), [], [])


def assemble(article: Article, chunks: list[ChunkRecords], failed: bool) -> Article:
    """The article's records: its chunks' in order (a failed chunk's are its ``stand_in``).

    Where the model named no park (or no initiative) in the article, or a chunk failed, the rules' stand too.
    """
    figures = [figure for records in chunks for figure in records.figures]
    quotes = [quote for records in chunks for quote in records.quotes]
    parks = [park for records in chunks for park in records.parks]
    initiatives = [initiative for records in chunks for initiative in records.initiatives]
    if failed or not parks:  # the model named none here: the rules' stand
        parks += article.parks
    if failed or not initiatives:
        initiatives += article.initiatives
    return article.model_copy(update={"figures": figures, "quotes": quotes, "parks": parks, "initiatives": initiatives})


def _figures(text: str, part: Part, answer: Any, batch: Batch, mode: Mode, tally: ChunkTally, policy: str = DEFAULT_POLICY) -> list[Figure]:
    """Every candidate of this chunk (labelled where the model labels it), plus the figures the model added.

    The rules' candidates always stay: a verified reading is never lost to an
    answer. A figure the model lists at a candidate's number is that candidate's
    label (merged, not added); what is left is added, at most ``ADDED_PER_CHUNK``
    more than the chunk has candidates, and only where its number is printed in the chunk.
    """
    labels: dict[str, Any] = {}
    for label in mode.figure_labels(answer):
        if label.id in part.figures:
            labels.setdefault(label.id, label)  # the first label of an id wins
    spans = sorted((value_start(c), value_start(c) + len(c.value_text), mark) for mark, c in part.figures.items())
    added: list[tuple[Any, Evidence | None, int]] = []
    for item in answer.figures:
        fragment = item.evidence or item.value_text
        if _owner(text, batch, fragment, getattr(item, "page", None)) is not part:
            continue  # it stands in another chunk of this call
        evidence = _locate(text, _span(part), item.evidence) if item.evidence else None
        place = _number_place(text, part, item.value_text, evidence)
        if place is None:
            tally.drop("figures: number not printed in the chunk")
            continue
        mark = _candidate_at(spans, place, place + len(item.value_text))
        if mark is None:
            added.append((item, evidence, place))
        elif mark not in labels:
            labels[mark] = item  # the model's figure repeats a candidate: its labels go to the candidate
            tally.merged += 1
        else:
            tally.drop("figures: repeats a labelled candidate")
    found: list[Figure] = []
    known = _KnownNumbers()
    for mark, candidate in part.figures.items():
        label = labels.get(mark)
        found.append(candidate if label is None else _standing(_labelled(text, candidate, label, tally), candidate, policy, tally))
        known.add(found[-1])
    tally.candidates += len(part.figures)
    tally.applied += sum(mark in labels for mark in part.figures)
    rules_at = {value_start(candidate): candidate for candidate in part.figures.values()}  # their labels, where the model gives none
    cap = ADDED_PER_CHUNK + len(part.figures)
    for item, evidence, place in added:
        figure = _figure(text, item, evidence or _around(text, part, place, item.value_text), rules_at)
        if known.restates(figure):
            tally.drop("figures: repeats another figure")
        elif cap <= 0:
            tally.drop("figures: over the cap of added figures")
        else:
            found.append(figure)
            known.add(figure)
            cap -= 1
    return found


def _number_place(text: str, part: Part, value_text: str, evidence: Evidence | None) -> int | None:
    """Where a model figure's number stands in the chunk: in its evidence (last), else its first printing; None if nowhere."""
    if evidence is not None:
        offset = evidence.text.rfind(value_text)
        if offset != -1:
            return evidence.start + offset
    found = _find(text, value_text, part.chunk.start, part.chunk.end)
    return found[0] if found is not None and text[found[0] : found[1]] == value_text else None


def _candidate_at(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The candidate whose printed number overlaps [start, end) (spans sorted by start, disjoint)."""
    last = bisect.bisect_left(spans, (end,)) - 1  # the last candidate starting before ``end``
    for low, high, mark in reversed(spans[max(0, last - 2) : last + 1]):
        if low < end and start < high:
            return mark
    return None


def _around(text: str, part: Part, place: int, value_text: str) -> Evidence:
    """Evidence for a figure given without any: its number and up to 20 characters before it, inside the chunk."""
    low = max(part.chunk.start, place - 20)
    return Evidence(start=low, end=place + len(value_text), text=text[low : place + len(value_text)])


class _KnownNumbers:
    """The figures kept so far, looked up in constant time: an added figure that restates one is dropped.

    Restating: same number, and the same evidence or evidence ending at that
    same number. A figure that only *contains* a known number somewhere in its
    evidence is kept: the validator decides which of two claims on one number stands.
    """

    def __init__(self) -> None:
        self._evidence: set[tuple[str, Evidence]] = set()
        self._number_ends: set[tuple[str, int]] = set()

    def add(self, figure: Figure) -> None:
        if figure.evidence is not None:
            self._evidence.add((figure.value_text, figure.evidence))
            self._number_ends.add((figure.value_text, value_start(figure) + len(figure.value_text)))

    def restates(self, figure: Figure) -> bool:
        evidence = figure.evidence
        if evidence is None:
            return False
        return (figure.value_text, evidence) in self._evidence or (figure.value_text, evidence.end) in self._number_ends


def _span(part: Part) -> tuple[int, int]:
    return part.chunk.start, part.chunk.end


def _owner(text: str, batch: Batch, fragment: str, page: int | None = None) -> Part | None:
    """The chunk of the call where a copied fragment first stands (the first chunk if it stands nowhere).

    A call may carry chunks of several pages: each is searched in its own page's text (``text`` for parts that have none);
    an item that names its page is looked for on that page only (None: a page the call does not have).
    """
    pages = batch.pages()
    if page is not None:
        if not batch.first_page <= page < batch.first_page + len(pages):
            return None
        batch = Batch(pages[page - batch.first_page])
    for part in batch.parts:
        if _find(part.text or text, fragment, part.chunk.start, part.chunk.end) is not None:
            return part
    return batch.parts[0]


def _meaning(item: Meaning, fallback: Figure | None = None) -> dict[str, Any]:
    """The labels the model gave; where it gave none, the fallback's (the rules' reading of the same number)."""
    given: dict[str, Any] = {name: getattr(item, name) for name in ("metric", "subject", "period") if getattr(item, name)}
    if item.metric_key is not None:
        given["metric_key"] = item.metric_key.value
    if item.measure is not None:
        given["measure"] = Measure(item.measure)
    if item.target is not None:
        given["target"] = item.target
    for source, names in _LABEL_SOURCES.items():  # a label the model gave says so (confidence.toml: never high alone)
        if any(name in given for name in names):
            given[source] = "model"
    if fallback is None:
        return given
    labels = ("metric", "subject", "period", "metric_key", "measure", "target", *_LABEL_SOURCES)
    return {**{name: getattr(fallback, name) for name in labels}, **given}


_LABEL_SOURCES = {"subject_from": ("subject",), "metric_from": ("metric", "metric_key"), "period_from": ("period",)}


def _labelled(text: str, candidate: Figure, label: FigureLabel | AddedFigure, tally: ChunkTally) -> Figure:
    """The candidate with the model's labels, and with the model's reading of its number where the text bears it out.

    A different value_text is read at the place the model means (over the
    candidate's number) and gets evidence that contains it; a stated base unit,
    amount or qualifier replaces what the grammar read. That reading is kept
    when the validator verifies it, or when the candidate's own reading does not
    verify either; otherwise the candidate's verified reading stands (value,
    unit, span) and only the labels apply.
    """
    labelled = candidate.model_copy(update=_meaning(label))
    if label.period and not _grounded(label.period, text):
        labelled = labelled.model_copy(update={"period": candidate.period, "period_from": candidate.period_from})
        tally.drop("labels: period words not in the text (the rules' period stands)")
    reading: dict[str, Any] = {}
    echoed = "".join(label.value_text.split())
    if echoed and echoed != candidate.value_text:
        reading.update(_echoed_reading(text, candidate, echoed))
    reading.update(_stated_reading(label, {**candidate.model_dump(include={"value", "amount"}), **reading}))
    reading = {name: value for name, value in reading.items() if getattr(candidate, name) != value}
    if not reading:
        return _keyed(labelled, label, candidate)
    corrected = labelled.model_copy(update=reading)
    before = check(candidate, text)
    if before.status is not Status.verified or _widens(check(corrected, text), before):
        return _keyed(corrected, label, candidate)
    tally.drop("labels: reading not borne out by the text (the verified one stands)")
    return _keyed(labelled, label, candidate)


def _standing(figure: Figure, candidate: Figure, policy: str, tally: ChunkTally) -> Figure:
    """The labelled figure with the rules' labels back where the policy says they stand: each kind whose rules' scope
    it lists (a 1.5B model's labels were wrong wherever they differed from those the rules read from the text)."""
    restored: dict[str, Any] = {}
    for kind, scopes in label_policy(policy).items():
        names, source = LABEL_KINDS[kind]
        scope = getattr(candidate, source)
        if scope not in scopes:
            continue
        restored.update({name: getattr(candidate, name) for name in (*names, source)})  # a label that agrees: its source too
        if any(getattr(figure, name) != getattr(candidate, name) for name in names):
            tally.drop(f"labels: the rules' {kind} stands (read from the {scope}; --model-labels {policy})")
    return figure.model_copy(update=restored) if restored else figure


_WORD_PIECES = re.compile(r"[^\s（）()【】\[\]，,、；;：:]{2,}")


def _grounded(words: str, text: str) -> bool:
    """Whether a label's words stand in the page (同期（今年1至8月）: any piece of two or more characters). A small model
    copies the prompt's own example (今年上半年) into every label; a period the page never prints is no reading of it."""
    return any(piece.group() in text for piece in _WORD_PIECES.finditer(words))


def _keyed(figure: Figure, item: Meaning, rules: Figure | None) -> Figure:
    """The figure with the key of the model's metric words, where the model named a metric and no key (the schema does
    not ask for one: the key list would be a tenth of every call's prompt). The project's keyer reads the words, as it
    reads the rules' (data/metrics.toml); words the rules' reading of that number has already keep its key, and so do
    words that name no key (a small model wrote ``level`` as the metric of 出口额165.3亿美元): only a key replaces a key."""
    if not item.metric or item.metric_key is not None or (rules is not None and rules.metric == item.metric):
        return figure
    key = key_of(item.metric, figure.base_unit, figure.measure)
    return figure if key == "other" and rules is not None else figure.model_copy(update={"metric_key": key})


def key_of(words: str, base_unit: str, measure: Measure) -> str:
    """The metric key of a metric phrase, a list's (A、B) as the rules read a list."""
    return list_key(words, base_unit, measure) if "、" in words else metric_key(words, base_unit, measure)


def _widens(after: Any, before: Any) -> bool:
    """A verified reading over the whole of the verified one's printed number (1.62亿 → 1.62亿片), never a part of it
    (上千人 → 千人): the rules' verified figure is never narrowed away."""
    if after.status is not Status.verified or after.value_span is None or before.value_span is None:
        return False
    return after.value_span.start <= before.value_span.start and before.value_span.end <= after.value_span.end


def _echoed_reading(text: str, candidate: Figure, echoed: str) -> dict[str, Any]:
    """A longer or different reading of the candidate's number: its value, unit and amount, and evidence that holds it."""
    quantity = _finite_quantity(echoed)
    if quantity is None:  # no quantity: the record carries the echo and the validator says so
        return {"value_text": echoed}
    candidate_start = value_start(candidate)
    place = _overlapping_place(text, echoed, candidate_start, candidate_start + len(candidate.value_text))
    if place is not None:
        quantity = reading_at(text, place, place + len(echoed), quantity)
    update: dict[str, Any] = {"value_text": echoed, **quantity_fields(quantity)}
    update["value_span"] = Span(start=place, end=place + len(echoed)) if place is not None else None  # not the candidate's
    if place is not None and candidate.evidence is not None:
        low, high = min(candidate.evidence.start, place), max(candidate.evidence.end, place + len(echoed))
        update["evidence"] = Evidence(start=low, end=high, text=text[low:high])
    return update


def _overlapping_place(text: str, fragment: str, start: int, end: int) -> int | None:
    """Where ``fragment`` stands in the text over [start, end) (a longer reading of the number there), nearest start."""
    places = []
    position = text.find(fragment, max(0, start - len(fragment) + 1), end + len(fragment))
    while position != -1 and position < end:
        if position + len(fragment) > start:
            places.append(position)
        position = text.find(fragment, position + 1, end + len(fragment))
    return min(places, key=lambda place: abs(place - start)) if places else None


def _stated_reading(item: FigureLabel | AddedFigure | FigureItem, current: dict[str, Any]) -> dict[str, Any]:
    """What the model said of the number itself: unit, base unit, amount, qualifier, range end (those its answer has).

    ``current`` holds the value and amount the record has so far, to scale a range end by.
    """
    said = item.model_dump(include={"unit", "base_unit", "amount", "qualifier", "value_high"})
    stated: dict[str, Any] = {name: "".join(said[name].split()) for name in ("unit", "base_unit") if said.get(name)}
    if said.get("amount") is not None:
        stated["amount"] = said["amount"]
    if said.get("qualifier") is not None:
        stated["qualifier"] = Qualifier(said["qualifier"])
    if said.get("value_high") is not None:
        value, amount = current["value"], stated.get("amount", current["amount"])
        stated["value_high"] = said["value_high"]
        stated["amount_high"] = said["value_high"] * (amount / value if value else 1.0)
    return stated


def _finite_quantity(value_text: str) -> Any:
    """The reading of a number, unless it overflows (a model may echo 400 digits): JSON has no Infinity."""
    quantity = parse_quantity(value_text)
    if quantity is None:
        return None
    numbers = (quantity.value, quantity.amount, quantity.value_high, quantity.amount_high)
    return quantity if all(n is None or math.isfinite(n) for n in numbers) else None


def _figure(text: str, item: AddedFigure, evidence: Evidence | None, rules_at: dict[int, Figure]) -> Figure:
    """A figure the model found itself. What it leaves out of the reading, the grammar reads at the place it stands
    (a cue word's qualifier, a range end); what it leaves out of the labels, the rules' candidate for that number gives."""
    value_text = "".join(item.value_text.split())
    quantity = _finite_quantity(value_text)
    place = evidence.start + evidence.text.rfind(value_text) if evidence is not None and value_text in evidence.text else None
    if quantity is not None and place is not None:
        quantity = reading_at(text, place, place + len(value_text), quantity)
    read = quantity_fields(quantity) if quantity else {"unit": "", "amount": item.value, "base_unit": ""}
    read["value"] = item.value  # the model's value stands; the validator compares it
    if item.amount is not None:
        read["amount"] = item.amount
    if item.unit and not (isinstance(item, FigureItem) and item.base_unit):
        read["base_unit"] = split_unit(item.unit)[1] or read["base_unit"]
    read.update(_stated_reading(item, {"value": item.value, "amount": read["amount"]}))
    rules = rules_at.get(place) if place is not None else None
    labels = _meaning(item, rules)
    at = (place, place + len(value_text)) if place is not None else None
    return _keyed(build_figure(value_text, None, at, evidence=evidence, **read, **labels), item, rules)


def _quotes(text: str, part: Part, answer: Any, batch: Batch, mode: Mode, tally: ChunkTally) -> list[Quote]:
    """Every quote candidate of this chunk (with the model's speaker where it gives one), plus new quotes that overlap none."""
    found: list[Quote] = []
    taken = _TakenSpans()
    labels: dict[str, Any] = {}
    for label in mode.quote_labels(answer):
        labels.setdefault(label.id, label)
    for mark, candidate in part.quotes.items():
        label = labels.get(mark)
        if label is not None and (label.speaker or label.speaker_title):
            candidate = candidate.model_copy(update={"speaker": label.speaker or candidate.speaker, "speaker_title": label.speaker_title})
        found.append(candidate)
        taken.add(candidate)
    for item in answer.quotes:
        words = without_marks(item.text).strip().strip("“”")
        if not words or _owner(text, batch, words, item.page) is not part:
            continue  # nothing, or it stands in another chunk of this call
        quote = Quote(text=words, speaker=item.speaker, speaker_title=item.speaker_title, evidence=_locate(text, _span(part), words))
        if taken.overlaps(quote):
            tally.drop("quotes: repeats a quote candidate")
        else:
            found.append(quote)
            taken.add(quote)
    return found


class _TakenSpans:
    """Quotes kept so far: their words, and the union of their spans (sorted, disjoint), searched by bisection.

    A quote the model repeats, or gives in part or with more words, overlaps
    one kept already: two different quotes never share characters.
    """

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, quote: Quote) -> bool:
        if quote.text in self._words:
            return True
        if quote.evidence is None:
            return False
        start, end = quote.evidence.start, quote.evidence.end
        index = bisect.bisect_left(self._ends, start + 1)  # the first kept span that ends after this one starts
        return index < len(self._starts) and self._starts[index] < end

    def add(self, quote: Quote) -> None:
        self._words.add(quote.text)
        if quote.evidence is None:
            return
        start, end = quote.evidence.start, quote.evidence.end
        low = bisect.bisect_left(self._ends, start)  # spans touching or overlapping [start, end) merge into one
        high = bisect.bisect_right(self._starts, end)
        if low < high:
            start, end = min(start, self._starts[low]), max(end, self._ends[high - 1])
        self._starts[low:high] = [start]
        self._ends[low:high] = [end]


def _park(text: str, span: tuple[int, int], name: str, aliases: list[str]) -> Park:
    return Park(name=name, aliases=[a for a in aliases if a != name], evidence=_locate(text, span, name))


def _initiative(text: str, span: tuple[int, int], name: str, kind: str, park: str) -> Initiative:
    return Initiative(name=name, initiative_kind=kind, park=park, owner=park, evidence=_locate(text, span, name))


def _locate(text: str, span: tuple[int, int], fragment: str) -> Evidence | None:
    """Where a copied fragment stands in the chunk (as a span of the document), if it does."""
    found = _find(text, fragment, span[0], span[1])
    if found is None:
        return None
    start, end = found
    return Evidence(start=start, end=end, text=text[start:end])


def _find(text: str, fragment: str, low: int, high: int) -> tuple[int, int] | None:
    """The first place of a copied fragment in text[low:high], exact or with its whitespace and line breaks differing.

    A model copies a clause that runs over a paragraph break without the break (or with a
    space for it); the evidence is then the document's own span, break included.
    """
    fragment = without_marks(fragment or "").strip()
    if not fragment:
        return None
    position = text.find(fragment, low, high)
    if position != -1:
        return position, position + len(fragment)
    characters = [re.escape(character) for character in fragment if not character.isspace()]
    match = re.compile(r"\s*".join(characters)).search(text, low, high)
    return (match.start(), match.end()) if match else None

