"""Zone identity: every spelling of a zone resolves to one ``park_id``, within and across documents.

The merge step calls ``identify_article`` for every article of both backends. A spelling
resolves in this order:

1. a short name the document defines (合肥高新技术产业开发区（以下简称合肥高新区）);
2. its identity key (zonenames: 山东省威海高新区 → 威海高新区); a bare X开发区 takes the
   document's one zone of X (威海开发区 in an article on 威海高技术产业开发区), else X经开区;
   a key the document also has in a longer form takes that one (稀土高新区 → 包头稀土高新区);
3. the registry by key, else an id derived from the key (``registered: false``).

``zone_rows`` makes the rows of the ``zones`` table of records.sqlite (``outputs/sqlite.py``
writes it): one row per zone across all documents.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby

from ..domain.mentions import find_park_mentions, short_name_definitions
from ..domain.registry import Registry, Zone, registry
from ..domain.zonenames import ZoneName, short_place_name
from ..models import Article, Park

_UNREGISTERED_PREFIX = "u-"
_GENERIC_TYPE = "开发区"
_DEFAULT_FOR_GENERIC = "经开区"


@dataclass(frozen=True)
class Identity:
    park_id: str
    key: str
    zone: Zone | None
    name: ZoneName | None

    @property
    def registered(self) -> bool:
        return self.zone is not None


class DocumentZones:
    """The identities of one document's zone spellings (build once per document, before its articles)."""

    def __init__(self, text: str, zones: Registry | None = None) -> None:
        self.registry = zones or registry()
        self.words = self.registry.vocabulary
        self.definitions = dict(short_name_definitions(text))
        mentions = find_park_mentions(text)
        self._keys = {self._parsed_key(m.name) for m in mentions} - {""}
        self._cache: dict[str, Identity | None] = {}
        self._subjects: dict[str, Identity | None] = {}  # resolve_subject's answers: a subject repeats over many figures
        self.spellings: dict[str, list[str]] = {}  # park_id → every spelling in the document, so each article names it alike
        for spelling in dict.fromkeys([*(m.name for m in mentions), *self.definitions]):
            identity = self.resolve(spelling)
            if identity is not None:
                self.spellings.setdefault(identity.park_id, []).append(spelling)

    def resolve(self, spelling: str) -> Identity | None:
        """The identity of a spelling, or None when it is not a zone name."""
        if spelling not in self._cache:
            self._cache[spelling] = self._resolve(spelling)
        return self._cache[spelling]

    def resolve_subject(self, spelling: str) -> Identity | None:
        """The identity of a figure's subject or an initiative's park, only when it names one zone.

        A spelling the document's parks use, a registry name, or a place + zone type
        (天津开发区); never a collective such as 我国经济技术开发区, 全省开发区 or
        32个国家级经济技术开发区, which ``resolve`` would read loosely.
        """
        if spelling not in self._subjects:
            self._subjects[spelling] = self._resolve_subject(spelling)
        return self._subjects[spelling]

    def _resolve_subject(self, spelling: str) -> Identity | None:
        known = spelling in self.definitions or any(spelling in names for names in self.spellings.values())
        if known or self.registry.find(spelling) is not None or self.words.parse(spelling, anchored=True) is not None:
            return self.resolve(spelling)
        return None

    def _resolve(self, spelling: str) -> Identity | None:
        if spelling in self.definitions and self.definitions[spelling] != spelling:
            return self.resolve(self.definitions[spelling])
        nickname = self.registry.find(spelling)
        parsed = self.words.parse(spelling, anchored=False)
        if parsed is None:
            return Identity(nickname.park_id, spelling, nickname, None) if nickname is not None else None
        key = self._document_key(parsed)
        zone = self.registry.find(key)
        if zone is None and self.registry.find(parsed.key) is None:
            zone = self.registry.find_spelling(spelling)  # a key two zones share: the exact listed name still names one
        return Identity(zone.park_id if zone else derived_id(key), key, zone, parsed)

    def _stands_for(self, parsed: ZoneName, key: str) -> bool:
        """Whether a generic spelling (吴中开发区) may name the document's zone of this key: not a bonded zone (吴中综保区)."""
        kinds = parsed.zone_type.stands_for
        canonical = max((t.canonical for t in self.words.types if key.endswith(t.canonical)), key=len, default="")
        return not kinds or any(t.zone_type in kinds for t in self.words.types if t.canonical == canonical)

    def _parsed_key(self, spelling: str) -> str:
        parsed = self.words.parse(spelling, anchored=False)
        return parsed.key if parsed is not None else ""

    def _document_key(self, parsed: ZoneName) -> str:
        key, core, canonical = parsed.key, parsed.core, parsed.zone_type.canonical
        if parsed.zone_type.generic:
            same_core = sorted({k for k in self._keys if k != key and _core_of(k, self.words) == core and self._stands_for(parsed, k)})
            if core + _DEFAULT_FOR_GENERIC in same_core:
                return core + _DEFAULT_FOR_GENERIC
            if len(same_core) == 1:
                return same_core[0]  # 威海开发区 in a text on 威海高技术产业开发区
            if not parsed.anchored_by_city:
                return key
            if self.registry.find(core + _DEFAULT_FOR_GENERIC) is None and len(listed := self.registry.zones_of(core)) == 1:
                return listed[0]  # 中山火炬开发区: 中山's one national zone is its 高新区
            return core + _DEFAULT_FOR_GENERIC
        if self.registry.find(key) is None and len(core) >= 2:
            longer = [k for k in self._keys if k != key and k.endswith(canonical) and k[: -len(canonical)].endswith(core)]
            if not longer and parsed.parts:  # 前海合作区 in a text that names 前海深港现代服务业合作区 (place + modifier)
                longer = [k for k in self._keys if k != key and k.endswith(canonical) and k[: -len(canonical)].startswith(core)]
            if len(longer) == 1:
                return longer[0]  # 稀土高新区 in a text that names 包头稀土高新区
        return key


