"""The zone registry: national zones with a stable ``park_id`` (extractor/data/zones.csv), plus the user's own.

Columns: ``park_id,name,short_names,province,city,level,zone_type,approved,parent_id,area_ha,
industries,source`` (files with the first nine and ``source`` only still load);
``short_names`` and ``industries`` separated by ``|``. ``parent_id`` names the zone a
sub-park belongs to (一区多园: 东川工业园区 → 西宁经济技术开发区; a free trade zone's 片区
→ the zone), so the table can roll sub-parks up into their zone (``Registry.root``). A spelling is looked up by its identity key
(zonenames.ZoneName.key), so 山东省威海高新区 finds the entry 威海火炬高技术产业开发区
whose short name is 威海高新区. Short names without a type word (泰达, 光谷) are
nicknames: they teach the name reader a proper name and match only themselves.

``extractor extract --parks FILE`` adds entries in the same format (``use_files``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from ..errors import ExtractorError
from ..frozen import quick_init
from ..text.load import CsvFormatError, csv_table
from .readings import SpellingReadings, load_readings
from .zonenames import Vocabulary, vocabulary

COLUMNS = (
    "park_id", "name", "short_names", "province", "city", "level", "zone_type", "approved",
    "parent_id", "area_ha", "industries", "source",
)  # fmt: skip
_FACTS = ("province", "city", "level", "zone_type", "approved", "parent_id", "area_ha", "industries", "source")
_PACKAGED = ("zones.csv", "zones_provincial.csv")  # national and since-approved zones; the catalogue's provincial ones


class RegistryError(ExtractorError, ValueError):
    """A registry file that cannot be used: missing columns, empty ids, one id for two zones."""


@quick_init
@dataclass(frozen=True)
class Zone:
    park_id: str
    name: str
    short_names: tuple[str, ...] = ()
    province: str = ""
    city: str = ""
    level: str = ""
    zone_type: str = ""
    approved: str = ""
    parent_id: str = ""
    area_ha: str = ""
    industries: str = ""
    source: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.short_names)


@dataclass
class Registry:
    zones: list[Zone] = field(default_factory=list)
    user_zones: list[Zone] = field(default_factory=list)  # from --parks files: their spellings win over the package's

    @property
    def all_zones(self) -> list[Zone]:
        return [*self.zones, *self.user_zones]

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The name reader, taught the registry's proper names: 东湖 from 武汉东湖新技术开发区, 泰达 the nickname."""
        return vocabulary().with_proper_names(self._readings.proper)

    @cached_property
    def _readings(self) -> SpellingReadings:
        """The registry's proper names and each spelling's identity key: read from the cache when this registry and
        the code and data that read it are unchanged (every run reads the same 5,000 spellings), else worked out."""
        return load_readings(self.zones, self.user_zones, self._read_spellings)

    def _read_spellings(self) -> SpellingReadings:
        base = vocabulary()
        proper = set()
        for zone in self.all_zones:
            for spelling in zone.spellings:
                if base.type_chain.search(spelling) is None:
                    proper.add(spelling)  # a nickname
                    continue
                parsed = base.parse(spelling, anchored=False)
                if parsed is not None and not parsed.parts and 2 <= len(parsed.modifier) <= 6:
                    proper.add(parsed.modifier)  # 蒙苏 of 蒙苏经开区; not 医药 of 泰州医药高新区, which names no zone alone
        taught = base.with_proper_names(proper)
        keys = [[[_key(taught, spelling) for spelling in zone.spellings] for zone in zones] for zones in (self.zones, self.user_zones)]
        return SpellingReadings(tuple(sorted(proper)), keys)

    @cached_property
    def spellings(self) -> frozenset[str]:
        return frozenset(s for zone in self.all_zones for s in zone.spellings if self.vocabulary.type_chain.search(s))

    @cached_property
    def _by_key(self) -> dict[str, Zone | None]:
        """Identity key → zone; None where two zones share a key (then neither is guessed)."""
        index: dict[str, Zone | None] = {}
        for zones, keys in zip((self.zones, self.user_zones), self._readings.keys, strict=True):
            holders: dict[str, list[Zone]] = {}
            for zone, zone_keys in zip(zones, keys, strict=True):
                for key in zone_keys:
                    if zone not in holders.setdefault(key, []):
                        holders[key].append(zone)
            index.update({key: _one_zone(held) for key, held in holders.items()})
        return index

    def zones_of(self, core: str) -> list[str]:
        """One key per listed zone whose core is this place: 中山 → [中山高新区]."""
        return self._keys_by_core.get(core, [])

    @cached_property
    def _keys_by_core(self) -> dict[str, list[str]]:
        by_core: dict[str, dict[str, str]] = {}  # core → park_id → a key of that zone
        for key, zone in self._by_key.items():
            canonical = next((t.canonical for t in self.vocabulary.types if key.endswith(t.canonical)), "")
            if zone is not None and canonical:
                by_core.setdefault(key[: -len(canonical)], {}).setdefault(zone.park_id, key)
        return {core: list(keys.values()) for core, keys in by_core.items()}

    def find(self, key: str) -> Zone | None:
        return self._by_key.get(key)

    def find_spelling(self, spelling: str) -> Zone | None:
        """The one zone that lists this exact spelling, or None (no zone does, or several).

        For names whose identity key two zones share (苏州工业园综合保税区 and 苏州高新技术产业开发区综合保税区
        both read 苏州综保区): the key names neither, the spelling as listed names its zone.
        """
        return self._by_spelling.get(spelling)

    @cached_property
    def _by_spelling(self) -> dict[str, Zone | None]:
        index: dict[str, Zone | None] = {}
        for zones in (self.zones, self.user_zones):
            holders: dict[str, list[Zone]] = {}
            for zone in zones:
                for spelling in zone.spellings:
                    if zone not in holders.setdefault(spelling, []):
                        holders[spelling].append(zone)
            index.update({spelling: held[0] if len(held) == 1 else None for spelling, held in holders.items()})
        return index

    @cached_property
    def _by_id(self) -> dict[str, Zone]:
        return {zone.park_id: zone for zone in self.all_zones}

    def zone(self, park_id: str) -> Zone | None:
        return self._by_id.get(park_id)

    def parent(self, park_id: str) -> Zone | None:
        """The zone a sub-park belongs to (东川工业园区 → 西宁经济技术开发区), or None."""
        zone = self._by_id.get(park_id)
        return self._by_id.get(zone.parent_id) if zone is not None and zone.parent_id else None

    def root(self, park_id: str) -> str:
        """The outermost zone a park rolls up into (a 片区 → its free trade zone); itself when it has no parent."""
        seen = {park_id}
        while (parent := self.parent(park_id)) is not None and parent.park_id not in seen:
            park_id = parent.park_id
            seen.add(park_id)
        return park_id

    def children(self, park_id: str) -> list[Zone]:
        """The sub-parks registered under a zone."""
        return [zone for zone in self.all_zones if zone.parent_id == park_id]


