"""The one error a writer raises: the output cannot be written or trusted; the message says what to do."""

from __future__ import annotations

import errno
import sqlite3

from ..errors import ExtractorError


class OutputError(ExtractorError):
    """OUT_DIR cannot be used (in use, not a folder, read-only, full, or a damaged ledger); nothing the user has is lost."""


_FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def describe_write_error(exc: BaseException) -> str:
    """A plain reason for an OSError or SQLite error met while writing."""
    if isinstance(exc, OSError):
        if exc.errno in _FULL:
            return f"the disk is full or the file is too large ({exc.strerror})"
        if exc.errno in _DENIED:
            return f"not writable ({exc.strerror})"
        return exc.strerror or str(exc)
    if isinstance(exc, sqlite3.Error):
        text = str(exc)
        return "the disk is full" if "full" in text else text
    return str(exc)
