"""Document meta: when and where a page was published, and under which title.

Three places say it, in rising order of trust: the page's own header block
(archive fields such as 【原刊期号】20001028, web-scrape lines such as
``date: Fri, 25 Feb 2022 06:17:49 GMT``, a line that is only a date, an agency
dateline), a manifest the user gives (``--meta FILE``), and the library call.
A later source's non-empty fields win over an earlier one's. The labels and
outlet names live in ``data/meta.toml``; the date formats are mechanism, here.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import ExtractorError
from ..knowledge import load
from ..models import DatePrecision, DocumentMeta
from ..text.load import CsvFormatError, csv_table
from ..text.normalize import fold_characters

_SENTENCE_END = re.compile("[。！？!?]")
_HEADLINE_MAX = 40
_FULL_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


@dataclass(frozen=True)
class _Labels:
    """meta.toml [labels]: the header labels of each kind (【日期】, 来源：, Title:)."""

    date: tuple[str, ...]
    not_date: tuple[str, ...]
    source: tuple[str, ...]
    source_if_outlet: tuple[str, ...]
    title: tuple[str, ...]
    url: tuple[str, ...]


@dataclass(frozen=True)
class _File:
    """meta.toml: an entry's key is its field's name."""

    header_lines: int
    outlet_endings: tuple[str, ...]
    dateline_sources: tuple[str, ...]
    labels: _Labels
    example: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class _Knowledge:
    header_lines: int
    date_labels: frozenset[str]
    not_date_labels: frozenset[str]
    source_labels: frozenset[str]
    source_if_outlet_labels: frozenset[str]
    title_labels: frozenset[str]
    url_labels: frozenset[str]
    outlet_endings: tuple[str, ...]
    dateline: re.Pattern[str]
    examples: tuple[dict[str, Any], ...]


@cache
def knowledge() -> _Knowledge:
    data = load("meta.toml", _File)

    def label_set(labels: tuple[str, ...]) -> frozenset[str]:
        return frozenset(_label_key(label) for label in labels)

    sources = "|".join(map(re.escape, data.dateline_sources))
    return _Knowledge(
        header_lines=data.header_lines,
        date_labels=label_set(data.labels.date),
        not_date_labels=label_set(data.labels.not_date),
        source_labels=label_set(data.labels.source),
        source_if_outlet_labels=label_set(data.labels.source_if_outlet),
        title_labels=label_set(data.labels.title),
        url_labels=label_set(data.labels.url),
        outlet_endings=data.outlet_endings,
        dateline=re.compile(rf"^(?P<source>{sources})[\u4e00-\u9fff]{{0,8}}?(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)?电"),
        examples=data.example,
    )


# --- dates -----------------------------------------------------------------------------------

_ISO_LIKE = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?![\d])")
_CHINESE_DATE = re.compile(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})?(?!\d)")
_YEAR_ONLY = re.compile(r"(\d{4})(?!\d)")
_TIME_OR_WEEKDAY = re.compile(
    r"\s*(?:T?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?|星期[一二三四五六日天]|周[一二三四五六日天]"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?|[|｜,，])\s*",
    re.IGNORECASE,
)


def parse_date(value: str) -> tuple[str, DatePrecision] | None:
    """An ISO date and its precision from a printed date, or None when it is no (valid) date."""
    found = date_at_start(unicodedata.normalize("NFKC", value).strip())
    return found[:2] if found else None


def date_at_start(value: str) -> tuple[str, DatePrecision, int] | None:
    """The date that opens ``value`` (ISO, precision, where it ends), or None."""
    for pattern in (_ISO_LIKE, _CHINESE_DATE, _COMPACT):
        match = pattern.match(value)
        if match:
            iso = _iso(*match.groups())
            return (iso[0], iso[1], match.end()) if iso else None
    rfc = _rfc2822(value)
    if rfc:
        return rfc, "day", len(value)
    match = _YEAR_ONLY.fullmatch(value)
    if match and _iso(match.group(1), None, None):
        return match.group(1), "year", match.end()
    return None


_YEARS = range(1800, 2201)  # a news page's date; outside, a number that only looks like one (and no period can hold it)


def _iso(year: str, month: str | None, day: str | None) -> tuple[str, DatePrecision] | None:
    if int(year) not in _YEARS:
        return None
    try:
        if day:
            return dt.date(int(year), int(month or 0), int(day)).isoformat(), "day"
        if month:
            return dt.date(int(year), int(month), 1).isoformat()[:7], "month"
        return year, "year"
    except ValueError:
        return None


def _rfc2822(value: str) -> str | None:
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None


# --- headers ---------------------------------------------------------------------------------

# A header line; a parenthesized "(来源:…)" closes one article of a page and is not the page's header.
_LABELLED = re.compile(r"^(?:【(?P<bracketed>[^】]{1,12})】|(?P<plain>[\w \u4e00-\u9fff]{1,14}?)\s*[:：])\s*(?P<value>.*)$")


def _label_key(label: str) -> str:
    return re.sub(r"\s+", "", label).lower()


def _head_lines(text: str, limit: int) -> tuple[list[str], list[str]]:
    """The first non-empty lines, plain (NFKC: full-width digits, colons, spaces) and as printed."""
    plain, printed = [], []
    for raw in text.splitlines():
        line = unicodedata.normalize("NFKC", raw).strip()
        if line:
            plain.append(line)
            printed.append(raw.strip())
            if len(plain) == limit:
                break
    return plain, printed


def _printed_value(line: str) -> str:
    """A labelled line's value as printed (a title keeps its full-width characters)."""
    labelled = _LABELLED.match(line)
    return labelled.group("value").strip() if labelled else line


