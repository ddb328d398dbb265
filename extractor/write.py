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
    def __init__(self, path: Path, append: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file: IO[str] = path.open("a" if append else "w", encoding="utf-8")

    def write_article(self, doc: str, article: Article) -> int:
        lines = [json.dumps(record_row(r, doc, article.index), ensure_ascii=False) + "\n" for r in article.records()]
        self._file.write("".join(lines))
        self._file.flush()
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
