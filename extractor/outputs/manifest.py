"""run.json: the manifest of a run (inputs and their outcomes, backend, counts, usage, duration).

Written once at the end, beside its final name and moved into place, so it is
always whole. Nothing to keep on --resume: the runner counts resumed documents
from the outcomes the ledger stored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .files import write_new
from .writer import MANIFEST_FILE, Writer


def write_json(path: Path, data: Any) -> None:
    """Write beside the final name, then move into place: a reader never sees half a file."""
    partial = path.with_name(path.name + ".writing")
    write_new(partial, json.dumps(data, ensure_ascii=False, indent=2))
    partial.replace(path)


class ManifestWriter(Writer):
    name = MANIFEST_FILE

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST_FILE

    def finish(self, manifest: dict[str, Any]) -> None:
        write_json(self.path, manifest)
