"""Step 1, load: from the paths a user gives to text.

Only regular files are read, never more than a size cap, and a file is opened
without blocking (a FIFO or a device named *.txt is skipped, not waited on).
Links that lead out of the input folders are not followed unless asked.
Encodings: UTF-8 (with or without a BOM), UTF-16 with or without a BOM,
GB18030/GBK and Big5, detected by charset-normalizer; a few undecodable bytes are
replaced and counted, and text that decodes to garbage is refused (the measures
and their reasoning are in data/text.toml). Every way a file can fail is a
LoadError for that one file, never a crash.
"""

from __future__ import annotations

import codecs
import csv
import errno
import hashlib
import heapq
import os
import re
import stat
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any, NamedTuple, overload

from ..errors import ExtractorError
from ..knowledge import load

TEXT_SUFFIXES = {".txt", ".text"}  # what a folder is searched for; files named explicitly are always read
DEFAULT_MAX_FILE_SIZE = 64 * 2**20  # a 20 MB page peaks near 230 MiB; far past any real newspaper page
_BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),  # before UTF-16: its BOM starts like UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


@dataclass(frozen=True)
class _Garbage:
    """text.toml [garbage]: when a decoded text is mojibake (its examples are the tests')."""

    max_rare_han_share: float
    min_han_to_judge: int
    max_bad_char_share: float
    max_control_share: float
    example: tuple[dict[str, Any], ...] = ()
    counter_example: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class _Chinese:
    """text.toml [chinese]: when a readable text is Chinese."""

    min_han_share_of_tokens: float
    example: tuple[dict[str, Any], ...] = ()
    counter_example: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class TextSettings:
    """text.toml: the codecs a file may be in, and the measures that tell Chinese text from mojibake."""

    detect: tuple[str, ...]
    legacy: tuple[str, ...]
    garbage: _Garbage
    chinese: _Chinese


@cache
def settings() -> TextSettings:
    """text.toml, read once."""
    return load("text.toml", TextSettings)


_SETTINGS = settings()
_GARBAGE = _SETTINGS.garbage
_CHINESE = _SETTINGS.chinese


class LoadError(ExtractorError):
    """A file that cannot be read as text; the message says why."""


# --- How Chinese a text is, and whether it is garbage -------------------------------------------


class TextMeasures(NamedTuple):
    """Character counts that tell Chinese text from mojibake (see data/text.toml)."""

    han: int  # Han characters
    rare_han: int  # Han characters outside the common sets
    tokens: int  # Han characters, Latin words and letters of other scripts (kana, Hangul …)
    bad: int  # U+FFFD and private-use characters
    controls: int  # control characters other than tab, line breaks and form feed
    visible: int  # characters that are not whitespace
    length: int

    @property
    def is_chinese(self) -> bool:
        return self.han > 0 and self.han >= _CHINESE.min_han_share_of_tokens * self.tokens

    def garbage(self) -> str:
        """Why the text is garbage, or "" when it reads as text."""
        if self.length and self.controls > _GARBAGE.max_control_share * self.length:
            return f"binary file ({self.controls} control characters), not text"
        if self.visible and self.bad > _GARBAGE.max_bad_char_share * self.visible:
            return f"{self.bad} of {self.visible} characters undecodable"
        if self.han >= _GARBAGE.min_han_to_judge and self.rare_han > _GARBAGE.max_rare_han_share * self.han:
            return f"{self.rare_han} of {self.han} Chinese characters are rare ones: mojibake, not text"
        return ""


_last_measured: list[tuple[str, TextMeasures] | None] = [None]  # one slot, read and replaced whole (threads share it)


def measure(text: str) -> TextMeasures:
    """Count the characters that matter, in one pass over the text (C speed: Counter) and one over its Latin words.

    The last text's counts are kept: reading a file asks twice of the same decoded text (is it garbage, is it Chinese).
    """
    last = _last_measured[0]
    if last is not None and last[0] is text:
        return last[1]
    measures = _measure(text)
    _last_measured[0] = (text, measures)
    return measures