def read_header_meta(text: str) -> DocumentMeta:
    """What the head of a page says about its publication (fields it does not say stay empty)."""
    known = knowledge()
    lines, printed = _head_lines(text, known.header_lines)
    lines = [fold_characters(line) for line in lines]  # 發佈時間 reads as 发布时间; a title keeps its printed form
    found: dict[str, str] = {}
    date: tuple[str, DatePrecision] | None = None
    standalone_date: tuple[str, DatePrecision] | None = None
    first_header_line = last_header_line = None
    for index, line in enumerate(lines):
        labelled = _LABELLED.match(line)
        label = _label_key(labelled.group("bracketed") or labelled.group("plain")) if labelled else ""
        value = labelled.group("value").strip() if labelled else ""
        if label and label in known.not_date_labels:
            first_header_line, last_header_line = _first(first_header_line, index), index
        elif label in known.date_labels and (parsed := parse_date(value)):
            date = date or parsed
            first_header_line, last_header_line = _first(first_header_line, index), index
        elif label in known.source_labels or (label in known.source_if_outlet_labels and _is_outlet(_clean_name(value), known)):
            value, printed_date = _split_date(value)  # 来源：合肥日报  2023年6月12日
            standalone_date = standalone_date or printed_date
            if _clean_name(value):
                found.setdefault("source", _clean_name(value))
            first_header_line, last_header_line = _first(first_header_line, index), index
        elif label in known.title_labels and value:
            found.setdefault("title", _printed_value(printed[index]) + _subtitle(printed, index))
        elif label in known.url_labels and value:
            found.setdefault("url", value)
        elif label:
            first_header_line = _first(first_header_line, index) if labelled.group("bracketed") else first_header_line
        elif (alone := _date_line(line, known)) is not None:
            standalone_date = standalone_date or alone[0]
            if alone[1]:
                found.setdefault("source", alone[1])
            first_header_line, last_header_line = _first(first_header_line, index), index
        elif dateline := known.dateline.match(line):
            found.setdefault("source", dateline.group("source"))
            if dateline.group("date"):
                standalone_date = standalone_date or parse_date(dateline.group("date"))
    date = date or standalone_date
    if "title" not in found and first_header_line in (1, 2) and not _LABELLED.match(lines[0]) and not _date_line(lines[0], known):
        found["title"] = printed[0].lstrip("# ").strip()
    elif "title" not in found and first_header_line == 0 and last_header_line is not None:
        found.update(_headline_after(printed, last_header_line + 1))  # 发布时间：2024-01-31 / 新北区:2023年经济运行情况
    published, precision = date if date else ("", None)
    return DocumentMeta(published=published, published_precision=precision, published_from="header" if date else "", **found)


