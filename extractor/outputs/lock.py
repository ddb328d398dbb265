"""One run per output folder: an advisory lock on OUT_DIR/.extractor.lock that names its holder.

The lock is taken with ``fcntl.flock`` (``msvcrt.locking`` on Windows), so the
operating system releases it when the process ends, however it ends: a killed
run never leaves a stale lock behind. Its content (pid and start time, never the
command line, which may hold a key) only serves the message a second run prints;
only its owner can read it (mode 0600), it is never a link followed, and it is
removed when the run ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

from .errors import OutputError
from .files import NOFOLLOW, refuse_link

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
        while True:
            refuse_link(self.path)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | NOFOLLOW, 0o600)
            if not _try_lock(fd):
                holder = _describe(self.path)
                os.close(fd)
                raise OutputError(
                    f"{self.path.parent} is in use by another extractor run ({holder}). "
                    "Wait for it to finish, or write to another folder with -o."
                )
            if _same_file(fd, self.path):
                break
            os.close(fd)  # the run before removed the file between our open and our lock: lock the one there now
        self._fd = fd
        if hasattr(os, "fchmod"):  # a lock file an older version left readable by all
            os.fchmod(fd, 0o600)
        note = {"pid": os.getpid(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(note).encode() + b"\n")

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):  # removed while held: a second run cannot lock the file we unlock
                if _same_file(self._fd, self.path):
                    self.path.unlink()
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``fd`` is still the file at ``path`` (not one removed meanwhile)."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path, follow_symlinks=False))
    except OSError:
        return False


def _describe(path: Path) -> str:
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
        return f"pid {note['pid']}, started {note['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "its pid is not recorded yet"