def _measure(text: str) -> TextMeasures:
    han = rare = bad = controls = visible = 0
    tokens = sum(1 for _ in _LATIN_WORD.finditer(text))
    kinds = _character_kinds
    for char, count in Counter(text).items():
        kind = kinds.get(char)
        if kind is None:
            kind = kinds[char] = _character_kind(char)
        if kind == _SPACE:
            continue
        visible += count
        if kind in (_COMMON_HAN, _RARE_HAN):
            han += count
            tokens += count
            rare += count if kind == _RARE_HAN else 0
        elif kind == _LETTER:
            tokens += count
        elif kind == _BAD:
            bad += count
        elif kind == _CONTROL:
            controls += count
    return TextMeasures(han, rare, tokens, bad, controls, visible, len(text))


_SPACE, _COMMON_HAN, _RARE_HAN, _LETTER, _BAD, _CONTROL, _OTHER = range(7)
_character_kinds: dict[str, int] = {}  # a character's kind, worked out once per process (pages share most characters)


def _character_kind(char: str) -> int:
    """What ``_measure`` counts a character as, in the order it asks."""
    if char.isspace():
        return _SPACE
    if _is_han(char):
        return _COMMON_HAN if char in _common_han() else _RARE_HAN
    if char.isalpha() and not char.isascii():
        return _LETTER
    if char == "\ufffd" or "\ue000" <= char <= "\uf8ff":
        return _BAD
    if unicodedata.category(char) == "Cc":
        return _CONTROL
    return _OTHER


_LATIN_WORD = re.compile("[A-Za-z]+")


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


@cache
def _common_han() -> frozenset[str]:
    """GB2312 level 1 (rows 16-55) and Big5's frequent characters (A440-C67E), read from the codecs."""
    pairs = [(lead, trail, "gb2312") for lead in range(0xB0, 0xD8) for trail in range(0xA1, 0xFF)]
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    pairs += [(lead, trail, "big5") for lead in range(0xA4, 0xC7) for trail in big5_trails if (lead, trail) <= (0xC6, 0x7E)]
    return frozenset(bytes([lead, trail]).decode(codec, "replace") for lead, trail, codec in pairs) - {"\ufffd"}


# --- Bytes to text -------------------------------------------------------------------------------


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced: int  # undecodable bytes replaced by U+FFFD


def decode(data: bytes) -> Decoded:
    """The text of a file's bytes, its encoding and how many bad bytes were replaced; or raise LoadError."""
    if data.startswith(_BINARY_MAGIC):
        raise LoadError("binary file (known file signature), not text")
    decoded = _decode_marked(data) or _decode_utf8(data) or _decode_detected(data) or _decode_damaged(data)
    problem = measure(decoded.text).garbage()
    if problem:
        raise LoadError(f"not readable as text ({decoded.encoding}): {problem}")
    return decoded


def _decode_marked(data: bytes) -> Decoded | None:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, "replace")
            return Decoded(text, name, text.count("\ufffd") - data.count("\ufffd".encode(codec)))
    return None