def _core_of(key: str, words) -> str:
    canonical = next((t.canonical for t in words.types if key.endswith(t.canonical)), "")
    return key[: len(key) - len(canonical)]


def derived_id(key: str) -> str:
    """A stable id for a zone the registry does not list: the same key gives the same id in every run."""
    return _UNREGISTERED_PREFIX + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def identify_article(article: Article, zones: DocumentZones) -> Article:
    """Parks grouped by identity and named; figures and initiatives that name a zone get its park_id.

    The figures and initiatives are the article's own, fresh from extraction (the validator sets their verdicts in
    place next): their park_id is set on them, not on a copy of each (one copy per record was a tenth of merging).
    """
    for figure in article.figures:
        if figure.subject:
            figure.park_id = _park_id(figure.subject, zones)
    for initiative in article.initiatives:
        if initiative.park:
            initiative.park_id = _park_id(initiative.park, zones)
    return article.model_copy(update={"parks": _identified_parks(article.parks, zones)})


def _park_id(spelling: str, zones: DocumentZones) -> str:
    identity = zones.resolve_subject(spelling)
    return identity.park_id if identity is not None else ""


def _identified_parks(parks: list[Park], zones: DocumentZones) -> list[Park]:
    groups: dict[str, tuple[Identity | None, list[Park]]] = {}
    for park in parks:
        identity = next((i for i in map(zones.resolve, (park.name, *park.aliases)) if i is not None), None)
        if identity is not None and park.parent_id and not _may_belong_to(identity, park.parent_id, zones.registry):
            identity = None  # 现代产业园区 listed in 张家口经开区 is its sub-park, not 安徽's 金寨现代产业园区
        group_id = identity.park_id if identity is not None else "spelling:" + park.name
        groups.setdefault(group_id, (identity, []))[1].append(park)
    defined_by = {}
    for short, full in zones.definitions.items():
        defined_by.setdefault(full, []).append(short)
    return [_one_park(identity, members, defined_by, zones) for identity, members in groups.values()]


def _may_belong_to(identity: Identity, parent_id: str, zones: Registry) -> bool:
    """Whether a listed sub-park's registered reading may lie in its zone: unregistered, the zone or its part, or a
    zone of the same province (a place-less spelling the registry knows elsewhere names another zone)."""
    zone, parent = identity.zone, zones.zone(parent_id)
    if zone is None or parent is None:
        return True
    return parent_id in (zone.park_id, zone.parent_id) or zone.province == parent.province


