"""Step 8, write: records as JSON Lines, streamed as articles finish.

One JSON object a line: ``kind``, ``doc``, ``article``, then the record's own
fields (from the Pydantic model, so this file never lists them), ``evidence``
and ``status``. Each line is written whole and flushed, so an interrupted run
leaves only whole lines.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from .models import Article, Record


def record_row(record: Record, doc: str, article: int) -> dict:
    fields = record.model_dump(mode="json")
    kind = fields.pop("kind")
    return {"kind": kind, "doc": doc, "article": article, **fields}


class JsonlWriter:
    """Appends an article's lines with one unbuffered write, so a killed run leaves only whole lines."""

    def __init__(self, path: Path, append: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file: IO[bytes] = path.open("ab" if append else "wb", buffering=0)

    def write_article(self, doc: str, article: Article) -> int:
        # allow_nan=False: a bare NaN is not JSON and breaks every reader; such a record fails its document loudly
        lines = [json.dumps(record_row(r, doc, article.index), ensure_ascii=False, allow_nan=False) + "\n" for r in article.records()]
        data = memoryview("".join(lines).encode("utf-8"))
        while data:  # a regular file takes it in one call; a short write only on a full disk or a signal
            written = self._file.write(data)
            data = data[written or 0 :]
        return len(lines)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
