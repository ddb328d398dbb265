"""Step 1, load: bytes to text.

Chinese news archives come as UTF-8 (with or without a BOM) and as GB18030/GBK.
Anything else, or a binary file, is an error for that one file, never a crash.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text"}  # what a folder is searched for; files named explicitly are always read
# Control characters other than tab/newline/carriage return/form feed mean "not text".
_BINARY_CONTROLS = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
_BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF")


class LoadError(Exception):
    """A file that cannot be read as text; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for the bytes of a text file, or raise LoadError."""
    if data.startswith(_BINARY_MAGIC):
        raise LoadError("binary file (known file signature), not text")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "utf-16")
    sample = data[:65536]
    if sample and sum(byte in _BINARY_CONTROLS for byte in sample) / len(sample) > 0.01:
        raise LoadError("binary file (control bytes), not text")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise LoadError("undecodable: neither UTF-8 nor GB18030")


def _strict(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(codec), name
    except UnicodeDecodeError as exc:
        raise LoadError(f"undecodable {name}: {exc.reason} at byte {exc.start}") from exc


@dataclass(frozen=True)
class LoadedText:
    text: str
    encoding: str
    sha256: str  # of the bytes: identifies a document's content across runs
    size: int


def read_text(path: Path) -> LoadedText:
    """Read and decode one file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}") from exc
    text, encoding = decode(data)
    return LoadedText(text, encoding, hashlib.sha256(data).hexdigest(), len(data))


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand files and directories (recursively, sorted, text files only) into files."""
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve() if candidate.exists() else candidate
            if key not in seen:
                seen.add(key)
                yield candidate
