"""What reading the registry's spellings as zone names gives, kept between runs: its proper names, each spelling's key.

Every run reads the same 5,000 registry spellings twice (once for the proper names they teach, once with those
names for their identity keys): a fifth to a third of a short run's start-up, and each worker of a cluster pays it
again, for the same answer every time. The answer is kept as JSON in the user's cache folder, under a digest of
everything it depends on: the zones and their spellings (the user's --parks files included), the package's data
files, the code that reads names and the Python version. Change any of them and the digest changes, so the
spellings are read afresh; a cache that cannot be read or written is passed over, and the run reads them itself.
``EXTRACTOR_CACHE_DIR`` names another folder for it; ``EXTRACTOR_CACHE_DIR=off`` keeps nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent.parent
_FORMAT = 1  # raised when the stored shape changes


@dataclass(frozen=True)
class SpellingReadings:
    proper: tuple[str, ...]  # the proper names the registry teaches the name reader
    keys: list[list[list[str]]]  # per group (packaged zones, user zones), per zone, each spelling's identity key


def load_readings(zones: Sequence[Any], user_zones: Sequence[Any], read: Callable[[], SpellingReadings]) -> SpellingReadings:
    """The stored readings of these zones when the digest matches, else ``read()``'s, stored for the next run."""
    folder = cache_folder()
    if folder is None:
        return read()
    try:
        path = folder / f"spellings-{_digest(zones, user_zones)}.json"
    except OSError:  # the package's files cannot be read as files (a zipped install): no digest, no cache
        return read()
    stored = _stored(path, (len(zones), len(user_zones)))
    if stored is not None:
        return stored
    readings = read()
    _store(path, readings)
    return readings


def cache_folder() -> Path | None:
    """Where the readings are kept: EXTRACTOR_CACHE_DIR, else the user's cache folder; None when turned off."""
    chosen = os.environ.get("EXTRACTOR_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory to be found: keep nothing
            return None
    return Path(base) / "zone-extractor"


def _digest(zones: Sequence[Any], user_zones: Sequence[Any]) -> str:
    """A digest of the zones' spellings, the package's data files, the name-reading code and the Python version."""
    digest = hashlib.sha256(f"{_FORMAT} {sys.version_info[:2]}".encode())
    for group in (zones, user_zones):
        digest.update(b"\x02")
        for zone in group:
            digest.update(("\x01".join(zone.spellings) + "\x00").encode())
    code = [*(_PACKAGE / "domain").glob("*.py"), _PACKAGE / "knowledge.py", _PACKAGE / "frozen.py"]
    sources = sorted([*(_PACKAGE / "data").iterdir(), *code])
    for source in sources:
        if source.is_file():
            digest.update(source.name.encode() + b"\x00" + source.read_bytes())
    return digest.hexdigest()[:32]


def _stored(path: Path, sizes: tuple[int, int]) -> SpellingReadings | None:
    """The readings in path, or None when absent, unreadable or not of this shape."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        readings = SpellingReadings(tuple(data["proper"]), data["keys"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    shaped = len(readings.keys) == 2 and tuple(len(group) for group in readings.keys) == sizes
    return readings if shaped and all(isinstance(name, str) for name in readings.proper) else None


def _store(path: Path, readings: SpellingReadings) -> None:
    """Write the readings whole (a temporary file renamed over it: a reader never sees half a file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".writing")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump({"proper": list(readings.proper), "keys": readings.keys}, file, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        return  # a read-only or full disk: the next run reads the spellings again