def _split_date(value: str) -> tuple[str, tuple[str, DatePrecision] | None]:
    """A field value with a full date printed in it: the value without the date, and the date."""
    for match in _FULL_DATE.finditer(value):
        parsed = parse_date(match.group())
        if parsed and parsed[1] == "day":
            return (value[: match.start()] + value[match.end() :]).strip(), parsed
    return value, None


def _headline_after(printed: list[str], index: int) -> dict[str, str]:
    """A short line without a sentence end right after the header fields, with body text after it, is the title."""
    if index + 1 >= len(printed):
        return {}
    line = printed[index].lstrip("# ").strip()
    return {"title": line} if 4 <= len(line) <= _HEADLINE_MAX and not _SENTENCE_END.search(line) else {}


def _first(current: int | None, index: int) -> int:
    return index if current is None else current


def _subtitle(lines: list[str], index: int) -> str:
    """An archive prints a subtitle on the line after the title: ——武汉经济技术开发区纪实."""
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return following if following.startswith("——") else ""


def _clean_name(value: str) -> str:
    return value.strip(" -—《》<>“”\"'")


def _is_outlet(name: str, known: _Knowledge) -> bool:
    return bool(name) and "/" not in name and name.endswith(known.outlet_endings)


def _date_line(line: str, known: _Knowledge) -> tuple[tuple[str, DatePrecision], str] | None:
    """A line that is only a date (with time, weekday and perhaps 来源：…): the date and the source."""
    opened = date_at_start(line)
    if not opened or opened[1] == "year":
        return None
    rest = line[opened[2] :]
    while (extra := _TIME_OR_WEEKDAY.match(rest)) and extra.end():
        rest = rest[extra.end() :]
    if not rest:
        return (opened[0], opened[1]), ""
    labelled = _LABELLED.match(rest)
    if labelled and _label_key(labelled.group("plain") or labelled.group("bracketed") or "") in known.source_labels:
        return (opened[0], opened[1]), _clean_name(labelled.group("value"))
    return None


# --- precedence ------------------------------------------------------------------------------


def combine(header: DocumentMeta, *given: tuple[DocumentMeta | None, str]) -> DocumentMeta:
    """The header's meta with the non-empty fields of each (meta, origin) laid over it in order."""
    merged = header.model_copy()
    for meta, origin in given:
        if meta is None:
            continue
        for name in ("source", "title", "url"):
            if getattr(meta, name):
                setattr(merged, name, getattr(meta, name))
        if meta.published:
            merged.published = meta.published
            merged.published_precision = meta.published_precision or _precision_of(meta.published)
            merged.published_from = origin  # type: ignore[assignment]
    return merged


def _precision_of(iso: str) -> DatePrecision:
    return {10: "day", 7: "month"}.get(len(iso), "year")  # type: ignore[return-value]


def document_meta(raw: str, given: DocumentMeta | dict | None = None, origin: str = "caller") -> DocumentMeta:
    """The page's meta: its headers, overridden by what a manifest or the caller gives."""
    if isinstance(given, dict):
        given = meta_from_fields(given)
    return combine(read_header_meta(raw), (given, origin))


def meta_from_fields(fields: dict[str, Any]) -> DocumentMeta:
    """A DocumentMeta from loose fields (a manifest row, a caller's dict); the date is checked and made ISO."""
    published = str(fields.get("published") or "").strip()
    parsed = parse_date(published) if published else None
    if published and not parsed:
        raise ValueError(f"published {published!r} is not a date (use 2024-03-05, 2024-03 or 2024)")
    return DocumentMeta(
        published=parsed[0] if parsed else "",
        published_precision=parsed[1] if parsed else None,
        source=str(fields.get("source") or "").strip(),
        title=str(fields.get("title") or "").strip(),
        url=str(fields.get("url") or "").strip(),
    )