def _decode_utf8(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return Decoded(data[: exc.start].decode("utf-8"), "utf-8", 0)  # a file cut inside its last character
        return None


def _decode_detected(data: bytes) -> Decoded | None:
    """The detector's candidates, best first: the first that reads as Chinese, else the first that is not garbage."""
    from charset_normalizer import from_bytes  # here, not at the top: UTF-8 pages (most) never load the detector

    readable = None
    for match in from_bytes(data, cp_isolation=list(_SETTINGS.detect)):
        text = str(match)
        measures = measure(text)
        if measures.garbage():
            continue
        if measures.is_chinese:
            return Decoded(text, _codec_name(match.encoding), 0)
        readable = readable or Decoded(text, _codec_name(match.encoding), 0)
    return readable


def _codec_name(codec: str) -> str:
    return codecs.lookup(codec).name


def _decode_damaged(data: bytes) -> Decoded:
    """Line by line: UTF-8 where a line is UTF-8, else a legacy codec; bad bytes replaced and counted.

    One GBK line pasted into a UTF-8 file, or one stray byte, costs that line's
    bytes at most, not the file. Each legacy codec is tried over the whole file
    and the reading with the fewest bad characters wins.
    """
    readings = [_decode_lines(data, legacy) for legacy in _SETTINGS.legacy]
    return min(readings, key=lambda d: (bool(measure(d.text).garbage()), d.replaced))


def _decode_lines(data: bytes, legacy: str) -> Decoded:
    pieces: list[str] = []
    replaced = 0
    used: set[str] = set()
    for line in data.splitlines(keepends=True):
        if line.isascii():
            pieces.append(line.decode("ascii"))
            continue
        text, codec = _decode_line(line, legacy)
        bad = text.count("\ufffd")
        replaced += bad
        used.add(codec)
        pieces.append(text)
    encoding = "+".join(sorted(used, key=lambda codec: codec != "utf-8")) or "ascii"
    return Decoded("".join(pieces), encoding, replaced)


_STRAY_SHARE = 0.1


def _decode_line(line: bytes, legacy: str) -> tuple[str, str]:
    as_utf8 = line.decode("utf-8", "replace")
    if as_utf8.count("\ufffd") <= _STRAY_SHARE * len(as_utf8.strip()):
        return as_utf8, "utf-8"  # a UTF-8 line with a stray byte (a line in another encoding is mostly bad bytes)
    try:
        as_legacy = line.decode(legacy)
    except UnicodeDecodeError:
        as_legacy = line.decode(legacy, "replace")
    fewer_bad = min((as_legacy, legacy), (as_utf8, "utf-8"), key=lambda reading: reading[0].count("\ufffd"))
    measures = measure(fewer_bad[0])
    if measures.rare_han > _GARBAGE.max_rare_han_share * measures.han:
        return as_utf8, "utf-8"  # the legacy codec reads this line as mojibake: its bytes count as undecodable
    return fewer_bad


# --- Files --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedText:
    text: str
    encoding: str
    sha256: str  # of the bytes: identifies a document's content across runs
    size: int
    replaced: int = 0  # undecodable bytes replaced by U+FFFD
    is_chinese: bool = True  # Han characters make up enough of its letters (data/text.toml)


_OS_REASONS = {
    errno.ELOOP: "symbolic link loop",
    errno.ENOENT: "not found (a broken symbolic link?)",
    errno.EISDIR: "is a directory",
    errno.EACCES: "permission denied",
}


def read_text(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> LoadedText:
    """Read and decode one file; every way this can fail is a LoadError with a plain reason."""
    data = read_bytes(path, max_size)
    if not data:
        raise LoadError("empty (0 bytes)")
    decoded = decode(data)
    chinese = measure(decoded.text).is_chinese
    return LoadedText(decoded.text, decoded.encoding, hashlib.sha256(data).hexdigest(), len(data), decoded.replaced, chinese)


def read_bytes(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The bytes of a regular file of at most ``max_size`` bytes; never blocks on a FIFO or reads a device."""
    try:
        _check_regular(os.stat(path), max_size)
        # O_NONBLOCK: a FIFO swapped in after the stat must not hang the open; fstat checks what was opened.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            _check_regular(os.fstat(handle.fileno()), max_size)
            data = _read_at_most(handle, max_size + 1)
    except OSError as exc:
        raise LoadError(f"cannot read: {_OS_REASONS.get(exc.errno, exc.strerror or str(exc))}") from exc
    if len(data) > max_size:
        raise LoadError(f"larger than the limit of {format_size(max_size)} (it grew while read; see --max-file-size)")
    return data


def _read_at_most(handle: IO[bytes], limit: int) -> bytes:
    """Up to ``limit`` bytes in 64 KiB pieces: read(limit) would allocate the whole limit up front for a small file."""
    pieces, size = [], 0
    while size < limit:
        piece = handle.read(min(2**16, limit - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def _check_regular(info: os.stat_result, max_size: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise LoadError("is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(f"not a regular file ({_file_kind(info.st_mode)}): not read")
    if info.st_size > max_size:
        raise LoadError(f"larger than the limit of {format_size(max_size)} ({format_size(info.st_size)}; see --max-file-size)")


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a file")


_SIZE = re.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*")
_SIZE_FACTORS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}


def parse_size(text: str) -> int:
    """'64M', '500k', '1.5G' or a byte count; ValueError for anything else."""
    match = _SIZE.fullmatch(text)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"not a size: {text!r} (examples: 64M, 500K, 2G)")
    return int(float(match.group(1)) * _SIZE_FACTORS[match.group(2).lower()])


def format_size(size: int) -> str:
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"


# --- Names --------------------------------------------------------------------------------------

# Control characters (ANSI escapes start with one) and bidirectional overrides that could reorder a line.
_UNSAFE_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def display_name(name: str | Path) -> str:
    """A path or file name as safe text: undecodable bytes and control characters written as \\xNN.

    File names are bytes; one from a Windows archive may be GBK, not UTF-8
    (Python carries such bytes as lone surrogates, which no JSON, SQLite or HTML
    writer accepts), and a name may hold an ANSI escape meant for a terminal.
    """
    plain = os.fspath(name)
    if plain.isascii() and plain.isprintable():  # most names: nothing to escape (and no surrogates, which are not ASCII)
        return plain
    text = os.fsencode(plain).decode("utf-8", "backslashreplace")
    return _UNSAFE_IN_NAMES.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# --- Paths to files -----------------------------------------------------------------------------


class PathList(Sequence[Path]):
    """Paths held compactly: a run's inputs (a million files) cost some 20 bytes each, not a ``Path`` object each.

    A folder's name is kept once; a file's name goes into one growing buffer of bytes (its file system bytes, so any
    name comes back as it was), with where it ends. Indexing and iterating make each ``Path`` again when it is used.
    """

    def __init__(self, paths: Iterable[Path] = ()) -> None:
        self._folders: list[str] = []
        self._folder_index: dict[str, int] = {}
        self._folder_of = array("I")
        self._names = bytearray()
        self._ends = array("Q")
        for path in paths:
            self.append(path)

    def append(self, path: Path | str) -> None:
        folder, name = os.path.split(os.fspath(path))
        index = self._folder_index.get(folder)
        if index is None:
            index = self._folder_index[folder] = len(self._folders)
            self._folders.append(folder)
        self._folder_of.append(index)
        self._names += os.fsencode(name)
        self._ends.append(len(self._names))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...
    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        start = self._ends[index - 1] if index else 0
        name = os.fsdecode(bytes(self._names[start : self._ends[index]]))
        folder = self._folders[self._folder_of[index]]
        return Path(os.path.join(folder, name) if folder else name)

    def __iter__(self) -> Iterator[Path]:
        return (self[index] for index in range(len(self)))

    def strings(self) -> Iterator[tuple[str, str]]:
        """Each path as a string with its file name, in order, without making a ``Path`` (the main process of a
        cluster names every input, and a ``Path`` costs more to make than the rest of its task together)."""
        names, ends, folders, folder_of = self._names, self._ends, self._folders, self._folder_of
        start = 0
        for index, end in enumerate(ends):
            name = os.fsdecode(bytes(names[start:end]))
            folder = folders[folder_of[index]]
            yield (os.path.join(folder, name) if folder else name), name
            start = end

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PathList | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PathList({list(self)!r})"


@dataclass
class InputScan:
    """What a list of paths expands to: the files to read, and what was left out and why."""

    files: PathList = field(default_factory=PathList)  # compact: a large corpus's list of files costs little memory
    missing: list[Path] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)  # in a searched folder, but not named *.txt
    loops: list[Path] = field(default_factory=list)  # folder links that lead back into a searched folder
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (path, reason): links out of the input folders
    max_file_size: int = DEFAULT_MAX_FILE_SIZE


OUTSIDE_REASON = "a link to {target}, outside the input folders: not followed (--follow-links follows it)"


def scan_inputs(paths: Iterable[Path], follow_links: bool = False, max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> InputScan:
    """Expand files and folders (recursively, sorted, *.txt) into files; loops are not followed.

    A path named on the command line is read wherever it leads; inside a
    folder, a link is followed only when it stays inside the folders given
    (or ``follow_links``), so a link to ~/.ssh or a .env is not read. Links to
    files are kept so that a broken or looping one gets its own outcome.
    """
    paths = list(paths)
    scan = InputScan(max_file_size=max_file_size)
    roots = [_resolved(path) for path in paths]
    seen: set[str] = set()
    links: list[bool] = []  # whether a folder's walk met a link: only then can it name a file twice
    for path in paths:
        if path.is_dir():
            candidates: Iterable[Path | str] = _walk(path, scan, None if follow_links else roots, links)
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            scan.missing.append(path)
            continue
        alone = len(paths) == 1 and path.is_dir()
        for candidate in candidates:
            if alone and not links:  # one folder without links: every file is a file of its own, none to remember
                scan.files.append(candidate)
                continue
            if alone and not seen:  # the first link: the files before it are remembered now, as they would have been
                seen.update(_identity(earlier) for earlier in scan.files)
            key = _identity(Path(candidate))
            if key not in seen:
                seen.add(key)
                scan.files.append(candidate)
    return scan


def _identity(path: Path) -> str:
    """What two names of one file share (the file a link leads to), to read it once."""
    return os.fspath(path.resolve() if path.exists() else path.absolute())


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _walk(root: Path, scan: InputScan, roots: list[Path] | None, links: list[bool]) -> Iterator[str]:
    """The *.txt files under ``root``, sorted, folder by folder; ``links`` gets an entry at the first link met.

    A file is a string here, not a ``Path``: pathlib interns every name it parses, and the interpreter's table of
    interned strings keeps its size when they are freed (3.7 MiB after listing 100,000 files, for the whole run).
    """
    visited: set[tuple[int, int]] = set()
    def unreadable(exc: OSError) -> None:  # a folder that cannot be listed gets its outcome, like a file that cannot be read
        folder = Path(exc.filename) if exc.filename else root
        scan.skipped.append((folder, f"folder not readable: {exc.strerror or exc}"))

    for directory, folders, names in _walk_sorted(os.fspath(root), unreadable):
        info = os.stat(directory)
        if (info.st_dev, info.st_ino) in visited:
            scan.loops.append(Path(directory))
            folders.clear()
            continue
        visited.add((info.st_dev, info.st_ino))
        folders[:] = sorted(name for name in folders if _stays_inside(Path(directory) / name, roots, scan))
        if not links and any(os.path.islink(os.path.join(directory, name)) for name in folders):
            links.append(True)
        for name in names:  # one at a time, sorted: a folder of a million files is never a million names at once
            entry = os.path.join(directory, name)
            link = os.path.islink(entry)
            if name.startswith(".") or (link and not _stays_inside(Path(entry), roots, scan)):
                continue
            if os.path.splitext(name)[1].lower() in TEXT_SUFFIXES:
                if not links and link:
                    links.append(True)  # before it is handed on: the caller remembers the files before it from now on
                yield entry
            else:
                scan.ignored.append(Path(entry))


def _walk_sorted(root: str, onerror: Any) -> Iterator[tuple[str, list[str], Iterable[str]]]:
    """``os.walk(root, onerror=onerror, followlinks=True)``, top-down, with each folder's file names as sorted
    ``_SortedNames`` instead of a list: ``os.walk`` held a folder's every name as a string at once (and the caller's
    sort another list of them), some 9 MiB of peak for a folder of 100,000 files, of which the allocator kept half
    for the rest of the run (issue 22). The caller may change the list of folders in place, as with ``os.walk``.
    """
    stack = [root]
    while stack:
        directory = stack.pop()
        folders: list[str] = []
        names = _SortedNames()
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    try:
                        is_folder = entry.is_dir()  # through a link too, as os.walk(followlinks=True)
                    except OSError:
                        is_folder = False
                    (folders.append if is_folder else names.add)(entry.name)
        except OSError as exc:
            onerror(exc)
            continue
        yield directory, folders, names
        stack.extend(os.path.join(directory, folder) for folder in reversed(folders))


class _SortedNames:
    """File names, given in any order and handed back sorted, held as runs of encoded bytes (a few bytes a name).

    Names are sorted in runs of ``RUN`` strings, each kept as one byte buffer, and the runs are merged as they are read
    (``heapq.merge``): sorted as ``list.sort`` sorts the strings, with at most one run of strings alive at a time.
    """

    RUN = 4096

    def __init__(self) -> None:
        self._pending: list[str] = []
        self._runs: list[tuple[bytes, array]] = []

    def add(self, name: str) -> None:
        self._pending.append(name)
        if len(self._pending) >= self.RUN:
            self._seal()

    def _seal(self) -> None:
        self._pending.sort()
        ends, buffer = array("Q"), bytearray()
        for name in self._pending:
            buffer += name.encode("utf-8", "surrogatepass")  # any str, as it was (a file system's odd bytes too)
            ends.append(len(buffer))
        self._runs.append((bytes(buffer), ends))
        self._pending = []

    def __iter__(self) -> Iterator[str]:
        if not self._runs:
            return iter(sorted(self._pending))
        if self._pending:
            self._seal()
        return heapq.merge(*(self._read(buffer, ends) for buffer, ends in self._runs))

    @staticmethod
    def _read(buffer: bytes, ends: array) -> Iterator[str]:
        start = 0
        for end in ends:
            yield buffer[start:end].decode("utf-8", "surrogatepass")
            start = end


def _stays_inside(entry: Path, roots: list[Path] | None, scan: InputScan) -> bool:
    """False (and the entry noted as skipped) for a link whose target lies outside every input root."""
    if roots is None or not entry.is_symlink():
        return True
    target = _resolved(entry)
    if any(target == root or target.is_relative_to(root) for root in roots):
        return True
    if not entry.name.startswith("."):
        scan.skipped.append((entry, OUTSIDE_REASON.format(target=display_name(target))))
    return False


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to read (see scan_inputs)."""
    yield from scan_inputs(paths).files


# --- CSV files the user gives (--meta, --parks) ------------------------------------------------------


class CsvFormatError(ExtractorError, ValueError):
    """A CSV the user gave cannot be read as rows; the message names the line."""


def csv_table(lines: Iterable[str], origin: str) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """The header of a CSV, and its rows as (line number, row), read one at a time.

    Stricter than the csv module on its own, which reads an unterminated quote as
    a field that swallows every following line: a record may not run over more
    than one line (no manifest or registry field holds a line break), a malformed
    quote is an error, and so is a field over the csv module's size limit, each
    naming the line where its record starts.
    """
    rows = _strict_rows(csv.reader(lines, strict=True), origin)
    first = next(rows, None)
    header = [cell.strip() for cell in first[1]] if first else []
    return header, ((line, dict(zip(header, cells, strict=False))) for line, cells in rows if any(cells))


def _strict_rows(reader: Any, origin: str) -> Iterator[tuple[int, list[str]]]:
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvFormatError(f"{origin}, line {start}: not a well-formed CSV row ({exc}; an unterminated quote?)") from None
        if reader.line_num > start:
            raise CsvFormatError(
                f"{origin}, line {start}: a quoted field runs over {reader.line_num - start + 1} lines (an unterminated quote?)"
            )
        yield start, cells
        start = reader.line_num + 1
