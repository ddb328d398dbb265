"""Step 1, load: bytes to text.

Chinese news archives come as UTF-8 (with or without a BOM) and as GB18030/GBK.
Anything else, or a binary file, is an error for that one file, never a crash.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text"}  # what a folder is searched for; files named explicitly are always read
# Control characters other than tab/newline/carriage return/form feed mean "not text".
_BINARY_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32)])
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
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROL_BYTES))
    if sample and controls / len(sample) > 0.01:
        raise LoadError("binary file (control bytes), not text")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
                return data[: exc.start].decode(encoding), encoding  # a file cut inside its last character
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


_OS_REASONS = {
    errno.ELOOP: "symbolic link loop",
    errno.ENOENT: "not found (a broken symbolic link?)",
    errno.EISDIR: "is a directory",
    errno.EACCES: "permission denied",
}


def read_text(path: Path) -> LoadedText:
    """Read and decode one file; every way this can fail is a LoadError with a plain reason."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read: {_OS_REASONS.get(exc.errno, exc.strerror or str(exc))}") from exc
    if not data:
        raise LoadError("empty (0 bytes)")
    text, encoding = decode(data)
    return LoadedText(text, encoding, hashlib.sha256(data).hexdigest(), len(data))


@dataclass
class InputScan:
    """What a list of paths expands to: the files to read, and what was left out and why."""

    files: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)  # in a searched folder, but not named *.txt
    loops: list[Path] = field(default_factory=list)  # folder links that lead back into a searched folder


def scan_inputs(paths: Iterable[Path]) -> InputScan:
    """Expand files and folders (recursively, sorted, *.txt) into files; links are followed, loops are not.

    A file named on the command line is always read, whatever its name; links to
    files are kept so that a broken or looping one gets its own outcome.
    """
    scan = InputScan()
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = _walk(path, scan)
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            scan.missing.append(path)
            continue
        for candidate in candidates:
            key = candidate.resolve() if candidate.exists() else candidate.absolute()
            if key not in seen:
                seen.add(key)
                scan.files.append(candidate)
    return scan


def _walk(root: Path, scan: InputScan) -> list[Path]:
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()
    for directory, folders, names in os.walk(root, followlinks=True):
        info = os.stat(directory)
        if (info.st_dev, info.st_ino) in visited:
            scan.loops.append(Path(directory))
            folders.clear()
            continue
        visited.add((info.st_dev, info.st_ino))
        folders.sort()
        for name in sorted(names):
            entry = Path(directory) / name
            if name.startswith("."):
                continue
            (found if entry.suffix.lower() in TEXT_SUFFIXES else scan.ignored).append(entry)
    return found


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to read (see scan_inputs)."""
    yield from scan_inputs(paths).files