def _key(words: Vocabulary, spelling: str) -> str:
    parsed = words.parse(spelling, anchored=False)
    return parsed.key if parsed is not None else spelling


def _one_zone(holders: list[Zone]) -> Zone | None:
    """The zone a key names: its one holder; of several, the one national zone among provincial
    ones (上海松江经济开发区, provincial, reads as 松江经开区 like the national 松江经济技术开发区,
    which news means; see zones.md); else none, for a spelling of two zones names neither."""
    if len(holders) == 1:
        return holders[0]
    national = [zone for zone in holders if zone.level != "provincial"]
    return national[0] if len(national) == 1 and len(national) < len(holders) else None


def load_registry(paths: Iterable[Path | str] = (), packaged: bool = True) -> Registry:
    """The packaged registry (when the package has one) and the given files, later entries winning by park_id."""
    zones = []
    for name in _PACKAGED if packaged else ():
        shipped = resources.files("extractor").joinpath("data", name)
        zones += _read(str(shipped), shipped.read_text(encoding="utf-8")) if shipped.is_file() else []
    user_zones = []
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise RegistryError(f"{path}: cannot read the zone registry: {exc}") from exc
        user_zones += _read(str(path), text)
    replaced = {zone.park_id for zone in user_zones}
    return Registry([zone for zone in zones if zone.park_id not in replaced], user_zones)


def _read(origin: str, text: str) -> list[Zone]:
    try:
        return _zones(origin, *csv_table(text.splitlines(), origin))
    except CsvFormatError as exc:  # an unterminated quote would swallow the zones after it
        raise RegistryError(str(exc)) from None


def _zones(origin: str, header: list[str], rows: Iterable[tuple[int, dict[str, str]]]) -> list[Zone]:
    missing = [c for c in ("park_id", "name") if c not in header]
    if missing:
        raise RegistryError(f"{origin}: missing column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}")
    zones, seen = [], {}
    for line, row in rows:
        park_id, name = (row.get("park_id") or "").strip(), (row.get("name") or "").strip()
        if not park_id or not name:
            raise RegistryError(f"{origin}, line {line}: park_id and name are required")
        if park_id in seen and seen[park_id] != name:
            raise RegistryError(f"{origin}, line {line}: park_id {park_id} is already {seen[park_id]}")
        seen[park_id] = name
        shorts = tuple(s.strip() for s in (row.get("short_names") or "").split("|") if s.strip())
        values = {c: (row.get(c) or "").strip() for c in _FACTS}
        zones.append(Zone(park_id, name, shorts, **values))
    return zones


_active: Registry | None = None
_user_files: tuple[Path, ...] = ()
_loaded_signature: tuple | None = None


def use_files(paths: Iterable[Path | str]) -> Registry:
    """Make the packaged registry plus these files the one every extraction uses (``--parks FILE``)."""
    global _active, _user_files, _loaded_signature
    files = tuple(Path(p) for p in paths)
    signature = _signature(files)
    if _active is not None and signature == _loaded_signature:
        return _active  # already loaded, unchanged (a process, a Dask worker say, runs many extractions)
    _user_files, _loaded_signature = files, signature
    _active = load_registry(_user_files)
    return _active


def _signature(files: tuple[Path, ...]) -> tuple:
    """The files and when each last changed: an edited --parks file is read again."""
    stamps = []
    for path in files:
        try:
            stamps.append((str(path), path.stat().st_mtime_ns))
        except OSError:
            stamps.append((str(path), None))  # load_registry says why it cannot be read
    return tuple(stamps)


def user_files() -> tuple[Path, ...]:
    """The files ``use_files`` added to the packaged registry (``--parks FILE``)."""
    return _user_files


def registry() -> Registry:
    """The registry in use: packaged entries plus any ``use_files`` added."""
    global _active
    if _active is None:
        _active = load_registry(_user_files)
    return _active