def _one_park(identity: Identity | None, members: list[Park], defined_by: dict[str, list[str]], zones: DocumentZones) -> Park:
    seen = list(dict.fromkeys(s for park in members for s in (park.name, *park.aliases)))
    if identity is not None:
        seen += [s for s in zones.spellings.get(identity.park_id, []) if s not in seen]
    seen += [short for spelling in list(seen) for short in defined_by.get(spelling, []) if short not in seen]
    first = members[0]
    if identity is None:
        return first.model_copy(update={"name": max(seen, key=len), "aliases": [s for s in seen if s != max(seen, key=len)]})
    zone = identity.zone
    parsed = max(filter(None, (zones.words.parse(s, anchored=False) for s in seen)), key=lambda p: len(p.places), default=None)
    name = zone.name if zone is not None else max(seen, key=len)
    return first.model_copy(
        update={
            "name": name,
            "aliases": [s for s in seen if s != name],
            "park_id": identity.park_id,
            "registered": zone is not None,
            "parent_id": zone.parent_id if zone is not None else first.parent_id,  # a listed sub-park's zone (mentions.py)
            "level": zone.level if zone is not None else (parsed.level if parsed else ""),
            "province": short_place_name(zone.province) if zone is not None else (parsed.province if parsed else ""),
            "city": short_place_name(zone.city) if zone is not None else (parsed.city if parsed else ""),
        }
    )


# --- the zones table ---------------------------------------------------------------------------


def zone_rows(
    parks: Iterable[tuple], by_zone_and_doc: Iterable[tuple], text_and_date: Callable[[str], tuple[str, str]]
) -> list[tuple]:
    """The rows of the ``zones`` table of records.sqlite: one per park_id across all documents.

    ``parks`` gives (park_id, name, aliases, registered, level, province, city) of every identified park in input
    order, ``by_zone_and_doc`` (park_id, doc, name, aliases) of the same parks ordered by park_id and doc;
    ``text_and_date`` a document's text and publication date. ``mentions`` counts the occurrences of the zone's
    spellings in the documents' text (longest spelling first, so 山东省威海高新区 is one mention, not two).

    Two passes, so that memory does not grow with the corpus (issue 22): the first keeps a zone's fields and
    spellings, the second a zone's documents one at a time (only its list of documents, which is the row's own
    value, is kept whole).
    """
    zones: dict[str, dict] = {}
    for park_id, name, aliases, registered, level, province, city in parks:
        zone = zones.setdefault(
            park_id, {"name": name, "spellings": {}, "registered": registered, "level": level, "province": province, "city": city}
        )
        zone["spellings"].update(dict.fromkeys([name, *json.loads(aliases or "[]")]))
    documents: dict[str, tuple[int, int, str, str | None, str | None]] = {}
    for park_id, docs in groupby(by_zone_and_doc, key=lambda row: row[0]):
        mentions, count, names, first, last = 0, 0, [], None, None
        for doc, rows in groupby(docs, key=lambda row: row[1]):
            spellings: set[str] = set()
            for _park_id, _doc, name, aliases in rows:
                spellings.update([name, *json.loads(aliases or "[]")])
            text, date = text_and_date(doc)
            mentions += _count(text, spellings)
            count += 1
            names.append(json.dumps(doc, ensure_ascii=False))
            if date:
                first, last = min(first or date, date), max(last or date, date)
        documents[park_id] = (mentions, count, "[" + ", ".join(names) + "]", first, last)  # as json.dumps writes a list
    rows = []
    for park_id, zone in zones.items():
        mentions, count, listed, first, last = documents[park_id]
        spelled = json.dumps([s for s in zone["spellings"] if s != zone["name"]], ensure_ascii=False)
        fields = (zone["registered"], zone["level"], zone["province"], zone["city"])
        rows.append((park_id, zone["name"], spelled, *fields, mentions, count, listed, first, last))
    return rows


def _count(text: str, spellings: set[str]) -> int:
    present = sorted((s for s in spellings if s and s in text), key=len, reverse=True)
    if not present:
        return 0
    return sum(1 for _ in re.finditer("|".join(map(re.escape, present)), text))
