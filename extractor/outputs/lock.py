"""One run per output folder: an advisory lock on OUT_DIR/.extractor.lock that names its holder.

The lock is taken with ``fcntl.flock`` (``msvcrt.locking`` on Windows), so the
operating system releases it when the process ends, however it ends: a killed
run never leaves a stale lock behind. The file stays; its content (pid, host,
start time, command) only serves the message a second run prints.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path

from .errors import OutputError

LOCK_FILE = ".extractor.lock"

try:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


class OutputLock:
    """Held while a run writes OUT_DIR; a second run gets an OutputError that says who holds it."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            holder = _describe(self.path)
            os.close(fd)
            raise OutputError(
                f"{self.path.parent} is in use by another extractor run ({holder}). "
                "Wait for it to finish, or write to another folder with -o."
            )
        self._fd = fd
        note = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.strftime("%Y-%m-%d %H:%M:%S"), "command": sys.argv}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(note, ensure_ascii=False).encode("utf-8", "backslashreplace") + b"\n")

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _describe(path: Path) -> str:
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
        return f"pid {note['pid']} on {note['host']}, started {note['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "its pid is not recorded yet"
