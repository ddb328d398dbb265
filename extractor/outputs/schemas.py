"""JSON Schema files of the records, exported from the Pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from ..models import RECORD_TYPES


def schema_documents() -> dict[str, str]:
    """File name → JSON text, one schema per record kind."""
    return {
        f"{kind}.schema.json": json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for kind, model in RECORD_TYPES.items()
    }


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in schema_documents().items():
        path = directory / name
        path.write_text(document, encoding="utf-8")
        written.append(path)
    return written