# --- manifest --------------------------------------------------------------------------------


class ManifestError(ExtractorError, ValueError):
    """A --meta file that cannot be used; the message says where and why."""


class Manifest:
    """Per-file meta from a CSV or JSON Lines file with columns path, published, source, url (title optional).

    A row's path is taken relative to the manifest's folder (or as given when absolute);
    a bare file name also matches a document of that name anywhere. The file is
    read as a stream; given the run's ``inputs``, only their rows are kept (and
    checked), so memory follows the run, not the manifest's size.
    """

    def __init__(self, path: Path, inputs: Iterable[Path] | None = None) -> None:
        self.path = path
        self._by_path: dict[Path, DocumentMeta] = {}
        self._by_name: dict[str, DocumentMeta] = {}
        wanted = _Wanted(inputs) if inputs is not None else None
        for line, row in _manifest_rows(path):
            where = f"{path}, line {line}"
            name = str(row.get("path") or "").strip()
            if not name:
                raise ManifestError(f"{where}: no path")
            if wanted is not None and _base_name(name) not in wanted.names:
                continue  # no input of this run has that file name: the row is not looked at further
            key = _key(path.parent / name)
            bare = "/" not in name and "\\" not in name
            if wanted is not None and not wanted.wants(key, name if bare else None):
                continue
            try:
                meta = meta_from_fields(row)
            except ValueError as exc:
                raise ManifestError(f"{where}: {exc}") from None
            self._by_path[key] = meta
            if bare:
                self._by_name[name] = meta

    def __len__(self) -> int:
        return len(self._by_path)

    def meta_for(self, file: Path) -> DocumentMeta | None:
        return self._by_path.get(_key(file)) or self._by_path.get(_resolved(file)) or self._by_name.get(file.name)


class _Wanted:
    """The run's input files, as a manifest row may name them."""

    def __init__(self, inputs: Iterable[Path]) -> None:
        files = list(inputs)
        self.keys = {_key(file) for file in files} | {_resolved(file) for file in files}
        self.names = {file.name for file in files}

    def wants(self, key: Path, bare_name: str | None) -> bool:
        return key in self.keys or (bare_name is not None and bare_name in self.names)


def _base_name(name: str) -> str:
    return name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


@cache
def _folder(folder: str) -> Path:
    """A folder with its links resolved, once per folder: a manifest of a million rows has few of them."""
    try:
        return Path(folder).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(folder))


def _key(file: Path) -> Path:
    """A file's path with its folder resolved (cheap: folders are cached), to match rows to inputs."""
    return _folder(os.path.dirname(os.path.abspath(file))) / file.name


def _resolved(file: Path) -> Path:
    try:
        return file.resolve()
    except (OSError, RuntimeError):
        return file.absolute()


_MANIFEST_COLUMNS = {"path", "published", "source", "url", "title"}


def _manifest_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows of a manifest, one at a time; a ManifestError names the line of anything that cannot be read."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read the manifest ({exc})") from None
    with handle:
        try:
            first = handle.readline()
            handle.seek(0)
            if path.suffix.lower() in (".jsonl", ".json", ".ndjson") or first.lstrip().startswith("{"):
                yield from _json_rows(path, handle)
                return
            header, rows = csv_table(handle, str(path))
            columns = set(header)
            if "path" not in columns:
                raise ManifestError(f"{path}: a CSV manifest needs a header row with a 'path' column (and published, source, url)")
            if not columns & (_MANIFEST_COLUMNS - {"path"}):
                raise ManifestError(f"{path}: no published, source, url or title column")
            yield from rows
        except CsvFormatError as exc:
            raise ManifestError(str(exc)) from None
        except UnicodeDecodeError as exc:
            raise ManifestError(f"{path}: cannot read the manifest ({exc})") from None


def _json_rows(path: Path, handle: Iterable[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ManifestError(f"{path}, line {number}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise ManifestError(f"{path}, line {number}: expected an object with path, published, source, url")
        yield number, row
