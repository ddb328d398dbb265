"""Files in OUT_DIR are the run's own: a symbolic link planted there is never written through.

Before a run touches OUT_DIR, ``refuse_links`` checks every name the writers use
and refuses a link with a message; the files themselves are then opened with
``O_NOFOLLOW`` (a link that appears meanwhile makes the open fail rather than
write elsewhere), and temporary files are created exclusively (``O_EXCL``) after
whatever stood at their name is removed (removing a link leaves its target alone).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from .errors import OutputError

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # 0 on Windows, where creating a link needs privileges anyway

# every name a writer creates or opens in OUT_DIR; a trailing * matches any ending
OUTPUT_NAMES = (
    ".extractor.lock",
    "records.jsonl*",
    "records.sqlite*",
    "*.csv",
    "*.csv.writing",
    "run.json*",
    "report.html*",
    "report",
    "report.writing",
)


def refuse_link(path: Path) -> None:
    """An OutputError when ``path`` is a symbolic link (to anything, or to nothing)."""
    if path.is_symlink():
        raise OutputError(
            f"{path} is a symbolic link: extractor never writes through a link in its output folder. "
            "Remove the link (or write to another folder with -o)."
        )


def refuse_links(out_dir: Path) -> None:
    """Refuse a link at any name the writers use in OUT_DIR."""
    if not out_dir.is_dir():
        return
    for pattern in OUTPUT_NAMES:
        for path in sorted(out_dir.glob(pattern)):
            refuse_link(path)


def create_new(path: Path, mode: str = "w", **options: Any) -> IO[Any]:
    """A new file at ``path`` for writing, created exclusively: whatever stood there (a link, a stale file) is removed first."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | getattr(os, "O_BINARY", 0), 0o644)
    try:
        return os.fdopen(fd, mode, **options)
    except BaseException:
        os.close(fd)
        raise


def write_new(path: Path, text: str) -> None:
    """``text`` (UTF-8) into a new file at ``path`` (see ``create_new``)."""
    with create_new(path, "w", encoding="utf-8") as handle:
        handle.write(text)
